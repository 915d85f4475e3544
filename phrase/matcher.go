package phrase

import (
	"fmt"
	"strings"
	"sync"

	"github.com/attrlint/attrlint/prose"
)

// A Matcher finds a fixed set of phrases in paragraphs. It is safe for
// concurrent use.
type Matcher struct {
	folded *trie // case-insensitive entries; nil when there are none
	exact  *trie // case-sensitive entries; nil when there are none
	n      int   // number of entries
	pool   sync.Pool
}

// EntryError is an error in one entry given to Compile.
type EntryError struct {
	// Index is the entry's index in the slice given to Compile.
	Index  int
	Phrase string
	Err    error
}

func (e *EntryError) Error() string {
	return fmt.Sprintf("phrase %d (%q): %v", e.Index, e.Phrase, e.Err)
}

func (e *EntryError) Unwrap() error { return e.Err }

// Compile builds a matcher for the entries. An entry that is not a usable
// phrase (see Check) is an *EntryError.
func Compile(entries []Entry) (*Matcher, error) {
	m := &Matcher{n: len(entries)}
	for i, e := range entries {
		steps, err := split(e.Phrase, e.CaseSensitive)
		if err != nil {
			return nil, &EntryError{Index: i, Phrase: e.Phrase, Err: err}
		}
		t := &m.folded
		if e.CaseSensitive {
			t = &m.exact
		}
		if *t == nil {
			*t = newTrie()
		}
		(*t).add(steps, e.ID)
	}
	m.pool.New = func() any { return new(scratch) }
	return m, nil
}

// Len returns the number of entries the matcher was compiled from.
func (m *Matcher) Len() int { return m.n }

// Match calls fn for every phrase occurrence in the paragraph, in order of
// the first token. Occurrences of different entries may overlap; of the
// entries with one id, only the longest occurrence at a given first token is
// reported. At one first token, matches come in increasing order of id.
func (m *Matcher) Match(p *prose.Paragraph, fn func(Match)) {
	toks := p.Tokens
	if len(toks) == 0 || m.folded == nil && m.exact == nil {
		return
	}
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	if m.folded != nil {
		s.fsyms = m.folded.symbols(s.fsyms[:0], p.Lower(), toks, &s.key)
	}
	if m.exact != nil {
		s.esyms = m.exact.symbols(s.esyms[:0], p.Text, toks, &s.key)
	}
	for i := range toks {
		s.found = s.found[:0]
		if m.folded != nil {
			s.found, s.stack = m.folded.walk(s.found, s.stack, s.fsyms, toks, i)
		}
		if m.exact != nil {
			s.found, s.stack = m.exact.walk(s.found, s.stack, s.esyms, toks, i)
		}
		if len(s.found) == 0 {
			continue
		}
		for _, f := range longestPerID(s.found) {
			fn(f)
		}
	}
}

// Matches returns every match in the paragraph, as Match reports them.
func (m *Matcher) Matches(p *prose.Paragraph) []Match {
	var out []Match
	m.Match(p, func(x Match) { out = append(out, x) })
	return out
}

// longestPerID keeps, for each id, the longest of the matches (which share
// their first token), and sorts them by id. It reuses found's memory.
func longestPerID(found []Match) []Match {
	out := found[:0]
	for _, f := range found {
		dup := false
		for k := range out {
			if out[k].ID == f.ID {
				if f.LastTok > out[k].LastTok {
					out[k] = f
				}
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, f)
		}
	}
	// Insertion sort: a handful of matches at most.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].ID < out[j-1].ID; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// scratch is the per-call working memory, pooled so that matching does not
// allocate.
type scratch struct {
	fsyms, esyms []int32
	stack        []frame
	found        []Match
	key          []byte
}

type frame struct {
	node int32
	pos  int
}

// Symbols: a token's symbol is the index of its text among the phrase
// tokens, or noSym; wildSym labels the wildcard edge.
const (
	noSym   = -2
	wildSym = -1
)

// trie is a token trie: nodes are numbered from 0 (the root); an edge is the
// pair (node, symbol).
type trie struct {
	syms map[string]int32
	// keyLens and keyEnds prefilter the lookup in syms: bit min(len, 63)
	// of keyLens is set for each key length, and bit first<<8|last of
	// keyEnds for each key's first and last byte. Most tokens of real copy
	// fail one of them and are never hashed.
	keyLens uint64
	keyEnds [1 << 16 / 64]uint64
	edges   map[uint64]int32
	wild    []bool  // wild[n]: node n has a wildcard edge
	out     [][]int // out[n]: ids of the phrases ending at node n
}

func newTrie() *trie {
	return &trie{
		syms:  map[string]int32{},
		edges: map[uint64]int32{},
		wild:  []bool{false},
		out:   [][]int{nil},
	}
}

func edge(node, sym int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(sym)) }

func (t *trie) add(steps []step, id int) {
	node := int32(0)
	for _, st := range steps {
		sym := int32(wildSym)
		if !st.wild {
			s, ok := t.syms[st.key]
			if !ok {
				s = int32(len(t.syms))
				t.syms[st.key] = s
				t.keyLens |= 1 << min(len(st.key), 63)
				e := endsOf(st.key)
				t.keyEnds[e/64] |= 1 << (e % 64)
			}
			sym = s
		} else {
			t.wild[node] = true
		}
		next, ok := t.edges[edge(node, sym)]
		if !ok {
			next = int32(len(t.out))
			t.edges[edge(node, sym)] = next
			t.wild = append(t.wild, false)
			t.out = append(t.out, nil)
		}
		node = next
	}
	for _, have := range t.out[node] {
		if have == id {
			return
		}
	}
	t.out[node] = append(t.out[node], id)
}

// symbols appends the symbol of each token of text to dst.
func (t *trie) symbols(dst []int32, text string, toks []prose.Token, key *[]byte) []int32 {
	for _, tok := range toks {
		w := text[tok.Start:tok.End]
		s := int32(noSym)
		if strings.IndexByte(w, rightQuote[0]) >= 0 && strings.Contains(w, rightQuote) {
			*key = appendNormalized((*key)[:0], w)
			if k := string(*key); t.mayHave(k) {
				if v, ok := t.syms[k]; ok {
					s = v
				}
			}
		} else if t.mayHave(w) {
			if v, ok := t.syms[w]; ok {
				s = v
			}
		}
		dst = append(dst, s)
	}
	return dst
}

// endsOf packs a key's first and last byte.
func endsOf(k string) int { return int(k[0])<<8 | int(k[len(k)-1]) }

// mayHave reports whether w may be a key of syms; false is certain.
func (t *trie) mayHave(w string) bool {
	if t.keyLens&(1<<min(len(w), 63)) == 0 {
		return false
	}
	e := endsOf(w)
	return t.keyEnds[e/64]&(1<<(e%64)) != 0
}

func appendNormalized(dst []byte, w string) []byte {
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

// walk appends to found every phrase of the trie that starts at token i.
func (t *trie) walk(found []Match, stack []frame, syms []int32, toks []prose.Token, i int) ([]Match, []frame) {
	if syms[i] == noSym && !t.wild[0] {
		return found, stack // the common case: no phrase starts here
	}
	stack = append(stack[:0], frame{0, i})
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.pos >= len(toks) {
			continue
		}
		if s := syms[f.pos]; s != noSym {
			if next, ok := t.edges[edge(f.node, s)]; ok {
				found = t.emit(found, next, toks, i, f.pos)
				stack = append(stack, frame{next, f.pos + 1})
			}
		}
		if t.wild[f.node] && toks[f.pos].Kind != prose.Punct {
			if next, ok := t.edges[edge(f.node, wildSym)]; ok {
				found = t.emit(found, next, toks, i, f.pos)
				stack = append(stack, frame{next, f.pos + 1})
			}
		}
	}
	return found, stack
}

func (t *trie) emit(found []Match, node int32, toks []prose.Token, first, last int) []Match {
	for _, id := range t.out[node] {
		found = append(found, Match{ID: id, Start: toks[first].Start, End: toks[last].End, FirstTok: first, LastTok: last})
	}
	return found
}
