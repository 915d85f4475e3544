//go:build unix

package lint_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used: timing with it leaves out
// the other processes of a busy machine (other test binaries, a fuzzer).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
