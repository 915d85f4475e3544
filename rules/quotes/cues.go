package quotes

import (
	"slices"
	"sort"

	"github.com/attrlint/attrlint/rules/internal/words"

	"github.com/attrlint/attrlint/internal/phrase"
)

// sentCues is what the extractor matched in one sentence of a paragraph:
// its cues outside quotations, and the named persons who are their
// subjects. Both are found on first use.
type sentCues struct {
	cues    []phrase.Match
	persons []person
	// prev[i] is the index of the last cue at or before cues[i] that can
	// name a quotation's speaker (attributes, namesSpeaker), or -1; next[i]
	// the first at or after it that also may follow a quotation (not
	// describesActivity), or len(cues). Both are set by indexed, so that
	// finding the cue nearest a quotation does not walk over a sentence of
	// thousands of cues for each of its quotations.
	prev, next []int32
	// cprev[i] is the index of the last cue at or before cues[i] whose
	// subject a later quotation continues (see continueReported), or -1.
	cprev []int32
	// latest is the last named person of the paragraph's sentences up to
	// this one (nil when none), once latestDone.
	latest *person
	// contFrom is the last sentence up to this one that has a cue whose
	// subject a later quotation continues, -1 when none, once
	// contFromDone.
	contFrom                         int
	matched, personsDone, latestDone bool
	indexDone, contFromDone          bool
}

// indexed returns sentence k's matches with prev and next set.
func (pq *paraQuotes) indexed(k int) *sentCues {
	sc := pq.sentence(k)
	if sc.indexDone {
		return sc
	}
	sc.indexDone = true
	n := len(sc.cues)
	if n == 0 {
		return sc
	}
	x, p, qs := pq.x, pq.p, pq.x.qs
	from := len(x.index)
	x.index = slices.Grow(x.index, 3*n)[:from+3*n]
	sc.prev = x.index[from : from+n : from+n]
	sc.next = x.index[from+n : from+2*n : from+2*n]
	sc.cprev = x.index[from+2*n : from+3*n : from+3*n]
	last, lastCont := int32(-1), int32(-1)
	for i, m := range sc.cues {
		c := qs.cues[m.ID]
		ok := c.attributes() && namesSpeaker(p, m, qs)
		if ok {
			last = int32(i)
			if !c.construction {
				if _, _, named := speakerOf(p, m, qs); named {
					lastCont = int32(i)
				}
			}
		}
		sc.prev[i] = last
		sc.cprev[i] = lastCont
		sc.next[i] = -1
		if ok && !describesActivity(p, m, qs) {
			sc.next[i] = int32(i)
		}
	}
	nxt := int32(n)
	for i := n - 1; i >= 0; i-- {
		if sc.next[i] >= 0 {
			nxt = int32(i)
		}
		sc.next[i] = nxt
	}
	return sc
}

// sentence returns the paragraph's matches for sentence k, matching it on
// first use.
func (pq *paraQuotes) sentence(k int) *sentCues {
	x := pq.x
	if pq.sents == nil {
		n := max(len(pq.p.Sentences), 1)
		from := len(x.sents)
		x.sents = slices.Grow(x.sents, n)[:from+n]
		clear(x.sents[from:])
		pq.sents = x.sents[from : from+n : from+n]
	}
	sc := &pq.sents[k]
	if !sc.matched {
		sc.matched = true
		sc.cues = pq.matchTokens(pq.sentenceTokens(k))
	}
	return sc
}

// sentenceTokens returns the range of token indexes of sentence k: from
// its start to the next sentence's, so that every token belongs to one.
func (pq *paraQuotes) sentenceTokens(k int) (int, int) {
	p := pq.p
	if len(p.Sentences) == 0 {
		return 0, len(p.Tokens)
	}
	a := 0
	if k > 0 {
		a = words.TokenAt(p, p.Sentences[k].Start, 0)
	}
	b := len(p.Tokens)
	if k+1 < len(p.Sentences) {
		b = words.TokenAt(p, p.Sentences[k+1].Start, a)
	}
	return a, b
}

// cuesIn returns the cues of sentences a to b, in text order; the slice is
// valid until the next call.
func (pq *paraQuotes) cuesIn(a, b int) []phrase.Match {
	if a == b {
		return pq.sentence(a).cues
	}
	x := pq.x
	for k := a; k <= b; k++ {
		pq.sentence(k)
	}
	x.gather = x.gather[:0]
	for k := a; k <= b; k++ {
		x.gather = append(x.gather, pq.sents[k].cues...)
	}
	return x.gather
}

// matchTokens matches the cues among tokens a to b of the paragraph,
// leaving out the content of its quotations (the marks stay, so that no
// phrase runs across a quotation).
func (pq *paraQuotes) matchTokens(a, b int) []phrase.Match {
	x, p := pq.x, pq.p
	if a >= b {
		return nil
	}
	x.runs = x.runs[:0]
	from := a
	lo, hi := p.Tokens[a].Start, p.Tokens[b-1].End
	// The outermost quotations are in text order: start at the first one
	// that ends after the sentence starts, so that matching every sentence
	// of a long paragraph stays linear.
	first := sort.Search(len(pq.tops), func(k int) bool { return pq.tops[k].Content.End > lo })
	for _, q := range pq.tops[first:] {
		if q.Content.End <= lo || q.Content.Start == q.Content.End {
			continue
		}
		if q.Content.Start >= hi {
			break
		}
		to := max(from, min(words.TokenAt(p, q.Content.Start, from), b))
		x.addRun(from, to)
		from = max(from, min(words.TokenAt(p, q.Content.End, to), b))
	}
	x.addRun(from, b)
	if len(x.runs) == 0 {
		return nil
	}
	firstCue := len(x.cues)
	x.qs.matcher.MatchRuns(p, x.runs, func(m phrase.Match) {
		x.cues = append(x.cues, m)
	})
	return x.cues[firstCue:len(x.cues):len(x.cues)]
}

// personsIn returns, in text order, the named persons of sentence k that
// are the subject of a speech verb outside quotations ("Dmitri S. Peskov,
// insisted").
func (pq *paraQuotes) personsIn(pi, k int) []person {
	sc := pq.sentence(k)
	if sc.personsDone {
		return sc.persons
	}
	sc.personsDone = true
	x := pq.x
	qs := x.qs
	// The persons of every sentence are a stretch of one slice: nothing
	// else appends to it until this loop ends.
	from := len(x.persons)
	for _, m := range sc.cues {
		if c := qs.cues[m.ID]; c.construction || !c.attributes() || !namesSpeaker(pq.p, m, qs) {
			continue
		}
		sp, pron, ok := speakerOf(pq.p, m, qs)
		if !ok || pron || !isPerson(pq.p, sp, qs) {
			continue
		}
		x.persons = append(x.persons, person{para: pi, at: sp.Start, name: spanText(pq.p, sp), span: pq.p.SrcSpan(sp)})
	}
	if len(x.persons) > from {
		sc.persons = x.persons[from:len(x.persons):len(x.persons)]
	}
	return sc.persons
}

// addRun adds tokens [from, to) of the paragraph to the runs to match.
func (x *extractor) addRun(from, to int) {
	if from < to {
		x.runs = append(x.runs, phrase.Run{From: from, To: to})
	}
}

// tokenAt returns the index of the first token of the paragraph that
// starts at or after text offset i. It gallops from the answer of the call
// before, forward or back: the quotations of a paragraph come in text
// order, and what is looked up for each lies near it, so that a long
// paragraph of many quotations is not searched over its whole length for
// each.
func (pq *paraQuotes) tokenAt(i int) int {
	toks := pq.p.Tokens
	lo, hi := min(pq.tok, len(toks)), len(toks)
	if lo > 0 && toks[lo-1].Start >= i {
		// The answer is at most lo-1: gallop back.
		hi = lo - 1
		lo = 0
		for step := 1; hi-step >= 0; step *= 2 {
			if c := hi - step; toks[c].Start < i {
				lo = c + 1
				break
			}
			hi -= step
		}
	} else {
		for step := 1; lo+step <= hi; step *= 2 {
			if c := lo + step - 1; toks[c].Start >= i {
				hi = c
				break
			}
			lo += step
		}
	}
	k := words.TokenAtIn(pq.p, i, lo, hi)
	pq.tok = k
	return k
}

// sentenceOf returns the index of the sentence that holds text offset i
// (the nearest one when i falls between sentences); 0 for a paragraph
// without sentences, which is matched as one. Like tokenAt, it searches
// on from the answer of the call before when that lies before i.
func (pq *paraQuotes) sentenceOf(i int) int {
	ss := pq.p.Sentences
	lo := pq.sent
	if lo > len(ss) || lo > 0 && ss[lo-1].End > i {
		lo = 0
	}
	hi := len(ss)
	for step := 1; lo+step < hi; step *= 2 {
		if ss[lo+step-1].End > i {
			hi = lo + step - 1
			break
		}
		lo += step
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ss[m].End > i {
			hi = m
		} else {
			lo = m + 1
		}
	}
	pq.sent = lo
	if lo == len(ss) && lo > 0 {
		lo--
	}
	return lo
}
