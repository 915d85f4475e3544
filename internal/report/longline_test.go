package report

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// snippetOf renders one finding over phrase in text and returns the source
// and caret lines (the header, which holds the column, is left out).
func snippetOf(t *testing.T, doc *prose.Document, phrase string) string {
	t.Helper()
	var buf bytes.Buffer
	f := at(t, doc, phrase, "anonymous-source", analysis.SeverityWarning, "anonymous source")
	if err := Text(&buf, &Run{Findings: []analysis.Finding{f}, Files: 1}, Options{Width: 100}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	if len(lines) < 3 {
		t.Fatalf("short output:\n%s", buf.String())
	}
	return lines[1] + "\n" + lines[2]
}

// TestLongLineCostsLikeAShortOne: a CMS export can put a whole archive on
// one line. The snippet of a finding on a 10 MB line is the same as on a
// 20 KB line with the same words around the finding, and printing it does
// not lay out the whole line.
func TestLongLineCostsLikeAShortOne(t *testing.T) {
	const filler = "The council met on Tuesday and voted to approve the plan. "
	const finding = "Officials said the bridge was safe."
	line := func(n int) string {
		pad := strings.Repeat(filler, n)
		return "Headline\n" + pad + finding + " " + pad + "\n"
	}
	short := snippetOf(t, prose.Parse("short.txt", []byte(line(200))), finding)
	big := prose.Parse("export.txt", []byte(line(100_000)))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	long := snippetOf(t, big, finding)
	runtime.ReadMemStats(&after)
	if short != long {
		t.Errorf("snippet on a 12 MB line:\n%s\nwant, as on a short one:\n%s", long, short)
	}
	if !strings.Contains(long, "…") || !strings.Contains(long, finding) {
		t.Errorf("snippet is not cut around the finding:\n%s", long)
	}
	// Laying out the whole line took 40 bytes per byte of it.
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 8<<20 {
		t.Errorf("printing one finding on a %d MB line allocated %d KB", len(big.Text)>>20, grew>>10)
	}
}
