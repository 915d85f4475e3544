package phrase

import (
	"cmp"
	"fmt"
	"slices"
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
//
// When UseFrozen gave a set holding a matcher frozen from exactly these
// entries, Compile returns it instead of compiling them again.
func Compile(entries []Entry) (*Matcher, error) {
	m := thawFrozen(entries)
	if m == nil {
		var err error
		if m, err = compile(entries, prose.InternWords); err != nil {
			return nil, err
		}
	}
	if recorder.on.Load() {
		record(entries)
	}
	return m, nil
}

// compile builds a matcher for the entries, with intern giving the IDs of
// their words.
func compile(entries []Entry, intern func([]string) []int32) (*Matcher, error) {
	steps := make([][]step, len(entries))
	var keys []string
	for i, e := range entries {
		st, err := split(e.Phrase, e.CaseSensitive)
		if err != nil {
			return nil, &EntryError{Index: i, Phrase: e.Phrase, Err: err}
		}
		steps[i] = st
		for _, s := range st {
			if !s.wild {
				keys = append(keys, s.key)
			}
		}
	}
	// Every word of every phrase is interned at once, so that a paragraph
	// looks each of its tokens up once for all matchers (prose.WordIDs).
	ids := intern(keys)
	var folded, exact *trieBuilder
	for i, e := range entries {
		b := &folded
		if e.CaseSensitive {
			b = &exact
		}
		if *b == nil {
			*b = newTrieBuilder()
		}
		ids = (*b).add(steps[i], ids, e.ID)
	}
	return newMatcher(folded.finish(), exact.finish(), len(entries)), nil
}

func newMatcher(folded, exact *trie, n int) *Matcher {
	m := &Matcher{folded: folded, exact: exact, n: n}
	m.pool.New = func() any { return new(scratch) }
	return m
}

// Len returns the number of entries the matcher was compiled from.
func (m *Matcher) Len() int { return m.n }

// A Run is a range of a paragraph's tokens, [From, To).
type Run struct{ From, To int }

// Match calls fn for every phrase occurrence in the paragraph, in order of
// the first token. Occurrences of different entries may overlap; of the
// entries with one id, only the longest occurrence at a given first token is
// reported. At one first token, matches come in increasing order of id.
func (m *Matcher) Match(p *prose.Paragraph, fn func(Match)) {
	m.MatchRange(p, 0, len(p.Tokens), fn)
}

// MatchRange is Match on tokens [from, to) of the paragraph alone, as if
// they were all its tokens; matches report the paragraph's token indices
// and offsets.
func (m *Matcher) MatchRange(p *prose.Paragraph, from, to int, fn func(Match)) {
	if from >= to {
		return
	}
	s := m.pool.Get().(*scratch)
	s.runs = append(s.runs[:0], Run{from, to})
	m.match(p, s, s.runs, fn)
	m.pool.Put(s)
}

// MatchRuns is Match on the tokens of the runs alone, in order, as if they
// followed each other: a phrase may continue from the last token of one run
// to the first of the next. The runs must be in increasing order and must
// not overlap. Matches report the paragraph's token indices and offsets.
func (m *Matcher) MatchRuns(p *prose.Paragraph, runs []Run, fn func(Match)) {
	s := m.pool.Get().(*scratch)
	m.match(p, s, runs, fn)
	m.pool.Put(s)
}

func (m *Matcher) match(p *prose.Paragraph, s *scratch, runs []Run, fn func(Match)) {
	if m.folded == nil && m.exact == nil {
		return
	}
	toks := p.Tokens
	var fids, eids []int32
	if m.folded != nil {
		fids = p.WordIDs()
	}
	if m.exact != nil {
		eids = p.ExactWordIDs()
	}
	found, stack := s.found, s.stack
	for r, run := range runs {
		for i := run.From; i < run.To; i++ {
			found = found[:0]
			if m.folded != nil && m.folded.starts(fids[i], toks[i].Kind) {
				found, stack = m.folded.walk(found, stack, fids, toks, runs, r, i)
			}
			if m.exact != nil && m.exact.starts(eids[i], toks[i].Kind) {
				found, stack = m.exact.walk(found, stack, eids, toks, runs, r, i)
			}
			if len(found) == 0 {
				continue
			}
			if len(found) == 1 {
				fn(found[0])
				continue
			}
			for _, f := range longestPerID(found) {
				fn(f)
			}
		}
	}
	s.found, s.stack = found, stack
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
	runs  []Run
	stack []frame
	found []Match
}

// frame is a state of the walk: a node, and the token it reads next, in
// run r.
type frame struct {
	node int32
	r    int32
	tok  int
}

// trie is a token trie over word IDs (prose.InternWords), laid out for
// matching; a FrozenTrie is the same as exported data. Nodes are numbered
// from 0, the root; 0 as a child means none.
type trie FrozenTrie

// trieBuilder builds a trie phrase by phrase.
type trieBuilder struct {
	edges map[uint64]int32 // (node, word ID) → child
	// wildNext[n] is the child of node n by its wildcard edge, or 0.
	wildNext []int32
	out      [][]int // out[n]: ids of the phrases ending at node n
}

func newTrieBuilder() *trieBuilder {
	return &trieBuilder{
		edges:    map[uint64]int32{},
		wildNext: []int32{0},
		out:      [][]int{nil},
	}
}

func edge(node, id int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(id)) }

// add adds a phrase whose word IDs are the first of ids, and returns the
// rest of ids.
func (b *trieBuilder) add(steps []step, ids []int32, id int) []int32 {
	node := int32(0)
	for _, st := range steps {
		var next int32
		if st.wild {
			if next = b.wildNext[node]; next == 0 {
				next = b.newNode()
				b.wildNext[node] = next
			}
		} else {
			k := edge(node, ids[0])
			ids = ids[1:]
			var ok bool
			if next, ok = b.edges[k]; !ok {
				next = b.newNode()
				b.edges[k] = next
			}
		}
		node = next
	}
	for _, have := range b.out[node] {
		if have == id {
			return ids
		}
	}
	b.out[node] = append(b.out[node], id)
	return ids
}

func (b *trieBuilder) newNode() int32 {
	b.wildNext = append(b.wildNext, 0)
	b.out = append(b.out, nil)
	return int32(len(b.out) - 1)
}

// finish lays the edges out for matching; a nil builder gives a nil trie.
func (b *trieBuilder) finish() *trie {
	if b == nil {
		return nil
	}
	type kid struct{ node, id, next int32 }
	ks := make([]kid, 0, len(b.edges))
	maxRoot := int32(0)
	for k, next := range b.edges {
		node, id := int32(k>>32), int32(uint32(k))
		if node == 0 {
			maxRoot = max(maxRoot, id)
			continue
		}
		ks = append(ks, kid{node, id, next})
	}
	t := &trie{WildNext: b.wildNext}
	t.Root = make([]int32, maxRoot+1)
	for k, next := range b.edges {
		if node, id := int32(k>>32), int32(uint32(k)); node == 0 {
			t.Root[id] = next
		}
	}
	slices.SortFunc(ks, func(a, b kid) int {
		if a.node != b.node {
			return cmp.Compare(a.node, b.node)
		}
		return cmp.Compare(a.id, b.id)
	})
	n := len(b.out)
	t.First = make([]int32, n+1)
	t.KidIDs = make([]int32, len(ks))
	t.Kids = make([]int32, len(ks))
	for i, k := range ks {
		t.First[k.node+1]++
		t.KidIDs[i], t.Kids[i] = k.id, k.next
	}
	for i := 1; i <= n; i++ {
		t.First[i] += t.First[i-1]
	}
	t.Out = b.out
	return t
}

// starts reports whether a phrase may start at a token with word ID id
// and kind k: the test, cheap enough to inline, that spares most tokens a
// walk.
func (t *trie) starts(id int32, k prose.TokenKind) bool {
	return int(id) < len(t.Root) && t.Root[id] != 0 || t.WildNext[0] != 0 && k != prose.Punct
}

// child returns node's child for word ID id, or 0.
func (t *trie) child(node, id int32) int32 {
	if node == 0 {
		if int(id) < len(t.Root) {
			return t.Root[id]
		}
		return 0
	}
	if id == 0 {
		return 0
	}
	lo, hi := t.First[node], t.First[node+1]
	for hi-lo > 8 {
		mid := int32(uint32(lo+hi) >> 1)
		if t.KidIDs[mid] < id {
			lo = mid + 1
		} else {
			// mid itself may be id: keep it in [lo, hi).
			hi = mid + 1
		}
	}
	for ; lo < hi; lo++ {
		if t.KidIDs[lo] == id {
			return t.Kids[lo]
		}
	}
	return 0
}

// leaf reports whether node, not the root, has no way on.
func (t *trie) leaf(node int32) bool {
	return t.First[node] == t.First[node+1] && t.WildNext[node] == 0
}

// walk appends to found every phrase of the trie that starts at token i,
// of run r.
func (t *trie) walk(found []Match, stack []frame, ids []int32, toks []prose.Token, runs []Run, r, i int) ([]Match, []frame) {
	// The root's steps, without the stack: most tokens start no phrase,
	// and most phrases that start are one word long.
	var next int32
	if id := ids[i]; int(id) < len(t.Root) {
		next = t.Root[id]
	}
	wild := t.WildNext[0]
	if wild != 0 && toks[i].Kind == prose.Punct {
		wild = 0
	}
	if next == 0 && wild == 0 {
		return found, stack
	}
	// The token after i, in its run or the next one.
	nr, nt := int32(r), i+1
	if nt >= runs[nr].To {
		if nr++; int(nr) < len(runs) {
			nt = runs[nr].From
		} else {
			nt = -1
		}
	}
	stack = stack[:0]
	if next != 0 {
		found = t.emit(found, next, toks, i, i)
		if nt >= 0 && !t.leaf(next) {
			stack = append(stack, frame{node: next, r: nr, tok: nt})
		}
	}
	if wild != 0 {
		found = t.emit(found, wild, toks, i, i)
		if nt >= 0 && !t.leaf(wild) {
			stack = append(stack, frame{node: wild, r: nr, tok: nt})
		}
	}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		// The token after f.tok, in its run or the next one.
		nr, nt := f.r, f.tok+1
		if nt >= runs[nr].To {
			if nr++; int(nr) < len(runs) {
				nt = runs[nr].From
			} else {
				nt = -1
			}
		}
		if next := t.child(f.node, ids[f.tok]); next != 0 {
			found = t.emit(found, next, toks, i, f.tok)
			if nt >= 0 && !t.leaf(next) {
				stack = append(stack, frame{node: next, r: nr, tok: nt})
			}
		}
		if next := t.WildNext[f.node]; next != 0 && toks[f.tok].Kind != prose.Punct {
			found = t.emit(found, next, toks, i, f.tok)
			if nt >= 0 && !t.leaf(next) {
				stack = append(stack, frame{node: next, r: nr, tok: nt})
			}
		}
	}
	return found, stack
}

func (t *trie) emit(found []Match, node int32, toks []prose.Token, first, last int) []Match {
	for _, id := range t.Out[node] {
		found = append(found, Match{ID: id, Start: toks[first].Start, End: toks[last].End, FirstTok: first, LastTok: last})
	}
	return found
}
