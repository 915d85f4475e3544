//go:build !unix

package lsp

import "os"

// fileSig is what tells that a file changed: its modification time and
// size.
type fileSig struct {
	mtime, size int64
}

func statSig(path string) (fileSig, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileSig{}, err
	}
	return fileSig{mtime: fi.ModTime().UnixNano(), size: fi.Size()}, nil
}
