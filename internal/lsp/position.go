package lsp

import (
	"sort"
	"unicode/utf8"
)

// Encoding is the unit LSP character offsets count: the position encoding
// negotiated in initialize.
type Encoding string

// The position encodings of LSP 3.17.
const (
	UTF8  Encoding = "utf-8"
	UTF16 Encoding = "utf-16"
	UTF32 Encoding = "utf-32"
)

// negotiate picks the position encoding from what the client offers: UTF-8
// when offered (attrlint's offsets are bytes, so nothing to convert), else
// UTF-32, else UTF-16, which every client must support.
func negotiate(offered []string) Encoding {
	has := map[string]bool{}
	for _, e := range offered {
		has[e] = true
	}
	for _, e := range []Encoding{UTF8, UTF32} {
		if has[string(e)] {
			return e
		}
	}
	return UTF16
}

// lineIndex maps byte offsets of a text to LSP positions and back. Lines end
// at LF, CRLF or a lone CR, as LSP and attrlint agree.
type lineIndex struct {
	text   string
	starts []int
}

func newLineIndex(text string) *lineIndex {
	starts := make([]int, 1, len(text)/60+1)
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text: text, starts: starts}
}

// lineEnd returns the offset of the end of line l (0-based), before its
// terminator.
func (x *lineIndex) lineEnd(l int) int {
	end := len(x.text)
	if l+1 < len(x.starts) {
		end = x.starts[l+1]
	}
	if end > x.starts[l] && x.text[end-1] == '\n' {
		end--
	}
	if end > x.starts[l] && x.text[end-1] == '\r' {
		end--
	}
	return end
}

// position returns the LSP position of byte offset off. An offset inside a
// multi-byte character is moved back to the character's start.
func (x *lineIndex) position(off int, enc Encoding) Position {
	off = min(max(off, 0), len(x.text))
	l := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	l = max(l, 0)
	start := x.starts[l]
	if end := x.lineEnd(l); off > end {
		off = end // inside a CRLF: the end of the line
	}
	off = runeStart(x.text, off, start)
	return Position{Line: l, Character: units(x.text[start:off], enc)}
}

// units counts s in the code units of enc. An invalid byte counts as one
// unit, as in attrlint's own columns.
func units(s string, enc Encoding) int {
	if enc == UTF8 {
		return len(s)
	}
	c := 0
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if enc == UTF16 && r >= 0x10000 {
			c += 2
		} else {
			c++
		}
		i += w
	}
	return c
}

// runeStart moves offset off of text back to the start of the character it
// lies inside, not before floor, so that a column never splits a character.
// An offset at an invalid byte stays: invalid bytes count one by one.
func runeStart(text string, off, floor int) int {
	if off <= floor || off >= len(text) || utf8.RuneStart(text[off]) {
		return off
	}
	for s := off - 1; s >= floor && s > off-utf8.UTFMax; s-- {
		if utf8.RuneStart(text[s]) {
			r, w := utf8.DecodeRuneInString(text[s:])
			if (r != utf8.RuneError || w > 1) && s+w > off {
				return s
			}
			break
		}
	}
	return off
}

// offset returns the byte offset of LSP position p. A line past the end is
// the end of the text; a character past the end of its line is the line's
// end (as the specification asks); a UTF-16 position inside a surrogate
// pair is the start of that character.
func (x *lineIndex) offset(p Position, enc Encoding) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(x.starts) {
		return len(x.text)
	}
	start, end := x.starts[p.Line], x.lineEnd(p.Line)
	if p.Character <= 0 {
		return start
	}
	if enc == UTF8 {
		return runeStart(x.text, min(start+p.Character, end), start)
	}
	c := 0
	for i := start; i < end; {
		r, w := utf8.DecodeRuneInString(x.text[i:end])
		n := 1
		if enc == UTF16 && r >= 0x10000 {
			n = 2
		}
		if c+n > p.Character {
			return i
		}
		c += n
		i += w
	}
	return end
}

// positions returns the LSP positions of the byte offsets offs, as
// position would, in one pass over the text: the offsets are visited in
// order and the code units counted from one to the next, so that the
// findings of a one-line megabyte export cost the line once, not once
// each.
func (x *lineIndex) positions(offs []int, enc Encoding) []Position {
	order := make([]int, len(offs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return offs[order[a]] < offs[order[b]] })
	out := make([]Position, len(offs))
	line, cur, count := 0, 0, 0
	for _, i := range order {
		off := min(max(offs[i], 0), len(x.text))
		if line+1 < len(x.starts) && x.starts[line+1] <= off {
			line = sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
			cur, count = x.starts[line], 0
		}
		start := x.starts[line]
		if end := x.lineEnd(line); off > end {
			off = end // inside a CRLF: the end of the line
		}
		off = runeStart(x.text, off, start)
		if off >= cur {
			count += units(x.text[cur:off], enc)
		} else {
			// Moved back inside a character already counted
			// past: count again from the line's start.
			count = units(x.text[start:off], enc)
		}
		cur = off
		out[i] = Position{Line: line, Character: count}
	}
	return out
}
