package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

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

// againstSeries pairs each input with its content at the git revision rev:
// the old version is `git show REV:path`, fetched when the series is run;
// the new one the file as it is. A file that does not exist at rev has
// nothing to compare and is left out.
func againstSeries(rev string, inputs []lint.Input) [][]lint.VersionInput {
	var out [][]lint.VersionInput
	for _, in := range inputs {
		if in.Stdin {
			continue
		}
		fetch := func() ([]byte, bool, error) {
			data, found, err := gitShow(rev, in.File)
			if err != nil {
				return nil, false, fmt.Errorf("--against %s: %s: %w", rev, in.Path, err)
			}
			return data, found, nil
		}
		old := lint.VersionInput{Input: lint.Input{Path: rev + ":" + filepath.ToSlash(in.Path)}, Fetch: fetch}
		out = append(out, []lint.VersionInput{old, {Input: in}})
	}
	return out
}

// gitShow returns the content of file at revision rev of the repository
// that holds it. found is false when the file did not exist at rev.
func gitShow(rev, file string) (data []byte, found bool, err error) {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	if strings.HasPrefix(rev, "-") {
		return nil, false, fmt.Errorf("a revision cannot start with '-'")
	}
	// Does rev exist at all? An unknown revision is the user's mistake,
	// not a new file.
	check := exec.Command("git", "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	check.Dir = dir
	if out, err := check.CombinedOutput(); err != nil {
		msg := strings.TrimSpace(string(out))
		if msg == "" {
			msg = "unknown revision, or not in a git repository"
		}
		return nil, false, fmt.Errorf("%s: name a commit, branch or tag of the repository that holds the file", msg)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("git", "show", rev+":./"+base)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := stderr.String()
		if strings.Contains(msg, "does not exist") || strings.Contains(msg, "exists on disk, but not in") {
			return nil, false, nil
		}
		return nil, false, fmt.Errorf("git show: %s", strings.TrimSpace(msg))
	}
	return stdout.Bytes(), true, nil
}
