package prose

import (
	"unicode/utf8"
)

// Invisible characters and ligatures. A soft hyphen, a zero-width space,
// joiner or non-joiner, a word joiner or a byte-order mark inside a word
// shows nothing, and a ligature (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬆ) shows its letters, so
// "Of\u00ADficials" and "Oﬃcials" read as "Officials" on the page; a
// paragraph's Text reads them so too, so that every rule sees the word the
// reader sees. The mapping to the document stays exact: a dropped
// character maps to nothing, a ligature's letters to the ligature.

// foldable reports whether r is folded inside a word: dropped (repl "") or
// replaced by its letters.
func foldable(r rune) (repl string, ok bool) {
	switch r {
	case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return "", true
	case 0xFB00:
		return "ff", true
	case 0xFB01:
		return "fi", true
	case 0xFB02:
		return "fl", true
	case 0xFB03:
		return "ffi", true
	case 0xFB04:
		return "ffl", true
	case 0xFB06:
		return "st", true
	}
	return "", false
}

// mayFold reports whether text holds a byte that can start a foldable
// character (U+00AD starts with 0xC2, U+200B-D and U+2060 with 0xE2,
// U+FEFF and the ligatures with 0xEF), eight ASCII bytes at a time.
func mayFold(text []byte) bool {
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			w := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
				uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
			if w&hiBits == 0 {
				i += 8
				continue
			}
		}
		switch c := text[i]; c {
		case 0xC2:
			if i+1 < len(text) && text[i+1] == 0xAD {
				return true
			}
		case 0xE2:
			if i+2 < len(text) && (text[i+1] == 0x80 && text[i+2] >= 0x8B && text[i+2] <= 0x8D || text[i+1] == 0x81 && text[i+2] == 0xA0) {
				return true
			}
		case 0xEF:
			if i+2 < len(text) && (text[i+1] == 0xBB && text[i+2] == 0xBF || text[i+1] == 0xAC && text[i+2] <= 0x86) {
				return true
			}
		}
		i++
	}
	return false
}

// fold rewrites the builder's text with the invisible characters inside
// words dropped and ligatures spelled out, and its mapping to match. An
// invisible character is inside a word when the characters on both sides
// of it, other invisible ones aside, are letters or digits.
func (b *paragraphBuilder) fold() {
	if !mayFold(b.text) {
		return
	}
	text := b.text
	// The edits, in order: text[at:at+n] becomes repl.
	type edit struct {
		at, n int
		repl  string
	}
	var edits []edit
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRune(text[i:])
		repl, ok := foldable(r)
		if !ok {
			i += w
			continue
		}
		if repl == "" {
			// Inside a word? Look past other invisible characters.
			j := i
			for j > 0 {
				p, pw := utf8.DecodeLastRune(text[:j])
				if s, ok := foldable(p); !ok || s != "" {
					break
				}
				j -= pw
			}
			k := i + w
			for k < len(text) {
				n, nw := utf8.DecodeRune(text[k:])
				if s, ok := foldable(n); !ok || s != "" {
					break
				}
				k += nw
			}
			p, _ := utf8.DecodeLastRune(text[:j])
			n, _ := utf8.DecodeRune(text[k:])
			if j == 0 || k == len(text) || !isWordRune(p) || !isWordRune(n) {
				i += w
				continue
			}
		}
		edits = append(edits, edit{i, w, repl})
		i += w
	}
	// An edit must lie inside one segment; a character a reader split
	// between two (it never does) is left alone.
	kept, k := edits[:0], 0
	for _, ed := range edits {
		for k < len(b.segs) && b.segs[k].text+b.segs[k].n <= ed.at {
			k++
		}
		if k < len(b.segs) && b.segs[k].text <= ed.at && ed.at+ed.n <= b.segs[k].text+b.segs[k].n {
			kept = append(kept, ed)
		}
	}
	edits = kept
	if len(edits) == 0 {
		return
	}
	out := b.foldText[:0]
	segs := b.foldSegs[:0]
	e := 0
	for _, s := range b.segs {
		end := s.text + s.n
		if e == len(edits) || edits[e].at >= end {
			ns := s
			ns.text = len(out)
			out = append(out, text[s.text:end]...)
			segs = append(segs, ns)
			continue
		}
		if s.put || s.n != s.srcN {
			// Text standing for its source as a whole: fold it, and
			// keep it standing for the same source.
			start := len(out)
			at := s.text
			for ; e < len(edits) && edits[e].at < end; e++ {
				out = append(out, text[at:edits[e].at]...)
				out = append(out, edits[e].repl...)
				at = edits[e].at + edits[e].n
			}
			out = append(out, text[at:end]...)
			if len(out) > start {
				segs = append(segs, segment{text: start, n: len(out) - start, src: s.src, srcN: s.srcN, put: true})
			}
			continue
		}
		// Verbatim text: the pieces between edits stay verbatim; a
		// ligature's letters stand for it.
		at := s.text
		piece := func(to int) {
			if to > at {
				segs = append(segs, segment{text: len(out), n: to - at, src: s.src + at - s.text, srcN: to - at})
				out = append(out, text[at:to]...)
			}
		}
		for ; e < len(edits) && edits[e].at < end; e++ {
			ed := edits[e]
			piece(ed.at)
			if ed.repl != "" {
				segs = append(segs, segment{text: len(out), n: len(ed.repl), src: s.src + ed.at - s.text, srcN: ed.n, put: true})
				out = append(out, ed.repl...)
			}
			at = ed.at + ed.n
		}
		piece(end)
	}
	b.foldText, b.text = b.text, out
	b.foldSegs, b.segs = b.segs, segs
}
