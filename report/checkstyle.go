package report

import (
	"bufio"
	"encoding/xml"
	"io"

	"github.com/attrlint/attrlint/analysis"
)

func init() { register("checkstyle", Checkstyle) }

// Checkstyle writes the run as a Checkstyle XML report, the format Jenkins'
// warnings plugin, GitLab converters and many review bots read: one <file>
// element per file with findings, one <error> per finding with its 1-based
// line, code-point column, severity (error, warning, info), message and a
// source of "attrlint." plus the rule id. Related locations have no place in
// the format and are left out. Options are ignored.
func Checkstyle(w io.Writer, run *Run, _ Options) error {
	out := checkstyleReport{Version: "4.3"}
	for i := range run.Findings {
		f := &run.Findings[i]
		path := ""
		e := checkstyleError{Severity: checkstyleSeverity(f.Severity), Message: f.Message, Source: "attrlint." + f.Rule}
		if f.Doc != nil {
			path = f.Doc.Path
			loc := locate(f.Doc, f.Start, f.End)
			e.Line, e.Column = loc.line, loc.col
		}
		if n := len(out.Files); n == 0 || out.Files[n-1].Name != path {
			out.Files = append(out.Files, checkstyleFile{Name: path})
		}
		last := &out.Files[len(out.Files)-1]
		last.Errors = append(last.Errors, e)
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(&out); err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
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

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}
