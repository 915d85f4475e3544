package lint

import (
	"runtime"
	"slices"
	"sync"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
)

// A FileResult is what a run found in one input.
type FileResult struct {
	// Path is the input's path as the user gave it.
	Path string
	// Findings are sorted by position and rule.
	Findings []analysis.Finding
	// Checked is true when the input was read and linted.
	Checked bool
	// Notice says why the input was skipped on purpose, or how it was
	// read other than its format says (a Markdown file over the
	// reader's budget is read as plain text: prose.Document.Notice); ""
	// for most.
	Notice string
	// Errors are the input's read and analyzer errors.
	Errors []error
	// SeriesErrors are the errors of the cross-version series whose
	// earliest input this is: an unreadable version, a failed analyzer.
	SeriesErrors []error
	// SeriesNotices say why a version of such a series was skipped on
	// purpose when it is not an input itself (VersionInput.ReadFor).
	SeriesNotices []string

	// Doc, Results and Unfiltered are set for a checked input when
	// Options.Keep names analyzers: the document as parsed (not
	// outlined), the kept analyzers' results, and the findings before
	// inline directives were applied.
	Doc        *prose.Document
	Results    map[*analysis.Analyzer]any
	Unfiltered []analysis.Finding
	// Rules are the rules the config gives the input (set with Doc).
	Rules []*rules.Rule

	directives *DocDirectives // kept by Run for ApplyDirectives
}

// Stream lints every input with the rules cfg enables for its path, runs
// the cross-version rules over each series of versions, and calls emit
// with each input's result, one at a time and in the order of inputs, as
// soon as that input and every one before it are done. Each result's
// findings include the cross-version findings in that input and have the
// input's inline directives applied.
//
// Files are linted opt.Jobs at a time, and at most a few per job are done
// ahead of the one emit waits for: memory holds that many files' parses
// and findings, not the whole run's, so it is bounded by the largest files
// rather than by the corpus. A series is run by the worker that lints its
// earliest version among the inputs (inputs come sorted by path, so its
// findings are never behind what emit has written).
func Stream(cfg *config.Config, inputs []Input, series [][]VersionInput, opt Options, emit func(*FileResult)) {
	stream(cfg, inputs, series, opt, true, emit)
}

// outcome is one input's result as a worker leaves it.
type outcome struct {
	FileResult
	series []analysis.Finding // findings of the series this input runs, in any of their versions
}

func stream(cfg *config.Config, inputs []Input, series [][]VersionInput, opt Options, apply bool, emit func(*FileResult)) {
	if len(inputs) == 0 && len(series) == 0 {
		return
	}
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if jobs > len(inputs) {
		jobs = max(len(inputs), 1)
	}
	// Each series goes with its earliest input; series with none of
	// their versions among the inputs go with the last slot.
	slots := len(inputs) + 1
	owned := make([][]int, slots)
	if len(series) > 0 {
		index := make(map[string]int, len(inputs))
		for i, in := range inputs {
			if _, dup := index[in.Path]; !dup {
				index[in.Path] = i
			}
		}
		for k, s := range series {
			owner := len(inputs)
			for _, v := range s {
				if i, ok := index[v.Path]; ok && i < owner {
					owner = i
				}
			}
			owned[owner] = append(owned[owner], k)
		}
	}

	// run lints input i (when it is one) and the series it owns.
	run := func(i int) *outcome {
		o := &outcome{}
		if i < len(inputs) {
			o.FileResult = lintInput(cfg, inputs[i], opt)
		}
		for _, k := range owned[i] {
			sr := runSeries(cfg, series[k], opt, false)
			o.series = append(o.series, sr.findings...)
			o.SeriesErrors = append(o.SeriesErrors, sr.errs...)
			o.SeriesNotices = append(o.SeriesNotices, sr.readForNotices...)
		}
		return o
	}
	// Cross-version findings wait here, by path, for their file's turn.
	pending := map[string][]analysis.Finding{}
	// deliver emits the outcome of slot i; slots are delivered in order.
	deliver := func(i int, o *outcome) {
		for _, f := range o.series {
			pending[f.Doc.Path] = append(pending[f.Doc.Path], f)
		}
		if i == len(inputs) {
			// Findings in files that are not inputs: last, in order.
			var rest []analysis.Finding
			for _, fs := range pending {
				rest = append(rest, fs...)
			}
			clear(pending)
			if len(rest) > 0 || len(o.SeriesErrors) > 0 || len(o.SeriesNotices) > 0 {
				sortFindings(rest)
				emit(&FileResult{Findings: rest, SeriesErrors: o.SeriesErrors, SeriesNotices: o.SeriesNotices})
			}
			return
		}
		if more, ok := pending[o.Path]; ok {
			delete(pending, o.Path)
			o.Findings = MergeFindings(o.Findings, more)
		}
		if apply && o.directives != nil {
			res := &Result{Findings: o.Findings, Directives: []*DocDirectives{o.directives}}
			ApplyDirectives(cfg, res)
			o.Findings = res.Findings
		}
		emit(&o.FileResult)
	}

	if jobs == 1 {
		// One job (one input, or -j 1): no goroutines to start and hand
		// over to, which a pre-commit run on one draft would pay for.
		for i := range slots {
			deliver(i, run(i))
		}
		return
	}

	window := max(4*jobs, 8)
	outs := make([]*outcome, slots)
	work := make(chan int)
	done := make(chan int, slots)
	ahead := make(chan struct{}, window)
	go func() {
		for i := range slots {
			ahead <- struct{}{}
			work <- i
		}
		close(work)
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				outs[i] = run(i)
				done <- i
			}
		}()
	}

	ready := make([]bool, slots) // done received: outs[i] may be read
	for next := 0; next < slots; {
		ready[<-done] = true
		for next < slots && ready[next] {
			o := outs[next]
			outs[next] = nil
			deliver(next, o)
			<-ahead
			next++
		}
	}
	wg.Wait()
}

// lintInput reads and lints one input.
func lintInput(cfg *config.Config, in Input, opt Options) FileResult {
	fr := FileResult{Path: in.Path}
	data, notice, err := read(in, opt)
	switch {
	case err != nil:
		fr.Errors = []error{err}
		return fr
	case notice == skipQuietly:
		return fr
	case notice != "":
		fr.Notice = notice
		return fr
	}
	doc := prose.Parse(in.Path, data)
	if doc.Notice != "" {
		fr.Notice = in.Path + ": " + doc.Notice
	}
	rs := cfg.RulesFor(ruleKey(cfg, in))
	fr.Findings, fr.Errors, fr.Results = AnalyzeKeep(doc, rs, cfg.Settings, opt.Keep)
	fr.directives = collectDirectives(doc, rs)
	fr.Checked = true
	if len(opt.Keep) > 0 {
		fr.Doc = doc
		fr.Unfiltered = slices.Clone(fr.Findings)
		fr.Rules = rs
	}
	outline(doc, fr.Findings, fr.directives)
	return fr
}
