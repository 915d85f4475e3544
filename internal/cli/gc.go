package cli

import (
	"os"
	"runtime"
	"strconv"
)

// ballastSize is the heap the collector is told is live before any draft
// is read. attrlint keeps little alive (a few files' parses at a time) and
// allocates a lot (every parse is garbage a moment later), so with the
// default GOGC the collector runs every few megabytes: hundreds of times
// over a corpus. A ballast moves the heap goal to about twice its size,
// so collections come every ballastSize bytes allocated instead. It is
// never written, so its pages are never touched and cost no resident
// memory; with a large file's live heap above it, the collector paces as
// usual.
const ballastSize = 64 << 20

// ballast is allocated once per process: freed and allocated again (a
// test or benchmark running check many times), it would come back from the
// heap needing to be cleared, touching every page.
var ballast []byte

// ballastFiles is the fewest inputs a run allocates the ballast for.
// Allocating it starts a collection at once (about 1 ms); a pre-commit run
// on a few drafts allocates too little for the collector to run at all.
const ballastFiles = 32

// withBallast runs f, linting files inputs, with the ballast allocated
// when there are many, unless GOGC is set (the user tunes the collector).
func withBallast(files int, f func()) {
	if files < ballastFiles {
		f()
		return
	}
	if v := os.Getenv("GOGC"); v != "" {
		if _, err := strconv.Atoi(v); err == nil || v == "off" {
			f()
			return
		}
	}
	if ballast == nil {
		ballast = make([]byte, ballastSize)
	}
	f()
	runtime.KeepAlive(ballast)
}
