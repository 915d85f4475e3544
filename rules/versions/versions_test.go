package versions_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/attrlint/attrlint/analysis/analysistest"
	"github.com/attrlint/attrlint/prose"
)

// TestVersionFixtures runs the cross-version rules over each series in
// testdata (a directory of v1.md, v2.md, ... oldest first) and
// fails on every finding the newer versions do not expect and every
// expected one that is missing. Every finding must point at the version
// before it.
func TestVersionFixtures(t *testing.T) {
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			docs, findings := analysistest.RunSeries(t, filepath.Join("testdata", d.Name()), "figure-changed", "quote-changed", "speaker-changed", "attribution-dropped", "source-changed")
			index := map[*prose.Document]int{}
			for i, doc := range docs {
				index[doc] = i
			}
			for _, f := range findings {
				if len(f.Related) != 1 || f.Related[0].Doc == nil || index[f.Related[0].Doc] != index[f.Doc]-1 {
					line, _ := f.Doc.Position(f.Start)
					t.Errorf("%s:%d: %s must point at the version before it, got %+v", f.Doc.Path, line, f.Rule, f.Related)
				}
			}
		})
	}
}
