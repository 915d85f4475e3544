package prose

import (
	"strings"
	"testing"
	"time"
)

// checkLinear times f on inputs of size n and 8n (the best of three runs
// each) and fails when the larger takes more than 24 times as long: a
// linear or n log n pass takes about 8 times, a quadratic one 64.
func checkLinear(t *testing.T, n int, f func(n int)) {
	t.Helper()
	if testing.Short() {
		t.Skip("timing test")
	}
	best := func(n int) time.Duration {
		b := time.Duration(1<<63 - 1)
		for range 3 {
			start := time.Now()
			f(n)
			b = min(b, time.Since(start))
		}
		return b
	}
	small, large := best(n), best(8*n)
	// Below a few milliseconds the clock and the scheduler decide.
	small = max(small, 3*time.Millisecond)
	if large > 24*small {
		t.Errorf("size %d took %v, size %d took %v: %.0fx for 8x the input", n, small, 8*n, large, float64(large)/float64(small))
	}
}

// repeat returns unit repeated to about n bytes.
func repeat(unit string, n int) string { return strings.Repeat(unit, max(1, n/len(unit))) }
