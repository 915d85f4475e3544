package sourcing

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/benchcorpus"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/internal/rulestest"
	"github.com/attrlint/attrlint/rules/quotes"
)

// benchDrafts returns the drafts the sourcing benchmarks run on: the shared
// measurement corpus when it is checked out next to the repository, else
// this package's fixtures.
func benchDrafts(b *testing.B) ([][]byte, int64) {
	b.Helper()
	paths, _ := filepath.Glob("../../../shared/corpus/articles/*.txt")
	if len(paths) == 0 {
		paths, _ = filepath.Glob("testdata/*.md")
	}
	var out [][]byte
	var total int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
		total += int64(len(data))
	}
	return out, total
}

// BenchmarkSourcing measures the extraction of anonymous sources alone, on
// parsed documents: its throughput over the drafts' bytes.
func BenchmarkSourcing(b *testing.B) {
	drafts, total := benchDrafts(b)
	sr := sourcingPack(b, "")
	docs := make([]*prose.Document, len(drafts))
	for i, d := range drafts {
		docs[i] = prose.Parse("draft.txt", d)
	}
	b.SetBytes(total)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, doc := range docs {
			var items []Attribution
			sr.extract(doc, nil, &items)
			n += len(items)
		}
	}
	if n == 0 {
		b.Fatal("no finding at all: the benchmark drafts are not news copy")
	}
}

// BenchmarkSourcingParse is the baseline the analyzer is weighed against:
// parsing the same drafts into documents.
func BenchmarkSourcingParse(b *testing.B) {
	drafts, total := benchDrafts(b)
	b.SetBytes(total)
	for b.Loop() {
		for _, d := range drafts {
			prose.Parse("draft.txt", d)
		}
	}
}

// BenchmarkSourcingGenerated measures the attributions analyzer, given
// the quotes analyzer's result as in a check, on the generated drafts named
// by ATTRLINT_BENCH_CORPUS (see internal/cli's BenchmarkCheckGenerated).
func BenchmarkSourcingGenerated(b *testing.B) {
	paths, _ := benchcorpus.Files(b)
	cfg := testConfig(b, "")
	settings := cfg.Settings[Attributions]
	var docs []*prose.Document
	var qsets []any
	var total int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc := prose.Parse(p, data)
		docs, qsets = append(docs, doc), append(qsets, rulestest.Extract(b, cfg, quotes.Quotes, doc))
		total += int64(len(data))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for i, doc := range docs {
			pass := analysis.NewPass(Attributions, doc, nil)
			pass.Options = settings
			pass.ResultOf[quotes.Quotes] = qsets[i]
			pass.Report = func(analysis.Diagnostic) {}
			if _, err := Attributions.Run(pass); err != nil {
				b.Fatal(err)
			}
		}
	}
}
