package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// An HTMLPage is one self-contained HTML report: no external script, font,
// style or image, so that it opens from an e-mail attachment or a CI
// artifact offline. check --format html writes one of findings; the
// sources audit one of attributions, with check's findings beside them.
//
// Stories are rendered as they are added (the documents need not stay in
// memory); the overview that comes first on the page is written at the end,
// when the whole run is known.
type HTMLPage struct {
	// Title is the page's title and first heading.
	Title string
	// Style is CSS of the caller's, added to the page's own.
	Style string
	// Legend is trusted HTML shown between the overview and the stories.
	Legend string

	body bytes.Buffer
	n    int
}

// An HTMLStory is one document's section of an HTMLPage: its text line by
// line (one <p> each, numbered by a CSS counter), with marks over spans of
// it, and check's findings beside the lines they start on (an <i> per
// finding, first in its line's <p>, floated to the right).
type HTMLStory struct {
	// ID is the section's element id, for links from the overview.
	ID string
	// Intro is trusted HTML after the section's heading (a table of the
	// story's sources, notes).
	Intro string
	Doc   *prose.Document
	// Marks highlight spans of the text; a mark that overlaps one before
	// it (by start, the longer first) is left out.
	Marks    []HTMLMark
	Findings []analysis.Finding
	// Brief, when set, says of a finding that a mark already shows its
	// words: it is listed beside the line by its rule alone, which keeps
	// the page of a desk's thousands of findings small.
	Brief func(*analysis.Finding) bool
}

// An HTMLMark highlights Text[Start:End] of a story with a class; Title is
// shown on hover (may be "").
type HTMLMark struct {
	Start, End   int
	Class, Title string
}

// AddStory renders a story into the page.
func (p *HTMLPage) AddStory(s *HTMLStory) {
	p.n++
	b := &p.body
	fmt.Fprintf(b, "<article class=story id=%s><h2>", s.ID)
	Escape(b, s.Doc.Path)
	b.WriteString("</h2>\n")
	b.WriteString(s.Intro)
	b.WriteString("<div class=t>\n")
	marks := cleanMarks(s.Marks, len(s.Doc.Text))
	byLine := map[int][]*analysis.Finding{}
	for i := range s.Findings {
		f := &s.Findings[i]
		if f.Doc == nil || f.Doc.Path != s.Doc.Path {
			continue
		}
		l, _ := s.Doc.Position(min(max(f.Start, 0), len(s.Doc.Text)))
		byLine[l] = append(byLine[l], f)
	}
	text := s.Doc.Text
	mi := 0
	lines := s.Doc.LineCount()
	for n := 1; n <= lines; n++ {
		span := s.Doc.LineSpan(n)
		b.WriteString("<p>")
		// The findings first: they float to the right of the line.
		for _, f := range byLine[n] {
			fmt.Fprintf(b, "<i class=%s>", sevClass(f.Severity))
			Escape(b, f.Rule)
			if s.Brief == nil || !s.Brief(f) {
				b.WriteString(": ")
				Escape(b, f.Message)
			}
			b.WriteString("</i>")
		}
		// Marks that end before this line are done.
		for mi < len(marks) && marks[mi].End <= span.Start {
			mi++
		}
		at := span.Start
		for k := mi; k < len(marks) && marks[k].Start < span.End; k++ {
			m := &marks[k]
			ms, me := max(m.Start, span.Start), min(m.End, span.End)
			if ms >= me {
				continue
			}
			escapeBytes(b, text[at:ms])
			b.WriteString("<mark class=")
			b.WriteString(m.Class)
			if m.Title != "" {
				b.WriteString(` title="`)
				Escape(b, m.Title)
				b.WriteByte('"')
			}
			b.WriteByte('>')
			escapeBytes(b, text[ms:me])
			b.WriteString("</mark>")
			at = me
		}
		escapeBytes(b, text[at:span.End])
	}
	b.WriteString("</div></article>\n")
}

// Stories returns how many stories were added.
func (p *HTMLPage) Stories() int { return p.n }

// cleanMarks sorts marks by start, the longer first, clamps them to the
// text and drops empty ones and those that overlap one kept before.
func cleanMarks(ms []HTMLMark, n int) []HTMLMark {
	out := make([]HTMLMark, 0, len(ms))
	for _, m := range ms {
		m.Start, m.End = min(max(m.Start, 0), n), min(max(m.End, 0), n)
		if m.End > m.Start {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	keep := out[:0]
	end := 0
	for _, m := range out {
		if m.Start >= end {
			keep = append(keep, m)
			end = m.End
		}
	}
	return keep
}

func sevClass(s analysis.Severity) string {
	switch s {
	case analysis.SeverityError:
		return "e"
	case analysis.SeverityWarning:
		return "w"
	}
	return "n"
}

// Write writes the page: head, the overview (trusted HTML, the caller's),
// the legend, every story added, and the sorting script.
func (p *HTMLPage) Write(w io.Writer, overview string) error {
	var head bytes.Buffer
	head.WriteString("<!doctype html>\n<html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><title>")
	escapeString(&head, p.Title)
	head.WriteString("</title>\n<style>")
	head.WriteString(htmlStyle)
	head.WriteString(p.Style)
	head.WriteString("</style></head>\n<body><h1>")
	escapeString(&head, p.Title)
	head.WriteString("</h1>\n")
	head.WriteString(overview)
	head.WriteString(p.Legend)
	for _, part := range [][]byte{head.Bytes(), p.body.Bytes(), []byte("<script>" + htmlScript + "</script>\n</body></html>\n")} {
		if _, err := w.Write(part); err != nil {
			return err
		}
	}
	return nil
}

// htmlStyle is the page's own CSS: the overview table, the story text with
// its line numbers (a CSS counter: blank lines are empty paragraphs), the
// findings beside the lines, by severity.
const htmlStyle = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em auto;max-width:78em;padding:0 1em;color:#1a1a1a}
h1{font-size:1.5em}h2{font-size:1.1em;margin:1.6em 0 .4em;font-family:ui-monospace,Menlo,Consolas,monospace}
table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
th,td{border-bottom:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
table.sortable th{cursor:pointer;user-select:none}table.sortable th:after{content:" \2195";color:#999}
tfoot td{font-weight:bold;border-top:2px solid #888}
.t{counter-reset:l;font-size:.95em;padding-right:23em}
.t p{margin:0;padding-left:3.5em;text-indent:-3.5em;white-space:pre-wrap;overflow-wrap:anywhere;counter-increment:l;min-height:1.2em}
.t p:before{content:counter(l);display:inline-block;width:3em;margin-right:.5em;text-align:right;color:#888;text-indent:0;font-size:.85em;font-variant-numeric:tabular-nums}
.t p:has(i){background:#f4f4f4}
.t p i{float:right;clear:right;width:21.5em;margin-right:-23em;text-indent:0;font-size:.85em;font-style:normal;border-left:3px solid #888;padding-left:.4em;white-space:normal;background:#fff}
i.e:before{content:"error ";font-weight:bold;color:#b00}
i.w:before{content:"warning ";font-weight:bold;color:#8a5a00}
i.n:before{content:"info ";font-weight:bold;color:#036}
.t mark.e{background:#fde0dc;border-bottom:2px solid #b00}
.t mark.w{background:#fff0c2;border-bottom:2px dashed #8a5a00}
.t mark.n{background:#dcecf7;border-bottom:2px dotted #036}
.note{color:#555;font-size:.9em}
`

// htmlScript sorts a table.sortable by the column whose header is
// clicked: by each cell's data-v, else its text, as numbers when both
// read as numbers ("25%" too); a second click reverses the order.
const htmlScript = `
document.querySelectorAll("table.sortable").forEach(function(t){
 var hs=t.tHead.rows[0].cells;
 Array.prototype.forEach.call(hs,function(h,i){h.addEventListener("click",function(){
  var b=t.tBodies[0],rs=Array.prototype.slice.call(b.rows),d=h.getAttribute("data-d")==="1"?-1:1;
  Array.prototype.forEach.call(hs,function(x){x.removeAttribute("data-d")});
  h.setAttribute("data-d",d===1?"1":"-1");
  rs.sort(function(x,y){var a=x.cells[i],c=y.cells[i],p=a.getAttribute("data-v"),q=c.getAttribute("data-v");
   if(p===null)p=a.textContent;if(q===null)q=c.textContent;
   var m=parseFloat(p),n=parseFloat(q);if(!isNaN(m)&&!isNaN(n))return d*(m-n);return d*String(p).localeCompare(String(q))});
  rs.forEach(function(r){b.appendChild(r)});
 })});
});
`

// Escape writes s to b with HTML's special characters escaped.
func Escape(b *bytes.Buffer, s string) { escapeString(b, s) }

func escapeString(b *bytes.Buffer, s string) {
	for _, r := range s {
		writeEscaped(b, r)
	}
}

// escapeBytes writes text escaped for an element's content (only "<" and
// "&" need it there), an invalid byte as U+FFFD, a carriage
// return as nothing (line ends are the caller's).
func escapeBytes(b *bytes.Buffer, text []byte) {
	for len(text) > 0 {
		c := text[0]
		if c < utf8.RuneSelf {
			switch c {
			case '<', '&', '\r', 0:
				writeEscaped(b, rune(c))
			default:
				b.WriteByte(c)
			}
			text = text[1:]
			continue
		}
		r, n := utf8.DecodeRune(text)
		b.WriteRune(r) // RuneError for an invalid byte
		text = text[n:]
	}
}

func writeEscaped(b *bytes.Buffer, r rune) {
	switch r {
	case '<':
		b.WriteString("&lt;")
	case '>':
		b.WriteString("&gt;")
	case '&':
		b.WriteString("&amp;")
	case '"':
		b.WriteString("&#34;")
	case '\r':
	case 0:
		b.WriteRune(utf8.RuneError)
	default:
		b.WriteRune(r)
	}
}

// htmlWriter is check --format html: a page of the findings, one section
// per file with findings, its text with each finding's words marked by
// severity and the findings beside their lines; an overview of the files
// first.
type htmlWriter struct {
	w     io.Writer
	page  *HTMLPage
	rows  strings.Builder
	count tally
}

func startHTML(w io.Writer, run *Run, _ Options) Writer {
	title := "attrlint check"
	if run != nil && run.Version != "" {
		title += " (" + run.Version + ")"
	}
	return &htmlWriter{w: w, page: &HTMLPage{Title: title}}
}

func (h *htmlWriter) Write(fs []analysis.Finding) error {
	for i := 0; i < len(fs); {
		j := i + 1
		for j < len(fs) && fs[j].Doc == fs[i].Doc {
			j++
		}
		group := fs[i:j]
		i = j
		if group[0].Doc == nil {
			continue
		}
		var t tally
		t.add(group)
		h.count.add(group)
		id := fmt.Sprintf("f%d", h.page.Stories()+1)
		marks := make([]HTMLMark, 0, len(group))
		for k := range group {
			f := &group[k]
			marks = append(marks, HTMLMark{Start: f.Start, End: f.End, Class: sevClass(f.Severity), Title: f.Rule})
		}
		h.page.AddStory(&HTMLStory{ID: id, Doc: group[0].Doc, Marks: marks, Findings: group})
		var b bytes.Buffer
		fmt.Fprintf(&b, "<tr><td><a href=\"#%s\">", id)
		Escape(&b, group[0].Doc.Path)
		fmt.Fprintf(&b, "</a><td class=n data-v=%d>%d<td class=n data-v=%d>%d<td class=n data-v=%d>%d\n",
			t.error, t.error, t.warning, t.warning, t.info, t.info)
		h.rows.Write(b.Bytes())
	}
	return nil
}

func (h *htmlWriter) Close(files int) error {
	var b strings.Builder
	c := h.count
	fmt.Fprintf(&b, "<section id=overview><p>%d files checked, %d with findings: %d errors, %d warnings, %d info.</p>\n",
		files, h.page.Stories(), c.error, c.warning, c.info)
	if h.page.Stories() > 0 {
		b.WriteString("<table class=sortable id=files><thead><tr><th>file<th class=n>errors<th class=n>warnings<th class=n>info</thead><tbody>\n")
		b.WriteString(h.rows.String())
		fmt.Fprintf(&b, "</tbody><tfoot><tr><td>total<td class=n>%d<td class=n>%d<td class=n>%d</tfoot></table>\n", c.error, c.warning, c.info)
	}
	b.WriteString("</section>\n")
	return h.page.Write(h.w, b.String())
}
