package rules

import (
	"strings"
	"sync"

	"github.com/attrlint/attrlint/phrase"
	"github.com/attrlint/attrlint/prose"
)

// Trigger classes of a word: what it may be the start of.
const (
	trigSource    = 1 << iota // a source noun or the last word of a marker
	trigQualified             // a qualified noun ("people")
	trigKnowledge             // the first word of a knowledge phrase
)

// triggerSet maps folded words to their trigger classes, with a filter on
// first byte and length in front of the map, so that most words of a
// paragraph are rejected without hashing.
type triggerSet struct {
	words map[string]uint8
	// maybe[c] has bit n set when a word of n bytes starts with byte c
	// (lengths of 63 and more share bit 63).
	maybe [256]uint64

	// byID is words by word ID (prose.InternWords), built on first use:
	// a paragraph's tokens are looked up once for all matchers.
	once sync.Once
	byID []uint8
}

func (s *triggerSet) add(w string, class uint8) {
	if w == "" {
		return
	}
	if s.words == nil {
		s.words = map[string]uint8{}
	}
	s.words[w] |= class
	s.maybe[w[0]] |= 1 << min(len(w), 63)
}

// classOf returns the trigger classes of the folded word w (0: none).
func (s *triggerSet) classOf(w string) uint8 {
	if w == "" || s.maybe[w[0]]&(1<<min(len(w), 63)) == 0 {
		return 0
	}
	return s.words[w]
}

// classAt returns the trigger classes of token k of p, as classOf does
// for the token's lower-cased text.
func (s *triggerSet) classAt(p *prose.Paragraph, ids []int32, k int) uint8 {
	s.once.Do(s.index)
	id := ids[k]
	if int(id) >= len(s.byID) || s.byID[id] == 0 {
		return 0
	}
	// A word ID reads ’ as ', which classOf does not.
	if t := p.Tokens[k]; strings.Contains(p.Text[t.Start:t.End], "’") {
		return s.classOf(p.Lower()[t.Start:t.End])
	}
	return s.byID[id]
}

func (s *triggerSet) index() {
	keys := make([]string, 0, len(s.words))
	for w := range s.words {
		keys = append(keys, w)
	}
	ids := prose.InternWords(keys)
	n := int32(0)
	for _, id := range ids {
		n = max(n, id)
	}
	s.byID = make([]uint8, n+1)
	for i, id := range ids {
		s.byID[id] = s.words[keys[i]]
	}
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
