package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Human and line-oriented formats (text, github) write fields that come
// from the input: file names, and messages that quote the draft. A file
// name or a quotation holding terminal escape codes would recolour or
// rewrite the terminal or the CI log, a newline would start a line that
// reads as a finding of its own, and bidi controls would reorder what is
// shown. sanitize makes such fields inert and visible: C0 and C1 controls,
// DEL, bidi controls and invalid bytes become Go-style escapes ("\x1b",
// "\n", "\u202e", "\xff"). Tabs are kept. Text with none of them, all
// ordinary copy, is returned as it is.
func sanitize(s string) string { return sanitizeFrom(s, false) }

// sanitizeData is sanitize for a field whose format escapes line breaks
// itself (a workflow command's message, %0A): CR and LF are kept.
func sanitizeData(s string) string { return sanitizeFrom(s, true) }

func sanitizeFrom(s string, lines bool) string {
	i := unsafeIndex(s, lines)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n' && !lines:
				b.WriteString(`\n`)
			case c == '\r' && !lines:
				b.WriteString(`\r`)
			case c == '\t' || c >= 0x20 && c != 0x7F || lines && (c == '\n' || c == '\r'):
				b.WriteByte(c)
			default:
				fmt.Fprintf(&b, `\x%02x`, c)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			fmt.Fprintf(&b, `\x%02x`, c)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

// unsafeIndex returns the index of the first byte of s that sanitize
// (sanitizeData if lines is set) changes, or len(s).
func unsafeIndex(s string, lines bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && (!lines || c != '\n' && c != '\r') || c == 0x7F {
				return i
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 || unsafeRune(r) {
			return i
		}
		i += w
	}
	return len(s)
}

// unsafeRune reports whether r is a C1 control or a bidi control.
func unsafeRune(r rune) bool {
	return r >= 0x80 && r <= 0x9F || isBidiControl(r)
}
