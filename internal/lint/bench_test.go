package lint_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/rules/all"
)

// sentences are the material of the generated corpus: news-style sentences
// of the kinds attrlint looks at (quotations, attribution, anonymous and
// vague sourcing, figures) and plain narrative.
var sentences = []string{
	"The City Council voted 7 to 2 on Tuesday to approve a $48 million plan to dredge the inner harbor.",
	"“We are being asked to sign a blank check,” said Councilwoman Dana Ortiz, who represents the waterfront district.",
	"Critics say the dredging would stir up decades of industrial sediment.",
	"Officials said the review would be released next week.",
	"A city engineer, who spoke on condition of anonymity because she was not authorized to discuss the project, said the cost had risen.",
	"The port handled 1.2 million containers last year, up from 950,000 in 2019.",
	"Mr. Alvarez, the harbor master, said in an interview that the channel had silted faster than expected.",
	"“It’s a question of when, not if,” he said.",
	"It is widely believed that the port authority will seek federal money.",
	"Two people familiar with the negotiations said the state had offered to cover a third of the cost.",
	"The mayor’s office did not respond to a request for comment on Wednesday.",
	"Shipping companies have warned that larger vessels could bypass the city entirely.",
	"According to a statement from the Army Corps of Engineers, the work would take about 18 months.",
	"Residents packed the hearing room, and some waited more than three hours to speak.",
	"Gov. Helen Park, who visited the harbor in March, has not taken a public position.",
	"Experts believe the sediment contains heavy metals left by a shipyard that closed in 1987.",
	"The vote came after a 40-minute debate in which tempers flared.",
	"“We will be back here in a year with the same problem,” warned Councilman Reggie Tate.",
	"Dr. Lena Fischer, a marine biologist at the state university, said the risk to shellfish beds was real but manageable.",
	"The dredged material would be barged 12 miles offshore, the engineers said.",
	"Some say the project is long overdue; others call it a giveaway to the shipping lines.",
	"The council’s finance committee estimated that the plan would cost each household about $35 a year.",
	"Sources said the governor’s staff had been briefed on the plan in January.",
	"“Nobody wants to be the one who let the port die,” one longshoreman said outside the hall.",
}

// writeCorpus writes n drafts of about size bytes each under dir, as
// Markdown and plain text, and returns their paths and total size.
func writeCorpus(tb testing.TB, dir string, n, size int) ([]string, int64) {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	var paths []string
	var total int64
	for i := 0; i < n; i++ {
		var b strings.Builder
		ext := ".md"
		if i%3 == 0 {
			ext = ".txt"
		} else {
			fmt.Fprintf(&b, "# Harbor story %d\n\n", i)
		}
		for b.Len() < size {
			for k := 0; k < 1+r.IntN(4); k++ {
				b.WriteString(sentences[r.IntN(len(sentences))])
				b.WriteByte(' ')
			}
			b.WriteString("\n\n")
		}
		p := filepath.Join(dir, fmt.Sprintf("draft%04d%s", i, ext))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, p)
		total += int64(b.Len())
	}
	return paths, total
}

// BenchmarkRunCorpus is the end-to-end throughput of check over a corpus of
// 2,000 news-sized drafts (about 7 KB each) with the embedded rules: reading,
// parsing, every enabled rule, sorting. Reported in MB/s.
func BenchmarkRunCorpus(b *testing.B) {
	dir := b.TempDir()
	_, total := writeCorpus(b, dir, 2000, 7000)
	cfg, err := config.Default(all.Set)
	if err != nil {
		b.Fatal(err)
	}
	cfg.Dir = dir
	inputs, errs, _ := lint.Discover([]string{dir}, lint.Filter{Dir: dir, Include: cfg.Include, Exclude: cfg.Exclude}, "")
	if len(errs) > 0 || len(inputs) != 2000 {
		b.Fatalf("discovered %d inputs, errors %v", len(inputs), errs)
	}
	b.SetBytes(total)
	b.ResetTimer()
	for b.Loop() {
		res := lint.Run(cfg, inputs, lint.Options{})
		if len(res.Errors) > 0 {
			b.Fatal(res.Errors)
		}
	}
}

// BenchmarkRunOneDraft is the pre-commit case without process start-up:
// load the embedded config, discover and lint one 5 KB draft.
func BenchmarkRunOneDraft(b *testing.B) {
	dir := b.TempDir()
	paths, total := writeCorpus(b, dir, 1, 5000)
	b.SetBytes(total)
	for b.Loop() {
		cfg, err := config.Default(all.Set)
		if err != nil {
			b.Fatal(err)
		}
		inputs, _, _ := lint.Discover(paths, lint.Filter{Include: cfg.Include, Exclude: cfg.Exclude}, "")
		lint.Run(cfg, inputs, lint.Options{})
	}
}
