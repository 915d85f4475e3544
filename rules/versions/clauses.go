package versions

import (
	"strings"

	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/internal/words"
	"github.com/attrlint/attrlint/rules/sourcing"
)

// A claimSource is one attribution of a version as the cross-version
// source rules compare them: an attribution of the sourcing analysis, or
// an attribution clause it does not report yet (a named source of a claim
// that is not a quotation: ", Ana Ruiz said.", "according to the
// ministry", "he said").
type claimSource struct {
	para, sent int
	span       prose.Span // source and cue, in the document
	text       string     // the source's words
	kind       sourcing.SourceKind
	id         srcID
	quote      bool // it credits a direct quotation
}

// speechCues are the verbs of an attribution clause the scan looks for.
var speechCues = map[string]bool{"said": true, "says": true, "told": true, "added": true,
	"stated": true, "wrote": true, "according": true, "announced": true, "explained": true}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}

// claimSources returns the attributions of doc: those of set, and the
// attribution clauses of sentences set has none in.
func claimSources(doc *prose.Document, set *sourcing.AttributionSet) map[[2]int][]claimSource {
	out := map[[2]int][]claimSource{}
	for i := range set.Items {
		a := &set.Items[i]
		k := [2]int{a.Para, a.Sentence}
		c := claimSource{para: a.Para, sent: a.Sentence, span: a.Span,
			text: a.SourceText, kind: a.Kind, id: identify(set, i), quote: a.Quote >= 0}
		if c.kind == sourcing.Anonymous && looksLikeName(c.text) {
			c.kind = sourcing.NamedPerson
			c.id = srcID{kind: sourcing.NamedPerson, key: strings.ToLower(personSurname(c.text))}
		}
		out[k] = append(out[k], c)
	}
	for _, p := range doc.Paragraphs {
		low := p.Lower()
		for si, s := range p.Sentences {
			if len(out[[2]int{p.Index, si}]) > 0 {
				continue
			}
			if c, ok := scanClause(p, low, s); ok {
				c.para, c.sent = p.Index, si
				out[[2]int{p.Index, si}] = append(out[[2]int{p.Index, si}], c)
			}
		}
	}
	return out
}

// scanClause finds the first attribution clause of sentence s of p.
func scanClause(p *prose.Paragraph, low string, s prose.Span) (claimSource, bool) {
	var toks []prose.Token
	for _, t := range p.Tokens {
		if t.Start >= s.Start && t.End <= s.End {
			toks = append(toks, t)
		}
	}
	isPunct := func(i int) bool { return toks[i].Kind == prose.Punct }
	for c := range toks {
		w := low[toks[c].Start:toks[c].End]
		if toks[c].Kind != prose.Word || !speechCues[w] {
			continue
		}
		var from, to int
		cueEnd := c + 1
		switch {
		case w == "according":
			if c+1 >= len(toks) || low[toks[c+1].Start:toks[c+1].End] != "to" {
				continue
			}
			cueEnd = c + 2
			from = cueEnd
			to = from
			for to < len(toks) && !isPunct(to) {
				to++
			}
		case c+1 < len(toks) && !isPunct(c+1) && c > 0 && isPunct(c-1) &&
			(words.StartsUpper(p.Text[toks[c+1].Start:toks[c+1].End]) || determiners[low[toks[c+1].Start:toks[c+1].End]]):
			// ", said Ana Ruiz"
			from = c + 1
			to = from
			for to < len(toks) && !isPunct(to) {
				to++
			}
		default:
			// "Ana Ruiz said", ", the mayor said", "the spokesman, Maj.
			// Gen. Igor Konashenkov, said"
			end := c
			if end > 0 && low[toks[end-1].Start:toks[end-1].End] == "," {
				end-- // an appositive before the cue
			}
			from = end
			for from > 0 && !isPunct(from-1) {
				from--
			}
			to = end
		}
		if from < 0 || to <= from || to-from > 8 {
			continue
		}
		src := p.SrcSpan(prose.Span{Start: toks[from].Start, End: toks[to-1].End})
		text := p.Text[toks[from].Start:toks[to-1].End]
		cs := claimSource{text: text}
		first := low[toks[from].Start:toks[from].End]
		named := false
		for i := from; i < to; i++ {
			tw := p.Text[toks[i].Start:toks[i].End]
			// The first word of a sentence is capitalized whatever it is.
			if words.StartsUpper(tw) && i > 0 && !determiners[strings.ToLower(tw)] {
				named = true
			}
		}
		switch {
		case pronouns[first]:
			cs.kind = sourcing.Reference
			cs.id = srcID{kind: sourcing.Reference, open: true}
		case named && !determiners[first] || looksLikeName(text):
			cs.kind = sourcing.NamedPerson
			cs.id = srcID{kind: sourcing.NamedPerson, key: strings.ToLower(personSurname(text))}
		case first == "the" || named:
			cs.kind = sourcing.NamedInstitution
			// "the researcher said": often a second reference to a
			// person named before.
			cs.id = srcID{kind: sourcing.NamedInstitution, key: normalizeSource(text), definite: !named}
		default:
			cs.kind = sourcing.Anonymous
			cs.id = srcID{kind: sourcing.Anonymous, key: normalizeSource(text)}
		}
		cue := p.SrcSpan(prose.Span{Start: toks[c].Start, End: toks[cueEnd-1].End})
		cs.span = prose.Span{Start: min(src.Start, cue.Start), End: max(src.End, cue.End)}
		return cs, true
	}
	return claimSource{}, false
}

// looksLikeName reports whether a source is written as a name: one to
// three capitalized words, none of them plural ("Nusenu", not
// "Officials").
func looksLikeName(s string) bool {
	fs := strings.Fields(s)
	if len(fs) == 0 || len(fs) > 3 {
		return false
	}
	for _, w := range fs {
		if !words.StartsUpper(w) || strings.HasSuffix(w, "s") || determiners[strings.ToLower(w)] {
			return false
		}
	}
	return true
}
