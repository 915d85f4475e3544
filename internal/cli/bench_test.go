package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	dir := os.Getenv("ATTRLINT_BENCH_CORPUS")
	if dir == "" {
		b.Skip("set ATTRLINT_BENCH_CORPUS to the drafts directory of bench/corpus.sh")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	err = filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			info, err := d.Info()
			if err == nil {
				total += info.Size()
			}
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
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
