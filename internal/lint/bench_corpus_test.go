package lint_test

import (
	"testing"

	"github.com/attrlint/attrlint/internal/benchcorpus"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/rules/all"
)

// BenchmarkRunGenerated is lint.Run over the corpus bench/corpus.sh
// generates from the fixtures, named by ATTRLINT_BENCH_CORPUS (its drafts/
// directory); it is skipped when the variable is unset. It is the Go side of
// bench/vale.sh, for -cpuprofile and -memprofile:
//
//	bash bench/corpus.sh /tmp/corpus 2000 1
//	ATTRLINT_BENCH_CORPUS=/tmp/corpus/drafts go test -run - -bench Generated -cpuprofile cpu.out ./lint
func BenchmarkRunGenerated(b *testing.B) {
	dir := benchcorpus.Dir(b)
	_, total := benchcorpus.Files(b)
	cfg, err := config.Default(all.Set)
	if err != nil {
		b.Fatal(err)
	}
	cfg.Dir = dir
	inputs, errs, _ := lint.Discover([]string{dir}, lint.Filter{Dir: dir, Include: cfg.Include, Exclude: cfg.Exclude}, "")
	if len(errs) > 0 || len(inputs) == 0 {
		b.Fatalf("discovered %d inputs, errors %v", len(inputs), errs)
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
