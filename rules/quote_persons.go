package rules

import (
	"strings"

	"github.com/attrlint/attrlint/phrase"
	"github.com/attrlint/attrlint/prose"
)

// pronounWindow is how many paragraphs back a pronoun may find its person.
const pronounWindow = 2

func phraseFold(s string) string {
	return strings.ReplaceAll(phrase.Fold(s), "’", "'")
}

// collectPersons returns, in document order, every named person that is the
// subject of a speech verb outside quotations ("Dmitri S. Peskov, insisted").
func collectPersons(doc *prose.Document, paras []paraQuotes, qs *quoteSettings) []person {
	var out []person
	for pi := range paras {
		pq := &paras[pi]
		for _, m := range pq.cues {
			if qs.cues[m.ID].construction {
				continue
			}
			sp, pron, ok := speakerOf(pq.p, m, qs)
			if !ok || pron || !isPerson(pq.p, sp, qs) {
				continue
			}
			out = append(out, person{para: pi, at: sp.Start, name: spanText(pq.p, sp), span: pq.p.SrcSpan(sp)})
		}
	}
	return out
}

// resolvePronoun replaces q's pronoun speaker by the person named last
// before it, within pronounWindow paragraphs, when there is one; the
// pronoun stays in PronounSpan.
func resolvePronoun(q *Quotation, persons []person) {
	at := q.PronounSpan.Start
	for k := len(persons) - 1; k >= 0; k-- {
		ps := persons[k]
		if ps.span.Start >= at {
			continue
		}
		if ps.para < q.Para-pronounWindow {
			return
		}
		q.Speaker, q.SpeakerSpan = ps.name, ps.span
		return
	}
}
