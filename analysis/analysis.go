// Package analysis is attrlint's analyzer framework, modelled on
// golang.org/x/tools/go/analysis: an Analyzer is a named, documented unit of
// work that may require the results of other analyzers; the driver runs it
// once per document through a Pass and collects the Diagnostics it reports.
//
// Two sorts of analyzers exist. Extraction analyzers (sentences, quotations,
// figures) report nothing and return a result that other analyzers name in
// Requires; the driver computes that result once per document however many
// rules use it. Rule analyzers report diagnostics; the driver runs them once
// per enabled rule of their kind, with the rule's id, severity and decoded
// options in the Pass.
package analysis

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/attrlint/attrlint/prose"
)

// An Analyzer describes one analysis: its name, documentation, the analyzers
// whose results it needs, and the function that runs it on one document.
type Analyzer struct {
	// Name identifies the analyzer: lower-case words joined by hyphens.
	Name string

	// Doc is a one-line title ("find direct quotations, ..."). A rule's
	// documentation proper is the `doc` of its YAML pack, which `attrlint
	// explain` prints and whose examples are run as tests: one source.
	Doc string

	// Requires lists the analyzers whose results Run reads through
	// Pass.ResultOf. The graph must be acyclic.
	Requires []*Analyzer

	// Run applies the analyzer to one document. It returns the analyzer's
	// result (nil for rule analyzers) or an error, which the driver reports
	// against the document and which does not stop other analyzers.
	Run func(*Pass) (any, error)

	// Series marks a cross-version analyzer (figure-changed,
	// quote-changed): the driver runs it only on a document that has
	// earlier versions (an explicit `compare` list, a `versions` group,
	// `check --against`), with Pass.Versions set, never on a lone
	// document. Its diagnostics sit in the newer document and point at
	// the older one through Related.
	Series bool
}

func (a *Analyzer) String() string { return a.Name }

// A Pass is one run of an analyzer on one document.
type Pass struct {
	Analyzer *Analyzer

	// Doc is the document under analysis.
	Doc *prose.Document

	// Rule is the id of the rule being run ("anonymous-source", or a user's
	// own rule id); empty for extraction analyzers.
	Rule string

	// Severity is the severity the rule's diagnostics will carry.
	Severity Severity

	// Options holds the rule's options as its kind decoded and compiled
	// them at config load; nil for extraction analyzers.
	Options any

	// ResultOf holds the results of the analyzers named in Requires.
	ResultOf map[*Analyzer]any

	// Report records a diagnostic. The driver fills in Rule and Severity
	// when they are empty.
	Report func(Diagnostic)

	// Versions are, for a cross-version analyzer (Analyzer.Series), the
	// earlier versions of Doc, oldest first: the last one is the version
	// right before Doc. Each holds, for that version, the results of the
	// analyzers in Requires, computed once per version however many rules
	// read them. Nil for other analyzers.
	Versions []*Version

	// memo is shared by every pass over the same document.
	memo map[any]any
}

// A Version is an earlier version of the document under analysis, as a
// cross-version analyzer sees it: the document and the results of the
// analyzers the cross-version analyzer requires, run on it.
type Version struct {
	Doc      *prose.Document
	ResultOf map[*Analyzer]any
}

// Reportf reports a diagnostic over the byte range [start, end) of the
// document's text.
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Diagnostic{Start: start, End: end, Message: fmt.Sprintf(format, args...)})
}

// Shared returns the value computed by compute for key, computing it once per
// document. Rules of one kind use it to share work that depends on state
// compiled at load (one phrase automaton for every pattern rule, say) rather
// than on another analyzer. Keys should be pointers owned by the caller.
func (p *Pass) Shared(key any, compute func() any) any {
	if v, ok := p.memo[key]; ok {
		return v
	}
	v := compute()
	p.memo[key] = v
	return v
}

// NewPass returns a pass for a driver; memo must be the same map for every
// pass over one document (nil allocates a fresh one).
func NewPass(a *Analyzer, doc *prose.Document, memo map[any]any) *Pass {
	if memo == nil {
		memo = map[any]any{}
	}
	return &Pass{Analyzer: a, Doc: doc, ResultOf: map[*Analyzer]any{}, memo: memo}
}

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Validate checks that every analyzer in the graph reachable from as has a
// valid name, documentation and a Run function, and that Requires is acyclic.
func Validate(as []*Analyzer) error {
	const (
		visiting = 1
		done     = 2
	)
	state := map[*Analyzer]int{}
	var visit func(a *Analyzer, path []string) error
	visit = func(a *Analyzer, path []string) error {
		if a == nil {
			return fmt.Errorf("nil analyzer required by %v", path)
		}
		switch state[a] {
		case done:
			return nil
		case visiting:
			return fmt.Errorf("analyzer %q: cycle in Requires: %v -> %s", a.Name, path, a.Name)
		}
		if !nameRE.MatchString(a.Name) {
			return fmt.Errorf("analyzer %q: name must be lower-case words joined by hyphens", a.Name)
		}
		if a.Doc == "" {
			return fmt.Errorf("analyzer %q: empty Doc", a.Name)
		}
		if strings.Contains(a.Doc, "\n") {
			return fmt.Errorf("analyzer %q: Doc must be a one-line title; the documentation is the rule pack's doc", a.Name)
		}
		if a.Run == nil {
			return fmt.Errorf("analyzer %q: nil Run", a.Name)
		}
		state[a] = visiting
		for _, r := range a.Requires {
			if err := visit(r, append(path, a.Name)); err != nil {
				return err
			}
		}
		state[a] = done
		return nil
	}
	for _, a := range as {
		if err := visit(a, nil); err != nil {
			return err
		}
	}
	return nil
}
