package prose

import (
	"testing"
	"unicode/utf8"
)

// FuzzQuotation checks that the quotation scanner never panics, keeps every
// stretch inside the text, in order of its opening mark, with its content
// inside its span and its marks on rune boundaries.
func FuzzQuotation(f *testing.F) {
	for _, s := range []string{
		"“We will rebuild,” the mayor said.",
		`He said: "First part. "Second part."`,
		"It’s the ’90s, rock ’n’ roll, the officers’ union.",
		"“He told me ‘never again,’ and left,” she said.",
		"«Oui», „Ja“, ‚ja‘, ``no'' and 'maybe'",
		"“unclosed ‘inner",
		"\xff“\x80”",
		"He said: ``Yes, we will.' Then he left.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		qs := ScanQuotes(s)
		// Appending to earlier stretches leaves them alone and adds the
		// same stretches.
		prev := []Quoted{{Span: Span{1, 2}}}
		app := AppendQuotes(prev, s)
		if len(app) != 1+len(qs) || app[0].Span != (Span{1, 2}) {
			t.Fatalf("AppendQuotes gave %d stretches after 1, ScanQuotes %d", len(app)-1, len(qs))
		}
		for i := range qs {
			if app[1+i] != qs[i] {
				t.Fatalf("AppendQuotes stretch %d is %+v, ScanQuotes %+v", i, app[1+i], qs[i])
			}
		}
		last := -1
		for _, q := range qs {
			if q.Span.Start < last {
				t.Fatalf("stretches out of order: %+v", qs)
			}
			last = q.Span.Start
			if q.Span.Start < 0 || q.Span.End > len(s) || q.Span.Start > q.Span.End {
				t.Fatalf("span %+v outside text of %d bytes", q.Span, len(s))
			}
			if q.Content.Start < q.Span.Start || q.Content.End > q.Span.End || q.Content.Start > q.Content.End {
				t.Fatalf("content %+v outside span %+v", q.Content, q.Span)
			}
			if utf8.ValidString(s) && (!utf8.ValidString(s[q.Span.Start:q.Span.End]) || !utf8.ValidString(s[q.Content.Start:q.Content.End])) {
				t.Fatalf("span %+v cuts a rune", q.Span)
			}
		}
	})
}
