package prose

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Lower returns Text with letters folded to lower case, byte for byte the
// same length, so that offsets into it are offsets into Text. A letter whose
// lower case is encoded in a different number of bytes (such as "İ") is kept
// as it is. The result is computed when the paragraph is built and cached.
func (p *Paragraph) Lower() string {
	if p.lower == "" && p.Text != "" {
		p.lower = lowerSameLength(p.Text)
	}
	return p.lower
}

// lowerSameLength folds s to lower case without changing its length; it
// returns s itself when nothing changes.
func lowerSameLength(s string) string {
	i := lowerStart(s)
	if i == len(s) {
		return s
	}
	b := []byte(s)
	if !foldLower(b, i) {
		return s
	}
	return unsafe.String(&b[0], len(b)) // b is not written again
}

// lowerStart returns the index of the first byte of s that may change when
// folded: an upper-case ASCII letter or a non-ASCII byte; len(s) if none.
func lowerStart(s string) int {
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			break
		}
	}
	return i
}

// foldLower folds b[i:] to lower case in place, keeping its length, and
// reports whether it changed anything.
func foldLower(b []byte, i int) bool {
	changed := false
	for i < len(b) {
		// Eight ASCII bytes at a time: set bit 5 (0x20) of each of 'A'-'Z'.
		if i+8 <= len(b) {
			x := binary.LittleEndian.Uint64(b[i:])
			if x&hiBits == 0 {
				ge := x + lowBits*(0x80-'A') // bit 7 set where c >= 'A'
				gt := x + lowBits*(0x7f-'Z') // bit 7 set where c > 'Z'
				if up := ge &^ gt & hiBits; up != 0 {
					binary.LittleEndian.PutUint64(b[i:], x|up>>2)
					changed = true
				}
				i += 8
				continue
			}
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
				changed = true
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(b[i:])
		if (r != utf8.RuneError || w > 1) && !isGeneralPunct(r) {
			if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == w {
				utf8.EncodeRune(b[i:], l)
				changed = true
			}
		}
		i += w
	}
	return changed
}

const (
	lowBits = 0x0101010101010101
	hiBits  = 0x8080808080808080
)
