package phrase

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/attrlint/attrlint/prose"
)

// Frozen matchers. A program that compiles the same phrase lists on every
// run (attrlint's embedded rule packs, at every start-up) can compile them
// once, ahead of time, with Freeze, keep the result as Go data
// (FrozenSet.WriteGo), and hand it to UseFrozen: Compile then returns the
// frozen matcher for entries equal to the ones it was frozen from, and
// compiles any other entries as before. Thawing costs no tokenizing and no
// per-node allocation: a frozen trie is the trie that matching reads.

// A FrozenSet is matchers compiled ahead of time over one vocabulary of
// their own: word ID i+1 (as in a FrozenTrie) is Words[i].
type FrozenSet struct {
	Words    []string
	Matchers []Frozen
}

// A Frozen is one matcher compiled ahead of time: what Compile gives for
// Entries.
type Frozen struct {
	Entries []Entry
	// Folded and Exact are the tries of the case-insensitive and of the
	// case-sensitive entries; nil when there are none.
	Folded, Exact *FrozenTrie
}

// A FrozenTrie is a compiled trie as plain data. Nodes are numbered from 0,
// the root; 0 as a child means none. Word IDs are above 0.
type FrozenTrie struct {
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

// Freeze compiles each list of entries, as Compile would, over a
// vocabulary of the set's own. Lists equal to an earlier one are left out.
func Freeze(lists [][]Entry) (*FrozenSet, error) {
	set := &FrozenSet{}
	ids := map[string]int32{}
	intern := func(keys []string) []int32 {
		out := make([]int32, len(keys))
		for i, k := range keys {
			id, ok := ids[k]
			if !ok {
				set.Words = append(set.Words, k)
				id = int32(len(set.Words))
				ids[k] = id
			}
			out[i] = id
		}
		return out
	}
	for i, es := range lists {
		if slices.ContainsFunc(set.Matchers, func(f Frozen) bool { return slices.Equal(f.Entries, es) }) {
			continue
		}
		m, err := compile(es, intern)
		if err != nil {
			return nil, fmt.Errorf("list %d: %w", i, err)
		}
		set.Matchers = append(set.Matchers, Frozen{Entries: slices.Clip(slices.Clone(es)), Folded: (*FrozenTrie)(m.folded), Exact: (*FrozenTrie)(m.exact)})
	}
	return set, nil
}

// Check reports the first matcher of the set that is not what compiling
// its entries gives now (the tokenizer or the compiler changed since it
// was frozen), or one that uses a word the set does not hold.
func (s *FrozenSet) Check() error {
	ids := make(map[string]int32, len(s.Words))
	for i, w := range s.Words {
		ids[w] = int32(i + 1)
	}
	for i, f := range s.Matchers {
		var missing string
		intern := func(keys []string) []int32 {
			out := make([]int32, len(keys))
			for j, k := range keys {
				if out[j] = ids[k]; out[j] == 0 && missing == "" {
					missing = k
				}
			}
			return out
		}
		m, err := compile(f.Entries, intern)
		switch {
		case err != nil:
			return fmt.Errorf("frozen matcher %d: %w", i, err)
		case missing != "":
			return fmt.Errorf("frozen matcher %d: the set lacks the word %q", i, missing)
		case !sameTrie(f.Folded, (*FrozenTrie)(m.folded)) || !sameTrie(f.Exact, (*FrozenTrie)(m.exact)):
			return fmt.Errorf("frozen matcher %d (%d entries) is not what Compile gives for them", i, len(f.Entries))
		}
	}
	return nil
}

func sameTrie(a, b *FrozenTrie) bool {
	if a == nil || b == nil {
		return a == b
	}
	return slices.Equal(a.Root, b.Root) && slices.Equal(a.WildNext, b.WildNext) &&
		slices.Equal(a.First, b.First) && slices.Equal(a.KidIDs, b.KidIDs) &&
		slices.Equal(a.Kids, b.Kids) && slices.EqualFunc(a.Out, b.Out, slices.Equal)
}

// frozen is the set UseFrozen gave, with its tries over the process's
// vocabulary once one of them is asked for.
var frozen atomic.Pointer[frozenState]

type frozenState struct {
	set   *FrozenSet
	once  sync.Once
	tries [][2]*trie // per matcher: folded, exact
}

// UseFrozen makes Compile return the matchers of set for entries equal to
// the ones they were frozen from (nil: none). The set must not change
// afterwards: the matchers share its memory.
func UseFrozen(set *FrozenSet) {
	if set == nil {
		frozen.Store(nil)
		return
	}
	if cur := frozen.Load(); cur != nil && cur.set == set {
		return
	}
	frozen.Store(&frozenState{set: set})
}

// thawFrozen returns a matcher for entries from the set of UseFrozen, or
// nil when it holds none.
func thawFrozen(entries []Entry) *Matcher {
	st := frozen.Load()
	if st == nil {
		return nil
	}
	for i := range st.set.Matchers {
		if slices.Equal(st.set.Matchers[i].Entries, entries) {
			st.once.Do(st.thaw)
			t := st.tries[i]
			return newMatcher(t[0], t[1], len(entries))
		}
	}
	return nil
}

// thaw interns the set's words and gives each trie the process's word IDs:
// the frozen tries themselves when its words have the set's IDs (they were
// the first interned), else copies renumbered.
func (st *frozenState) thaw() {
	ids := prose.InternWords(st.set.Words)
	same := true
	for i, id := range ids {
		if id != int32(i+1) {
			same = false
			break
		}
	}
	st.tries = make([][2]*trie, len(st.set.Matchers))
	for i, f := range st.set.Matchers {
		for j, ft := range [2]*FrozenTrie{f.Folded, f.Exact} {
			switch {
			case ft == nil:
			case same:
				st.tries[i][j] = (*trie)(ft)
			default:
				st.tries[i][j] = renumber(ft, ids)
			}
		}
	}
}

// renumber returns the trie with word ID id read as ids[id-1]: what
// compiling its entries gives when their words have those IDs.
func renumber(ft *FrozenTrie, ids []int32) *trie {
	t := &trie{WildNext: ft.WildNext, First: ft.First, Out: ft.Out}
	maxRoot := int32(0)
	for id, next := range ft.Root {
		if next != 0 {
			maxRoot = max(maxRoot, ids[id-1])
		}
	}
	t.Root = make([]int32, maxRoot+1)
	for id, next := range ft.Root {
		if next != 0 {
			t.Root[ids[id-1]] = next
		}
	}
	t.KidIDs = make([]int32, len(ft.KidIDs))
	t.Kids = slices.Clone(ft.Kids)
	for k, id := range ft.KidIDs {
		t.KidIDs[k] = ids[id-1]
	}
	for n := 0; n+1 < len(t.First); n++ {
		lo, hi := t.First[n], t.First[n+1]
		sort.Sort(kidsByID{t.KidIDs[lo:hi], t.Kids[lo:hi]})
	}
	return t
}

type kidsByID struct{ ids, kids []int32 }

func (k kidsByID) Len() int           { return len(k.ids) }
func (k kidsByID) Less(i, j int) bool { return k.ids[i] < k.ids[j] }
func (k kidsByID) Swap(i, j int) {
	k.ids[i], k.ids[j] = k.ids[j], k.ids[i]
	k.kids[i], k.kids[j] = k.kids[j], k.kids[i]
}

// recorder holds the entries of the compiles Record records.
var recorder struct {
	on    atomic.Bool
	mu    sync.Mutex
	lists [][]Entry
}

func record(entries []Entry) {
	recorder.mu.Lock()
	defer recorder.mu.Unlock()
	if recorder.on.Load() {
		recorder.lists = append(recorder.lists, slices.Clone(entries))
	}
}

// Record calls fn and returns the entries of every Compile that succeeded
// meanwhile, in order: the lists to give Freeze for the matchers fn
// compiles. Calls of Record must not overlap.
func Record(fn func()) [][]Entry {
	recorder.mu.Lock()
	recorder.lists = nil
	recorder.on.Store(true)
	recorder.mu.Unlock()
	defer func() {
		recorder.mu.Lock()
		recorder.on.Store(false)
		recorder.lists = nil
		recorder.mu.Unlock()
	}()
	fn()
	recorder.mu.Lock()
	defer recorder.mu.Unlock()
	return recorder.lists
}

// WriteGo writes the set as a Go expression of type phrase.FrozenSet, for
// a file in another package that imports this one.
func (s *FrozenSet) WriteGo(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("phrase.FrozenSet{\n\tWords: []string{")
	for i, word := range s.Words {
		if i%8 == 0 {
			ew.printf("\n\t\t")
		} else {
			ew.printf(" ")
		}
		ew.printf("%s,", strconv.Quote(word))
	}
	ew.printf("\n\t},\n\tMatchers: []phrase.Frozen{\n")
	for _, f := range s.Matchers {
		ew.printf("\t\t{\n\t\t\tEntries: []phrase.Entry{\n")
		for _, e := range f.Entries {
			ew.printf("\t\t\t\t{Phrase: %s, ID: %d", strconv.Quote(e.Phrase), e.ID)
			if e.CaseSensitive {
				ew.printf(", CaseSensitive: true")
			}
			ew.printf("},\n")
		}
		ew.printf("\t\t\t},\n")
		for _, t := range []struct {
			name string
			t    *FrozenTrie
		}{{"Folded", f.Folded}, {"Exact", f.Exact}} {
			if t.t == nil {
				continue
			}
			ew.printf("\t\t\t%s: &phrase.FrozenTrie{\n", t.name)
			ew.ints("Root", t.t.Root)
			ew.ints("WildNext", t.t.WildNext)
			ew.ints("First", t.t.First)
			ew.ints("KidIDs", t.t.KidIDs)
			ew.ints("Kids", t.t.Kids)
			ew.printf("\t\t\t\tOut: [][]int{")
			for i, ids := range t.t.Out {
				ew.sep(i)
				if len(ids) == 0 {
					ew.printf("nil,")
					continue
				}
				ew.printf("{")
				for j, id := range ids {
					if j > 0 {
						ew.printf(", ")
					}
					ew.printf("%d", id)
				}
				ew.printf("},")
			}
			ew.printf("\n\t\t\t\t},\n")
			ew.printf("\t\t\t},\n")
		}
		ew.printf("\t\t},\n")
	}
	ew.printf("\t},\n}")
	return ew.err
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (e *errWriter) sep(i int) {
	if i%16 == 0 {
		e.printf("\n\t\t\t\t\t")
	} else {
		e.printf(" ")
	}
}

func (e *errWriter) ints(name string, vs []int32) {
	e.printf("\t\t\t\t%s: []int32{", name)
	for i, v := range vs {
		e.sep(i)
		e.printf("%d,", v)
	}
	e.printf("\n\t\t\t\t},\n")
}
