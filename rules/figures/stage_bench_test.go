package figures

import (
	"testing"

	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/internal/rulestest"
)

// BenchmarkFigureExtraction is the figures analyzer (numerals, units,
// qualifiers, why a number is not a quantity) over a parsed 100 KB draft.
func BenchmarkFigureExtraction(b *testing.B) {
	data := rulestest.StageDraft(b, 100_000)
	doc := prose.Parse("draft.md", data)
	fs := testSettings(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if len(extractFigures(doc, fs).Figures) == 0 {
			b.Fatal("no figures")
		}
	}
}
