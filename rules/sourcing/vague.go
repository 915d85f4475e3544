package sourcing

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/words"
	"github.com/attrlint/attrlint/rules/quotes"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

// VagueOptions are the options of a rule of kind vague-attribution: the
// phrases of a pattern rule, plus what tells a named speaker's words from
// the story's own. They are the attributions analyzer's vocabulary of vague
// attribution, set in its `analyzers: attributions:` section (keys
// vague-phrases, vague-unless, ...); a rule that sets lists of its own
// runs with them over the analyzer's.
type VagueOptions struct {
	// Phrases are the weasel phrases ("critics say", "it is widely
	// believed"), matched as the pattern kind matches phrases.
	Phrases []string `yaml:"phrases"`
	// Unless phrases excuse every match in their sentence but one they lie
	// inside ("according to", "believed to be the first").
	Unless []string `yaml:"unless"`
	// CaseSensitive makes phrases and unless phrases match case as written.
	CaseSensitive bool `yaml:"case-sensitive"`
	// SpeechVerbs open reported speech: a phrase after "the minister said
	// that" in its sentence is the minister's, and one before a trailing
	// ", the minister said" too.
	SpeechVerbs []string `yaml:"cues-after"`
	// ClauseBreaks end reported speech ("although", "but").
	ClauseBreaks []string `yaml:"clause-breaks"`
}

// VagueAnalyzer runs one rule of kind vague-attribution on a document.
var VagueAnalyzer = &analysis.Analyzer{
	Name:     "vague-attribution",
	Doc:      "flag weasel attribution in the story's own voice",
	Requires: []*analysis.Analyzer{Attributions, quotes.Quotes},
	Run:      runVague,
}

// VagueKind is the kind "vague-attribution".
var VagueKind = &rules.Kind{
	Name:       "vague-attribution",
	Analyzer:   VagueAnalyzer,
	NewOptions: func() any { return new(VagueOptions) },
	Compile:    compileVague,
}

// Classes of a vague-attribution rule's phrase matcher.
const (
	vagueHit = iota
	vagueUnless
	vagueVerb
	vagueBreak
)

// vagueView is a compiled rule of kind vague-attribution.
type vagueView struct {
	message string
	opts    VagueOptions
	// own is set when the rule sets lists of its own (see anonRule.own).
	own       bool
	vocabOnce sync.Once
	vocab     *vagueRule
	vocabErr  error
}

// vagueRule is the compiled vocabulary of vague attribution.
type vagueRule struct {
	matcher *phrase.Matcher
	// hits holds a word of every phrase: a paragraph with none of them
	// has no match to report, and is not matched.
	hits wordFilter
}

func compileVague(r *rules.Rule, opts any) (any, error) {
	o, ok := opts.(*VagueOptions)
	if !ok {
		return nil, fmt.Errorf("vague-attribution: options are %T, want *VagueOptions", opts)
	}
	v := &vagueView{message: r.Message, opts: *o, own: o.set()}
	if v.message == "" {
		v.message = `vague attribution "{match}": say who`
	}
	if v.own {
		if _, err := compileVagueLists(o, false); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// set reports whether any list is set.
func (o *VagueOptions) set() bool {
	return len(o.Phrases)+len(o.Unless)+len(o.SpeechVerbs)+len(o.ClauseBreaks) > 0
}

// over returns o with every list that u sets replaced by u's.
func (o VagueOptions) over(u *VagueOptions) VagueOptions {
	if len(u.Phrases) > 0 {
		o.Phrases = u.Phrases
		o.CaseSensitive = u.CaseSensitive
	}
	if len(u.Unless) > 0 {
		o.Unless = u.Unless
	}
	if len(u.SpeechVerbs) > 0 {
		o.SpeechVerbs = u.SpeechVerbs
	}
	if len(u.ClauseBreaks) > 0 {
		o.ClauseBreaks = u.ClauseBreaks
	}
	return o
}

// compileVagueLists compiles the lists of vague attribution with the one
// phrase-list compiler, reporting every bad item; required tells that
// phrases must be set, as the analyzer's must.
func compileVagueLists(o *VagueOptions, required bool) (*vagueRule, error) {
	var errs []error
	if required && len(o.Phrases) == 0 {
		errs = append(errs, &rules.OptionError{Key: "phrases", Index: -1,
			Err: errors.New("a vague-attribution rule needs at least one phrase")})
	}
	// In the order of the classes, whose ids the lists get.
	var ls phrase.Lists
	ls.Add(phrase.List{Key: "phrases", Phrases: o.Phrases, CaseSensitive: o.CaseSensitive})
	ls.Add(phrase.List{Key: "unless", Phrases: o.Unless, CaseSensitive: o.CaseSensitive})
	ls.Add(phrase.List{Key: "cues-after", Phrases: o.SpeechVerbs})
	ls.Add(phrase.List{Key: "clause-breaks", Phrases: o.ClauseBreaks})
	m, lerrs := ls.Compile()
	if errs = appendListErrors(errs, lerrs); errs != nil {
		return nil, errors.Join(errs...)
	}
	vr := &vagueRule{matcher: m}
	vr.hits.addPhrases(o.Phrases)
	return vr, nil
}

func runVague(pass *analysis.Pass) (any, error) {
	vv, ok := pass.Options.(*vagueView)
	if !ok {
		return nil, fmt.Errorf("vague-attribution: options are %T, want a compiled vague-attribution rule", pass.Options)
	}
	set, err := vv.attributions(pass)
	if err != nil {
		return nil, err
	}
	for i := range set.Items {
		a := &set.Items[i]
		if a.Kind != Vague && a.Kind != Impersonal {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Start:   a.Span.Start,
			End:     a.Span.End,
			Message: strings.ReplaceAll(vv.message, "{match}", a.quoted),
		})
	}
	return nil, nil
}

// attributions returns the attributions the rule reports from (see
// anonRule.attributions).
func (vv *vagueView) attributions(pass *analysis.Pass) (*AttributionSet, error) {
	set, _ := pass.ResultOf[Attributions].(*AttributionSet)
	if set == nil {
		return nil, fmt.Errorf("vague-attribution: the attributions analyzer gave no result")
	}
	if !vv.own {
		return set, nil
	}
	vv.vocabOnce.Do(func() {
		o := vv.opts
		if set.settings != nil && set.settings.vagueOpts != nil {
			o = set.settings.vagueOpts.over(&vv.opts)
		}
		vv.vocab, vv.vocabErr = compileVagueLists(&o, true)
	})
	if vv.vocabErr != nil {
		return nil, vv.vocabErr
	}
	v := pass.Shared(vv.vocab, func() any {
		qs, _ := pass.ResultOf[quotes.Quotes].(*quotes.QuoteSet)
		own := &AttributionSet{}
		vv.vocab.extract(pass.Doc, qs, &own.Items)
		own.finish(len(pass.Doc.Paragraphs))
		return own
	})
	return v.(*AttributionSet), nil
}

// extract appends the vague attributions of doc to out, in text order.
func (vr *vagueRule) extract(doc *prose.Document, qset *quotes.QuoteSet, out *[]Attribution) {
	lex := qset.Lexicon() // the words of names and noun phrases
	var hits, unless, verbs, breaks []phrase.Match
	var spans, us []prose.Span
	for pi, p := range doc.Paragraphs {
		if !vr.hits.mayMatch(p) {
			continue
		}
		hits, unless, verbs, breaks = hits[:0], unless[:0], verbs[:0], breaks[:0]
		vr.matcher.Match(p, func(m phrase.Match) {
			switch m.ID {
			case vagueHit:
				hits = append(hits, m)
			case vagueUnless:
				unless = append(unless, m)
			case vagueVerb:
				verbs = append(verbs, m)
			case vagueBreak:
				breaks = append(breaks, m)
			}
		})
		if len(hits) == 0 {
			continue
		}
		spans, us = spans[:0], us[:0]
		for _, h := range hits {
			spans = append(spans, prose.Span{Start: h.Start, End: h.End})
		}
		for _, u := range unless {
			us = append(us, prose.Span{Start: u.Start, End: u.End})
		}
		for _, h := range words.Outermost(spans) {
			if words.Excused(p, h, us) || inQuotation(p, h, qset) || reportedSpeech(p, h, verbs, breaks, lex) ||
				restated(p, h, hits, unless, breaks, qset, lex) {
				continue
			}
			src := p.SrcSpan(h)
			*out = append(*out, Attribution{
				Para:       pi,
				Sentence:   p.SentenceAt(h.Start),
				Span:       src,
				Cue:        src,
				SourceText: words.AsWritten(p.Text[h.Start:h.End]),
				Kind:       vagueKind(p, h, lex),
				Ref:        -1,
				Quote:      -1,
				quoted:     words.AsWritten(p.Text[h.Start:h.End]),
			})
		}
	}
}

// vagueKind classifies a vague phrase: Impersonal for an impersonal "it",
// an agentless passive or a report of nobody in particular, Vague for a
// crowd.
func vagueKind(p *prose.Paragraph, h prose.Span, lex *quotes.Lexicon) SourceKind {
	w := strings.ToLower(p.Text[h.Start:h.End])
	switch {
	case strings.HasPrefix(w, "it ") || strings.HasPrefix(w, "it’s") || strings.HasPrefix(w, "it's"),
		strings.Contains(w, "report"), passiveParticiple(p, h, lex) >= 0:
		return Impersonal
	}
	return Vague
}

// inQuotation reports whether h lies inside a full direct quotation.
func inQuotation(p *prose.Paragraph, h prose.Span, qs *quotes.QuoteSet) bool {
	if qs == nil {
		return false
	}
	at := p.Src(h.Start)
	// Quotations are in document order and do not overlap: only the last
	// one that starts before h can hold it.
	i := sort.Search(len(qs.Quotes), func(i int) bool { return qs.Quotes[i].Span.Start >= at }) - 1
	if i < 0 {
		return false
	}
	q := &qs.Quotes[i]
	return q.Full && q.Span.Start < at && at < q.Span.End
}

// reportedSpeech reports whether h lies in reported speech in its sentence:
// after a speech verb whose subject comes first ("the minister said that"),
// or before a trailing attribution (", the minister said"), with no clause
// break between.
func reportedSpeech(p *prose.Paragraph, h prose.Span, verbs, breaks []phrase.Match, lex *quotes.Lexicon) bool {
	si := p.SentenceAt(h.Start)
	if si < 0 {
		return false
	}
	sent := p.Sentences[si]
	from, to := sent.Start, sent.End
	// Breaks and verbs come in text order: look only at the sentence's.
	bi := sort.Search(len(breaks), func(i int) bool { return breaks[i].Start >= from })
	for _, b := range breaks[bi:] {
		if b.Start >= to {
			break
		}
		if b.End <= h.Start && b.Start >= from {
			from = b.End
		}
		if b.Start >= h.End && b.End <= to {
			to = b.Start
			break
		}
	}
	vi := sort.Search(len(verbs), func(i int) bool { return verbs[i].Start >= from })
	for _, v := range verbs[vi:] {
		if v.Start >= to {
			break
		}
		if v.Start < from || v.End > to || v.Start >= h.Start && v.End <= h.End {
			continue // outside the clause, or the phrase's own verb
		}
		if v.End <= h.Start && !invertedVerb(p, v) && !passiveVerb(p, v, lex) {
			return true // "the minister said that some economists ..."
		}
		if v.Start >= h.End && trailingVerb(p, v, h) {
			return true // "..., the minister said."
		}
	}
	return false
}

// invertedVerb reports whether speech verb v follows a comma or a closing
// quotation mark, as in "..., said Ms. Ruiz": its speech is before it.
func invertedVerb(p *prose.Paragraph, v phrase.Match) bool {
	if v.FirstTok == 0 {
		return false
	}
	t := p.Tokens[v.FirstTok-1]
	switch p.Text[t.Start:t.End] {
	case ",", "”", `"`, "’", "'":
		return true
	}
	return false
}

// trailingVerb reports whether speech verb v, after the phrase h, belongs
// to a trailing attribution: a comma stands between them and at most a few
// words (the speaker) between the comma and the verb, or the verb comes
// right after the comma.
func trailingVerb(p *prose.Paragraph, v phrase.Match, h prose.Span) bool {
	const maxSpeakerWords = 6
	words := 0
	for k := v.FirstTok - 1; k >= 0 && p.Tokens[k].Start >= h.End; k-- {
		t := p.Tokens[k]
		if p.Text[t.Start:t.End] == "," {
			return true
		}
		if t.Kind == prose.Word {
			words++
			if words > maxSpeakerWords {
				return false
			}
		}
	}
	return false
}

// passiveVerb reports whether speech verb v is passive ("the board has been
// told that"): its subject heard the speech, and the speaker is unnamed.
func passiveVerb(p *prose.Paragraph, v phrase.Match, lex *quotes.Lexicon) bool {
	if v.FirstTok == 0 {
		return false
	}
	t := p.Tokens[v.FirstTok-1]
	return lex.PassiveAuxiliary(p.Text[t.Start:t.End])
}

// restated reports whether h, an agentless passive or an impersonal "it"
// ("is believed to", "it is said"), restates an attribution that the
// previous sentence of its paragraph makes to a name: "According to the
// Financial Times, ... . The studio is said to be ..." (an unless phrase,
// such as "according to", followed by a name), or "Citizen Lab believes
// ... . The group is believed to ..." (an active form of the passive's own
// verb whose subject is a name, or a group owned by one: "its
// researchers"). A crowd ("some critics believe") or an unnamed subject
// ("officials believe") restates nothing, nor does a sentence of another
// paragraph.
func restated(p *prose.Paragraph, h prose.Span, hits, unless, breaks []phrase.Match, qset *quotes.QuoteSet, lex *quotes.Lexicon) bool {
	si := p.SentenceAt(h.Start)
	if si <= 0 {
		return false
	}
	part := passiveParticiple(p, h, lex)
	if part < 0 {
		return false
	}
	if lex == nil {
		return false
	}
	prev := p.Sentences[si-1]
	a := sort.Search(len(p.Tokens), func(k int) bool { return p.Tokens[k].Start >= prev.Start })
	b := a
	for b < len(p.Tokens) && p.Tokens[b].End <= prev.End {
		b++
	}
	// An unless phrase naming its source: "According to the Financial
	// Times, ...". One that is part of a match ("according to some", the
	// hedge "believed to be the first") names nobody.
	for _, u := range unless {
		if u.Start < prev.Start || u.End > prev.End || overlapsMatch(u.Start, u.End, hits) {
			continue
		}
		if nameAfter(p, u.LastTok+1, b, lex) {
			return true
		}
	}
	// The passive's verb, active, after a named subject: "its security
	// researchers believe" before "is believed to".
	pt := p.Tokens[part]
	pw := p.Text[pt.Start:pt.End]
	for k := a; k < b; k++ {
		t := p.Tokens[k]
		if t.Kind != prose.Word || !sameVerb(p.Text[t.Start:t.End], pw) ||
			overlapsMatch(t.Start, t.End, hits) || inQuotation(p, prose.Span{Start: t.Start, End: t.End}, qset) {
			continue
		}
		if namedSubject(p, k, a, breaks, lex) {
			return true
		}
	}
	return false
}

// passiveParticiple returns the token of the participle of h when h is an
// agentless passive or an impersonal "it": the word before "to" in h, or
// h's last word ("is said to be", "it is understood"), with a form of "be"
// (or "it's") right before it or one word before it ("it is widely
// believed", "is now thought to"). Else, for a crowd ("critics say",
// "people are saying", "there are those who say"), it returns -1.
func passiveParticiple(p *prose.Paragraph, h prose.Span, lex *quotes.Lexicon) int {
	first := sort.Search(len(p.Tokens), func(k int) bool { return p.Tokens[k].Start >= h.Start })
	part := first
	for k := first + 1; k < len(p.Tokens) && p.Tokens[k].End <= h.End; k++ {
		if strings.EqualFold(words.TokText(p, k), "to") {
			part = k - 1
			break
		}
		part = k
	}
	if pw := words.TokText(p, part); p.Tokens[part].Kind != prose.Word || lex.PassiveAuxiliary(pw) || hasSuffixFold(pw, "ing") {
		return -1
	}
	for k := part - 1; k >= first && k >= part-2; k-- {
		if w := words.TokText(p, k); lex.PassiveAuxiliary(w) || contractedIs(w) {
			return part
		}
	}
	return -1
}

// sameVerb reports whether w is an active form of the verb of participle
// pw: the participle itself, used as a past tense ("believed", "said"), or
// for a regular participle its stem and third person ("believe",
// "believes", "report", "reports").
func sameVerb(w, pw string) bool {
	if strings.EqualFold(w, pw) {
		return true
	}
	if !hasSuffixFold(pw, "ed") {
		return false
	}
	for _, stem := range [...]string{pw[:len(pw)-1], pw[:len(pw)-2]} {
		if len(stem) < 3 || len(w) < len(stem) || !strings.EqualFold(w[:len(stem)], stem) {
			continue
		}
		if rest := w[len(stem):]; rest == "" || rest == "s" || rest == "S" {
			return true
		}
	}
	return false
}

// namedSubject reports whether the verb at token v, in the sentence that
// starts at token a, is active and its subject a name or a group a name
// owns: "Citizen Lab believes", "the Financial Times reported", "Ms. Ruiz
// said", "its security researchers believe", "Citizen Lab’s researchers
// believe". A single capitalized word opening the sentence may be a common
// noun ("Officials believe"), and a quantity ("Some Democrats", "many
// analysts") is a crowd: neither names anyone.
func namedSubject(p *prose.Paragraph, v, a int, breaks []phrase.Match, lex *quotes.Lexicon) bool {
	k := v - 1
	for k >= a && isAdverb(words.TokText(p, k)) {
		k--
	}
	if k < a || lex.PassiveAuxiliary(words.TokText(p, k)) || words.Possessive(words.TokText(p, k)) {
		return false // a passive, or a possessive before a noun ("its report")
	}
	if !words.Capitalized(p, k) {
		// A group a name owns: "its security researchers".
		for j := k - 1; j >= a && k-j <= maxOwnedWords; j-- {
			w := words.TokText(p, j)
			if words.Capitalized(p, j) {
				return words.Possessive(w)
			}
			if p.Tokens[j].Kind != prose.Word {
				return false
			}
			if lex.Possessive(words.LowerTok(p, j)) {
				return true
			}
		}
		return false
	}
	r, n := k, 1
	for r-1 >= a && (words.Capitalized(p, r-1) || p.Tokens[r-1].Kind == prose.Punct && words.TokText(p, r-1) == "." && r-2 >= a && words.Capitalized(p, r-2)) {
		r--
		if p.Tokens[r].Kind == prose.Word {
			n++
		}
	}
	if crowd(p, r, lex) {
		return false
	}
	j := r - 1
	switch {
	case j < a || p.Tokens[j].Kind == prose.Punct && quoteOpener(words.TokText(p, j)):
		return n >= 2 // "Citizen Lab believes", not "Officials believe"
	case p.Tokens[j].Kind == prose.Punct:
		return true // ", Ms. Ruiz believes", "— the Pentagon"
	case crowd(p, j, lex):
		return false
	}
	w := words.LowerTok(p, j)
	if lex.Article(w) || lex.Possessive(w) {
		return true // "the Pentagon believes"
	}
	for _, br := range breaks {
		if br.LastTok == j {
			return true // "though Citizen Lab believes"
		}
	}
	return false
}

// maxOwnedWords bounds the words between a possessive and the verb of the
// group it owns ("its chief security researchers believe").
const maxOwnedWords = 4

// nameAfter reports whether a name starts at token j, perhaps after an
// article or a possessive, before token end: a run of capitalized words
// that a punctuation mark or the sentence's end follows ("the Financial
// Times,"), not a modifier of a common noun ("a Western official") nor a
// quantity ("Two Western officials").
func nameAfter(p *prose.Paragraph, j, end int, lex *quotes.Lexicon) bool {
	if j < end && !words.Capitalized(p, j) && p.Tokens[j].Kind == prose.Word {
		if w := words.LowerTok(p, j); lex.Article(w) || lex.Possessive(w) {
			j++
		}
	}
	if j >= end || !words.Capitalized(p, j) || crowd(p, j, lex) {
		return false
	}
	for j < end && (words.Capitalized(p, j) || words.TokText(p, j) == ".") {
		j++
	}
	return j >= end || p.Tokens[j].Kind != prose.Word
}

// crowd reports whether token k is a determiner of quantity ("some",
// "many", "two"): a determiner of the quotes analyzer that is neither an
// article nor a possessive.
func crowd(p *prose.Paragraph, k int, lex *quotes.Lexicon) bool {
	w := words.LowerTok(p, k)
	return lex.Determiner(w) && !lex.Article(w) && !lex.Possessive(w)
}

// overlapsMatch reports whether the text [start, end) overlaps one of ms.
func overlapsMatch(start, end int, ms []phrase.Match) bool {
	for _, m := range ms {
		if m.Start < end && start < m.End {
			return true
		}
	}
	return false
}

// isAdverb reports whether w is an adverb in -ly ("widely", "privately").
func isAdverb(w string) bool { return len(w) > 4 && hasSuffixFold(w, "ly") }

// contractedIs reports whether w ends in the contraction of "is" ("it's").
func contractedIs(w string) bool { return hasSuffixFold(w, "'s") || strings.HasSuffix(w, "’s") }

// quoteOpener reports whether w opens a quotation or a parenthesis.
func quoteOpener(w string) bool {
	switch w {
	case "“", `"`, "‘", "'", "(", "«":
		return true
	}
	return false
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
