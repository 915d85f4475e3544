package prose

import (
	"strings"
	"testing"
)

// hostileMarkdown are the shapes goldmark spends time quadratic in their
// size on, or hundreds of bytes of memory per byte.
var hostileMarkdown = map[string]func(n int) string{
	"nested blockquotes":       func(n int) string { return repeat(">", n) + " Officials said so.\n" },
	"nested lists":             func(n int) string { return repeat("- ", n) + "Officials said so.\n" },
	"nested ordered lists":     func(n int) string { return repeat("1. ", n) + "Officials said so.\n" },
	"mismatched emphasis":      func(n int) string { return "Officials said so. " + repeat("*a_ ", n) },
	"multiple of three":        func(n int) string { return "Officials said so. a**b" + repeat("c* ", n) },
	"unclosed links":           func(n int) string { return "Officials said so. " + repeat("[a](b", n) },
	"link openers":             func(n int) string { return "Officials said so. " + repeat("[a", n) },
	"link openers, many paras": func(n int) string { return "Officials said so.\n\n" + repeat("[a\n\n", n) },
	"empty table rows":         func(n int) string { return "Officials said so.\n\n| a | b |\n|---|---|\n" + repeat("|\n", n) },
}

// TestMarkdownBudget: a document of a hostile shape is read as plain text,
// with a notice, and its prose is still there; drafts are read as
// Markdown.
func TestMarkdownBudget(t *testing.T) {
	for name, mk := range hostileMarkdown {
		t.Run(name, func(t *testing.T) {
			d := Parse("draft.md", []byte(mk(256<<10)))
			if !strings.HasPrefix(d.Notice, "read as plain text") {
				t.Errorf("notice %q", d.Notice)
			}
			if len(d.Paragraphs) == 0 || !strings.Contains(d.Paragraphs[0].Text, "Officials said so.") {
				t.Errorf("prose lost: %q", paragraphTexts(d)[:min(3, len(d.Paragraphs))])
			}
			// The invariants, on a document small enough for their
			// checks, which are not linear.
			checkDocument(t, Parse("draft.md", []byte(mk(8<<10))))
		})
	}
	for name, text := range map[string]string{
		"news":       newsMarkdown,
		"bench":      string(benchDraft(Markdown, 1<<20)),
		"nested 32":  strings.Repeat("> ", 16) + strings.Repeat("- ", 16) + "x\n",
		"emphasis":   strings.Repeat(strings.Repeat("Officials *said* so, **reportedly**, in [a report](https://example.com/r) and _others_. ", 20)+"\n\n", 100),
		"long para":  strings.Repeat("Officials *said* so, **reportedly**, in [a report](https://example.com/r) and _others_. ", 300),
		"big table":  "| a | b | c |\n|---|:-:|--:|\n" + strings.Repeat("| 2024 | 60,000 | troops |\n", 5000),
		"link list":  strings.Repeat("- [Officials said so](https://example.com/2024/05/story)\n", 5000),
		"thematic":   "* * *\n\n- - -\n\n_ _ _\n",
		"deep lists": "- a\n  - b\n    - c\n      - d\n        1. e\n           > f\n",
	} {
		if d := Parse("draft.md", []byte(text)); d.Notice != "" {
			t.Errorf("%s: notice %q", name, d.Notice)
		}
	}
	if d := Parse("draft.md", []byte(strings.Repeat("> ", 33)+"x\n")); d.Notice == "" {
		t.Errorf("33 levels: no notice")
	}
}

// TestMarkdownBudgetKeepsComments: read as plain text, a Markdown document
// keeps its HTML comments, so that its directives still apply, and leaves
// out its front matter.
func TestMarkdownBudgetKeepsComments(t *testing.T) {
	text := "---\ntitle: Officials said\n---\n" + repeat(">", 100) + " x\n\nOfficials said so. <!-- attrlint-disable-line anonymous-source -- r -->\n<!-- open"
	d := Parse("draft.md", []byte(text))
	if d.Notice == "" {
		t.Fatal("no notice")
	}
	if len(d.Comments) != 2 || d.Comments[0].Text != "attrlint-disable-line anonymous-source -- r" || d.Comments[1].Text != "open" {
		t.Errorf("comments %+v", d.Comments)
	}
	for _, p := range d.Paragraphs {
		if strings.Contains(p.Text, "title:") {
			t.Errorf("front matter read as prose: %q", p.Text)
		}
	}
}

// TestMarkdownHostileLinear: hostile Markdown takes time in proportion to
// its size.
func TestMarkdownHostileLinear(t *testing.T) {
	for name, mk := range hostileMarkdown {
		t.Run(name, func(t *testing.T) {
			checkLinear(t, 32<<10, func(n int) { Parse("draft.md", []byte(mk(n))) })
		})
	}
}
