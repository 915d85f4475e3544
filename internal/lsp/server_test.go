package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/all"
)

// A draft whose findings stand after emoji, curly quotes and CJK text, so
// that UTF-8, UTF-16 and UTF-32 columns all differ.
const wideDraft = "Crowds waved flags 🎉🎉 outside the 東京 branch on Monday.\n" +
	"\n" +
	"“We will not close the plant this year, whatever the board decides.”\n" +
	"\n" +
	"Protesters 👩‍👩‍👧 chanted « non » for an hour. Officials said the closure would affect 400 workers.\n"

func TestInitializeAndShutdown(t *testing.T) {
	c := startServer(t, Options{Version: "test"})
	caps := c.initialize("file:///tmp", nil, nil)
	if caps.PositionEncoding != "utf-16" {
		t.Errorf("positionEncoding = %q with no encodings offered, want utf-16", caps.PositionEncoding)
	}
	if caps.TextDocumentSync.Change != syncIncremental || !caps.TextDocumentSync.OpenClose {
		t.Errorf("textDocumentSync = %+v, want incremental changes and open/close", caps.TextDocumentSync)
	}
	if !caps.HoverProvider || len(caps.CodeActionProvider.CodeActionKinds) == 0 {
		t.Errorf("capabilities %+v: want hover and quick fixes", caps)
	}
	c.shutdownAndExit()
}

func TestLifecycleErrors(t *testing.T) {
	t.Run("request before initialize", func(t *testing.T) {
		c := startServer(t, Options{})
		resp := c.call("textDocument/hover", map[string]any{})
		if resp.Error == nil || resp.Error.Code != codeServerNotInitialized {
			t.Errorf("hover before initialize: error %v, want code %d", resp.Error, codeServerNotInitialized)
		}
	})
	t.Run("unknown request is MethodNotFound", func(t *testing.T) {
		c := startServer(t, Options{})
		c.initialize("", nil, nil)
		resp := c.call("textDocument/completion", map[string]any{})
		if resp.Error == nil || resp.Error.Code != codeMethodNotFound {
			t.Errorf("completion: error %v, want MethodNotFound (%d)", resp.Error, codeMethodNotFound)
		}
		c.shutdownAndExit()
	})
	t.Run("request after shutdown", func(t *testing.T) {
		c := startServer(t, Options{})
		c.initialize("", nil, nil)
		c.call("shutdown", nil)
		resp := c.call("textDocument/hover", map[string]any{})
		if resp.Error == nil || resp.Error.Code != codeInvalidRequest {
			t.Errorf("hover after shutdown: error %v, want InvalidRequest", resp.Error)
		}
	})
	t.Run("exit without shutdown", func(t *testing.T) {
		c := startServer(t, Options{})
		c.initialize("", nil, nil)
		c.notify("exit", nil)
		select {
		case err := <-c.done:
			if !errors.Is(err, ErrNoShutdown) {
				t.Errorf("Serve = %v, want ErrNoShutdown", err)
			}
			c.done <- err
		case <-time.After(2 * time.Second):
			t.Fatal("the server did not exit")
		}
	})
}

func TestPositionEncodingNegotiation(t *testing.T) {
	tests := []struct {
		offered any
		want    string
	}{
		{nil, "utf-16"},
		{[]string{}, "utf-16"},
		{[]string{"utf-16"}, "utf-16"},
		{[]string{"utf-16", "utf-8"}, "utf-8"},
		{[]string{"utf-32", "utf-16"}, "utf-32"},
		{[]string{"utf-32", "utf-8"}, "utf-8"},
		{[]string{"ebcdic"}, "utf-16"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.offered), func(t *testing.T) {
			c := startServer(t, Options{})
			caps := map[string]any{}
			if tt.offered != nil {
				caps["general"] = map[string]any{"positionEncodings": tt.offered}
			}
			if got := c.initialize("", caps, nil).PositionEncoding; got != tt.want {
				t.Errorf("offered %v: positionEncoding = %q, want %q", tt.offered, got, tt.want)
			}
			c.shutdownAndExit()
		})
	}
}

// wantPosition computes the LSP position of byte offset off in text by
// brute force: count lines, then encode the line's prefix.
func wantPosition(text string, off int, enc Encoding) Position {
	line, start := 0, 0
	for i := 0; i < off; i++ {
		if text[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	prefix := text[start:off]
	switch enc {
	case UTF8:
		return Position{line, len(prefix)}
	case UTF32:
		return Position{line, utf8.RuneCountInString(prefix)}
	}
	return Position{line, len(utf16.Encode([]rune(prefix)))}
}

func TestDiagnosticRangesInEachEncoding(t *testing.T) {
	dir := t.TempDir()
	drafts := []struct{ name, lang, text string }{
		{"wide.md", "markdown", wideDraft},
		{"wide.txt", "plaintext", wideDraft},
		{"wide.html", "html", "<p>Crowds waved flags 🎉🎉 outside the 東京 branch on Monday.</p>\n<p>“We will not close the plant this year, whatever the board decides.”</p>\n<p>Protesters 👩‍👩‍👧 chanted « non » for an hour. Officials said the closure would affect 400 workers.</p>\n"},
	}
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	for _, enc := range []Encoding{UTF16, UTF8, UTF32} {
		for _, d := range drafts {
			t.Run(string(enc)+"/"+d.name, func(t *testing.T) {
				path := filepath.Join(dir, d.name)
				doc := prose.Parse(path, []byte(d.text))
				findings, errs := lint.Check(cfg, doc, d.name)
				if len(errs) > 0 {
					t.Fatal(errs)
				}
				rulesSeen := map[string]bool{}
				for _, f := range findings {
					rulesSeen[f.Rule] = true
				}
				if !rulesSeen["unattributed-quote"] || !rulesSeen["anonymous-source"] {
					t.Fatalf("the draft should have an unattributed quotation and an anonymous source; attrlint found %v", rulesSeen)
				}

				c := startServer(t, Options{})
				caps := map[string]any{"general": map[string]any{"positionEncodings": []string{string(enc)}}}
				if enc == UTF16 {
					caps = nil
				}
				if got := c.initialize(pathToURI(dir), caps, nil).PositionEncoding; got != string(enc) {
					t.Fatalf("positionEncoding = %q, want %q", got, enc)
				}
				uri := pathToURI(path)
				c.open(uri, d.lang, d.text)
				got := c.diagnosticsFor(uri)
				if len(got.Diagnostics) != len(findings) {
					t.Fatalf("%d diagnostics, attrlint check finds %d:\n%s", len(got.Diagnostics), len(findings), messageOf(got.Diagnostics))
				}
				for i, f := range findings {
					g := got.Diagnostics[i]
					want := Range{Start: wantPosition(d.text, f.Start, enc), End: wantPosition(d.text, f.End, enc)}
					if g.Range != want {
						t.Errorf("%s at bytes %d-%d: range %+v, want %+v", f.Rule, f.Start, f.End, g.Range, want)
					}
					if g.Code != f.Rule || g.Source != "attrlint" || g.Message != f.Message || g.Severity != lspSeverity(f.Severity) {
						t.Errorf("diagnostic %+v does not carry the finding %s %q (%s)", g, f.Rule, f.Message, f.Severity)
					}
					if g.CodeDescription == nil || !strings.HasPrefix(g.CodeDescription.Href, repoURL+"rules/") {
						t.Errorf("%s: codeDescription %+v, want a link to its rule pack", f.Rule, g.CodeDescription)
					}
				}
				c.shutdownAndExit()
			})
		}
	}
}

func TestDebouncedLintOfTheEditorText(t *testing.T) {
	c := startServer(t, Options{Debounce: 150 * time.Millisecond})
	c.initialize("", nil, nil)
	uri := "file:///newsroom/drafts/plant.md"
	c.open(uri, "markdown", "The plant employs 400 people.\n")
	if first := c.diagnosticsFor(uri); len(first.Diagnostics) != 0 || first.Version == nil || *first.Version != 1 {
		t.Fatalf("first lint: %+v, want no diagnostics at version 1", first)
	}
	// Type a sentence one word at a time, faster than the debounce.
	words := strings.Fields("Officials said the plant would close in March.")
	text := "The plant employs 400 people.\n"
	for i, w := range words {
		insert := " " + w
		if i == 0 {
			insert = w
		}
		end := wantPosition(text, len(text), UTF16)
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": i + 2},
			"contentChanges": []any{map[string]any{"range": map[string]any{"start": end, "end": end}, "text": insert}},
		})
		text += insert
		time.Sleep(5 * time.Millisecond)
	}
	got := c.diagnosticsFor(uri)
	if got.Version == nil || *got.Version != len(words)+1 {
		t.Errorf("published version %v, want only the last one, %d", got.Version, len(words)+1)
	}
	if len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "anonymous-source" {
		t.Errorf("diagnostics of the typed text:\n%s want one anonymous-source", messageOf(got.Diagnostics))
	} else if want := wantPosition(text, strings.Index(text, "Officials"), UTF16); got.Diagnostics[0].Range.Start != want {
		t.Errorf("finding at %+v, want %+v", got.Diagnostics[0].Range.Start, want)
	}
	if m := c.next(200 * time.Millisecond); m != nil {
		t.Errorf("a second message after the burst: %s %s", m.Method, m.Params)
	}
	c.shutdownAndExit()
}

func TestCloseClearsDiagnostics(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize("", nil, nil)
	uri := "file:///newsroom/drafts/close.md"
	c.open(uri, "markdown", "Officials said the bridge would reopen.\n")
	if got := c.diagnosticsFor(uri); len(got.Diagnostics) != 1 {
		t.Fatalf("open: %d diagnostics, want 1:\n%s", len(got.Diagnostics), messageOf(got.Diagnostics))
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if got := c.diagnosticsFor(uri); len(got.Diagnostics) != 0 {
		t.Errorf("after close: %d diagnostics, want none", len(got.Diagnostics))
	}
	c.shutdownAndExit()
}

func TestMalformedMessagesAreSurvived(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize("", nil, nil)
	frame := func(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }
	c.raw(frame(`{"jsonrpc":`))               // JSON cut short
	c.raw("Content-Type: text/plain\r\n\r\n") // no Content-Length
	c.raw("Content-Length: many\r\n\r\n")     // not a number
	c.raw(frame("[]"))                        // a batch
	c.raw(frame(`{"jsonrpc":"2.0"}`))         // neither request nor response
	for i := 0; i < 3; i++ {
		m := c.next(time.Second)
		if m == nil || m.Error == nil || m.Error.Code != codeParseError || string(m.ID) != "null" {
			t.Fatalf("reply %d to a malformed body: %+v, want a parse error with id null", i, m)
		}
	}
	uri := "file:///newsroom/drafts/after.md"
	c.open(uri, "markdown", "Officials said the ferry would run again on Friday.\n")
	if got := c.diagnosticsFor(uri); len(got.Diagnostics) != 1 {
		t.Errorf("after malformed messages: %d diagnostics, want 1", len(got.Diagnostics))
	}
	c.shutdownAndExit()
	log := c.log.String()
	for _, want := range []string{"Content-Length", "batches", "neither a method nor an id", "unexpected end of JSON"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log does not mention %q:\n%s", want, log)
		}
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestInvalidConfig(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".attrlint.yaml")
	writeFile(t, cfgPath, "version: 1\nrules:\n  anonymous-source:\n    severity: loud\n")
	draft := filepath.Join(dir, "drafts", "budget.md")
	text := "Officials said the budget would grow by 4 percent.\n"
	writeFile(t, draft, text)

	c := startServer(t, Options{})
	c.initialize(pathToURI(dir), nil, nil)
	c.open(pathToURI(draft), "markdown", text)

	cfgDiags := c.diagnosticsFor(pathToURI(cfgPath))
	if len(cfgDiags.Diagnostics) != 1 {
		t.Fatalf("config diagnostics:\n%s want one, on the severity", messageOf(cfgDiags.Diagnostics))
	}
	d := cfgDiags.Diagnostics[0]
	if want := (Range{Start: Position{3, 14}, End: Position{3, 18}}); d.Range != want || d.Severity != severityError || !strings.Contains(d.Message, "loud") {
		t.Errorf("config diagnostic %+v, want an error at %+v about \"loud\"", d, want)
	}
	msg := c.waitFor("window/showMessage", time.Second, nil)
	var sm showMessageParams
	if err := json.Unmarshal(msg, &sm); err != nil || sm.Type != messageError || !strings.Contains(sm.Message, cfgPath) {
		t.Errorf("showMessage %s, want an error naming %s", msg, cfgPath)
	}
	// The draft is still linted, with the built-in rules.
	if got := c.diagnosticsFor(pathToURI(draft)); len(got.Diagnostics) != 1 || got.Diagnostics[0].Code != "anonymous-source" {
		t.Errorf("draft under a broken config:\n%s want the built-in anonymous-source finding", messageOf(got.Diagnostics))
	}

	// Fixing the config clears its diagnostics and applies it.
	writeFile(t, cfgPath, "version: 1\nrules:\n  anonymous-source:\n    severity: off\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": pathToURI(cfgPath), "type": 2}}})
	if got := c.diagnosticsFor(pathToURI(cfgPath)); len(got.Diagnostics) != 0 {
		t.Errorf("fixed config still has diagnostics:\n%s", messageOf(got.Diagnostics))
	}
	if got := c.diagnosticsFor(pathToURI(draft)); len(got.Diagnostics) != 0 {
		t.Errorf("draft under a config that turns anonymous-source off:\n%s", messageOf(got.Diagnostics))
	}

	// Breaking it again on save shows the new problem.
	writeFile(t, cfgPath, "version: 1\nrulez: {}\n")
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": pathToURI(cfgPath)}})
	if got := c.diagnosticsFor(pathToURI(cfgPath)); len(got.Diagnostics) != 1 || got.Diagnostics[0].Range.Start != (Position{1, 0}) {
		t.Errorf("config with an unknown key:\n%s want one diagnostic at 1:0", messageOf(got.Diagnostics))
	}
	c.shutdownAndExit()
}

func TestHoverExplainsTheRule(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize("", nil, nil)
	uri := "file:///newsroom/drafts/hover.md"
	text := "The mayor 🏛 spoke first. Officials said the tunnel would open in May.\n"
	c.open(uri, "markdown", text)
	got := c.diagnosticsFor(uri)
	if len(got.Diagnostics) != 1 {
		t.Fatalf("diagnostics:\n%s want one", messageOf(got.Diagnostics))
	}
	inside := got.Diagnostics[0].Range.Start
	inside.Character += 3
	resp := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": inside})
	var h hover
	if err := json.Unmarshal(resp.Result, &h); err != nil || !strings.HasPrefix(h.Contents.Value, "anonymous-source: ") || !strings.Contains(h.Contents.Value, "Examples:") {
		t.Errorf("hover on the finding: %s, want the explain text of anonymous-source", resp.Result)
	}
	if h.Range == nil || *h.Range != got.Diagnostics[0].Range {
		t.Errorf("hover range %v, want the diagnostic's %v", h.Range, got.Diagnostics[0].Range)
	}
	resp = c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{0, 2}})
	if string(resp.Result) != "null" {
		t.Errorf("hover away from any finding: %s, want null", resp.Result)
	}
	c.shutdownAndExit()
}

func TestCodeActionDisablesTheLine(t *testing.T) {
	tests := []struct {
		name, uri, lang, text string
		want                  string // the text after the edit; "" for no action
	}{
		{"markdown", "file:///d/a.md", "markdown",
			"# Tunnel\n\n  Officials said the tunnel would open in May.\n",
			"# Tunnel\n\n  <!-- attrlint-disable-next-line anonymous-source -- reason -->\n  Officials said the tunnel would open in May.\n"},
		{"html with CRLF", "file:///d/a.html", "html",
			"<p>Tunnel</p>\r\n<p>Officials said the tunnel would open in May.</p>\r\n",
			"<p>Tunnel</p>\r\n<!-- attrlint-disable-next-line anonymous-source -- reason -->\r\n<p>Officials said the tunnel would open in May.</p>\r\n"},
		{"plain text has no directives", "file:///d/a.txt", "plaintext",
			"Officials said the tunnel would open in May.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{})
			c.initialize("", nil, nil)
			c.open(tt.uri, tt.lang, tt.text)
			got := c.diagnosticsFor(tt.uri)
			if len(got.Diagnostics) != 1 {
				t.Fatalf("diagnostics:\n%s want one", messageOf(got.Diagnostics))
			}
			resp := c.call("textDocument/codeAction", map[string]any{
				"textDocument": map[string]any{"uri": tt.uri},
				"range":        got.Diagnostics[0].Range,
				"context":      map[string]any{"diagnostics": got.Diagnostics},
			})
			var actions []codeAction
			if err := json.Unmarshal(resp.Result, &actions); err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if len(actions) != 0 {
					t.Errorf("actions %+v, want none", actions)
				}
				return
			}
			if len(actions) != 1 || actions[0].Title != "Disable anonymous-source for this line" {
				t.Fatalf("actions %+v, want one to disable anonymous-source", actions)
			}
			edits := actions[0].Edit.Changes[tt.uri]
			after := tt.text
			for _, e := range edits {
				after = applyChanges(after, []contentChange{{Range: &e.Range, Text: e.NewText}}, UTF16)
			}
			if after != tt.want {
				t.Errorf("after the edit:\n%q\nwant\n%q", after, tt.want)
			}
			// The directive silences the finding, and is not unused.
			c.notify("textDocument/didChange", map[string]any{
				"textDocument":   map[string]any{"uri": tt.uri, "version": 2},
				"contentChanges": []any{map[string]any{"text": after}},
			})
			if got := c.diagnosticsFor(tt.uri); len(got.Diagnostics) != 0 {
				t.Errorf("after the directive:\n%s want no diagnostics", messageOf(got.Diagnostics))
			}
			c.shutdownAndExit()
		})
	}
}
