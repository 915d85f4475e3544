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
	"github.com/attrlint/attrlint/internal/report"
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
//
// The old version is shown as REV:path, path relative to the root of the
// repository that holds the file, as `git show` takes it from anywhere in
// the repository (not relative to the working directory: "HEAD:../x.md"
// names nothing). revisions describes each such document for the formats
// that point at a file by URI (sarif), keyed by that name.
func againstSeries(rev string, inputs []lint.Input) (series [][]lint.VersionInput, revisions map[string]report.Revision) {
	revisions = map[string]report.Revision{}
	dirs := map[string]*gitRev{} // the revision resolved in each directory's repository
	for _, in := range inputs {
		if in.Stdin {
			continue
		}
		dir, base := filepath.Split(in.File)
		if dir == "" {
			dir = "."
		}
		g := dirs[dir]
		if g == nil {
			g = resolveRev(rev, dir)
			dirs[dir] = g
		}
		name := rev + ":" + filepath.ToSlash(in.Path)
		if g.err == nil {
			repoPath := g.prefix + base
			name = rev + ":" + repoPath
			revisions[name] = report.Revision{Rev: rev, Commit: g.commit, Path: repoPath}
		}
		fetch := func() ([]byte, bool, error) {
			data, found, err := gitShow(g, dir, base)
			if err != nil {
				return nil, false, fmt.Errorf("--against %s: %s: %w", rev, in.Path, err)
			}
			return data, found, nil
		}
		old := lint.VersionInput{Input: lint.Input{Path: name}, Fetch: fetch}
		series = append(series, []lint.VersionInput{old, {Input: in}})
	}
	return series, revisions
}

// gitRev is a revision resolved in the repository of one directory.
type gitRev struct {
	commit string // the commit's full hash
	prefix string // the directory's path in the repository, with a trailing slash ("" at the root)
	err    error
}

// resolveRev resolves rev to a commit in the repository that holds dir.
// An unknown revision is the user's mistake, not a new file.
func resolveRev(rev, dir string) *gitRev {
	if strings.HasPrefix(rev, "-") {
		return &gitRev{err: errors.New("a revision cannot start with '-'")}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("git", "rev-parse", "--show-prefix", "--verify", "--quiet", rev+"^{commit}")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	lines := []string{}
	err := cmd.Run()
	if err == nil {
		lines = strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n")
	}
	if err != nil || len(lines) != 2 {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = "unknown revision, or not in a git repository"
		}
		return &gitRev{err: fmt.Errorf("%s: name a commit, branch or tag of the repository that holds the file", msg)}
	}
	return &gitRev{prefix: lines[0], commit: lines[1]}
}

// gitShow returns the content of dir/base at the resolved revision g.
// found is false when the file did not exist there.
func gitShow(g *gitRev, dir, base string) (data []byte, found bool, err error) {
	if g.err != nil {
		return nil, false, g.err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("git", "show", g.commit+":./"+base)
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
