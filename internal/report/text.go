package report

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
	"github.com/fatih/color"
)

// Text writes one block per finding, for people:
//
//	drafts/ukraine.md:15:16: warning: anonymous source with no reason given for anonymity [anonymous-source]
//	   15 | On Wednesday, a senior American official, who refused to be quoted by name, told reporters…
//	      |               ^^^^^^^^^^^^^^^^^^^^^^^^^^
//	    related: drafts/ukraine.v1.md:12:16: earlier version
//
// then a blank line, and at the end a summary of findings by severity and
// files checked. Columns count code points; carets are aligned by display
// width. Lines wider than opt.Width are cut around the finding, with "…"
// where they are cut.
func Text(w io.Writer, run *Run, opt Options) error {
	return batch(startText)(w, run, opt)
}

func startText(w io.Writer, _ *Run, opt Options) Writer {
	t := &textWriter{w: newBuffer(w), pal: newPalette(opt.Color), width: opt.Width, quiet: opt.Quiet}
	if t.width == 0 {
		t.width = DefaultWidth
	}
	return t
}

func (t *textWriter) Write(fs []analysis.Finding) error {
	for i := range fs {
		t.finding(&fs[i])
	}
	t.count.add(fs)
	return nil
}

func (t *textWriter) Close(files int) error {
	if !t.quiet {
		t.summary(files)
	}
	return t.w.Flush()
}

type textWriter struct {
	w     *bufio.Writer
	pal   palette
	width int
	quiet bool // no summary line
	count tally
	units []unit // reused for every line
	// laidDoc, laidFrom and laidTo say what units holds the layout of.
	laidDoc          *prose.Document
	laidFrom, laidTo int
	num              []byte // scratch for numbers
}

func (t *textWriter) finding(f *analysis.Finding) {
	if f.Doc == nil {
		// Nothing to point into: the header alone, with no position.
		t.header("", location{}, f)
		t.w.WriteByte('\n')
		return
	}
	loc := locate(f.Doc, f.Start, f.End)
	t.header(f.Doc.Path, loc, f)
	t.source(loc, t.pal.caret[sevIndex(f.Severity)])
	for i := range f.Related {
		r := &f.Related[i]
		doc := relatedDoc(f, r)
		t.w.WriteString("    related: ")
		if doc != nil {
			rl := locate(doc, r.Start, r.End)
			t.pal.path.write(t.w, sanitize(doc.Path))
			t.w.WriteByte(':')
			t.int(rl.line)
			t.w.WriteByte(':')
			t.int(rl.col)
		}
		if r.Message != "" {
			t.w.WriteString(": ")
			t.w.WriteString(sanitize(r.Message))
		}
		t.w.WriteByte('\n')
	}
	t.w.WriteByte('\n')
}

// header writes "path:line:col: severity: message [rule]".
func (t *textWriter) header(path string, loc location, f *analysis.Finding) {
	if path != "" {
		t.pal.path.write(t.w, sanitize(path))
		t.w.WriteByte(':')
		t.int(loc.line)
		t.w.WriteByte(':')
		t.int(loc.col)
		t.w.WriteString(": ")
	}
	t.pal.severity[sevIndex(f.Severity)].write(t.w, f.Severity.String())
	t.w.WriteString(": ")
	t.w.WriteString(sanitize(f.Message))
	if f.Rule != "" {
		t.w.WriteByte(' ')
		t.w.WriteString(t.pal.rule.pre)
		t.w.WriteByte('[')
		t.w.WriteString(sanitize(f.Rule))
		t.w.WriteByte(']')
		t.w.WriteString(t.pal.rule.post)
	}
	t.w.WriteByte('\n')
}

// source writes the finding's first line, cut to the width, under a
// line-number gutter, and a caret line under the finding's span. A span that
// runs past the end of the line is marked to the end of the line; an empty
// span gets one caret.
func (t *textWriter) source(loc location, caret style) {
	doc := loc.doc
	ls := doc.LineSpan(loc.line)
	t.num = strconv.AppendInt(t.num[:0], int64(loc.line), 10)
	gutter := max(len(t.num), 5)
	avail := -1
	if t.width > 0 {
		avail = t.width - gutter - len(" | ")
	}

	// Lay out the line, or, when it is cut to the width, the part of it
	// around the finding: first a few bytes per cell, enough for most
	// text; if that part holds fewer cells than the window on a side where
	// it cut the line, the window could have shown more there, and if it
	// holds a tab, whose width depends on where the layout starts, lay out
	// the sure margin instead.
	from, to := ls.Start, ls.End
	var us []unit
	var s, e int
	for _, margin := range marginTries {
		if t.width > 0 {
			from, to = around(doc.Text, ls, loc.start, loc.end, t.width, margin)
		}
		if doc != t.laidDoc || from != t.laidFrom || to != t.laidTo {
			// Findings on one line often come in a row: lay it out once.
			t.units = layout(t.units, doc.Text, from, to)
			t.laidDoc, t.laidFrom, t.laidTo = doc, from, to
		}
		us = t.units
		s = unitAt(us, loc.start)
		e = len(us)
		if loc.end <= ls.End {
			e = max(unitFrom(us, loc.end), s)
		}
		cut := from > ls.Start || to < ls.End
		if !cut || (from == ls.Start || widthOf(us[:s]) >= avail) && (to == ls.End || widthOf(us[e:]) >= avail) &&
			bytes.IndexByte(doc.Text[from:to], '\t') < 0 { // tab stops count from where the layout starts
			break
		}
	}
	lo, hi := window(us, s, e, avail)

	t.pad(gutter - len(t.num))
	t.w.Write(t.num)
	t.w.WriteString(" |")
	if len(us) > 0 {
		t.w.WriteByte(' ')
	}
	if lo > 0 || from > ls.Start {
		t.w.WriteString("…")
	}
	// Verbatim units are written a run at a time: the units of a line
	// are contiguous, one per ASCII byte.
	text := doc.Text
	run, runEnd := -1, -1
	for _, u := range us[lo:hi] {
		if u.kind == verbatim {
			if u.start != runEnd {
				if run >= 0 {
					t.w.Write(text[run:runEnd])
				}
				run = u.start
			}
			runEnd = u.end
			continue
		}
		if run >= 0 {
			t.w.Write(text[run:runEnd])
			run, runEnd = -1, -1
		}
		switch u.kind {
		case replaced:
			t.w.WriteString(replacement)
		case spaces:
			t.pad(u.width)
		}
	}
	if run >= 0 {
		t.w.Write(text[run:runEnd])
	}
	if hi < len(us) || to < ls.End {
		t.w.WriteString("…")
	}
	t.w.WriteByte('\n')

	t.pad(gutter)
	t.w.WriteString(" | ")
	lead := widthOf(us[lo:min(s, hi)])
	if lo > 0 || from > ls.Start {
		lead++
	}
	t.pad(lead)
	n := max(widthOf(us[min(s, hi):min(e, hi)]), 1)
	t.w.WriteString(caret.pre)
	for ; n > len(carets); n -= len(carets) {
		t.w.WriteString(carets)
	}
	t.w.WriteString(carets[:n])
	t.w.WriteString(caret.post)
	t.w.WriteByte('\n')
}

// summary writes the last line: "3 files checked: 1 error, 4 warnings,
// 1 info", or "1 file checked: no findings".
func (t *textWriter) summary(files int) {
	t.int(files)
	if files == 1 {
		t.w.WriteString(" file checked: ")
	} else {
		t.w.WriteString(" files checked: ")
	}
	c := t.count
	parts := 0
	part := func(n int, one, many string) {
		if n == 0 {
			return
		}
		if parts > 0 {
			t.w.WriteString(", ")
		}
		parts++
		t.int(n)
		t.w.WriteByte(' ')
		if n == 1 {
			t.w.WriteString(one)
		} else {
			t.w.WriteString(many)
		}
	}
	part(c.error, "error", "errors")
	part(c.warning, "warning", "warnings")
	part(c.info, "info", "info")
	if parts == 0 {
		t.w.WriteString("no findings")
	}
	t.w.WriteByte('\n')
}

func (t *textWriter) int(n int) {
	t.num = strconv.AppendInt(t.num[:0], int64(n), 10)
	t.w.Write(t.num)
}

const carets = "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"

const blanks = "                                                                "

func (t *textWriter) pad(n int) {
	for n > len(blanks) {
		t.w.WriteString(blanks)
		n -= len(blanks)
	}
	if n > 0 {
		t.w.WriteString(blanks[:n])
	}
}

// A style is the escape codes around a piece of colored text; both are empty
// when color is off.
type style struct{ pre, post string }

func (s style) write(w *bufio.Writer, text string) {
	w.WriteString(s.pre)
	w.WriteString(text)
	w.WriteString(s.post)
}

// palette holds the styles of the text format, indexed by sevIndex where
// they depend on the severity.
type palette struct {
	path, rule      style
	severity, caret [4]style
}

// sevIndex maps a severity to an index into palette arrays: 0 for anything
// that is not info, warning or error.
func sevIndex(s analysis.Severity) int {
	if s < analysis.SeverityInfo || s > analysis.SeverityError {
		return 0
	}
	return int(s)
}

// newPalette builds the styles from fatih/color values whose color is turned
// on or off explicitly, so that neither NO_COLOR nor whether stdout is a
// terminal overrides the caller's choice.
func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) style {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		pre, post, _ := strings.Cut(c.Sprint("x"), "x")
		return style{pre, post}
	}
	var p palette
	p.path = mk(color.Bold)
	p.rule = mk(color.Faint)
	p.severity[analysis.SeverityError] = mk(color.FgRed, color.Bold)
	p.severity[analysis.SeverityWarning] = mk(color.FgYellow, color.Bold)
	p.severity[analysis.SeverityInfo] = mk(color.FgCyan)
	p.caret[analysis.SeverityError] = mk(color.FgRed, color.Bold)
	p.caret[analysis.SeverityWarning] = mk(color.FgYellow, color.Bold)
	p.caret[analysis.SeverityInfo] = mk(color.FgCyan)
	return p
}

// around returns the part of the line ls worth laying out for a finding at
// [start, end) when the line is cut to width cells: margin bytes per cell on
// each side, so that a 100 MB line costs the same as a short one.
func around(text []byte, ls prose.Span, start, end, width, margin int) (from, to int) {
	margin *= width
	from = max(ls.Start, start-margin)
	to = min(ls.End, min(max(end, start), start+margin)+margin)
	for from > ls.Start && from < start && !utf8.RuneStart(text[from]) {
		from++
	}
	for to < ls.End && to > start && !utf8.RuneStart(text[to]) {
		to--
	}
	return from, to
}

// marginCells is how many bytes per cell of width around lays out to be
// sure no shown cell is left out: a cell holds at most 4 bytes of UTF-8,
// more only with zero-width characters. quickMarginCells is what it tries
// first.
const (
	marginCells      = 64
	quickMarginCells = 2
)

// marginTries are the margins source tries in turn; tests check that the
// quick one changes nothing.
var marginTries = []int{quickMarginCells, marginCells}
