package lint

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/prose"
)

// Options tune a run.
type Options struct {
	// Jobs is the number of files linted at once; 0 means one per CPU.
	Jobs int
	// MaxFileSize is the size in bytes above which a file is skipped with a
	// notice; 0 means no limit.
	MaxFileSize int64
	// Stdin is read for the input "-".
	Stdin io.Reader
	// Keep names extraction analyzers whose results each FileResult
	// carries (FileResult.Results), computed whether or not an enabled
	// rule needs them, with the document (FileResult.Doc) and the
	// findings before inline directives (FileResult.Unfiltered). The
	// sources audit reads the same analyses check runs this way.
	Keep []*analysis.Analyzer
}

// Result is what a run found.
type Result struct {
	// Findings are sorted by file, position and rule.
	Findings []analysis.Finding
	// Files counts the drafts that were checked.
	Files int
	// Notices are files skipped on purpose, with the reason.
	Notices []string
	// Errors are inputs that could not be read and analyzers that failed;
	// each makes the run exit 2.
	Errors []error
	// Directives are the inline directives of the documents that have
	// some, for ApplyDirectives.
	Directives []*DocDirectives
}

// Run lints every input with the rules cfg enables for its path and
// returns everything at once. Inline directives are not applied: the
// Result carries them for ApplyDirectives. Check, which writes reports,
// streams instead (Stream), holding one file's findings at a time.
func Run(cfg *config.Config, inputs []Input, opt Options) *Result {
	res := &Result{}
	stream(cfg, inputs, nil, opt, false, func(fr *FileResult) {
		res.Findings = append(res.Findings, fr.Findings...)
		res.Errors = append(res.Errors, fr.Errors...)
		if fr.directives != nil {
			res.Directives = append(res.Directives, fr.directives)
		}
		if fr.Notice != "" {
			res.Notices = append(res.Notices, fr.Notice)
		}
		if fr.Checked {
			res.Files++
		}
	})
	sortFindings(res.Findings)
	return res
}

// outline points the findings and directives of doc at doc.Outline, so
// that the parse of each file (its tokens, sentences and lower-cased copy,
// many times the size of its text) is freed as soon as its rules have run,
// not kept until the report is printed: memory then grows with the text of
// the files that have findings, not with every document's parse.
func outline(doc *prose.Document, fs []analysis.Finding, dd *DocDirectives) {
	var offs []int
	in := false // does anything point into doc?
	for i := range fs {
		f := &fs[i]
		if f.Doc == doc {
			offs = append(offs, f.Start)
			in = true
		}
		for j := range f.Related {
			if f.Related[j].Doc == doc {
				offs = append(offs, f.Related[j].Start)
				in = true
			}
		}
	}
	if dd != nil {
		for _, d := range dd.Directives {
			offs = append(offs, d.Span.Start)
		}
		in = true
	}
	if !in {
		return // nothing keeps doc
	}
	o := doc.Outline(offs)
	for i := range fs {
		if fs[i].Doc == doc {
			fs[i].Doc = o
		}
		for j := range fs[i].Related {
			if fs[i].Related[j].Doc == doc {
				fs[i].Related[j].Doc = o
			}
		}
	}
	if dd != nil {
		dd.Doc = o
	}
}

// ruleKey is the path that per-path overrides are matched against: relative
// to the config's directory, slash-separated.
func ruleKey(cfg *config.Config, in Input) string {
	if in.Stdin {
		rel, _ := cfg.Rel(in.Path)
		return rel
	}
	rel, _ := cfg.Rel(in.File)
	return rel
}

// skipQuietly is the notice of a file skipped without a word: a binary file
// found by a directory walk or a glob.
const skipQuietly = "\x00"

// fileKind is the type of an opened input.
type fileKind uint8

const (
	regularFile fileKind = iota
	directory
	namedPipe
	socket
	device
)

func (k fileKind) String() string {
	switch k {
	case regularFile:
		return "a regular file"
	case directory:
		return "a directory"
	case namedPipe:
		return "a named pipe"
	case socket:
		return "a socket"
	}
	return "a device"
}

// read returns the bytes of an input, or a notice when it is skipped on
// purpose, or an error when it cannot be read.
func read(in Input, opt Options) ([]byte, string, error) {
	if in.Stdin {
		if opt.Stdin == nil {
			return nil, "", &InputError{Path: in.Path, Err: errors.New("standard input is not available")}
		}
		r := opt.Stdin
		if opt.MaxFileSize > 0 {
			r = io.LimitReader(r, opt.MaxFileSize+1)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, "", &InputError{Path: in.Path, Err: err}
		}
		if opt.MaxFileSize > 0 && int64(len(data)) > opt.MaxFileSize {
			return nil, fmt.Sprintf("%s: skipped: standard input is larger than --max-file-size (%d bytes)", in.Path, opt.MaxFileSize), nil
		}
		return data, "", nil
	}
	f, err := openInput(in.File)
	if err != nil {
		return nil, "", &InputError{Path: in.Path, Err: describe(err)}
	}
	defer f.Close()
	size, kind, err := f.stat()
	if err != nil {
		return nil, "", &InputError{Path: in.Path, Err: describe(err)}
	}
	switch kind {
	case regularFile:
	case directory:
		return nil, "", &InputError{Path: in.Path, Err: errors.New("is a directory")}
	default:
		// A FIFO never ends until its writer closes it, a device such as
		// /dev/zero never ends at all: attrlint reads regular files.
		if !in.Explicit {
			return nil, fmt.Sprintf("%s: skipped: it is %s, not a regular file", in.Path, kind), nil
		}
		return nil, "", &InputError{Path: in.Path, Err: fmt.Errorf("is %s, not a regular file: attrlint reads drafts from regular files (use - for standard input)", kind)}
	}
	if opt.MaxFileSize > 0 && size > opt.MaxFileSize {
		return nil, fmt.Sprintf("%s: skipped: %d bytes is larger than --max-file-size (%d bytes)", in.Path, size, opt.MaxFileSize), nil
	}
	data, err := readSized(f, size, opt.MaxFileSize)
	if err != nil {
		return nil, "", &InputError{Path: in.Path, Err: describe(err)}
	}
	if opt.MaxFileSize > 0 && int64(len(data)) > opt.MaxFileSize {
		return nil, fmt.Sprintf("%s: skipped: it grew past --max-file-size (%d bytes) while it was read", in.Path, opt.MaxFileSize), nil
	}
	if prose.LooksBinary(data) {
		if in.Explicit && prose.LooksUTF16(data) {
			return nil, "", &InputError{Path: in.Path, Err: errors.New("looks like UTF-16 without a byte-order mark; attrlint reads UTF-16 only with one: save the draft as UTF-8 (or as UTF-16 with a BOM)")}
		}
		if in.Explicit {
			return nil, "", &InputError{Path: in.Path, Err: errors.New("looks like a binary file (it has NUL bytes); attrlint reads text, Markdown and HTML drafts")}
		}
		return nil, skipQuietly, nil // found by a walk or glob
	}
	return data, "", nil
}

// readSized reads f to its end into a buffer sized from size, its size as
// Stat gave it, as os.ReadFile does: one allocation for a file that does
// not grow meanwhile, instead of io.ReadAll's doublings.
//
// With max > 0 it stops after max+1 bytes, so that a file that grows while
// it is read (or lies about its size) costs no more than the limit.
func readSized(f io.Reader, size, max int64) ([]byte, error) {
	data := make([]byte, 0, size+512) // room to see the end without growing
	for {
		if max > 0 && int64(len(data)) > max {
			return data, nil
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // grown since Stat: let append pick the size
		}
	}
}

func describe(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Check lints one document already in memory (an editor buffer, a test
// fixture) with the rules cfg enables for key, a path relative to the
// config's directory, and applies the document's inline directives.
func Check(cfg *config.Config, doc *prose.Document, key string) ([]analysis.Finding, []error) {
	rs := cfg.RulesFor(key)
	findings, errs := Analyze(doc, rs, cfg.Settings)
	res := &Result{Findings: findings}
	if dd := collectDirectives(doc, rs); dd != nil {
		res.Directives = []*DocDirectives{dd}
		ApplyDirectives(cfg, res)
	}
	return res.Findings, errs
}
