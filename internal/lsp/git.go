package lsp

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/attrlint/attrlint/prose"
)

// gitVersions finds each draft's content at a git revision, for the
// cross-version rules: a reporter sees that a figure changed since the last
// commit. Each older version is parsed once per commit and written to a
// private directory, so that related locations open in the editor.
type gitVersions struct {
	rev string
	dir string // where older versions are written

	mu     sync.Mutex
	byPath map[string]*oldVersion // nil value: nothing to compare with
}

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
	dir, err := os.MkdirTemp("", "attrlint-lsp-")
	if err != nil {
		return nil, fmt.Errorf("against %q: %w", rev, err)
	}
	return &gitVersions{rev: rev, dir: dir, byPath: map[string]*oldVersion{}}, nil
}

// cleanup removes the older versions written for the editor.
func (g *gitVersions) cleanup() { os.RemoveAll(g.dir) }

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
