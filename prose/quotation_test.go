package prose

import (
	"strings"
	"testing"
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
