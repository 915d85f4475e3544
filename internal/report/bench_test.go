package report

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// benchRun returns a run of 1,000 findings over 50 drafts: one-paragraph-
// per-line copy of a few hundred characters, some of it with non-ASCII
// punctuation and names, and a few related locations.
func benchRun(b *testing.B) *Run {
	paras := []string{
		"Officials said the ministry would publish the revised figures on Thursday, after a week in which the opposition accused it of hiding the true cost of the programme.",
		"“We will look at every option,” the deputy minister, Olena Kovalenko, told the committee, adding that the review would take “weeks, not months.”",
		"Critics say the scheme favours large landlords; a spokesman for the housing federation said its members had not been consulted before the announcement in Zürich.",
		"People familiar with the talks said the two sides were close to a deal on the port, which handles about 40 percent of the country’s grain exports.",
	}
	sevs := []analysis.Severity{analysis.SeverityWarning, analysis.SeverityWarning, analysis.SeverityInfo, analysis.SeverityError}
	var run Run
	var prev *prose.Document
	for d := range 50 {
		var text strings.Builder
		for i := range 20 {
			text.WriteString(paras[(d+i)%len(paras)])
			if i%5 == 4 { // every fifth paragraph is a long CMS line
				text.WriteString(" " + strings.Repeat(paras[(i+1)%len(paras)]+" ", 6))
			}
			text.WriteString("\n\n")
		}
		doc := prose.Parse(fmt.Sprintf("drafts/story-%02d.md", d), []byte(text.String()))
		for i := range 20 {
			ls := doc.LineSpan(1 + 2*i)
			start := ls.Start + (i*37)%(ls.Len()-40)
			f := analysis.Finding{Doc: doc, Diagnostic: analysis.Diagnostic{
				Start: start, End: start + 12 + i%20, Rule: "anonymous-source",
				Severity: sevs[i%len(sevs)], Message: "anonymous source \"officials said\" gives no reason for anonymity",
			}}
			if prev != nil && i%10 == 0 {
				f.Related = []analysis.Related{{Doc: prev, Start: start, End: start + 5, Message: "earlier version"}}
			}
			run.Findings = append(run.Findings, f)
		}
		prev = doc
	}
	run.Files = 50
	return &run
}

func benchFormat(b *testing.B, f Formatter, opt Options) {
	run := benchRun(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := f(io.Discard, run, opt); err != nil {
			b.Fatal(err)
		}
	}
	n := float64(b.N) * float64(len(run.Findings))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/finding")
}

func BenchmarkText(b *testing.B) {
	b.Run("plain", func(b *testing.B) { benchFormat(b, Text, Options{}) })
	b.Run("color", func(b *testing.B) { benchFormat(b, Text, Options{Color: true}) })
}

func BenchmarkJSON(b *testing.B) { benchFormat(b, JSON, Options{}) }
