package baseline

import (
	"testing"

	"github.com/attrlint/attrlint/prose"
)

// sentenceOfWalk is sentenceOf as a walk over every sentence: the
// reference for the search.
func sentenceOfWalk(doc *prose.Document, off int) string {
	p := doc.ParagraphAt(off)
	if p == nil {
		return ""
	}
	for _, s := range p.Sentences {
		if sp := p.SrcSpan(s); sp.Start <= off && off < sp.End {
			return p.Text[s.Start:s.End]
		}
	}
	return p.Text
}

// TestSentenceOfSearch: finding a finding's sentence by search gives the
// sentence the walk over every sentence gave, at every offset, whatever
// markup, entities and line breaks lie between the sentences.
func TestSentenceOfSearch(t *testing.T) {
	for path, text := range map[string]string{
		"a.md":   "# Title\n\nOfficials said so. &ldquo;We go,&rdquo; *said* Ana.\nCritics say\nit fails!  Really?\n\n> Quoted. Text [here](x). More\n\n- one. two\n",
		"a.html": "<p>Officials said so.<br>We <em>go</em>. Next &amp; last.</p><p>Again. And</p>",
		"a.txt":  "Critics say the plan hurts. The council met on Tuesday.   Then left.\r\nNext line. Here\n\n\nLast.",
	} {
		doc := prose.Parse(path, []byte(text))
		for off := -1; off <= len(doc.Text)+1; off++ {
			if got, want := sentenceOf(doc, off), sentenceOfWalk(doc, off); got != want {
				t.Errorf("%s at %d: %q, want %q", path, off, got, want)
			}
		}
	}
}
