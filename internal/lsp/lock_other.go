//go:build !unix

package lsp

import "io"

// lockDir holds no lock where flock is missing: a killed server's
// directory is swept only once it is a day old.
func lockDir(string) io.Closer { return nil }

func lockFree(string) (free, ok bool) { return false, false }
