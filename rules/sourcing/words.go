package sourcing

import (
	"math/bits"
	"strings"
	"sync"

	"github.com/attrlint/attrlint/rules/internal/words"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

// Trigger classes of a word: what it may be the start of.
const (
	trigSource    = 1 << iota // a source noun or the last word of a marker
	trigQualified             // a qualified noun ("people")
	trigKnowledge             // the first word of a knowledge phrase

	// trigApostrophe marks, in triggerSet.byID, a word holding ', which
	// a token's ’ reads as: only then may the token's text differ from
	// the word.
	trigApostrophe = 1 << 7
)

// triggerSet maps folded words to their trigger classes, with a filter on
// first byte and length in front of the map, so that most words of a
// paragraph are rejected without hashing.
type triggerSet struct {
	words map[string]uint8
	// maybe[c&63] has bit n set when a word of n bytes starts with byte c
	// (see stringSet).
	maybe [64]uint32

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
	s.maybe[w[0]&63] |= words.FilterBit(len(w))
}

// classOf returns the trigger classes of the folded word w (0: none).
func (s *triggerSet) classOf(w string) uint8 {
	if w == "" || s.maybe[w[0]&63]&words.FilterBit(len(w)) == 0 {
		return 0
	}
	return s.words[w]
}

// classAt returns the trigger classes of token k of p, as classOf does
// for the token's lower-cased text.
func (s *triggerSet) classAt(p *prose.Paragraph, ids []int32, k int) uint8 {
	s.once.Do(s.index)
	id := ids[k]
	if int(id) >= len(s.byID) {
		return 0
	}
	c := s.byID[id]
	if c&trigApostrophe == 0 {
		return c // 0, or a word without ', so that the token has no ’
	}
	// A word ID reads ’ as ', which classOf does not.
	if t := p.Tokens[k]; strings.Contains(p.Text[t.Start:t.End], "’") {
		return s.classOf(p.Lower()[t.Start:t.End])
	}
	return c &^ trigApostrophe
}

// byWordID returns the trigger classes by word ID, with trigApostrophe:
// 0 for a word ID is no trigger, whatever the token.
func (s *triggerSet) byWordID() []uint8 {
	s.once.Do(s.index)
	return s.byID
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
		c := s.words[keys[i]]
		if c != 0 && strings.ContainsAny(keys[i], "'’") {
			c |= trigApostrophe
		}
		s.byID[id] = c
	}
}

// lastWord returns the last word of a phrase, folded as the matcher folds
// it ("" when the phrase ends in a wildcard or punctuation).
func lastWord(s string) string {
	if words.PlainPhrase(s) {
		return phrase.Fold(s[strings.LastIndexByte(s, ' ')+1:])
	}
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
	if words.PlainPhrase(s) {
		if i := strings.IndexByte(s, ' '); i >= 0 {
			s = s[:i]
		}
		return phrase.Fold(s)
	}
	toks := prose.Tokenize(s)
	if len(toks) == 0 || toks[0].Kind == prose.Punct {
		return ""
	}
	return strings.ReplaceAll(phrase.Fold(s[toks[0].Start:toks[0].End]), "’", "'")
}

// wordFilter tells the paragraphs that may hold a phrase of a list from
// those that cannot: a paragraph holds a phrase only if it holds every word
// of it. It reads tokens by word ID, as the phrase matcher does, so that
// skipping a paragraph it rejects changes no match.
type wordFilter struct {
	words []string       // folded, as the matcher folds them
	index map[string]int // words[index[w]] == w
	// phraseWords[ends[i-1]:ends[i]] are the indexes of the words of
	// phrase i (ends[-1] being 0).
	phraseWords []int32
	ends        []int32

	once sync.Once
	// byID is one more than the index of a word by its word ID
	// (prose.InternWords), 0 for a word in no phrase. keyed[k] lists the
	// phrases whose longest word (the rarest, most likely) is word k,
	// each as the bit set of its words, stride uint64s. All are built on
	// first use.
	byID   []uint16
	keyed  [][]uint64
	stride int
}

// maxFilterWords bounds the words of a wordFilter, so that a paragraph's
// set of them fits on the stack.
const maxFilterWords = 512

// addPhrases adds the words of each phrase.
func (f *wordFilter) addPhrases(phrases []string) {
	if f.index == nil {
		f.index = make(map[string]int, len(phrases))
		f.words = make([]string, 0, len(phrases))
		f.ends = make([]int32, 0, len(phrases))
		f.phraseWords = make([]int32, 0, 3*len(phrases))
	}
	for _, s := range phrases {
		f.addPhrase(s)
	}
}

// addPhrase adds the words of phrase s.
func (f *wordFilter) addPhrase(s string) {
	if f.index == nil {
		f.index = map[string]int{}
	}
	if words.PlainPhrase(s) {
		for s != "" {
			w, rest, _ := strings.Cut(s, " ")
			f.addWord(w)
			s = rest
		}
	} else {
		for _, t := range prose.Tokenize(s) {
			if w := s[t.Start:t.End]; w != phrase.Wildcard {
				f.addWord(w)
			}
		}
	}
	f.ends = append(f.ends, int32(len(f.phraseWords)))
}

// addWord adds word w to the phrase being added.
func (f *wordFilter) addWord(w string) {
	w = phrase.Fold(w)
	k, ok := f.index[w]
	if !ok {
		k = len(f.words)
		f.index[w] = k
		f.words = append(f.words, w)
	}
	f.phraseWords = append(f.phraseWords, int32(k))
}

func (f *wordFilter) build() {
	ids := prose.InternWords(f.words)
	n := int32(0)
	for _, id := range ids {
		n = max(n, id)
	}
	f.byID = make([]uint16, n+1)
	for k, id := range ids {
		f.byID[id] = uint16(k + 1)
	}
	if len(f.words) > maxFilterWords {
		return // any word of the list lets a paragraph through
	}
	f.stride = (len(f.words) + 63) / 64
	f.keyed = make([][]uint64, len(f.words))
	start := int32(0)
	for _, end := range f.ends {
		ws := f.phraseWords[start:end]
		start = end
		if len(ws) == 0 {
			continue
		}
		key := ws[0]
		for _, k := range ws {
			if len(f.words[k]) > len(f.words[key]) {
				key = k
			}
		}
		bits := make([]uint64, f.stride)
		for _, k := range ws {
			bits[k/64] |= 1 << (k % 64)
		}
		f.keyed[key] = append(f.keyed[key], bits...)
	}
}

// mayMatch reports whether paragraph p holds every word of one of the
// phrases: only then can it hold a match of one.
func (f *wordFilter) mayMatch(p *prose.Paragraph) bool {
	return f.mayMatchIDs(p.WordIDs())
}

// mayMatchRange reports whether tokens [a, b) of paragraph p hold every
// word of one of the phrases: only then can matching them alone
// (phrase.Matcher.MatchRange) find one.
func (f *wordFilter) mayMatchRange(p *prose.Paragraph, a, b int) bool {
	return f.mayMatchIDs(p.WordIDs()[a:b])
}

// mayMatchIDs is mayMatch for the tokens of word IDs ids.
func (f *wordFilter) mayMatchIDs(ids []int32) bool {
	f.once.Do(f.build)
	by := f.byID
	var seen [maxFilterWords / 64]uint64
	hit := false
	for _, id := range ids {
		if int(id) < len(by) {
			if k := by[id]; k != 0 {
				seen[(k-1)/64] |= 1 << ((k - 1) % 64)
				hit = true
			}
		}
	}
	if !hit || f.keyed == nil {
		return hit
	}
	for i, w := range seen[:f.stride] {
		for ; w != 0; w &= w - 1 {
			for b := f.keyed[i*64+bits.TrailingZeros64(w)]; len(b) > 0; b = b[f.stride:] {
				if subset(b[:f.stride], seen[:f.stride]) {
					return true
				}
			}
		}
	}
	return false
}

// subset reports whether every bit of a is set in b.
func subset(a, b []uint64) bool {
	for j, w := range a {
		if w&^b[j] != 0 {
			return false
		}
	}
	return true
}
