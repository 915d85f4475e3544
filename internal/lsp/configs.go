package lsp

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/rules/all"
)

// configCache holds the configs of the open drafts: each .attrlint.yaml
// loaded once, and again when its modification time, size or inode changes.
// The file is looked up and stat'ed before every lint, so an edit made
// outside the editor applies at the next lint without any help from the
// client; workspace/didChangeWatchedFiles, when the client sends it, only
// makes it happen at once for every open draft.
type configCache struct {
	mu sync.Mutex
	// fallbackDir is where a buffer without a file looks for its config.
	fallbackDir string
	loaded      map[string]*loadedConfig
	defaults    *config.Config
	// broken are the config files whose errors are shown, with the
	// message last shown, so that it is not repeated on every keystroke.
	broken map[string]string
}

// loadedConfig is one load of a config file: the config, or the error
// that made it unusable, and the file's signature at the time.
type loadedConfig struct {
	sig fileSig
	cfg *config.Config
	err error
}

func newConfigCache() *configCache {
	return &configCache{loaded: map[string]*loadedConfig{}, broken: map[string]string{}}
}

// maxConfigSize bounds a config file, as the CLI's loader does.
const maxConfigSize = 1 << 20

// readConfig reads the config file at path, which must be a regular file
// of at most maxConfigSize bytes: a symlink to /dev/zero, a FIFO or a
// runaway file is refused with a message instead of being read whole or
// blocking the server.
func readConfig(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regularSmall(path, fi); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regularSmall(path, fi); err != nil {
		return nil, err // replaced between the two looks
	}
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > maxConfigSize {
		return nil, fmt.Errorf("%s grew past %d bytes while it was read; a config file is at most that", path, maxConfigSize)
	}
	return data, nil
}

func regularSmall(path string, fi os.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file (%s); attrlint reads its config only from a regular file", path, fileKind(fi.Mode()))
	}
	if fi.Size() > maxConfigSize {
		return fmt.Errorf("%s is %d bytes; a config file is at most %d bytes", path, fi.Size(), maxConfigSize)
	}
	return nil
}

func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a directory"
	}
	return "not a regular file"
}

// load loads the config file at path, with its signature sig, and shows
// its problems (or clears those shown before). The caller holds c.mu.
func (s *Server) load(path string, sig fileSig) *loadedConfig {
	e := &loadedConfig{sig: sig}
	data, err := readConfig(path)
	if err == nil {
		e.cfg, err = config.Parse(all.Set, path, data)
	}
	e.err = err
	if err != nil {
		e.cfg = nil
	}
	s.reportConfig(path, err, string(data))
	return e
}

// configFor returns the config for the draft at path and the path that
// per-path overrides match against. An invalid config is shown as
// diagnostics on the config file and a message, and the draft is linted with
// the built-in defaults meanwhile.
func (s *Server) configFor(path string) (*config.Config, string) {
	c := s.configs
	c.mu.Lock()
	dir := c.fallbackDir
	if path != "" {
		dir = filepath.Dir(path)
	}
	file, err := config.Discover(dir)
	if err != nil {
		s.log.Print(err)
	}
	changed := s.forgetDeleted()
	var cfg *config.Config
	if file != "" {
		sig, err := statSig(file)
		e := c.loaded[file]
		if e == nil || err != nil || e.sig != sig {
			changed = changed || e != nil
			e = s.load(file, sig)
			c.loaded[file] = e
		}
		cfg = e.cfg
	}
	if cfg == nil {
		if c.defaults == nil {
			d, err := config.Default(all.Set)
			if err != nil {
				// The embedded packs are checked by the tests; this
				// is a broken build.
				panic(fmt.Sprintf("attrlint's built-in rules do not load: %v", err))
			}
			c.defaults = d
		}
		cfg = c.defaults
	}
	c.mu.Unlock()
	if changed {
		// The other open drafts may use the file too.
		s.relintOthers(path)
	}
	key := path
	if path != "" {
		key, _ = cfg.Rel(path)
	}
	return cfg, key
}

// forgetDeleted drops the configs whose files are gone, clearing the
// problems shown for them. The caller holds c.mu.
func (s *Server) forgetDeleted() bool {
	c := s.configs
	gone := false
	for f := range c.loaded {
		if _, err := os.Stat(f); err != nil {
			delete(c.loaded, f)
			s.reportConfig(f, nil, "")
			gone = true
		}
	}
	for f := range c.broken {
		if _, err := os.Stat(f); err != nil {
			s.reportConfig(f, nil, "")
		}
	}
	return gone
}

// configChanged checks the changed file at once, so that its errors show
// even when no draft uses it, and lints the open drafts again (a new file
// may now be the nearest one).
func (s *Server) configChanged(path string) {
	c := s.configs
	c.mu.Lock()
	s.forgetDeleted()
	if sig, err := statSig(path); err == nil {
		if e := c.loaded[path]; e == nil || e.sig != sig {
			c.loaded[path] = s.load(path, sig)
		}
	}
	c.mu.Unlock()
	s.relintAll()
}

// reportConfig publishes the problems of config file (none when err is nil)
// as diagnostics on it, placed in text, the file's content; and shows a
// message when they are new. The caller holds c.mu.
func (s *Server) reportConfig(file string, err error, text string) {
	c := s.configs
	uri := pathToURI(file)
	if err == nil {
		if _, was := c.broken[file]; was {
			delete(c.broken, file)
			s.publishConfig(uri, nil)
		}
		return
	}
	idx := newLineIndex(text)
	s.mu.Lock()
	enc := s.enc
	s.mu.Unlock()
	var diags []Diagnostic
	var elsewhere []string
	var list config.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			if !sameFile(e.File, file) {
				elsewhere = append(elsewhere, e.Error())
				continue
			}
			diags = append(diags, configDiagnostic(e, idx, enc))
		}
	} else {
		diags = append(diags, Diagnostic{Severity: severityError, Source: "attrlint", Message: err.Error()})
	}
	s.publishConfig(uri, diags)

	n := len(diags) + len(elsewhere)
	msg := fmt.Sprintf("attrlint: %s has %d problem%s (first: %s); drafts are linted with the built-in rules until it is fixed", file, n, plural(n), firstLine(err.Error()))
	if c.broken[file] != msg {
		c.broken[file] = msg
		s.showMessage(messageError, msg)
	}
}

func (s *Server) publishConfig(uri string, diags []Diagnostic) {
	if diags == nil {
		diags = []Diagnostic{}
	}
	if err := s.out.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Diagnostics: diags}); err != nil {
		s.log.Printf("publish config diagnostics: %v", err)
	}
}

// configDiagnostic places a config error at its YAML node: Line and Col
// are 1-based, Col in characters; the range covers the word there.
func configDiagnostic(e *config.Error, idx *lineIndex, enc Encoding) Diagnostic {
	d := Diagnostic{Severity: severityError, Source: "attrlint", Message: e.Msg}
	if e.Line <= 0 || e.Line > len(idx.starts) {
		return d
	}
	start := idx.offset(Position{Line: e.Line - 1, Character: max(e.Col-1, 0)}, UTF32)
	end := start
	line := idx.text[start:idx.lineEnd(e.Line-1)]
	for _, r := range line {
		if unicode.IsSpace(r) || r == ':' || r == ',' || r == ']' || r == '}' {
			break
		}
		end += len(string(r))
	}
	d.Range = Range{Start: idx.position(start, enc), End: idx.position(end, enc)}
	return d
}

func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
