package lint_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
)

// linearFamilies are the rule families timed by BenchmarkLinear, by the
// rule ids each runs ("" runs the readers alone).
var linearFamilies = []struct {
	name  string
	rules []string
}{
	{"parse", nil},
	{"quotes", []string{"unattributed-quote", "unclosed-quote"}},
	{"anonymous", []string{"anonymous-source"}},
	{"vague", []string{"vague-attribution"}},
	{"figures", []string{"figure-mismatch"}},
	{"pattern", []string{"no-sources-said"}},
	{"all", []string{"anonymous-source", "unattributed-quote", "unclosed-quote", "vague-attribution", "figure-mismatch", "no-sources-said"}},
}

// linearShapes are drafts of a given size: news copy in paragraphs, the
// same copy as one line (a CMS export), and a paragraph of nothing but
// short quotations (hostile to anything that pairs quotation marks), and
// one sentence of attributed quotations.
var linearShapes = []struct {
	name string
	make func(size int) []byte
}{
	{"news", func(size int) []byte { return newsText(size, "\n\n") }},
	{"oneline", func(size int) []byte { return newsText(size, " ") }},
	{"quotemarks", func(size int) []byte { return repeatTo("“Yes,” ", size) }},
	// One sentence of attributed quotations, each a speaker's (issue 20,
	// D7): attribution looked up per quotation must not rescan the
	// sentence.
	{"quotesaid", func(size int) []byte { return repeatTo("“We go,” said Ana, ", size) }},
}

func newsText(size int, sep string) []byte {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for b.Len() < size {
		for k := 0; k < 1+r.IntN(4); k++ {
			b.WriteString(sentences[r.IntN(len(sentences))])
			b.WriteByte(' ')
		}
		b.WriteString(sep)
	}
	return []byte(b.String())
}

func repeatTo(s string, size int) []byte {
	return []byte(strings.Repeat(s, size/len(s)+1))
}

func pick(tb testing.TB, cfg *config.Config, ids []string) []*rules.Rule {
	var out []*rules.Rule
	for _, id := range ids {
		r := cfg.Rule(id)
		if r == nil {
			tb.Fatalf("no rule %q", id)
		}
		out = append(out, r)
	}
	return out
}

// BenchmarkLinear times each rule family on each shape of draft at 100 KB
// and 200 KB: linear time shows as the same MB/s at both sizes (ns/op
// doubling). bench/linear.sh prints the ratios and fails above 3; the
// quotation-marks shape is where quadratic pairing of quotations showed.
func BenchmarkLinear(b *testing.B) {
	cfg := fuzzCfg(b)
	for _, fam := range linearFamilies {
		rs := pick(b, cfg, fam.rules)
		for _, sh := range linearShapes {
			for _, kb := range []int{100, 200} {
				data := sh.make(kb << 10)
				b.Run(fmt.Sprintf("%s/%s/%dKB", fam.name, sh.name, kb), func(b *testing.B) {
					b.SetBytes(int64(len(data)))
					for b.Loop() {
						doc := prose.Parse("draft.md", data)
						if _, errs := lint.Analyze(doc, rs, cfg.Settings); len(errs) > 0 {
							b.Fatal(errs)
						}
					}
				})
			}
		}
	}
}

// BenchmarkLinearCompare times the cross-version rules on two versions of
// a draft (the second with every fifth sentence reworded) at 100 KB and
// 200 KB.
func BenchmarkLinearCompare(b *testing.B) {
	cfg := fuzzCfg(b)
	for _, kb := range []int{100, 200} {
		old := newsText(kb<<10, "\n\n")
		parts := strings.SplitAfter(string(old), ". ")
		for i := range parts {
			if i%5 == 0 {
				parts[i] = strings.Replace(parts[i], "the ", "a ", 1)
			}
		}
		new := []byte(strings.Join(parts, ""))
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(old) + len(new)))
			for b.Loop() {
				docs := []*prose.Document{prose.Parse("v1.md", old), prose.Parse("v2.md", new)}
				if _, errs := lint.AnalyzeSeries(docs, cfg.Rules, cfg.Settings); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		})
	}
}
