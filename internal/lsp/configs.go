package lsp

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/rules/all"
)

// configCache holds the configs of the open drafts: the nearest
// .attrlint.yaml of each directory, loaded once and again after it changes.
type configCache struct {
	mu sync.Mutex
	// fallbackDir is where a buffer without a file looks for its config.
	fallbackDir string
	nearest     map[string]string // directory -> config path ("" for none)
	loaded      map[string]*config.Config
	defaults    *config.Config
	// broken are the config files whose errors are shown, with the
	// message last shown, so that it is not repeated on every keystroke.
	broken map[string]string
}

func newConfigCache() *configCache {
	return &configCache{nearest: map[string]string{}, loaded: map[string]*config.Config{}, broken: map[string]string{}}
}

// configFor returns the config for the draft at path and the path that
// per-path overrides match against. An invalid config is shown as
// diagnostics on the config file and a message, and the draft is linted with
// the built-in defaults meanwhile.
func (s *Server) configFor(path string) (*config.Config, string) {
	c := s.configs
	c.mu.Lock()
	defer c.mu.Unlock()
	dir := c.fallbackDir
	if path != "" {
		dir = filepath.Dir(path)
	}
	file, ok := c.nearest[dir]
	if !ok {
		var err error
		file, err = config.Discover(dir)
		if err != nil {
			s.log.Print(err)
		}
		c.nearest[dir] = file
	}
	var cfg *config.Config
	if file != "" {
		cfg = c.loaded[file]
		if cfg == nil {
			var err error
			cfg, err = config.Load(all.Set, file)
			if err != nil {
				s.reportConfig(file, err)
				cfg = nil
			} else {
				s.reportConfig(file, nil)
				c.loaded[file] = cfg
			}
		}
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
	key := path
	if path != "" {
		key, _ = cfg.Rel(path)
	}
	return cfg, key
}

// configChanged forgets every loaded config (a new file may now be the
// nearest one), checks the changed file at once so that its errors show
// even when no draft uses it, and lints the open drafts again.
func (s *Server) configChanged(path string) {
	c := s.configs
	c.mu.Lock()
	c.nearest = map[string]string{}
	c.loaded = map[string]*config.Config{}
	var recheck []string
	for f := range c.broken {
		recheck = append(recheck, f)
	}
	if _, err := os.Stat(path); err == nil && c.broken[path] == "" {
		recheck = append(recheck, path)
	}
	for _, f := range recheck {
		if _, err := os.Stat(f); err != nil {
			s.reportConfig(f, nil) // deleted: its errors go with it
			continue
		}
		cfg, err := config.Load(all.Set, f)
		s.reportConfig(f, err)
		if err == nil {
			c.loaded[f] = cfg
		}
	}
	c.mu.Unlock()
	s.relintAll()
}

// reportConfig publishes the problems of config file (none when err is nil)
// as diagnostics on it, and shows a message when they are new. The caller
// holds c.mu.
func (s *Server) reportConfig(file string, err error) {
	c := s.configs
	uri := pathToURI(file)
	if err == nil {
		if _, was := c.broken[file]; was {
			delete(c.broken, file)
			s.publishConfig(uri, nil)
		}
		return
	}
	var text string
	if data, rerr := os.ReadFile(file); rerr == nil {
		text = string(data)
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
