package lsp

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/attrlint/attrlint/prose"
)

// gitVersions finds each draft's content at a git revision, for the
// cross-version rules: a reporter sees that a figure changed since the last
// commit. Each older version is parsed once per commit and written to a
// private directory, so that related locations open in the editor.
//
// The copies are real files because a related location must be one the
// editor can open: every LSP client opens file URIs, while a git URI
// ("git:", "fugitive://") opens only in the editor whose extension defines
// it. They are removed on every exit the server sees: exit, the end of its
// input, SIGTERM, SIGINT and SIGHUP (StopOnSignals). A server that cannot
// clean up (SIGKILL, a crash) holds a lock on its directory while it runs;
// the next server started with against removes the directories whose
// lock is free.
type gitVersions struct {
	rev  string
	dir  string    // where older versions are written
	lock io.Closer // held while the server runs; nil where locks are not supported

	mu     sync.Mutex
	closed bool                   // cleaned up: nothing more is written
	byPath map[string]*oldVersion // nil value: nothing to compare with
}

// tempPrefix begins the name of each server's directory of older versions.
const tempPrefix = "attrlint-lsp-"

// oldVersion is a draft's content at the revision.
type oldVersion struct {
	doc *prose.Document
	uri string
	idx *lineIndex
}

func newGitVersions(rev string) (*gitVersions, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("against %q: a revision cannot start with '-'", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("against %q: git is not installed", rev)
	}
	sweep(os.TempDir(), time.Minute)
	dir, err := os.MkdirTemp("", tempPrefix)
	if err != nil {
		return nil, fmt.Errorf("against %q: %w", rev, err)
	}
	return &gitVersions{rev: rev, dir: dir, lock: lockDir(dir), byPath: map[string]*oldVersion{}}, nil
}

// cleanup removes the older versions written for the editor; nothing is
// written after it.
func (g *gitVersions) cleanup() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
	os.RemoveAll(g.dir)
	if g.lock != nil {
		g.lock.Close()
	}
}

// sweep removes the directories of older versions that servers which
// could not clean up (killed, crashed) left in tmp: those whose lock no
// running server holds. A directory younger than minAge may be one a
// server has just made and not locked yet; one without a lock file was
// left by a server that wrote none (an earlier attrlint) and goes once it
// is older than a day.
func sweep(tmp string, minAge time.Duration) {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < minAge {
			continue
		}
		dir := filepath.Join(tmp, e.Name())
		switch free, ok := lockFree(dir); {
		case ok && free:
			os.RemoveAll(dir)
		case !ok && now.Sub(info.ModTime()) > 24*time.Hour:
			os.RemoveAll(dir)
		}
	}
}

// forget drops what is known of path's older version: after a save (a
// commit may follow) or when the draft is opened again.
func (g *gitVersions) forget(path string) {
	g.mu.Lock()
	delete(g.byPath, path)
	g.mu.Unlock()
}

// version returns path's content at the revision, or nil when the file is
// not in a git repository or did not exist there.
func (g *gitVersions) version(path string) *oldVersion {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil
	}
	if v, ok := g.byPath[path]; ok {
		return v
	}
	v := g.load(path)
	g.byPath[path] = v
	return v
}

func (g *gitVersions) load(path string) *oldVersion {
	dir, base := filepath.Split(path)
	commit, err := git(dir, "rev-parse", "--verify", "--quiet", g.rev+"^{commit}")
	if err != nil {
		return nil // not a repository, or no such revision yet
	}
	commit = strings.TrimSpace(commit)
	data, err := git(dir, "show", commit+":./"+base)
	if err != nil {
		return nil // new since the revision
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	rel := base
	if err == nil {
		if r, err := filepath.Rel(strings.TrimSpace(top), path); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	file := filepath.Join(g.dir, commit[:min(12, len(commit))], rel)
	if _, err := os.Stat(file); err != nil {
		if os.MkdirAll(filepath.Dir(file), 0o755) != nil || os.WriteFile(file, []byte(data), 0o444) != nil {
			file = path // point at the draft itself rather than nowhere
		}
	}
	doc := prose.Parse(g.rev+":"+filepath.ToSlash(rel), []byte(data))
	return &oldVersion{doc: doc, uri: pathToURI(file), idx: newLineIndex(string(doc.Text))}
}

func git(dir string, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
