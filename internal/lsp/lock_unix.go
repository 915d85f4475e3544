//go:build unix

package lsp

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// lockName is the file in a server's directory of older versions that the
// server holds locked while it runs.
const lockName = ".lock"

// lockDir creates dir's lock file and holds an exclusive lock on it until
// the returned Closer is closed or the process ends, however it ends: the
// kernel releases the lock of a killed process. nil when it cannot.
func lockDir(dir string) io.Closer {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil
	}
	return f
}

// lockFree reports whether dir's lock file exists (ok) and no process
// holds its lock (free).
func lockFree(dir string) (free, ok bool) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR, 0)
	if err != nil {
		return false, false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return false, true
	}
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) // closing releases it too
	return true, true
}
