package prose

import (
	"sort"
	"unicode/utf8"
)

// lineIndex records the offset at which each line starts. LF, CRLF and a lone
// CR each end a line.
type lineIndex struct {
	starts []int
}

func newLineIndex(text []byte) lineIndex {
	starts := make([]int, 1, len(text)/60+1)
	// A byte-order mark is not a character of the first line: editors do
	// not show it, so columns start after it.
	if len(text) >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF {
		starts[0] = 3
	}
	for i := starts[0]; i < len(text); i++ {
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
	return lineIndex{starts: starts}
}

func (x lineIndex) line(off int) int {
	l := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	return max(l, 0)
}

func clamp(off, n int) int {
	if off < 0 {
		return 0
	}
	if off > n {
		return n
	}
	return off
}

func (x lineIndex) position(text []byte, off int) (line, col int) {
	off = clamp(off, len(text))
	l := x.line(off)
	off = max(off, x.starts[l])
	return l + 1, utf8.RuneCount(text[x.starts[l]:off]) + 1
}

func (x lineIndex) position16(text []byte, off int) (line, col int) {
	off = clamp(off, len(text))
	l := x.line(off)
	off = max(off, x.starts[l])
	n := 0
	for s := text[x.starts[l]:off]; len(s) > 0; {
		r, w := utf8.DecodeRune(s)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		s = s[w:]
	}
	return l + 1, n + 1
}

func (x lineIndex) lineSpan(text []byte, n int) Span {
	if n < 1 || n > len(x.starts) {
		return Span{len(text), len(text)}
	}
	start := x.starts[n-1]
	end := len(text)
	if n < len(x.starts) {
		end = x.starts[n]
	}
	// Drop the line's terminator: LF, CRLF or CR.
	if end > start && text[end-1] == '\n' {
		end--
	}
	if end > start && text[end-1] == '\r' {
		end--
	}
	return Span{start, end}
}
