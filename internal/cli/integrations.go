package cli

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/baseline"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/internal/report"
)

// repoURL is where the rule packs are published; rule help links point at
// them.
const repoURL = "https://github.com/attrlint/attrlint"

// output takes a run's results a file at a time, as the engine finishes
// them, and does what stands between the analyzers and the report: the
// baseline (--write-baseline records today's findings and leaves none to
// report; --baseline drops the recorded ones), then the report itself,
// streamed, then the notices and errors, and the exit status.
type output struct {
	e *env
	s *setup

	filter *baseline.Filter   // --baseline, or nil
	record *baseline.Recorder // --write-baseline, or nil

	w     report.Writer // started on the first findings, or at the end
	werr  error         // the first error writing the report
	files int
	// perRule counts the reported findings of each rule, for --statistics.
	perRule map[string]int
	// skipped counts the inputs skipped on purpose (fr.Notice).
	skipped int
	failed  bool // a finding at or above the fail level was reported, or a file skipped

	notices         []string
	inputErrs, errs []error
	seriesErrs      []error
}

// newOutput prepares the output of a run; it fails when the baseline to
// filter with cannot be read.
func newOutput(e *env, s *setup, inputErrs []error) (*output, error) {
	o := &output{e: e, s: s, inputErrs: inputErrs}
	key := func(path string) string {
		rel, _ := s.cfg.Rel(path)
		return rel
	}
	switch {
	case s.writeBaseline != "":
		o.record = baseline.NewRecorder(key)
	case s.baseline != "":
		bl, err := baseline.Read(s.baseline)
		if err != nil {
			return nil, err
		}
		o.filter = bl.NewFilter(key)
	}
	return o, nil
}

// file takes the result of one input.
func (o *output) file(fr *lint.FileResult) {
	if fr.Checked {
		o.files++
	}
	if fr.Notice != "" {
		o.notices = append(o.notices, fr.Notice)
		// A file the run was given but did not read (too large, not a
		// regular file) is not a pass: a CI gate must not go green on a
		// draft padded past --max-file-size.
		o.skipped++
		if o.s.failLevel <= analysis.SeverityWarning {
			o.failed = true
		}
	}
	o.errs = append(o.errs, fr.Errors...)
	o.seriesErrs = append(o.seriesErrs, fr.SeriesErrors...)
	o.notices = append(o.notices, fr.SeriesNotices...)
	o.findings(fr.Findings)
}

// findings takes findings that follow those already taken.
func (o *output) findings(fs []analysis.Finding) {
	if o.record != nil {
		o.record.Add(fs)
		return
	}
	if o.filter != nil {
		fs = o.filter.Keep(fs)
	}
	if len(fs) == 0 || o.werr != nil {
		return
	}
	for i := range fs {
		if fs[i].Severity >= o.s.failLevel {
			o.failed = true
		}
		if o.s.statistics {
			if o.perRule == nil {
				o.perRule = map[string]int{}
			}
			o.perRule[fs[i].Rule]++
		}
	}
	o.start()
	o.werr = o.w.Write(fs)
}

func (o *output) start() {
	if o.w == nil {
		o.w = o.s.format(o.e.stdout, reportRun(o.s), reportOptions(o.e, o.s))
	}
}

// finish ends the report, prints the notices and errors, and returns the
// exit status.
func (o *output) finish() int {
	e := o.e
	if o.record != nil {
		if err := o.record.File().Write(o.s.writeBaseline); err != nil {
			fmt.Fprintf(e.stderr, "attrlint: %v\n", err)
			return exitError
		}
		o.notices = append(o.notices, fmt.Sprintf("recorded %s in the baseline %s; check with --baseline %s to see only new ones",
			plural(o.record.Len(), "finding"), o.s.writeBaseline, o.s.writeBaseline))
	}
	o.start()
	if o.werr == nil {
		o.werr = o.w.Close(o.files)
	}
	if o.werr != nil {
		fmt.Fprintf(e.stderr, "attrlint: writing the report: %v\n", o.werr)
		return exitError
	}
	if o.s.statistics {
		o.writeStatistics()
	}
	for _, n := range o.notices {
		if o.s.quiet {
			break
		}
		fmt.Fprintf(e.stderr, "attrlint: %s\n", n)
	}
	if o.skipped > 0 && !o.s.quiet {
		fmt.Fprintf(e.stderr, "attrlint: %s not checked; at --fail-level warning or below that fails the run: raise --max-file-size, or exclude what should not be linted\n", plural(o.skipped, "file"))
	}
	errs := append(append(append([]error{}, o.inputErrs...), o.errs...), o.seriesErrs...)
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "attrlint: %v\n", err)
	}
	if len(errs) > 0 {
		return exitError
	}
	if o.failed {
		return exitFindings
	}
	return exitOK
}

// reportRun describes the run to the report: the metadata of every rule,
// for the formats that describe rules (sarif), and attrlint's version.
func reportRun(s *setup) *report.Run {
	run := &report.Run{Version: version(), Revisions: s.revisions}
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
	return report.Options{Color: s.color, Width: s.width, StepSummary: e.getenv("GITHUB_STEP_SUMMARY"), Quiet: s.quiet}
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

// writeStatistics writes the count of each rule's findings, most first,
// after the report: on standard output under the human formats, on
// standard error under the machine ones, whose output must stay parseable.
func (o *output) writeStatistics() {
	w := o.e.stderr
	if o.s.formatName == "text" || o.s.formatName == "concise" {
		w = o.e.stdout
	}
	ids := make([]string, 0, len(o.perRule))
	width := 0
	for id := range o.perRule {
		ids = append(ids, id)
		width = max(width, len(strconv.Itoa(o.perRule[id])))
	}
	sort.Slice(ids, func(i, j int) bool {
		if a, b := o.perRule[ids[i]], o.perRule[ids[j]]; a != b {
			return a > b
		}
		return ids[i] < ids[j]
	})
	for _, id := range ids {
		sev := ""
		if r := o.s.cfg.Rule(id); r != nil {
			sev = r.Severity.String()
		}
		fmt.Fprintf(w, "%*d  %-8s %s\n", width, o.perRule[id], sev, id)
	}
}
