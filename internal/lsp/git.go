package lsp

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/attrlint/attrlint/prose"
)

// gitVersions finds each draft's content at a git revision, for the
// cross-version rules: a reporter sees that a figure changed since the last
// commit. Each older version is parsed once per commit and kept in memory
// only: nothing is written to disk, so nothing is left behind however the
// server ends (an editor that is killed sends no shutdown).
type gitVersions struct {
	rev string

	mu     sync.Mutex
	byPath map[string]*oldVersion // nil value: nothing to compare with
}

// oldVersion is a draft's content at the revision.
type oldVersion struct {
	doc *prose.Document
	// name says where it comes from, as REV:path/in/repo.
	name string
	idx  *lineIndex
}

func newGitVersions(rev string) (*gitVersions, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("against %q: a revision cannot start with '-'", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("against %q: git is not installed", rev)
	}
	return &gitVersions{rev: rev, byPath: map[string]*oldVersion{}}, nil
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
	name := g.rev + ":" + filepath.ToSlash(rel)
	doc := prose.Parse(name, []byte(data))
	return &oldVersion{doc: doc, name: name, idx: newLineIndex(string(doc.Text))}
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
