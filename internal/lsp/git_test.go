package lsp

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestAgainstHEADShowsFiguresChangedSinceTheLastCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Desk", "GIT_AUTHOR_EMAIL=desk@example.com", "GIT_COMMITTER_NAME=Desk", "GIT_COMMITTER_EMAIL=desk@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	committed := "# Flood response\n\nRescue crews evacuated 1,200 residents from the river district on Sunday.\n"
	draft := filepath.Join(dir, "drafts", "flood.md")
	writeFile(t, draft, committed)
	run("init", "-q")
	run("add", ".")
	run("commit", "-q", "-m", "first version")

	c := startServer(t, Options{})
	c.initialize(pathToURI(dir), nil, map[string]any{"against": "HEAD"})
	// The edit is in the editor only: the file on disk is still the
	// committed version.
	edited := "# Flood response\n\nRescue crews 🚒 evacuated 1,500 residents from the river district on Sunday.\n"
	uri := pathToURI(draft)
	c.open(uri, "markdown", edited)
	got := c.diagnosticsFor(uri)
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "figure-changed" {
		t.Fatalf("diagnostics:\n%s want one figure-changed", messageOf(got.Diagnostics))
	}
	d := got.Diagnostics[0]
	at := strings.Index(edited, "1,500")
	if want := wantPosition(edited, at, UTF16); d.Range.Start != want {
		t.Errorf("figure-changed at %+v, want %+v", d.Range.Start, want)
	}
	if len(d.RelatedInformation) != 1 {
		t.Fatalf("relatedInformation %+v, want the committed figure", d.RelatedInformation)
	}
	// The committed version exists only in git: the related location is
	// the finding itself, and the message says where the old figure was.
	rel := d.RelatedInformation[0]
	if rel.Location.URI != uri || rel.Location.Range != d.Range {
		t.Errorf("related location %+v, want the finding's own %s %+v", rel.Location, uri, d.Range)
	}
	if !strings.Contains(rel.Message, "1,200") || !strings.Contains(rel.Message, "(HEAD:drafts/flood.md, line 3)") {
		t.Errorf("related message %q, want the committed figure and HEAD:drafts/flood.md, line 3", rel.Message)
	}

	// Without the option, nothing is compared.
	c2 := startServer(t, Options{})
	c2.initialize(pathToURI(dir), nil, nil)
	c2.open(uri, "markdown", edited)
	if got := c2.diagnosticsFor(uri); len(got.Diagnostics) != 0 {
		t.Errorf("without against: %s", messageOf(got.Diagnostics))
	}
	c.shutdownAndExit()
	c2.shutdownAndExit()
	// Nothing was written to the temporary directory, so nothing can be
	// left there when the server is killed.
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
		t.Errorf("the server wrote %v to $TMPDIR", left)
	}
}
