package lsp

import "strings"

// applyChanges returns text with the content changes of one didChange
// applied in order: a change without a range replaces the whole text; one
// with a range replaces that range, in the position encoding enc.
func applyChanges(text string, changes []contentChange, enc Encoding) string {
	for _, c := range changes {
		if c.Range == nil {
			text = c.Text
			continue
		}
		x := newLineIndex(text)
		start := x.offset(c.Range.Start, enc)
		end := x.offset(c.Range.End, enc)
		if end < start {
			start, end = end, start
		}
		var b strings.Builder
		b.Grow(len(text) - (end - start) + len(c.Text))
		b.WriteString(text[:start])
		b.WriteString(c.Text)
		b.WriteString(text[end:])
		text = b.String()
	}
	return text
}
