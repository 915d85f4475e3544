package prose

import (
	"os"
	"path/filepath"
	"testing"
)

// The seed drafts live outside the repository (../shared/seeds from the
// module root); the tests skip when they are absent.
func seedPath(t *testing.T, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", prefix+"_*.txt"))
	if len(m) == 0 {
		t.Skipf("seed %s not found", prefix)
	}
	return m[0]
}

func TestSeeds(t *testing.T) {
	tests := []struct {
		seed string
		// sentences per paragraph, counted by reading the file
		sentences []int
	}{
		{"000", []int{1, 1, 1, 2, 1, 1, 1, 2, 3, 1, 1, 2, 3, 3, 1, 2, 3}},
		{"002", []int{1, 1, 2, 1, 1, 1, 1, 2, 1, 2, 1, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			path := seedPath(t, tt.seed)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d := Parse(path, data)
			checkDocument(t, d)
			if len(d.Paragraphs) != len(tt.sentences) {
				t.Fatalf("%d paragraphs, want %d (one per line)", len(d.Paragraphs), len(tt.sentences))
			}
			for i, p := range d.Paragraphs {
				if line, _ := d.Position(p.Start); line != i+1 {
					t.Errorf("paragraph %d starts on line %d, want %d", i, line, i+1)
				}
				if len(p.Sentences) != tt.sentences[i] {
					var got []string
					for _, s := range p.Sentences {
						got = append(got, p.Text[s.Start:s.End])
					}
					t.Errorf("paragraph %d: %d sentences, want %d:\n%q", i, len(p.Sentences), tt.sentences[i], got)
				}
			}
		})
	}
}

// The scraped page (001) has blank lines between paragraphs: each non-blank
// line is one paragraph.
func TestSeedScrapedPage(t *testing.T) {
	path := seedPath(t, "001")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := Parse(path, data)
	checkDocument(t, d)
	lines := 0
	for i := 1; i <= d.LineCount(); i++ {
		if s := d.LineSpan(i); !blank(d.Text[s.Start:s.End]) {
			lines++
		}
	}
	if len(d.Paragraphs) != lines {
		t.Errorf("%d paragraphs for %d non-blank lines", len(d.Paragraphs), lines)
	}
}

// Every article of the shared corpus keeps the mapping invariants; run with
// -v to see paragraph and sentence counts.
func TestCorpusArticles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "articles", "*.txt"))
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	paras, sents := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := Parse(f, data)
		checkDocument(t, d)
		paras += len(d.Paragraphs)
		for _, p := range d.Paragraphs {
			sents += len(p.Sentences)
		}
	}
	t.Logf("%d articles: %d paragraphs, %d sentences", len(files), paras, sents)
}
