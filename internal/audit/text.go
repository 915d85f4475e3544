package audit

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/attrlint/attrlint/internal/lint"
)

func newBuffer(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }

// palette colors the text report as check colors its findings: an
// anonymous source without a reason and an unattributed quotation as a
// warning, vague and impersonal attribution as info, paths bold.
type palette struct {
	on          bool
	path, faint *color.Color
	kind        [numKinds]*color.Color
	heading     *color.Color
}

func newPalette(on bool) *palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	p := &palette{on: on, path: mk(color.Bold), faint: mk(color.Faint), heading: mk(color.Bold)}
	for k := range p.kind {
		p.kind[k] = mk()
	}
	p.kind[Anonymous] = mk(color.FgYellow, color.Bold)
	p.kind[Unattributed] = mk(color.FgYellow, color.Bold)
	p.kind[Vague] = mk(color.FgCyan)
	p.kind[Impersonal] = mk(color.FgCyan)
	p.kind[Unresolved] = mk(color.Faint)
	return p
}

// table writes rows whose cells are padded to their column's width
// before they are colored, so that escape codes never break alignment.
type table struct {
	on     bool // colors on
	rows   [][]string
	colors [][]*color.Color
	right  []bool
}

func (t *table) add(cells []string, colors ...*color.Color) {
	t.rows = append(t.rows, cells)
	t.colors = append(t.colors, colors)
}

func (t *table) write(w *bufio.Writer, indent string) {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	pad := func(n int) {
		for ; n > 0; n-- {
			w.WriteByte(' ')
		}
	}
	for ri, r := range t.rows {
		w.WriteString(indent)
		for i, c := range r {
			var cc *color.Color
			if cs := t.colors[ri]; i < len(cs) && cs[i] != nil && t.on {
				cc = cs[i]
			}
			if cc != nil {
				cc.SetWriter(w)
			}
			right := i < len(t.right) && t.right[i]
			n := widths[i] - utf8.RuneCountInString(c)
			if right {
				pad(n)
			}
			w.WriteString(c)
			if !right && i < len(r)-1 {
				pad(n)
			}
			if cc != nil {
				cc.UnsetWriter(w)
			}
			if i < len(r)-1 {
				w.WriteString("  ")
			}
		}
		w.WriteByte('\n')
	}
}

// textWriter writes the desk as aligned tables: per story its sources,
// then its totals; at the end one row per story and the desk's totals.
type textWriter struct {
	w *bufio.Writer
	p *palette
}

func (x *textWriter) Story(s *Story, _ *lint.FileResult) error {
	bw, p := x.w, x.p
	fmt.Fprintln(bw, p.path.Sprint(s.File))
	for _, n := range s.Notes {
		fmt.Fprintln(bw, "  "+p.faint.Sprint("note: "+n))
	}
	if len(s.Sources) == 0 && s.Totals.Attributions[Unattributed] == 0 {
		fmt.Fprintln(bw, "  no attribution found")
		fmt.Fprintln(bw)
		return nil
	}
	t := &table{on: p.on, right: []bool{false, false, false, true, true, false}}
	t.add([]string{"SOURCE", "KIND", "TITLE", "QUOTES", "CLAIMS", "LINES"}, p.heading, p.heading, p.heading, p.heading, p.heading, p.heading)
	for i := range s.Sources {
		src := &s.Sources[i]
		name := src.Name
		if others := otherMentions(src); others != "" {
			name += " (" + others + ")"
		}
		t.add([]string{name, src.Kind.String(), src.Title, strconv.Itoa(src.Quotations), strconv.Itoa(src.Claims), joinInts(src.Lines)},
			nil, p.kind[src.Kind])
	}
	if n := s.Totals.Attributions[Unattributed]; n > 0 {
		var lines []int
		for i := range s.Quotations {
			if s.Quotations[i].Source < 0 {
				lines = addLine(lines, s.Quotations[i].Start.Line)
			}
		}
		t.add([]string{"(nobody)", Unattributed.String(), "", strconv.Itoa(n), "0", joinInts(lines)}, nil, p.kind[Unattributed])
	}
	t.write(bw, "  ")
	fmt.Fprintf(bw, "  %s\n\n", totalsLine(&s.Totals))
	return nil
}

func (x *textWriter) Close(d *Desk) error {
	bw, p := x.w, x.p
	t := &table{on: p.on, right: []bool{false, true, true, true, true, true, true, true, true, true, true, true, true, true}}
	head := []string{"STORY"}
	for _, k := range Kinds {
		head = append(head, kindShort[k])
	}
	head = append(head, "QUOTES", "CLAIMS", "NAMED", "ANON%", "NAMED-Q%")
	hc := make([]*color.Color, len(head))
	for i := range hc {
		hc[i] = p.heading
	}
	t.add(head, hc...)
	row := func(name string, tt *Totals) []string {
		r := []string{name}
		for _, k := range Kinds {
			r = append(r, strconv.Itoa(tt.Attributions[k]))
		}
		return append(r, strconv.Itoa(tt.Quotations), strconv.Itoa(tt.Claims), strconv.Itoa(tt.NamedSources),
			pct(tt.AnonymousShare()), pct(tt.NamedQuotationShare()))
	}
	for i := range d.Rows {
		t.add(row(d.Rows[i].File, &d.Rows[i].Totals))
	}
	t.add(row(fmt.Sprintf("desk (%d stories)", len(d.Rows)), &d.Totals), p.heading)
	t.write(bw, "")
	var legend []string
	for _, k := range Kinds {
		legend = append(legend, kindShort[k]+" "+k.Label())
	}
	fmt.Fprintln(bw, p.faint.Sprint(strings.Join(legend, ", ")))
	return bw.Flush()
}

func otherMentions(src *Source) string {
	var out []string
	for _, m := range src.Mentions {
		if m != src.Name {
			out = append(out, m)
		}
	}
	return strings.Join(out, "; ")
}

func totalsLine(t *Totals) string {
	var parts []string
	for _, k := range Kinds {
		if n := t.Attributions[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k.Label()))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "no attribution")
	}
	return fmt.Sprintf("%s; %d quotations, %d claims; %d named sources; %s on unnamed sources, %s of quotations named",
		strings.Join(parts, ", "), t.Quotations, t.Claims, t.NamedSources, pct(t.AnonymousShare()), pct(t.NamedQuotationShare()))
}

// CSVHeader is the first row WriteCSV writes.
var CSVHeader = []string{"file", "line", "column", "end_line", "end_column", "kind", "written", "source", "source_kind",
	"title", "reference", "cue", "quotation", "reason", "finding", "severity", "suppressed"}

// csvWriter writes one row per attribution (unattributed quotations
// included), after CSVHeader.
type csvWriter struct {
	w  *bufio.Writer
	cw *csv.Writer
}

func newCSVWriter(w io.Writer) *csvWriter {
	bw := newBuffer(w)
	x := &csvWriter{w: bw, cw: csv.NewWriter(bw)}
	_ = x.cw.Write(CSVHeader)
	return x
}

func (x *csvWriter) Story(s *Story, _ *lint.FileResult) error {
	for i := range s.Attributions {
		a := &s.Attributions[i]
		var source, skind, title, quote string
		if a.Source >= 0 {
			src := &s.Sources[a.Source]
			source, skind, title = src.Name, src.Kind.String(), src.Title
		}
		if a.Quotation >= 0 {
			quote = s.Quotations[a.Quotation].Text
		}
		if err := x.cw.Write([]string{s.File, strconv.Itoa(a.Start.Line), strconv.Itoa(a.Start.Column),
			strconv.Itoa(a.End.Line), strconv.Itoa(a.End.Column), a.Kind.String(), a.Written, source, skind, title,
			strconv.FormatBool(a.Reference), a.Cue, quote, a.Reason, a.Finding, a.Severity, a.Suppressed}); err != nil {
			return err
		}
	}
	return nil
}

func (x *csvWriter) Close(*Desk) error {
	x.cw.Flush()
	if err := x.cw.Error(); err != nil {
		return err
	}
	return x.w.Flush()
}

// A Writer writes an audit as the run goes: each story as the engine
// finishes it, in path order, then the desk.
type Writer interface {
	// Story writes a story; fr is the input it was built from (Build).
	Story(s *Story, fr *lint.FileResult) error
	// Close writes the desk's part and flushes.
	Close(d *Desk) error
}

// Formats are the names of the audit's formats.
var Formats = []string{"text", "json", "csv", "html"}

// NewWriter returns the writer of format on w (color for text); false for
// an unknown format.
func NewWriter(format string, w io.Writer, colorOn bool) (Writer, bool) {
	switch format {
	case "text":
		return &textWriter{w: newBuffer(w), p: newPalette(colorOn)}, true
	case "json":
		return newJSONWriter(w), true
	case "csv":
		return newCSVWriter(w), true
	case "html":
		return &htmlWriter{w: w, h: NewHTML("attrlint sources: sourcing audit")}, true
	}
	return nil, false
}
