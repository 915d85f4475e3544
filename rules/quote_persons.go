package rules

import (
	"strings"

	"github.com/attrlint/attrlint/phrase"
)

// pronounWindow is how many paragraphs back a pronoun may find its person.
const pronounWindow = 2

func phraseFold(s string) string {
	return strings.ReplaceAll(phrase.Fold(s), "’", "'")
}

// personsOf returns, in text order, every named person of paragraph pi
// that is the subject of a speech verb outside quotations ("Dmitri S.
// Peskov, insisted"). They are found on first use: only the paragraphs a
// pronoun looks back into are ever searched.
func (x *extractor) personsOf(pi int) []person {
	pq := &x.paras[pi]
	if pq.personsDone {
		return pq.persons
	}
	pq.personsDone = true
	for _, m := range pq.matches() {
		if c := x.qs.cues[m.ID]; c.construction || !c.attributes() {
			continue
		}
		sp, pron, ok := speakerOf(pq.p, m, x.qs)
		if !ok || pron || !isPerson(pq.p, sp, x.qs) {
			continue
		}
		pq.persons = append(pq.persons, person{para: pi, at: sp.Start, name: spanText(pq.p, sp), span: pq.p.SrcSpan(sp)})
	}
	return pq.persons
}

// resolvePronoun replaces q's pronoun speaker, written in paragraph last or
// before, by the person named last before it, within pronounWindow
// paragraphs of the quotation, when there is one; the pronoun stays in
// PronounSpan.
func (x *extractor) resolvePronoun(q *Quotation, last int) {
	at := q.PronounSpan.Start
	for pi := last; pi >= 0 && pi >= q.Para-pronounWindow; pi-- {
		ps := x.personsOf(pi)
		for k := len(ps) - 1; k >= 0; k-- {
			if ps[k].span.Start < at {
				q.Speaker, q.SpeakerSpan = ps[k].name, ps[k].span
				return
			}
		}
	}
}
