package report

import (
	"bufio"
	"encoding/xml"
	"io"

	"github.com/attrlint/attrlint/analysis"
)

// Checkstyle writes the run as a Checkstyle XML report, the format Jenkins'
// warnings plugin, GitLab converters and many review bots read: one <file>
// element per file with findings, one <error> per finding with its 1-based
// line, code-point column, severity (error, warning, info), message and a
// source of "attrlint." plus the rule id. Related locations have no place in
// the format and are left out. Options are ignored.
func Checkstyle(w io.Writer, run *Run, opt Options) error {
	return batch(startCheckstyle)(w, run, opt)
}

// checkstyleWriter writes the report's <file> elements one at a time, each
// when the findings have moved on to the next file, indented as encoding
// the whole report at once would indent them.
type checkstyleWriter struct {
	w     *bufio.Writer
	enc   *xml.Encoder
	file  *checkstyleFile // the file whose findings are being gathered
	files int             // <file> elements written
	err   error
}

func startCheckstyle(w io.Writer, _ *Run, _ Options) Writer {
	c := &checkstyleWriter{w: newBuffer(w)}
	c.w.WriteString(xml.Header)
	c.w.WriteString(`<checkstyle version="4.3">`)
	c.enc = xml.NewEncoder(c.w)
	c.enc.Indent("  ", "  ")
	return c
}

func (c *checkstyleWriter) Write(fs []analysis.Finding) error {
	for i := range fs {
		f := &fs[i]
		path := ""
		e := checkstyleError{Severity: checkstyleSeverity(f.Severity), Message: f.Message, Source: "attrlint." + f.Rule}
		if f.Doc != nil {
			path = f.Doc.Path
			loc := locate(f.Doc, f.Start, f.End)
			e.Line, e.Column = loc.line, loc.col
		}
		if c.file == nil || c.file.Name != path {
			c.flushFile()
			c.file = &checkstyleFile{Name: path}
		}
		c.file.Errors = append(c.file.Errors, e)
	}
	return c.err
}

// flushFile writes the <file> element gathered so far.
func (c *checkstyleWriter) flushFile() {
	if c.file == nil || c.err != nil {
		return
	}
	if c.files == 0 {
		c.w.WriteByte('\n')
	}
	c.files++
	c.err = c.enc.Encode(c.file)
	c.file = nil
}

func (c *checkstyleWriter) Close(int) error {
	c.flushFile()
	if c.err != nil {
		return c.err
	}
	if c.files > 0 {
		c.w.WriteString("\n")
	}
	c.w.WriteString("</checkstyle>\n")
	return c.w.Flush()
}

func checkstyleSeverity(s analysis.Severity) string {
	switch s {
	case analysis.SeverityError:
		return "error"
	case analysis.SeverityWarning:
		return "warning"
	}
	return "info"
}

type checkstyleFile struct {
	XMLName xml.Name          `xml:"file"`
	Name    string            `xml:"name,attr"`
	Errors  []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}
