package baseline_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/baseline"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/all"
)

// Each paragraph of a briefing opens with a first reference: a bare
// "Officials said" in the paragraph after another would be a second
// reference, reported once.
var sources = []string{
	"City officials said",
	"A senior official told reporters",
	"Sources close to the council said",
	"An aide to the governor said",
	"Two people briefed on the talks said",
}

var topics = []string{
	"the harbour bridge would close for repairs on Monday",
	"the ferry contract had been cancelled",
	"the mayor would not stand for a third term",
	"the port deal had collapsed late on Friday",
	"the council had run out of money for the winter",
	"the budget vote would slip into next month",
	"the union had rejected the latest pay offer",
	"the hospital wing would open a year late",
	"the airport expansion had lost its main investor",
	"the police chief had offered to step down",
}

// desk writes drafts with 50 anonymous sources (10 per file) under dir and
// returns their paths.
func desk(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	for i, src := range sources {
		var b strings.Builder
		fmt.Fprintf(&b, "# Briefing %d\n\n", i+1)
		for _, topic := range topics {
			fmt.Fprintf(&b, "%s %s.\n\n", src, topic)
		}
		p := filepath.Join(dir, fmt.Sprintf("briefing-%d.md", i+1))
		write(t, p, b.String())
		paths = append(paths, p)
	}
	return paths
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, path string, f func(string) string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	write(t, path, f(string(data)))
}

func check(t *testing.T, cfg *config.Config, paths []string) []analysis.Finding {
	t.Helper()
	inputs, errs, _ := lint.Discover(paths, lint.Filter{Dir: cfg.Dir}, "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	res := lint.Run(cfg, inputs, lint.Options{})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	return res.Findings
}

func relTo(cfg *config.Config) baseline.Keyer {
	return func(p string) string { r, _ := cfg.Rel(p); return r }
}

// The adoption story: a desk with 50 findings records them, then edits its
// drafts: a new paragraph above the findings, a sentence rewritten
// elsewhere in one paragraph, one finding fixed by giving the reason, and
// one new anonymous source. Only the new source is reported.
func TestBaselineReportsOnlyTheNewFinding(t *testing.T) {
	dir := t.TempDir()
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = dir
	paths := desk(t, dir)
	before := check(t, cfg, paths)
	if len(before) != 50 {
		t.Fatalf("the desk has %d findings, want 50", len(before))
	}
	blPath := filepath.Join(dir, "attrlint-baseline.json")
	if err := baseline.Write(blPath, before, relTo(cfg)); err != nil {
		t.Fatal(err)
	}

	// Lines inserted above every finding of the first file.
	edit(t, paths[0], func(s string) string {
		return strings.Replace(s, "\n\n", "\n\nUpdated at 6 p.m. with the council's statement.\n\nThe council met in closed session on Thursday.\n\n", 1)
	})
	// An edit elsewhere in a finding's paragraph: another sentence added.
	edit(t, paths[1], func(s string) string {
		return strings.Replace(s, "cancelled.", "cancelled. The ferry company declined to comment.", 1)
	})
	// One finding fixed: the source is named.
	edit(t, paths[2], func(s string) string {
		return strings.Replace(s, "Sources close to the council said the mayor", "The mayor's spokesman, Tom Reyes, said the mayor", 1)
	})
	// One new anonymous source.
	edit(t, paths[3], func(s string) string {
		return s + "A government official said the tunnel tolls would double next year.\n"
	})

	after := check(t, cfg, paths)
	if len(after) != 50 {
		for _, f := range after {
			line, _ := f.Doc.Position(f.Start)
			t.Logf("%s:%d: %s", filepath.Base(f.Doc.Path), line, baseline.FlaggedText(&f))
		}
		t.Fatalf("after the edits the desk has %d findings, want 50 (one fixed, one new)", len(after))
	}
	bl, err := baseline.Read(blPath)
	if err != nil {
		t.Fatal(err)
	}
	left := bl.Filter(after, relTo(cfg))
	if len(left) != 1 {
		for _, f := range left {
			line, _ := f.Doc.Position(f.Start)
			t.Logf("%s:%d: %s", f.Doc.Path, line, baseline.FlaggedText(&f))
		}
		t.Fatalf("the baseline leaves %d findings, want only the new one", len(left))
	}
	if got := baseline.FlaggedText(&left[0]); !strings.HasPrefix(got, "A government official") || !strings.Contains(string(left[0].Doc.Text[left[0].Start:]), "tunnel tolls") {
		t.Errorf("the finding left is %q, want the new source about the tunnel tolls", got)
	}
}

// A baseline is written sorted, with no line numbers, so that the same
// findings always give the same bytes, and the rewrite is atomic: no
// temporary file is left beside it.
func TestBaselineFileIsStable(t *testing.T) {
	dir := t.TempDir()
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = dir
	paths := desk(t, dir)
	findings := check(t, cfg, paths)
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	if err := baseline.Write(a, findings, relTo(cfg)); err != nil {
		t.Fatal(err)
	}
	reversed := make([]analysis.Finding, len(findings))
	for i := range findings {
		reversed[len(findings)-1-i] = findings[i]
	}
	if err := baseline.Write(b, reversed, relTo(cfg)); err != nil {
		t.Fatal(err)
	}
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if string(da) != string(db) {
		t.Error("the same findings in another order give another baseline file")
	}
	if strings.Contains(string(da), "\"line\"") || !strings.HasSuffix(string(da), "}\n") {
		t.Errorf("baseline holds line numbers or lacks its final newline:\n%s", da)
	}
	var f baseline.File
	if err := jsonUnmarshal(da, &f); err != nil {
		t.Fatal(err)
	}
	if f.Version != baseline.Version || len(f.Findings) != 50 || f.Findings[0].File != "briefing-1.md" {
		t.Errorf("baseline: version %d, %d entries, first file %q", f.Version, len(f.Findings), f.Findings[0].File)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// The same sentence twice in a file is two findings with one fingerprint:
// the baseline counts them, and a third copy is new.
func TestBaselineCountsRepeatedFindings(t *testing.T) {
	doc := prose.Parse("wire/recap.md", []byte("Officials said the roads were closed.\n\nOfficials said the roads were closed.\n"))
	f := func(off int) analysis.Finding {
		return analysis.Finding{Doc: doc, Diagnostic: analysis.Diagnostic{Start: off, End: off + len("Officials said"), Rule: "anonymous-source"}}
	}
	two := []analysis.Finding{f(0), f(39)}
	data, err := baseline.New(two, nil).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	bl, err := baseline.Parse("b.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if left := bl.Filter(two, nil); len(left) != 0 {
		t.Errorf("both recorded copies reported again: %v", left)
	}
	doc3 := prose.Parse("wire/recap.md", []byte(string(doc.Text)+"\nOfficials said the roads were closed.\n"))
	three := []analysis.Finding{f(0), f(39), {Doc: doc3, Diagnostic: analysis.Diagnostic{Start: 78, End: 78 + 14, Rule: "anonymous-source"}}}
	if left := bl.Filter(three, nil); len(left) != 1 || left[0].Start != 78 {
		t.Errorf("a third copy: %d left, want the third", len(left))
	}
}

func TestFingerprintIgnoresPlaceAndLayout(t *testing.T) {
	fp := func(text, phrase string) string {
		doc := prose.Parse("draft.md", []byte(text))
		i := strings.Index(text, phrase)
		return baseline.Fingerprint(&analysis.Finding{Doc: doc, Diagnostic: analysis.Diagnostic{Start: i, End: i + len(phrase), Rule: "anonymous-source"}})
	}
	base := fp("Officials said the dam held.\n", "Officials said")
	tests := []struct {
		name, text string
		same       bool
	}{
		{"lines above", "# Flood\n\nWater rose overnight.\n\nOfficials said the dam held.\n", true},
		{"reflowed", "Officials said the dam\nheld.\n", true},
		{"CRLF", "Officials said the dam held.\r\n", true},
		{"another sentence in the paragraph", "Water rose overnight. Officials said the dam held.\n", true},
		{"the flagged sentence edited", "Officials said the dam had held.\n", false},
	}
	for _, tt := range tests {
		if got := fp(tt.text, "Officials said"); (got == base) != tt.same {
			t.Errorf("%s: same fingerprint = %v, want %v", tt.name, got == base, tt.same)
		}
	}
	if other := baseline.Fingerprint(&analysis.Finding{Doc: prose.Parse("draft.md", []byte("Officials said the dam held.\n")),
		Diagnostic: analysis.Diagnostic{Start: 0, End: 14, Rule: "vague-attribution"}}); other == base {
		t.Error("two rules on one span share a fingerprint")
	}
}

func TestParseRejectsWhatIsNotABaseline(t *testing.T) {
	for _, data := range []string{`{"version": 2, "findings": []}`, `{"findings": [{"file": "a.md", "line": 3}]}`, `[]`} {
		if _, err := baseline.Parse("ci/baseline.json", []byte(data)); err == nil || !strings.Contains(err.Error(), "--write-baseline") {
			t.Errorf("Parse(%s) = %v, want an error saying how to rewrite it", data, err)
		}
	}
	if _, err := baseline.Read(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "--write-baseline") {
		t.Errorf("a missing baseline: %v", err)
	}

}

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
