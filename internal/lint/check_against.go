package lint

import (
	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/prose"
)

// CheckAgainst is Check with the cross-version rules also run against
// older, an earlier version of the same draft (its content at a git
// revision): what `check --against` does for one in-memory document, as
// the language server lints an editor buffer. The document's inline
// directives apply to the findings of both kinds of rules.
func CheckAgainst(cfg *config.Config, doc, older *prose.Document, key string) ([]analysis.Finding, []error) {
	rs := cfg.RulesFor(key)
	findings, errs := Analyze(doc, rs, cfg.Settings)
	more, serr := AnalyzeSeries([]*prose.Document{older, doc}, rs, cfg.Settings)
	res := &Result{Findings: MergeFindings(findings, more)}
	errs = append(errs, serr...)
	if dd := collectDirectives(doc, rs); dd != nil {
		res.Directives = []*DocDirectives{dd}
		ApplyDirectives(cfg, res)
	}
	return res.Findings, errs
}
