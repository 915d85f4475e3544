package prose

import (
	"bytes"
	"sort"
	"sync"
	"unicode/utf8"
)

// lineIndex records the offset at which each line starts. LF, CRLF and a lone
// CR each end a line.
type lineIndex struct {
	starts []int
	// marks, for a text with long lines, counts characters up to every
	// markEvery bytes, so that a column costs a short count, not one over
	// the whole line (a one-line file of many findings stays linear).
	marks *charMarks
}

// markEvery is the spacing of charMarks, and the line length from which
// they are kept.
const markEvery = 4096

// charMarks holds, for offsets pos[i] (each at the start of a character),
// the number of code points and of UTF-16 units in text[:pos[i]].
type charMarks struct {
	once         sync.Once
	pos          []int
	runes, units []int
}

func (m *charMarks) build(text []byte) {
	for at := 0; at < len(text); at += markEvery {
		p := at
		for p > 0 && p < len(text) && !utf8.RuneStart(text[p]) && at-p < utf8.UTFMax {
			p--
		}
		r, u := 0, 0
		if n := len(m.pos); n > 0 {
			r, u = m.runes[n-1], m.units[n-1]
			c16, c := count16(text[m.pos[n-1]:p])
			r, u = r+c, u+c16
		}
		m.pos = append(m.pos, p)
		m.runes = append(m.runes, r)
		m.units = append(m.units, u)
	}
}

// before returns the number of code points and UTF-16 units in text[:off].
func (m *charMarks) before(text []byte, off int) (runes, units int) {
	m.once.Do(func() { m.build(text) })
	i := sort.Search(len(m.pos), func(i int) bool { return m.pos[i] > off }) - 1
	if i < 0 {
		u, r := count16(text[:off])
		return r, u
	}
	u, r := count16(text[m.pos[i]:off])
	return m.runes[i] + r, m.units[i] + u
}

// count16 returns the UTF-16 units and the code points of s (an invalid
// byte counts as one of each).
func count16(s []byte) (units, runes int) {
	for len(s) > 0 {
		if s[0] < utf8.RuneSelf {
			s = s[1:]
			units++
			runes++
			continue
		}
		r, w := utf8.DecodeRune(s)
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		runes++
		s = s[w:]
	}
	return units, runes
}

// columns returns the code-point and UTF-16 lengths of text[start:off], a
// stretch of one line.
func (x lineIndex) columns(text []byte, start, off int) (runes, units int) {
	if x.marks == nil || off-start < markEvery {
		u, r := count16(text[start:off])
		return r, u
	}
	r1, u1 := x.marks.before(text, start)
	r2, u2 := x.marks.before(text, off)
	return r2 - r1, u2 - u1
}

func newLineIndex(text []byte) lineIndex {
	first := 0
	// A byte-order mark is not a character of the first line: editors do
	// not show it, so columns start after it.
	if len(text) >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF {
		first = 3
	}
	var starts []int
	if cr := bytes.Count(text[first:], []byte{'\r'}); cr == 0 {
		// LF alone ends lines: as many lines as LFs, plus one.
		starts = make([]int, 1, bytes.Count(text[first:], []byte{'\n'})+1)
		starts[0] = first
		for i := first; ; {
			j := bytes.IndexByte(text[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
	} else {
		starts = make([]int, 1, cr+bytes.Count(text[first:], []byte{'\n'})+1)
		starts[0] = first
		for i := first; i < len(text); i++ {
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
	}
	x := lineIndex{starts: starts}
	for i := 1; i <= len(starts); i++ {
		end := len(text)
		if i < len(starts) {
			end = starts[i]
		}
		if end-starts[i-1] > markEvery {
			x.marks = &charMarks{}
			break
		}
	}
	return x
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
	r, _ := x.columns(text, x.starts[l], off)
	return l + 1, r + 1
}

func (x lineIndex) position16(text []byte, off int) (line, col int) {
	off = clamp(off, len(text))
	l := x.line(off)
	off = max(off, x.starts[l])
	_, u := x.columns(text, x.starts[l], off)
	return l + 1, u + 1
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
