package report

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// oneLineRun is a CMS export of about n bytes on one line, with a finding
// in every sentence of its one paragraph.
func oneLineRun(n int) *Run {
	const sentence = "Critics say the plan hurts the poorest neighborhoods. The council met on “Tuesday”. "
	doc := prose.Parse("export.txt", []byte(strings.Repeat(sentence, max(1, n/len(sentence)))))
	run := &Run{Files: 1}
	for i := 0; i+len(sentence) <= len(doc.Text); i += len(sentence) {
		run.Findings = append(run.Findings, analysis.Finding{Doc: doc, Diagnostic: analysis.Diagnostic{
			Start: i, End: i + len("Critics say"), Rule: "anonymous-source",
			Severity: analysis.SeverityWarning, Message: `anonymous source "critics say" gives no reason for anonymity`,
		}})
	}
	return run
}

// TestOneLineFormatsLinear: every format writes the findings of a one-line
// file in time proportional to their number: none counts columns or finds
// a finding's sentence from the start of the line or paragraph each time.
func TestOneLineFormatsLinear(t *testing.T) {
	if os.Getenv("ATTRLINT_TIMING") == "" {
		t.Skip("a timing test: bash bench/linear.sh runs it (ATTRLINT_TIMING=1)")
	}
	if testing.Short() {
		t.Skip("timing test")
	}
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			f, _ := Lookup(name)
			best := func(n int) time.Duration {
				run := oneLineRun(n)
				b := time.Duration(1<<63 - 1)
				for range 3 {
					start := time.Now()
					if err := f(io.Discard, run, Options{}); err != nil {
						t.Fatal(err)
					}
					b = min(b, time.Since(start))
				}
				return b
			}
			const n = 128 << 10
			small, large := max(best(n), 10*time.Millisecond), best(8*n)
			if large > 32*small {
				t.Errorf("%d bytes took %v, %d bytes %v: %.0fx for 8x the input", n, small, 8*n, large, float64(large)/float64(small))
			}
		})
	}
}
