package prose

import "sort"

// Outline returns a copy of d that keeps what a report needs once every
// rule has run (the path, format, encoding, text, line index and comments)
// and, of the paragraphs, only those whose source range contains one of
// offsets: the ones a finding or a directive points into, with their text,
// source spans and sentences but without tokens. Positions, line
// spans and ParagraphAt answer the same as d's for those offsets, so that
// reports and baselines written from the outline are byte-identical, while
// the tokens, sentences and lower-cased copies of every other paragraph can
// be freed. Offsets need not be sorted.
func (d *Document) Outline(offsets []int) *Document {
	o := &Document{Path: d.Path, Format: d.Format, Text: d.Text, Encoding: d.Encoding, Comments: d.Comments, lines: d.lines}
	if len(offsets) == 0 || len(d.Paragraphs) == 0 {
		return o
	}
	offs := append([]int(nil), offsets...)
	sort.Ints(offs)
	// The paragraphs to keep, in document order: counted first, so that
	// their copies take one allocation.
	n := 0
	var last *Paragraph
	for _, off := range offs {
		if p := d.ParagraphAt(off); p != nil && p != last {
			n++
			last = p
		}
	}
	if n == 0 {
		return o
	}
	kept := make([]Paragraph, 0, n)
	o.Paragraphs = make([]*Paragraph, 0, n)
	last = nil
	for _, off := range offs {
		if p := d.ParagraphAt(off); p != nil && p != last {
			// Text, spans and sentences stay; tokens (three words per
			// word of prose) and the lower-cased copy go.
			kept = append(kept, Paragraph{Index: p.Index, Kind: p.Kind, Text: p.Text,
				Start: p.Start, End: p.End, Sentences: p.Sentences, segs: p.segs})
			o.Paragraphs = append(o.Paragraphs, &kept[len(kept)-1])
			last = p
		}
	}
	return o
}
