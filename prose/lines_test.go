package prose

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// On lines longer than markEvery, columns come from character marks rather
// than a count from the start of the line; they must agree with the count
// exactly, for code points and UTF-16 units, whatever the text holds:
// multi-byte characters across a mark, emoji, invalid bytes, CRLF.
func TestPositionsOnLongLinesAgreeWithCounting(t *testing.T) {
	pieces := []string{"a", "word ", "é", "“", "—", "😀", "中文", "\xe2\x80", "\xff", " ", "\r\n", "\n"}
	r := rand.New(rand.NewPCG(7, 9))
	for trial := 0; trial < 20; trial++ {
		var b []byte
		for len(b) < 3*markEvery+r.IntN(markEvery) {
			p := pieces[r.IntN(len(pieces))]
			if (p == "\n" || p == "\r\n") && r.IntN(2000) != 0 {
				continue // keep lines long
			}
			b = append(b, p...)
		}
		d := ParseAs("long.txt", b, Plain)
		if d.lines.marks == nil {
			t.Fatalf("trial %d: no marks for a text with a %d-byte line", trial, len(b))
		}
		for k := 0; k < 300; k++ {
			off := r.IntN(len(b) + 1)
			line, col := d.Position(off)
			_, col16 := d.Position16(off)
			start := d.lines.starts[line-1]
			off = max(off, start)
			wantCol := utf8.RuneCount(b[start:off]) + 1
			units, _ := count16(b[start:off])
			if col != wantCol || col16 != units+1 {
				t.Fatalf("trial %d, offset %d (line %d): column %d/%d, want %d/%d", trial, off, line, col, col16, wantCol, units+1)
			}
		}
	}
}

// BenchmarkPositionsOneLine resolves 1,000 sorted positions on one 400 KB
// line, as a report does for a one-line draft with many findings.
func BenchmarkPositionsOneLine(b *testing.B) {
	text := make([]byte, 0, 400<<10)
	for len(text) < 400<<10 {
		text = append(text, "Officials said the “harbor” plan — 150,000 tons — was late. "...)
	}
	d := ParseAs("one.txt", text, Plain)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for off := 0; off < len(text); off += len(text) / 1000 {
			d.Position(off)
		}
	}
}

func TestLooksUTF16(t *testing.T) {
	le := []byte{}
	for _, r := range "Officials said the ferry was late, and the council agreed." {
		le = append(le, byte(r), 0)
	}
	be := make([]byte, len(le))
	for i := 0; i+1 < len(le); i += 2 {
		be[i], be[i+1] = le[i+1], le[i]
	}
	for _, tc := range []struct {
		name string
		data []byte
		want bool
	}{
		{"UTF-16LE without BOM", le, true},
		{"UTF-16BE without BOM", be, true},
		{"UTF-8 text", []byte("Officials said the ferry was late."), false},
		{"binary", []byte("GIF89a\x00\x01\x02\x00\x00\xff\x10 picture data \x00\x07"), false},
		{"too short", []byte{'a', 0}, false},
	} {
		if got := LooksUTF16(tc.data); got != tc.want {
			t.Errorf("%s: LooksUTF16 = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// Lines start after every LF, CRLF and lone CR, and after a byte-order
// mark; the index has one start per line, with or without a CR in the text.
func TestLineStarts(t *testing.T) {
	pieces := []string{"a", "word ", "é", "\n", "\r\n", "\r", "\n\n", "\r\r\n", "\ufeff"}
	r := rand.New(rand.NewPCG(3, 5))
	for trial := 0; trial < 2000; trial++ {
		var b []byte
		if trial%3 == 0 {
			b = append(b, "\ufeff"...)
		}
		for n := r.IntN(12); n > 0; n-- {
			p := pieces[r.IntN(len(pieces))]
			if trial%2 == 0 && p[0] == '\r' {
				p = "\n"
			}
			b = append(b, p...)
		}
		want := []int{0}
		if len(b) >= 3 && string(b[:3]) == "\ufeff" {
			want[0] = 3
		}
		for i := want[0]; i < len(b); i++ {
			switch {
			case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
				want = append(want, i+2)
				i++
			case b[i] == '\r' || b[i] == '\n':
				want = append(want, i+1)
			}
		}
		got := newLineIndex(b).starts
		if len(got) != len(want) {
			t.Fatalf("%q: line starts %v, want %v", b, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: line starts %v, want %v", b, got, want)
			}
		}
	}
}
