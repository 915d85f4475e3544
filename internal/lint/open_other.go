//go:build !unix

package lint

import "os"

// rawFile is an input opened for reading (see open_unix.go).
type rawFile struct{ *os.File }

func openInput(name string) (rawFile, error) {
	f, err := os.Open(name)
	return rawFile{f}, err
}

// stat returns the file's size and type.
func (f rawFile) stat() (size int64, kind fileKind, err error) {
	info, err := f.Stat()
	if err != nil {
		return 0, 0, err
	}
	m := info.Mode()
	switch {
	case m.IsRegular():
		kind = regularFile
	case m.IsDir():
		kind = directory
	case m&os.ModeNamedPipe != 0:
		kind = namedPipe
	case m&os.ModeSocket != 0:
		kind = socket
	default:
		kind = device
	}
	return info.Size(), kind, nil
}
