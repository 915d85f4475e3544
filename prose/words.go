package prose

import (
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Word IDs. Phrase lists (package phrase) are compiled into automata over
// words; matching a paragraph against several of them would look every
// token up once per list. Instead, the words of every compiled list are
// interned into one process-wide vocabulary, and a paragraph looks each of
// its tokens up there once: an automaton then follows small integer IDs.
//
// A token's key is its text with the typographic apostrophe ’ read as the
// straight one ('): lower-cased for WordIDs, as written for ExactWordIDs.
// ID 0 stands for every token whose key is not in the vocabulary.

// vocabulary is one immutable state of the vocabulary: a word once
// interned keeps its ID in every later state.
type vocabulary struct {
	ids map[string]int32
	// filter prefilters lookups, so that most tokens are never hashed:
	// bit sketch(w) is set for each word w.
	filter [1 << 16 / 64]uint64
}

var vocab struct {
	mu  sync.Mutex // serializes InternWords
	cur atomic.Pointer[vocabulary]
}

func init() { vocab.cur.Store(&vocabulary{ids: map[string]int32{}}) }

// InternWords adds the keys to the vocabulary and returns their IDs (all
// above 0), in order. A key is a token's text as WordIDs or ExactWordIDs
// read it: with ' for ’, and lower-cased (as Lower does) for WordIDs.
// IDs never change: a key interned twice has one ID. It is safe for
// concurrent use, with itself and with matching.
func InternWords(keys []string) []int32 {
	vocab.mu.Lock()
	defer vocab.mu.Unlock()
	old := vocab.cur.Load()
	out := make([]int32, len(keys))
	var v *vocabulary
	for i, k := range keys {
		if id, ok := old.ids[k]; ok {
			out[i] = id
			continue
		}
		if v == nil { // copy on first write: readers keep the old state
			v = &vocabulary{ids: make(map[string]int32, len(old.ids)+len(keys)-i), filter: old.filter}
			for w, id := range old.ids {
				v.ids[w] = id
			}
		}
		id, ok := v.ids[k]
		if !ok {
			id = int32(len(v.ids) + 1)
			v.ids[k] = id
			if k != "" {
				h := sketch(k)
				v.filter[h/64] |= 1 << (h % 64)
			}
		}
		out[i] = id
	}
	if v != nil {
		vocab.cur.Store(v)
	}
	return out
}

// sketch hashes a non-empty word's length and first, second and last
// bytes to 16 bits.
func sketch(w string) uint32 {
	n := len(w)
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])<<16 ^ uint32(w[min(1, n-1)])<<8 ^ uint32(w[n-1])
	h *= 0x85EBCA6B
	return h >> 16
}

// lookup returns the ID of key w, or 0.
func (v *vocabulary) lookup(w string) int32 {
	if w == "" {
		return 0
	}
	if h := sketch(w); v.filter[h/64]&(1<<(h%64)) == 0 {
		return 0
	}
	return v.ids[w]
}

// wordIDs is a paragraph's cached IDs, with what they were computed from:
// a copy of a paragraph with other tokens or text, or a vocabulary that has
// grown since, computes them anew.
type wordIDs struct {
	v    *vocabulary
	text *byte
	tok  *Token
	n    int
	ids  []int32
}

// WordIDs returns, for each token of the paragraph, the ID of its
// lower-cased key in the vocabulary of InternWords, or 0. The slice is
// computed once and shared: callers must not modify it. Like the rest of a
// paragraph, it is not safe for concurrent first use.
func (p *Paragraph) WordIDs() []int32 {
	return p.words.get(p.Lower(), p.Tokens)
}

// ExactWordIDs is WordIDs for the tokens as written, case kept.
func (p *Paragraph) ExactWordIDs() []int32 {
	return p.exactWords.get(p.Text, p.Tokens)
}

func (c *wordIDs) get(text string, toks []Token) []int32 {
	v := vocab.cur.Load()
	var tok *Token
	if len(toks) > 0 {
		tok = &toks[0]
	}
	tp := unsafe.StringData(text)
	if c.v == v && c.text == tp && c.tok == tok && c.n == len(toks) {
		return c.ids
	}
	// A new slice: the old one may be held by a caller, or shared with a
	// copy of the paragraph.
	ids := make([]int32, 0, len(toks))
	var buf []byte
	for _, t := range toks {
		w := text[t.Start:t.End]
		if strings.IndexByte(w, rightQuote[0]) >= 0 && strings.Contains(w, rightQuote) {
			buf = appendStraight(buf[:0], w)
			ids = append(ids, v.lookup(string(buf)))
			continue
		}
		ids = append(ids, v.lookup(w))
	}
	*c = wordIDs{v: v, text: tp, tok: tok, n: len(toks), ids: ids}
	return ids
}

// rightQuote is the typographic apostrophe, U+2019.
const rightQuote = "\u2019"

// appendStraight appends w with every ’ replaced by '.
func appendStraight(dst []byte, w string) []byte {
	for {
		i := strings.Index(w, rightQuote)
		if i < 0 {
			return append(dst, w...)
		}
		dst = append(dst, w[:i]...)
		dst = append(dst, '\'')
		w = w[i+len(rightQuote):]
	}
}
