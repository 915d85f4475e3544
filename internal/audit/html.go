package audit

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/internal/report"
)

// The HTML report tells kinds apart three ways, so that no one needs to
// tell colours apart: a colour from the Okabe–Ito palette (safe for the
// common colour-vision deficiencies), a pattern (in the bars) or a line
// style (under marked words), and a two-letter label on every mark and bar
// segment's legend.
var kindColor = [numKinds]string{"#0072B2", "#56B4E9", "#009E73", "#D55E00", "#E69F00", "#CC79A7", "#999999", "#F0E442"}

// kindTint is the background of marked words: a light tint of the colour,
// so that the text stays readable.
var kindTint = [numKinds]string{"#cfe3f2", "#dcf0fb", "#cdeee4", "#f8dccb", "#fbecc8", "#f5e0ec", "#e8e8e8", "#fbf7c6"}

// kindLine is the style of the line under marked words.
var kindLine = [numKinds]string{"solid", "double", "dotted", "solid", "dashed", "dotted", "dashed", "wavy"}

// kindPattern is the SVG pattern of a kind's segment of a bar, drawn over
// its colour.
var kindPattern = [numKinds]string{
	``, // solid
	`<path d="M0 6L6 0" stroke="#fff" stroke-width="1.5"/>`,
	`<circle cx="3" cy="3" r="1.2" fill="#fff"/>`,
	`<path d="M0 6L6 0M0 0L6 6" stroke="#fff" stroke-width="1.2"/>`,
	`<path d="M0 3H6" stroke="#fff" stroke-width="1.5"/>`,
	`<path d="M3 0V6" stroke="#fff" stroke-width="1.5"/>`,
	`<path d="M0 0L6 6" stroke="#fff" stroke-width="1.5"/>`,
	`<path d="M0 6L6 0" stroke="#000" stroke-width="1"/>`,
}

// class returns the CSS class of a kind: its short label, lower case.
func (k Kind) class() string { return strings.ToLower(kindShort[k]) }

// Short returns the kind's two-letter label ("AN").
func (k Kind) Short() string {
	if k < numKinds {
		return kindShort[k]
	}
	return "??"
}

func htmlStyle() string {
	var b strings.Builder
	for _, k := range Kinds {
		c := k.class()
		fmt.Fprintf(&b, ".t mark.%s{background:%s;text-decoration:underline %s %s 2px;text-underline-offset:3px}\n", c, kindTint[k], kindLine[k], kindColor[k])
		fmt.Fprintf(&b, ".t mark.%s:after{content:\"%s\"}\n", c, kindShort[k])
		fmt.Fprintf(&b, "rect.%s,.sw.%s rect{fill:url(#p-%s)}\n", c, c, c)
	}
	b.WriteString(".t mark:after{font:bold 9px/1 system-ui,sans-serif;vertical-align:super;margin-left:1px;padding:0 1px;border:1px solid #555;border-radius:2px;background:#fff;color:#000}\n")
	b.WriteString(".legend{display:flex;flex-wrap:wrap;gap:.3em 1.2em;margin:.8em 0;padding:.5em;border:1px solid #ddd}.legend span{white-space:nowrap}.legend svg{vertical-align:middle;margin-right:.3em}\n")
	b.WriteString(".bar{vertical-align:middle}.bar rect{height:12px}#stories td{text-align:right;font-variant-numeric:tabular-nums}#stories td:first-child,#stories td:last-child{text-align:left}\n")
	b.WriteString("ul.src{list-style:none;padding:0;margin:.3em 0 .6em;font-size:.9em;columns:2 28em}ul.src li:before{font:bold 9px/1 system-ui,sans-serif;border:1px solid #555;border-radius:2px;padding:0 2px;margin-right:.4em}ul.src s{text-decoration:none;color:#666}\n")
	for _, k := range Kinds {
		fmt.Fprintf(&b, "ul.src li.%s:before{content:\"%s\";background:%s}\n", k.class(), kindShort[k], kindTint[k])
	}
	return b.String()
}

// htmlDefs are the patterns of the bars, once per page.
func htmlDefs() string {
	var b strings.Builder
	b.WriteString(`<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>`)
	for _, k := range Kinds {
		fmt.Fprintf(&b, `<pattern id="p-%s" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="%s"/>%s</pattern>`,
			k.class(), kindColor[k], kindPattern[k])
	}
	b.WriteString("</defs></svg>\n")
	return b.String()
}

func htmlLegend() string {
	var b strings.Builder
	b.WriteString("<section class=legend id=legend aria-label=\"kinds of source\">")
	for _, k := range Kinds {
		fmt.Fprintf(&b, `<span class="sw %s"><svg width="28" height="14" aria-hidden="true"><rect width="28" height="14" stroke="#000" stroke-width=".5"/></svg><b>%s</b> %s</span>`,
			k.class(), kindShort[k], k.Label())
	}
	b.WriteString("</section>\n")
	return b.String()
}

// bar draws a stacked bar of the attributions of t by kind, width px wide;
// labelled, it carries the counts as its accessible name.
func bar(b *bytes.Buffer, t *Totals, width int, labelled bool) {
	total := 0
	for _, n := range t.Attributions {
		total += n
	}
	fmt.Fprintf(b, `<svg class=bar width=%d height=12`, width)
	if labelled {
		b.WriteString(` role=img aria-label="`)
		first := true
		for _, k := range Kinds {
			if n := t.Attributions[k]; n > 0 {
				if !first {
					b.WriteString(", ")
				}
				first = false
				fmt.Fprintf(b, "%d %s", n, k.Label())
			}
		}
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
	x := 0.0
	for _, k := range Kinds {
		n := t.Attributions[k]
		if n == 0 || total == 0 {
			continue
		}
		w := float64(width) * float64(n) / float64(total)
		fmt.Fprintf(b, `<rect class=%s x=%s width=%s />`, k.class(), num(x), num(w))
		x += w
	}
	b.WriteString("</svg>")
}

// HTML collects the audit's HTML report story by story: each story's text
// is rendered when it is added, so the documents need not be kept.
type HTML struct {
	page *report.HTMLPage
}

// NewHTML starts an HTML report titled title.
func NewHTML(title string) *HTML {
	return &HTML{page: &report.HTMLPage{Title: title, Style: htmlStyle(), Legend: htmlLegend()}}
}

// storyID is the element id of story i (0-based) of the page.
func storyID(i int) string { return fmt.Sprintf("s%d", i+1) }

// Add renders story s of input fr (as Build gave it) into the report.
func (h *HTML) Add(s *Story, fr *lint.FileResult) {
	var intro bytes.Buffer
	for _, n := range s.Notes {
		intro.WriteString("<p class=note>")
		report.Escape(&intro, n)
		intro.WriteString("</p>\n")
	}
	sourcesList(&intro, s)
	marks := make([]report.HTMLMark, 0, len(s.Attributions))
	marked := map[int]bool{}
	for i := range s.Attributions {
		a := &s.Attributions[i]
		title := ""
		if a.Source >= 0 && a.Reference {
			title = s.Sources[a.Source].Name
		}
		marks = append(marks, report.HTMLMark{Start: a.start, End: a.end, Class: a.Kind.class(), Title: title})
		if a.Finding != "" {
			marked[a.start] = true
		}
	}
	brief := func(f *analysis.Finding) bool { return marked[f.Start] }
	h.page.AddStory(&report.HTMLStory{ID: storyID(h.page.Stories()), Intro: intro.String(), Doc: fr.Doc,
		Marks: marks, Findings: fr.Findings, Brief: brief})
}

// sourcesList writes the story's sources, one line each: kind, name,
// title, other mentions, quotations, claims and lines. It is a list, not a
// table, to keep a desk's page small.
func sourcesList(b *bytes.Buffer, s *Story) {
	if len(s.Sources) == 0 && s.Totals.Attributions[Unattributed] == 0 {
		b.WriteString("<p class=note>No attribution found.</p>\n")
		return
	}
	b.WriteString("<ul class=src>")
	for i := range s.Sources {
		src := &s.Sources[i]
		fmt.Fprintf(b, "<li class=%s>", src.Kind.class())
		report.Escape(b, src.Name)
		if src.Title != "" && !strings.Contains(src.Name, src.Title) {
			b.WriteString(", ")
			report.Escape(b, src.Title)
		}
		if o := otherMentions(src); o != "" {
			b.WriteString(" (")
			report.Escape(b, o)
			b.WriteString(")")
		}
		b.WriteString(" <s>")
		if src.Quotations > 0 {
			fmt.Fprintf(b, "%dq ", src.Quotations)
		}
		if src.Claims > 0 {
			fmt.Fprintf(b, "%dc ", src.Claims)
		}
		fmt.Fprintf(b, "l.%s</s>", joinInts(src.Lines))
	}
	if n := s.Totals.Attributions[Unattributed]; n > 0 {
		var lines []int
		for i := range s.Quotations {
			if s.Quotations[i].Source < 0 {
				lines = addLine(lines, s.Quotations[i].Start.Line)
			}
		}
		fmt.Fprintf(b, "<li class=uq><i>nobody</i> <s>%dq l.%s</s>", n, joinInts(lines))
	}
	b.WriteString("</ul>\n")
}

func joinInts(ns []int) string {
	var b strings.Builder
	for i, n := range ns {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprint(&b, n)
	}
	return b.String()
}

// overviewColumns are the kinds with a column of the overview.
var overviewColumns = Kinds

// htmlWriter is the Writer of the html format.
type htmlWriter struct {
	w io.Writer
	h *HTML
}

func (x *htmlWriter) Story(s *Story, fr *lint.FileResult) error {
	x.h.Add(s, fr)
	return nil
}

func (x *htmlWriter) Close(d *Desk) error { return x.h.Write(x.w, d) }

// Write writes the report for desk d: the desk overview (one row per
// story, sortable, with a stacked bar of its source kinds; the desk's
// totals), the legend, then every story.
func (h *HTML) Write(w io.Writer, d *Desk) error {
	var b bytes.Buffer
	b.WriteString(htmlDefs())
	t := &d.Totals
	fmt.Fprintf(&b, "<section id=overview><h2>Desk</h2>\n<p id=desk-summary>%d stories: %d attributions to %d named sources; %d anonymous sources without a reason, %d with one; %d vague, %d impersonal; %d unattributed quotations. %s of quotations and claims rest on unnamed sources; %s of quotations come from named sources.</p>\n",
		len(d.Rows), sumKinds(t.Attributions), t.NamedSources, t.Attributions[Anonymous], t.Attributions[AnonymousJustified],
		t.Attributions[Vague], t.Attributions[Impersonal], t.Attributions[Unattributed], pct(t.AnonymousShare()), pct(t.NamedQuotationShare()))
	b.WriteString("<p>")
	bar(&b, t, 480, true)
	b.WriteString("</p>\n<table class=sortable id=stories><thead><tr><th>story")
	for _, k := range overviewColumns {
		fmt.Fprintf(&b, `<th class=n title="%s">%s`, k.Label(), kindShort[k])
	}
	b.WriteString("<th class=n>quotes<th class=n>claims<th class=n>named sources<th class=n>anonymous share<th class=n>named quotes<th>kinds</thead><tbody>\n")
	for i := range d.Rows {
		s := &d.Rows[i]
		fmt.Fprintf(&b, `<tr><td><a href="#%s">`, storyID(i))
		report.Escape(&b, s.File)
		b.WriteString("</a>")
		totalsCells(&b, &s.Totals)
		b.WriteString("<td>")
		bar(&b, &s.Totals, 120, false)
		b.WriteByte('\n')
	}
	b.WriteString("</tbody><tfoot><tr><td>desk")
	totalsCells(&b, t)
	b.WriteString("<td>")
	bar(&b, t, 120, false)
	b.WriteString("</tfoot></table></section>\n")
	return h.page.Write(w, b.String())
}

// totalsCells writes a row's numbers; the table's CSS aligns them and the
// sorting script reads them as numbers.
func totalsCells(b *bytes.Buffer, t *Totals) {
	for _, k := range overviewColumns {
		fmt.Fprintf(b, "<td>%d", t.Attributions[k])
	}
	fmt.Fprintf(b, "<td>%d<td>%d<td>%d<td>%s<td>%s", t.Quotations, t.Claims, t.NamedSources, pct(t.AnonymousShare()), pct(t.NamedQuotationShare()))
}

// num formats a coordinate with at most one decimal.
func num(x float64) string {
	s := strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
	return s
}

func pct(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }

func sumKinds(a [numKinds]int) int {
	n := 0
	for _, v := range a {
		n += v
	}
	return n
}
