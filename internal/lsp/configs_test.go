package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestConfigChangeOnDiskApplies: a config edited outside the editor, with
// no workspace/didChangeWatchedFiles from the client, applies at the next
// lint, and to the other open drafts too.
func TestConfigChangeOnDiskApplies(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".attrlint.yaml")
	writeFile(t, cfgPath, "version: 1\nrules:\n  anonymous-source: off\n")
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	text := "Officials said the budget would grow by 4 percent.\n"
	writeFile(t, a, text)
	writeFile(t, b, text)

	c := startServer(t, Options{Debounce: time.Millisecond})
	c.initialize(pathToURI(dir), nil, nil)
	c.open(pathToURI(a), "markdown", text)
	if got := c.diagnosticsFor(pathToURI(a)); len(got.Diagnostics) != 0 {
		t.Fatalf("with anonymous-source off:\n%s", messageOf(got.Diagnostics))
	}
	c.open(pathToURI(b), "markdown", text)
	if got := c.diagnosticsFor(pathToURI(b)); len(got.Diagnostics) != 0 {
		t.Fatalf("with anonymous-source off:\n%s", messageOf(got.Diagnostics))
	}

	// Another program rewrites the config; the client says nothing. The
	// reporter types in a.md.
	writeFile(t, cfgPath, "version: 1\nrules:\n  anonymous-source: {severity: error}\n")
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": pathToURI(a), "version": 2},
		"contentChanges": []any{map[string]any{"text": text + "\n"}},
	})
	seen := map[string]int{}
	deadline := time.Now().Add(3 * time.Second)
	for len(seen) < 2 {
		m := c.next(time.Until(deadline))
		if m == nil {
			t.Fatalf("diagnostics after the config changed on disk: %v, want both drafts with a finding; log:\n%s", seen, c.log.String())
		}
		var p PublishDiagnosticsParams
		if m.Method != "textDocument/publishDiagnostics" || json.Unmarshal(m.Params, &p) != nil {
			continue
		}
		if len(p.Diagnostics) == 1 && p.Diagnostics[0].Severity == severityError {
			seen[p.URI]++
		}
	}
	c.shutdownAndExit()
}

// TestConfigThatIsNoRegularFile: a .attrlint.yaml that is a symlink to
// /dev/zero, a FIFO or a huge file is refused with a message naming it,
// not read whole (or waited on), and the draft is linted with the
// built-in rules.
func TestConfigThatIsNoRegularFile(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"symlink to /dev/zero", func(t *testing.T, path string) {
			if _, err := os.Stat("/dev/zero"); err != nil {
				t.Skip("no /dev/zero")
			}
			if err := os.Symlink("/dev/zero", path); err != nil {
				t.Skip(err)
			}
		}, "not a regular file (a character device)"},
		{"fifo", func(t *testing.T, path string) { mkfifo(t, path) }, "not a regular file (a named pipe)"},
		{"2 MB", func(t *testing.T, path string) {
			writeFile(t, path, "version: 1\n"+strings.Repeat("#\n", 1<<20))
		}, "a config file is at most"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cfgPath := filepath.Join(dir, ".attrlint.yaml")
			tt.make(t, cfgPath)
			draft := filepath.Join(dir, "d.md")
			c := startServer(t, Options{})
			c.initialize(pathToURI(dir), nil, nil)
			c.open(pathToURI(draft), "markdown", "Officials said the plan would pass.\n")
			cfgDiags := c.diagnosticsFor(pathToURI(cfgPath))
			if len(cfgDiags.Diagnostics) != 1 || !strings.Contains(cfgDiags.Diagnostics[0].Message, tt.want) {
				t.Errorf("config diagnostics:\n%s want one saying %q", messageOf(cfgDiags.Diagnostics), tt.want)
			}
			if got := c.diagnosticsFor(pathToURI(draft)); len(got.Diagnostics) != 1 {
				t.Errorf("the draft under an unreadable config:\n%s want the built-in finding", messageOf(got.Diagnostics))
			}
			c.shutdownAndExit()
		})
	}
}
