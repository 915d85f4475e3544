package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/attrlint/attrlint/analysis"
)

// GitHub writes one GitHub Actions workflow command per finding, which the
// runner turns into an annotation on the pull request:
//
//	::warning file=drafts/a.md,line=3,col=1,endLine=3,endColumn=15,title=anonymous-source::anonymous source …
//
// Errors are ::error, warnings ::warning, info findings ::notice; columns
// count code points. Values are escaped as the runner unescapes them (%, CR
// and LF in the message; also : and , in properties), after controls from
// the input are made visible (sanitize): a newline in a file name or a
// quotation cannot end the command and forge another.
//
// GitHub shows at most 10 annotations of each level per step, so when
// Options.StepSummary names the job summary file ($GITHUB_STEP_SUMMARY),
// GitHub also appends a Markdown table of every finding to it.
func GitHub(w io.Writer, run *Run, opt Options) error {
	return batch(startGitHub)(w, run, opt)
}

type githubWriter struct {
	w       *bufio.Writer
	summary string // the job summary file, or ""
	rows    bytes.Buffer
	count   tally
}

func startGitHub(w io.Writer, _ *Run, opt Options) Writer {
	return &githubWriter{w: newBuffer(w), summary: opt.StepSummary}
}

func (g *githubWriter) Write(fs []analysis.Finding) error {
	for i := range fs {
		writeGitHubCommand(g.w, &fs[i])
		if g.summary != "" {
			writeStepSummaryRow(&g.rows, &fs[i])
		}
	}
	g.count.add(fs)
	return nil
}

func (g *githubWriter) Close(files int) error {
	if err := g.w.Flush(); err != nil {
		return err
	}
	if g.summary == "" {
		return nil
	}
	f, err := os.OpenFile(g.summary, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	sw := bufio.NewWriter(f)
	writeStepSummary(sw, files, g.count, g.rows.Bytes())
	if err := sw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("job summary %s: %w", g.summary, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("job summary %s: %w", g.summary, err)
	}
	return nil
}

func writeGitHubCommand(w *bufio.Writer, f *analysis.Finding) {
	w.WriteString("::")
	w.WriteString(githubLevel(f.Severity))
	sep := " "
	prop := func(k, v string) {
		w.WriteString(sep)
		w.WriteString(k)
		w.WriteByte('=')
		w.WriteString(v)
		sep = ","
	}
	if f.Doc != nil {
		loc := locate(f.Doc, f.Start, f.End)
		prop("file", escapeProperty(sanitize(f.Doc.Path)))
		prop("line", fmt.Sprint(loc.line))
		prop("col", fmt.Sprint(loc.col))
		prop("endLine", fmt.Sprint(loc.endLine))
		prop("endColumn", fmt.Sprint(loc.endCol))
	}
	prop("title", escapeProperty(sanitize("attrlint "+f.Rule)))
	w.WriteString("::")
	w.WriteString(escapeData(sanitizeData(f.Message)))
	w.WriteByte('\n')
}

func githubLevel(s analysis.Severity) string {
	switch s {
	case analysis.SeverityError:
		return "error"
	case analysis.SeverityWarning:
		return "warning"
	}
	return "notice"
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// writeStepSummary appends a Markdown section: a count, then the table
// rows of every finding.
func writeStepSummary(w *bufio.Writer, files int, c tally, rows []byte) {
	fmt.Fprintf(w, "### attrlint\n\n%s checked: %d errors, %d warnings, %d info\n\n",
		plural(files, "file"), c.error, c.warning, c.info)
	if len(rows) == 0 {
		return
	}
	w.WriteString("| File | Line | Column | Severity | Rule | Message |\n")
	w.WriteString("| --- | ---: | ---: | --- | --- | --- |\n")
	w.Write(rows)
	w.WriteString("\n")
}

// writeStepSummaryRow writes the job summary's table row of f.
func writeStepSummaryRow(w *bytes.Buffer, f *analysis.Finding) {
	file, line, col := "", 0, 0
	if f.Doc != nil {
		loc := locate(f.Doc, f.Start, f.End)
		file, line, col = f.Doc.Path, loc.line, loc.col
	}
	fmt.Fprintf(w, "| %s | %d | %d | %s | `%s` | %s |\n",
		markdownCell(file), line, col, f.Severity, f.Rule, markdownCell(f.Message))
}

var cellEscaper = strings.NewReplacer("|", "\\|", "\r\n", " ", "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;")

// markdownCell makes s safe in a table cell: no pipes or line breaks, no
// HTML.
func markdownCell(s string) string { return cellEscaper.Replace(sanitize(s)) }

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
