package quotes

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/rules/internal/words"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

// part is one stretch of a quotation in one paragraph; q points into the
// paragraph's tops.
type part struct {
	para int
	q    *prose.Quoted
}

// quoteGroup is one quotation being assembled: its parts over one or more
// paragraphs, and the quotation it fills in the result.
type quoteGroup struct {
	parts []part
	q     *Quotation
}

// paraQuotes is what the extractor knows of one paragraph. Its cues are
// matched sentence by sentence on first use: only the sentences that hold
// a quotation, lead into one or name the person a pronoun stands for are
// ever matched.
type paraQuotes struct {
	p    *prose.Paragraph
	tops []prose.Quoted // outermost stretches
	x    *extractor

	sents []sentCues // per sentence, allocated on first use

	tok, sent int // the answers of the last tokenAt and sentenceOf, to search on from
}

// person is a named person seen as the subject of a speech verb.
type person struct {
	para, at int // paragraph and text offset
	name     string
	span     prose.Span // document offsets
}

// extractor holds one run's paragraphs and the scratch memory that matching
// reuses from paragraph to paragraph.
type extractor struct {
	qs      *quoteSettings
	paras   []paraQuotes
	runs    []phrase.Run        // the tokens of a paragraph outside its quotations
	cues    []phrase.Match      // every sentence's cues, each a stretch of it
	index   []int32             // every sentence's prev and next (sentCues), each a stretch of it
	gather  []phrase.Match      // the cues of a run of sentences, for cuesIn
	sents   []sentCues          // every paragraph's sents, each a stretch of it
	persons []person            // every sentence's persons, each a stretch of it
	names   map[string]struct{} // the words the document capitalizes mid-sentence, once knownName needs them

	// The memory of the last run, for the next one (see quoteExtractors).
	scanned []prose.Quoted
	parts   []part
	bounds  []int
	groups  []quoteGroup
}

// quoteExtractors pools extractors, so that a run reuses the working memory of
// an earlier one: none of it is part of the result.
var quoteExtractors = sync.Pool{New: func() any { return new(extractor) }}

// release clears what x holds of the document and pools it.
func (x *extractor) release() {
	clear(x.paras)
	clear(x.sents)
	clear(x.groups)
	clear(x.persons)
	x.persons = x.persons[:0]
	x.names = nil
	x.qs = nil
	quoteExtractors.Put(x)
}

// reuse returns s emptied, or a new slice with room for n when s has not.
func reuse[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

func extractQuotes(doc *prose.Document, qs *quoteSettings) *QuoteSet {
	x := quoteExtractors.Get().(*extractor)
	defer x.release()
	x.qs = qs
	if cap(x.paras) < len(doc.Paragraphs) {
		x.paras = make([]paraQuotes, len(doc.Paragraphs))
	}
	x.paras = x.paras[:len(doc.Paragraphs)]
	paras := x.paras
	// The parts of one quotation are consecutive in document order (only
	// the quotation opened last can continue), so every quotation's parts
	// are a stretch of one slice, and every paragraph's outermost
	// stretches a stretch of another.
	parts := reuse(x.parts, len(doc.Text)/256+4)
	bounds := reuse(x.bounds, len(doc.Text)/256+4) // quotation g's parts are parts[bounds[g]:bounds[g+1]]
	sentences := 0                                 // of the paragraphs that hold a quotation
	// News copy holds a quotation mark every few hundred bytes: start
	// with room for one every 128, so that the slice rarely grows.
	scanned := reuse(x.scanned, len(doc.Text)/128+4)
	open := false // the quotation opened last is open at the end of the previous paragraph
	for pi, p := range doc.Paragraphs {
		pq := &paras[pi]
		pq.p, pq.x = p, x
		from := len(scanned)
		scanned = prose.AppendQuotes(scanned, p.Text)
		n := from
		for _, s := range scanned[from:] {
			if s.Depth == 0 {
				scanned[n] = s
				n++
			}
		}
		scanned = scanned[:n]
		pq.tops = scanned[from:n:n]
		for k := range pq.tops {
			s := &pq.tops[k]
			continues := k == 0 && open && s.Open.Start == 0 || k > 0 && s.Continues
			if !continues {
				bounds = append(bounds, len(parts))
			}
			parts = append(parts, part{para: pi, q: s})
		}
		open = len(pq.tops) > 0 && pq.tops[len(pq.tops)-1].Unclosed
		if len(pq.tops) > 0 {
			sentences += max(len(p.Sentences), 1)
		}
	}
	// Room for the sentences and cues most documents need.
	x.sents = reuse(x.sents, sentences)
	x.cues = reuse(x.cues, len(parts)+4)
	x.index = reuse(x.index, 2*len(parts)+8)
	bounds = append(bounds, len(parts))
	x.scanned, x.parts, x.bounds = scanned, parts, bounds

	out := &QuoteSet{Quotes: make([]Quotation, len(bounds)-1)}
	if cap(x.groups) < len(bounds)-1 {
		x.groups = make([]quoteGroup, len(bounds)-1)
	}
	x.groups = x.groups[:len(bounds)-1]
	groups := x.groups
	spans := make([]prose.Span, len(parts))
	for gi := range groups {
		a, b := bounds[gi], bounds[gi+1]
		groups[gi] = quoteGroup{parts: parts[a:b:b], q: &out.Quotes[gi]}
		out.Quotes[gi].Parts = spans[a:b:b]
	}
	// run is the stretch of groups, ending with the one before g, whose last
	// parts lie in one paragraph; last is its latest attributed group. A
	// quotation continues it (see continueFrom) without walking back over
	// every earlier quotation, which made a paragraph of thousands of short
	// quotations quadratic.
	var run struct {
		para int
		last *quoteGroup
	}
	run.para = -1
	for gi := range groups {
		g := &groups[gi]
		fillQuotation(doc, paras, g, qs)
		if !g.q.Attributed() && run.para == g.parts[0].para && run.last != nil {
			continueFrom(g, run.last)
		}
		if !g.q.Attributed() {
			attributeAcross(doc, paras, g, qs)
		}
		if !g.q.Attributed() {
			continueReported(&paras[g.parts[0].para], g, qs)
		}
		if g.q.Pronoun && qs.resolvable.HasFolded(g.q.Speaker, words.Lower) {
			x.resolvePronoun(g.q, g.parts[len(g.parts)-1].para)
		}
		if lp := g.parts[len(g.parts)-1].para; lp != run.para {
			run.para, run.last = lp, nil
		}
		if g.q.Attributed() {
			run.last = g
		}
	}
	return out
}

// fillQuotation sets the quotation's spans, size and attribution.
func fillQuotation(doc *prose.Document, paras []paraQuotes, g *quoteGroup, qs *quoteSettings) {
	first, last := g.parts[0], g.parts[len(g.parts)-1]
	fp, lp := doc.Paragraphs[first.para], doc.Paragraphs[last.para]
	q := g.q
	q.Span = prose.Span{Start: fp.Src(first.q.Span.Start), End: lp.SrcEnd(last.q.Span.End)}
	q.Content = fp.SrcSpan(first.q.Content)
	q.Para = first.para
	q.Sentence = paras[first.para].sentenceOf(first.q.Span.Start)
	q.Heading = fp.Kind == prose.BlockHeading || headline(fp)
	q.Unclosed = last.q.Unclosed
	var firstToks []prose.Token
	for k, pt := range g.parts {
		p := doc.Paragraphs[pt.para]
		q.Parts[k] = p.SrcSpan(pt.q.Content)
		a := paras[pt.para].tokenAt(pt.q.Content.Start)
		toks := tokensFrom(p, a, pt.q.Content.End)
		if k == 0 {
			firstToks = toks
		}
		q.Words += countWords(toks)
	}
	fc, lc := fp.Text[first.q.Content.Start:first.q.Content.End], lp.Text[last.q.Content.Start:last.q.Content.End]
	q.TitleCase = len(g.parts) == 1 && titleCase(fp, firstToks, qs)
	q.Gloss = len(g.parts) == 1 && !startsUpper(fc) && glossed(&paras[first.para], *first.q, qs)
	q.Complete = startsUpper(fc) && endsSentence(lc) && !q.TitleCase && (q.Words > 1 || endsSentenceStop(lc))
	q.Full = q.Complete || q.Words >= qs.minWords && !q.TitleCase && !q.Gloss
	for _, pt := range g.parts {
		if attribute(doc, &paras[pt.para], *pt.q, q, qs) {
			return
		}
	}
	x := paras[0].x
	if x.attributeTag(&paras[last.para], *last.q, q) {
		return
	}
	x.attributeSubject(&paras[first.para], *first.q, q)
}

// continueFrom credits g, a quotation with no attribution of its own, to
// the speaker of b, the latest attributed quotation before it in the same
// paragraph with no other speaker between them.
func continueFrom(g *quoteGroup, b *quoteGroup) {
	g.q.Cue = "continuation"
	g.q.CueSpan = b.q.CueSpan
	g.q.Speaker, g.q.SpeakerSpan = b.q.Speaker, b.q.SpeakerSpan
	g.q.Pronoun, g.q.PronounSpan = b.q.Pronoun, b.q.PronounSpan
}

func sentenceIndex(p *prose.Paragraph, i int) int {
	k := sort.Search(len(p.Sentences), func(k int) bool { return p.Sentences[k].End > i })
	if k == len(p.Sentences) && k > 0 {
		k--
	}
	return k
}

func countWords(toks []prose.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind != prose.Punct {
			n++
		}
	}
	return n
}

// tokensIn returns the paragraph's tokens inside s.
func tokensIn(p *prose.Paragraph, s prose.Span) []prose.Token {
	return tokensFrom(p, words.TokenAt(p, s.Start, 0), s.End)
}

// tokensFrom returns the paragraph's tokens from index a on that start
// before text offset end.
func tokensFrom(p *prose.Paragraph, a, end int) []prose.Token {
	b := a
	for b < len(p.Tokens) && p.Tokens[b].Start < end {
		b++
	}
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

// titleCase reports whether, among the tokens of a quoted stretch, the
// first word and every word of three letters or more but the pack's small
// title words start with a capital: “Philosophy”, “War and Peace”,
// “Counter-Ransomware Initiative”. A long title may keep one such word in
// lower case (“And Tonight Thank God it’s Them Instead of You”), as song
// titles often do.
func titleCase(p *prose.Paragraph, toks []prose.Token, qs *quoteSettings) bool {
	words, capsWords, lower := 0, 0, 0
	for _, t := range toks {
		if t.Kind != prose.Word {
			continue
		}
		w := p.Text[t.Start:t.End]
		words++
		if words > 1 && (utf8.RuneCountInString(w) < 3 || qs.smallTitle.HasFolded(w, strings.ToLower)) {
			continue
		}
		switch {
		case startsUpper(w):
			capsWords++
		case words == 1:
			return false
		default:
			lower++
			if lower > 1 {
				return false
			}
		}
	}
	return words > 0 && (lower == 0 || lower == 1 && capsWords >= 5)
}

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
				setSpeakerOf(&paras[pi-1], m, s, g.q, qs)
			}
			return
		}
	}
	lp := doc.Paragraphs[last.para]
	if last.q.Close.Len() > 0 && strings.TrimRight(lp.Text[last.q.Span.End:], " .,") == "" && last.para+1 < len(paras) {
		next := paras[last.para+1].p
		if d, name, ok := dashAfter(&paras[last.para+1], 0, qs); ok && d.Start == 0 {
			g.q.Cue = "dash"
			g.q.CueSpan = next.SrcSpan(d)
			g.q.Speaker, g.q.SpeakerSpan = spanText(next, name), next.SrcSpan(name)
		}
	}
}

// continueReported attributes a quotation to the subject of a speech verb
// earlier in its paragraph, outside quotations ("Ms. Ruiz said the plan had
// failed. “We warned them.”"): the reader knows who is speaking. The
// sentences before the quotation's own are looked up through contBefore,
// so that a paragraph of many quotations is not walked back over for each.
func continueReported(pq *paraQuotes, g *quoteGroup, qs *quoteSettings) {
	start := g.parts[0].q.Span.Start
	si := pq.sentenceOf(start)
	sc := pq.indexed(si)
	for j := cuesBefore(sc.cues, start) - 1; j >= 0; j-- {
		j = int(sc.cprev[j])
		if j < 0 {
			break
		}
		if sc.cues[j].End <= start {
			continueWith(pq, g, sc.cues[j], qs)
			return
		}
	}
	if si == 0 {
		return
	}
	if sk := pq.contBefore(si - 1); sk >= 0 {
		sc := pq.indexed(sk)
		continueWith(pq, g, sc.cues[sc.cprev[len(sc.cues)-1]], qs)
	}
}

// contBefore returns the last of sentences 0 to k that has a cue a later
// quotation continues, or -1, noting the answer on every sentence it
// passed (as latestPerson does).
func (pq *paraQuotes) contBefore(k int) int {
	found := -1
	n := k
	for ; n >= 0; n-- {
		sc := pq.indexed(n)
		if sc.contFromDone {
			found = sc.contFrom
			break
		}
		if len(sc.cues) > 0 && sc.cprev[len(sc.cues)-1] >= 0 {
			found = n
			break
		}
	}
	for n = max(n, 0); n <= k; n++ {
		pq.sents[n].contFrom, pq.sents[n].contFromDone = found, true
	}
	return found
}

// continueWith credits g to the subject of cue m.
func continueWith(pq *paraQuotes, g *quoteGroup, m phrase.Match, qs *quoteSettings) {
	sp, pron, _ := speakerOf(pq.p, m, qs)
	g.q.Cue = "continuation"
	g.q.CueSpan = pq.p.SrcSpan(prose.Span{Start: m.Start, End: m.End})
	g.q.Speaker, g.q.SpeakerSpan = spanText(pq.p, sp), pq.p.SrcSpan(sp)
	if pron {
		g.q.Pronoun, g.q.PronounSpan = true, g.q.SpeakerSpan
	}
}
