package lint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/attrlint/attrlint/config"
	"github.com/attrlint/attrlint/lint"
)

// BenchmarkRunGenerated is lint.Run over the corpus bench/corpus.sh
// generates from the fixtures, named by ATTRLINT_BENCH_CORPUS (its drafts/
// directory); it is skipped when the variable is unset. It is the Go side of
// bench/vale.sh, for -cpuprofile and -memprofile:
//
//	bash bench/corpus.sh /tmp/corpus 2000 1
//	ATTRLINT_BENCH_CORPUS=/tmp/corpus/drafts go test -run - -bench Generated -cpuprofile cpu.out ./lint
func BenchmarkRunGenerated(b *testing.B) {
	dir := os.Getenv("ATTRLINT_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set ATTRLINT_BENCH_CORPUS to the drafts directory of bench/corpus.sh")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		b.Fatal(err)
	}
	cfg, err := config.Default()
	if err != nil {
		b.Fatal(err)
	}
	cfg.Dir = dir
	inputs, errs := lint.Discover([]string{dir}, lint.Filter{Dir: dir, Include: cfg.Include, Exclude: cfg.Exclude}, "")
	if len(errs) > 0 || len(inputs) == 0 {
		b.Fatalf("discovered %d inputs, errors %v", len(inputs), errs)
	}
	var total int64
	for _, in := range inputs {
		fi, err := os.Stat(in.File)
		if err != nil {
			b.Fatal(err)
		}
		total += fi.Size()
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		res := lint.Run(cfg, inputs, lint.Options{})
		if len(res.Errors) > 0 {
			b.Fatal(res.Errors)
		}
	}
}
