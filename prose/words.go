package prose

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
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

// vocabulary is the lookup table of the vocabulary as it was when it was
// published, built on first use (InternWords publishes a new one whenever
// a word is added, and only the last is ever looked in): a word once
// interned keeps its ID in every later state.
type vocabulary struct {
	once sync.Once
	// words is how many words were interned when it was published.
	words int
	// slots is the words as an open-addressing hash table on sketch,
	// which is cheaper than hashing whole words: a word is in the slot
	// sketch(w) & mask or in one of the slots after it, before an empty
	// one.
	slots []slot
	mask  uint32
	// filter prefilters lookups, so that most tokens not in the
	// vocabulary are never compared: bit sketch(w) % len(filter)*64 is set
	// for each word w.
	filter [1 << 16 / 64]uint64
	// ascii holds the IDs of the one-byte ASCII words: most punctuation.
	ascii [utf8.RuneSelf]int32
}

type slot struct {
	key string
	id  int32 // 0: empty
}

var vocab struct {
	mu  sync.Mutex       // guards ids
	ids map[string]int32 // every interned word
	cur atomic.Pointer[vocabulary]
}

func init() {
	vocab.ids = map[string]int32{}
	vocab.cur.Store(&vocabulary{})
}

// current returns the vocabulary's lookup table.
func current() *vocabulary {
	v := vocab.cur.Load()
	v.once.Do(v.index)
	return v
}

// InternWords adds the keys to the vocabulary and returns their IDs (all
// above 0), in order. A key is a token's text as WordIDs or ExactWordIDs
// read it: with ' for ’ (a key with ’ is read so too), and lower-cased (as
// Lower does) for WordIDs.
// IDs never change: a key interned twice has one ID. It is safe for
// concurrent use, with itself and with matching.
func InternWords(keys []string) []int32 {
	vocab.mu.Lock()
	defer vocab.mu.Unlock()
	out := make([]int32, len(keys))
	grew := false
	if len(vocab.ids) == 0 && len(keys) > 8 {
		// The first words, often all of a phrase matcher's at once:
		// a map of the right size costs a third of one grown to it.
		vocab.ids = make(map[string]int32, len(keys))
	}
	for i, k := range keys {
		if hasRightQuote(k) {
			k = string(appendStraight(nil, k))
		}
		id, ok := vocab.ids[k]
		if !ok {
			id = int32(len(vocab.ids) + 1)
			vocab.ids[k] = id
			grew = true
		}
		out[i] = id
	}
	if grew {
		// Paragraphs see the new words from their next WordIDs on; the
		// table is built when one asks, so that compiling many matchers
		// builds it once.
		vocab.cur.Store(&vocabulary{words: len(vocab.ids)})
	}
	return out
}

// index builds the table from the words interned so far: all those of
// its state, maybe more, which is as good, IDs being for ever.
func (v *vocabulary) index() {
	vocab.mu.Lock()
	defer vocab.mu.Unlock()
	n := 64
	for n < 4*len(vocab.ids) {
		n *= 2
	}
	v.slots = make([]slot, n)
	// Write the fresh table before probing it: a page first read is
	// mapped to the shared zero page, and the write after it is a second
	// fault that flushes the other threads' TLBs.
	clear(v.slots)
	v.mask = uint32(n - 1)
	for k, id := range vocab.ids {
		if k == "" {
			continue
		}
		if len(k) == 1 && k[0] < utf8.RuneSelf {
			v.ascii[k[0]] = id
		}
		h := sketch(k)
		v.filter[h%(1<<16)/64] |= 1 << (h % 64)
		i := h & v.mask
		for v.slots[i].id != 0 {
			i = (i + 1) & v.mask
		}
		v.slots[i] = slot{k, id}
	}
}

// sketch hashes a non-empty word's length and its first two and last two
// bytes.
func sketch(w string) uint32 {
	n := len(w)
	return sketchPair(uint64(w[0])|uint64(w[min(1, n-1)])<<8, uint64(w[max(n-2, 0)])|uint64(w[n-1])<<8, n)
}

// sketchPair is sketch of a word of n bytes whose first two bytes are
// first and last two are last, each read as a little-endian number.
func sketchPair(first, last uint64, n int) uint32 {
	x := first | last<<16 | uint64(n)<<32
	x *= 0x9E3779B97F4A7C15
	return uint32(x >> 32)
}

// lookup returns the ID of key w, or 0.
func (v *vocabulary) lookup(w string) int32 {
	if w == "" {
		return 0
	}
	h := sketch(w)
	if v.filter[h%(1<<16)/64]&(1<<(h%64)) == 0 {
		return 0
	}
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		s := &v.slots[i]
		if s.id == 0 {
			return 0
		}
		if s.key == w {
			return s.id
		}
	}
}

// wordIDs is a paragraph's cached IDs, with what they were computed from:
// a copy of a paragraph with other tokens or text, or a vocabulary that has
// grown since, computes them anew.
type wordIDs struct {
	v    *vocabulary
	text *byte
	tok  *Token
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
	if p.exactWords == nil { // rare: only case-sensitive phrases need them
		p.exactWords = new(wordIDs)
	}
	return p.exactWords.get(p.Text, p.Tokens)
}

func (c *wordIDs) get(text string, toks []Token) []int32 {
	v := current()
	var tok *Token
	if len(toks) > 0 {
		tok = &toks[0]
	}
	tp := unsafe.StringData(text)
	if c.v == v && c.text == tp && c.tok == tok && len(c.ids) == len(toks) {
		return c.ids
	}
	// A new slice: the old one may be held by a caller, or shared with a
	// copy of the paragraph.
	ids := make([]int32, len(toks))
	v.fill(ids, text, toks)
	*c = wordIDs{v: v, text: tp, tok: tok, ids: ids}
	return ids
}

// wordIDs computes the WordIDs of a new paragraph into the store, while its
// tokens and text are at hand, if the vocabulary has words: phrase lists
// compiled before parsing are matched against every paragraph. The cache
// is checked as ever, so a vocabulary grown since computes them anew.
func (st *store) wordIDs(p *Paragraph, rem int) {
	v := vocab.cur.Load()
	if v.words == 0 || len(p.Tokens) == 0 {
		return
	}
	v.once.Do(v.index)
	ids := carve(&st.ids, len(p.Tokens), len(p.Tokens)+rem/5)
	v.fill(ids, p.lower, p.Tokens)
	p.words = wordIDs{v: v, text: unsafe.StringData(p.lower), tok: &p.Tokens[0], ids: ids}
}

// fill sets ids[i] to the ID of toks[i] of text, or 0.
func (v *vocabulary) fill(ids []int32, text string, toks []Token) {
	ids = ids[:len(toks)]
	var buf []byte
	// Only a token holding ’ may be found with ' instead: none can if the
	// text holds none, which one fast search tells.
	quotes := strings.Contains(text, rightQuote)
	for i, t := range toks {
		w := text[t.Start:t.End]
		var id int32
		if n := len(w); n >= 2 {
			// lookup, inlined, with sketch for two bytes or more.
			h := sketchPair(uint64(w[0])|uint64(w[1])<<8, uint64(w[n-2])|uint64(w[n-1])<<8, n)
			if v.filter[h%(1<<16)/64]&(1<<(h%64)) != 0 {
				for j := h & v.mask; ; j = (j + 1) & v.mask {
					s := &v.slots[j]
					if s.id == 0 || s.key == w {
						id = s.id
						break
					}
				}
			}
		} else if n == 1 && w[0] < utf8.RuneSelf {
			ids[i] = v.ascii[w[0]]
			continue
		} else {
			id = v.lookup(w)
		}
		// No key holds ’ (InternWords), so only a word not found may be
		// found with '.
		if id == 0 && quotes && hasRightQuote(w) {
			buf = appendStraight(buf[:0], w)
			id = v.lookup(string(buf))
		}
		ids[i] = id
	}
}

// rightQuote is the typographic apostrophe, U+2019.
const rightQuote = "\u2019"

// hasRightQuote reports whether w holds ’.
func hasRightQuote(w string) bool {
	for i := 0; i+2 < len(w); i++ {
		if w[i] == 0xE2 && w[i+1] == 0x80 && w[i+2] == 0x99 {
			return true
		}
	}
	return false
}

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
