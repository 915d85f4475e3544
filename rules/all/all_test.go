package all_test

import (
	"sort"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/analysis/analysistest"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/rules/all"
)

// TestValidate checks every analyzer of the list, and those they require:
// names, one-line docs, a Run, no cycle in Requires.
func TestValidate(t *testing.T) {
	if err := analysis.Validate(all.Set.Analyzers()); err != nil {
		t.Fatal(err)
	}
}

// TestListSorted keeps the list in one order, the one the loader reads
// packs in: kinds and extractors by name, packs by name.
func TestListSorted(t *testing.T) {
	var kinds, extractors, packs []string
	seen := map[string]bool{}
	for _, k := range all.Set.Kinds {
		kinds = append(kinds, k.Name)
	}
	for _, x := range all.Set.Extractors {
		extractors = append(extractors, x.Analyzer.Name)
	}
	for _, p := range all.Set.Packs {
		packs = append(packs, p.Name)
		if seen[p.Name] {
			t.Errorf("pack %s listed twice", p.Name)
		}
		seen[p.Name] = true
	}
	for _, l := range [][]string{kinds, extractors, packs} {
		if !sort.StringsAreSorted(l) {
			t.Errorf("not sorted: %q", l)
		}
	}
}

// TestEveryKindHasARule: each kind of the list is used by a rule of the
// packs, and each rule's kind is in the list (the loader checks the
// latter too).
func TestEveryKindHasARule(t *testing.T) {
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, r := range cfg.Rules {
		used[r.Kind.Name] = true
	}
	for _, k := range all.Set.Kinds {
		if !used[k.Name] && k.Name != "pattern" { // pattern is for the user's own rules
			t.Errorf("kind %s: no rule of the packs uses it", k.Name)
		}
	}
}

// TestInteractions runs every rule over the one fixture directory that is
// about how the families meet: a directive judged on the other rules'
// findings, a source inside a quotation, a figure and a vague phrase in
// one sentence. The families' own fixtures run their own rules alone.
func TestInteractions(t *testing.T) {
	analysistest.Run(t, "testdata")
}
