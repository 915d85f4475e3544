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

// BenchmarkSourcesVsCheck runs check and sources alternately over the same
// corpus in one process (ATTRLINT_BENCH_CORPUS, as above), so that the two
// are timed under the same conditions; sources must stay within 20% of
// check. Each sub-benchmark's ns/op is one whole run:
//
//	ATTRLINT_BENCH_CORPUS=/work/gen/drafts go test -run - -bench SourcesVsCheck -count 3 ./internal/cli
func BenchmarkSourcesVsCheck(b *testing.B) {
	dir := benchcorpus.Dir(b)
	_, total := benchcorpus.Files(b)
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }, workDir: dir}
	for _, c := range []struct {
		name string
		run  func(*env, []string) int
		args []string
	}{
		{"check-json", runCheck, []string{"--format", "json", "--fail-level", "none", dir}},
		{"sources-json", runSources, []string{"--format", "json", dir}},
		{"check-text", runCheck, []string{"--color", "never", "--fail-level", "none", dir}},
		{"sources-text", runSources, []string{"--color", "never", dir}},
		{"sources-html", runSources, []string{"--format", "html", dir}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(total)
			b.ReportAllocs()
			for b.Loop() {
				if code := c.run(e, c.args); code == exitError {
					b.Fatalf("%s exited %d", c.name, code)
				}
			}
		})
	}
}
