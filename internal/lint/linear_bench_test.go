package lint_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/internal/report"
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
	// Issue 20: many quotations with their attribution in one sentence
	// (D7: attribution looked up per quotation must not rescan the
	// sentence), many anonymous sources in one sentence, and many values
	// of one quantity (a live blog).
	{"quotesaid", func(size int) []byte { return repeatTo("“We go,” said Ana, ", size) }},
	{"sources", func(size int) []byte { return repeatTo("officials said ", size) }},
	{"values", figureValues},
}

// figureValues is copy that gives one quantity a new value in every
// sentence.
func figureValues(size int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "In the north the army sent %d troops to the river border. ", 10000+7*i)
	}
	return []byte(b.String())
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

// BenchmarkLinearHTML times the HTML reader and every family on a page of
// unclosed paragraphs (HTML5 allows it; the reader's stacks grow with the
// page) at 100 KB and 200 KB.
func BenchmarkLinearHTML(b *testing.B) {
	cfg := fuzzCfg(b)
	rs := pick(b, cfg, linearFamilies[len(linearFamilies)-1].rules)
	for _, kb := range []int{100, 200} {
		data := append([]byte("<html><body>\n"), repeatTo("<p>The council met on Tuesday and voted to approve the plan.\n", kb<<10)...)
		b.Run(fmt.Sprintf("html/unclosedp/%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				doc := prose.Parse("page.html", data)
				if _, errs := lint.Analyze(doc, rs, cfg.Settings); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		})
	}
}

// BenchmarkLinearSARIF times writing the SARIF report of a one-line export
// (a finding in every other sentence, all in one paragraph) at 100 KB and
// 200 KB: columns and fingerprints must not be found from the line's or
// paragraph's start for each finding.
func BenchmarkLinearSARIF(b *testing.B) {
	cfg := fuzzCfg(b)
	rs := pick(b, cfg, linearFamilies[len(linearFamilies)-1].rules)
	sarif, ok := report.Lookup("sarif")
	if !ok {
		b.Fatal("no sarif format")
	}
	for _, kb := range []int{100, 200} {
		data := repeatTo("Critics say the plan hurts the poorest neighborhoods. The council met on Tuesday. ", kb<<10)
		doc := prose.Parse("export.txt", data)
		fs, errs := lint.Analyze(doc, rs, cfg.Settings)
		if len(errs) > 0 || len(fs) == 0 {
			b.Fatal(len(fs), errs)
		}
		run := &report.Run{Findings: fs, Files: 1}
		b.Run(fmt.Sprintf("sarif/oneline/%dKB", kb), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := sarif(io.Discard, run, report.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
