//go:build !unix

package lint

import "os"

// rawFile is an input opened for reading (see open_unix.go).
type rawFile struct{ *os.File }

func openInput(name string) (rawFile, error) {
	f, err := os.Open(name)
	return rawFile{f}, err
}

// stat returns the file's size and whether it is a directory.
func (f rawFile) stat() (size int64, dir bool, err error) {
	info, err := f.Stat()
	if err != nil {
		return 0, false, err
	}
	return info.Size(), info.IsDir(), nil
}
