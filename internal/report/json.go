package report

import (
	"bufio"
	"io"

	"github.com/attrlint/attrlint/analysis"
)

// JSONVersion is the version of the JSON schema JSON writes.
const JSONVersion = 1

// JSON writes the run as one JSON object, schema version 1 of SPEC.md:
// every diagnostic with its file, 1-based line and column (code points) of
// its start and of its exclusive end, its byte offsets, rule, severity,
// message and related locations, then a summary. Keys come in a fixed order;
// the object is indented by two spaces and ends with a newline. Options are
// ignored.
func JSON(w io.Writer, run *Run, opt Options) error {
	return batch(startJSON)(w, run, opt)
}

type jsonWriter struct {
	w     *bufio.Writer
	arr   *jsonArray
	count tally
	err   error
}

func startJSON(w io.Writer, _ *Run, _ Options) Writer {
	j := &jsonWriter{w: newBuffer(w)}
	head, _, indent, err := splitAt(&jsonRun{Version: JSONVersion, Diagnostics: []jsonDiagnostic{}}, "diagnostics")
	if err != nil {
		j.err = err
		return j
	}
	j.w.Write(head)
	j.arr = newJSONArray(j.w, indent)
	return j
}

func (j *jsonWriter) Write(fs []analysis.Finding) error {
	if j.err != nil {
		return j.err
	}
	for i := range fs {
		if err := j.arr.add(jsonOf(&fs[i])); err != nil {
			j.err = err
			return err
		}
	}
	j.count.add(fs)
	return nil
}

func (j *jsonWriter) Close(files int) error {
	if j.err != nil {
		return j.err
	}
	c := j.count
	_, tail, _, err := splitAt(&jsonRun{Version: JSONVersion, Diagnostics: []jsonDiagnostic{},
		Summary: jsonSummary{Files: files, Error: c.error, Warning: c.warning, Info: c.info}}, "diagnostics")
	if err != nil {
		return err
	}
	j.arr.close()
	j.w.Write(tail)
	return j.w.Flush()
}

func jsonOf(f *analysis.Finding) jsonDiagnostic {
	d := jsonDiagnostic{
		Rule:     f.Rule,
		Severity: f.Severity.String(),
		Message:  f.Message,
	}
	if f.Doc == nil {
		return d
	}
	loc := locate(f.Doc, f.Start, f.End)
	d.File = f.Doc.Path
	d.Line, d.Column = loc.line, loc.col
	d.EndLine, d.EndColumn = loc.endLine, loc.endCol
	d.Offset, d.EndOffset = loc.start, loc.end
	if len(f.Related) > 0 {
		d.Related = make([]jsonRelated, len(f.Related))
		for i := range f.Related {
			r := &f.Related[i]
			jr := jsonRelated{Message: r.Message}
			if doc := relatedDoc(f, r); doc != nil {
				rl := locate(doc, r.Start, r.End)
				jr.File, jr.Line, jr.Column = doc.Path, rl.line, rl.col
			}
			d.Related[i] = jr
		}
	}
	return d
}

// The types below are the JSON schema: field order is key order.

type jsonRun struct {
	Version     int              `json:"version"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Summary     jsonSummary      `json:"summary"`
}

type jsonDiagnostic struct {
	File      string        `json:"file"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"endLine"`
	EndColumn int           `json:"endColumn"`
	Offset    int           `json:"offset"`
	EndOffset int           `json:"endOffset"`
	Rule      string        `json:"rule"`
	Severity  string        `json:"severity"`
	Message   string        `json:"message"`
	Related   []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Files   int `json:"files"`
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}
