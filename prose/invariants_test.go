package prose

import (
	"testing"
	"unicode/utf8"
)

// checkDocument checks the mapping invariants every reader must keep.
func checkDocument(t testing.TB, d *Document) {
	t.Helper()
	prevEnd := 0
	for i, p := range d.Paragraphs {
		if p.Index != i {
			t.Fatalf("paragraph %d has Index %d", i, p.Index)
		}
		if p.Start > p.End || p.Start < 0 || p.End > len(d.Text) {
			t.Fatalf("paragraph %d source [%d,%d) outside the %d-byte text", i, p.Start, p.End, len(d.Text))
		}
		if p.Start < prevEnd {
			t.Fatalf("paragraph %d starts at %d, before the previous one ends at %d", i, p.Start, prevEnd)
		}
		prevEnd = p.End
		if p.Text == "" {
			t.Fatalf("paragraph %d is empty", i)
		}
		if len(p.Lower()) != len(p.Text) {
			t.Fatalf("paragraph %d: Lower has %d bytes, Text %d", i, len(p.Lower()), len(p.Text))
		}
		for _, tok := range p.Tokens {
			checkSpan(t, p, Span{tok.Start, tok.End}, "token")
		}
		for _, s := range p.Sentences {
			checkSpan(t, p, s, "sentence")
		}
		checkSentences(t, p.Text, p.Tokens, p.Sentences)
		// Src and SrcEnd are monotonic and within the paragraph's source;
		// a non-empty range maps to a non-empty range.
		last, lastEnd := -1, -1
		for k := 0; k <= len(p.Text); k++ {
			s := p.Src(k)
			if s < last {
				t.Fatalf("paragraph %d: Src(%d) = %d < Src(%d) = %d", i, k, s, k-1, last)
			}
			if s < p.Start || s > p.End {
				t.Fatalf("paragraph %d: Src(%d) = %d outside [%d,%d]", i, k, s, p.Start, p.End)
			}
			e := p.SrcEnd(k)
			if e < lastEnd || e > p.End {
				t.Fatalf("paragraph %d: SrcEnd(%d) = %d not monotonic or past %d", i, k, e, p.End)
			}
			if k > 0 && e <= last {
				t.Fatalf("paragraph %d: SrcEnd(%d) = %d <= Src(%d) = %d", i, k, e, k-1, last)
			}
			last, lastEnd = s, e
		}
		// Verbatim segments map to identical bytes.
		for _, seg := range p.segs {
			if seg.put || seg.n != seg.srcN {
				continue
			}
			sp := Span{seg.text, seg.text + seg.n}
			src := p.SrcSpan(sp)
			if got, want := string(d.Text[src.Start:src.End]), p.Text[sp.Start:sp.End]; got != want {
				t.Fatalf("paragraph %d: verbatim %q maps to %q", i, want, got)
			}
		}
	}
	prev := -1
	for _, c := range d.Comments {
		if c.Span.Start < prev || c.Span.Start > c.Span.End || c.Span.End > len(d.Text) {
			t.Fatalf("comment %v out of order or outside the text", c.Span)
		}
		prev = c.Span.End
	}
}

func checkSpan(t testing.TB, p *Paragraph, s Span, what string) {
	t.Helper()
	if s.Start < 0 || s.Start >= s.End || s.End > len(p.Text) {
		t.Fatalf("%s %v outside paragraph text of %d bytes", what, s, len(p.Text))
	}
	if !boundary(p.Text, s.Start) || !boundary(p.Text, s.End) {
		t.Fatalf("%s %v of %q not on rune boundaries", what, s, p.Text)
	}
}

// boundary reports whether i is a rune boundary of s, an invalid byte being
// a rune of its own.
func boundary(s string, i int) bool {
	if i == 0 || i == len(s) {
		return true
	}
	for j := 0; j < len(s); {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
		_, w := utf8.DecodeRuneInString(s[j:])
		j += w
	}
	return false
}

func TestInvariantsAllFormats(t *testing.T) {
	docs := map[string]string{
		"a.txt":  newsPlain,
		"a.md":   newsMarkdown,
		"a.html": newsHTML,
		"b.txt":  "\ufeffKYIV — Officials said.\r\n\r\nSecond paragraph\rwith a CR.\xff\xfe “Quoted,” he said.",
		"b.md":   "\ufeff> Quoted *and* `code`\r\n> continued &amp; \\*escaped\\*.\r\n\r\n1. One\n2. Two",
		"b.html": "<p>Unclosed <b>bold <i>and &copy; &#x201C;text&#x201D;<div>next\xff",
	}
	for name, text := range docs {
		t.Run(name, func(t *testing.T) {
			d := Parse(name, []byte(text))
			if len(d.Paragraphs) == 0 {
				t.Fatalf("no paragraphs in %q", text)
			}
			checkDocument(t, d)
		})
	}
}
