package prose

import (
	"sync"
	"unsafe"
)

// store holds the memory of one document's paragraphs: their structs,
// texts, lower-cased copies, tokens, sentences and mappings are carved out
// of a few chunks instead of being allocated one by one (a draft has dozens
// of short paragraphs). A chunk is never written again once carved, and
// never reused for another document. The store also keeps the scratch
// buffers of the readers, which do go from one document to the next
// (storePool).
type store struct {
	n int // the length of the document's text: what sizes the chunks

	paras []Paragraph
	text  []byte
	low   []byte
	toks  []Token
	sents []Span
	segs  []segment
	ids   []int32

	// Scratch.
	list    []*Paragraph // the document's paragraphs so far
	b       paragraphBuilder
	spanBuf []Span
	lines   []Span // readPlain's block
}

var storePool = sync.Pool{New: func() any { return new(store) }}

// newStore returns a store for a document of n bytes.
func newStore(n int) *store {
	st := storePool.Get().(*store)
	st.n = n
	st.b.st = st
	return st
}

// paragraphs returns the document's paragraphs (nil if none) and gives the
// store back to the pool: its chunks stay with the paragraphs.
func (st *store) paragraphs() []*Paragraph {
	var out []*Paragraph
	if len(st.list) > 0 {
		out = make([]*Paragraph, len(st.list))
		copy(out, st.list)
	}
	clear(st.list)
	st.list = st.list[:0]
	st.paras, st.text, st.low, st.toks, st.sents, st.segs, st.ids = nil, nil, nil, nil, nil, nil, nil
	st.b.reset()
	// A huge document's buffers are not worth keeping.
	const keep = 1 << 20 // bytes
	if cap(st.b.text) > keep || cap(st.b.segs) > keep/40 || cap(st.list) > keep/8 ||
		cap(st.spanBuf) > keep/16 || cap(st.lines) > keep/16 {
		*st = store{}
	}
	storePool.Put(st)
	return out
}

// maxChunk is the largest chunk in bytes: larger objects are allocated
// apart from the heap's size classes, at a higher cost.
const maxChunk = 32 << 10

// carve returns n elements of the chunk, starting a new one of want
// elements (or n if more; at most maxChunk bytes unless n needs more) when
// it has too few left.
func carve[T any](chunk *[]T, n, want int) []T {
	c := *chunk
	k := len(c)
	if cap(c)-k < n {
		c = make([]T, 0, chunkLen[T](n, want))
		k = 0
	}
	c = c[:k+n]
	*chunk = c
	return c[k : k+n : k+n]
}

// chunkLen returns the length of a new chunk for n elements, want if it
// fits in maxChunk bytes.
func chunkLen[T any](n, want int) int {
	var t T
	return max(n, min(want, maxChunk/int(unsafe.Sizeof(t))))
}

// The wanted sizes of new chunks derive from rem, the bytes of source
// still to read: news copy has about a paragraph per 100 bytes, a
// token per 5 and a sentence per 80.

// paragraph returns a new paragraph and lists it in the document.
func (st *store) paragraph() *Paragraph {
	rem := st.n
	if len(st.list) > 0 {
		rem -= st.list[len(st.list)-1].End
	}
	p := &carve(&st.paras, 1, rem/96+4)[0]
	st.list = append(st.list, p)
	return p
}

// string returns a copy of b as a string.
func (st *store) string(b []byte, rem int) string {
	if len(b) == 0 {
		return ""
	}
	c := carve(&st.text, len(b), len(b)+rem)
	copy(c, b)
	return unsafe.String(&c[0], len(c))
}

// lower returns lowerSameLength(s), copied into the store when it differs
// from s.
func (st *store) lower(s string, rem int) string {
	i := lowerStart(s)
	if i == len(s) {
		return s
	}
	c := carve(&st.low, len(s), len(s)+rem)
	copy(c, s)
	if !foldLower(c, i) {
		st.low = st.low[:len(st.low)-len(c)] // unused after all
		return s
	}
	return unsafe.String(&c[0], len(c))
}

// tokens returns the tokens of text, never nil: they are written into the
// chunk's free room, or a slice of their own if they overflow it.
func (st *store) tokens(text string, rem int) []Token {
	// Room for one token per 3 bytes: a paragraph of prose has one per 5.
	room := len(text)/3 + 1
	c := st.toks
	if cap(c)-len(c) < room {
		c = make([]Token, 0, chunkLen[Token](room, room+rem/5))
	}
	free := c[len(c):len(c):cap(c)]
	toks := appendTokens(free, text)
	if len(toks) == 0 {
		return []Token{}
	}
	if unsafe.SliceData(toks) != unsafe.SliceData(free) {
		st.toks = c
		return toks[:len(toks):len(toks)] // overflowed: a slice of its own
	}
	st.toks = c[:len(c)+len(toks)]
	return toks[:len(toks):len(toks)]
}

// spans returns a copy of s, nil if empty.
func (st *store) spans(s []Span, rem int) []Span {
	if len(s) == 0 {
		return nil
	}
	c := carve(&st.sents, len(s), len(s)+rem/80)
	copy(c, s)
	return c
}

// segments returns a copy of s, nil if empty.
func (st *store) segments(s []segment, rem int) []segment {
	if len(s) == 0 {
		return nil
	}
	c := carve(&st.segs, len(s), len(s)+rem/64)
	copy(c, s)
	return c
}
