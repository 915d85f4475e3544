package sourcing

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/rules/quotes"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

// paraIndex is one paragraph seen through the sourcing vocabulary: for every
// token and word class, the longest phrase of that class starting there and
// the earliest one ending there.
type paraIndex struct {
	p    *prose.Paragraph
	toks []prose.Token
	n    int
	// ends[i*numClasses+c] is one past the last token of the longest
	// class-c phrase starting at token i, plus one (0: none).
	// starts[i*numClasses+c] is the first token of the earliest class-c
	// phrase ending at token i, plus one. A token's classes are adjacent,
	// so that a sentence's are one stretch.
	ends, starts []int32
	// sent[i] is the sentence of token i (-1 between sentences).
	sent []int32
	// quoted[i] tells whether token i lies inside a direct quotation.
	quoted []bool
	// named[i] tells whether token i is the cue of a direct quotation
	// whose speaker is named ("Blinken said that “...”").
	named []bool
	// any tells whether a class occurs at all in the paragraph.
	any [numClasses]bool
	// quotes is the quotes analyzer's result, when it ran.
	quotes *quotes.QuoteSet

	m     *phrase.Matcher
	lower string // the paragraph's text, folded
	// sentTok[s] is the first token of sentence s; sentTok[len] is n.
	// Tokens between sentences belong to the one before.
	sentTok []int
	// matched[s] tells whether sentence s has been matched.
	matched []bool
	buf     *indexBufs
	// lastFacts is one more than the sentence whose facts are
	// lastFactsVal (0: none yet).
	lastFacts    int
	lastFactsVal sentenceFacts
}

// indexBufs is the memory of one paraIndex, reused from paragraph to
// paragraph of a document.
type indexBufs struct {
	// idx is the paraIndex itself, so that indexing a paragraph does not
	// allocate one.
	idx                paraIndex
	ends, starts, sent []int32
	quoted, named      []bool
	sentTok            []int
	matched            []bool
}

// grow returns b[:n], reallocating when b is too short; the contents are
// unspecified.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/4)
	}
	return b[:n]
}

// newParaIndex prepares p for matching, in the memory of buf; sentences are
// matched on demand (see sentence), so that a long paragraph with one
// source in it costs one sentence's matching, not the paragraph's.
func newParaIndex(p *prose.Paragraph, m *phrase.Matcher, buf *indexBufs, quotes *quotes.QuoteSet) *paraIndex {
	n := len(p.Tokens)
	buf.ends = grow(buf.ends, numClasses*n)
	buf.starts = grow(buf.starts, numClasses*n)
	x := &buf.idx
	*x = paraIndex{p: p, toks: p.Tokens, n: n, m: m, lower: p.Lower(), buf: buf, quotes: quotes,
		ends: buf.ends, starts: buf.starts}
	x.finish()
	return x
}

// sentence matches sentence s (once) and returns its tokens [a, b).
func (x *paraIndex) sentence(s int) (int, int) {
	a, b := x.sentTok[s], x.sentTok[s+1]
	if x.matched[s] || a == b {
		return a, b
	}
	x.matched[s] = true
	clear(x.ends[a*numClasses : b*numClasses])
	clear(x.starts[a*numClasses : b*numClasses])
	x.m.MatchRange(x.p, a, b, func(mt phrase.Match) {
		c, first, last := mt.ID, mt.FirstTok, mt.LastTok
		x.any[c] = true
		if e, k := int32(last+2), first*numClasses+c; e > x.ends[k] {
			x.ends[k] = e
		}
		if k := last*numClasses + c; x.starts[k] == 0 || int32(first+1) < x.starts[k] {
			x.starts[k] = int32(first + 1)
		}
	})
	return a, b
}

// finish computes what only a paragraph with a candidate source needs:
// sentences of tokens and the extent of direct quotations.
func (x *paraIndex) finish() {
	b := x.buf
	x.sent = grow(b.sent, x.n)
	ns := len(x.p.Sentences)
	x.sentTok = grow(b.sentTok, ns+1)
	x.matched = grow(b.matched, ns)
	clear(x.matched)
	x.sentTok[0] = 0
	s := 0
	for i, t := range x.toks {
		for s < ns && x.p.Sentences[s].End <= t.Start {
			s++
			x.sentTok[s] = i
		}
		if s < ns && x.p.Sentences[s].Start <= t.Start {
			x.sent[i] = int32(s)
		} else {
			x.sent[i] = -1
		}
	}
	for s < ns {
		s++
		x.sentTok[s] = x.n
	}
	x.quoted = grow(b.quoted, x.n)
	x.named = grow(b.named, x.n)
	clear(x.quoted)
	clear(x.named)
	b.sent, b.sentTok, b.matched, b.quoted, b.named = x.sent, x.sentTok, x.matched, x.quoted, x.named
	if x.quotes != nil {
		x.markQuotes()
		return
	}
	// Without the quotes analyzer (a rule run on its own), double marks
	// bound the quotations.
	open := false
	for i, t := range x.toks {
		if t.Kind != prose.Punct {
			x.quoted[i] = open
			continue
		}
		switch x.p.Text[t.Start:t.End] {
		case "“", "«", "„":
			open = true
		case "”", "»":
			open = false
		case `"`:
			open = !open
		}
	}
}

// at returns the end (exclusive) of the longest class-c phrase starting at
// token i, or -1.
func (x *paraIndex) at(c, i int) int {
	if i < 0 || i >= x.n || !x.isMatched(i) {
		return -1
	}
	return int(x.ends[i*numClasses+c]) - 1
}

// endingAt returns the first token of the earliest class-c phrase ending at
// token i, or -1.
func (x *paraIndex) endingAt(c, i int) int {
	if i < 0 || i >= x.n || !x.isMatched(i) {
		return -1
	}
	return int(x.starts[i*numClasses+c]) - 1
}

// text returns the text of token i.
func (x *paraIndex) text(i int) string {
	t := x.toks[i]
	return x.p.Text[t.Start:t.End]
}

// isPunct reports whether token i is the punctuation mark s.
func (x *paraIndex) isPunct(i int, s string) bool {
	return i >= 0 && i < x.n && x.toks[i].Kind == prose.Punct && x.text(i) == s
}

// capitalized reports whether token i is a word starting with an upper-case
// letter.
func (x *paraIndex) capitalized(i int) bool {
	if i < 0 || i >= x.n || x.toks[i].Kind != prose.Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(x.text(i))
	return unicode.IsUpper(r)
}

// isInitialism reports whether token i is a word written with periods
// ("U.S", "U.N").
// isInitialism reports whether token i is a capitalized initialism such as
// the "U.S" of "U.S.": a modifier of a source ("U.S. officials"), unlike
// "a.m" ("at 5 a.m. Officials said").
func (x *paraIndex) isInitialism(i int) bool {
	return x.capitalized(i) && strings.Contains(x.text(i), ".")
}

// isCloseQuote reports whether token i closes a quotation or is a dash: what
// stands before an inverted attribution ("...,” said a senior official").
func (x *paraIndex) isAttributionLead(i int) bool {
	if i < 0 || i >= x.n || x.toks[i].Kind != prose.Punct {
		return false
	}
	switch x.text(i) {
	case ",", "”", `"`, "’", "'", "»", "—", "–", "(":
		return true
	}
	return false
}

// sentenceEnd returns one past the last token of token i's sentence.
func (x *paraIndex) sentenceEnd(i int) int {
	s := x.sent[i]
	j := i
	for j < x.n && (x.sent[j] == s || s < 0 && x.sent[j] < 0) {
		j++
	}
	return j
}

// sentenceStart returns the first token of token i's sentence.
func (x *paraIndex) sentenceStart(i int) int {
	s := x.sent[i]
	j := i
	for j > 0 && x.sent[j-1] == s {
		j--
	}
	return j
}

// markQuotes marks the tokens inside the document's full quotations and the
// cues of quotations with a named speaker.
func (x *paraIndex) markQuotes() {
	lo, hi := x.p.Start, x.p.End
	qs := x.quotes.Quotes
	// Quotations are in document order and do not overlap: start at the
	// first one that ends inside or after the paragraph.
	first := sort.Search(len(qs), func(i int) bool { return qs[i].Span.End > lo })
	// Tokens' sources are in order: find each quotation's tokens by binary
	// search, so that a one-line article with thousands of quotations
	// costs n log n, not quotations times tokens.
	src := func(k int) int { return x.p.Src(x.toks[k].Start) }
	from := func(off int) int { return sort.Search(len(x.toks), func(k int) bool { return src(k) >= off }) }
	for i := first; i < len(qs) && qs[i].Span.Start < hi; i++ {
		q := &qs[i]
		named := q.Pronoun && q.Speaker != ""
		if q.SpeakerSpan.Len() > 0 {
			for k := from(q.SpeakerSpan.Start); k < len(x.toks) && src(k) == q.SpeakerSpan.Start; k++ {
				// A speaker who is an unnamed source ("said a senior
				// official") names nobody.
				named = named || x.namedAt(k)
			}
		}
		if q.Full {
			for k := from(q.Span.Start + 1); k < len(x.toks) && src(k) < q.Span.End; k++ {
				x.quoted[k] = true
			}
		}
		if named && q.Cue != "" && q.Cue != "continuation" {
			for k := from(q.CueSpan.Start); k < len(x.toks) && src(k) < q.CueSpan.End; k++ {
				x.named[k] = true
			}
		}
	}
}

// isMatched reports whether token i lies in a sentence already matched:
// class data elsewhere is stale memory of another paragraph.
func (x *paraIndex) isMatched(i int) bool {
	s := x.sent[i]
	return s >= 0 && x.matched[s]
}
