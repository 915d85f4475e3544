package prose

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// appendDecoded appends text[s:e] to b, decoding character references
// ("&amp;", "&#8220;", "&#x201D;") and, when escapes is set, Markdown
// backslash escapes ("\*"). Verbatim runs are copied, each decoded
// reference is put over its source bytes, so the mapping stays exact. A
// reference without its closing semicolon is kept as written.
func appendDecoded(b *paragraphBuilder, text []byte, s, e int, escapes bool) {
	run := s
	// amp and esc are the next '&' and backslash at or after i (e if
	// none), found with IndexByte: most text has neither.
	amp, esc := -1, e
	if escapes {
		esc = -1
	}
	for i := s; i < e; i++ {
		if amp < i {
			amp = indexByteFrom(text, i, e, '&')
		}
		if esc < i {
			esc = indexByteFrom(text, i, e, '\\')
		}
		if i = min(amp, esc); i == e {
			break
		}
		switch c := text[i]; {
		case c == '&':
			j := i + 1
			for j < e && j-i <= 40 && isEntityByte(text[j]) {
				j++
			}
			if j == i+1 || j >= e || text[j] != ';' {
				continue
			}
			ref := string(text[i : j+1])
			dec := html.UnescapeString(ref)
			// A partly decoded reference ("&ampx;" → "&x;") keeps its ";".
			if dec == ref || strings.HasSuffix(dec, ";") && dec != ";" {
				continue
			}
			b.copy(text, run, i)
			b.put(dec, i, j+1)
			run = j + 1
			i = j
		case escapes && c == '\\' && i+1 < e && isASCIIPunct(text[i+1]):
			b.copy(text, run, i)
			b.put(string(text[i+1:i+2]), i, i+2)
			run = i + 2
			i++
		}
	}
	b.copy(text, run, e)
}

// indexByteFrom returns the index of the first c in text[i:e], or e.
func indexByteFrom(text []byte, i, e int, c byte) int {
	if k := bytes.IndexByte(text[i:e], c); k >= 0 {
		return i + k
	}
	return e
}

func isEntityByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#'
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
