package rules

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/attrlint/attrlint/prose"
)

// stageDraft is a long news draft made of this package's Markdown
// fixtures, without their test markers, repeated to about n bytes: the
// material of the per-stage benchmarks below.
func stageDraft(b *testing.B, n int) []byte {
	b.Helper()
	paths, _ := filepath.Glob("testdata/*/*.md")
	marker := regexp.MustCompile(`<!--[^>]*-->`)
	var one bytes.Buffer
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		one.Write(marker.ReplaceAll(data, nil))
		one.WriteString("\n\n")
	}
	if one.Len() == 0 {
		b.Fatal("no fixtures under testdata")
	}
	var out bytes.Buffer
	for out.Len() < n {
		out.Write(one.Bytes())
	}
	return out.Bytes()
}

// BenchmarkFigureExtraction is the figures analyzer (numerals, units,
// qualifiers, why a number is not a quantity) over a parsed 100 KB draft.
func BenchmarkFigureExtraction(b *testing.B) {
	data := stageDraft(b, 100_000)
	doc := prose.Parse("draft.md", data)
	fs, err := defaultFigureSettings()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if len(extractFigures(doc, fs).Figures) == 0 {
			b.Fatal("no figures")
		}
	}
}

// BenchmarkVersionAlignment is the alignment of the sentences of two
// parsed versions of a story, the second with every third paragraph
// rewritten: the first step of every cross-version rule. The sizes double,
// so that ns/op shows whether it stays linear.
func BenchmarkVersionAlignment(b *testing.B) {
	for _, n := range []int{50_000, 100_000, 200_000} {
		b.Run(fmt.Sprintf("%dKB", n/1000), func(b *testing.B) {
			data := stageDraft(b, n)[:n]
			paras := bytes.Split(data, []byte("\n\n"))
			for i := range paras {
				if i%3 == 0 {
					paras[i] = append([]byte("Updated: "), paras[i]...)
				}
			}
			old := prose.Parse("v1.md", data)
			cur := prose.Parse("v2.md", bytes.Join(paras, []byte("\n\n")))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				alignVersions(old, cur)
			}
		})
	}
}
