package lint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/all"
)

// TestAnalyzeSeries specifies the driver of cross-version rules: each
// version after the first is analyzed with the versions before it, oldest
// first; extraction results are computed once per version however many
// rules and later versions read them; per-document runs skip series rules.
func TestAnalyzeSeries(t *testing.T) {
	runs := map[string]int{}
	words := &analysis.Analyzer{
		Name: "words",
		Doc:  "count the words of a version",
		Run: func(p *analysis.Pass) (any, error) {
			runs[p.Doc.Path]++
			n := 0
			for _, para := range p.Doc.Paragraphs {
				n += len(para.Tokens)
			}
			return n, nil
		},
	}
	var seen [][]string
	grew := &analysis.Analyzer{
		Name:     "grew",
		Doc:      "report a version longer than the one before it",
		Requires: []*analysis.Analyzer{words},
		Series:   true,
		Run: func(p *analysis.Pass) (any, error) {
			var paths []string
			for _, v := range p.Versions {
				paths = append(paths, v.Doc.Path)
			}
			seen = append(seen, paths)
			prev := p.Versions[len(p.Versions)-1]
			if p.ResultOf[words].(int) > prev.ResultOf[words].(int) {
				p.Report(analysis.Diagnostic{Start: 0, End: 1, Message: "longer",
					Related: []analysis.Related{{Doc: prev.Doc, Start: 0, End: 1}}})
			}
			return nil, nil
		},
	}
	kind := &rules.Kind{Name: "grew", Analyzer: grew}
	rs := []*rules.Rule{
		{ID: "grew-a", Kind: kind, Severity: analysis.SeverityWarning},
		{ID: "grew-b", Kind: kind, Severity: analysis.SeverityInfo},
	}
	docs := []*prose.Document{
		prose.Parse("v1.txt", []byte("The council met.")),
		prose.Parse("v2.txt", []byte("The council met on Tuesday.")),
		prose.Parse("v3.txt", []byte("The council met.")),
	}
	findings, errs := lint.AnalyzeSeries(docs, rs, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for path, n := range runs {
		if n != 1 {
			t.Errorf("the words analyzer ran %d times on %s, want once", n, path)
		}
	}
	if want := "[[v1.txt] [v1.txt] [v1.txt v2.txt] [v1.txt v2.txt]]"; fmt.Sprint(seen) != want {
		t.Errorf("Versions seen = %v, want %s (oldest first, each rule once per newer version)", seen, want)
	}
	var got []string
	for _, f := range findings {
		got = append(got, f.Doc.Path+" "+f.Rule+" "+f.Related[0].Doc.Path)
	}
	if want := "v2.txt grew-a v1.txt|v2.txt grew-b v1.txt"; strings.Join(got, "|") != want {
		t.Errorf("findings = %q, want %q", strings.Join(got, "|"), want)
	}
	if fs, _ := lint.Analyze(docs[1], rs, nil); len(fs) != 0 {
		t.Errorf("Analyze ran a series rule on a lone document: %v", fs)
	}
}

// TestCompareSeedsOfFixtures runs the embedded cross-version rules through
// CompareSeries on versions held in memory.
func TestCompareSeriesInMemory(t *testing.T) {
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	v1 := "The ferry carried 320 passengers across the strait on Sunday.\n"
	v2 := "The ferry carried 350 passengers across the strait on Sunday.\n"
	series := [][]lint.VersionInput{{
		{Input: lint.Input{Path: "HEAD:ferry.txt"}, Data: []byte(v1)},
		{Input: lint.Input{Path: "ferry.txt"}, Data: []byte(v2)},
	}}
	res := lint.CompareSeries(cfg, series, lint.Options{})
	if len(res.Errors) > 0 || res.Files != 2 || len(res.Findings) != 1 {
		t.Fatalf("CompareSeries = %d findings, %d files, errors %v; want 1 finding in 2 files", len(res.Findings), res.Files, res.Errors)
	}
	f := res.Findings[0]
	if f.Rule != "figure-changed" || f.Doc.Path != "ferry.txt" || f.Related[0].Doc.Path != "HEAD:ferry.txt" {
		t.Errorf("finding = %s in %s related %s; want figure-changed in ferry.txt related HEAD:ferry.txt", f.Rule, f.Doc.Path, f.Related[0].Doc.Path)
	}
}

// storyVersion generates a version of a long story of about size bytes:
// numbered paragraphs of news sentences whose figures and quotations are
// unique. Edits change every twentieth figure, reword a quotation, move
// paragraphs and add page furniture, as an editor would between versions.
func storyVersion(size, edit int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		ships := 40 + i
		if edit > 0 && i%20 == edit%20 {
			ships += 5 * edit
		}
		quote := fmt.Sprintf("We will stay out until the port of Berth %d pays what it owes,", i)
		if edit > 0 && i%25 == edit%25 {
			quote = fmt.Sprintf("We will stay out until the port of Berth %d pays what it promised,", i)
		}
		p := fmt.Sprintf("Dockworkers at berth %d extended their strike, leaving %d cargo ships waiting outside the harbor. “%s” said Marta Lund%d, the union’s leader. The port authority says %d containers are stuck at terminal %d.\n\n",
			i, ships, quote, i, 1000+17*i, i)
		if edit > 0 && i%30 == 0 {
			fmt.Fprintf(&b, "Photo: Workers at berth %d on Tuesday. Credit: Staff %d\n\n", i, edit)
		}
		b.WriteString(p)
	}
	return []byte(b.String())
}

func benchSeries(b *testing.B, size, versions int) {
	cfg, err := config.Default(all.Set)
	if err != nil {
		b.Fatal(err)
	}
	var datas [][]byte
	total := 0
	for v := 0; v < versions; v++ {
		d := storyVersion(size, v)
		datas = append(datas, d)
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for b.Loop() {
		docs := make([]*prose.Document, len(datas))
		for i, d := range datas {
			docs[i] = prose.Parse(fmt.Sprintf("v%d.txt", i+1), d)
		}
		if _, errs := lint.AnalyzeSeries(docs, cfg.Rules, cfg.Settings); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkCompare measures compare (parsing included) on two versions and
// on a series of ten, at 100 KB and 200 KB a version: the cost per byte
// should stay about the same.
func BenchmarkCompare(b *testing.B) {
	for _, size := range []int{100 << 10, 200 << 10} {
		for _, n := range []int{2, 10} {
			b.Run(fmt.Sprintf("%dKB/%dversions", size>>10, n), func(b *testing.B) { benchSeries(b, size, n) })
		}
	}
}
