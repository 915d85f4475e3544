package lsp

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// needTool returns the path of a program the test needs: under CI=true its
// absence fails the test (.ci/run installs it), elsewhere it skips.
func needTool(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; .ci/run installs the Debian package %s", name, pkg)
		}
		t.Skipf("%s is not installed (apt-get install %s); CI runs this test", name, pkg)
	}
	return p
}

// TestREADMENeovim07SnippetAvoidsNewerAPIs: Debian 12's Neovim 0.7 has
// neither vim.fs nor vim.lsp.start; TestNeovim runs the snippet there.
func TestREADMENeovim07SnippetAvoidsNewerAPIs(t *testing.T) {
	lua := readmeSnippet(t, "nvim-0.7")
	for _, api := range []string{"vim.fs.", "vim.lsp.start(", "vim.lsp.config", "vim.lsp.enable"} {
		if strings.Contains(lua, api) {
			t.Errorf("the Neovim 0.7 snippet uses %s, which 0.7 does not have", api)
		}
	}
	if !strings.Contains(lua, `"FileType"`) {
		t.Error("the Neovim 0.7 snippet does not start the client from a FileType autocmd")
	}
}

// TestREADMENeovim010SnippetIsLua: the Neovim 0.10 snippet cannot run on
// the Neovim Debian ships; at least it is valid Lua, starts the client
// from a FileType autocmd, and runs attrlint lsp.
func TestREADMENeovim010SnippetIsLua(t *testing.T) {
	lua := readmeSnippet(t, "nvim-0.10")
	if !strings.Contains(lua, `"FileType"`) || !strings.Contains(lua, "vim.lsp.start(") || !strings.Contains(lua, `cmd = { "attrlint", "lsp" }`) {
		t.Errorf("the Neovim 0.10 snippet does not start attrlint lsp with vim.lsp.start in a FileType autocmd:\n%s", lua)
	}
	nvim := needTool(t, "nvim", "neovim")
	file := filepath.Join(t.TempDir(), "snippet.lua")
	if err := os.WriteFile(file, []byte(lua), 0o644); err != nil {
		t.Fatal(err)
	}
	check := `lua local f = assert(io.open(os.getenv('SNIPPET'))); local _, err = loadstring(f:read('*a')); if err then io.stderr:write(err); vim.cmd('cquit 3') end`
	cmd := exec.Command(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", check, "-c", "qa!")
	cmd.Env = append(os.Environ(), "SNIPPET="+file)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("the Neovim 0.10 snippet is not valid Lua: %v\n%s", err, out)
	}
}

// TestREADMEHelixSnippet: Debian 12 does not package Helix, so its
// languages.toml snippet is parsed as TOML (Python's tomllib) and checked
// to define the server and use it for Markdown.
func TestREADMEHelixSnippet(t *testing.T) {
	toml := readmeSnippet(t, "helix")
	python := needTool(t, "python3", "python3")
	cmd := exec.Command(python, "-c", "import json, sys, tomllib; print(json.dumps(tomllib.loads(sys.stdin.read())))")
	cmd.Stdin = strings.NewReader(toml)
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("the Helix snippet is not valid TOML: %v\n%s\n%s", err, stderr, toml)
	}
	var cfg struct {
		LanguageServer map[string]struct {
			Command string   `json:"command"`
			Args    []string `json:"args"`
		} `json:"language-server"`
		Language []struct {
			Name            string   `json:"name"`
			LanguageServers []string `json:"language-servers"`
		} `json:"language"`
	}
	if err := json.Unmarshal(out, &cfg); err != nil {
		t.Fatal(err)
	}
	if s := cfg.LanguageServer["attrlint"]; s.Command != "attrlint" || !slices.Equal(s.Args, []string{"lsp"}) {
		t.Errorf("language-server.attrlint = %+v, want attrlint lsp", s)
	}
	found := false
	for _, l := range cfg.Language {
		found = found || l.Name == "markdown" && slices.Contains(l.LanguageServers, "attrlint")
	}
	if !found {
		t.Errorf("no [[language]] markdown uses attrlint: %+v", cfg.Language)
	}
}

// TestREADMEVSCodeSnippet: VS Code is not packaged by Debian; its settings
// are valid JSON that run attrlint lsp for Markdown.
func TestREADMEVSCodeSnippet(t *testing.T) {
	var settings struct {
		Command   string   `json:"glspc.server.command"`
		Args      []string `json:"glspc.server.commandArguments"`
		Languages []string `json:"glspc.server.languageId"`
	}
	if err := json.Unmarshal([]byte(readmeSnippet(t, "vscode")), &settings); err != nil {
		t.Fatalf("the VS Code settings are not valid JSON: %v", err)
	}
	if settings.Command != "attrlint" || !slices.Equal(settings.Args, []string{"lsp"}) || !slices.Contains(settings.Languages, "markdown") {
		t.Errorf("VS Code settings %+v, want attrlint lsp for markdown", settings)
	}
}
