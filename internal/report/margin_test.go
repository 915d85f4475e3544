package report

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// TestQuickMarginChangesNothing: laying out a few bytes per cell around a
// finding first, and the sure margin only when that part may be too short,
// prints the same lines as always laying out the sure margin, whatever the
// line holds: ASCII, wide characters, emoji sequences, combining marks,
// runs of zero-width characters (many bytes, no cells), tabs.
func TestQuickMarginChangesNothing(t *testing.T) {
	pieces := []string{
		"officials ", "said ", "the ", "harbour ", "budget, ", "基辅 ", "👨‍👩‍👧 ", "é́ ",
		"\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b", "\t", "Zürich ", "🇺🇦 ", "—",
	}
	trials := 200
	if testing.Short() {
		trials = 50
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range trials {
		var b strings.Builder
		n := 5 + rng.IntN(400)
		for range n {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(20) == 0 { // now and then a long run of zero-width characters
				p = strings.Repeat("\u200b", 50+rng.IntN(200))
			}
			b.WriteString(p)
		}
		text := b.String()
		doc := prose.Parse("line.txt", []byte(text+"\n"))
		// A finding starting and ending on rune boundaries.
		runes := []rune(text)
		a := rng.IntN(len(runes))
		z := a + rng.IntN(min(len(runes)-a, 40)+1)
		start, end := len(string(runes[:a])), len(string(runes[:z]))
		run := &Run{Files: 1, Findings: []analysis.Finding{{Doc: doc, Diagnostic: analysis.Diagnostic{
			Start: start, End: end, Rule: "anonymous-source", Severity: analysis.SeverityWarning, Message: "m",
		}}}}
		width := 30 + rng.IntN(100)
		var quick, sure bytes.Buffer
		if err := Text(&quick, run, Options{Width: width}); err != nil {
			t.Fatal(err)
		}
		marginTries = []int{marginCells}
		err := Text(&sure, run, Options{Width: width})
		marginTries = []int{quickMarginCells, marginCells}
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(quick.Bytes(), sure.Bytes()) {
			t.Fatalf("case %d (width %d, finding %d-%d of %d bytes): quick margin prints\n%s\nsure margin prints\n%s", i, width, start, end, len(text), quick.String(), sure.String())
		}
	}
}
