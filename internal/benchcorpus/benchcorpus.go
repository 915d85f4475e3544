// Package benchcorpus finds the drafts bench/corpus.sh generates, for the
// benchmarks that profile a check on them:
//
//	bash bench/corpus.sh /tmp/corpus 2000 1
//	ATTRLINT_BENCH_CORPUS=/tmp/corpus/drafts go test -run - -bench Generated ./...
package benchcorpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Env names the drafts directory of the generated corpus.
const Env = "ATTRLINT_BENCH_CORPUS"

// Dir returns the drafts directory Env names, as an absolute path. It
// skips b when Env is unset.
func Dir(b testing.TB) string {
	b.Helper()
	dir := os.Getenv(Env)
	if dir == "" {
		b.Skip("set " + Env + " to the drafts directory of bench/corpus.sh")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// Files returns the drafts under Dir, in lexical order, and their total
// size in bytes. It skips b when there are none.
func Files(b testing.TB) ([]string, int64) {
	b.Helper()
	dir := Dir(b)
	var paths []string
	var total int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		paths = append(paths, p)
		total += info.Size()
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(paths) == 0 {
		b.Skip("no drafts in " + dir)
	}
	return paths, total
}
