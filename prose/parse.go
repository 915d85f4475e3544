package prose

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// Parse decodes data and reads its prose in the format path's extension
// names (see FormatOf).
func Parse(path string, data []byte) *Document {
	return ParseAs(path, data, FormatOf(path))
}

// ParseAs decodes data and reads its prose as format f. It never fails:
// invalid bytes are kept and count as one character each, and a reader that
// cannot make sense of its markup falls back to keeping what text it can.
func ParseAs(path string, data []byte, f Format) *Document {
	d := &Document{Path: path, Format: f}
	d.Text, d.Encoding = decode(data)
	d.lines = newLineIndex(d.Text)
	start := 0
	if bytes.HasPrefix(d.Text, bom) {
		start = len(bom)
	}
	st := newStore(len(d.Text))
	switch f {
	case Markdown:
		if why := markdownBudget(d.Text[start:]); why != "" {
			d.Notice = "read as plain text, not as Markdown: " + why
			d.Comments = readMarkdownAsPlain(st, d.Text, start)
			break
		}
		d.Comments = readMarkdownDoc(st, d.Text, start)
	case HTML:
		d.Comments = readHTMLDoc(st, d.Text, start)
	default:
		readPlain(st, d.Text, start)
	}
	d.Paragraphs = st.paragraphs()
	for i, p := range d.Paragraphs {
		p.Index = i
	}
	return d
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// decode returns the text as UTF-8 and the name of its encoding. UTF-8 (with
// or without a byte-order mark, valid or not) is returned unchanged, so that
// offsets are offsets into the file; UTF-16 with a byte-order mark is
// converted.
func decode(data []byte) ([]byte, string) {
	switch {
	case bytes.HasPrefix(data, bom):
		return data, "utf-8 bom"
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		return fromUTF16(data[2:], false), "utf-16le"
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		return fromUTF16(data[2:], true), "utf-16be"
	}
	return data, "utf-8"
}

func fromUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(u)*3/2+4)
	for _, r := range utf16.Decode(u) {
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 == 1 { // a dangling byte: keep it visible as a replacement
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out
}

// LooksBinary reports whether data looks like a binary file rather than
// text: it has a NUL byte in its first 8 KB and is not UTF-16 with a
// byte-order mark.
func LooksBinary(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return false
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	return bytes.IndexByte(head, 0) >= 0
}

// LooksUTF16 reports whether data, which has no byte-order mark, looks like
// UTF-16 text: in its first 1 KB, NUL bytes fill most of one byte parity
// (the high bytes of Latin characters) and almost none of the other.
func LooksUTF16(data []byte) bool {
	head := data[:min(len(data), 1024)]
	if len(head) < 8 {
		return false
	}
	var zeros [2]int
	for i, c := range head {
		if c == 0 {
			zeros[i%2]++
		}
	}
	half := len(head) / 2
	hi, lo := max(zeros[0], zeros[1]), min(zeros[0], zeros[1])
	return hi*10 >= half*7 && lo*20 <= half
}
