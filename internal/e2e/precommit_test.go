package e2e

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// need returns the path of a program the test needs. A missing program
// skips the test, except in CI (CI=true), where it fails it: CI installs
// what the end-to-end tests need (.ci/run).
func need(t *testing.T, prog string) string {
	t.Helper()
	p, err := exec.LookPath(prog)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; CI must install it (see .ci/run)", prog)
		}
		t.Skipf("%s is not installed", prog)
	}
	return p
}

// run runs prog in dir with env added to the test's environment and
// returns its combined output and exit status.
func run(t *testing.T, dir string, env []string, prog string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(prog, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	}
	t.Fatalf("%s %s: %v\n%s", prog, strings.Join(args, " "), err, out)
	return "", 0
}

func mustRun(t *testing.T, dir string, env []string, prog string, args ...string) string {
	t.Helper()
	out, code := run(t, dir, env, prog, args...)
	if code != 0 {
		t.Fatalf("%s %s: exit status %d\n%s", prog, strings.Join(args, " "), code, out)
	}
	return out
}

// gitEnv makes commits work without the user's git config.
var gitEnv = []string{
	"GIT_AUTHOR_NAME=attrlint test", "GIT_AUTHOR_EMAIL=test@example.com",
	"GIT_COMMITTER_NAME=attrlint test", "GIT_COMMITTER_EMAIL=test@example.com",
	"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
}

// snapshot copies the working tree of the repository at root (its files as
// they are now, uncommitted edits and new files included, ignored files
// left out) into a new git repository with one
// commit, and returns its path. pre-commit builds hooks from a commit:
// this makes that commit the code under test rather than the last one.
func snapshot(t *testing.T, git, root string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "attrlint")
	files := mustRun(t, root, nil, git, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	for _, name := range strings.Split(strings.TrimRight(files, "\x00"), "\x00") {
		src := filepath.Join(root, name)
		info, err := os.Lstat(src)
		if err != nil || !info.Mode().IsRegular() {
			continue // deleted in the working tree, or a link
		}
		copyFile(t, src, filepath.Join(dst, name), info.Mode().Perm())
	}
	mustRun(t, dst, gitEnv, git, "init", "-q")
	mustRun(t, dst, gitEnv, git, "add", "-A")
	mustRun(t, dst, gitEnv, git, "commit", "-q", "--no-verify", "-m", "snapshot of the working tree")
	return dst
}

func copyFile(t *testing.T, src, dst string, perm os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPreCommitHook runs the real pre-commit framework on this repository's
// .pre-commit-hooks.yaml, as a newsroom's content repository would: it
// builds attrlint with `go install` (language: golang) and runs it on the
// staged drafts. A commit whose draft credits an unnamed source without a
// reason fails; a clean one passes; a file of another type is not passed.
// With versions: in the content repository's .attrlint.yaml, a draft
// staged alone is compared with its story's earlier versions.
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds attrlint through pre-commit")
	}
	preCommit := need(t, "pre-commit")
	git := need(t, "git")
	goBin := need(t, "go")

	root := strings.TrimSpace(mustRun(t, ".", nil, git, "rev-parse", "--show-toplevel"))
	hooks := snapshot(t, git, root)

	// pre-commit builds in its own GOPATH; share the module and build
	// caches so that the build needs neither the network nor minutes.
	modCache := strings.TrimSpace(mustRun(t, ".", nil, goBin, "env", "GOMODCACHE"))
	goCache := strings.TrimSpace(mustRun(t, ".", nil, goBin, "env", "GOCACHE"))
	env := append([]string{
		"PRE_COMMIT_HOME=" + filepath.Join(t.TempDir(), "pre-commit-home"),
		"GOMODCACHE=" + modCache, "GOCACHE=" + goCache, "GOFLAGS=-modcacherw", "GOTOOLCHAIN=local",
		"PRE_COMMIT_COLOR=never", "NO_COLOR=1",
	}, gitEnv...)

	desk := filepath.Join(t.TempDir(), "desk")
	mustRun(t, t.TempDir(), env, git, "init", "-q", desk)
	write(t, filepath.Join(desk, "drafts/harbour.md"), "# Harbour sale\n\n"+
		"The council voted on Tuesday to sell the old ferry terminal.\n\n"+
		"Officials said the buyer was a shipping firm from Rotterdam.\n")
	write(t, filepath.Join(desk, "drafts/library.md"), "# Library hours\n\n"+
		"The central library will open on Sundays from March, the city's culture director, Marta Silva, said on Monday.\n")
	write(t, filepath.Join(desk, "notes/budget.txt"), "Budget figures are due on Friday, the finance office said.\n")
	write(t, filepath.Join(desk, "tools/publish.py"), "# Sources said nothing.\nprint('officials said')\n")

	// A commit of the draft with an anonymous source fails.
	mustRun(t, desk, env, git, "add", "drafts/harbour.md", "tools/publish.py")
	out, code := run(t, desk, env, preCommit, "try-repo", hooks, "attrlint", "--verbose")
	if code != 1 || !strings.Contains(out, "drafts/harbour.md:5:1: warning: anonymous source") || !strings.Contains(out, "Failed") {
		t.Fatalf("pre-commit on a draft with an anonymous source: exit %d, want 1 with the finding\n%s", code, out)
	}
	if strings.Contains(out, "publish.py") {
		t.Errorf("a Python file was passed to attrlint:\n%s", out)
	}

	// A commit of clean drafts passes.
	mustRun(t, desk, env, git, "reset", "-q")
	mustRun(t, desk, env, git, "add", "drafts/library.md", "notes/budget.txt")
	out, code = run(t, desk, env, preCommit, "try-repo", hooks, "attrlint", "--verbose")
	if code != 0 || !strings.Contains(out, "Passed") || !bytes.Contains([]byte(out), []byte("2 files checked")) {
		t.Fatalf("pre-commit on clean drafts: exit %d, want 0 with both drafts checked\n%s", code, out)
	}

	// With versions: set, a draft staged alone is compared with the
	// earlier versions of its story in the repository: the quotation
	// changed since port.v1.md stops the commit of port.v2.md.
	series := filepath.Join(t.TempDir(), "series")
	mustRun(t, t.TempDir(), env, git, "init", "-q", series)
	write(t, filepath.Join(series, ".attrlint.yaml"), "version: 1\nversions:\n"+
		"  - match: '^drafts/(?P<story>.+)\\.v(?P<version>\\d+)\\.md$'\n")
	port := "# Harbor strike\n\n" +
		"Dockworkers extended their strike, leaving 42 cargo ships waiting at anchor.\n\n" +
		"“We will stay out until the port pays what it owes,” said Marta Lund, the union’s leader.\n"
	write(t, filepath.Join(series, "drafts/port.v1.md"), port)
	mustRun(t, series, env, git, "add", ".attrlint.yaml", "drafts/port.v1.md")
	mustRun(t, series, env, git, "commit", "-q", "--no-verify", "-m", "first version")
	write(t, filepath.Join(series, "drafts/port.v2.md"), strings.Replace(port, "what it owes", "what it promised", 1))
	mustRun(t, series, env, git, "add", "drafts/port.v2.md")
	out, code = run(t, series, env, preCommit, "try-repo", hooks, "attrlint", "--verbose")
	if code != 1 || !strings.Contains(out, "Failed") ||
		!strings.Contains(out, `drafts/port.v2.md:5:47: error: quotation changed: "owes" in the earlier version is now "promised"`) ||
		!strings.Contains(out, "[quote-changed]") || !strings.Contains(out, "related: drafts/port.v1.md:5:47") ||
		!strings.Contains(out, "1 file checked: 1 error") {
		t.Fatalf("pre-commit on port.v2.md staged alone: exit %d, want 1 with the quote-changed error against port.v1.md\n%s", code, out)
	}
}
