// Package config loads attrlint's configuration: the embedded rule packs,
// merged with the user's .attrlint.yaml, validated strictly, with every error
// located at its YAML node.
//
// Loading walks yaml.Node trees by hand (yaml's Node.Decode ignores
// KnownFields), so that each unknown key, wrong type, bad glob or bad regexp
// gets its own FILE:LINE:COL and a "did you mean" suggestion, and so that all
// of a file's errors are reported at once. Rules are data: a rule's options
// are decoded into the options struct its kind declares and compiled once,
// here, never per document.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/rules"
)

// FileName is the name of the config file Discover looks for.
const FileName = ".attrlint.yaml"

// FailNone is the fail level "none": above every severity, so that no
// finding fails the run.
const FailNone = analysis.SeverityError + 1

// Default values of the settings a config file may change.
var (
	// DefaultInclude are the files a directory walk lints: Markdown,
	// plain text and HTML.
	DefaultInclude = []string{"**/*.md", "**/*.markdown", "**/*.mdx", "**/*.txt", "**/*.html", "**/*.htm"}
	// DefaultExclude are directories no newsroom wants linted:
	// dependencies and version-control internals. A config's
	// files.exclude replaces this list rather than adding to it.
	DefaultExclude = []string{"**/node_modules/**", "**/vendor/**", "**/.git/**"}
)

// DefaultMaxFileSize is the size above which an input is skipped: 10 MiB.
const DefaultMaxFileSize = 10 << 20

// Formats are the output formats --format and `format:` accept.
var Formats = []string{"text", "json", "sarif", "github", "checkstyle", "rdjsonl"}

// ColorModes are the values --color and `color:` accept.
var ColorModes = []string{"auto", "always", "never"}

// Config is a loaded configuration: the settings of the check flags, the
// rules with their severities in force, per-path overrides and the version
// patterns. Command-line flags override its fields after loading.
type Config struct {
	// Path is the config file loaded; "" for the embedded defaults.
	Path string
	// Dir is the directory relative globs and paths are resolved against:
	// the config file's directory, else the working directory. It is
	// absolute.
	Dir string

	// Include and Exclude are the doublestar globs (files.include,
	// files.exclude) a directory walk lints and skips, relative to Dir.
	Include, Exclude []string

	// FailLevel is the least severity that makes the run fail: one of the
	// analysis severities, or FailNone.
	FailLevel analysis.Severity
	// Format is one of Formats; Color one of ColorModes.
	Format, Color string
	// Jobs is the number of parallel workers, at least 1 (the number of
	// CPUs unless set).
	Jobs int
	// MaxFileSize is the size in bytes above which an input is skipped.
	MaxFileSize int64
	// Baseline is the baseline file to filter findings against, resolved
	// against Dir; "" for none.
	Baseline string

	// Rules is every rule, built in and the user's own, sorted by id, with
	// Severity as the config sets it (SeverityOff for rules that are off).
	Rules []*rules.Rule
	// Overrides change rules for files matching globs, in file order:
	// for a file several match, later ones win.
	Overrides []*Override
	// Versions tell which files are versions of one story.
	Versions []*Version
	// Settings are the compiled settings of the extraction analyzers that
	// take some (rules.Extractor), from the `analyzers:` sections of the
	// packs and the config; the driver gives them as Pass.Options.
	Settings map[*analysis.Analyzer]any

	byID    map[string]int // index into Rules
	forced  map[string]bool
	enabled []*rules.Rule // the enabled rules where no override applies
	cache   sync.Map      // override match key -> []*rules.Rule
}

// Load reads and parses the config file at path on top of the packs of
// set (rules/all.Set for attrlint's own). Problems in the file are returned
// together as an ErrorList.
func Load(set *rules.Set, path string) (*Config, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(set, path, data)
}

// ReadFile reads the config file at path: a regular file (or a link to
// one), at most MaxFileSize+1 bytes of it, so that Parse can report a file
// that is too large. A FIFO, a device or a directory is an error, never a
// hang or an unbounded read.
func ReadFile(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("read config %s: it is %s, not a regular file; a config is a YAML file", path, describeFileType(fi.Mode()))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return data, nil
}

// describeFileType names a file type that is not a regular file.
func describeFileType(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "a device"
}

// Default returns the configuration of the packs of set alone, as used
// when no config file is found.
func Default(set *rules.Set) (*Config, error) {
	return Parse(set, "", nil)
}

// Parse parses data as the config file at path (used in messages and to set
// Dir; "" means the working directory) on top of the packs of set, with
// its kinds and extractors. Problems are returned together as an
// ErrorList, sorted by position.
func Parse(set *rules.Set, path string, data []byte) (*Config, error) {
	c, err := parse(set, path, data, true)
	var el ErrorList
	if errors.As(err, &el) && set.Defaults != nil {
		// Errors are reported where they are, in the packs too: load
		// again from the packs' YAML, which is where positions are.
		c, err = parse(set, path, data, false)
	}
	return c, err
}

// parse is Parse, from the set's decoded defaults when defaults is set
// and they are fresh.
func parse(set *rules.Set, path string, data []byte, defaults bool) (*Config, error) {
	c := &Config{
		Path:        path,
		Include:     DefaultInclude,
		Exclude:     DefaultExclude,
		FailLevel:   analysis.SeverityWarning,
		Format:      "text",
		Color:       "auto",
		Jobs:        runtime.NumCPU(),
		MaxFileSize: DefaultMaxFileSize,
		forced:      map[string]bool{},
	}
	var err error
	if path != "" {
		c.Dir, err = filepath.Abs(filepath.Dir(path))
	} else {
		c.Dir, err = os.Getwd()
	}
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	file := path
	if file == "" {
		file = "<config>"
	}
	if len(data) > MaxFileSize {
		// Point at where the file passes the limit.
		head := data[:MaxFileSize]
		line := bytes.Count(head, []byte("\n")) + 1
		col := utf8.RuneCount(head[bytes.LastIndexByte(head, '\n')+1:]) + 1
		return nil, ErrorList{{File: file, Line: line, Col: col, Msg: fmt.Sprintf("config file is larger than %d bytes (1 MB) from here on; a config holds settings and rules, not data: move word lists into a smaller file", MaxFileSize)}}
	}
	l := &loader{set: set, defaults: defaults}
	l.load(c, file, data)
	// The parser places an empty document ("---") on the line after the
	// file's last: point at the last line.
	if n := yamlLines(data); len(l.errs) > 0 {
		for _, e := range l.errs {
			if e.File == file && e.Line > n {
				e.Line, e.Col = n, 1
			}
		}
	}
	if len(l.errs) > 0 {
		return nil, l.finish()
	}
	c.refresh()
	return c, nil
}

// finish sorts the errors and drops exact duplicates (a bad pack key is met
// again by every override variant of its rule).
func (l *loader) finish() ErrorList {
	l.errs.sort()
	out := l.errs[:0]
	for i, e := range l.errs {
		if i > 0 && *e == *l.errs[i-1] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// Rule returns the rule with the given id, or nil.
func (c *Config) Rule(id string) *rules.Rule {
	if i, ok := c.byID[id]; ok {
		return c.Rules[i]
	}
	return nil
}

// Discover returns the nearest .attrlint.yaml from dir up to the repository
// root (the first ancestor holding .git, itself included) or, outside a
// repository, the filesystem root. It returns "" when there is none.
func Discover(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find config: %w", err)
	}
	for {
		p := filepath.Join(dir, FileName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("find config: %w", err)
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Rel returns path (absolute, or relative to the working directory) as
// RulesFor and Included take it: slash-separated and relative to c.Dir. ok is
// false when path lies outside c.Dir; globs then match the path as given.
func (c *Config) Rel(path string) (rel string, ok bool) {
	abs, err := filepath.Abs(path)
	if err == nil {
		if r, err := filepath.Rel(c.Dir, abs); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(r), true
		}
	}
	return cleanRel(path), false
}

// Included reports whether a directory walk lints the file at rel (relative
// to c.Dir, slash-separated): a files.include glob matches it and no
// files.exclude glob does.
func (c *Config) Included(rel string) bool {
	rel = cleanRel(rel)
	return matchAny(c.Include, rel) && !matchAny(c.Exclude, rel)
}

// cleanRel makes a path slash-separated and drops a leading "./".
func cleanRel(p string) string {
	p = filepath.ToSlash(p)
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return p
}

// severityNames returns the names the severity keys accept, for messages.
func severityNames() []string {
	out := []string{}
	for s := analysis.SeverityOff; s <= analysis.SeverityError; s++ {
		out = append(out, s.String())
	}
	sort.Strings(out)
	return out
}

// DecodeDefaults decodes the packs of set, as a load does before any kind
// compiles its options: what rules.Defaults holds. It never uses set's own
// Defaults.
func DecodeDefaults(set *rules.Set) (*rules.Defaults, error) {
	l := &loader{set: set}
	rs := l.loadPacks()
	d := &rules.Defaults{Hash: rules.PackHash(set.Packs)}
	for _, id := range rs.ids() {
		def := rs.defs[id]
		r, opts := l.decodeRule(def, def.fields, "rules."+id, def.idFile, def.idNode)
		if r == nil {
			continue
		}
		d.Rules = append(d.Rules, rules.DecodedRule{
			ID: r.ID, Kind: r.Kind.Name, Source: r.Source, Severity: r.Default,
			Message: r.Message, Summary: r.Summary, Doc: r.Doc, Examples: r.Examples,
			Options: opts,
		})
	}
	for _, x := range set.Extractors {
		name := x.Analyzer.Name
		def := rs.extractors[name]
		if def == nil {
			continue
		}
		opts, ok := l.decodeSettings(x, def, "analyzers."+name)
		if ok {
			d.Settings = append(d.Settings, rules.DecodedSettings{Analyzer: name, Settings: opts})
		}
	}
	sort.Slice(d.Settings, func(i, j int) bool { return d.Settings[i].Analyzer < d.Settings[j].Analyzer })
	if len(l.errs) > 0 {
		return nil, l.finish()
	}
	return d, nil
}
