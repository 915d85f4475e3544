package prose

import (
	"unicode"
	"unicode/utf8"
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
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	changed := false
	for i < len(b) {
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
		if r != utf8.RuneError || w > 1 {
			if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == w {
				utf8.EncodeRune(b[i:], l)
				changed = true
			}
		}
		i += w
	}
	if !changed {
		return s
	}
	return string(b)
}
