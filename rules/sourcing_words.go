package rules

import (
	"strings"

	"github.com/attrlint/attrlint/phrase"
	"github.com/attrlint/attrlint/prose"
)

// triggerSet is a set of folded words with a filter on first letter and length
// in front of the map, so that most words of a paragraph are rejected
// without hashing.
type triggerSet struct {
	words map[string]struct{}
	// maybe[c] has bit n set when a word of n bytes starts with byte c
	// (lengths of 63 and more share bit 63).
	maybe [256]uint64
}

func newTriggerSet(ws []string) triggerSet {
	s := triggerSet{words: make(map[string]struct{}, len(ws))}
	for _, w := range ws {
		if w == "" {
			continue
		}
		s.words[w] = struct{}{}
		s.maybe[w[0]] |= 1 << min(len(w), 63)
	}
	return s
}

// has reports whether the folded word w is in the set.
func (s *triggerSet) has(w string) bool {
	if w == "" || s.maybe[w[0]]&(1<<min(len(w), 63)) == 0 {
		return false
	}
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	_, ok := s.words[w]
	return ok
}

// lastWord returns the last word of a phrase, folded as the matcher folds
// it ("" when the phrase ends in a wildcard or punctuation).
func lastWord(s string) string {
	toks := prose.Tokenize(s)
	if len(toks) == 0 {
		return ""
	}
	t := toks[len(toks)-1]
	if t.Kind == prose.Punct {
		return ""
	}
	return strings.ReplaceAll(phrase.Fold(s[t.Start:t.End]), "’", "'")
}

// firstWord returns the first word of a phrase, folded as the matcher folds
// it ("" when the phrase starts with a wildcard or punctuation).
func firstWord(s string) string {
	toks := prose.Tokenize(s)
	if len(toks) == 0 || toks[0].Kind == prose.Punct {
		return ""
	}
	return strings.ReplaceAll(phrase.Fold(s[toks[0].Start:toks[0].End]), "’", "'")
}
