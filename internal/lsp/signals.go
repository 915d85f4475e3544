package lsp

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// StopOnSignals returns a channel for Options.Stop that is closed when the
// process receives SIGTERM, SIGINT or SIGHUP (an editor that quits, a
// terminal closed), so that the server removes what it wrote before the
// process ends; and release, which stops listening. Without it, the
// signal's default action ends the process at once and the copies of
// earlier versions written for the editor stay in the temporary directory.
func StopOnSignals() (stop <-chan struct{}, release func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGINT, syscall.SIGHUP)
	ch := make(chan struct{})
	quit := make(chan struct{})
	go func() {
		select {
		case <-sigs:
			close(ch)
		case <-quit:
		}
	}()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			signal.Stop(sigs)
			close(quit)
		})
	}
}
