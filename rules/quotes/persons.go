package quotes

import (
	"strings"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

// pronounWindow is how many paragraphs back a pronoun may find its person.
const pronounWindow = 2

func phraseFold(s string) string {
	return strings.ReplaceAll(phrase.Fold(s), "’", "'")
}

// resolvePronoun replaces q's pronoun speaker, written in paragraph last or
// before, by the person named last before it, within pronounWindow
// paragraphs of the quotation, when there is one; the pronoun stays in
// PronounSpan. It looks back sentence by sentence, so that only the
// sentences up to the person are ever searched.
func (x *extractor) resolvePronoun(q *Quotation, last int) {
	at := q.PronounSpan.Start
	for pi := last; pi >= 0 && pi >= q.Para-pronounWindow; pi-- {
		pq := &x.paras[pi]
		k := max(len(pq.p.Sentences), 1) - 1
		if pi == last {
			// In the pronoun's own sentence, only a person named before it.
			k = sentenceAtSrc(pq.p, at)
			ps := pq.personsIn(pi, k)
			for j := len(ps) - 1; j >= 0; j-- {
				if ps[j].span.Start < at {
					q.Speaker, q.SpeakerSpan = ps[j].name, ps[j].span
					return
				}
			}
			k--
		}
		if k < 0 {
			continue
		}
		if p := pq.latestPerson(pi, k); p != nil {
			q.Speaker, q.SpeakerSpan = p.name, p.span
			return
		}
	}
}

// latestPerson returns the last named person of sentences 0 to k of the
// paragraph (the nearest before a pronoun in a later sentence), or nil.
// It looks back from k to the first sentence that names one, or whose
// latest person is known, and notes the person as the latest of the
// sentences it passed: only the sentences back to the person are ever
// searched, and each once, so that resolving the pronouns of a long
// paragraph does not walk back over it for each one.
func (pq *paraQuotes) latestPerson(pi, k int) *person {
	var p *person
	n := k
	for ; n >= 0; n-- {
		if pq.sents != nil && pq.sents[n].latestDone {
			p = pq.sents[n].latest
			break
		}
		if ps := pq.personsIn(pi, n); len(ps) > 0 {
			p = &ps[len(ps)-1]
			break
		}
	}
	for n = max(n, 0); n <= k; n++ {
		pq.sents[n].latest, pq.sents[n].latestDone = p, true
	}
	return p
}

// sentenceAtSrc returns the index of the last sentence of p that starts at
// or before document offset at, or 0.
func sentenceAtSrc(p *prose.Paragraph, at int) int {
	lo, hi := 0, len(p.Sentences)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if p.Src(p.Sentences[m].Start) <= at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return max(lo-1, 0)
}
