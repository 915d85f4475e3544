package lsp

import (
	"strings"
	"unicode/utf8"
)

// applyChanges returns text with the content changes of one didChange
// applied in order: a change without a range replaces the whole text; one
// with a range replaces that range, in the position encoding enc.
//
// Each change's range is in the coordinates of the text the changes before
// it left. Rebuilding the line index after every change costs the whole
// text per change, which on the read loop is N times a megabyte for a
// didChange of N edits; so changes that move forward through the text (as
// an editor sends a replace-all or a multi-line edit) are applied in one
// pass: the text after the last change is still the original's, and a
// cursor walks it. A change behind the cursor, or one that makes a new
// CRLF out of a lone CR and LF, rebuilds the index once and goes on from
// there.
func applyChanges(text string, changes []contentChange, enc Encoding) string {
	e := editor{base: text, enc: enc}
	for _, c := range changes {
		if c.Range == nil {
			e = editor{base: c.Text, enc: enc}
			continue
		}
		if !e.forward(*c.Range, c.Text) {
			e.restart()
			if !e.forward(*c.Range, c.Text) {
				// At the start of a fresh text every range is
				// ahead, except one that ends before it starts.
				e.slow(*c.Range, c.Text)
			}
		}
	}
	return e.text()
}

// editor applies forward-moving edits to base in one pass: the current
// text is out followed by base[p:].
type editor struct {
	base string
	enc  Encoding
	idx  *lineIndex // of base, built when first needed
	out  strings.Builder
	p    int
	cur  cursor // where base[p] is in the current text
}

// cursor is a place in the current text that lies in base: its line and
// character there, its offset in base and its line in base.
type cursor struct {
	line, char int
	off, bline int
}

func (e *editor) text() string {
	if e.out.Len() == 0 {
		return e.base[e.p:]
	}
	e.out.WriteString(e.base[e.p:])
	return e.out.String()
}

// restart makes the current text the new base.
func (e *editor) restart() {
	*e = editor{base: e.text(), enc: e.enc}
}

// forward applies one edit if it lies at or after the cursor; it reports
// false, having changed nothing, when it does not.
func (e *editor) forward(r Range, newText string) bool {
	if e.idx == nil {
		e.idx = newLineIndex(e.base)
	}
	start, ok := e.walk(e.cur, r.Start)
	if !ok {
		return false
	}
	end, ok := e.walk(start, r.End)
	if !ok {
		return false
	}
	// A lone CR meeting an LF at either junction would make one line
	// break of two: positions after it shift in ways the cursor does not
	// follow.
	before := byte(0)
	if start.off > e.p {
		before = e.base[start.off-1]
	} else if e.out.Len() > 0 {
		s := e.out.String()
		before = s[len(s)-1]
	}
	after := byte(0)
	if end.off < len(e.base) {
		after = e.base[end.off]
	}
	first, last := after, before
	if newText != "" {
		first, last = newText[0], newText[len(newText)-1]
	}
	if before == '\r' && first == '\n' || last == '\r' && after == '\n' {
		return false
	}
	e.out.WriteString(e.base[e.p:start.off])
	e.out.WriteString(newText)
	e.p = end.off
	// Where the text after the edit now starts.
	c := cursor{line: start.line, char: start.char, off: end.off, bline: end.bline}
	if breaks, tail := lineBreaks(newText); breaks > 0 {
		c.line += breaks
		c.char = units(tail, e.enc)
	} else {
		c.char += units(newText, e.enc)
	}
	e.cur = c
	return true
}

// walk finds position p of the current text, which must lie at or after
// c, in base; ok is false when p is before c.
func (e *editor) walk(c cursor, p Position) (cursor, bool) {
	if p.Line < c.line || p.Line == c.line && p.Character < c.char {
		return c, false
	}
	x := e.idx
	from, char := c.off, c.char
	if p.Line > c.line {
		bl := c.bline + (p.Line - c.line)
		if bl >= len(x.starts) {
			// Past the last line: the end of the text.
			last := len(x.starts) - 1
			if last == c.bline {
				return cursor{line: c.line, char: c.char + units(e.base[c.off:], e.enc), off: len(e.base), bline: last}, true
			}
			return cursor{line: c.line + last - c.bline, char: units(e.base[x.starts[last]:], e.enc), off: len(e.base), bline: last}, true
		}
		c = cursor{line: p.Line, bline: bl}
		from, char = x.starts[bl], 0
	}
	end := x.lineEnd(c.bline)
	if e.enc == UTF8 {
		off := runeStart(e.base, min(from+max(p.Character-char, 0), end), from)
		c.off, c.char = off, char+(off-from)
		return c, true
	}
	i := from
	for i < end {
		r, w := utf8.DecodeRuneInString(e.base[i:end])
		n := 1
		if e.enc == UTF16 && r >= 0x10000 {
			n = 2
		}
		if char+n > p.Character {
			break
		}
		char += n
		i += w
	}
	c.off, c.char = i, char
	return c, true
}

// slow applies an edit whose end comes before its start, as LSP clients
// do not send but the server has always accepted: the range is swapped.
func (e *editor) slow(r Range, newText string) {
	text := e.text()
	x := newLineIndex(text)
	start, end := x.offset(r.Start, e.enc), x.offset(r.End, e.enc)
	if end < start {
		start, end = end, start
	}
	*e = editor{base: text[:start] + newText + text[end:], enc: e.enc}
}

// lineBreaks counts the line breaks of s (LF, CRLF or a lone CR) and
// returns the text after the last one.
func lineBreaks(s string) (int, string) {
	n, tail := 0, s
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			n, tail = n+1, s[i+1:]
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			n, tail = n+1, s[i+1:]
		}
	}
	return n, tail
}
