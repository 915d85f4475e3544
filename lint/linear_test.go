package lint_test

import (
	"testing"
	"time"

	"github.com/attrlint/attrlint/lint"
	"github.com/attrlint/attrlint/prose"
)

// TestLinearTime doubles each shape of draft (news copy, the same copy on one
// line, a paragraph of nothing but quotations) and checks that each rule
// family takes less than three times as long on the double: linear time,
// with room for noise on a shared machine. Time is the process's CPU time,
// which other processes do not inflate; the best of five runs counts, and a
// ratio over three is measured once more before it fails the test.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("times 400 KB drafts: run without -short")
	}
	cfg := fuzzCfg(t)
	for _, fam := range linearFamilies {
		rs := pick(t, cfg, fam.rules)
		for _, sh := range linearShapes {
			t.Run(fam.name+"/"+sh.name, func(t *testing.T) {
				best := func(size int) time.Duration {
					data := sh.make(size)
					b := time.Duration(1 << 62)
					for range 5 {
						start := cpuTime()
						doc := prose.Parse("draft.md", data)
						if _, errs := lint.Analyze(doc, rs, cfg.Settings); len(errs) > 0 {
							t.Fatal(errs)
						}
						b = min(b, cpuTime()-start)
					}
					return b
				}
				small, large := best(200<<10), best(400<<10)
				ratio := float64(large) / float64(small)
				if ratio > 3 { // a busy machine, or a real problem: measure again
					small, large = best(200<<10), best(400<<10)
					ratio = float64(large) / float64(small)
				}
				t.Logf("200 KB %v, 400 KB %v: ratio %.2f", small, large, ratio)
				if ratio > 3 {
					t.Errorf("%s on %s: doubling the draft took %.1f times as long (%v -> %v)", fam.name, sh.name, ratio, small, large)
				}
			})
		}
	}
}

// TestQuotesLinear holds the reproducers of two quadratics the quotes
// family had (continueFrom walked back over every earlier quotation of the
// paragraph, matchTokens over every quotation for each sentence): one
// paragraph of 25,000 and of 50,000 short quotations, and a one-line draft
// of 1.6 MB and of 3.2 MB. A ratio over three is measured once more.
func TestQuotesLinear(t *testing.T) {
	cfg := fuzzCfg(t)
	rs := pick(t, cfg, []string{"unattributed-quote", "unclosed-quote"})
	took := func(data []byte) time.Duration {
		doc := prose.Parse("draft.txt", data)
		best := time.Duration(1 << 62)
		for range 3 {
			start := cpuTime()
			lint.Analyze(doc, rs, cfg.Settings)
			best = min(best, cpuTime()-start)
		}
		return best
	}
	if testing.Short() {
		t.Skip("times drafts of megabytes: run without -short")
	}
	for _, tc := range []struct {
		name string
		make func(size int) []byte
		size int
	}{
		{"quotation marks", func(n int) []byte { return repeatTo("“Yes,” ", n) }, 25_000 * len("“Yes,” ")},
		{"one line", func(n int) []byte { return newsText(n, " ") }, 1600 << 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			small, large := tc.make(tc.size), tc.make(2*tc.size)
			a, b := took(small), took(large)
			if float64(b)/float64(a) > 3 {
				a, b = took(small), took(large)
			}
			if r := float64(b) / float64(a); r > 3 {
				t.Errorf("%v, then %v on twice the text: ratio %.1f", a, b, r)
			}
		})
	}
}
