// Package report writes the findings of a run in the formats users and tools
// read: text for people at a terminal, json for editors and scripts, and the
// CI formats. Each format is one file holding one Starter, listed under its
// --format name in the table of report.go; the engine and the language
// server look formats up by name and know nothing else about them.
//
// Adding a format (sarif, github, checkstyle, rdjsonl) is one new file and
// one line in that table.
// Positions come from the finding's document: Document.Position for
// code-point columns, Document.Position16 for UTF-16 columns, byte offsets
// as they are; locate clamps offsets that fall outside the text.
package report

import (
	"bufio"
	"io"
	"slices"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// A Run is what a report is written from: the findings of one check, already
// filtered and sorted by the engine (file, line, column, rule), and the number
// of files checked.
type Run struct {
	Findings []analysis.Finding
	Files    int
	// Rules describe the rules of the run, for formats that carry rule
	// metadata (sarif). A finding whose rule is not among them is
	// described by its id alone.
	Rules []Rule
	// Version is attrlint's version, for formats that name the tool.
	Version string
	// Revisions describe the documents that are a file's content at a git
	// revision (check --against), by their Document.Path ("HEAD:drafts/x.md",
	// which text and json print as it is). Formats that point at a file by
	// URI (sarif) point at the file's path in the repository and give the
	// revision apart.
	Revisions map[string]Revision
}

// A Revision is a file's content at a git revision.
type Revision struct {
	// Rev is the revision as the user gave it ("HEAD", "origin/main");
	// Commit is the commit it named, as a full hash.
	Rev, Commit string
	// Path is the file's path relative to the repository's root,
	// slash-separated.
	Path string
}

// Rule is what a report says about a rule besides its findings.
type Rule struct {
	ID string
	// Summary is the one-line description; Doc the long explanation.
	Summary, Doc string
	// Default is the rule's default severity.
	Default analysis.Severity
	// HelpURI points at the rule's documentation; "" for none.
	HelpURI string
}

// Options tune a formatter's output. Formats meant for machines ignore them.
type Options struct {
	// Color turns on ANSI colors. When false, the output holds no escape
	// codes at all, whatever the environment says.
	Color bool

	// Width is the terminal width in columns that source lines are cut to
	// fit: 0 means DefaultWidth, a negative width means no limit.
	Width int

	// StepSummary is the path of the GitHub Actions job summary file
	// ($GITHUB_STEP_SUMMARY); the github format appends a table of every
	// finding to it. "" for none.
	StepSummary string

	// Quiet leaves out the summary line of the formats that have one
	// (text, concise): nothing but the findings.
	Quiet bool
}

// DefaultWidth is the width source lines are cut to when Options.Width is 0.
const DefaultWidth = 100

// A Formatter writes run to w in one output format.
type Formatter func(w io.Writer, run *Run, opt Options) error

// A Writer writes one report as the run goes: the findings of each file as
// soon as the engine has finished it, files in path order, then what ends
// the report. A run that streams its findings this way holds one file's
// findings at a time, however many files it checks.
type Writer interface {
	// Write writes findings that follow those already written (sorted by
	// file, line, column and rule, as Run.Findings are).
	Write(fs []analysis.Finding) error
	// Close writes the end of the report (the summary, for the formats
	// that have one) for a run that checked files files, and flushes.
	Close(files int) error
}

// A Starter begins a report on w for a run described by run (its Rules and
// Version; run.Findings are not read) and returns the Writer that goes on
// with it.
type Starter func(w io.Writer, run *Run, opt Options) Writer

// formats are every format by its --format name: the one list a new
// format is added to.
var formats = map[string]Starter{
	"checkstyle": startCheckstyle,
	"concise":    startConcise,
	"github":     startGitHub,
	"html":       startHTML,
	"json":       startJSON,
	"rdjsonl":    startRDJSONL,
	"sarif":      startSARIF,
	"text":       startText,
}

// Lookup returns the formatter named name ("text", "json", ...),
// which writes a whole run at once.
func Lookup(name string) (Formatter, bool) {
	s, ok := formats[name]
	if !ok {
		return nil, false
	}
	return batch(s), true
}

// LookupStarter returns the streaming form of the format named name.
func LookupStarter(name string) (Starter, bool) {
	s, ok := formats[name]
	return s, ok
}

// batch makes a Formatter of a Starter: the run's findings in one Write.
func batch(s Starter) Formatter {
	return func(w io.Writer, run *Run, opt Options) error {
		rw := s(w, run, opt)
		if err := rw.Write(run.Findings); err != nil {
			return err
		}
		return rw.Close(run.Files)
	}
}

// Names returns the names of every format, sorted, for flag help and
// "unknown format" messages.
func Names() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// location is a finding's or a related location's place, resolved once from
// byte offsets: 1-based lines, columns in code points.
type location struct {
	doc             *prose.Document
	start, end      int // byte offsets, clamped to the text
	line, col       int
	endLine, endCol int
}

// locate resolves [start, end) in doc. Offsets outside the text are clamped,
// and an end before the start is taken as the start, so that a buggy
// analyzer's diagnostic still prints somewhere sensible.
func locate(doc *prose.Document, start, end int) location {
	n := len(doc.Text)
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	l := location{doc: doc, start: start, end: end}
	l.line, l.col = doc.Position(start)
	l.endLine, l.endCol = doc.Position(end)
	return l
}

// relatedDoc returns the document a related location is in: its own, or the
// finding's when it names none.
func relatedDoc(f *analysis.Finding, r *analysis.Related) *prose.Document {
	if r.Doc != nil {
		return r.Doc
	}
	return f.Doc
}

// tally counts findings by severity.
type tally struct{ error, warning, info int }

func (t *tally) add(fs []analysis.Finding) {
	for i := range fs {
		switch fs[i].Severity {
		case analysis.SeverityError:
			t.error++
		case analysis.SeverityWarning:
			t.warning++
		case analysis.SeverityInfo:
			t.info++
		}
	}
}

// newBuffer buffers a report's output. Every format writes through one of
// 64 KB: a run over thousands of drafts then makes a few hundred writes, not
// thousands (4 KB, bufio's default, took 3,600 write calls for 2,000 drafts).
func newBuffer(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }
