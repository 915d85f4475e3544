package phrase

import (
	"fmt"
	"sort"
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
// phrase (see Check) is an *EntryError. Lists compiles the lists of a
// rule's options, reporting every bad item.
func Compile(entries []Entry) (*Matcher, error) {
	return compile(entries, prose.InternWords)
}

// compile builds a matcher for the entries, with intern giving the IDs of
// their words.
func compile(entries []Entry, intern func([]string) []int32) (*Matcher, error) {
	steps := make([][]step, len(entries))
	for i, e := range entries {
		st, err := split(e.Phrase, e.CaseSensitive)
		if err != nil {
			return nil, &EntryError{Index: i, Phrase: e.Phrase, Err: err}
		}
		steps[i] = st
	}
	return build(entries, steps, intern), nil
}

// build builds a matcher for the entries, split into steps, with intern
// giving the IDs of their words.
func build(entries []Entry, steps [][]step, intern func([]string) []int32) *Matcher {
	n := 0
	for _, st := range steps {
		n += len(st)
	}
	keys := make([]string, 0, n)
	for _, st := range steps {
		for _, s := range st {
			if !s.wild {
				keys = append(keys, s.key)
			}
		}
	}
	// Every word of every phrase is interned at once, so that a paragraph
	// looks each of its tokens up once for all matchers (prose.WordIDs).
	ids := intern(keys)
	maxID := int32(0)
	for _, id := range ids {
		maxID = max(maxID, id)
	}
	var folded, exact *trieBuilder
	for i, e := range entries {
		b := &folded
		if e.CaseSensitive {
			b = &exact
		}
		if *b == nil {
			*b = newTrieBuilder(maxID, len(entries), n)
		}
		ids = (*b).add(steps[i], ids, e.ID)
	}
	return newMatcher(folded.finish(), exact.finish(), len(entries))
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
// matching. Nodes are numbered from 0, the root; 0 as a child means none.
// Word IDs are above 0.
type trie struct {
	// Root[id] is the root's child for word id, or 0.
	Root []int32
	// WildNext[n] is the child of node n by its wildcard edge, or 0.
	WildNext []int32
	// Kids[First[n]:First[n+1]] are the children of node n (not the
	// root), sorted by their word IDs, KidIDs[First[n]:First[n+1]].
	First, KidIDs, Kids []int32
	// Out[n] are the ids of the entries that end at node n.
	Out [][]int
}

// trieBuilder builds a trie phrase by phrase. Its edges and outputs are
// linked lists in flat slices, which cost a few allocations for a whole
// pack's phrases where a map of edges cost one per node.
type trieBuilder struct {
	root []int32 // root[id]: the root's child for word ID id, or 0
	// firstEdge[n] is the first of node n's edges in edges, or -1;
	// firstOut[n] the first of its outputs in outs, or -1.
	firstEdge, firstOut []int32
	wildNext            []int32 // wildNext[n]: node n's child by its wildcard edge, or 0
	edges               []builderEdge
	outs                []builderOut
}

type builderEdge struct{ id, next, sibling int32 }

type builderOut struct {
	id   int
	next int32
}

// newTrieBuilder returns a builder for phrases whose word IDs are at most
// maxID, with room for about n phrases of steps steps.
func newTrieBuilder(maxID int32, n, steps int) *trieBuilder {
	b := &trieBuilder{
		root:      make([]int32, maxID+1),
		firstEdge: make([]int32, 1, steps+1),
		firstOut:  make([]int32, 1, steps+1),
		wildNext:  make([]int32, 1, steps+1),
		edges:     make([]builderEdge, 0, steps),
		outs:      make([]builderOut, 0, n),
	}
	b.firstEdge[0], b.firstOut[0] = -1, -1
	return b
}

// add adds a phrase whose word IDs are the first of ids, and returns the
// rest of ids.
func (b *trieBuilder) add(steps []step, ids []int32, id int) []int32 {
	node := int32(0)
	for _, st := range steps {
		var next int32
		switch {
		case st.wild:
			if next = b.wildNext[node]; next == 0 {
				next = b.newNode()
				b.wildNext[node] = next
			}
		case node == 0:
			w := ids[0]
			ids = ids[1:]
			if next = b.root[w]; next == 0 {
				next = b.newNode()
				b.root[w] = next
			}
		default:
			w := ids[0]
			ids = ids[1:]
			e := b.firstEdge[node]
			for e >= 0 && b.edges[e].id != w {
				e = b.edges[e].sibling
			}
			if e >= 0 {
				next = b.edges[e].next
			} else {
				next = b.newNode()
				b.edges = append(b.edges, builderEdge{id: w, next: next, sibling: b.firstEdge[node]})
				b.firstEdge[node] = int32(len(b.edges) - 1)
			}
		}
		node = next
	}
	for o := b.firstOut[node]; o >= 0; o = b.outs[o].next {
		if b.outs[o].id == id {
			return ids
		}
	}
	b.outs = append(b.outs, builderOut{id: id, next: b.firstOut[node]})
	b.firstOut[node] = int32(len(b.outs) - 1)
	return ids
}

func (b *trieBuilder) newNode() int32 {
	b.firstEdge = append(b.firstEdge, -1)
	b.firstOut = append(b.firstOut, -1)
	b.wildNext = append(b.wildNext, 0)
	return int32(len(b.wildNext) - 1)
}

// finish lays the edges out for matching; a nil builder gives a nil trie.
func (b *trieBuilder) finish() *trie {
	if b == nil {
		return nil
	}
	n := len(b.wildNext)
	t := &trie{WildNext: b.wildNext}
	maxRoot := 0
	for id, next := range b.root {
		if next != 0 {
			maxRoot = id
		}
	}
	t.Root = b.root[: maxRoot+1 : maxRoot+1]
	t.First = make([]int32, n+1)
	t.KidIDs = make([]int32, len(b.edges))
	t.Kids = make([]int32, len(b.edges))
	k := int32(0)
	for node := range n {
		t.First[node] = k
		from := k
		for e := b.firstEdge[node]; e >= 0; e = b.edges[e].sibling {
			t.KidIDs[k], t.Kids[k] = b.edges[e].id, b.edges[e].next
			k++
		}
		sortKids(t.KidIDs[from:k], t.Kids[from:k])
	}
	t.First[n] = k
	// Each node's outputs in the order they were added, in one backing
	// array.
	ids := make([]int, len(b.outs))
	t.Out = make([][]int, n)
	at := 0
	for node := range n {
		c := 0
		for o := b.firstOut[node]; o >= 0; o = b.outs[o].next {
			c++
		}
		if c == 0 {
			continue
		}
		out := ids[at : at+c : at+c]
		i := c
		for o := b.firstOut[node]; o >= 0; o = b.outs[o].next {
			i--
			out[i] = b.outs[o].id
		}
		t.Out[node] = out
		at += c
	}
	return t
}

// sortKids sorts a node's children by word ID, ids and kids together.
func sortKids(ids, kids []int32) {
	if len(ids) > 12 {
		sort.Sort(kidsByID{ids, kids})
		return
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
			kids[j], kids[j-1] = kids[j-1], kids[j]
		}
	}
}

type kidsByID struct{ ids, kids []int32 }

func (k kidsByID) Len() int           { return len(k.ids) }
func (k kidsByID) Less(i, j int) bool { return k.ids[i] < k.ids[j] }
func (k kidsByID) Swap(i, j int) {
	k.ids[i], k.ids[j] = k.ids[j], k.ids[i]
	k.kids[i], k.kids[j] = k.kids[j], k.kids[i]
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
