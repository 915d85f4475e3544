package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/internal/report"
)

// againstSeries pairs each input with its content at the git revision rev:
// the old version is the blob REV:path, fetched when the series is run;
// the new one the file as it is. A file that does not exist at rev has
// nothing to compare and is left out; one larger than maxSize is skipped
// with a notice, as a large input is.
//
// The old version is shown as REV:path, path relative to the root of the
// repository that holds the file, as git names blobs from anywhere in
// the repository (not relative to the working directory: "HEAD:../x.md"
// names nothing). revisions describes each such document for the formats
// that point at a file by URI (sarif), keyed by that name.
//
// rev is resolved once per repository directory; an unknown revision, or
// a file outside any repository, is one error per distinct problem, not
// one per file.
func againstSeries(rev string, inputs []lint.Input, maxSize int64) (series [][]lint.VersionInput, revisions map[string]report.Revision, errs []error) {
	revisions = map[string]report.Revision{}
	dirs := map[string]*gitRev{} // the revision resolved in each directory's repository
	reported := map[string]bool{}
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
		if g.err != nil {
			if msg := g.err.Error(); !reported[msg] {
				reported[msg] = true
				errs = append(errs, g.err)
			}
			continue
		}
		repoPath := g.prefix + base
		name := rev + ":" + repoPath
		revisions[name] = report.Revision{Rev: rev, Commit: g.commit, Path: repoPath}
		fetch := func() ([]byte, bool, error) {
			data, found, err := gitBlob(g, dir, repoPath, maxSize)
			if err != nil {
				var sk *lint.Skipped
				if errors.As(err, &sk) {
					sk.Notice = fmt.Sprintf("%s: %s; %s is not compared with it", name, sk.Notice, in.Path)
					return nil, false, sk
				}
				return nil, false, fmt.Errorf("--against %s: %s: %w", rev, in.Path, err)
			}
			return data, found, nil
		}
		old := lint.VersionInput{Input: lint.Input{Path: name}, Fetch: fetch}
		series = append(series, []lint.VersionInput{old, {Input: in}})
	}
	return series, revisions, errs
}

// gitRev is a revision resolved in the repository of one directory.
type gitRev struct {
	commit string // the commit's full hash
	prefix string // the directory's path in the repository, with a trailing slash ("" at the root)
	err    error
}

// git runs git in dir with an environment that makes its behaviour depend
// on dir alone: no GIT_DIR, GIT_WORK_TREE or GIT_INDEX_FILE inherited from
// a hook (git exports them in linked worktrees, and with GIT_DIR set the
// working directory becomes the top of the work tree, so a file in a
// subdirectory would be compared with another file), and the C locale, so
// that nothing depends on the wording of its messages. Only exit codes and
// plumbing output are read.
func git(dir string, stdout *bytes.Buffer, args ...string) error {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = lint.GitEnv()
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	if err := cmd.Run(); err != nil {
		return &gitError{err: err, stderr: strings.TrimSpace(stderr.String())}
	}
	return nil
}

type gitError struct {
	err    error
	stderr string
}

func (e *gitError) Unwrap() error { return e.err }

func (e *gitError) Error() string {
	if e.stderr != "" {
		return e.stderr
	}
	return e.err.Error()
}

// resolveRev resolves rev to a commit in the repository that holds dir.
// An unknown revision is the user's mistake, not a new file, and the
// advice fits where the user is: outside a repository, or inside one.
func resolveRev(rev, dir string) *gitRev {
	if strings.HasPrefix(rev, "-") {
		return &gitRev{err: fmt.Errorf("--against %s: a revision cannot start with '-'", rev)}
	}
	var out bytes.Buffer
	if err := git(dir, &out, "rev-parse", "--show-prefix"); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return &gitRev{err: fmt.Errorf("--against %s: git is not installed or not on PATH", rev)}
		}
		abs, _ := filepath.Abs(dir)
		return &gitRev{err: fmt.Errorf("--against %s: %s is not in a git repository; --against compares drafts with their committed versions, so run it inside the repository that holds them", rev, abs)}
	}
	prefix := strings.TrimRight(out.String(), "\n")
	out.Reset()
	// --end-of-options keeps a revision that looks like an option a
	// revision; the commit is peeled from the object in a second call, so
	// that ":/message" (a search of commit messages) is not read with
	// "^{commit}" as part of its text.
	if err := git(dir, &out, "rev-parse", "--verify", "--quiet", "--end-of-options", rev); err != nil {
		return &gitRev{err: fmt.Errorf("--against %s: unknown revision in the repository at %s; name a commit, branch or tag (git log --oneline lists them)", rev, repoTop(dir))}
	}
	obj := strings.TrimSpace(out.String())
	out.Reset()
	if err := git(dir, &out, "rev-parse", "--verify", "--quiet", obj+"^{commit}"); err != nil {
		return &gitRev{err: fmt.Errorf("--against %s: the revision names no commit; name a commit, branch or tag", rev)}
	}
	return &gitRev{prefix: prefix, commit: strings.TrimSpace(out.String())}
}

// repoTop returns the top of the work tree that holds dir, for messages.
func repoTop(dir string) string {
	var out bytes.Buffer
	if git(dir, &out, "rev-parse", "--show-toplevel") != nil {
		return dir
	}
	return strings.TrimSpace(out.String())
}

// gitBlob returns the content of repoPath at the resolved revision g,
// reading it only when it is a blob of at most maxSize bytes. found is
// false when the path did not exist there (or was not a file).
func gitBlob(g *gitRev, dir, repoPath string, maxSize int64) (data []byte, found bool, err error) {
	object := g.commit + ":" + repoPath
	var out bytes.Buffer
	if git(dir, &out, "cat-file", "-t", object) != nil {
		return nil, false, nil // not in that commit: a new file
	}
	if strings.TrimSpace(out.String()) != "blob" {
		return nil, false, nil
	}
	out.Reset()
	if err := git(dir, &out, "cat-file", "-s", object); err != nil {
		return nil, false, fmt.Errorf("git cat-file -s: %w", err)
	}
	size, err := strconv.ParseInt(strings.TrimSpace(out.String()), 10, 64)
	if err != nil {
		return nil, false, fmt.Errorf("git cat-file -s: %q is not a size", out.String())
	}
	if maxSize > 0 && size > maxSize {
		return nil, false, &lint.Skipped{Notice: fmt.Sprintf("skipped: %d bytes is larger than --max-file-size (%d bytes)", size, maxSize)}
	}
	out.Reset()
	out.Grow(int(size))
	if err := git(dir, &out, "cat-file", "blob", object); err != nil {
		return nil, false, fmt.Errorf("git cat-file blob: %w", err)
	}
	return out.Bytes(), true, nil
}
