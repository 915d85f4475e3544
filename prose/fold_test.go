package prose

import (
	"strings"
	"testing"
)

// TestFoldInvisible: invisible characters inside a word and ligatures read
// as the word the reader sees; the word maps back to its original bytes,
// the invisible characters and ligatures included.
func TestFoldInvisible(t *testing.T) {
	for _, tt := range []struct{ path, text, word string }{
		{"a.txt", "Of\u00ADficials said the bridge would close.", "Of\u00ADficials"},
		{"a.txt", "Offi\u200Bcials said the bridge would close.", "Offi\u200Bcials"},
		{"a.txt", "Off\u200C\u200Dicials said the bridge would close.", "Off\u200C\u200Dicials"},
		{"a.txt", "Offici\u2060als said the bridge would close.", "Offici\u2060als"},
		{"a.txt", "Offic\uFEFFials said the bridge would close.", "Offic\uFEFFials"},
		{"a.txt", "O\uFB03cials said the bridge would close.", "O\uFB03cials"},
		{"a.txt", "Of\uFB01cials said the bridge would close.", "Of\uFB01cials"},
		{"a.md", "# T\n\n*O\uFB03cials* said the bridge would close.\n", "O\uFB03cials"},
		{"a.md", "Of&shy;ficials said the bridge would close.\n", "Of&shy;ficials"},
		{"a.html", "<p>Of&shy;fi\u00ADcials said the bridge would close.</p>", "Of&shy;fi\u00ADcials"},
	} {
		d := Parse(tt.path, []byte(tt.text))
		checkDocument(t, d)
		if len(d.Paragraphs) == 0 {
			t.Fatalf("%q: no paragraphs", tt.text)
		}
		p := d.Paragraphs[len(d.Paragraphs)-1]
		if !strings.HasPrefix(p.Text, "Officials said") {
			t.Errorf("%q: text %q", tt.text, p.Text)
			continue
		}
		tok := p.Tokens[0]
		if w := p.Text[tok.Start:tok.End]; w != "Officials" || p.Lower()[tok.Start:tok.End] != "officials" {
			t.Errorf("%q: first token %q", tt.text, w)
		}
		sp := p.SrcSpan(Span{tok.Start, tok.End})
		if got := string(d.Text[sp.Start:sp.End]); got != tt.word {
			t.Errorf("%q: token maps to %q, want %q", tt.text, got, tt.word)
		}
		// A span inside the word maps inside it too.
		if sp := p.SrcSpan(Span{tok.Start + 2, tok.Start + 5}); sp.Start < strings.Index(tt.text, tt.word) || sp.End > strings.Index(tt.text, tt.word)+len(tt.word) {
			t.Errorf("%q: inner span maps to %v", tt.text, sp)
		}
	}
}

// TestFoldLeavesOthersAlone: an invisible character between words or at a
// word's edge, or a joiner in an emoji, stays; text without any is the
// same text.
func TestFoldLeavesOthersAlone(t *testing.T) {
	for _, text := range []string{
		"Officials \u200B said.", "\u00ADOfficials said.", "Officials\u00AD said.",
		"Family 👨\u200D👩\u200D👧 said.", "Officials said “so” — ’90s café.",
	} {
		d := Parse("a.txt", []byte(text))
		checkDocument(t, d)
		if got := d.Paragraphs[0].Text; got != text {
			t.Errorf("text %q became %q", text, got)
		}
	}
}
