package phrase

import (
	"bytes"
	"fmt"
	"go/parser"
	"reflect"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/prose"
)

var frozenLists = [][]Entry{
	{{Phrase: "critics say", ID: 1}, {Phrase: "* officials said", ID: 2}, {Phrase: "it’s believed", ID: 3},
		{Phrase: "U.S. officials said", ID: 2}, {Phrase: "AP", ID: 4, CaseSensitive: true},
		{Phrase: "critics said", ID: 1}, {Phrase: "according to * sources", ID: 5}},
	{{Phrase: "frozenword alpha", ID: 0}, {Phrase: "critics", ID: 1}, {Phrase: "Frozenword", ID: 2, CaseSensitive: true}},
	{},
}

// TestFrozenIsCompiled: a matcher that Compile takes from a frozen set is
// the one it compiles, whatever IDs the process gave the set's words, and
// finds the same matches.
func TestFrozenIsCompiled(t *testing.T) {
	set, err := Freeze(append(frozenLists, frozenLists[0]))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Matchers) != len(frozenLists) {
		t.Errorf("Freeze kept %d matchers of %d lists with one repeated, want %d", len(set.Matchers), len(frozenLists)+1, len(frozenLists))
	}
	if err := set.Check(); err != nil {
		t.Fatal(err)
	}
	// Some of the set's words get IDs before the set is thawed, out of
	// its order: its tries are renumbered.
	Compile([]Entry{{Phrase: "frozenword", ID: 9}, {Phrase: "alpha beta", ID: 9}})
	UseFrozen(set)
	defer UseFrozen(nil)
	text := "Critics say the plan failed. U.S. officials said so, and it's believed by AP that Pakistani officials said, " +
		"according to unnamed sources, that frozenword alpha was Frozenword, critics said, ap style."
	p := parse(text).Paragraphs[0]
	for i, es := range frozenLists {
		got, err := Compile(es)
		if err != nil {
			t.Fatal(err)
		}
		want, err := compile(es, prose.InternWords)
		if err != nil {
			t.Fatal(err)
		}
		if st := frozen.Load(); got.folded != st.tries[i][0] || got.exact != st.tries[i][1] {
			t.Fatalf("list %d: not thawed from the set", i)
		}
		if !reflect.DeepEqual(got.folded, want.folded) || !reflect.DeepEqual(got.exact, want.exact) || got.Len() != want.Len() {
			t.Errorf("list %d: thawed matcher differs from the compiled one", i)
		}
		if g, w := found(t, got, p), found(t, want, p); fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("list %d: thawed matcher finds %v, compiled %v", i, g, w)
		}
	}
	// Entries that differ in anything are compiled anew.
	other := append([]Entry(nil), frozenLists[0]...)
	other[4].CaseSensitive = false
	m, err := Compile(other)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(found(t, m, p)) == fmt.Sprint(found(t, mustCompile(t, frozenLists[0]), p)) {
		t.Error("a list differing in CaseSensitive got the frozen matcher")
	}
}

func mustCompile(t *testing.T, es []Entry) *Matcher {
	t.Helper()
	m, err := Compile(es)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestFrozenCheck: Check finds a trie that is not what compiling its
// entries gives, and a word the set lacks.
func TestFrozenCheck(t *testing.T) {
	set, err := Freeze(frozenLists[:1])
	if err != nil {
		t.Fatal(err)
	}
	set.Matchers[0].Folded.Kids[0]++
	if err := set.Check(); err == nil {
		t.Error("Check passed a changed trie")
	}
	set, _ = Freeze(frozenLists[:1])
	set.Matchers[0].Entries[0].Phrase = "critics say louder"
	if err := set.Check(); err == nil || !strings.Contains(err.Error(), `"louder"`) {
		t.Errorf("Check = %v, want the missing word", err)
	}
}

// TestRecord: Record returns the entries of the compiles fn made.
func TestRecord(t *testing.T) {
	lists := Record(func() {
		for _, es := range frozenLists {
			mustCompile(t, es)
		}
		Compile([]Entry{{Phrase: "*"}})
	})
	if !reflect.DeepEqual(lists[:2], frozenLists[:2]) || len(lists) != len(frozenLists) || len(lists[2]) != 0 {
		t.Errorf("Record = %v, want %v", lists, frozenLists)
	}
	mustCompile(t, frozenLists[0])
	if again := Record(func() {}); len(again) != 0 {
		t.Errorf("Record of nothing = %v", again)
	}
}

// TestWriteGo: WriteGo writes a Go expression.
func TestWriteGo(t *testing.T) {
	set, err := Freeze(frozenLists)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := set.WriteGo(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseExpr(b.String()); err != nil {
		t.Errorf("WriteGo wrote no Go expression: %v\n%s", err, b.String())
	}
}
