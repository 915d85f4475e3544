package prose

import (
	"strings"
	"testing"
)

func paragraphTexts(d *Document) []string {
	var out []string
	for _, p := range d.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

func TestMarkdownKeepsOnlyProse(t *testing.T) {
	d := Parse("draft.md", []byte(newsMarkdown))
	checkDocument(t, d)
	want := []struct {
		kind BlockKind
		text string
	}{
		{BlockHeading, "Ministers weigh air defenses"},
		{BlockParagraph, "BRUSSELS — Defense ministers met on Thursday, as the secretary general, Dr. Lena Marsh, warned that the threat “remains very real.”"},
		{BlockQuote, "“We are not going to be intimidated,” Ms. Marsh said. “Not now, not ever.”"},
		{BlockListItem, "Two U.S. officials said the Pentagon would send 3,000 troops."},
		{BlockListItem, "The figure was 2,500 a week ago — officials said *nothing* more."},
		{BlockTableCell, "Date"},
		{BlockTableCell, "Troops"},
		{BlockTableCell, "Fall"},
		{BlockTableCell, "60,000"},
		{BlockParagraph, "Run  on the draft. Visit  for more."},
	}
	if len(d.Paragraphs) != len(want) {
		t.Fatalf("got %d paragraphs, want %d:\n%q", len(d.Paragraphs), len(want), paragraphTexts(d))
	}
	for i, w := range want {
		p := d.Paragraphs[i]
		if p.Text != w.text || p.Kind != w.kind {
			t.Errorf("paragraph %d = kind %d %q\nwant kind %d %q", i, p.Kind, p.Text, w.kind, w.text)
		}
	}
	all := strings.Join(paragraphTexts(d), "\n")
	for _, gone := range []string{"title:", "tags", "https://", "The Pentagon\"", "fmt.Println", "attrlint check", "Raw block", "want", "<!--", "&mdash;", "\\*"} {
		if strings.Contains(all, gone) {
			t.Errorf("prose contains %q, which is not prose", gone)
		}
	}
}

// Every word of a paragraph maps back to its own bytes in the source.
func TestMarkdownWordsMapToSource(t *testing.T) {
	d := Parse("draft.md", []byte(newsMarkdown))
	for _, p := range d.Paragraphs {
		for _, tok := range p.Tokens {
			w := p.Text[tok.Start:tok.End]
			src := p.SrcSpan(Span{tok.Start, tok.End})
			got := string(d.Text[src.Start:src.End])
			if got != w && (w != "—" || got != "&mdash;") && (w != "*" || got != `\*`) {
				t.Errorf("token %q maps to %q at %v", w, got, src)
			}
		}
	}
}

func TestMarkdownSoftBreakIsOneSpace(t *testing.T) {
	src := "> The envoy said\n> the talks were over.\n"
	d := Parse("q.md", []byte(src))
	if len(d.Paragraphs) != 1 {
		t.Fatalf("got %d paragraphs", len(d.Paragraphs))
	}
	p := d.Paragraphs[0]
	if p.Text != "The envoy said the talks were over." || p.Kind != BlockQuote {
		t.Fatalf("got kind %d %q", p.Kind, p.Text)
	}
	i := strings.Index(p.Text, " the talks")
	sp := p.SrcSpan(Span{i, i + 1})
	if got := src[sp.Start:sp.End]; got != "\n> " {
		t.Errorf("the space maps to %q, want the line break and marker", got)
	}
}

func TestMarkdownComments(t *testing.T) {
	src := "<!-- attrlint-disable anonymous-source -->\n\nOfficials said so. <!-- want \"anonymous-source\" -->\n\n<!--\nunclosed"
	d := Parse("c.md", []byte(src))
	want := []struct{ text, raw string }{
		{"attrlint-disable anonymous-source", "<!-- attrlint-disable anonymous-source -->"},
		{`want "anonymous-source"`, `<!-- want "anonymous-source" -->`},
		{"unclosed", "<!--\nunclosed"},
	}
	if len(d.Comments) != len(want) {
		t.Fatalf("got %d comments %+v, want %d", len(d.Comments), d.Comments, len(want))
	}
	for i, w := range want {
		c := d.Comments[i]
		if c.Text != w.text || src[c.Span.Start:c.Span.End] != w.raw {
			t.Errorf("comment %d = %q at %q, want %q at %q", i, c.Text, src[c.Span.Start:c.Span.End], w.text, w.raw)
		}
	}
	if got := paragraphTexts(d); len(got) != 1 || got[0] != "Officials said so." {
		t.Errorf("prose = %q", got)
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	tests := []struct{ name, src, first string }{
		{"yaml", "---\nauthor: Staff\n---\nOfficials said so.\n", "Officials said so."},
		{"yaml closed by dots", "---\nauthor: Staff\n...\nOfficials said so.\n", "Officials said so."},
		{"toml", "+++\nauthor = \"Staff\"\n+++\r\nOfficials said so.\n", "Officials said so."},
		{"after a BOM", "\ufeff---\nauthor: Staff\n---\nOfficials said so.\n", "Officials said so."},
		{"unclosed is a thematic break and text", "---\nOfficials said so.\n", "Officials said so."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("f.md", []byte(tt.src))
			checkDocument(t, d)
			if len(d.Paragraphs) == 0 || d.Paragraphs[0].Text != tt.first {
				t.Fatalf("paragraphs %q, want first %q", paragraphTexts(d), tt.first)
			}
			p := d.Paragraphs[0]
			if got := tt.src[p.Start:p.End]; got != tt.first {
				t.Errorf("source %q, want %q", got, tt.first)
			}
		})
	}
}
