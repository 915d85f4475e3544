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
// phrase (see Check) is an *EntryError.
func Compile(entries []Entry) (*Matcher, error) {
	m := &Matcher{n: len(entries)}
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
	ids := prose.InternWords(keys)
	for i, e := range entries {
		t := &m.folded
		if e.CaseSensitive {
			t = &m.exact
		}
		if *t == nil {
			*t = newTrie()
		}
		ids = (*t).add(steps[i], ids, e.ID)
	}
	for _, t := range []*trie{m.folded, m.exact} {
		if t != nil {
			t.finish()
		}
	}
	m.pool.New = func() any { return new(scratch) }
	return m, nil
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
	for r, run := range runs {
		for i := run.From; i < run.To; i++ {
			s.found = s.found[:0]
			if m.folded != nil && m.folded.starts(fids[i]) {
				s.found, s.stack = m.folded.walk(s.found, s.stack, fids, toks, runs, r, i)
			}
			if m.exact != nil && m.exact.starts(eids[i]) {
				s.found, s.stack = m.exact.walk(s.found, s.stack, eids, toks, runs, r, i)
			}
			if len(s.found) == 0 {
				continue
			}
			for _, f := range longestPerID(s.found) {
				fn(f)
			}
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

// trie is a token trie over word IDs (prose.InternWords). Nodes are
// numbered from 0, the root; 0 as a child means none.
type trie struct {
	// Built by add, read by finish.
	edges map[uint64]int32 // (node, word ID) → child
	// wildNext[n] is the child of node n by its wildcard edge, or 0.
	wildNext []int32
	out      [][]int // out[n]: ids of the phrases ending at node n

	// Built by finish. root[id] is the root's child for word id;
	// kids[first[n]:first[n+1]] are the other nodes' children, sorted by
	// word ID in kidIDs.
	root   []int32
	first  []int32
	kidIDs []int32
	kids   []int32
}

func newTrie() *trie {
	return &trie{
		edges:    map[uint64]int32{},
		wildNext: []int32{0},
		out:      [][]int{nil},
	}
}

func edge(node, id int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(id)) }

// add adds a phrase whose word IDs are the first of ids, and returns the
// rest of ids.
func (t *trie) add(steps []step, ids []int32, id int) []int32 {
	node := int32(0)
	for _, st := range steps {
		var next int32
		if st.wild {
			if next = t.wildNext[node]; next == 0 {
				next = t.newNode()
				t.wildNext[node] = next
			}
		} else {
			k := edge(node, ids[0])
			ids = ids[1:]
			var ok bool
			if next, ok = t.edges[k]; !ok {
				next = t.newNode()
				t.edges[k] = next
			}
		}
		node = next
	}
	for _, have := range t.out[node] {
		if have == id {
			return ids
		}
	}
	t.out[node] = append(t.out[node], id)
	return ids
}

func (t *trie) newNode() int32 {
	t.wildNext = append(t.wildNext, 0)
	t.out = append(t.out, nil)
	return int32(len(t.out) - 1)
}

// finish lays the edges out for matching.
func (t *trie) finish() {
	type kid struct{ node, id, next int32 }
	var ks []kid
	maxRoot := int32(0)
	for k, next := range t.edges {
		node, id := int32(k>>32), int32(uint32(k))
		if node == 0 {
			maxRoot = max(maxRoot, id)
			continue
		}
		ks = append(ks, kid{node, id, next})
	}
	t.root = make([]int32, maxRoot+1)
	for k, next := range t.edges {
		if node, id := int32(k>>32), int32(uint32(k)); node == 0 {
			t.root[id] = next
		}
	}
	sort.Slice(ks, func(a, b int) bool {
		if ks[a].node != ks[b].node {
			return ks[a].node < ks[b].node
		}
		return ks[a].id < ks[b].id
	})
	n := len(t.out)
	t.first = make([]int32, n+1)
	t.kidIDs = make([]int32, len(ks))
	t.kids = make([]int32, len(ks))
	for i, k := range ks {
		t.first[k.node+1]++
		t.kidIDs[i], t.kids[i] = k.id, k.next
	}
	for i := 1; i <= n; i++ {
		t.first[i] += t.first[i-1]
	}
	t.edges = nil
}

// starts reports whether a phrase may start at a token with word ID id.
func (t *trie) starts(id int32) bool {
	return int(id) < len(t.root) && t.root[id] != 0 || t.wildNext[0] != 0
}

// child returns node's child for word ID id, or 0.
func (t *trie) child(node, id int32) int32 {
	if node == 0 {
		if int(id) < len(t.root) {
			return t.root[id]
		}
		return 0
	}
	if id == 0 {
		return 0
	}
	lo, hi := t.first[node], t.first[node+1]
	for hi-lo > 8 {
		mid := int32(uint32(lo+hi) >> 1)
		if t.kidIDs[mid] < id {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	for ; lo < hi; lo++ {
		if t.kidIDs[lo] == id {
			return t.kids[lo]
		}
	}
	return 0
}

// leaf reports whether node, not the root, has no way on.
func (t *trie) leaf(node int32) bool {
	return t.first[node] == t.first[node+1] && t.wildNext[node] == 0
}

// walk appends to found every phrase of the trie that starts at token i,
// of run r.
func (t *trie) walk(found []Match, stack []frame, ids []int32, toks []prose.Token, runs []Run, r, i int) ([]Match, []frame) {
	stack = append(stack[:0], frame{node: 0, r: int32(r), tok: i})
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
		if next := t.wildNext[f.node]; next != 0 && toks[f.tok].Kind != prose.Punct {
			found = t.emit(found, next, toks, i, f.tok)
			if nt >= 0 && !t.leaf(next) {
				stack = append(stack, frame{node: next, r: nr, tok: nt})
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
