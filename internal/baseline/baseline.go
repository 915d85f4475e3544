package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/attrlint/attrlint/analysis"
)

// Version is the version of the baseline file format.
const Version = 1

// A File is a baseline as stored: every finding recorded, sorted by file,
// rule, text and fingerprint, so that the file is the same for the same
// findings and its git diffs show only what changed. Line numbers are not
// stored: they move with every edit above a finding.
type File struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// An Entry is one recorded finding, or several identical ones (the same
// sentence twice in a file) with their Count.
type Entry struct {
	// File is the draft's path relative to the config's directory,
	// slash-separated.
	File string `json:"file"`
	Rule string `json:"rule"`
	// Text is the flagged text, whitespace collapsed and cut to 80
	// characters: for people reading the baseline, not for matching.
	Text        string `json:"text"`
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count"`
}

// A Keyer names a finding's file in a baseline: the path relative to the
// config's directory, so that the baseline means the same from every
// working directory.
type Keyer func(path string) string

type key struct{ file, rule, fingerprint string }

// New records findings as a baseline.
func New(findings []analysis.Finding, fileKey Keyer) *File {
	r := NewRecorder(fileKey)
	r.Add(findings)
	return r.File()
}

// A Recorder gathers a baseline from findings given a file at a time, as a
// streaming run reports them.
type Recorder struct {
	fileKey Keyer
	counts  map[key]*Entry
	n       int
}

// NewRecorder returns an empty Recorder that names files with fileKey.
func NewRecorder(fileKey Keyer) *Recorder {
	return &Recorder{fileKey: fileKey, counts: map[key]*Entry{}}
}

// Add records findings.
func (r *Recorder) Add(findings []analysis.Finding) {
	for i := range findings {
		f := &findings[i]
		k := keyOf(f, r.fileKey)
		r.n++
		if e, ok := r.counts[k]; ok {
			e.Count++
			continue
		}
		r.counts[k] = &Entry{File: k.file, Rule: k.rule, Fingerprint: k.fingerprint,
			Text: shorten(Normalize(FlaggedText(f)), 80), Count: 1}
	}
}

// Len is the number of findings recorded.
func (r *Recorder) Len() int { return r.n }

// File returns the baseline of the findings recorded, sorted.
func (r *Recorder) File() *File {
	out := &File{Version: Version, Findings: make([]Entry, 0, len(r.counts))}
	for _, e := range r.counts {
		out.Findings = append(out.Findings, *e)
	}
	sort.Slice(out.Findings, func(i, j int) bool {
		a, b := out.Findings[i], out.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Text != b.Text {
			return a.Text < b.Text
		}
		return a.Fingerprint < b.Fingerprint
	})
	return out
}

func keyOf(f *analysis.Finding, fileKey Keyer) key {
	path := ""
	if f.Doc != nil {
		path = f.Doc.Path
	}
	if fileKey != nil {
		path = fileKey(path)
	}
	return key{file: path, rule: f.Rule, fingerprint: Fingerprint(f)}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Marshal returns the baseline as indented JSON ending in a newline.
func (b *File) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write records findings in the baseline file at path, creating its
// directory when needed. It writes a
// temporary file beside it and renames it into place, so that an
// interrupted run never leaves half a baseline.
func Write(path string, findings []analysis.Finding, fileKey Keyer) error {
	return New(findings, fileKey).Write(path)
}

// Write writes the baseline to the file at path, as the function Write
// does.
func (b *File) Write(path string) error {
	data, err := b.Marshal()
	if err != nil {
		return err
	}
	// Replace only a regular file: renaming over a symlink, a device node
	// (as root in CI, /dev/null) or a FIFO would destroy it.
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("write baseline %s: it is %s, not a regular file; give a new path or a regular file's", path, describeMode(fi.Mode()))
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write baseline %s: %w", path, err)
	}
	return nil
}

// maxCount bounds one finding's count: more identical findings than any
// desk's archive holds, far from overflow.
const maxCount = 1 << 30

// A Baseline is a loaded baseline file, ready to filter findings.
type Baseline struct {
	counts map[key]int
}

// MaxSize is the largest baseline file Read accepts: about a million
// recorded findings.
const MaxSize = 256 << 20

// Read loads the baseline file at path: a regular file (or a symlink to
// one) of at most MaxSize bytes, so that a FIFO or a device named as the
// baseline is an error, not a hang or an unbounded read.
func Read(path string) (*Baseline, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("baseline %s does not exist; create it with attrlint check --write-baseline %s", path, path)
		}
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("baseline %s is %s, not a regular file; name the baseline file written by --write-baseline", path, describeMode(fi.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("baseline %s is larger than %d bytes; rewrite it with attrlint check --write-baseline %s", path, MaxSize, path)
	}
	return Parse(path, data)
}

// describeMode names a file type for an error message.
func describeMode(m os.FileMode) string {
	switch {
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// Parse decodes a baseline file's contents; path names it in errors.
func Parse(path string, data []byte) (*Baseline, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("baseline %s is not a baseline file (%w); rewrite it with attrlint check --write-baseline %s", path, err, path)
	}
	// One JSON document and nothing after it: trailing text is a merge
	// conflict or a second file pasted in, not something to ignore.
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("baseline %s has text after its JSON document at byte %d (a merge conflict?); rewrite it with attrlint check --write-baseline %s", path, dec.InputOffset(), path)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s has version %d, this attrlint reads version %d; rewrite it with attrlint check --write-baseline %s", path, f.Version, Version, path)
	}
	b := &Baseline{counts: make(map[key]int, len(f.Findings))}
	for i, e := range f.Findings {
		n := e.Count
		if n < 1 {
			n = 1
		}
		k := key{e.File, e.Rule, e.Fingerprint}
		if n > maxCount || b.counts[k] > maxCount-n {
			return nil, fmt.Errorf("baseline %s: finding %d records a count over %d; rewrite it with attrlint check --write-baseline %s", path, i+1, maxCount, path)
		}
		b.counts[k] += n
	}
	return b, nil
}

// Filter returns the findings the baseline does not hold, in their order.
// A recorded entry absorbs as many identical findings as its count, so a
// second copy of a recorded sentence is still reported.
func (b *Baseline) Filter(findings []analysis.Finding, fileKey Keyer) []analysis.Finding {
	return b.NewFilter(fileKey).Keep(findings)
}

// A Filter drops recorded findings from findings given a file at a time,
// as a streaming run reports them: each recorded finding is dropped once.
type Filter struct {
	fileKey Keyer
	left    map[key]int
}

// NewFilter returns a Filter of b's findings that names files with fileKey.
func (b *Baseline) NewFilter(fileKey Keyer) *Filter {
	left := make(map[key]int, len(b.counts))
	for k, n := range b.counts {
		left[k] = n
	}
	return &Filter{fileKey: fileKey, left: left}
}

// Keep returns the findings the baseline does not record, in order.
func (bf *Filter) Keep(findings []analysis.Finding) []analysis.Finding {
	out := findings[:0:0]
	for i := range findings {
		k := keyOf(&findings[i], bf.fileKey)
		if bf.left[k] > 0 {
			bf.left[k]--
			continue
		}
		out = append(out, findings[i])
	}
	return out
}
