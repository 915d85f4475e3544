package prose

import (
	"bytes"
	"unicode/utf8"
)

// Wrapped lines: a block of consecutive non-blank lines is one hard-wrapped
// paragraph when every line but the last is between these lengths (in code
// points); otherwise each line is a paragraph of its own, as in CMS exports
// and scraped pages that put one paragraph on each (long) line.
const (
	minWrappedLine = 30
	maxWrappedLine = 100
)

// readPlain splits plain text into paragraphs, into st: blocks separated
// by blank lines, each block being one hard-wrapped paragraph or one
// paragraph per line (see maxWrappedLine).
func readPlain(st *store, text []byte, start int) {
	b := &st.b
	block := st.lines[:0] // the non-blank lines of the current block
	flush := func() {
		if len(block) == 0 {
			return
		}
		if wrapped(text, block) {
			// Line breaks inside the paragraph stay in Text as whitespace.
			b.copy(text, block[0].Start, block[len(block)-1].End)
			if !b.empty() {
				b.paragraph(BlockParagraph)
			}
			b.reset()
		} else {
			for _, l := range block {
				b.copy(text, l.Start, l.End)
				if !b.empty() {
					b.paragraph(BlockParagraph)
				}
				b.reset()
			}
		}
		block = block[:0]
	}
	noCR := bytes.IndexByte(text[start:], '\r') < 0
	for i := start; i <= len(text); {
		j := i
		if noCR {
			j = len(text)
			if k := bytes.IndexByte(text[i:], '\n'); k >= 0 {
				j = i + k
			}
		} else {
			for j < len(text) && text[j] != '\n' && text[j] != '\r' {
				j++
			}
		}
		line := Span{i, j}
		if blank(text[i:j]) {
			flush()
		} else {
			block = append(block, line)
		}
		if j == len(text) {
			break
		}
		if text[j] == '\r' && j+1 < len(text) && text[j+1] == '\n' {
			j++
		}
		i = j + 1
	}
	flush()
	st.lines = block
}

func blank(b []byte) bool {
	for _, c := range b {
		if !isSpaceByte(c) {
			return false
		}
	}
	return true
}

func wrapped(text []byte, lines []Span) bool {
	if len(lines) < 2 {
		return false
	}
	for _, l := range lines[:len(lines)-1] {
		n := utf8.RuneCount(text[l.Start:l.End])
		if n < minWrappedLine || n > maxWrappedLine {
			return false
		}
	}
	return true
}
