//go:build unix

package lsp

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// againstSession starts a server comparing with HEAD of a new repository,
// opens an edited draft and returns the file the related location of its
// figure-changed diagnostic points at: the committed version, written for
// the editor.
func againstSession(t *testing.T, opt Options) (*testClient, string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Desk", "GIT_AUTHOR_EMAIL=desk@example.com", "GIT_COMMITTER_NAME=Desk", "GIT_COMMITTER_EMAIL=desk@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	draft := filepath.Join(dir, "drafts", "flood.md")
	writeFile(t, draft, "# Flood\n\nRescue crews evacuated 1,200 residents from the river district on Sunday.\n")
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "first version")

	c := startServer(t, opt)
	c.initialize(pathToURI(dir), nil, map[string]any{"against": "HEAD"})
	uri := pathToURI(draft)
	c.open(uri, "markdown", "# Flood\n\nRescue crews evacuated 1,500 residents from the river district on Sunday.\n")
	got := c.diagnosticsFor(uri)
	if len(got.Diagnostics) != 1 || len(got.Diagnostics[0].RelatedInformation) != 1 {
		t.Fatalf("diagnostics:\n%s want one figure-changed with a related location", messageOf(got.Diagnostics))
	}
	old, err := uriToPath(got.Diagnostics[0].RelatedInformation[0].Location.URI)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); err != nil {
		t.Fatalf("the related location is no file the editor can open: %v", err)
	}
	if !strings.HasPrefix(old, os.TempDir()) || strings.HasPrefix(old, dir) {
		t.Fatalf("the older version is written to %s, want the server's own directory under %s", old, os.TempDir())
	}
	return c, old
}

// A SIGTERM (an editor quitting, a supervisor stopping the server) removes
// the copies of earlier versions written for the editor, as exit does:
// before, the signal's default action ended the process and left them in
// $TMPDIR.
func TestSIGTERMRemovesTheOlderVersions(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	stop, release := StopOnSignals()
	defer release()
	c, old := againstSession(t, Options{Stop: stop})

	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-c.done:
		if !errors.Is(err, ErrStopped) {
			t.Errorf("Serve after SIGTERM = %v, want ErrStopped", err)
		}
		c.done <- err
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop on SIGTERM")
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("the older version %s is left behind after SIGTERM (%v)", old, err)
	}
	if left, _ := filepath.Glob(filepath.Join(os.TempDir(), tempPrefix+"*")); len(left) != 0 {
		t.Errorf("left in $TMPDIR: %v", left)
	}
}

// A server killed without a chance to clean up (SIGKILL) leaves its
// directory; the next server with against removes it, since no process
// holds its lock any more, and leaves alone the directory of a server that
// still runs.
func TestAStartingServerSweepsWhatKilledServersLeft(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old := time.Now().Add(-time.Hour)
	mk := func(name string, lock bool, mtime time.Time) string {
		dir := filepath.Join(tmp, name)
		writeFile(t, filepath.Join(dir, "0123456789ab", "drafts", "flood.md"), "an embargoed draft\n")
		if lock {
			writeFile(t, filepath.Join(dir, lockName), "")
		}
		if err := os.Chtimes(dir, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	killed := mk(tempPrefix+"killed", true, old)
	running := mk(tempPrefix+"running", false, old)
	held := lockDir(running) // a live server's lock, as another process would hold it
	if held == nil {
		t.Fatal("cannot lock")
	}
	defer held.Close()
	if err := os.Chtimes(running, old, old); err != nil {
		t.Fatal(err)
	}
	young := mk(tempPrefix+"young", true, time.Now())
	ancient := mk(tempPrefix+"ancient", false, time.Now().Add(-48*time.Hour))
	recent := mk(tempPrefix+"recent", false, old)
	other := mk("someone-else", true, old)

	g, err := newGitVersions("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	defer g.cleanup()
	for dir, want := range map[string]bool{killed: false, ancient: false, running: true, young: true, recent: true, other: true, g.dir: true} {
		_, err := os.Stat(dir)
		if got := err == nil; got != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(dir), got, want)
		}
	}
}
