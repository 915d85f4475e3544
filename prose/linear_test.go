package prose

import (
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// checkLinear times f on inputs of size n and 8n (the best of three runs
// each) and fails when the larger takes more than 32 times as long: a
// linear or n log n pass takes about 8 times, a quadratic one 64. n is
// doubled first until f takes 20 ms, so that the clock, the caches and
// the scheduler do not decide.
func checkLinear(t *testing.T, n int, f func(n int)) {
	if os.Getenv("ATTRLINT_TIMING") == "" {
		t.Skip("a timing test: bash bench/linear.sh runs it (ATTRLINT_TIMING=1)")
	}
	t.Helper()
	if testing.Short() {
		t.Skip("timing test")
	}
	best := func(n int) time.Duration {
		b := time.Duration(1<<63 - 1)
		for range 3 {
			runtime.GC()
			start := time.Now()
			f(n)
			b = min(b, time.Since(start))
		}
		return b
	}
	small := best(n)
	for small < 20*time.Millisecond && n < 1<<20 {
		n *= 2
		small = best(n)
	}
	large := best(8 * n)
	if large > 32*small {
		t.Errorf("size %d took %v, size %d took %v: %.0fx for 8x the input", n, small, 8*n, large, float64(large)/float64(small))
	}
}

// repeat returns unit repeated to about n bytes.
func repeat(unit string, n int) string { return strings.Repeat(unit, max(1, n/len(unit))) }
