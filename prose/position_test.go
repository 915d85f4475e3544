package prose

import (
	"strings"
	"testing"
	"unicode/utf16"
)

// wordOffset returns the document offset of the first token equal to w.
func wordOffset(t *testing.T, d *Document, w string) int {
	t.Helper()
	for _, p := range d.Paragraphs {
		for _, tok := range p.Tokens {
			if p.Text[tok.Start:tok.End] == w {
				return p.Src(tok.Start)
			}
		}
	}
	t.Fatalf("no token %q in %q", w, d.Text)
	return -1
}

func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xFF, 0xFE}
	if bigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestPositions(t *testing.T) {
	tests := []struct {
		name      string
		data      []byte
		word      string
		line, col int // code points
		col16     int // UTF-16 code units
		encoding  string
	}{
		{"LF", []byte("First line.\nOfficials said so."), "said", 2, 11, 11, "utf-8"},
		{"CRLF", []byte("First line.\r\n\r\nOfficials said so."), "said", 3, 11, 11, "utf-8"},
		{"CR only", []byte("First line.\r\rOfficials said so."), "said", 3, 11, 11, "utf-8"},
		{"BOM is not a column", []byte("\ufeffOfficials said so."), "Officials", 1, 1, 1, "utf-8 bom"},
		{"UTF-16 LE", utf16Bytes("Intro.\r\n😀 Officials said so.", false), "said", 2, 13, 14, "utf-16le"},
		{"UTF-16 BE", utf16Bytes("Intro.\n北京 officials said so.", true), "said", 2, 14, 14, "utf-16be"},
		{"invalid bytes count one each", []byte("\xc3( \xff Officials said."), "said", 1, 16, 16, "utf-8"},
		{"emoji before a word", []byte("🇺🇦 Officials said."), "said", 1, 14, 16, "utf-8"},
		{"CJK before a word", []byte("北京消息 Officials said."), "said", 1, 16, 16, "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("draft.txt", tt.data)
			if d.Encoding != tt.encoding {
				t.Errorf("encoding %q, want %q", d.Encoding, tt.encoding)
			}
			off := wordOffset(t, d, tt.word)
			if !strings.HasPrefix(string(d.Text[off:]), tt.word) {
				t.Fatalf("offset %d does not point at %q", off, tt.word)
			}
			if l, c := d.Position(off); l != tt.line || c != tt.col {
				t.Errorf("Position = %d:%d, want %d:%d", l, c, tt.line, tt.col)
			}
			if l, c := d.Position16(off); l != tt.line || c != tt.col16 {
				t.Errorf("Position16 = %d:%d, want %d:%d", l, c, tt.line, tt.col16)
			}
			checkDocument(t, d)
		})
	}
}
