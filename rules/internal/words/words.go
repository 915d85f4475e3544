// Package words holds what the rule families share for reading words: a
// set of words with a cheap filter in front (Set), case folding (Lower,
// FoldASCII), token helpers over a paragraph (TokText, LowerTok, TokenAt,
// Capitalized) and the helpers for phrase hits (Outermost, Excused,
// AsWritten).
package words

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

func StartsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// Outermost sorts spans and drops every span inside another, so that "it is
// widely believed" is reported once, not also as "widely believed".
func Outermost(spans []prose.Span) []prose.Span {
	// Spans that compare equal are equal: any sort gives one order.
	slices.SortFunc(spans, func(a, b prose.Span) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.End <= out[n-1].End {
			continue
		}
		out = append(out, s)
	}
	return out
}

// Excused reports whether an unless phrase occurs in the sentence where hit
// starts. An unless phrase inside the hit itself does not count, so that a
// rule may flag "according to some" and be Excused by "according to"
// elsewhere in the sentence. Unless phrases come in text order (as the
// phrase matcher reports them): only those of the hit's sentence are
// looked at, so that a one-line article costs no more than its sentences.
func Excused(p *prose.Paragraph, hit prose.Span, unless []prose.Span) bool {
	if len(unless) == 0 {
		return false
	}
	from, to := 0, len(unless)
	if s := p.SentenceAt(hit.Start); s >= 0 {
		sent := p.Sentences[s]
		from = sort.Search(len(unless), func(i int) bool { return unless[i].Start >= sent.Start })
		to = sort.Search(len(unless), func(i int) bool { return unless[i].Start >= sent.End })
	}
	for _, u := range unless[from:max(from, to)] {
		if hit.Start <= u.Start && u.End <= hit.End {
			continue
		}
		return true
	}
	return false
}

// AsWritten returns matched text for a message: as in the draft, with each
// run of whitespace (a line break in a wrapped paragraph) as one space.
func AsWritten(s string) string {
	if plainSpaced(s) {
		return s // the common case, without allocating
	}
	return strings.Join(strings.Fields(s), " ")
}

// plainSpaced reports whether s is ASCII with no whitespace but single
// spaces between words: what asWritten leaves as it is.
func plainSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

func TokText(p *prose.Paragraph, k int) string { return p.Text[p.Tokens[k].Start:p.Tokens[k].End] }

func LowerTok(p *prose.Paragraph, k int) string {
	t := p.Tokens[k]
	w := p.Lower()[t.Start:t.End]
	for i := 0; i < len(w); i++ {
		if w[i] == 0xE2 { // perhaps ’: the rare slow path
			return strings.ReplaceAll(w, "’", "'")
		}
	}
	return w
}

// TokenAt returns the index of the first token from index lo on that
// starts at or after text offset i.
func TokenAt(p *prose.Paragraph, i, lo int) int {
	return TokenAtIn(p, i, lo, len(p.Tokens))
}

// TokenAtIn is tokenAt when the answer is known to be at most hi.
func TokenAtIn(p *prose.Paragraph, i, lo, hi int) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if p.Tokens[m].Start < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func Lower(s string) string { return phrase.Fold(s) }

// Set is a set of strings with a filter in front of its map: a
// string whose first byte and length no member has, as most words looked
// up, is told without hashing.
type Set struct {
	m map[string]struct{}
	// maybe[c&63] has bit n set when a member of n bytes starts with byte
	// c (lengths of 31 and more share bit 31). Bytes 64 apart share an
	// entry: the letters of one case, the digits and the punctuation
	// have theirs, and a small filter costs every load less memory.
	maybe [64]uint32
	// last is maybe for the last byte of the members: most words that
	// pass maybe are still ruled out by their ending, without hashing.
	last  [64]uint32
	empty bool // "" is a member
}

// NewSet returns a set with room for n members.
func NewSet(n int) Set {
	if n == 0 {
		return Set{}
	}
	return Set{m: make(map[string]struct{}, n)}
}

// FilterBit is the bit of maybe for a string of n bytes.
func FilterBit(n int) uint32 { return 1 << min(n, 31) }

func (s *Set) Add(w string) {
	if w == "" {
		s.empty = true
		return
	}
	if s.m == nil {
		s.m = map[string]struct{}{}
	}
	s.m[w] = struct{}{}
	s.maybe[w[0]&63] |= FilterBit(len(w))
	s.last[w[len(w)-1]&63] |= FilterBit(len(w))
}

// Has reports whether w is a member.
func (s *Set) Has(w string) bool {
	if w == "" {
		return s.empty
	}
	if b := FilterBit(len(w)); s.maybe[w[0]&63]&b == 0 || s.last[w[len(w)-1]&63]&b == 0 {
		return false
	}
	_, ok := s.m[w]
	return ok
}

// FoldASCII writes w folded to lower case into buf and returns it, without
// allocating; ok is false when w is not ASCII or is longer than buf. For
// ASCII, phrase.Fold, phraseFold and strings.ToLower agree with it.
func FoldASCII(buf *[32]byte, w string) (b []byte, ok bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

// HasBytes reports whether string(b) is a member, without allocating.
func (s *Set) HasBytes(b []byte) bool {
	if len(b) == 0 {
		return s.empty
	}
	if bit := FilterBit(len(b)); s.maybe[b[0]&63]&bit == 0 || s.last[b[len(b)-1]&63]&bit == 0 {
		return false
	}
	_, ok := s.m[string(b)]
	return ok
}

// HasFolded reports whether fold(w) is a member, where fold is phrase.Fold,
// phraseFold or strings.ToLower: they agree on ASCII, which is folded
// without allocating.
func (s *Set) HasFolded(w string, fold func(string) string) bool {
	var buf [32]byte
	if b, ok := FoldASCII(&buf, w); ok {
		return s.HasBytes(b)
	}
	return s.Has(fold(w))
}

// Capitalized reports whether token k is a word that starts with a capital.
func Capitalized(p *prose.Paragraph, k int) bool {
	t := p.Tokens[k]
	if t.Kind != prose.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p.Text[t.Start:])
	return r >= 'A' && r <= 'Z' || r > utf8.RuneSelf && IsUpper(r)
}

func IsUpper(r rune) bool { return unicode.IsUpper(r) || unicode.IsTitle(r) }

// Possessive reports whether a name ends in ’s or 's ("Russia’s foreign
// minister"): it opens a noun phrase rather than naming the speaker.
func Possessive(s string) bool {
	return strings.HasSuffix(s, "’s") || strings.HasSuffix(s, "'s") || strings.HasSuffix(s, "s’")
}

// PlainPhrase reports whether s is ASCII letters in words joined by single
// spaces ("familiar with"), as most phrases of the packs are: the tokens of
// such a phrase are its words, which the phrase functions find without
// tokenizing it.
func PlainPhrase(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}
