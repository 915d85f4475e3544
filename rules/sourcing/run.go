package sourcing

import (
	"fmt"
	"strings"

	"github.com/attrlint/attrlint/rules/internal/words"
	"github.com/attrlint/attrlint/rules/quotes"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// sourcingRequires lists the extraction analyzers the kind reads.
// The quotes analyzer tells which words are a direct quotation (a source
// named inside one is the quoted speaker's, not the story's) and which
// named speakers' cues open reported speech.
func sourcingRequires() []*analysis.Analyzer {
	return []*analysis.Analyzer{Attributions, quotes.Quotes}
}

func runSourcing(pass *analysis.Pass) (any, error) {
	ar, ok := pass.Options.(*anonRule)
	if !ok {
		return nil, fmt.Errorf("anonymous-source: options are %T, want a compiled anonymous-source rule", pass.Options)
	}
	set, err := ar.attributions(pass)
	if err != nil {
		return nil, err
	}
	for i := range set.Items {
		a := &set.Items[i]
		if a.Kind != Anonymous && a.Kind != AnonymousJustified {
			continue
		}
		o := qualityOutcome[a.Quality]
		sev := analysis.SeverityOff // the rule's
		switch {
		case o == outcomeJustified || o == outcomeWeak && !ar.opts.StrictReasons:
			if !ar.opts.ReportJustified {
				continue
			}
			sev = analysis.SeverityInfo
		}
		pass.Report(analysis.Diagnostic{
			Start:    a.Span.Start,
			End:      a.Span.End,
			Severity: sev,
			Message:  ar.message(o, a.quoted),
		})
	}
	return nil, nil
}

// qualityOutcome maps what the extraction found about an anonymous source
// to the outcome whose message the rule reports.
var qualityOutcome = [...]outcome{
	QualityNone:      outcomeNoReason,
	QualityKnowledge: outcomeKnowledge,
	QualityNonReason: outcomeNonReason,
	QualityWeak:      outcomeWeak,
	QualityReason:    outcomeJustified,
}

// outcomeQuality is qualityOutcome's inverse.
var outcomeQuality = [numOutcomes]Quality{
	outcomeNoReason:  QualityNone,
	outcomeKnowledge: QualityKnowledge,
	outcomeNonReason: QualityNonReason,
	outcomeWeak:      QualityWeak,
	outcomeJustified: QualityReason,
}

// attributions returns the attributions the rule reports from: the
// analyzer's, or for a rule with lists of its own, those found with its
// lists over the analyzer's (once per document).
func (ar *anonRule) attributions(pass *analysis.Pass) (*AttributionSet, error) {
	set, _ := pass.ResultOf[Attributions].(*AttributionSet)
	if set == nil {
		return nil, fmt.Errorf("anonymous-source: the attributions analyzer gave no result")
	}
	if !ar.own {
		return set, nil
	}
	ar.vocabOnce.Do(func() {
		lists := ar.opts.SourcingLists
		if set.settings != nil && set.settings.anon != nil {
			lists = set.settings.anon.opts.over(&ar.opts.SourcingLists)
		}
		ar.vocab, ar.vocabErr = compileLists(&lists, true)
	})
	if ar.vocabErr != nil {
		return nil, ar.vocabErr
	}
	v := pass.Shared(ar.vocab, func() any {
		qs, _ := pass.ResultOf[quotes.Quotes].(*quotes.QuoteSet)
		own := &AttributionSet{}
		ar.vocab.extract(pass.Doc, qs, &own.Items)
		own.finish(len(pass.Doc.Paragraphs))
		return own
	})
	return v.(*AttributionSet), nil
}

// extract appends the anonymous sources of doc to out, in text order.
func (sr *sourcingRule) extract(doc *prose.Document, qs *quotes.QuoteSet, out *[]Attribution) {
	paras := doc.Paragraphs
	// cur is the paragraph under scan; next the one after it, once its
	// first sentence was needed. Each has one of the two buffers.
	var cur, next *paraIndex
	bufs := sr.bufs.Get().(*sourcingBufs)
	found, judged := bufs.found[:0], bufs.judged[:0]
	defer func() {
		// The pool keeps the memory, not the document.
		bufs.para[0].idx, bufs.para[1].idx = paraIndex{}, paraIndex{}
		clear(found)
		clear(judged)
		bufs.found, bufs.judged = found[:0], judged[:0]
		sr.bufs.Put(bufs)
	}()
	index := func(i int) *paraIndex {
		if next != nil && next.p == paras[i] {
			return next
		}
		buf := &bufs.para[0]
		if cur != nil && cur.buf == buf {
			buf = &bufs.para[1]
		}
		return newParaIndex(paras[i], sr.matcher, buf, qs)
	}
	ex := sr.extra()
	// owed is a paragraph whose first sentence was not matched for the
	// facts a source before it needed, because it cannot hold a reason
	// (see nextOwed); it is matched when the paragraph is scanned, as
	// reading its facts would have, so that the scan finds what it
	// found.
	owed := -1
	for pi := range paras {
		first := sr.firstTrigger(paras[pi])
		if first < 0 {
			continue
		}
		x := index(pi)
		cur, next = x, nil
		if owed == pi && len(x.p.Sentences) > 0 {
			x.sentence(0)
		}
		sr.matchTriggered(x, x.sentTok[max(x.sent[first], 0)])
		covered := -1 // nouns before this token lie in a found source's tail
		for n := 0; n < x.n; n++ {
			if n < covered {
				continue
			}
			if s := x.sent[n]; s >= 0 && !x.matched[s] && !x.any[clsMarker] {
				// A sentence not matched has no class at any token: a
				// token of it can head a source only as a marked noun,
				// and none is without a marker in the paragraph.
				n = x.sentTok[s+1] - 1
				continue
			}
			qualified, open := false, false
			crowdStart := x.crowdEndingAt(n)
			if x.at(clsNoun, n) != n+1 && crowdStart < 0 {
				switch {
				case x.at(clsQualNoun, n) == n+1:
					qualified = true
				case x.markedNoun(n):
					qualified, open = true, true
				default:
					continue
				}
			}
			s, ok := x.findSource(n, qualified)
			if !ok {
				if !open && len(judged) > 0 {
					judged.secondReference(x, n, &found)
				}
				continue
			}
			if open && x.endingAt(clsDet, s.first) < 0 && x.at(clsDet, s.first) < 0 {
				continue
			}
			if !s.before {
				covered = s.cueFirst // "an official who met with Bush aides said"
			}
			if crowdStart >= 0 && crowdStart < s.first {
				s.first = crowdStart // "aid agencies"
			}
			if x.namedContext(s) || x.statement(s) {
				continue
			}
			if crowdStart >= 0 {
				switch {
				case s.tail.affiliated || x.namedOwner(s):
					// "analysts at Deutsche Bank", "FS Group experts": a
					// specified group.
					continue
				case s.tail.knowledge || s.tail.marker || x.singular(s):
					// "analysts familiar with the talks", "one
					// economist said": an anonymous source.
				case !strings.HasSuffix(strings.ToLower(x.text(s.noun)), "s"):
					continue // "expert said": a singular with no determiner
				default:
					*out = append(*out, x.vagueAttribution(s, pi))
					if !s.before {
						covered = s.cueFirst
					}
					continue
				}
			}
			if found.repeats(x, s, pi, len(judged), ex.outlets) {
				continue
			}
			sent := int(x.sent[s.first])
			own := x.facts(sent)
			var nextFacts sentenceFacts
			switch {
			case own.reason:
				// Justified by its own sentence: the next one cannot
				// change that.
			case sent+1 < len(x.p.Sentences):
				nextFacts = x.facts(sent + 1)
			case pi+1 < len(paras):
				if next == nil && (owed == pi+1 || ex.cannotJustify(paras[pi+1])) {
					// Its facts could only be the zero facts' for judge.
					owed = pi + 1
					break
				}
				if next == nil {
					next = index(pi + 1)
				}
				if len(next.p.Sentences) > 0 {
					nextFacts = next.facts(0)
				}
			}
			judged = append(judged, judgedSource{
				start:    x.p.Src(x.toks[s.first].Start),
				end:      x.p.SrcEnd(x.toks[s.noun].End),
				cueStart: x.p.Src(x.toks[s.cueFirst].Start),
				cueEnd:   x.p.SrcEnd(x.toks[s.cueEnd-1].End),
				para:     pi,
				sentence: sent,
				outcome:  judge(own, nextFacts, s.tail),
				desc:     x.quoteSource(s),
			})
		}
	}
	// Classified at the end: a second reference further on may give the
	// reason ("said the official, who was not authorized to discuss it").
	for _, j := range judged {
		k := Anonymous
		if j.outcome == outcomeWeak || j.outcome == outcomeJustified {
			k = AnonymousJustified
		}
		span := prose.Span{Start: j.start, End: j.end}
		*out = append(*out, Attribution{
			Para:       j.para,
			Sentence:   j.sentence,
			Source:     span,
			SourceText: words.AsWritten(string(doc.Text[j.start:j.end])),
			Cue:        prose.Span{Start: j.cueStart, End: j.cueEnd},
			Span:       span,
			Kind:       k,
			Quality:    outcomeQuality[j.outcome],
			Ref:        -1,
			Quote:      -1,
			quoted:     j.desc,
		})
	}
}

// crowdEndingAt returns the first token of a crowd noun ending at token n
// ("analysts", "aid agencies"), or -1.
func (x *paraIndex) crowdEndingAt(n int) int {
	if !x.any[clsCrowd] {
		return -1
	}
	s := x.endingAt(clsCrowd, n)
	if s < 0 || x.at(clsCrowd, s) != n+1 {
		return -1
	}
	return s
}

// namedOwner reports whether a name of two or more capitalized words, or a
// possessive, stands before the noun of s: "FS Group experts", "its
// geologists", "the bank's analysts" are a group the story names.
func (x *paraIndex) namedOwner(s source) bool {
	caps := 0
	for k := s.first; k < s.noun; k++ {
		if x.possessive(k) {
			return true
		}
		switch strings.ToLower(x.text(k)) {
		case "its", "their", "his", "her", "our":
			return true
		}
		if x.capitalized(k) && k > x.sentenceStart(k) {
			caps++
		}
	}
	return caps >= 2
}

// singular reports whether source s is one person of a crowd: a singular
// determiner before a singular noun ("one economist", "a US-based
// insurance expert").
func (x *paraIndex) singular(s source) bool {
	if strings.HasSuffix(strings.ToLower(x.text(s.noun)), "s") {
		return false
	}
	switch strings.ToLower(x.text(s.first)) {
	case "a", "an", "one", "another":
		return true
	}
	return false
}

// statement reports whether the cue of s is followed by a statement frame
// ("said in a statement"), perhaps after bridges ("on Monday"): the
// words of an institution's published statement.
func (x *paraIndex) statement(s source) bool {
	if !x.any[clsStatement] || s.before {
		return false
	}
	k := s.cueEnd
	for i := 0; i < 3 && k < x.n; i++ {
		if x.at(clsStatement, k) > 0 {
			return true
		}
		e := x.at(clsBridge, k)
		if e <= k {
			return false
		}
		k = e
	}
	return false
}

// vagueAttribution is a crowd source s as an attribution of kind Vague.
func (x *paraIndex) vagueAttribution(s source, pi int) Attribution {
	first, last := s.first, s.cueEnd-1
	if s.before {
		first, last = s.cueFirst, s.noun
	}
	span := prose.Span{Start: x.p.Src(x.toks[first].Start), End: x.p.SrcEnd(x.toks[last].End)}
	src := prose.Span{Start: x.p.Src(x.toks[s.first].Start), End: x.p.SrcEnd(x.toks[s.noun].End)}
	return Attribution{
		Para:       pi,
		Sentence:   int(x.sent[s.first]),
		Source:     src,
		SourceText: words.AsWritten(x.p.Text[x.toks[s.first].Start:x.toks[s.noun].End]),
		Cue:        prose.Span{Start: x.p.Src(x.toks[s.cueFirst].Start), End: x.p.SrcEnd(x.toks[s.cueEnd-1].End)},
		Span:       span,
		Kind:       Vague,
		Ref:        -1,
		Quote:      -1,
		quoted:     x.quoteSource(s),
		grammar:    true,
	}
}

// sourcingBufs is the memory of one run, pooled: the indexes of the
// paragraph under scan and the next, and the sources found.
type sourcingBufs struct {
	para   [2]indexBufs
	found  foundNouns
	judged judgedSources
}

// A judgedSource is a first reference to an unnamed source, judged.
type judgedSource struct {
	start, end       int // in the document's source
	cueStart, cueEnd int
	para, sentence   int
	outcome          outcome
	desc             string // its words, for the message
}

// judgedSources are a document's first references, in text order.
type judgedSources []judgedSource

// secondReference reads token n of x, a source noun that findSource did not
// take, as a second reference ("the official", "the two people") when head
// fails on it for its anaphor. A reason for anonymity in its sentence
// ("said the official, who was not authorized to discuss the talks") is
// the reason of the last first reference with that noun, which is judged
// again with it: a story often gives the reason at a later mention.
func (j judgedSources) secondReference(x *paraIndex, n int, found *foundNouns) {
	s := x.sent[n]
	if s < 0 || !x.matched[s] {
		return
	}
	if _, ok := x.head(n, x.sentenceStart(n)); ok {
		return
	}
	i := found.last(x.text(n))
	if i < 0 || j[i].outcome == outcomeJustified {
		return
	}
	f := x.facts(int(s))
	switch {
	case f.reason:
		j[i].outcome = outcomeJustified
	case f.weak:
		j[i].outcome = outcomeWeak
	}
}

// quoteSource returns the words of a source for a message: the description
// and its cue ("U.S. officials said", "a senior official ... told",
// "according to two people").
func (x *paraIndex) quoteSource(s source) string {
	t := x.p.Text
	desc := t[x.toks[s.first].Start:x.toks[s.noun].End]
	cue := t[x.toks[s.cueFirst].Start:x.toks[s.cueEnd-1].End]
	if s.tail.adjacent && !s.before {
		return words.AsWritten(t[x.toks[s.first].Start:x.toks[s.cueEnd-1].End])
	}
	// desc and cue run from the start of a token to the end of one, so
	// that each holds a word: the words of the whole are theirs around
	// the separator, and asWritten of each, most often plain, need not
	// split the whole for the non-ASCII "…".
	d, c := words.AsWritten(desc), words.AsWritten(cue)
	if d == "" || c == "" {
		// Never so; kept as it was for safety.
		if s.before {
			return words.AsWritten(cue + " " + desc)
		}
		return words.AsWritten(desc + " … " + cue)
	}
	if s.before {
		return c + " " + d
	}
	return d + " … " + c
}

// firstTrigger returns the first token of p that may start a source: a
// source noun, the last word of an anonymity marker, or a qualified noun
// ("people") in a sentence with the first word of a knowledge phrase
// ("familiar"); -1 when there is none.
func (sr *sourcingRule) firstTrigger(p *prose.Paragraph) int {
	ids := p.WordIDs()
	by := sr.trigger.byWordID()
	var seen uint8
	qualAt := -1
	for k, id := range ids {
		// Most words are no trigger: tell them by ID alone.
		if int(id) >= len(by) || by[id] == 0 || p.Tokens[k].Kind != prose.Word {
			continue
		}
		c := sr.trigger.classAt(p, ids, k)
		if c&trigSource != 0 {
			if qualAt >= 0 {
				return qualAt // "Two people familiar ... said. They spoke on condition of anonymity"
			}
			return k
		}
		if c&trigQualified != 0 && qualAt < 0 {
			qualAt = k
		}
		seen |= c
	}
	if seen&trigQualified != 0 && seen&trigKnowledge != 0 {
		return qualAt
	}
	return -1
}

// matchTriggered matches the sentences of x, from token from on, that hold
// a source noun or an anonymity marker, or a qualified noun with the first
// word of a knowledge phrase: only they can hold a source's description.
func (sr *sourcingRule) matchTriggered(x *paraIndex, from int) {
	var seen uint8
	ids := x.p.WordIDs()
	for k := from; k < x.n; k++ {
		s := x.sent[k]
		if k > from && x.sent[k-1] != s {
			seen = 0
		}
		t := x.toks[k]
		if s < 0 || x.matched[s] || t.Kind != prose.Word {
			continue
		}
		seen |= sr.trigger.classAt(x.p, ids, k)
		if seen&trigSource != 0 || seen&trigQualified != 0 && seen&trigKnowledge != 0 {
			x.sentence(int(s))
		}
	}
}

// sourcingExtra is what runSourcing reads of a rule's settings beyond the
// compiled rule, computed on first use.
type sourcingExtra struct {
	// reasons holds the words of the reasons, the weak reasons and the
	// anonymity markers: a sentence without every word of one of them has
	// neither a reason nor a weak one (sentenceFacts).
	reasons wordFilter
	// outlets holds the outlet nouns, lower-cased.
	outlets map[string]bool
}

// extra returns the rule's sourcingExtra.
func (sr *sourcingRule) extra() *sourcingExtra {
	sr.extraOnce.Do(func() {
		e := &sr.extraVal
		e.reasons.addPhrases(sr.opts.Reasons)
		e.reasons.addPhrases(sr.opts.WeakReasons)
		e.reasons.addPhrases(sr.opts.AnonymityMarkers)
		e.outlets = make(map[string]bool, len(sr.opts.OutletNouns))
		for _, w := range sr.opts.OutletNouns {
			e.outlets[strings.ToLower(w)] = true
		}
	})
	return &sr.extraVal
}

// cannotJustify reports whether the first sentence of p cannot justify a
// source in the paragraph before it: it has no sentence, or its tokens
// hold the words of no reason, weak reason or anonymity marker, so that
// its facts have neither reason nor weak set, which is all judge reads of
// the next sentence's facts.
func (e *sourcingExtra) cannotJustify(p *prose.Paragraph) bool {
	if len(p.Sentences) == 0 {
		return true
	}
	// The tokens sentence 0 is matched on (paraIndex.sentTok).
	return !e.reasons.mayMatchRange(p, 0, words.TokenAt(p, p.Sentences[0].End, 0))
}

// secondRefParas is how many paragraphs a bare plural reaches back to the
// source it repeats: its own and the one before, as in a chain of
// paragraphs each going on with what "officials" said. Further on, a bare
// "officials" may be another group.
const secondRefParas = 1

// foundNouns holds the nouns of the sources found so far, each with the
// paragraph it was last found in and the index of the last first reference
// with it among the judged sources.
type foundNouns []foundNoun

// A foundNoun is a noun's entry, or with an owner, a possessive source's
// (see repeats).
type foundNoun struct {
	noun, owner string
	para, judge int
}

// last returns the index among the judged sources of the last first
// reference with noun, or -1.
func (f foundNouns) last(noun string) int {
	for _, e := range f {
		if e.owner == "" && strings.EqualFold(e.noun, noun) {
			return e.judge
		}
	}
	return -1
}

// repeats records source s, found in paragraph pi, and reports whether it
// is a second reference: a bare noun ("Officials said") whose noun a
// source found at most secondRefParas paragraphs before had ("U.S. military
// officials said"). News style drops "the" on a repeated plural; the first
// reference is the one judged and reported, once. judge is the index s
// takes among the judged sources when it is a first reference.
//
// A possessive description is a second reference too when a source found
// before had its noun and its owner ("Two of Reuters’ sources said" after
// "according to four of Reuters’ sources"), or an outlet noun after an
// anaphor for owner ("The outlet’s sources said") and its noun alone.
// "The mayor’s advisers" after "two advisers said" is not: they may be the
// governor's.
func (f *foundNouns) repeats(x *paraIndex, s source, pi, judge int, outlets map[string]bool) bool {
	noun := x.text(s.noun)
	owner, start := x.owner(s)
	outlet := owner != "" && x.endingAt(clsAnaphor, start-1) >= 0 && outlets[strings.ToLower(owner)]
	seen := false
	for i := range *f {
		e := &(*f)[i]
		if e.owner == "" && strings.EqualFold(e.noun, noun) {
			last := e.para
			e.para = pi
			if pi-last <= secondRefParas && x.bare(s) ||
				outlet || owner != "" && f.owned(noun, owner) {
				return true
			}
			e.judge, seen = judge, true
			break
		}
	}
	if !seen {
		*f = append(*f, foundNoun{noun: noun, para: pi, judge: judge})
	}
	if owner != "" {
		*f = append(*f, foundNoun{noun: noun, owner: owner, judge: -1})
	}
	return false
}

// owned reports whether a possessive source with noun and owner was found.
func (f foundNouns) owned(noun, owner string) bool {
	for _, e := range f {
		if e.owner != "" && strings.EqualFold(e.owner, owner) && strings.EqualFold(e.noun, noun) {
			return true
		}
	}
	return false
}

// owner returns the owner of a possessive description ("Reuters" in "four of
// Reuters’ sources", "Harbor Wire" in "Harbor Wire’s sources", "outlet" in
// "the outlet’s sources"), with the index of its first token, or "" when s
// is not possessive.
func (x *paraIndex) owner(s source) (string, int) {
	for k := s.first; k < s.noun; k++ {
		if !x.possessive(k) {
			continue
		}
		end := k
		if x.toks[k].Kind == prose.Punct {
			end = k - 1
		}
		start := end
		for start > s.first && x.capitalized(start-1) && x.endingAt(clsAnaphor, start-1) < 0 && x.endingAt(clsDet, start-1) < 0 {
			start--
		}
		w := x.p.Text[x.toks[start].Start:x.toks[end].End]
		return strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s"), start
	}
	return "", -1
}

// bare reports whether source s is its noun alone: "Officials said",
// "…, officials said", "according to officials", not "one customs
// official said", whose words before the noun head does not take in, nor
// "officials familiar with the talks said".
func (x *paraIndex) bare(s source) bool {
	if s.first != s.noun || s.tail.knowledge || s.tail.marker {
		return false
	}
	k := s.first - 1
	switch {
	case k < x.sentenceStart(s.first):
		return true
	case s.before && k == s.cueEnd-1:
		return true
	}
	return x.toks[k].Kind == prose.Punct
}
