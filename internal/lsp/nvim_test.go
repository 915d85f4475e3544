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
	Attached       bool                      `json:"attached"`
	Opened         bool                      `json:"opened"`
	OffsetEncoding string                    `json:"offset_encoding"`
	First          *PublishDiagnosticsParams `json:"first"`
	FirstPlaced    []nvimDiagnostic          `json:"first_placed"`
	Hover          string                    `json:"hover"`
	Edited         bool                      `json:"edited"`
	Second         *PublishDiagnosticsParams `json:"second"`
	SecondPlaced   []nvimDiagnostic          `json:"second_placed"`
	EditedText     string                    `json:"edited_text"`
	Reconfigured   bool                      `json:"reconfigured"`
	Third          *PublishDiagnosticsParams `json:"third"`
	BeforeFixText  string                    `json:"before_fix_text"`
	FixTitle       string                    `json:"fix_title"`
	Fixed          bool                      `json:"fixed"`
	Fourth         *PublishDiagnosticsParams `json:"fourth"`
	FixedText      string                    `json:"fixed_text"`
}

// readmeSnippet returns the code block that follows the marker
// "<!-- editor-snippet: name -->" in the README, so that the tests run
// what users copy.
func readmeSnippet(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	marker := "<!-- editor-snippet: " + name + " -->"
	_, after, ok := strings.Cut(string(data), marker)
	if !ok {
		t.Fatalf("README.md has no %s", marker)
	}
	_, after, ok = strings.Cut(after, "```")
	if !ok {
		t.Fatalf("README.md: no code block after %s", marker)
	}
	_, body, _ := strings.Cut(after, "\n") // the fence's info string
	body, _, ok = strings.Cut(body, "```")
	if !ok {
		t.Fatalf("README.md: the code block after %s is not closed", marker)
	}
	return body
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

// TestNeovim runs the real Neovim, headless, set up by the README's
// Neovim 0.7 snippet as written there, against `attrlint lsp` on a draft,
// and checks that the diagnostics it shows sit exactly where attrlint's own
// findings are, before and after an edit typed in the buffer; that a
// config changed on disk takes effect; and that the quick fix keeps a
// hard-wrapped paragraph whole, rendered with goldmark. It runs in CI
// (CI=true), where Neovim must be installed, and elsewhere when nvim is on
// the PATH.
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
	binDir := t.TempDir()
	bin := filepath.Join(binDir, "attrlint")
	build := exec.Command("go", "build", "-o", bin, "github.com/attrlint/attrlint/cmd/attrlint")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	client, err := filepath.Abs("testdata/nvim/client.lua")
	if err != nil {
		t.Fatal(err)
	}
	snippet := filepath.Join(binDir, "init.lua")
	if err := os.WriteFile(snippet, []byte(readmeSnippet(t, "nvim-0.7")), 0o644); err != nil {
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
			markdown := strings.HasSuffix(d.name, ".md")
			// The config the test writes while Neovim runs: the rule
			// of one finding turned off.
			offRule := ""
			for _, f := range before {
				if f.Rule != "anonymous-source" {
					offRule = f.Rule
					break
				}
			}
			cmd.Env = append(os.Environ(), "PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"),
				"ATTRLINT_SNIPPET="+snippet, "ATTRLINT_DRAFT="+draft, "ATTRLINT_OUT="+out, "ATTRLINT_EDIT_LINE="+itoa(editLine))
			if markdown && offRule != "" {
				cmd.Env = append(cmd.Env, "ATTRLINT_CONFIG="+filepath.Join(dir, ".attrlint.yaml"),
					"ATTRLINT_CONFIG_TEXT=version: 1\nrules:\n  "+offRule+": off\n")
			}
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
			if len(res.Errors) > 0 || !res.Attached || !res.Opened || res.First == nil {
				t.Fatalf("Neovim session failed: errors %v, client attached %v, diagnostics received %v\n%s", res.Errors, res.Attached, res.Opened, outBuf.String())
			}
			// What attrlint finds is compared with the config of the
			// first steps: none.
			os.Remove(filepath.Join(dir, ".attrlint.yaml"))
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
			if markdown && offRule != "" {
				checkReconfiguredAndFixed(t, &res, offRule)
			}
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

// checkReconfiguredAndFixed checks the last two steps of the Neovim
// session: the config written on disk turned offRule off, and the quick
// fix on the second line of a hard-wrapped paragraph kept it one paragraph
// and silenced the finding.
func checkReconfiguredAndFixed(t *testing.T, res *nvimResult, offRule string) {
	t.Helper()
	if !res.Reconfigured || res.Third == nil {
		t.Fatal("no diagnostics after the config changed on disk and the buffer was edited")
	}
	anon := 0
	for _, d := range res.Third.Diagnostics {
		if d.Code == offRule {
			t.Errorf("after the config turned %s off: still %s at %+v", offRule, d.Code, d.Range)
		}
		if d.Code == "anonymous-source" {
			anon++
		}
	}
	if anon < 2 {
		t.Fatalf("after adding a paragraph with a finding: %d anonymous-source diagnostics, want 2:\n%s", anon, messageOf(res.Third.Diagnostics))
	}
	if res.FixTitle != "Disable anonymous-source for this paragraph" || !res.Fixed || res.Fourth == nil {
		t.Fatalf("quick fix %q applied %v; want the paragraph fix and new diagnostics", res.FixTitle, res.Fixed)
	}
	t.Logf("after the quick fix %q:\n%s", res.FixTitle, res.FixedText)
	before, after := blockCounts(t, res.BeforeFixText), blockCounts(t, res.FixedText)
	if before["<p>"] != after["<p>"] {
		t.Errorf("the quick fix changed the paragraphs from %d to %d:\n%s", before["<p>"], after["<p>"], res.FixedText)
	}
	if n := strings.Count(res.FixedText, "attrlint-"); n != 2 {
		t.Errorf("the fixed text has %d directives, want a disable and an enable:\n%s", n, res.FixedText)
	}
	for _, d := range res.Fourth.Diagnostics {
		if d.Code == "unused-directive" || d.Code == "anonymous-source" && d.Range.Start.Line > 7 {
			t.Errorf("after the quick fix: %s at %+v: %s", d.Code, d.Range, d.Message)
		}
	}
}
