package lsp

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

// blockCounts renders Markdown with goldmark and counts the blocks a
// reader sees: a quick fix must not change them.
func blockCounts(t *testing.T, md string) map[string]int {
	t.Helper()
	var buf bytes.Buffer
	if err := goldmark.Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, tag := range []string{"<p>", "<li>", "<ul>", "<ol>", "<blockquote>", "<h1>"} {
		counts[tag] = strings.Count(buf.String(), tag)
	}
	return counts
}

// applyEdits applies a workspace edit's edits, all in the coordinates of
// text, from the last to the first.
func applyEdits(text string, edits []textEdit) string {
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i].Range.Start, edits[j].Range.Start
		return a.Line > b.Line || a.Line == b.Line && a.Character > b.Character
	})
	for _, e := range edits {
		text = applyOneByOne(text, []contentChange{{Range: &e.Range, Text: e.NewText}}, UTF16)
	}
	return text
}

// TestQuickFixKeepsTheParagraphWhole: the directive never lands between two
// lines of a paragraph, which would make two paragraphs of it on the
// published page; the finding is silenced and the page renders with the
// same paragraphs, lists and quotes.
func TestQuickFixKeepsTheParagraphWhole(t *testing.T) {
	tests := []struct {
		name, text, title string
		want              string // the text after the edit
	}{
		{"finding on the first line of a wrapped paragraph",
			"# Tunnel\n\nOfficials said the tunnel would open\nin May, after a year of delays.\n",
			"Disable anonymous-source for this line",
			"# Tunnel\n\n<!-- attrlint-disable-next-line anonymous-source -- reason -->\nOfficials said the tunnel would open\nin May, after a year of delays.\n"},
		{"finding on the second line of a wrapped paragraph",
			"# Tunnel\n\nThe council met on Tuesday. Work stopped\nin March. Officials said the tunnel would\nopen in May.\n\nThe end.\n",
			"Disable anonymous-source for this paragraph",
			"# Tunnel\n\n<!-- attrlint-disable anonymous-source -- reason -->\nThe council met on Tuesday. Work stopped\nin March. Officials said the tunnel would\nopen in May.\n<!-- attrlint-enable anonymous-source -->\n\nThe end.\n"},
		{"last paragraph without a final newline",
			"The council met on Tuesday.\nOfficials said the tunnel would open in May.",
			"Disable anonymous-source for this paragraph",
			"<!-- attrlint-disable anonymous-source -- reason -->\nThe council met on Tuesday.\nOfficials said the tunnel would open in May.\n<!-- attrlint-enable anonymous-source -->\n"},
		{"CRLF",
			"The council met on Tuesday.\r\nOfficials said the tunnel would open in May.\r\n",
			"Disable anonymous-source for this paragraph",
			"<!-- attrlint-disable anonymous-source -- reason -->\r\nThe council met on Tuesday.\r\nOfficials said the tunnel would open in May.\r\n<!-- attrlint-enable anonymous-source -->\r\n"},
		{"in a block quote",
			"> The council met on Tuesday.\n> Officials said the tunnel would open in May.\n",
			"Disable anonymous-source for this paragraph",
			"> <!-- attrlint-disable anonymous-source -- reason -->\n> The council met on Tuesday.\n> Officials said the tunnel would open in May.\n> <!-- attrlint-enable anonymous-source -->\n"},
		{"in a list item",
			"- The council met on Tuesday.\n  Officials said the tunnel would open in May.\n- The mayor spoke.\n",
			"Disable anonymous-source for this paragraph",
			"  <!-- attrlint-disable anonymous-source -- reason -->\n- The council met on Tuesday.\n  Officials said the tunnel would open in May.\n  <!-- attrlint-enable anonymous-source -->\n- The mayor spoke.\n"},
		{"below another directive",
			"Intro.\n\n<!-- attrlint-disable-next-line vague-attribution -- from the memo -->\nCritics say the plan fails. Officials said it would pass.\n",
			"Disable anonymous-source for this paragraph",
			"Intro.\n\n<!-- attrlint-disable anonymous-source -- reason -->\n<!-- attrlint-disable-next-line vague-attribution -- from the memo -->\nCritics say the plan fails. Officials said it would pass.\n<!-- attrlint-enable anonymous-source -->\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{})
			c.initialize("", nil, nil)
			uri := "file:///d/para.md"
			c.open(uri, "markdown", tt.text)
			got := c.diagnosticsFor(uri)
			var ours []Diagnostic
			for _, d := range got.Diagnostics {
				if d.Code == "anonymous-source" {
					ours = append(ours, d)
				}
			}
			if len(ours) != 1 || len(got.Diagnostics) != 1 {
				t.Fatalf("diagnostics:\n%s want one anonymous-source alone", messageOf(got.Diagnostics))
			}
			resp := c.call("textDocument/codeAction", map[string]any{
				"textDocument": map[string]any{"uri": uri},
				"range":        ours[0].Range,
				"context":      map[string]any{"diagnostics": ours},
			})
			var actions []codeAction
			if err := json.Unmarshal(resp.Result, &actions); err != nil {
				t.Fatal(err)
			}
			if len(actions) != 1 || actions[0].Title != tt.title {
				t.Fatalf("actions %s, want one %q", resp.Result, tt.title)
			}
			after := applyEdits(tt.text, actions[0].Edit.Changes[uri])
			if after != tt.want {
				t.Errorf("after the fix:\n%s\nwant\n%s", after, tt.want)
			}
			before, now := blockCounts(t, tt.text), blockCounts(t, after)
			for tag, n := range before {
				if now[tag] != n {
					t.Errorf("%s blocks: %d before the fix, %d after:\n%s", tag, n, now[tag], after)
				}
			}
			c.notify("textDocument/didChange", map[string]any{
				"textDocument":   map[string]any{"uri": uri, "version": 2},
				"contentChanges": []any{map[string]any{"text": after}},
			})
			if got := c.diagnosticsFor(uri); len(got.Diagnostics) != 0 {
				t.Errorf("after the fix:\n%s want no diagnostics", messageOf(got.Diagnostics))
			}
			c.shutdownAndExit()
		})
	}
}
