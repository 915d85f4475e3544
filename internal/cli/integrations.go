package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/attrlint/attrlint/baseline"
	"github.com/attrlint/attrlint/lint"
	"github.com/attrlint/attrlint/report"
)

// repoURL is where the rule packs are published; rule help links point at
// them.
const repoURL = "https://github.com/attrlint/attrlint"

// filterRun applies what stands between the analyzers and the report: the
// drafts' inline directives, then the baseline (--write-baseline records
// today's findings and leaves none to report; --baseline drops the
// recorded ones).
func filterRun(e *env, s *setup, res *lint.Result) error {
	lint.ApplyDirectives(s.cfg, res)
	key := func(path string) string {
		rel, _ := s.cfg.Rel(path)
		return rel
	}
	if s.writeBaseline != "" {
		if err := baseline.Write(s.writeBaseline, res.Findings, key); err != nil {
			return err
		}
		res.Notices = append(res.Notices, fmt.Sprintf("recorded %s in the baseline %s; check with --baseline %s to see only new ones",
			plural(len(res.Findings), "finding"), s.writeBaseline, s.writeBaseline))
		res.Findings = nil
		return nil
	}
	if s.baseline != "" {
		bl, err := baseline.Read(s.baseline)
		if err != nil {
			return err
		}
		res.Findings = bl.Filter(res.Findings, key)
	}
	return nil
}

// reportRun is what the report is written from: the findings, with the
// metadata of every rule for the formats that describe rules (sarif).
func reportRun(s *setup, res *lint.Result) *report.Run {
	run := &report.Run{Findings: res.Findings, Files: res.Files, Version: version()}
	for _, r := range s.cfg.Rules {
		rr := report.Rule{ID: r.ID, Summary: r.Summary, Doc: r.Doc, Default: r.Default}
		if strings.HasPrefix(r.Source, "rules/") && strings.HasSuffix(r.Source, ".yaml") {
			rr.HelpURI = repoURL + "/blob/main/" + r.Source
		}
		run.Rules = append(run.Rules, rr)
	}
	return run
}

// reportOptions are the formatters' options for this run.
func reportOptions(e *env, s *setup) report.Options {
	return report.Options{Color: s.color, Width: s.width, StepSummary: e.getenv("GITHUB_STEP_SUMMARY")}
}

// resolvePath makes a path given on the command line absolute against the
// working directory.
func resolvePath(e *env, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.workDir, p)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
