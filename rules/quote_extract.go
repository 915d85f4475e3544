package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/phrase"
	"github.com/attrlint/attrlint/prose"
)

// part is one stretch of a quotation in one paragraph.
type part struct {
	para int
	q    prose.Quoted
}

// quoteGroup is one quotation being assembled: its parts over one or more
// paragraphs.
type quoteGroup struct {
	parts []part
	q     Quotation
}

// paraQuotes is what the extractor knows of one paragraph.
type paraQuotes struct {
	p    *prose.Paragraph
	tops []prose.Quoted // outermost stretches
	cues []phrase.Match // cue matches outside quotations
}

// person is a named person seen as the subject of a speech verb.
type person struct {
	para, at int // paragraph and text offset
	name     string
	span     prose.Span // document offsets
}

func extractQuotes(doc *prose.Document, qs *quoteSettings) *QuoteSet {
	paras := make([]paraQuotes, len(doc.Paragraphs))
	var groups []*quoteGroup
	var open *quoteGroup // a group left open at the end of the previous paragraph
	for pi, p := range doc.Paragraphs {
		pq := &paras[pi]
		pq.p = p
		for _, s := range prose.ScanQuotes(p.Text) {
			if s.Depth == 0 {
				pq.tops = append(pq.tops, s)
			}
		}
		for _, m := range qs.matcher.Matches(p) {
			if !insideAny(pq.tops, m.Start) {
				pq.cues = append(pq.cues, m)
			}
		}
		var last *quoteGroup
		for k, s := range pq.tops {
			pt := part{para: pi, q: s}
			switch {
			case k == 0 && open != nil && s.Open.Start == 0:
				open.parts = append(open.parts, pt)
				last = open
			case s.Continues && last != nil:
				last.parts = append(last.parts, pt)
			default:
				last = &quoteGroup{parts: []part{pt}}
				groups = append(groups, last)
			}
		}
		open = nil
		if n := len(pq.tops); n > 0 && pq.tops[n-1].Unclosed {
			open = last
		}
	}

	persons := collectPersons(doc, paras, qs)
	out := &QuoteSet{Quotes: make([]Quotation, 0, len(groups))}
	for gi, g := range groups {
		fillQuotation(doc, paras, g, qs)
		if !g.q.Attributed() {
			continueFrom(g, groups[:gi])
		}
		if !g.q.Attributed() {
			attributeAcross(doc, paras, g, qs)
		}
		if !g.q.Attributed() {
			continueReported(&paras[g.parts[0].para], g, qs)
		}
		if g.q.Pronoun && qs.resolvable[lowerWord(g.q.Speaker)] {
			resolvePronoun(&g.q, persons)
		}
		out.Quotes = append(out.Quotes, g.q)
	}
	return out
}

// insideAny reports whether text offset i lies inside one of the stretches.
func insideAny(qs []prose.Quoted, i int) bool {
	for _, q := range qs {
		if q.Span.Start <= i && i < q.Span.End {
			return true
		}
	}
	return false
}

// fillQuotation sets the quotation's spans, size and attribution.
func fillQuotation(doc *prose.Document, paras []paraQuotes, g *quoteGroup, qs *quoteSettings) {
	first, last := g.parts[0], g.parts[len(g.parts)-1]
	fp, lp := doc.Paragraphs[first.para], doc.Paragraphs[last.para]
	q := &g.q
	q.Span = prose.Span{Start: fp.Src(first.q.Span.Start), End: lp.SrcEnd(last.q.Span.End)}
	q.Content = fp.SrcSpan(first.q.Content)
	q.Para = first.para
	q.Sentence = sentenceIndex(fp, first.q.Span.Start)
	q.Heading = fp.Kind == prose.BlockHeading || headline(fp)
	q.Unclosed = last.q.Unclosed
	for _, pt := range g.parts {
		p := doc.Paragraphs[pt.para]
		q.Parts = append(q.Parts, p.SrcSpan(pt.q.Content))
		q.Words += countWords(p, pt.q.Content)
	}
	fc, lc := fp.Text[first.q.Content.Start:first.q.Content.End], lp.Text[last.q.Content.Start:last.q.Content.End]
	q.TitleCase = len(g.parts) == 1 && titleCase(fp, first.q.Content)
	q.Complete = startsUpper(fc) && endsSentence(lc) && !q.TitleCase && (q.Words > 1 || endsSentenceStop(lc))
	q.Full = q.Complete || q.Words >= qs.minWords && !q.TitleCase
	for _, pt := range g.parts {
		if attribute(doc, &paras[pt.para], pt.q, q, qs) {
			return
		}
	}
}

// continueFrom attributes g to the attributed quotation before it in the
// paragraph where g starts, if there is one.
func continueFrom(g *quoteGroup, before []*quoteGroup) {
	para := g.parts[0].para
	for k := len(before) - 1; k >= 0; k-- {
		b := before[k]
		if b.parts[len(b.parts)-1].para != para {
			return
		}
		if b.q.Attributed() {
			g.q.Cue = "continuation"
			g.q.CueSpan = b.q.CueSpan
			g.q.Speaker, g.q.SpeakerSpan = b.q.Speaker, b.q.SpeakerSpan
			g.q.Pronoun, g.q.PronounSpan = b.q.Pronoun, b.q.PronounSpan
			return
		}
	}
}

func sentenceIndex(p *prose.Paragraph, i int) int {
	k := sort.Search(len(p.Sentences), func(k int) bool { return p.Sentences[k].End > i })
	if k == len(p.Sentences) && k > 0 {
		k--
	}
	return k
}

func countWords(p *prose.Paragraph, s prose.Span) int {
	n := 0
	for _, t := range tokensIn(p, s) {
		if t.Kind != prose.Punct {
			n++
		}
	}
	return n
}

// tokensIn returns the paragraph's tokens inside s.
func tokensIn(p *prose.Paragraph, s prose.Span) []prose.Token {
	a := sort.Search(len(p.Tokens), func(k int) bool { return p.Tokens[k].Start >= s.Start })
	b := sort.Search(len(p.Tokens), func(k int) bool { return p.Tokens[k].Start >= s.End })
	return p.Tokens[a:b]
}

func startsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// endsSentence reports whether s ends with punctuation that closes a
// sentence or a clause of one: a quotation cut off by its attribution ends
// with a comma ("“It’s not an ambition,” he said").
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, w := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '?', '!', '…', ',', '—', '–':
			return true
		case ' ', '’', '\'', ')', '”', '"', '»', '›':
			s = s[:len(s)-w]
			continue
		}
		return false
	}
	return false
}

// endsSentenceStop reports whether s ends with a full stop, a question or
// an exclamation mark (closing marks aside).
func endsSentenceStop(s string) bool {
	for len(s) > 0 {
		r, w := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', '?', '!', '…':
			return true
		case ' ', '’', '\'', ')', '”', '"', '»', '›':
			s = s[:len(s)-w]
			continue
		}
		return false
	}
	return false
}

// headline reports whether a plain-text paragraph reads as a headline or a
// caption line: short, and not ending like a sentence.
func headline(p *prose.Paragraph) bool {
	if p.Kind != prose.BlockParagraph || len(p.Tokens) == 0 || len(p.Tokens) > 25 {
		return false
	}
	return !endsSentenceStop(p.Text)
}

// titleCase reports whether the first word and every word of three
// letters or more but a few short function words start with a capital:
// “Philosophy”, “War and Peace”, “Counter-Ransomware Initiative”.
func titleCase(p *prose.Paragraph, s prose.Span) bool {
	words := 0
	for _, t := range tokensIn(p, s) {
		if t.Kind != prose.Word {
			continue
		}
		w := p.Text[t.Start:t.End]
		words++
		if words > 1 && (utf8.RuneCountInString(w) < 3 || smallTitleWords[strings.ToLower(w)]) {
			continue
		}
		if !startsUpper(w) {
			return false
		}
	}
	return words > 0
}

// smallTitleWords stay lower-case in a title.
var smallTitleWords = map[string]bool{"the": true, "and": true, "for": true, "but": true, "nor": true, "yet": true,
	"with": true, "from": true, "into": true, "onto": true, "upon": true}

func lowerWord(s string) string { return phrase.Fold(s) }

// attributeAcross attributes a quotation that fills the start of its
// paragraph to a lead-in that ends the paragraph before with a colon
// ("Mao shared the notification on Twitter:"), and one that ends its
// paragraph to a dash attribution opening the next ("— Sen. Marco Rubio").
func attributeAcross(doc *prose.Document, paras []paraQuotes, g *quoteGroup, qs *quoteSettings) {
	first, last := g.parts[0], g.parts[len(g.parts)-1]
	if pi := first.para; first.q.Open.Start == 0 && pi > 0 {
		prev := paras[pi-1].p
		if t := strings.TrimRight(prev.Text, " \t\n"); strings.HasSuffix(t, ":") {
			i := len(t) - 1
			g.q.Cue = "colon"
			g.q.CueSpan = prev.SrcSpan(prose.Span{Start: i, End: i + 1})
			s := prose.Quoted{Span: prose.Span{Start: i + 1, End: i + 1}}
			if m, ok := nearestCue(&paras[pi-1], s, i); ok {
				setSpeakerOf(&paras[pi-1], m, s, &g.q, qs)
			}
			return
		}
	}
	lp := doc.Paragraphs[last.para]
	if last.q.Close.Len() > 0 && strings.TrimRight(lp.Text[last.q.Span.End:], " .,") == "" && last.para+1 < len(paras) {
		next := paras[last.para+1].p
		if d, name, ok := dashAfter(next, 0, qs); ok && d.Start == 0 {
			g.q.Cue = "dash"
			g.q.CueSpan = next.SrcSpan(d)
			g.q.Speaker, g.q.SpeakerSpan = spanText(next, name), next.SrcSpan(name)
		}
	}
}

// continueReported attributes a quotation to the subject of a speech verb
// earlier in its paragraph, outside quotations ("Ms. Ruiz said the plan had
// failed. “We warned them.”"): the reader knows who is speaking.
func continueReported(pq *paraQuotes, g *quoteGroup, qs *quoteSettings) {
	start := g.parts[0].q.Span.Start
	for k := len(pq.cues) - 1; k >= 0; k-- {
		m := pq.cues[k]
		if m.End > start || qs.cues[m.ID].construction {
			continue
		}
		sp, pron, ok := speakerOf(pq.p, m, qs)
		if !ok {
			continue
		}
		g.q.Cue = "continuation"
		g.q.CueSpan = pq.p.SrcSpan(prose.Span{Start: m.Start, End: m.End})
		g.q.Speaker, g.q.SpeakerSpan = spanText(pq.p, sp), pq.p.SrcSpan(sp)
		if pron {
			g.q.Pronoun, g.q.PronounSpan = true, g.q.SpeakerSpan
		}
		return
	}
}
