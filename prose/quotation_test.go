package prose

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestScanQuotes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the content of each stretch, in order
	}{
		{"curly double", "“We will rebuild,” the mayor said.", []string{"We will rebuild,"}},
		{"straight double", `"We will rebuild," the mayor said.`, []string{"We will rebuild,"}},
		{"single inside double", "“He told me ‘never again,’ and left,” she said.", []string{"He told me ‘never again,’ and left,", "never again,"}},
		{"apostrophes are not quotes", "It’s the ’90s at the rock ’n’ roll museum, where the officers’ union meets.", nil},
		{"straight apostrophes", "Ukraine's army and O'Brien's shop opened in the '80s.", nil},
		{"single quotes in a headline", "Flood victims say 'we were forgotten'", []string{"we were forgotten"}},
		{"guillemets", "«Nous restons», a-t-il dit.", []string{"Nous restons"}},
		{"low-9 marks", "„Wir bleiben“, sagte er.", []string{"Wir bleiben"}},
		{"typewriter marks", "``We stay,'' he said.", []string{"We stay,"}},
		{"typewriter marks closed by one mark", "``We stay.' Then he left for ``good.''", []string{"We stay.", "good."}},
		{"typewriter marks around a single quotation", "``She told us, 'Go home.' We stayed,'' he said.", []string{"She told us, 'Go home.' We stayed,", "Go home."}},
		{"opener written as closer", "“Yes,“ she said.", []string{"Yes,"}},
		{"reopened after a sentence end", `He said: "First part. "Second part."`, []string{"First part.", "Second part."}},
		{"unclosed", "“We will rebuild the bridge, the mayor said.", []string{"We will rebuild the bridge, the mayor said."}},
		{"stray closing mark", "The plan” failed.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScanQuotes(tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d stretches %+v, want %d", len(got), got, len(tt.want))
			}
			for i, q := range got {
				if c := tt.text[q.Content.Start:q.Content.End]; c != tt.want[i] {
					t.Errorf("stretch %d: content %q, want %q", i, c, tt.want[i])
				}
			}
		})
	}
}

func TestScanQuotesFlags(t *testing.T) {
	qs := ScanQuotes(`He said: "First part. "Second part."`)
	if len(qs) != 2 || !qs[0].Continued || !qs[1].Continues {
		t.Fatalf("want a continued stretch then its continuation, got %+v", qs)
	}
	qs = ScanQuotes("“They were never replaced.")
	if len(qs) != 1 || !qs[0].Unclosed || qs[0].Close.Len() != 0 {
		t.Fatalf("want one unclosed stretch, got %+v", qs)
	}
}

func BenchmarkScanQuotes(b *testing.B) {
	para := "“We will rebuild the bridge before winter,” Mayor Lena Ortiz said on Tuesday, " +
		"adding that the city’s engineers had found “no reason to wait.” Critics called the plan a ‘rush job’ " +
		"and said the ’90s repairs were never finished. "
	text := strings.Repeat(para, 64)
	b.SetBytes(int64(len(text)))
	var qs []Quoted
	for range b.N {
		qs = AppendQuotes(qs[:0], text)
	}
}

// hasSingleCloserNaive is the scanner's lookahead as it was written first,
// one rune at a time from i: the reference for the cached one.
func hasSingleCloserNaive(text string, i int) bool {
	for j := i; j < len(text); {
		r, w := utf8.DecodeRuneInString(text[j:])
		switch classify(r) {
		case dblOpen, dblClose, dblAmbig, dblLow:
			return false
		case sglClose, sglAmbig, sglOpen:
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			next, _ := utf8.DecodeRuneInString(text[j+w:])
			if j+w >= len(text) {
				next = ' '
			}
			if !isSpaceRune(prev) && !isWordRune(next) && !isElision(text, j+w) {
				return true
			}
		}
		j += w
	}
	return false
}

// TestSingleCloserCache checks the cached lookahead against the rune by
// rune one at every offset, in increasing order as the scanner asks.
func TestSingleCloserCache(t *testing.T) {
	for _, text := range []string{
		"“He told me ‘never again,’ and left,” she said.",
		"It’s the ’90s, rock ’n’ roll, the officers’ union. 'Go,' he said.",
		" ‘a ‘a ‘a’ ‘b\" ‘c’ x’ ‘d",
		"\xe2\x80 ‘a\xff’ \xe2’ \"x ‘y’ ‚z‘ ‹w› „v“",
		"'a 'b' 'em 'n' '90s c' d'e",
	} {
		var c singleCloserCache
		for i := 0; i <= len(text); i++ {
			if i < len(text) && !utf8.RuneStart(text[i]) {
				continue
			}
			if got, want := c.has(text, i), hasSingleCloserNaive(text, i); got != want {
				t.Errorf("%q at %d: cached %v, naive %v", text, i, got, want)
			}
			if got, want := hasSingleCloser(text, i), hasSingleCloserNaive(text, i); got != want {
				t.Errorf("%q at %d: hasSingleCloser %v, naive %v", text, i, got, want)
			}
		}
	}
}

// TestScanQuotesLinear: single marks with no closer (each one used to
// search to the end of the paragraph) and a deep nest of quotations
// (which came out in reverse order, for an insertion sort) take time in
// proportion to the paragraph.
func TestScanQuotesLinear(t *testing.T) {
	for _, unit := range []string{" ‘a", " 'a"} {
		t.Run(unit, func(t *testing.T) {
			checkLinear(t, 16<<10, func(n int) { ScanQuotes(repeat(unit, n)) })
		})
	}
	t.Run("nested", func(t *testing.T) {
		checkLinear(t, 64<<10, func(n int) {
			k := n / 6
			qs := ScanQuotes(strings.Repeat("“", k) + "x" + strings.Repeat("”", k) + " she said.")
			if len(qs) != k {
				t.Fatalf("%d quotations, want %d", len(qs), k)
			}
		})
	})
}

// TestSortQuoted: stretches come out in order of their opening marks,
// which are distinct.
func TestSortQuoted(t *testing.T) {
	qs := []Quoted{{Span: Span{5, 6}}, {Span: Span{2, 3}, Depth: 1}, {Span: Span{3, 4}, Depth: 2}, {Span: Span{0, 9}}}
	sortQuoted(qs)
	want := []Quoted{{Span: Span{0, 9}}, {Span: Span{2, 3}, Depth: 1}, {Span: Span{3, 4}, Depth: 2}, {Span: Span{5, 6}}}
	if !slices.Equal(qs, want) {
		t.Errorf("got %+v, want %+v", qs, want)
	}
	for _, text := range []string{
		"“a “b “c ‘d’ e” f” g”", `He said: "First part. "Second part." "x "y" z"`, "“““x””” ‘a’ “b ‘c ‘d’ e’ f”",
	} {
		qs := ScanQuotes(text)
		for i := 1; i < len(qs); i++ {
			if qs[i].Span.Start <= qs[i-1].Span.Start {
				t.Errorf("%q: stretches %d and %d start at %d and %d", text, i-1, i, qs[i-1].Span.Start, qs[i].Span.Start)
			}
		}
	}
}
