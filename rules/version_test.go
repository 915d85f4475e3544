package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/config"
	"github.com/attrlint/attrlint/lint"
	"github.com/attrlint/attrlint/prose"
)

// versionWant is a want comment of a version fixture: `<!-- want "rule" -->`
// or `<!-- want "rule: regexp" -->` on the line where the finding starts.
var versionWant = regexp.MustCompile(`<!--\s*want\s+((?:"(?:[^"\\]|\\.)*"\s*)+)-->`)

var wantString = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// TestVersionFixtures runs the cross-version rules over each series in
// testdata/versions (a directory of v1.md, v2.md, ... oldest first) and
// fails on every finding the newer versions do not expect and every
// expected one that is missing. Every finding must point at the version
// before it.
func TestVersionFixtures(t *testing.T) {
	cfg, err := config.Default()
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := os.ReadDir("testdata/versions")
	if err != nil {
		t.Fatal(err)
	}
	total, hits := 0, 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			docs := readSeries(t, filepath.Join("testdata/versions", d.Name()))
			findings, errs := lint.AnalyzeSeries(docs, cfg.Rules, cfg.Settings)
			for _, err := range errs {
				t.Error(err)
			}
			w, h := checkWants(t, docs, findings)
			total += w
			hits += h
		})
	}
	t.Logf("version fixtures: %d of %d expected findings found", hits, total)
}

func readSeries(t *testing.T, dir string) []*prose.Document {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "v*.md"))
	num := func(p string) int {
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), "v"), ".md"))
		return n
	}
	sort.Slice(files, func(i, j int) bool { return num(files[i]) < num(files[j]) })
	if len(files) < 2 {
		t.Fatalf("%s: a series needs v1.md and v2.md at least", dir)
	}
	var docs []*prose.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, prose.Parse(f, data))
	}
	return docs
}

type versionExpectation struct {
	doc  *prose.Document
	line int
	rule string
	re   *regexp.Regexp
}

func checkWants(t *testing.T, docs []*prose.Document, findings []analysis.Finding) (wanted, found int) {
	t.Helper()
	var wants []versionExpectation
	for _, doc := range docs {
		for _, m := range versionWant.FindAllSubmatchIndex(doc.Text, -1) {
			line, _ := doc.Position(m[0])
			for _, q := range wantString.FindAllString(string(doc.Text[m[2]:m[3]]), -1) {
				s, err := strconv.Unquote(q)
				if err != nil {
					t.Fatalf("%s:%d: bad want string %s", doc.Path, line, q)
				}
				rule, pat, _ := strings.Cut(s, ":")
				wants = append(wants, versionExpectation{doc, line, strings.TrimSpace(rule), regexp.MustCompile(strings.TrimSpace(pat))})
			}
		}
	}
	used := make([]bool, len(wants))
	index := map[*prose.Document]int{}
	for i, d := range docs {
		index[d] = i
	}
	for _, f := range findings {
		line, _ := f.Doc.Position(f.Start)
		ok := false
		for i, w := range wants {
			if !used[i] && w.doc == f.Doc && w.line == line && w.rule == f.Rule && w.re.MatchString(f.Message) {
				used[i], ok = true, true
				break
			}
		}
		if !ok {
			t.Errorf("%s:%d: unexpected %s: %s", f.Doc.Path, line, f.Rule, f.Message)
		}
		if len(f.Related) != 1 || f.Related[0].Doc == nil || index[f.Related[0].Doc] != index[f.Doc]-1 {
			t.Errorf("%s:%d: %s must point at the version before it, got %+v", f.Doc.Path, line, f.Rule, f.Related)
		}
	}
	for i, w := range wants {
		if used[i] {
			found++
		} else {
			t.Errorf("%s:%d: missing %s matching %q", w.doc.Path, w.line, w.rule, w.re)
		}
	}
	return len(wants), found
}
