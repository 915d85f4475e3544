//go:build unix

package lsp

import (
	"os"
	"syscall"
)

// fileSig is what tells that a file changed: its modification time and
// size, and its device and inode, which change when an editor saves by
// writing a new file and renaming it over the old one.
type fileSig struct {
	mtime      int64
	size       int64
	dev, inode uint64
}

func statSig(path string) (fileSig, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return fileSig{}, err
	}
	sig := fileSig{mtime: fi.ModTime().UnixNano(), size: fi.Size()}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		sig.dev, sig.inode = uint64(st.Dev), uint64(st.Ino) //nolint:unconvert // the types differ between systems
	}
	return sig, nil
}
