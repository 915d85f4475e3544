package versions

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/attrlint/attrlint/prose"
)

// FuzzAlignVersions aligns two versions made of arbitrary bytes and checks
// the alignment's promises: every new sentence maps to an old sentence or
// to none; an exact match joins equal sentences, each old sentence at most
// once; a reworded match is similar enough; a version aligned with itself
// matches every sentence that has words; and aligning twice gives the same
// alignment.
func FuzzAlignVersions(f *testing.F) {
	dirs, _ := filepath.Glob("testdata/*")
	for _, dir := range dirs {
		v1, err1 := os.ReadFile(filepath.Join(dir, "v1.md"))
		v2, err2 := os.ReadFile(filepath.Join(dir, "v2.md"))
		if err1 == nil && err2 == nil {
			f.Add(v1, v2)
		}
	}
	f.Add([]byte("The vote was 7 to 2. The mayor left. The vote was 7 to 2."),
		[]byte("The mayor left. The vote was 7 to 2. The vote was 7 to 2. A new sentence."))
	f.Add([]byte("One. Two. Three. Four."), []byte("Four. Three. Two. One."))
	f.Add([]byte(""), []byte("Only the new version has a sentence."))
	f.Add([]byte("It’s over, the union’s chief said."), []byte("It's over, the union's chief said."))
	f.Fuzz(func(t *testing.T, oldData, newData []byte) {
		old, new := prose.Parse("v1.md", oldData), prose.Parse("v2.md", newData)
		a := alignVersions(old, new)
		if len(a.toOld) != len(a.new) || len(a.exact) != len(a.new) {
			t.Fatalf("%d new sentences, %d mappings, %d exact flags", len(a.new), len(a.toOld), len(a.exact))
		}
		usedExact := map[int]bool{}
		for n, o := range a.toOld {
			if o < -1 || o >= len(a.old) {
				t.Fatalf("new sentence %d maps to %d of %d old ones", n, o, len(a.old))
			}
			if o < 0 {
				if a.exact[n] {
					t.Fatalf("new sentence %d is exact but maps to nothing", n)
				}
				continue
			}
			if a.exact[n] {
				if a.new[n].key != a.old[o].key {
					t.Fatalf("exact match of %q and %q", a.new[n].key, a.old[o].key)
				}
				if usedExact[o] {
					t.Fatalf("old sentence %d matched exactly twice", o)
				}
				usedExact[o] = true
				continue
			}
			if sim := sentenceSimilarity(a.new[n].words, a.old[o].words); sim < minSentenceSimilarity {
				t.Fatalf("%q matched with %q at similarity %.2f", a.new[n].key, a.old[o].key, sim)
			}
		}
		// Every sentence position maps back to its index.
		for i, s := range a.new {
			if a.newPos[[2]int{s.para, s.sent}] != i {
				t.Fatalf("newPos of sentence %d is wrong", i)
			}
			if a.counterpart(s.para, s.sent) != a.toOld[i] {
				t.Fatalf("counterpart(%d,%d) disagrees with toOld", s.para, s.sent)
			}
		}
		if b := alignVersions(old, new); !reflect.DeepEqual(a.toOld, b.toOld) || !reflect.DeepEqual(a.exact, b.exact) {
			t.Fatalf("two alignments differ: %v %v / %v %v", a.toOld, a.exact, b.toOld, b.exact)
		}
		self := alignVersions(new, new)
		for n, s := range self.new {
			if s.key == "" {
				continue
			}
			o := self.toOld[n]
			if o < 0 || !self.exact[n] || self.old[o].key != s.key {
				t.Fatalf("aligned with itself, sentence %d %q maps to %d", n, s.key, o)
			}
		}
	})
}
