package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// RDJSONL writes one reviewdog Diagnostic (Reviewdog Diagnostic Format,
// rdjsonl) per line: message, location with path and range, severity
// (ERROR, WARNING, INFO), source, code (the rule id, with its help URI when
// the run describes the rule) and related locations. As reviewdog expects,
// lines are 1-based and columns count UTF-8 bytes from 1; a range's end is
// exclusive. Options are ignored.
func RDJSONL(w io.Writer, run *Run, opt Options) error {
	return batch(startRDJSONL)(w, run, opt)
}

type rdjsonlWriter struct {
	w    *bufio.Writer
	enc  *json.Encoder
	help map[string]string // rule id -> help URI
}

func startRDJSONL(w io.Writer, run *Run, _ Options) Writer {
	r := &rdjsonlWriter{w: newBuffer(w), help: map[string]string{}}
	for _, rule := range run.Rules {
		r.help[rule.ID] = rule.HelpURI
	}
	r.enc = json.NewEncoder(r.w) // one object per line: no indent
	r.enc.SetEscapeHTML(false)
	return r
}

func (r *rdjsonlWriter) Write(fs []analysis.Finding) error {
	for i := range fs {
		f := &fs[i]
		d := rdDiagnostic{
			Message:  f.Message,
			Severity: rdSeverity(f.Severity),
			Source:   rdSource{Name: "attrlint", URL: "https://github.com/attrlint/attrlint"},
			Code:     rdCode{Value: f.Rule, URL: r.help[f.Rule]},
		}
		if f.Doc != nil {
			d.Location = rdLocationOf(f.Doc, f.Start, f.End)
		}
		for j := range f.Related {
			rel := &f.Related[j]
			d.RelatedLocations = append(d.RelatedLocations, rdRelated{Message: rel.Message, Location: rdLocationOf(relatedDoc(f, rel), rel.Start, rel.End)})
		}
		if err := r.enc.Encode(&d); err != nil {
			return err
		}
	}
	return nil
}

func (r *rdjsonlWriter) Close(int) error { return r.w.Flush() }

func rdLocationOf(doc *prose.Document, start, end int) rdLocation {
	loc := locate(doc, start, end)
	return rdLocation{Path: doc.Path, Range: rdRange{
		Start: rdPositionOf(doc, loc.line, loc.start),
		End:   rdPositionOf(doc, loc.endLine, loc.end),
	}}
}

// rdPositionOf is the position of byte offset off on its 1-based line: the
// column counts bytes from the line's start.
func rdPositionOf(doc *prose.Document, line, off int) rdPosition {
	return rdPosition{Line: line, Column: off - doc.LineSpan(line).Start + 1}
}

func rdSeverity(s analysis.Severity) string {
	switch s {
	case analysis.SeverityError:
		return "ERROR"
	case analysis.SeverityWarning:
		return "WARNING"
	}
	return "INFO"
}

// The types below are reviewdog's Diagnostic message in its JSON form.

type rdDiagnostic struct {
	Message          string      `json:"message"`
	Location         rdLocation  `json:"location"`
	Severity         string      `json:"severity"`
	Source           rdSource    `json:"source"`
	Code             rdCode      `json:"code"`
	RelatedLocations []rdRelated `json:"relatedLocations,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdRelated struct {
	Message  string     `json:"message,omitempty"`
	Location rdLocation `json:"location"`
}
