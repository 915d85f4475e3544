package lsp

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestInitializationOptions: the forms clients send for "no options" are
// accepted; a misspelled or ill-typed option is shown to the user, naming
// its key, and the server goes on with the defaults.
func TestInitializationOptions(t *testing.T) {
	tests := []struct {
		name string
		opts string
		want []string // what the warning names; none for no warning
	}{
		{"empty Lua table from Neovim", `[]`, nil},
		{"null", `null`, nil},
		{"empty object", `{}`, nil},
		{"known options", `{"debounceMs": 10}`, nil},
		{"misspelled key", `{"debounceMS": 10}`, []string{`"debounceMS"`, `did you mean "debounceMs"`}},
		{"unknown key", `{"fixAll": true}`, []string{`"fixAll"`}},
		{"against as a number", `{"against": 5}`, []string{"against", "a number"}},
		{"negative debounce", `{"debounceMs": -5}`, []string{"debounceMs", "-5"}},
		{"a list with items", `["HEAD"]`, []string{"list"}},
		{"a string", `"HEAD"`, []string{"not an object", "a string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{})
			resp := c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{},
				"initializationOptions": json.RawMessage(tt.opts)})
			if resp.Error != nil {
				t.Fatalf("initialize with initializationOptions %s: %v", tt.opts, resp.Error)
			}
			c.notify("initialized", map[string]any{})
			uri := "file:///newsroom/drafts/opts.md"
			c.open(uri, "markdown", "Officials said the plan would pass.\n")
			var shown []showMessageParams
			deadline := time.Now().Add(3 * time.Second)
			for {
				m := c.next(time.Until(deadline))
				if m == nil {
					t.Fatalf("no diagnostics; server log:\n%s", c.log.String())
				}
				if m.Method == "window/showMessage" {
					var sm showMessageParams
					if err := json.Unmarshal(m.Params, &sm); err != nil {
						t.Fatal(err)
					}
					shown = append(shown, sm)
				}
				if m.Method == "textDocument/publishDiagnostics" {
					var p PublishDiagnosticsParams
					if err := json.Unmarshal(m.Params, &p); err != nil || len(p.Diagnostics) != 1 {
						t.Errorf("diagnostics %s, want one", m.Params)
					}
					break
				}
			}
			if len(tt.want) == 0 {
				if len(shown) > 0 {
					t.Errorf("messages %+v, want none", shown)
				}
			} else {
				if len(shown) != 1 || shown[0].Type != messageWarning {
					t.Fatalf("messages %+v, want one warning", shown)
				}
				for _, w := range tt.want {
					if !strings.Contains(shown[0].Message, w) {
						t.Errorf("message %q does not say %q", shown[0].Message, w)
					}
				}
			}
			c.shutdownAndExit()
		})
	}
}

// TestCodeActionWithOtherLintersDiagnostics: the context of a codeAction
// request holds every diagnostic on the range, whatever server made it;
// an integer code or none at all is valid LSP and must not fail the
// request.
func TestCodeActionWithOtherLintersDiagnostics(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize("", nil, nil)
	uri := "file:///d/mixed.md"
	c.open(uri, "markdown", "Officials said the tunnel would open in May.\n")
	got := c.diagnosticsFor(uri)
	if len(got.Diagnostics) != 1 {
		t.Fatalf("diagnostics:\n%s want one", messageOf(got.Diagnostics))
	}
	rng := got.Diagnostics[0].Range
	ours, _ := json.Marshal(got.Diagnostics[0])
	resp := c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        rng,
		"context": map[string]any{"diagnostics": []any{
			map[string]any{"range": rng, "message": "m", "source": "markdownlint", "code": 42},
			map[string]any{"range": rng, "message": "no code", "source": "spell"},
			map[string]any{"range": rng, "message": "m", "source": "attrlint", "code": 7},
			json.RawMessage(ours),
		}},
	})
	if resp.Error != nil {
		t.Fatalf("codeAction with an integer code in the context: %v", resp.Error)
	}
	var actions []codeAction
	if err := json.Unmarshal(resp.Result, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 1 || !strings.Contains(actions[0].Title, "anonymous-source") {
		t.Fatalf("actions %s, want one for anonymous-source", resp.Result)
	}
	if len(actions[0].Diagnostics) != 1 || string(actions[0].Diagnostics[0]) != string(ours) {
		t.Errorf("the action's diagnostics %s, want the context's own %s", actions[0].Diagnostics, ours)
	}
	c.shutdownAndExit()
}
