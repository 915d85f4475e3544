package quotes

import (
	"strings"
	"unicode/utf8"

	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/internal/words"
)

// This file holds the attributions read from the shape of a clause rather
// than from a speech verb found near the quotation: the tag after a
// quotation ("…,” the memo concludes", "…?” Mr. Ames asked) and the
// subject of the clause a partial quotation is embedded in ("The senator
// vowed to “fight this in every court”").

// maxSubjectTokens bounds a clause's subject.
const maxSubjectTokens = 8

// clauseReach is how many tokens may stand between a clause's verb and a
// partial quotation in it.
const clauseReach = 30

// maxTagTail is how many tokens may follow a tag's verb before its
// sentence ends, after a question or an exclamation mark ("asked
// reporters outside the court").
const maxTagTail = 10

// subject is a noun phrase found as the subject of a clause.
type subject struct {
	span prose.Span // text offsets in the paragraph
	from int        // its first token
	next int        // the token after it
	pron bool
	// speaker is set when the phrase can speak: a pronoun of a person, a
	// name, or a noun phrase whose head is one of speaker-nouns.
	speaker bool
}

// subjectAt reads the noun phrase that starts at token k: a pronoun, a
// name ("Gov. Maria Castillo", "Acme Corp."), or a noun phrase up to its
// head ("the ministry’s lawyers", "Union officials", "the memo"). The
// phrase ends before the first word that reads as a verb (see verbAt).
func (x *extractor) subjectAt(p *prose.Paragraph, k int, sentStart bool) (subject, bool) {
	qs := x.qs
	if k >= len(p.Tokens) || p.Tokens[k].Kind != prose.Word {
		return subject{}, false
	}
	w := words.LowerTok(p, k)
	if qs.pronouns.Has(w) {
		return subject{span: tokSpan(p, k, k), from: k, next: k + 1, pron: true, speaker: w != "it" && w != "you"}, true
	}
	if qs.nonSpeakers.Has(w) {
		return subject{}, false
	}
	j := k
	if qs.determiners.Has(w) || qs.possessives.Has(w) {
		j++
	}
	head, end, caps, named := -1, -1, 0, false
	for ; j < len(p.Tokens) && j-k < maxSubjectTokens; j++ {
		t := p.Tokens[j]
		if t.Kind == prose.Punct {
			// "Gen.", "U.S.", and "Acme Corp." before a lower-case word.
			if abbrevDot(p, j, qs) || isText(p, j, ".") && j > k && p.Tokens[j-1].End == t.Start &&
				words.Capitalized(p, j-1) && j+1 < len(p.Tokens) && p.Tokens[j+1].Kind == prose.Word && !words.Capitalized(p, j+1) {
				end = j
				continue
			}
			break
		}
		lw := words.LowerTok(p, j)
		capital := words.Capitalized(p, j) && (j > k || !sentStart || !qs.speakerNouns.Has(lw))
		if j > k && !capital && (qs.boundary(lw) && !qs.speakerNouns.Has(lw) || x.verbAt(p, j)) {
			break
		}
		if j > k && capital && qs.boundary(lw) {
			break
		}
		head, end = j, j
		if capital {
			caps++
		} else if qs.particles.Has(lw) && caps > 0 {
			continue
		}
		named = capital
	}
	if head < 0 || j >= len(p.Tokens) {
		return subject{}, false
	}
	sp := tokSpan(p, k, end)
	sub := subject{span: sp, from: k, next: end + 1}
	hw := strings.TrimSuffix(strings.TrimSuffix(words.LowerTok(p, head), "'s"), "'")
	switch {
	case qs.speakerNouns.Has(hw):
		sub.speaker = true
	case named && caps >= 2:
		sub.speaker = isPerson(p, sp, qs) || x.institution(p, sp)
		if !sub.speaker {
			sub.speaker = true // a name of several words: a person or a body
		}
	case named && caps == 1:
		// One capitalized word opening a sentence is a name only if the
		// document writes it so mid-sentence too ("Ortega", not
		// "Inflation").
		sub.speaker = !sentStart || head != k || x.knownName(p, head)
	}
	return sub, true
}

// institution reports whether the name in span s has a word of an
// institution.
func (x *extractor) institution(p *prose.Paragraph, s prose.Span) bool {
	for _, t := range tokensIn(p, s) {
		if t.Kind == prose.Word && x.qs.organizations.Has(phraseFold(p.Text[t.Start:t.End])) {
			return true
		}
	}
	return false
}

// verbAt reports whether token j reads as a verb that ends a subject: a
// speech verb, one of clause-verbs, or a lower-case past in -ed.
func (x *extractor) verbAt(p *prose.Paragraph, j int) bool {
	if j >= len(p.Tokens) || p.Tokens[j].Kind != prose.Word || words.Capitalized(p, j) {
		return false
	}
	w := words.LowerTok(p, j)
	if x.qs.clauseVerbs.Has(w) || x.qs.auxiliaries.Has(w) || x.qs.copulas.Has(w) {
		return true
	}
	if x.speechVerbAt(p, j) {
		return true
	}
	return utf8.RuneCountInString(w) > 4 && strings.HasSuffix(w, "ed") && !x.qs.speakerNouns.Has(w)
}

// speechVerbAt reports whether token j is the first word of a speech
// verb's form.
func (x *extractor) speechVerbAt(p *prose.Paragraph, j int) bool {
	return x.qs.verbForms.Has(words.LowerTok(p, j))
}

// knownName reports whether the capitalized word at token k is written
// with its capital mid-sentence somewhere in the document: a name
// ("Ortega"), not a common noun that opens a sentence ("Inflation"). The
// document's words so written are gathered once, on first use.
func (x *extractor) knownName(p *prose.Paragraph, k int) bool {
	if x.names == nil {
		x.names = make(map[string]struct{})
		for pi := range x.paras {
			q := x.paras[pi].p
			opens := true // the next word opens a sentence
			for j := range q.Tokens {
				if q.Tokens[j].Kind != prose.Word {
					if isText(q, j, ".", "?", "!", ":", "—", "–", "…") {
						opens = true
					}
					continue
				}
				if !opens && words.Capitalized(q, j) {
					x.names[words.TokText(q, j)] = struct{}{}
				}
				opens = false
			}
		}
	}
	_, ok := x.names[words.TokText(p, k)]
	return ok
}

// attributeTag credits stretch s to the tag after its closing mark: a
// subject and its verb, or the verb and its subject. After a comma (“…,”
// the memo concludes.) the sentence goes on, and any verb of the clause
// will do; after a question or an exclamation mark (“…?” Mr. Ames asked.)
// the tag reads as a sentence of its own, and only a speech verb with
// nothing but its complements after it is a tag.
func (x *extractor) attributeTag(pq *paraQuotes, s prose.Quoted, q *Quotation) bool {
	p, qs := pq.p, x.qs
	if s.Close.Len() == 0 {
		return false
	}
	content := p.Text[s.Content.Start:s.Content.End]
	comma := strings.HasSuffix(content, ",")
	stop := strings.HasSuffix(content, "?") || strings.HasSuffix(content, "!")
	k := pq.tokenAt(s.Close.End)
	if k < len(p.Tokens) && isText(p, k, ",") {
		comma, stop = true, false
		k++
	}
	if !comma && !stop || k >= len(p.Tokens) {
		return false
	}
	// A tag follows a quotation that opens its sentence, or one that reads
	// as a sentence: "Thanks to these “bot nets”, spam continued" has none.
	if open := pq.tokenAt(s.Open.Start); !startsUpper(content) {
		if a, _ := pq.sentenceTokens(pq.sentenceOf(s.Open.Start)); open > a {
			return false
		}
	}
	verb := func(j int) bool {
		if j >= len(p.Tokens) {
			return false
		}
		if stop {
			return x.speechVerbAt(p, j)
		}
		w := words.LowerTok(p, j)
		return x.verbAt(p, j) && !qs.copulas.Has(w) && !qs.auxiliaries.Has(w)
	}
	var sub subject
	v := -1
	if verb(k) {
		// “…,” said the spokesman
		if sb, ok := x.subjectAt(p, k+1, false); ok {
			sub, v = sb, k
		}
	}
	if v < 0 {
		sb, ok := x.subjectAt(p, k, false)
		if !ok {
			return false
		}
		j := skipAppositive(p, sb.next, qs)
		for j < len(p.Tokens) && qs.skip.Has(words.LowerTok(p, j)) {
			j++
		}
		switch {
		case verb(j):
			sub, v = sb, j
		case comma && presentTense(p, sb, qs):
			// “…,” the memo concludes.: the phrase's last word is its
			// verb, in the present.
			h := sb.next - 1
			sb.span.End, sb.next = p.Tokens[h-1].End, h
			sub, v = sb, h
		default:
			return false
		}
	}
	if stop && !tagEnds(p, max(v, sub.next), qs) {
		return false
	}
	q.Cue = words.LowerTok(p, v)
	q.CueSpan = p.SrcSpan(tokSpan(p, v, v))
	q.Speaker, q.SpeakerSpan = spanText(p, sub.span), p.SrcSpan(sub.span)
	if sub.pron {
		q.Pronoun, q.PronounSpan = true, q.SpeakerSpan
	}
	return true
}

// presentTense reports whether the last word of phrase sb, in a tag, is a
// verb in the third person present that ends the clause: "the report
// states.", "the memo concludes,". The phrase before it must still read
// as a subject.
func presentTense(p *prose.Paragraph, sb subject, qs *quoteSettings) bool {
	h := sb.next - 1
	if h <= sb.from || words.Capitalized(p, h) || h+1 >= len(p.Tokens) {
		return false
	}
	w := words.LowerTok(p, h)
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "'s") || qs.speakerNouns.Has(w) {
		return false
	}
	return isText(p, h+1, ".", ",", ";") || qs.boundary(words.LowerTok(p, h+1))
}

// tagEnds reports whether the sentence ends soon after token j, with no
// clause of its own ("that …", another verb): “…?” she asked reporters.
func tagEnds(p *prose.Paragraph, j int, qs *quoteSettings) bool {
	for k := j + 1; k < len(p.Tokens) && k-j <= maxTagTail; k++ {
		if isText(p, k, ".", "?", "!", ";") || isQuoteMark(p, k) {
			return true
		}
		w := words.LowerTok(p, k)
		if w == "that" || qs.copulas.Has(w) || qs.auxiliaries.Has(w) {
			return false
		}
	}
	return j+1 >= len(p.Tokens)
}

// skipAppositive returns the token after an appositive or a relative
// clause set off by commas at token j (", the mayor,", ", who chairs the
// committee,"), or j when there is none.
func skipAppositive(p *prose.Paragraph, j int, qs *quoteSettings) int {
	if j >= len(p.Tokens) || !isText(p, j, ",") {
		return j
	}
	for k := j + 1; k < len(p.Tokens) && k-j <= maxAppositiveTokens; k++ {
		if isText(p, k, ",") {
			return k + 1
		}
		if p.Tokens[k].Kind == prose.Punct && !abbrevDot(p, k, qs) && !isText(p, k, "’", "'") {
			return j
		}
	}
	return j
}

// attributeSubject credits a partial quotation (it opens in lower case,
// mid-sentence) to the subject of the clause it is embedded in, whatever
// the clause's verb: "Ortega declined to attribute “particular motives to
// the people who left”", "The senator vowed to “fight this”". The subject
// must be able to speak (see subjectAt), the clause's verb must not be a
// copula ("The ruling was “a victory”" describes the ruling), and no
// clause with a subject of its own may open between the verb and the
// quotation. "In the mayor’s words," makes the mayor the speaker of any
// quotation of the sentence.
func (x *extractor) attributeSubject(pq *paraQuotes, s prose.Quoted, q *Quotation) bool {
	p, qs := pq.p, x.qs
	if len(p.Sentences) == 0 {
		return false
	}
	open := pq.tokenAt(s.Open.Start)
	a, _ := pq.sentenceTokens(pq.sentenceOf(s.Open.Start))
	if x.viewpoint(pq, max(a, open-clauseReach), open, q) {
		return true
	}
	if startsUpper(p.Text[s.Content.Start:s.Content.End]) || open <= a {
		return false
	}
	j := a
	for j < open && (isQuoteMark(p, j) || isText(p, j, "(")) {
		j++
	}
	if j < open {
		if w := words.LowerTok(p, j); w == "and" || w == "but" || w == "yet" || w == "so" || w == "still" || w == "however" {
			j++
			if j < open && isText(p, j, ",") {
				j++
			}
		}
	}
	if j < open && qs.boundary(words.LowerTok(p, j)) && !qs.pronouns.Has(words.LowerTok(p, j)) {
		// "After the vote, the council pledged …": past the opening phrase.
		c := j + 1
		for c < open && c-j <= maxAppositiveTokens && !isText(p, c, ",") {
			c++
		}
		if c >= open || !isText(p, c, ",") {
			return false
		}
		j = c + 1
	}
	sub, ok := x.subjectAt(p, j, j == a)
	if !ok || !sub.speaker || sub.next >= open {
		return false
	}
	v := skipAppositive(p, sub.next, qs)
	for v < open && qs.skip.Has(words.LowerTok(p, v)) && !qs.clauseVerbs.Has(words.LowerTok(p, v)) {
		v++
	}
	if v >= open || open-v > clauseReach || !x.verbAt(p, v) {
		return false
	}
	if qs.copulas.Has(words.LowerTok(p, v)) && !participle(p, v+1) {
		return false
	}
	for k := v + 1; k < open; k++ {
		w := words.LowerTok(p, k)
		switch {
		case isText(p, k, ";", ":", ".", "?", "!") || isQuoteMark(p, k):
			return false
		case w == "as":
			// "dismissed the suit as “a stunt”" characterizes; "as the
			// crowd chanted “…”" opens a clause.
			if n := words.LowerTok(p, min(k+1, open)); k+1 < open && newSubject(p, k+1, qs) && n != "a" && n != "an" {
				return false
			}
		case qs.subordinators.Has(w):
			return false
		case (w == "and" || w == "but" || w == "or") && k+1 < open && newSubject(p, k+1, qs):
			return false
		}
	}
	q.Cue = "subject"
	q.CueSpan = p.SrcSpan(tokSpan(p, v, v))
	q.Speaker, q.SpeakerSpan = spanText(p, sub.span), p.SrcSpan(sub.span)
	if sub.pron {
		q.Pronoun, q.PronounSpan = true, q.SpeakerSpan
	}
	return true
}

// participle reports whether token j is a participle: "was quick",
// no; "was expected", "has been saying", yes.
func participle(p *prose.Paragraph, j int) bool {
	if j >= len(p.Tokens) || p.Tokens[j].Kind != prose.Word {
		return false
	}
	w := words.LowerTok(p, j)
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// newSubject reports whether token k opens a clause's subject after a
// coordinator: a determiner, a pronoun, a capitalized word.
func newSubject(p *prose.Paragraph, k int, qs *quoteSettings) bool {
	w := words.LowerTok(p, k)
	return qs.determiners.Has(w) || qs.pronouns.Has(w) || words.Capitalized(p, k)
}

// viewpoint credits q to the owner of "in X’s words" or "in X’s view"
// between tokens from and open of its sentence.
func (x *extractor) viewpoint(pq *paraQuotes, from, open int, q *Quotation) bool {
	p, qs := pq.p, x.qs
	for k := from; k+2 < open; k++ {
		if words.LowerTok(p, k) != "in" {
			continue
		}
		for n := k + 2; n < open && n-k <= maxSubjectTokens; n++ {
			if !qs.viewpoint.Has(words.LowerTok(p, n)) {
				continue
			}
			owner := words.LowerTok(p, n-1)
			if !words.Possessive(owner) && !qs.possessives.Has(owner) {
				break
			}
			sp := trimPossessive(p, tokSpan(p, k+1, n-1))
			q.Cue = "subject"
			q.CueSpan = p.SrcSpan(tokSpan(p, n, n))
			if !qs.possessives.Has(owner) {
				q.Speaker, q.SpeakerSpan = spanText(p, sp), p.SrcSpan(sp)
			}
			return true
		}
	}
	return false
}
