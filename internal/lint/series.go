package lint

import (
	"errors"
	"fmt"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
)

// AnalyzeSeries runs the cross-version rules of rs (those whose analyzer is
// a Series analyzer) over versions of one article, oldest first: on each
// version after the first, with the versions before it as Pass.Versions.
// The extraction results each version needs are computed once, however
// many rules and later versions read them. Findings sit in the newer
// versions and are sorted; per-document rules are not run (see Analyze).
func AnalyzeSeries(docs []*prose.Document, rs []*rules.Rule, settings map[*analysis.Analyzer]any) ([]analysis.Finding, []error) {
	var series []*rules.Rule
	for _, r := range rs {
		if r.Severity != analysis.SeverityOff && r.Kind.Analyzer.Series {
			series = append(series, r)
		}
	}
	if len(series) == 0 || len(docs) < 2 {
		return nil, nil
	}
	runs := make([]*analyzerRun, len(docs))
	for i, d := range docs {
		runs[i] = &analyzerRun{doc: d, memo: map[any]any{}, results: map[*analysis.Analyzer]result{}, settings: settings}
	}
	// versionOf gives version i as an earlier version, with the results of
	// what the series rules require, computed on first use.
	versions := make([]*analysis.Version, len(docs))
	var errs []error
	versionOf := func(i int) *analysis.Version {
		if versions[i] != nil {
			return versions[i]
		}
		v := &analysis.Version{Doc: docs[i], ResultOf: map[*analysis.Analyzer]any{}}
		for _, r := range series {
			for _, req := range r.Kind.Analyzer.Requires {
				if _, done := v.ResultOf[req]; done {
					continue
				}
				res := runs[i].require(req)
				if res.err != nil {
					errs = append(errs, &AnalyzerError{Path: docs[i].Path, Analyzer: req.Name, Err: res.err})
					continue
				}
				v.ResultOf[req] = res.value
			}
		}
		versions[i] = v
		return v
	}
	var findings []analysis.Finding
	for i := 1; i < len(docs); i++ {
		a := runs[i]
		a.versions = make([]*analysis.Version, i)
		for k := 0; k < i; k++ {
			a.versions[k] = versionOf(k)
		}
		for _, r := range series {
			a.runRule(r)
		}
		findings = append(findings, a.findings...)
		errs = append(errs, a.errs...)
		a.findings, a.errs = nil, nil
	}
	sortFindings(findings)
	return findings, dedupErrors(errs)
}

// dedupErrors drops repeated errors (a failed extraction on one version is
// met by every later version).
func dedupErrors(errs []error) []error {
	seen := map[string]bool{}
	out := errs[:0]
	for _, e := range errs {
		if k := fmt.Sprint(e); !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// A VersionInput is one version of a draft in a series: an input to read,
// or its content from Data, or from Fetch (a file's content at a git
// revision, fetched when the series is run).
type VersionInput struct {
	Input
	Data []byte
	// Fetch, when set, returns the version's content; found false leaves
	// the series out without a word (the file did not exist then).
	Fetch func() (data []byte, found bool, err error)
	// ReadFor, when set, says that this version is not an input: it is
	// read only to compare the input ReadFor (a later version) with it.
	// Findings in it are dropped.
	ReadFor string
}

// Skipped is what a VersionInput's Fetch returns for a version it will not
// read (one over --max-file-size): the series is left out with Notice, as
// a skipped input is, rather than failing the run.
type Skipped struct{ Notice string }

func (s *Skipped) Error() string { return s.Notice }

// CompareSeries runs the cross-version rules over each series of versions,
// oldest first, with the rules cfg enables for the newest version's path.
// Files counts the versions read; an unreadable version is an error and
// leaves its series out.
//
// The inline directives of each version suppress the findings in it, as
// they do in check. They are not judged: compare runs only the
// cross-version rules, so a directive for any other rule, or one that
// matters only against versions not given, would be wrongly called unused.
// check judges them.
func CompareSeries(cfg *config.Config, series [][]VersionInput, opt Options) *Result {
	res := &Result{}
	for _, s := range series {
		sr := runSeries(cfg, s, opt, true)
		res.Findings = append(res.Findings, sr.findings...)
		res.Errors = append(res.Errors, sr.errs...)
		res.Notices = append(res.Notices, sr.notices...)
		res.Directives = append(res.Directives, sr.directives...)
		res.Files += sr.files
	}
	sortFindings(res.Findings)
	ApplyDirectives(cfg, res)
	return res
}

// seriesResult is what running one series found.
type seriesResult struct {
	findings []analysis.Finding
	errs     []error
	notices  []string
	// readForNotices are the notices of the versions read only to
	// compare with (VersionInput.ReadFor), which no input reports.
	readForNotices []string
	files          int // versions read
	// directives of the versions after the first, when asked for: they
	// suppress and report nothing (see CompareSeries).
	directives []*DocDirectives
}

// runSeries reads the versions of one series and runs the cross-version
// rules over them. The findings point at outlines of the versions, not at
// their whole parses. With directives, it also collects the inline
// directives of the versions that can hold findings (all but the oldest).
func runSeries(cfg *config.Config, s []VersionInput, opt Options, directives bool) seriesResult {
	var sr seriesResult
	docs := make([]*prose.Document, 0, len(s))
	ok := true
	for _, v := range s {
		data := v.Data
		if v.Fetch != nil {
			d, found, err := v.Fetch()
			var sk *Skipped
			if errors.As(err, &sk) {
				// Not an input's notice: check reports it with the
				// series', like a version read only to compare with.
				sr.readForNotices = append(sr.readForNotices, sk.Notice)
				ok = false
				continue
			}
			if err != nil {
				sr.errs = append(sr.errs, err)
				ok = false
				continue
			}
			if !found {
				return seriesResult{}
			}
			data = d
		}
		if data == nil {
			d, notice, err := read(v.Input, opt)
			switch {
			case err != nil:
				if v.ReadFor != "" {
					err = readForError(v, err)
				}
				sr.errs = append(sr.errs, err)
				ok = false
				continue
			case notice != "":
				switch {
				case notice == skipQuietly:
				case v.ReadFor != "":
					sr.readForNotices = append(sr.readForNotices, notice+fmt.Sprintf(
						"; it is an earlier version of %s, which is therefore not compared with its earlier versions", v.ReadFor))
				default:
					sr.notices = append(sr.notices, notice)
				}
				ok = false
				continue
			}
			data = d
		}
		docs = append(docs, prose.Parse(v.Path, data))
		sr.files++
	}
	if !ok || len(docs) < 2 {
		return sr
	}
	fs, errs := AnalyzeSeries(docs, cfg.RulesFor(ruleKey(cfg, s[len(s)-1].Input)), cfg.Settings)
	fs = dropReadOnly(fs, s, docs)
	for i, d := range docs {
		var dd *DocDirectives
		if directives && i > 0 {
			// No reporters: these directives only suppress.
			if dd = collectDirectives(d, nil); dd != nil {
				sr.directives = append(sr.directives, dd)
			}
		}
		outline(d, fs, dd)
	}
	sr.findings = fs
	sr.errs = append(sr.errs, errs...)
	return sr
}

// dropReadOnly drops the findings in the versions that are read only to
// compare with (VersionInput.ReadFor): a run reports in its inputs alone.
func dropReadOnly(fs []analysis.Finding, s []VersionInput, docs []*prose.Document) []analysis.Finding {
	readOnly := map[*prose.Document]bool{}
	for i, v := range s {
		if v.ReadFor != "" {
			readOnly[docs[i]] = true
		}
	}
	if len(readOnly) == 0 {
		return fs
	}
	kept := fs[:0]
	for _, f := range fs {
		if !readOnly[f.Doc] {
			kept = append(kept, f)
		}
	}
	return kept
}

// MergeFindings returns the findings of a and b in one sorted list.
func MergeFindings(a, b []analysis.Finding) []analysis.Finding {
	out := append(append(make([]analysis.Finding, 0, len(a)+len(b)), a...), b...)
	sortFindings(out)
	return out
}
