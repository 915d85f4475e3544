package cli

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/internal/benchcorpus"
)

// BenchmarkCheckGenerated is `attrlint check DIR` end to end, in process,
// report included (text, or ATTRLINT_BENCH_FORMAT), over the corpus
// bench/corpus.sh generates, named by ATTRLINT_BENCH_CORPUS (its drafts/
// directory); skipped when the variable is unset. It is what bench/vale.sh
// times, without process start-up, for -cpuprofile:
//
//	bash bench/corpus.sh /tmp/corpus 2000 1
//	ATTRLINT_BENCH_CORPUS=/tmp/corpus/drafts go test -run - -bench CheckGenerated -cpuprofile cpu.out ./internal/cli
func BenchmarkCheckGenerated(b *testing.B) {
	dir := benchcorpus.Dir(b)
	_, total := benchcorpus.Files(b)
	format := os.Getenv("ATTRLINT_BENCH_FORMAT")
	if format == "" {
		format = "text"
	}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }, workDir: dir}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		if code := runCheck(e, []string{"--color", "never", "--format", format, dir}); code == exitError {
			b.Fatalf("check exited %d", code)
		}
	}
}
