package lsp

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/attrlint/attrlint/prose"
)

func TestPositionsAgreeWithTheDocumentModel(t *testing.T) {
	texts := []string{
		wideDraft,
		"“Quoted,” she said.\r\nSecond line 😀 here.\r\n",
		"Old Mac line\rwith 中文 text\rand an end",
		"no newline at the end 🎉",
		"",
	}
	for _, text := range texts {
		idx := newLineIndex(text)
		doc := prose.Parse("x.txt", []byte(text))
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue // inside a character
			}
			if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
				continue // inside a CRLF: the server says the line's end
			}
			l16, c16 := doc.Position16(off)
			l32, c32 := doc.Position(off)
			p16, p32, p8 := idx.position(off, UTF16), idx.position(off, UTF32), idx.position(off, UTF8)
			if p16 != (Position{l16 - 1, c16 - 1}) || p32 != (Position{l32 - 1, c32 - 1}) {
				t.Errorf("%q at %d: utf-16 %+v utf-32 %+v, document model says %d:%d and %d:%d", text, off, p16, p32, l16, c16, l32, c32)
			}
			if p8.Line != p16.Line || off-idx.starts[p8.Line] != p8.Character {
				t.Errorf("%q at %d: utf-8 %+v", text, off, p8)
			}
			for _, enc := range []Encoding{UTF8, UTF16, UTF32} {
				if back := idx.offset(idx.position(off, enc), enc); back != off {
					t.Errorf("%q: %s round trip of offset %d gives %d", text, enc, off, back)
				}
			}
		}
	}
}

func TestOffsetsOfOddPositions(t *testing.T) {
	text := "a😀b\nxyz"
	idx := newLineIndex(text)
	tests := []struct {
		name string
		p    Position
		enc  Encoding
		want int
	}{
		{"inside a surrogate pair goes to the character's start", Position{0, 2}, UTF16, 1},
		{"after the pair", Position{0, 3}, UTF16, 5},
		{"inside a UTF-8 sequence goes to the character's start", Position{0, 3}, UTF8, 1},
		{"past the end of a line is the line's end", Position{0, 40}, UTF16, 6},
		{"past the last line is the end of the text", Position{9, 0}, UTF16, len(text)},
		{"utf-32 counts the emoji once", Position{0, 2}, UTF32, 5},
		{"negative is the start", Position{-1, 0}, UTF16, 0},
	}
	for _, tt := range tests {
		if got := idx.offset(tt.p, tt.enc); got != tt.want {
			t.Errorf("%s: offset(%+v, %s) = %d, want %d", tt.name, tt.p, tt.enc, got, tt.want)
		}
	}
}

func TestIncrementalChangesInUTF16(t *testing.T) {
	text := "Le 😀 maire a dit.\nOfficials said so."
	changes := []contentChange{
		{Range: &Range{Start: Position{0, 6}, End: Position{0, 11}}, Text: "préfet"}, // "maire" after a two-unit emoji
		{Range: &Range{Start: Position{1, 0}, End: Position{1, 9}}, Text: "Two aides"},
		{Range: &Range{Start: Position{1, 18}, End: Position{1, 18}}, Text: " 中文"},
	}
	want := "Le 😀 préfet a dit.\nTwo aides said so. 中文"
	if got := applyChanges(text, changes, UTF16); got != want {
		t.Errorf("applyChanges = %q, want %q", got, want)
	}
	if got := applyChanges(text, []contentChange{{Text: "whole"}}, UTF16); got != "whole" {
		t.Errorf("a change without a range replaces the text; got %q", got)
	}
}

// TestPositionsInOnePass: converting many offsets at once gives what
// converting each gives, in any order, with CRLF, surrogate pairs and
// offsets inside characters.
func TestPositionsInOnePass(t *testing.T) {
	text := "a🙂b\r\nc東d\re\n\n🙂🙂x" + "\xff" + "y"
	x := newLineIndex(text)
	var offs []int
	for i := len(text) + 2; i >= -2; i-- {
		offs = append(offs, i, (i*7)%(len(text)+1))
	}
	for _, enc := range []Encoding{UTF8, UTF16, UTF32} {
		got := x.positions(offs, enc)
		for i, off := range offs {
			if want := x.position(off, enc); got[i] != want {
				t.Errorf("%s: offset %d at %+v, want %+v", enc, off, got[i], want)
			}
		}
	}
}

// TestDiagnosticsOnOneLongLineAreLinear: the findings of a one-line
// export are converted to positions in time linear in its length.
func TestDiagnosticsOnOneLongLineAreLinear(t *testing.T) {
	if os.Getenv("ATTRLINT_TIMING") == "" {
		t.Skip("a timing test: bash bench/linear.sh runs it (ATTRLINT_TIMING=1)")
	}
	measure := func(n int) time.Duration {
		text := strings.Repeat("Critics say the plan hurts. The council met. ", n)
		x := newLineIndex(text)
		var offs []int
		for i := 0; i < len(text); i += 45 {
			offs = append(offs, i+7, i)
		}
		start := time.Now()
		x.positions(offs, UTF16)
		return time.Since(start)
	}
	small, large := measure(20000), measure(40000)
	t.Logf("0.9 MB: %v, 1.8 MB: %v", small, large)
	if large > 10*small+50*time.Millisecond {
		t.Errorf("doubling the line took %v -> %v", small, large)
	}
	if large > time.Second {
		t.Errorf("converting the positions of a 1.8 MB line took %v", large)
	}
}
