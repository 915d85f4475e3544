package lint_test

import (
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/all"
	"github.com/attrlint/attrlint/rules/directive"
)

// TestRuleExamplesDoWhatTheySay runs every built-in rule on each example its
// pack documents: `attrlint explain` prints them, so an example marked
// flagged must be flagged by that rule and one marked accepted must not.
// Cross-version rules' examples describe pairs of versions and are covered
// by their fixtures instead.
func TestRuleExamplesDoWhatTheySay(t *testing.T) {
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range cfg.Rules {
		if r.Kind.Analyzer.Series {
			continue
		}
		if len(r.Examples) == 0 {
			t.Errorf("rule %s (%s) documents no examples", r.ID, r.Source)
			continue
		}
		for _, ex := range r.Examples {
			if r.Kind == directive.Kind {
				checkDirectiveExample(t, cfg, r, ex)
				continue
			}
			doc := prose.Parse("example.txt", []byte(ex.Text))
			rule := *r
			if rule.Severity == analysis.SeverityOff {
				rule.Severity = analysis.SeverityWarning
			}
			findings, errs := lint.Analyze(doc, []*rules.Rule{&rule}, cfg.Settings)
			for _, err := range errs {
				t.Errorf("rule %s, example %q: %v", r.ID, ex.Text, err)
			}
			if flagged := len(findings) > 0; flagged != ex.Flagged {
				var got []string
				for _, f := range findings {
					got = append(got, f.Message)
				}
				t.Errorf("rule %s, example %q: flagged = %v %q; the example says %v", r.ID, ex.Text, flagged, got, ex.Flagged)
			}
		}
	}
}

// checkDirectiveExample runs an example of unused-directive as a Markdown
// draft with every default rule, since a directive is judged on the
// findings of the other rules.
func checkDirectiveExample(t *testing.T, cfg *config.Config, r *rules.Rule, ex rules.Example) {
	t.Helper()
	findings, errs := lint.Check(cfg, prose.Parse("example.md", []byte(ex.Text)), "example.md")
	for _, err := range errs {
		t.Errorf("rule %s, example %q: %v", r.ID, ex.Text, err)
	}
	flagged := false
	for _, f := range findings {
		flagged = flagged || f.Rule == r.ID
	}
	if flagged != ex.Flagged {
		t.Errorf("rule %s, example %q: flagged = %v; the example says %v (findings %v)", r.ID, ex.Text, flagged, ex.Flagged, findings)
	}
}
