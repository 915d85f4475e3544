// Package rulestest builds the passes of the rule families' own tests the
// way a run builds them: a config loaded by the real loader from the
// family's packs (and a config text, for tests that change options), and
// rules run by the driver.
package rulestest

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
)

// Config loads the packs of set with the config text yaml over them ("" for
// none), and fails t on an error.
func Config(t testing.TB, set *rules.Set, yaml string) *config.Config {
	t.Helper()
	var data []byte
	if yaml != "" {
		data = []byte(yaml)
	}
	cfg, err := config.Parse(set, "", data)
	if err != nil {
		t.Fatalf("loading the config: %v", err)
	}
	return cfg
}

// Rule returns rule id of cfg, on, or fails t.
func Rule(t testing.TB, cfg *config.Config, id string) *rules.Rule {
	t.Helper()
	r := cfg.Rule(id)
	if r == nil {
		t.Fatalf("no rule %s", id)
	}
	on := *r
	if on.Severity == analysis.SeverityOff {
		on.Severity = analysis.SeverityWarning
	}
	return &on
}

// Analyze runs rule id of cfg, through the driver, over text parsed as the
// draft name (plain text unless its extension says otherwise), and returns
// its findings.
func Analyze(t testing.TB, cfg *config.Config, id, name, text string) []analysis.Finding {
	t.Helper()
	doc := prose.Parse(name, []byte(text))
	findings, errs := lint.Analyze(doc, []*rules.Rule{Rule(t, cfg, id)}, cfg.Settings)
	for _, err := range errs {
		t.Fatal(err)
	}
	return findings
}

// Extract runs the extraction analyzer a over doc with the settings of cfg
// and returns its result.
func Extract(t testing.TB, cfg *config.Config, a *analysis.Analyzer, doc *prose.Document) any {
	t.Helper()
	pass := analysis.NewPass(a, doc, nil)
	pass.Options = cfg.Settings[a]
	v, err := a.Run(pass)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// StageDraft is a long news draft made of the Markdown fixtures of the
// rule families (run from a family's directory), without their test markers, repeated to about n bytes: the
// material of the per-stage benchmarks below.
func StageDraft(b *testing.B, n int) []byte {
	b.Helper()
	paths, _ := filepath.Glob("../*/testdata/*.md")
	marker := regexp.MustCompile(`<!--[^>]*-->`)
	var one bytes.Buffer
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		one.Write(marker.ReplaceAll(data, nil))
		one.WriteString("\n\n")
	}
	if one.Len() == 0 {
		b.Fatal("no fixtures under testdata")
	}
	var out bytes.Buffer
	for out.Len() < n {
		out.Write(one.Bytes())
	}
	return out.Bytes()
}
