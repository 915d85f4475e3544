// Package lint is attrlint's engine: it finds the drafts a command names,
// parses each once, runs the enabled rules' analyzers over it in dependency
// order on a pool of workers, and hands back each file's findings sorted,
// files in path order (Stream, as each is done; Run, all at once), so that
// the output never depends on scheduling.
package lint

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
)

// AnalyzerError is an analyzer that failed or panicked on one document. The
// other rules still ran; the run ends with exit status 2.
type AnalyzerError struct {
	Path     string
	Analyzer string
	Rule     string
	Err      error
}

func (e *AnalyzerError) Unwrap() error { return e.Err }

func (e *AnalyzerError) Error() string {
	who := e.Analyzer
	if e.Rule != "" {
		who = fmt.Sprintf("rule %s (%s)", e.Rule, e.Analyzer)
	}
	return fmt.Sprintf("%s: %s failed: %v; please report this with the file attached", e.Path, who, e.Err)
}

// Analyze runs every rule in rs on doc and returns the findings sorted by
// position and rule. Results of extraction analyzers that several rules
// require are computed once; settings holds the compiled settings of the
// extraction analyzers that take some (see rules.Extractor), given to them as
// Pass.Options.
func Analyze(doc *prose.Document, rs []*rules.Rule, settings map[*analysis.Analyzer]any) ([]analysis.Finding, []error) {
	fs, errs, _ := AnalyzeKeep(doc, rs, settings, nil)
	return fs, errs
}

// AnalyzeKeep is Analyze that also returns the results of the extraction
// analyzers keep, by analyzer: the very results the rules read, computed
// once. A failed analyzer's result is missing (its error is among the
// errors).
func AnalyzeKeep(doc *prose.Document, rs []*rules.Rule, settings map[*analysis.Analyzer]any, keep []*analysis.Analyzer) ([]analysis.Finding, []error, map[*analysis.Analyzer]any) {
	a := analyzerRun{doc: doc, memo: map[any]any{}, results: map[*analysis.Analyzer]result{}, settings: settings}
	for _, r := range rs {
		if r.Severity == analysis.SeverityOff || r.Kind.Analyzer.Series {
			continue // cross-version rules run over a series (AnalyzeSeries)
		}
		a.runRule(r)
	}
	sortFindings(a.findings)
	if len(keep) == 0 {
		return a.findings, a.errs, nil
	}
	kept := make(map[*analysis.Analyzer]any, len(keep))
	for _, an := range keep {
		_, ran := a.results[an]
		r := a.require(an)
		if r.err != nil {
			if !ran {
				a.errs = append(a.errs, &AnalyzerError{Path: doc.Path, Analyzer: an.Name, Err: r.err})
			}
			continue
		}
		kept[an] = r.value
	}
	return a.findings, a.errs, kept
}

type result struct {
	value any
	err   error
}

type analyzerRun struct {
	doc      *prose.Document
	memo     map[any]any
	results  map[*analysis.Analyzer]result
	findings []analysis.Finding
	errs     []error
	settings map[*analysis.Analyzer]any
	// versions are the earlier versions given to cross-version rules.
	versions []*analysis.Version
}

// require computes the result of extraction analyzer an (and of what it
// requires) once per document.
func (a *analyzerRun) require(an *analysis.Analyzer) result {
	if r, ok := a.results[an]; ok {
		return r
	}
	pass, err := a.pass(an)
	if err != nil {
		r := result{err: err}
		a.results[an] = r
		return r
	}
	pass.Report = func(d analysis.Diagnostic) {} // extraction analyzers report nothing
	pass.Options = a.settings[an]
	v, err := a.call(pass, "")
	r := result{value: v, err: err}
	a.results[an] = r
	return r
}

// pass builds a pass for an with the results of its requirements, or
// returns why it cannot: the failed prerequisite and its own error (a
// panic keeps its stack), as go/analysis's checker reports "failed
// prerequisites".
func (a *analyzerRun) pass(an *analysis.Analyzer) (*analysis.Pass, error) {
	pass := analysis.NewPass(an, a.doc, a.memo)
	for _, req := range an.Requires {
		r := a.require(req)
		if r.err != nil {
			return nil, &PrerequisiteError{Analyzer: req.Name, Err: r.err}
		}
		pass.ResultOf[req] = r.value
	}
	return pass, nil
}

// PrerequisiteError is why an analyzer did not run: an analyzer it
// requires failed, with that failure as Err.
type PrerequisiteError struct {
	Analyzer string
	Err      error
}

func (e *PrerequisiteError) Error() string {
	var pe *PrerequisiteError
	if errors.As(e.Err, &pe) {
		return pe.Error() // the innermost failure names itself
	}
	cause := e.Err
	var ae *AnalyzerError
	if errors.As(cause, &ae) {
		cause = ae.Err // its path and name are said already
	}
	return fmt.Sprintf("failed prerequisite %s: %v", e.Analyzer, cause)
}

func (e *PrerequisiteError) Unwrap() error { return e.Err }

func (a *analyzerRun) runRule(r *rules.Rule) {
	an := r.Kind.Analyzer
	pass, err := a.pass(an)
	if err != nil {
		a.errs = append(a.errs, &AnalyzerError{Path: a.doc.Path, Analyzer: an.Name, Rule: r.ID, Err: err})
		return
	}
	pass.Rule = r.ID
	pass.Severity = r.Severity
	pass.Options = r.Options
	pass.Versions = a.versions
	n := len(a.doc.Text)
	pass.Report = func(d analysis.Diagnostic) {
		if d.Rule == "" {
			d.Rule = r.ID
		}
		if d.Severity == analysis.SeverityOff {
			d.Severity = r.Severity
		}
		d.Start = clamp(d.Start, 0, n)
		d.End = clamp(d.End, d.Start, n)
		a.findings = append(a.findings, analysis.Finding{Doc: a.doc, Diagnostic: d})
	}
	if _, err := a.call(pass, r.ID); err != nil {
		a.errs = append(a.errs, err)
	}
}

// call runs the pass, turning a panic into an error so that one broken
// analyzer never takes the run down.
func (a *analyzerRun) call(pass *analysis.Pass, rule string) (v any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &AnalyzerError{Path: a.doc.Path, Analyzer: pass.Analyzer.Name, Rule: rule,
				Err: fmt.Errorf("panic: %v\n%s", p, debug.Stack())}
		}
	}()
	v, err = pass.Analyzer.Run(pass)
	if err != nil {
		err = &AnalyzerError{Path: a.doc.Path, Analyzer: pass.Analyzer.Name, Rule: rule, Err: err}
	}
	return v, err
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// sortFindings orders findings by file, position, rule, then message, so
// that output is the same for every order of work.
func sortFindings(fs []analysis.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Doc.Path != b.Doc.Path {
			return a.Doc.Path < b.Doc.Path
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Message < b.Message
	})
}
