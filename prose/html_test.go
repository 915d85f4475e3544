package prose

import (
	"strings"
	"testing"
)

func TestHTMLKeepsOnlyProse(t *testing.T) {
	d := Parse("draft.html", []byte(newsHTML))
	checkDocument(t, d)
	want := []struct {
		kind BlockKind
		text string
	}{
		{BlockHeading, "Ministers weigh air defenses"},
		{BlockParagraph, "BRUSSELS — Defense ministers met on Thursday, as Dr. Lena Marsh warned that the threat “remains very real.”"},
		{BlockQuote, "“We are not going to be intimidated,” Ms. Marsh said."},
		{BlockListItem, "Two U.S. officials said the Pentagon would send 3,000 troops."},
		{BlockListItem, "The figure was 2,500 a week ago."},
		{BlockTableCell, "Date"},
		{BlockTableCell, "Troops"},
		{BlockTableCell, "Fall"},
		{BlockTableCell, "60,000"},
		{BlockParagraph, "Officials said  more & left."},
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
	if len(d.Comments) != 1 || d.Comments[0].Text != `want "none"` {
		t.Errorf("comments = %+v", d.Comments)
	}
}

func TestHTMLEntitiesMapExactly(t *testing.T) {
	src := `<p>He called it &ldquo;partial&#8221; &amp; &#x201C;slow&rdquo; &ampx; &copy 2024.</p>`
	d := Parse("e.html", []byte(src))
	checkDocument(t, d)
	p := d.Paragraphs[0]
	if want := "He called it “partial” & “slow” &ampx; &copy 2024."; p.Text != want {
		t.Fatalf("text %q, want %q", p.Text, want)
	}
	for _, c := range []struct{ text, src string }{
		{"“", "&ldquo;"}, {"”", "&#8221;"}, {"&", "&amp;"}, {"“slow”", "&#x201C;slow&rdquo;"}, {"partial", "partial"},
	} {
		i := strings.Index(p.Text, c.text)
		sp := p.SrcSpan(Span{i, i + len(c.text)})
		if got := src[sp.Start:sp.End]; got != c.src {
			t.Errorf("%q maps to %q, want %q", c.text, got, c.src)
		}
	}
}

func TestHTMLToleratesBrokenMarkup(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"unclosed paragraphs", "<p>First claim.<p>Second claim.", []string{"First claim.", "Second claim."}},
		{"unclosed inline", "<p>Officials <b>said <i>so.</p><p>Next.", []string{"Officials said so.", "Next."}},
		{"unclosed code ends with its block", "<p>Run <code>x</p><p>Then read.", []string{"Run", "Then read."}},
		{"unclosed script hides the rest", "<p>Before.</p><script>var a = 1;", []string{"Before."}},
		{"stray end tags", "</div></p>Text alone.</span>", []string{"Text alone."}},
		{"br ends a paragraph", "Line one<br>Line two", []string{"Line one", "Line two"}},
		{"no body, no head", "Plain words &amp; more", []string{"Plain words & more"}},
		{"invalid bytes", "<p>Bad \xff byte.</p>", []string{"Bad \xff byte."}},
		{"title and head skipped", "<html><head><title>Headline</title><meta charset=utf-8></head><body><p>Body.</p>", []string{"Body."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("b.html", []byte(tt.src))
			checkDocument(t, d)
			got := paragraphTexts(d)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHTMLLinear: HTML5 lets a page leave its paragraphs and other
// elements open, so the reader's stacks can be as deep as the page is
// long; what it does per tag must not depend on their depth.
func TestHTMLLinear(t *testing.T) {
	for name, page := range map[string]func(n int) string{
		"unclosed p": func(n int) string {
			return "<html><body>\n" + repeat("<p>The council met on Tuesday and voted to approve the plan.\n", n)
		},
		"unclosed div": func(n int) string { return repeat("<div>x", n) },
		"stray end tags under open code": func(n int) string {
			return repeat("<code>", n/2) + repeat("</b>", n/2)
		},
		"block end tags under open pre": func(n int) string {
			return repeat("<div>", n/3) + repeat("<pre>", n/3) + repeat("</div>", n/3)
		},
	} {
		t.Run(name, func(t *testing.T) {
			checkLinear(t, 64<<10, func(n int) { Parse("page.html", []byte(page(n))) })
		})
	}
}

// TestHTMLKindOfNestedBlocks: a paragraph takes the kind of its innermost
// block that has one, however its blocks are closed.
func TestHTMLKindOfNestedBlocks(t *testing.T) {
	d := Parse("page.html", []byte("<ul><li><div><p>a</p>b<div>c</div></div>d</li></ul>"+
		"<blockquote><p>e<h2>f</h2>g</p></blockquote><p>h<table><tr><td><p>i</td></tr></table>j"))
	got := []string{}
	for _, p := range d.Paragraphs {
		got = append(got, p.Text+":"+[]string{"p", "h", "li", "q", "td"}[p.Kind])
	}
	want := "a:li b:li c:li d:li e:q f:h g:q h:p i:td j:p"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestHTMLTagIndexFits: every name the stacks hold has a counter.
func TestHTMLTagIndexFits(t *testing.T) {
	var c tagCounts
	if len(htmlTagIndex) > len(c) {
		t.Errorf("%d tag names, %d counters", len(htmlTagIndex), len(c))
	}
}
