package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"

	"github.com/attrlint/attrlint/internal/lint"
)

// runCompare runs the cross-version rules over an explicit series of
// versions of one article, oldest first.
func runCompare(e *env, args []string) int {
	var f checkFlags
	fs := newFlagSet("compare", e.stderr, "attrlint compare [flags] OLD NEW [NEWER ...]")
	f.register(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if len(paths) < 2 {
		fmt.Fprintf(e.stderr, "attrlint compare: give at least two versions of one article, oldest first: attrlint compare OLD NEW [NEWER ...]\n")
		return exitError
	}
	s, code := resolve(e, &f)
	if s == nil {
		return code
	}
	var series []lint.VersionInput
	for _, p := range paths {
		if p == "-" {
			fmt.Fprintf(e.stderr, "attrlint compare: versions are read from files; standard input (\"-\") is not one\n")
			return exitError
		}
		series = append(series, lint.VersionInput{Input: lint.Input{Path: p, File: absPath(e, p), Explicit: true}})
	}
	res := lint.CompareSeries(s.cfg, [][]lint.VersionInput{series}, lint.Options{MaxFileSize: s.maxFileSize})
	out, err := newOutput(e, s, nil)
	if err != nil {
		fmt.Fprintf(e.stderr, "attrlint: %v\n", err)
		return exitError
	}
	out.findings(res.Findings)
	out.files = res.Files
	out.notices = res.Notices
	out.errs = res.Errors
	return out.finish()
}

func absPath(e *env, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.workDir, p)
}
