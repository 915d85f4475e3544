package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// An Input is one draft to lint.
type Input struct {
	// Path is the path shown to the user: as given on the command line,
	// joined with the path found under a directory, or the stdin name.
	Path string
	// File is the path to read; empty for standard input.
	File string
	// Explicit is true when the user named the file itself (not found by
	// walking a directory or expanding a glob): a binary file is then an
	// error rather than something to skip.
	Explicit bool
	// Stdin marks standard input.
	Stdin bool
	// Walked is true when the file was found by walking a directory given
	// as an argument, rather than named or matched by a glob.
	Walked bool
}

// InputError is a draft that could not be read or a path that names
// nothing. The other inputs are still linted; the run exits 2.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *InputError) Unwrap() error { return e.Err }

// Filter decides which files a directory walk or glob keeps.
type Filter struct {
	// Dir is the directory patterns are relative to (the config file's).
	Dir string
	// Include and Exclude are doublestar patterns, slash-separated.
	Include, Exclude []string
	// ForceExclude applies Exclude to files named on the command line (and
	// to standard input's --stdin-filename) too; without it they are
	// linted whatever Exclude says.
	ForceExclude bool
	// NoIgnore turns off .gitignore: without it, files a walk or a glob
	// finds that git ignores are left out.
	NoIgnore bool
}

// rel returns path relative to the filter's directory, slash-separated, or
// the path relative to root when it lies outside that directory.
func (f Filter) rel(path, root string) string {
	if f.Dir != "" {
		if abs, err := filepath.Abs(path); err == nil {
			if r, err := filepath.Rel(f.Dir, abs); err == nil && !strings.HasPrefix(r, "..") {
				return filepath.ToSlash(r)
			}
		}
	}
	if r, err := filepath.Rel(root, path); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

func matchAny(patterns []string, rel string) bool {
	for _, p := range patterns {
		if ok, _ := doublestar.Match(p, rel); ok {
			return true
		}
		// A pattern without a slash also matches the base name, as in
		// .gitignore: "*.md" means every Markdown file.
		if !strings.Contains(p, "/") {
			if ok, _ := doublestar.Match(p, filepath.Base(rel)); ok {
				return true
			}
		}
	}
	return false
}

func (f Filter) excluded(rel string) bool { return matchAny(f.Exclude, rel) }

func (f Filter) included(rel string) bool {
	return len(f.Include) == 0 || matchAny(f.Include, rel)
}

// Discover expands the command-line arguments into inputs: "-" is standard
// input (named stdinName when given), a file is itself, a directory is every
// file under it that the filter includes and does not exclude, and a
// doublestar glob is every file it matches that the filter does not exclude.
// Hidden directories (".git") are not walked. Inputs are returned sorted and
// without duplicates; paths that name nothing are returned as errors.
//
// The same file is one input however it is spelled ("./a.md", "a.md",
// an absolute path). A named file (or standard input's name) that
// files.exclude matches is linted unless f.ForceExclude is set; then it is
// left out with a notice, as is a walked or globbed file git ignores
// (unless f.NoIgnore).
func Discover(args []string, f Filter, stdinName string) ([]Input, []error, []string) {
	var inputs []Input
	var errs []error
	var notices []string
	seen := map[string]bool{}
	add := func(in Input) {
		key := in.File
		if in.Stdin {
			key = "\x00stdin"
		} else if abs, err := filepath.Abs(in.File); err == nil {
			key = abs
		}
		if seen[key] {
			return
		}
		seen[key] = true
		inputs = append(inputs, in)
	}
	forced := func(path string) bool {
		if f.ForceExclude && f.excluded(f.rel(path, ".")) {
			notices = append(notices, fmt.Sprintf("%s: ignored: files.exclude matches it and --force-exclude is set", path))
			return true
		}
		return false
	}
	var found []Input // walked and globbed files, for .gitignore
	for _, arg := range args {
		if arg == "-" {
			name := stdinName
			if name == "" {
				name = "<stdin>"
			} else if forced(name) {
				continue
			}
			add(Input{Path: name, Stdin: true, Explicit: true})
			continue
		}
		info, err := os.Stat(arg)
		switch {
		case err == nil && info.IsDir():
			walked, werrs := walk(arg, f)
			errs = append(errs, werrs...)
			found = append(found, walked...)
		case err == nil:
			if !forced(arg) {
				add(Input{Path: filepath.Clean(arg), File: arg, Explicit: true})
			}
		case hasMeta(arg):
			// Links to directories are not followed, as in a directory
			// walk: a link loop would otherwise fail the whole pattern.
			matches, gerr := doublestar.FilepathGlob(arg, doublestar.WithFilesOnly(), doublestar.WithNoFollow(), doublestar.WithFailOnIOErrors())
			if gerr != nil {
				errs = append(errs, &InputError{Path: arg, Err: fmt.Errorf("cannot expand the pattern: %w", gerr)})
				continue
			}
			if len(matches) == 0 {
				errs = append(errs, &InputError{Path: arg, Err: errors.New("the pattern matches no file")})
				continue
			}
			for _, m := range matches {
				if info, err := os.Stat(m); err == nil && info.IsDir() {
					continue // a link to a directory, not followed
				}
				if !f.excluded(f.rel(m, ".")) {
					found = append(found, Input{Path: m, File: m})
				}
			}
		default:
			if errors.Is(err, fs.ErrNotExist) {
				err = errors.New("no such file or directory")
			}
			errs = append(errs, &InputError{Path: arg, Err: err})
		}
	}
	if !f.NoIgnore {
		found = gitIgnored(found)
	}
	for _, in := range found {
		add(in)
	}
	sort.SliceStable(inputs, func(i, j int) bool { return inputs[i].Path < inputs[j].Path })
	return inputs, errs, notices
}

func hasMeta(s string) bool { return strings.ContainsAny(s, "*?[{") }

// walk lists the files under root that the filter keeps. Symbolic links to
// directories are not followed, so a link loop cannot trap the walk.
func walk(root string, f Filter) ([]Input, []error) {
	var out []Input
	var errs []error
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &InputError{Path: path, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := f.rel(path, root)
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			if path != root && f.excluded(rel) {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a file is linted; a link to a directory is not
			// followed.
			if info, err := os.Stat(path); err != nil || info.IsDir() {
				return nil
			}
		}
		if f.included(rel) && !f.excluded(rel) {
			out = append(out, Input{Path: filepath.Clean(path), File: path, Walked: true})
		}
		return nil
	})
	if err != nil {
		errs = append(errs, &InputError{Path: root, Err: err})
	}
	return out, errs
}
