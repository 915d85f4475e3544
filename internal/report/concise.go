package report

import (
	"io"

	"github.com/attrlint/attrlint/analysis"
)

// Concise writes one line per finding, the text format's first line
// without the source line, carets or related locations, and the same
// summary line:
//
//	drafts/a.md:3:1: warning: anonymous source "Officials said" gives no reason ... [anonymous-source]
//
// It is Vale's --output=line, ruff's concise and ESLint's compact: for
// editors' quickfix lists, grep and long runs where the advice repeats.
func Concise(w io.Writer, run *Run, opt Options) error {
	return batch(startConcise)(w, run, opt)
}

type conciseWriter struct{ *textWriter }

func startConcise(w io.Writer, run *Run, opt Options) Writer {
	return conciseWriter{startText(w, run, opt).(*textWriter)}
}

func (c conciseWriter) Write(fs []analysis.Finding) error {
	for i := range fs {
		f := &fs[i]
		if f.Doc == nil {
			c.header("", location{}, f)
			continue
		}
		c.header(f.Doc.Path, locate(f.Doc, f.Start, f.End), f)
	}
	c.count.add(fs)
	return nil
}
