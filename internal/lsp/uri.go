package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
)

// uriToPath returns the file path of a file: URI; other schemes (an
// untitled buffer) have no path.
func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("document URI %q: %w", uri, err)
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("document URI %q is not a file: URI", uri)
	}
	return filepath.FromSlash(u.Path), nil
}

// pathToURI returns the file: URI of an absolute path.
func pathToURI(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
