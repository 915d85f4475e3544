// Package analysistest runs attrlint's rules over fixture drafts whose
// expected findings are written in the fixtures themselves, and fails on
// every missing and every unexpected finding.
//
// In Markdown and HTML fixtures an expectation is an HTML comment on the line
// where the finding starts:
//
//	Critics say the plan is doomed. <!-- want "vague-attribution" -->
//
// A comment may hold several quoted strings, one per expected finding. Each
// is a rule id, optionally followed by a colon and a regular expression that
// the message must match: `"anonymous-source: no reason"`.
//
// A plain-text fixture NAME.txt cannot hold comments; its expectations are in
// the sidecar file NAME.txt.want, one per line: `LINE rule-id` or
// `LINE rule-id: regexp`. Blank lines and lines starting with # are ignored.
//
// A .attrlint.yaml in the fixture directory configures the run (user rules,
// options, severities); without one the embedded defaults apply.
//
// Run and RunSeries take the ids of the rules under test, as go/analysis's
// analysistest.Run takes the analyzer under test: only those rules run, so
// a fixture expects the findings of its own family and no other's. With no
// ids every rule runs: that is for the one directory of fixtures about how
// the families interact (rules/all/testdata).
package analysistest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/all"
)

// An expectation is one finding a fixture wants.
type expectation struct {
	line    int
	rule    string
	message *regexp.Regexp
	where   string // for error messages: FILE:LINE of the expectation
}

// Run lints every fixture (.md, .markdown, .txt, .html, .htm) in dir with
// the rules named by ids (every rule when none is named) and compares the
// findings with the fixtures' expectations. It returns the findings, for
// tests that check more (messages, spans).
func Run(t *testing.T, dir string, ids ...string) []analysis.Finding {
	t.Helper()
	cfg := loadConfig(t, dir, ids)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading fixtures: %v", err)
	}
	var all []analysis.Finding
	n := 0
	for _, e := range entries {
		name := e.Name()
		switch strings.ToLower(filepath.Ext(name)) {
		case ".md", ".markdown", ".txt", ".html", ".htm":
		default:
			continue
		}
		if e.IsDir() {
			continue
		}
		n++
		path := filepath.Join(dir, name)
		all = append(all, runFile(t, cfg, dir, path)...)
	}
	if n == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	return all
}

// loadConfig loads the fixture config of dir, or the defaults, with only the
// rules ids on (every rule when ids is empty).
func loadConfig(t *testing.T, dir string, ids []string) *config.Config {
	t.Helper()
	path := filepath.Join(dir, ".attrlint.yaml")
	var cfg *config.Config
	var err error
	if _, statErr := os.Stat(path); statErr == nil {
		cfg, err = config.Load(all.Set, path)
	} else {
		cfg, err = config.Default(all.Set)
	}
	if err != nil {
		t.Fatalf("loading the fixture config: %v", err)
	}
	if len(ids) == 0 {
		return cfg
	}
	for _, id := range ids {
		if cfg.Rule(id) == nil {
			t.Fatalf("no rule %q to test", id)
		}
	}
	if err := cfg.Enable(ids); err != nil {
		t.Fatal(err)
	}
	var others []string
	for _, r := range cfg.Rules {
		if !slices.Contains(ids, r.ID) {
			others = append(others, r.ID)
		}
	}
	if err := cfg.Disable(others); err != nil {
		t.Fatal(err)
	}
	return cfg
}

func runFile(t *testing.T, cfg *config.Config, dir, path string) []analysis.Finding {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := prose.Parse(path, data)
	rel, _ := filepath.Rel(dir, path)
	findings, errs := lint.Check(cfg, doc, filepath.ToSlash(rel))
	for _, err := range errs {
		t.Errorf("%v", err)
	}
	var wants []expectation
	if doc.Format == prose.Plain {
		wants = sidecar(t, path)
	} else {
		wants = inline(t, path, doc)
	}
	compare(t, doc, findings, wants)
	return findings
}

var wantComment = regexp.MustCompile(`<!--\s*want\s+((?:"(?:[^"\\]|\\.)*"\s*)+)-->`)
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// inline reads the want comments of a Markdown or HTML fixture.
func inline(t *testing.T, path string, doc *prose.Document) []expectation {
	t.Helper()
	var out []expectation
	for _, m := range wantComment.FindAllSubmatchIndex(doc.Text, -1) {
		line, _ := doc.Position(m[0])
		for _, q := range quoted.FindAll(doc.Text[m[2]:m[3]], -1) {
			s, err := strconv.Unquote(string(q))
			if err != nil {
				t.Fatalf("%s:%d: bad want string %s: %v", path, line, q, err)
			}
			out = append(out, parseWant(t, path, line, s))
		}
	}
	return out
}

// sidecar reads NAME.txt.want.
func sidecar(t *testing.T, path string) []expectation {
	t.Helper()
	f, err := os.Open(path + ".want")
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectation
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		num, rest, ok := strings.Cut(s, " ")
		line, err := strconv.Atoi(num)
		if !ok || err != nil {
			t.Fatalf("%s.want:%d: want `LINE rule-id[: regexp]`, got %q", path, n, s)
		}
		out = append(out, parseWant(t, path, line, strings.TrimSpace(rest)))
	}
	return out
}

func parseWant(t *testing.T, path string, line int, s string) expectation {
	t.Helper()
	e := expectation{line: line, where: fmt.Sprintf("%s:%d", path, line)}
	rule, re, hasRE := strings.Cut(s, ":")
	e.rule = strings.TrimSpace(rule)
	if hasRE {
		rx, err := regexp.Compile(strings.TrimSpace(re))
		if err != nil {
			t.Fatalf("%s: bad message regexp %q: %v", e.where, re, err)
		}
		e.message = rx
	}
	return e
}

// errorer is the part of *testing.T that compare uses; the harness's own
// tests record what it reports.
type errorer interface {
	Helper()
	Error(args ...any)
}

// compare pairs findings with expectations on the same line and rule and
// reports what is left on either side.
func compare(t errorer, doc *prose.Document, findings []analysis.Finding, wants []expectation) {
	t.Helper()
	used := make([]bool, len(wants))
	var unexpected []string
	for _, f := range findings {
		line, col := doc.Position(f.Start)
		matched := false
		for i, w := range wants {
			if used[i] || w.line != line || w.rule != f.Rule {
				continue
			}
			if w.message != nil && !w.message.MatchString(f.Message) {
				continue
			}
			used[i] = true
			matched = true
			break
		}
		if !matched {
			unexpected = append(unexpected, fmt.Sprintf("%s:%d:%d: unexpected %s: %s (%q)",
				doc.Path, line, col, f.Rule, f.Message, doc.Text[f.Start:f.End]))
		}
	}
	var missing []string
	for i, w := range wants {
		if !used[i] {
			msg := ""
			if w.message != nil {
				msg = " matching " + w.message.String()
			}
			missing = append(missing, fmt.Sprintf("%s: missing %s%s", w.where, w.rule, msg))
		}
	}
	sort.Strings(missing)
	for _, s := range unexpected {
		t.Error(s)
	}
	for _, s := range missing {
		t.Error(s)
	}
}

// RunSeries runs the cross-version rules named by ids (every one when none
// is named) over the versions of one story in dir (v1.md, v2.md, ...
// oldest first; at least two) with the embedded defaults, and compares the
// findings of each version with its want comments as Run does. It returns
// the versions and the findings, for tests that check more (related
// locations).
func RunSeries(t *testing.T, dir string, ids ...string) ([]*prose.Document, []analysis.Finding) {
	t.Helper()
	cfg := loadConfig(t, dir, ids)
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
	findings, errs := lint.AnalyzeSeries(docs, cfg.Rules, cfg.Settings)
	for _, err := range errs {
		t.Errorf("%v", err)
	}
	for _, doc := range docs {
		var own []analysis.Finding
		for _, f := range findings {
			if f.Doc == doc {
				own = append(own, f)
			}
		}
		compare(t, doc, own, inline(t, doc.Path, doc))
	}
	return docs, findings
}
