package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/rules/internal/words"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

// attribute looks for what attributes stretch s of paragraph pq, in order: a
// lead-in ending in a colon, a dash after the closing mark, then the speech
// verb or construction nearest to the stretch in the sentences it spans. It
// fills q's cue and speaker and reports whether it found one.
func attribute(doc *prose.Document, pq *paraQuotes, s prose.Quoted, q *Quotation, qs *quoteSettings) bool {
	p := pq.p
	if i := colonBefore(p.Text, s.Open.Start); i >= 0 {
		q.Cue = "colon"
		q.CueSpan = p.SrcSpan(prose.Span{Start: i, End: i + 1})
		if m, ok := nearestCue(pq, s, i); ok && m.End <= i {
			setSpeakerOf(pq, m, s, q, qs)
		} else if sp, ok := nameEndingAt(p, tokenBefore(p, i), qs); ok {
			q.Speaker, q.SpeakerSpan = spanText(p, sp), p.SrcSpan(sp)
		}
		return true
	}
	if s.Close.Len() > 0 {
		if d, name, ok := dashAfter(pq, s.Close.End, qs); ok {
			q.Cue = "dash"
			q.CueSpan = p.SrcSpan(d)
			q.Speaker, q.SpeakerSpan = spanText(p, name), p.SrcSpan(name)
			return true
		}
	}
	m, ok := nearestCue(pq, s, -1)
	if !ok {
		return attributeConstruction(pq, s, q, qs)
	}
	c := qs.cues[m.ID]
	q.Cue = c.lemma
	q.CueSpan = p.SrcSpan(prose.Span{Start: m.Start, End: m.End})
	setSpeakerOf(pq, m, s, q, qs)
	return true
}

// nearestCue returns the cue match that attributes stretch s within the
// sentences s spans: one right after its closing mark ("…,” he said",
// "…,” Mr. Austin said"), else the nearest before it ("Lavrov, saying that
// … “a kernel of rationality”"), else the nearest after it. limit >= 0 keeps
// only matches that end before it.
//
// A cue before the stretch lies in the sentence it opens in, one after it
// in the sentence it closes in; each sentence's cues are indexed once
// (see indexed), so that the lookup does not grow with the sentence.
func nearestCue(pq *paraQuotes, s prose.Quoted, limit int) (phrase.Match, bool) {
	p := pq.p
	a, b := pq.sentenceOf(s.Span.Start), pq.sentenceOf(max(s.Span.End-1, s.Span.Start))
	hi := s.Span.End
	if len(p.Sentences) > 0 {
		hi = max(hi, p.Sentences[b].End)
	}
	var before, after phrase.Match
	hasBefore, hasAfter := false, false
	bound := s.Span.Start
	if limit >= 0 {
		bound = min(bound, limit)
	}
	if sc := pq.indexed(a); len(sc.cues) > 0 {
		// The last cue that starts before bound, then back over the
		// (few) valid ones that overlap it.
		for j := cuesBefore(sc.cues, bound) - 1; j >= 0; j-- {
			j = int(sc.prev[j])
			if j < 0 {
				break
			}
			if sc.cues[j].End <= bound {
				before, hasBefore = sc.cues[j], true
				break
			}
		}
	}
	if limit < 0 {
		if sc := pq.indexed(b); len(sc.cues) > 0 {
			if j := int(sc.next[min(cuesBefore(sc.cues, s.Span.End), len(sc.cues)-1)]); j < len(sc.cues) {
				if m := sc.cues[j]; m.Start >= s.Span.End && m.End <= hi {
					after, hasAfter = m, true
				}
			}
		}
	}
	if hasAfter && adjacentAfter(pq, s.Span.End, after) {
		return after, true
	}
	if hasBefore {
		return before, true
	}
	return after, hasAfter
}

// describesActivity reports whether speech-verb match m is a participle
// that tells what someone was doing, coordinated or progressive ("while he
// was reporting on Saudi Arabia and writing a book"), rather than
// reporting speech (", saying", "as saying").
func describesActivity(p *prose.Paragraph, m phrase.Match, qs *quoteSettings) bool {
	if m.FirstTok == 0 || !strings.HasSuffix(words.LowerTok(p, m.FirstTok), "ing") {
		return false
	}
	w := words.LowerTok(p, m.FirstTok-1)
	return w == "and" || w == "or" || qs.auxiliaries.Has(w)
}

// adjacentAfter reports whether cue m follows offset end with at most a
// comma and a short subject between: "…,” he said", "…,” said the
// spokesman", "…,” Secretary of State Antony J. Blinken said".
func adjacentAfter(pq *paraQuotes, end int, m phrase.Match) bool {
	p := pq.p
	k := pq.tokenAt(end)
	if m.FirstTok-k > maxNameTokens {
		return false
	}
	for j := k; j < m.FirstTok; j++ {
		if p.Tokens[j].Kind == prose.Punct && !isText(p, j, ",", ".", "’", "'") {
			return false
		}
	}
	return true
}

// colonBefore returns the offset of a colon that ends the text before i
// (whitespace between), or -1.
func colonBefore(text string, i int) int {
	j := i
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		if r != ' ' && r != '\t' && r != '\n' && r != '\u00a0' {
			break
		}
		j -= w
	}
	if j > 0 && text[j-1] == ':' {
		return j - 1
	}
	return -1
}

// dashAfter finds a dash attribution after offset i ("” — Gen. Mark
// Milley"): a dash, then a name. It returns the dash's span and the name's.
func dashAfter(pq *paraQuotes, i int, qs *quoteSettings) (prose.Span, prose.Span, bool) {
	p := pq.p
	k := pq.tokenAt(i)
	// Optional punctuation between the closing mark and the dash.
	for k < len(p.Tokens) && isText(p, k, ",", ".") {
		k++
	}
	if k >= len(p.Tokens) {
		return prose.Span{}, prose.Span{}, false
	}
	d := prose.Span{Start: p.Tokens[k].Start, End: p.Tokens[k].End}
	switch {
	case isText(p, k, "—", "–", "―"):
		k++
	case isText(p, k, "-") && k+1 < len(p.Tokens) && isText(p, k+1, "-"):
		d.End = p.Tokens[k+1].End
		k += 2
	default:
		return prose.Span{}, prose.Span{}, false
	}
	if k+1 < len(p.Tokens) && isText(p, k, "@") && p.Tokens[k+1].Start == p.Tokens[k].End && p.Tokens[k+1].Kind == prose.Word {
		return d, tokSpan(p, k, k+1), true // a social media handle: "—@cityofmiami"
	}
	name, ok := nameStartingAt(p, k, qs)
	if !ok {
		return prose.Span{}, prose.Span{}, false
	}
	return d, name, true
}

// namesSpeaker reports whether speech-verb match m can name the speaker
// of a quotation: not a passive without its agent ("it was agreed"), nor
// a participle used as an adjective after an article or a possessive ("a
// reasoned decision", "his stated aim").
func namesSpeaker(p *prose.Paragraph, m phrase.Match, qs *quoteSettings) bool {
	if agent, passive := passiveAgent(p, m, qs); passive && agent < 0 {
		return false
	}
	if qs.cues[m.ID].construction || m.FirstTok == 0 {
		return true
	}
	// A capital mid-sentence makes a verb's form part of a name: "The
	// United States “will not stand by”", "Reports Editor Ann Lee".
	if words.Capitalized(p, m.FirstTok) && words.Capitalized(p, m.FirstTok-1) {
		return false
	}
	w := words.LowerTok(p, m.FirstTok-1)
	return !qs.articles.Has(w) && !qs.possessives.Has(w)
}

// passiveAgent reports whether speech-verb match m is a passive participle
// ("it was agreed", "residents were told", "was also asked"), and if so the
// index of the token after "by" that names its agent, or -1: a passive
// without an agent names no speaker.
func passiveAgent(p *prose.Paragraph, m phrase.Match, qs *quoteSettings) (int, bool) {
	if qs.cues[m.ID].construction || strings.HasSuffix(words.LowerTok(p, m.FirstTok), "ing") {
		return -1, false
	}
	k := m.FirstTok - 1
	for k >= 0 && qs.skip.Has(words.LowerTok(p, k)) && !qs.auxiliaries.Has(words.LowerTok(p, k)) {
		k--
	}
	if k < 0 || !qs.auxiliaries.Has(words.LowerTok(p, k)) {
		return -1, false
	}
	if j := m.LastTok + 1; j+1 < len(p.Tokens) && words.LowerTok(p, j) == "by" {
		return j + 1, true
	}
	return -1, true
}

// setSpeakerOf fills q's speaker from the subject of cue match m.
func setSpeakerOf(pq *paraQuotes, m phrase.Match, s prose.Quoted, q *Quotation, qs *quoteSettings) {
	p := pq.p
	sp, pron, ok := speakerOf(p, m, qs)
	if !ok {
		return
	}
	q.Speaker, q.SpeakerSpan = spanText(p, sp), p.SrcSpan(sp)
	if pron {
		q.Pronoun, q.PronounSpan = true, q.SpeakerSpan
	}
}

// speakerOf returns the subject of cue match m: after a construction ("according
// to the ministry"), after an inverted verb ("…,” said the spokesman"), else
// before the verb ("Mr. Biden, who said"). pron reports a pronoun subject.
func speakerOf(p *prose.Paragraph, m phrase.Match, qs *quoteSettings) (prose.Span, bool, bool) {
	if qs.cues[m.ID].construction {
		sp, ok := phraseStartingAt(p, m.LastTok+1, qs)
		return sp, false, ok
	}
	if agent, passive := passiveAgent(p, m, qs); passive {
		if agent < 0 {
			return prose.Span{}, false, false
		}
		sp, ok := phraseStartingAt(p, agent, qs)
		return sp, false, ok
	}
	k := m.FirstTok - 1
	for k >= 0 && qs.skip.Has(words.LowerTok(p, k)) {
		k--
	}
	j := m.LastTok + 1
	// "…,” said the spokesman" and "…, said Emily Horne, spokeswoman":
	// the subject follows the verb.
	inverted := k < 0 || isQuoteMark(p, k) ||
		isText(p, k, ",") && (k > 0 && isQuoteMark(p, k-1) || startsSubject(p, j, qs) && !closesAppositive(p, k, qs))
	if inverted {
		if j < len(p.Tokens) && qs.pronouns.Has(words.LowerTok(p, j)) {
			return tokSpan(p, j, j), true, true
		}
		if sp, ok := phraseStartingAt(p, j, qs); ok {
			return sp, false, true
		}
	}
	// ", saying that …": the subject is the sentence's.
	if k >= 0 && isText(p, k, ",") && strings.HasSuffix(words.LowerTok(p, m.FirstTok), "ing") {
		return sentenceSubject(p, m.FirstTok, qs)
	}
	// "the Pentagon, which has ordered troops, said": skip the clause.
	if k >= 0 && isText(p, k, ",") {
		if r := relativeClauseStart(p, k, qs); r >= 0 {
			k = r
		}
	}
	if sp, pron, ok := subjectBefore(p, k, qs); ok {
		return sp, pron, true
	}
	return prose.Span{}, false, false
}

// startsSubject reports whether token j starts a name or a noun phrase
// with a determiner: what follows an inverted verb.
func startsSubject(p *prose.Paragraph, j int, qs *quoteSettings) bool {
	if j >= len(p.Tokens) {
		return false
	}
	w := words.LowerTok(p, j)
	return words.Capitalized(p, j) && !qs.boundary(w) || qs.determiners.Has(w)
}

// closesAppositive reports whether the comma at k closes a name set off by
// commas ("The Kremlin spokesman, Dmitri S. Peskov, insisted"): then the
// verb after it has its subject before it.
func closesAppositive(p *prose.Paragraph, k int, qs *quoteSettings) bool {
	if _, ok := nameBeforeAppositive(p, k, qs); ok {
		return true
	}
	sp, ok := nameEndingAt(p, k-1, qs)
	if !ok {
		return false
	}
	j := tokenBefore(p, sp.Start)
	return j >= 0 && isText(p, j, ",")
}

// maxAppositiveTokens bounds the title nameBeforeAppositive looks back over.
const maxAppositiveTokens = 16

// nameBeforeAppositive returns the name that a title set off by commas
// follows, when the comma at k closes the title: in "“…,” Nadia Ferris, a
// researcher at Bellwether Labs, told The Courier" and "Omar Haddad, chief
// of security, said" the verb's subject is the name, and what follows
// "told" is the one spoken to. The name must open its clause: start the
// sentence, or follow a quotation mark or a comma. A title that is itself a
// name ("The Kremlin spokesman, Dmitri S. Peskov, insisted") is left to
// closesAppositive.
func nameBeforeAppositive(p *prose.Paragraph, k int, qs *quoteSettings) (prose.Span, bool) {
	if k < 3 || k >= len(p.Tokens) || !isText(p, k, ",") || len(p.Sentences) == 0 {
		return prose.Span{}, false
	}
	sent := p.Sentences[sentenceIndex(p, p.Tokens[k].Start)].Start
	for c := k - 1; c > 0 && k-c <= maxAppositiveTokens; c-- {
		if p.Tokens[c].Start < sent || isQuoteMark(p, c) {
			return prose.Span{}, false
		}
		if !isText(p, c, ",") {
			continue
		}
		if c == k-1 {
			return prose.Span{}, false
		}
		if title, ok := nameEndingAt(p, k-1, qs); ok && tokenBefore(p, title.Start) == c {
			return prose.Span{}, false
		}
		name, ok := nameEndingAt(p, c-1, qs)
		if !ok {
			return prose.Span{}, false
		}
		b := tokenBefore(p, name.Start)
		if b >= 0 && p.Tokens[b].Start >= sent && !isQuoteMark(p, b) && !isText(p, b, ",") {
			return prose.Span{}, false
		}
		return name, true
	}
	return prose.Span{}, false
}

// relativeClauseStart returns the index of the token before ", who" or
// ", which" when the comma at k closes such a clause in the same sentence,
// or -1.
func relativeClauseStart(p *prose.Paragraph, k int, qs *quoteSettings) int {
	s := sentenceIndex(p, p.Tokens[k].Start)
	for j := k - 1; j > 0; j-- {
		if s < len(p.Sentences) && p.Tokens[j].Start < p.Sentences[s].Start {
			return -1
		}
		if w := words.LowerTok(p, j); (w == "who" || w == "which") && isText(p, j-1, ",") {
			return j - 2
		}
	}
	return -1
}

// sentenceSubject returns the subject that opens the sentence containing
// token k: a name or a noun phrase, with an appositive name preferred
// ("Russia’s foreign minister, Sergey V. Lavrov,").
func sentenceSubject(p *prose.Paragraph, k int, qs *quoteSettings) (prose.Span, bool, bool) {
	s := sentenceIndex(p, p.Tokens[k].Start)
	if s >= len(p.Sentences) {
		return prose.Span{}, false, false
	}
	j := sort.Search(len(p.Tokens), func(j int) bool { return p.Tokens[j].Start >= p.Sentences[s].Start })
	if j >= k {
		return prose.Span{}, false, false
	}
	if qs.pronouns.Has(words.LowerTok(p, j)) {
		return tokSpan(p, j, j), true, true
	}
	sp, ok := phraseStartingAt(p, j, qs)
	if !ok || sp.End > p.Tokens[k].Start {
		return prose.Span{}, false, false
	}
	return sp, false, true
}

// subjectBefore finds the subject ending at token k: a pronoun, a name
// (with an appositive "The Kremlin spokesman, Dmitri S. Peskov," or a
// relative "Mr. Biden, who"), or a common noun phrase ("the ministry").
func subjectBefore(p *prose.Paragraph, k int, qs *quoteSettings) (prose.Span, bool, bool) {
	if k < 0 {
		return prose.Span{}, false, false
	}
	if w := words.LowerTok(p, k); w == "who" || w == "which" || w == "that" {
		k--
		if k >= 0 && isText(p, k, ",") {
			k--
		}
	} else if isText(p, k, ",") {
		if name, ok := nameBeforeAppositive(p, k, qs); ok {
			return name, false, true
		}
		k-- // the comma closing an appositive
	}
	if k < 0 {
		return prose.Span{}, false, false
	}
	if qs.pronouns.Has(words.LowerTok(p, k)) {
		return tokSpan(p, k, k), true, true
	}
	if sp, ok := nameEndingAt(p, k, qs); ok {
		return sp, false, true
	}
	if sp, ok := nounPhraseEndingAt(p, k, qs); ok {
		return sp, false, true
	}
	return prose.Span{}, false, false
}

// spanText is the text of span s of p with runs of whitespace as one space.
func spanText(p *prose.Paragraph, s prose.Span) string {
	t := p.Text[s.Start:s.End]
	if singleSpaced(t) {
		return t // the common case, without allocating
	}
	return strings.Join(strings.Fields(t), " ")
}

// singleSpaced reports whether s has no whitespace but single spaces
// between words.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case '\t', '\n', '\r', '\v', '\f':
			return false
		case 0xC2, 0xE2: // a no-break space or another Unicode space
			if strings.ContainsFunc(s[i:], unicode.IsSpace) {
				return false
			}
			return true
		}
	}
	return true
}

func tokSpan(p *prose.Paragraph, a, b int) prose.Span {
	return prose.Span{Start: p.Tokens[a].Start, End: p.Tokens[b].End}
}

func isText(p *prose.Paragraph, k int, ws ...string) bool {
	t := words.TokText(p, k)
	for _, w := range ws {
		if t == w {
			return true
		}
	}
	return false
}

func isQuoteMark(p *prose.Paragraph, k int) bool {
	return isText(p, k, "”", "\"", "’", "'", "»", "“", "›")
}

// tokenBefore returns the index of the last token that starts before text
// offset i, or -1.
func tokenBefore(p *prose.Paragraph, i int) int {
	return sort.Search(len(p.Tokens), func(k int) bool { return p.Tokens[k].Start >= i }) - 1
}
