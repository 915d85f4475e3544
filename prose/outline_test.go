package prose

import "testing"

func TestOutlineKeepsOnlyPointedParagraphs(t *testing.T) {
	text := "# Ferry fares\n\nThe council raised fares by 5 percent, officials said.\n\nResidents objected at the hearing.\n\n“We cannot afford it,” said Ruth Alvarez, a commuter.\n"
	d := Parse("fares.md", []byte(text))
	if len(d.Paragraphs) != 4 {
		t.Fatalf("parsed %d paragraphs, want 4", len(d.Paragraphs))
	}
	officials := d.Paragraphs[1].Start + 40
	quote := d.Paragraphs[3].Start + 3
	o := d.Outline([]int{quote, officials, officials + 1})
	if len(o.Paragraphs) != 2 || o.Paragraphs[0].Start != d.Paragraphs[1].Start || o.Paragraphs[1].Start != d.Paragraphs[3].Start {
		t.Fatalf("outline kept %d paragraphs, want the second and the fourth", len(o.Paragraphs))
	}
	for i, p := range o.Paragraphs {
		q := d.Paragraphs[2*i+1]
		if p.Text != q.Text || len(p.Sentences) != len(q.Sentences) || p.Tokens != nil {
			t.Errorf("kept paragraph %d: text %q, %d sentences, %d tokens; want %q, %d sentences, no tokens",
				i, p.Text, len(p.Sentences), len(p.Tokens), q.Text, len(q.Sentences))
		}
		for _, s := range q.Sentences {
			if p.SrcSpan(s) != q.SrcSpan(s) {
				t.Errorf("kept paragraph %d: SrcSpan(%v) differs", i, s)
			}
		}
	}
	for _, off := range []int{0, officials, quote, len(text) - 1, len(text)} {
		l1, c1 := d.Position(off)
		l2, c2 := o.Position(off)
		if l1 != l2 || c1 != c2 {
			t.Errorf("Position(%d) = %d:%d in the outline, %d:%d in the document", off, l2, c2, l1, c1)
		}
		l1, c1 = d.Position16(off)
		l2, c2 = o.Position16(off)
		if l1 != l2 || c1 != c2 {
			t.Errorf("Position16(%d) = %d:%d in the outline, %d:%d in the document", off, l2, c2, l1, c1)
		}
	}
	for _, off := range []int{officials, quote} {
		if o.ParagraphAt(off).Start != d.ParagraphAt(off).Start {
			t.Errorf("ParagraphAt(%d) differs", off)
		}
	}
	if o.ParagraphAt(d.Paragraphs[2].Start) != nil {
		t.Error("the outline kept a paragraph nothing points into")
	}
	if o.LineCount() != d.LineCount() || string(o.Text) != text || o.Path != "fares.md" || o.Format != Markdown {
		t.Error("the outline lost the document's text, lines, path or format")
	}
}
