package lsp

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/all"
)

// nvimResult is what testdata/nvim/client.lua writes.
type nvimResult struct {
	Errors         []string                  `json:"errors"`
	Opened         bool                      `json:"opened"`
	OffsetEncoding string                    `json:"offset_encoding"`
	First          *PublishDiagnosticsParams `json:"first"`
	FirstPlaced    []nvimDiagnostic          `json:"first_placed"`
	Hover          string                    `json:"hover"`
	Edited         bool                      `json:"edited"`
	Second         *PublishDiagnosticsParams `json:"second"`
	SecondPlaced   []nvimDiagnostic          `json:"second_placed"`
	EditedText     string                    `json:"edited_text"`
}

// nvimDiagnostic is a diagnostic as Neovim placed it in the buffer:
// 0-based lines and byte columns, converted by Neovim from the LSP range.
type nvimDiagnostic struct {
	Lnum    int    `json:"lnum"`
	Col     int    `json:"col"`
	EndLnum int    `json:"end_lnum"`
	EndCol  int    `json:"end_col"`
	Message string `json:"message"`
}

// TestNeovim runs the real Neovim, headless, with its built-in LSP client
// against `attrlint lsp` on a draft, and checks that the diagnostics it
// shows sit exactly where attrlint's own findings are, before and after an
// edit typed in the buffer. It runs in CI (CI=true), where Neovim must be
// installed, and elsewhere when nvim is on the PATH.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nvim is not installed; .ci/run installs the Debian package neovim")
		}
		t.Skip("nvim is not installed (apt-get install neovim); CI runs this test")
	}
	if testing.Short() {
		t.Skip("starts Neovim")
	}
	bin := filepath.Join(t.TempDir(), "attrlint")
	build := exec.Command("go", "build", "-o", bin, "github.com/attrlint/attrlint/cmd/attrlint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	client, err := filepath.Abs("testdata/nvim/client.lua")
	if err != nil {
		t.Fatal(err)
	}

	drafts := []struct{ name, src string }{{"dispatch.md", "testdata/nvim/dispatch.md"}}
	// A seed draft from the shared corpus, when this checkout has one:
	// long one-paragraph-per-line exports, as newsrooms' CMSes write them.
	if seeds := os.Getenv("ATTRLINT_SEEDS"); seeds != "" {
		drafts = append(drafts, struct{ name, src string }{"seed.txt", seeds})
	} else if _, err := os.Stat("../../../shared/seeds/001_7e681666ec08b807.txt"); err == nil {
		drafts = append(drafts, struct{ name, src string }{"seed.txt", "../../../shared/seeds/001_7e681666ec08b807.txt"})
	}
	for _, d := range drafts {
		t.Run(d.name, func(t *testing.T) {
			data, err := os.ReadFile(d.src)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(string(data), "\n") {
				data = append(data, '\n') // as Neovim writes and sends it
			}
			dir := t.TempDir()
			draft := filepath.Join(dir, d.name)
			if err := os.WriteFile(draft, data, 0o644); err != nil {
				t.Fatal(err)
			}
			text := string(data)
			before := findingsOf(t, draft, text)
			if len(before) == 0 {
				t.Fatalf("%s: attrlint finds nothing; the test needs findings to place", d.src)
			}
			editLine := wantPosition(text, before[0].Start, UTF16).Line

			out := filepath.Join(dir, "result.json")
			cmd := exec.Command(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+client)
			cmd.Env = append(os.Environ(), "ATTRLINT_BIN="+bin, "ATTRLINT_DRAFT="+draft, "ATTRLINT_OUT="+out, "ATTRLINT_EDIT_LINE="+itoa(editLine))
			cmd.Dir = dir
			done := make(chan error, 1)
			var outBuf syncBuffer
			cmd.Stdout, cmd.Stderr = &outBuf, &outBuf
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("nvim: %v\n%s", err, outBuf.String())
				}
			case <-time.After(60 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("nvim did not finish in 60s\n%s", outBuf.String())
			}
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("nvim wrote no result: %v\n%s", err, outBuf.String())
			}
			var res nvimResult
			if err := json.Unmarshal(raw, &res); err != nil {
				t.Fatalf("result %s: %v", raw, err)
			}
			if len(res.Errors) > 0 || !res.Opened || res.First == nil {
				t.Fatalf("Neovim session failed: errors %v, diagnostics received %v", res.Errors, res.Opened)
			}
			enc := Encoding(res.OffsetEncoding)
			checkPlacement(t, "on open", text, before, res.First, res.FirstPlaced, enc)
			if !strings.HasPrefix(res.Hover, before[0].Rule+": ") {
				t.Errorf("hover on the first finding: %q, want the explain text of %s", firstLine(res.Hover), before[0].Rule)
			}

			if !res.Edited || res.Second == nil {
				t.Fatal("no diagnostics after an edit in the buffer")
			}
			lines := strings.SplitAfter(text, "\n")
			lines[editLine] = "🙂 " + lines[editLine]
			edited := strings.Join(lines, "")
			if res.EditedText != edited {
				i := 0
				for i < len(edited) && i < len(res.EditedText) && edited[i] == res.EditedText[i] {
					i++
				}
				t.Fatalf("the buffer after the edit differs from what the test expects at byte %d: %q, want %q", i, res.EditedText[i:min(i+40, len(res.EditedText))], edited[i:min(i+40, len(edited))])
			}
			after := findingsOf(t, draft, edited)
			checkPlacement(t, "after an edit", edited, after, res.Second, res.SecondPlaced, enc)
		})
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// findingsOf is what attrlint itself finds in text, the draft at path.
func findingsOf(t *testing.T, path, text string) []span {
	t.Helper()
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	if file, err := config.Discover(filepath.Dir(path)); err == nil && file != "" {
		if cfg, err = config.Load(all.Set, file); err != nil {
			t.Fatal(err)
		}
	}
	key, _ := cfg.Rel(path)
	fs, errs := lint.Check(cfg, prose.Parse(path, []byte(text)), key)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out := make([]span, len(fs))
	for i, f := range fs {
		out[i] = span{f.Start, f.End, f.Rule, f.Message}
	}
	return out
}

type span struct {
	Start, End    int
	Rule, Message string
}

// checkPlacement compares what Neovim received and placed with attrlint's
// findings: the LSP ranges in the client's encoding, and Neovim's own byte
// columns, which it computed from those ranges.
func checkPlacement(t *testing.T, when, text string, want []span, got *PublishDiagnosticsParams, placed []nvimDiagnostic, enc Encoding) {
	t.Helper()
	if len(got.Diagnostics) != len(want) || len(placed) != len(want) {
		t.Fatalf("%s: Neovim received %d diagnostics and placed %d; attrlint finds %d", when, len(got.Diagnostics), len(placed), len(want))
	}
	idx := newLineIndex(text)
	for i, f := range want {
		g := got.Diagnostics[i]
		wantRange := Range{Start: wantPosition(text, f.Start, enc), End: wantPosition(text, f.End, enc)}
		if g.Range != wantRange || g.Code != f.Rule || g.Message != f.Message {
			t.Errorf("%s: received %s %+v, want %s %+v", when, g.Code, g.Range, f.Rule, wantRange)
		}
		p := placed[i]
		sl, el := wantRange.Start.Line, wantRange.End.Line
		wantPlaced := nvimDiagnostic{Lnum: sl, Col: f.Start - idx.starts[sl], EndLnum: el, EndCol: f.End - idx.starts[el], Message: f.Message}
		if p != wantPlaced {
			t.Errorf("%s: Neovim placed %+v, want bytes %+v (%q)", when, p, wantPlaced, text[f.Start:f.End])
		}
	}
}
