package quotes

import (
	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/internal/words"
)

// passiveReach is how many tokens may stand between a passive participle
// and the opening mark ("deemed “", "described it as “").
const passiveReach = 3

// nounReach is how many tokens a speech noun's clause may run before the
// quotation opens ("announcement last week that it was suing NSO Group “").
const nounReach = 16

// attributeConstruction credits stretch s of paragraph pq to the agent of
// a passive ("deemed “…” by the board") or to the owner of a speech noun
// whose clause holds it ("the company’s announcement that it would sue
// “to curb the abuse”"). It fills q's cue and speaker and reports whether
// it found one.
func attributeConstruction(pq *paraQuotes, s prose.Quoted, q *Quotation, qs *quoteSettings) bool {
	p := pq.p
	sent := pq.sentenceOf(s.Open.Start)
	cues := pq.cuesIn(sent, sent)
	open := pq.tokenAt(s.Open.Start)
	sentStart := 0
	if len(p.Sentences) > 0 {
		sentStart = p.Sentences[sent].Start
	}
	for k := cuesBefore(cues, s.Open.Start) - 1; k >= 0; k-- {
		m := cues[k]
		if m.End > s.Open.Start {
			continue
		}
		if m.Start < sentStart || open-m.LastTok-1 > max(passiveReach, nounReach) {
			break // cues come in text order: none before reaches the quotation
		}
		c := qs.cues[m.ID]
		switch c.aux {
		case auxPassive:
			if open-m.LastTok-1 > passiveReach || s.Close.Len() == 0 {
				continue
			}
			j := words.TokenAt(p, s.Close.End, open)
			if j < len(p.Tokens) && isText(p, j, ",") {
				j++
			}
			if j+1 >= len(p.Tokens) || words.LowerTok(p, j) != "by" {
				continue
			}
			sp, ok := phraseStartingAt(p, j+1, qs)
			if !ok {
				continue
			}
			setCue(p, q, c.lemma, m, sp, false)
			return true
		case auxNoun:
			if open-m.LastTok-1 > nounReach || !clauseBetween(p, m.LastTok+1, open, qs) {
				continue
			}
			if sp, pron, ok := nounOwner(p, m, qs); ok {
				setCue(p, q, c.lemma, m, sp, pron)
				return true
			}
		}
	}
	return false
}

// setCue fills q's cue and speaker; a pronoun owner ("its statement")
// leaves the speaker empty.
func setCue(p *prose.Paragraph, q *Quotation, lemma string, m phrase.Match, sp prose.Span, pron bool) {
	q.Cue = lemma
	q.CueSpan = p.SrcSpan(prose.Span{Start: m.Start, End: m.End})
	if !pron && sp.End > sp.Start {
		q.Speaker, q.SpeakerSpan = spanText(p, sp), p.SrcSpan(sp)
	}
}

// clauseBetween reports whether a content clause opens between tokens a
// and b: "that", or a colon.
func clauseBetween(p *prose.Paragraph, a, b int, qs *quoteSettings) bool {
	for j := a; j < b; j++ {
		if isText(p, j, ":") || qs.clauseOpeners.Has(words.LowerTok(p, j)) {
			return true
		}
		if isText(p, j, ".", ";") {
			return false
		}
	}
	return false
}

// nounOwner returns the owner of the speech noun matched by m: the
// possessive before it ("the company’s announcement", without the ’s), a
// possessive pronoun ("its statement", pron set), or the name after "by"
// or "from" ("a statement from the ministry").
func nounOwner(p *prose.Paragraph, m phrase.Match, qs *quoteSettings) (prose.Span, bool, bool) {
	if k := m.FirstTok - 1; k >= 0 {
		w := words.LowerTok(p, k)
		if qs.possessives.Has(w) {
			return prose.Span{}, true, true
		}
		if words.Possessive(w) && p.Tokens[k].Kind == prose.Word {
			if sp, ok := nameEndingAt(p, k, qs); ok {
				return trimPossessive(p, sp), false, true
			}
			if sp, ok := nounPhraseEndingAt(p, k, qs); ok {
				return trimPossessive(p, sp), false, true
			}
		}
	}
	if j := m.LastTok + 1; j+1 < len(p.Tokens) && (words.LowerTok(p, j) == "by" || words.LowerTok(p, j) == "from") {
		if sp, ok := phraseStartingAt(p, j+1, qs); ok {
			return sp, false, true
		}
	}
	return prose.Span{}, false, false
}

// trimPossessive drops the ’s or ' that ends span s.
func trimPossessive(p *prose.Paragraph, s prose.Span) prose.Span {
	t := p.Text[s.Start:s.End]
	switch {
	case len(t) > len("’s") && t[len(t)-len("’s"):] == "’s":
		s.End -= len("’s")
	case len(t) > 2 && (t[len(t)-2:] == "'s"):
		s.End -= 2
	case len(t) > len("’") && t[len(t)-len("’"):] == "’":
		s.End -= len("’")
	}
	return s
}

// glossed reports whether stretch s is introduced by a term marker
// ("so-called “team of digital fixers”", "known as “the big dig”") or by a gloss ("meaning
// “free zone”", "Televisión para Todos, or “television for all”"): the
// gloss ends right before the opening mark, and one that starts with a
// comma follows a name, a quoted term or a parenthesis.
func glossed(pq *paraQuotes, s prose.Quoted, qs *quoteSettings) bool {
	p := pq.p
	open := pq.tokenAt(s.Open.Start)
	sent := pq.sentenceOf(s.Open.Start)
	cues := pq.cuesIn(sent, sent)
	for k := cuesBefore(cues, s.Open.Start) - 1; k >= 0; k-- {
		m := cues[k]
		if m.LastTok >= open {
			continue
		}
		if m.LastTok < open-1 {
			return false
		}
		if qs.cues[m.ID].aux == auxTerm {
			return true
		}
		if qs.cues[m.ID].aux != auxGloss {
			continue
		}
		if !isText(p, m.FirstTok, ",") {
			return true
		}
		b := m.FirstTok - 1
		return b >= 0 && (words.Capitalized(p, b) || isQuoteMark(p, b) || isText(p, b, ")"))
	}
	return false
}

// cuesBefore returns how many of the cues, in text order, start before
// text offset i.
func cuesBefore(cues []phrase.Match, i int) int {
	lo, hi := 0, len(cues)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cues[m].Start < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
