package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/phrase"
	"github.com/attrlint/attrlint/prose"
)

// VagueOptions are the options of a rule of kind vague-attribution: the
// phrases of a pattern rule, plus what tells a named speaker's words from
// the story's own.
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
	Name: "vague-attribution",
	Doc: `flag weasel attribution in the story's own voice

Finds the rule's phrases ("critics say", "it is widely believed") as the
pattern kind does, whole words, case ignored, "*" for one word, unless
phrases excusing their sentence, and reports those the story itself makes.
A phrase inside a direct quotation is the quoted speaker's; a phrase after a
speech verb in its sentence ("the minister said that some economists...")
or before a trailing attribution ("..., Ms. Ruiz said") is a named
speaker's reported speech, up to a clause break ("although", "but"). Those
are not reported: the reporter cannot reword them, and the speaker is
named.`,
	Requires: []*analysis.Analyzer{Quotes},
	Run:      runVague,
}

func init() {
	register(&Kind{
		Name:       "vague-attribution",
		Analyzer:   VagueAnalyzer,
		NewOptions: func() any { return new(VagueOptions) },
		Compile:    compileVague,
	})
}

// Classes of a vague-attribution rule's phrase matcher.
const (
	vagueHit = iota
	vagueUnless
	vagueVerb
	vagueBreak
)

type vagueRule struct {
	message string
	matcher *phrase.Matcher
	// hits holds a word of every phrase: a paragraph with none of them
	// has no match to report, and is not matched.
	hits wordFilter
}

func compileVague(r *Rule, opts any) (any, error) {
	return checkOnFailure(func(check bool) (any, error) { return compileVagueChecked(r, opts, check) })
}

func compileVagueChecked(r *Rule, opts any, check bool) (any, error) {
	o, ok := opts.(*VagueOptions)
	if !ok {
		return nil, fmt.Errorf("vague-attribution: options are %T, want *VagueOptions", opts)
	}
	if len(o.Phrases) == 0 {
		return nil, &OptionError{Key: "phrases", Index: -1,
			Err: errors.New("a vague-attribution rule needs at least one phrase")}
	}
	lists := []struct {
		key   string
		id    int
		items []string
		cs    bool
	}{
		{"phrases", vagueHit, o.Phrases, o.CaseSensitive},
		{"unless", vagueUnless, o.Unless, o.CaseSensitive},
		{"cues-after", vagueVerb, o.SpeechVerbs, false},
		{"clause-breaks", vagueBreak, o.ClauseBreaks, false},
	}
	n := 0
	for _, l := range lists {
		n += len(l.items)
	}
	buf := getEntries(n)
	entries := *buf
	for _, l := range lists {
		for i, s := range l.items {
			if err := checkPhrase(check, s); err != nil {
				return nil, &OptionError{Key: l.key, Index: i, Err: err}
			}
			entries = append(entries, phrase.Entry{Phrase: s, ID: l.id, CaseSensitive: l.cs})
		}
	}
	m, err := phrase.Compile(entries)
	putEntries(buf, entries)
	if err != nil {
		return nil, fmt.Errorf("vague-attribution: %w", err)
	}
	msg := r.Message
	if msg == "" {
		msg = `vague attribution "{match}": say who`
	}
	vr := &vagueRule{message: msg, matcher: m}
	vr.hits.addPhrases(o.Phrases)
	return vr, nil
}

func runVague(pass *analysis.Pass) (any, error) {
	vr, ok := pass.Options.(*vagueRule)
	if !ok {
		return nil, fmt.Errorf("vague-attribution: options are %T, want a compiled vague-attribution rule", pass.Options)
	}
	quotes, _ := pass.ResultOf[Quotes].(*QuoteSet)
	var hits, unless, verbs, breaks []phrase.Match
	var spans, us []prose.Span
	for _, p := range pass.Doc.Paragraphs {
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
		for _, h := range outermost(spans) {
			if excused(p, h, us) || inQuotation(p, h, quotes) || reportedSpeech(p, h, verbs, breaks) {
				continue
			}
			src := p.SrcSpan(h)
			pass.Report(analysis.Diagnostic{
				Start:   src.Start,
				End:     src.End,
				Message: strings.ReplaceAll(vr.message, "{match}", asWritten(p.Text[h.Start:h.End])),
			})
		}
	}
	return nil, nil
}

// inQuotation reports whether h lies inside a full direct quotation.
func inQuotation(p *prose.Paragraph, h prose.Span, qs *QuoteSet) bool {
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
func reportedSpeech(p *prose.Paragraph, h prose.Span, verbs, breaks []phrase.Match) bool {
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
		if v.End <= h.Start && !invertedVerb(p, v) && !passiveVerb(p, v) {
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
func passiveVerb(p *prose.Paragraph, v phrase.Match) bool {
	if v.FirstTok == 0 {
		return false
	}
	t := p.Tokens[v.FirstTok-1]
	switch strings.ToLower(p.Text[t.Start:t.End]) {
	case "been", "be", "being", "is", "was", "were", "are":
		return true
	}
	return false
}
