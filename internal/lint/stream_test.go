package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/rules/all"
)

// streamCorpus writes a directory of drafts: stories in two or three
// versions whose figures change (cross-version findings in the later
// versions), drafts with anonymous sources, drafts whose directives
// suppress a finding, suppress a cross-version finding, or suppress
// nothing, and clean drafts. It returns the inputs and the series.
func streamCorpus(t *testing.T) ([]lint.Input, [][]lint.VersionInput) {
	t.Helper()
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stories []string
	for i := range 30 {
		switch i % 6 {
		case 0: // a story in three versions
			name := fmt.Sprintf("s%02d", i)
			write(name+".v1.txt", fmt.Sprintf("The ferry carried %d passengers across the strait on Sunday.\n", 300+i))
			write(name+".v2.txt", fmt.Sprintf("The ferry carried %d passengers across the strait on Sunday.\n", 320+i))
			write(name+".v3.md", fmt.Sprintf("<!-- attrlint-disable-next-line figure-changed -->\nThe ferry carried %d passengers across the strait on Sunday.\n\nOfficials said the port would close.\n", 350+i))
			stories = append(stories, name)
		case 1:
			write(fmt.Sprintf("a%02d.txt", i), "Officials said the bridge would close for repairs on Monday.\n\nCritics say the repairs are overdue.\n")
		case 2:
			write(fmt.Sprintf("b%02d.md", i), "<!-- attrlint-disable anonymous-source -->\nOfficials said the bridge would close.\n")
		case 3:
			write(fmt.Sprintf("c%02d.md", i), "<!-- attrlint-disable-next-line anonymous-source -->\nThe bridge will close, the minister said.\n")
		case 4:
			write(fmt.Sprintf("d%02d.txt", i), "The council approved the budget on Tuesday by a vote of 7 to 2.\n")
		case 5:
			write(fmt.Sprintf("e%02d.txt", i), "\"We will not raise taxes,\" the mayor, Ana Ruiz, said on Monday.\n")
		}
	}
	inputs, errs, _ := lint.Discover([]string{dir}, lint.Filter{}, "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	byPath := map[string]lint.Input{}
	for _, in := range inputs {
		byPath[filepath.Base(in.Path)] = in
	}
	var series [][]lint.VersionInput
	for _, s := range stories {
		series = append(series, []lint.VersionInput{
			{Input: byPath[s+".v1.txt"]}, {Input: byPath[s+".v2.txt"]}, {Input: byPath[s+".v3.md"]},
		})
	}
	return inputs, series
}

func describe(fs []analysis.Finding) []string {
	var out []string
	for _, f := range fs {
		s := fmt.Sprintf("%s:%d-%d %s %s", filepath.Base(f.Doc.Path), f.Start, f.End, f.Rule, f.Message)
		for _, r := range f.Related {
			if r.Doc != nil {
				s += fmt.Sprintf(" [%s:%d %s]", filepath.Base(r.Doc.Path), r.Start, r.Message)
			}
		}
		out = append(out, s)
	}
	return out
}

// TestStreamIsTheWholeRun: what Stream emits file by file is what linting
// the whole run at once finds (Run, CompareSeries, merged, directives
// applied to both), in the same order, for every number of jobs; and each
// input is emitted once, in input order.
func TestStreamIsTheWholeRun(t *testing.T) {
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	inputs, series := streamCorpus(t)

	whole := lint.Run(cfg, inputs, lint.Options{})
	sres := lint.CompareSeries(cfg, series, lint.Options{})
	whole.Findings = lint.MergeFindings(whole.Findings, sres.Findings)
	lint.ApplyDirectives(cfg, whole)
	want := describe(whole.Findings)
	if len(sres.Findings) == 0 || !slices.ContainsFunc(whole.Findings, func(f analysis.Finding) bool { return f.Rule == "figure-changed" }) {
		t.Fatalf("the corpus should have cross-version findings left after directives: %q", want)
	}

	for _, jobs := range []int{1, 2, 5} {
		var got, order []string
		files := 0
		lint.Stream(cfg, inputs, series, lint.Options{Jobs: jobs}, func(fr *lint.FileResult) {
			order = append(order, fr.Path)
			got = append(got, describe(fr.Findings)...)
			if fr.Checked {
				files++
			}
			if len(fr.Errors) > 0 || len(fr.SeriesErrors) > 0 {
				t.Errorf("-j %d: %s: errors %v %v", jobs, fr.Path, fr.Errors, fr.SeriesErrors)
			}
		})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("-j %d: Stream found\n%q\nwant\n%q", jobs, got, want)
		}
		var inOrder []string
		for _, in := range inputs {
			inOrder = append(inOrder, in.Path)
		}
		if !reflect.DeepEqual(order, inOrder) {
			t.Errorf("-j %d: emitted %q, want the inputs in order %q", jobs, order, inOrder)
		}
		if files != whole.Files {
			t.Errorf("-j %d: %d files checked, want %d", jobs, files, whole.Files)
		}
	}
}

// TestMarkdownOverBudgetNotice: a Markdown draft that goldmark would take
// quadratic time over is read as plain text: its findings are reported,
// and a notice says how it was read.
func TestMarkdownOverBudgetNotice(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "deep.md")
	text := strings.Repeat(">", 10000) + " x\n\nOfficials said the bridge would close.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	res := lint.Run(fuzzCfg(t), []lint.Input{{Path: path, File: path, Explicit: true}}, lint.Options{Jobs: 1})
	if res.Files != 1 || len(res.Notices) != 1 || !strings.Contains(res.Notices[0], path+": read as plain text") {
		t.Errorf("files %d, notices %q", res.Files, res.Notices)
	}
	found := false
	for _, f := range res.Findings {
		found = found || f.Rule == "anonymous-source"
	}
	if !found {
		t.Errorf("no anonymous-source finding: %+v", res.Findings)
	}
}

// TestInvisibleCharactersDoNotHideFindings: a soft hyphen, a zero-width
// character or a ligature inside "Officials" does not hide the anonymous
// source, and the finding covers the word as written.
func TestInvisibleCharactersDoNotHideFindings(t *testing.T) {
	dir := t.TempDir()
	for i, word := range []string{"Of\u00ADficials", "Offi\u200Bcials", "Offi\u200Ccials", "Offi\u200Dcials", "Offici\u2060als", "Offi\uFEFFcials", "O\uFB03cials", "Of\uFB01cials"} {
		path := filepath.Join(dir, fmt.Sprintf("d%d.txt", i))
		if err := os.WriteFile(path, []byte(word+" said the bridge would close.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		res := lint.Run(fuzzCfg(t), []lint.Input{{Path: path, File: path, Explicit: true}}, lint.Options{Jobs: 1})
		found := false
		for _, f := range res.Findings {
			if f.Rule == "anonymous-source" {
				found = true
				if f.Start != 0 || f.End < len(word) {
					t.Errorf("%q: finding at [%d,%d)", word, f.Start, f.End)
				}
			}
		}
		if !found {
			t.Errorf("%q: no anonymous-source finding", word)
		}
	}
}
