// Package phrase finds fixed phrases in prose: "critics say", "it is widely
// believed", "U.S. officials said". A Matcher compiles any number of phrases
// once into a trie over tokens and then finds every one of them in a
// paragraph in a single pass over its tokens.
//
// Phrases are tokenized with prose.Tokenize, the tokenizer that splits the
// text, so a phrase matches exactly where its words occur as whole tokens:
// "said" never matches inside "unsaid", and whitespace and line breaks
// between words do not matter. Matching is case-insensitive unless an entry
// asks otherwise, and the typographic apostrophe ’ equals the straight one.
// A phrase never spans two paragraphs, because a paragraph is the unit of
// matching.
//
// A "*" in a phrase stands for exactly one word or number:
// "* officials said" matches "Pakistani officials said" and
// "3 officials said", not "officials said" nor ", officials said".
package phrase

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/prose"
)

// An Entry is one phrase to find, with the caller's id for it. Several
// entries may share an id (the phrases of one rule) or a phrase (two rules
// listing "critics say").
type Entry struct {
	Phrase string
	ID     int
	// CaseSensitive makes the phrase match only as written; by default
	// case is ignored.
	CaseSensitive bool
}

// A Match is one occurrence of a phrase in a paragraph.
type Match struct {
	// ID is the id of the entry that matched.
	ID int
	// Start and End bound the match in the paragraph's Text.
	Start, End int
	// FirstTok and LastTok index the match's first and last token in the
	// paragraph's Tokens.
	FirstTok, LastTok int
}

// Wildcard is the phrase token that stands for any one word or number.
const Wildcard = "*"

// Check reports whether s can be used as a phrase: it must hold at least one
// token that is not a wildcard.
func Check(s string) error {
	_, err := split(s, false)
	return err
}

// step is one token of a compiled phrase: its folded text, or a wildcard.
type step struct {
	key  string
	wild bool
}

// split tokenizes a phrase into its steps.
func split(s string, caseSensitive bool) ([]step, error) {
	st, _, err := appendSteps(nil, nil, s, caseSensitive)
	return st, err
}

// appendSteps appends the steps of a phrase to steps, using toks for its
// tokens; it returns both, for reuse.
func appendSteps(steps []step, toks []prose.Token, s string, caseSensitive bool) ([]step, []prose.Token, error) {
	toks = prose.AppendTokens(toks[:0], s)
	if len(toks) == 0 {
		return steps, toks, errors.New("phrase is empty: give at least one word")
	}
	literal := false
	for _, t := range toks {
		w := s[t.Start:t.End]
		if w == Wildcard {
			steps = append(steps, step{wild: true})
			continue
		}
		literal = true
		if !caseSensitive {
			w = Fold(w)
		}
		steps = append(steps, step{key: normalizeApostrophes(w)})
	}
	if !literal {
		return steps, toks, fmt.Errorf("phrase %q has only wildcards: it would match every word", s)
	}
	return steps, toks, nil
}

// Fold lower-cases s letter by letter without changing its length, as
// prose.Paragraph.Lower does: a letter whose lower case has a different
// UTF-8 length (such as "İ") and an invalid byte are kept as they are.
func Fold(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for i < len(b) {
		if c := b[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || w > 1 {
			if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == w {
				utf8.EncodeRune(b[i:], l)
			}
		}
		i += w
	}
	return string(b)
}

// rightQuote is the typographic apostrophe, U+2019.
const rightQuote = "\u2019"

func normalizeApostrophes(s string) string {
	if strings.IndexByte(s, rightQuote[0]) < 0 {
		return s // the common word, with no ’ to look for
	}
	return strings.ReplaceAll(s, rightQuote, "'")
}
