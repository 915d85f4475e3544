package sourcing

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/attrlint/attrlint/rules"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/phrase"
)

// SourcingOptions are the options of a rule of kind anonymous-source. Every
// list is a list of phrases, matched as the pattern kind matches them:
// whole words, case ignored, "*" for any one word. The embedded pack
// rules/sourcing/sourcing.yaml fills them all; see it for what each list holds.
type SourcingOptions struct {
	// Nouns are source nouns that make an unnamed source by themselves
	// ("officials", "a diplomat").
	Nouns []string `yaml:"nouns"`
	// QualifiedNouns are a source only with a knowledge phrase or an
	// anonymity marker ("two people familiar with the talks").
	QualifiedNouns []string `yaml:"qualified-nouns"`
	// Determiners open a first reference ("a", "two", "several").
	Determiners []string `yaml:"determiners"`
	// Anaphors open a second reference ("the", "those"), never reported.
	Anaphors []string `yaml:"anaphors"`
	// Modifiers may stand between the determiner and the noun; capitalized
	// words may too, unless listed in FunctionWords.
	Modifiers     []string `yaml:"modifiers"`
	FunctionWords []string `yaml:"function-words"`
	// PostModifiers open a phrase after the noun ("in", "to", "who").
	PostModifiers []string `yaml:"post-modifiers"`
	// Knowledge phrases say how the source knows ("familiar with").
	Knowledge []string `yaml:"knowledge"`
	// CuesAfter are attribution verbs after the description; CuesBefore
	// come before it ("according to", an inverted "said").
	CuesAfter  []string `yaml:"cues-after"`
	CuesBefore []string `yaml:"cues-before"`
	// Bridges may stand between the description and its verb.
	Bridges []string `yaml:"bridges"`
	// NonCues after a description mean it said nothing ("declined to
	// comment").
	NonCues []string `yaml:"non-cues"`
	// Naming phrases introduce a named source ("including").
	Naming []string `yaml:"naming"`
	// NotNames are capitalized words after a noun that are not a name.
	NotNames []string `yaml:"not-names"`
	// AnonymityMarkers say the source is anonymous; alone they are not a
	// reason ("declined to be named").
	AnonymityMarkers []string `yaml:"anonymity-markers"`
	// ReasonLinks after a marker introduce its reason ("because").
	ReasonLinks []string `yaml:"reason-links"`
	// Reasons justify anonymity; WeakReasons are boilerplate.
	Reasons     []string `yaml:"reasons"`
	WeakReasons []string `yaml:"weak-reasons"`
	// ClauseBreaks end reported speech and the search for a cue.
	ClauseBreaks []string `yaml:"clause-breaks"`
	// NamedSubjects before a speech verb name a speaker (pronouns,
	// institutions).
	NamedSubjects []string `yaml:"named-subjects"`
	// OutletNouns stand for a news outlet the story named before: "the
	// outlet’s sources" after Reuters' sources is a second reference.
	OutletNouns []string `yaml:"outlet-nouns"`

	// ReportJustified reports justified sources at info.
	ReportJustified bool `yaml:"report-justified"`
	// StrictReasons treats weak reasons as no reason.
	StrictReasons bool `yaml:"strict-reasons"`

	// Messages for the other outcomes; the rule's message is the one for a
	// source with no reason at all. {source} quotes the source.
	MessageKnowledge string `yaml:"message-knowledge"`
	MessageNonReason string `yaml:"message-non-reason"`
	MessageWeak      string `yaml:"message-weak"`
	MessageJustified string `yaml:"message-justified"`
}

// SourcingAnalyzer runs one rule of kind anonymous-source on a document.
var SourcingAnalyzer = &analysis.Analyzer{
	Name:     "anonymous-source",
	Doc:      "flag information credited to an unnamed source with no reason for anonymity",
	Requires: sourcingRequires(),
	Run:      runSourcing,
}

// AnonymousSourceKind is the kind "anonymous-source".
var AnonymousSourceKind = &rules.Kind{
	Name:       "anonymous-source",
	Analyzer:   SourcingAnalyzer,
	NewOptions: func() any { return new(SourcingOptions) },
	Compile:    compileSourcing,
}

// Word classes of the sourcing vocabulary: the ids of the phrase matcher.
const (
	clsNoun = iota
	clsQualNoun
	clsDet
	clsAnaphor
	clsModifier
	clsFunction
	clsPostMod
	clsKnowledge
	clsCueAfter
	clsCueBefore
	clsBridge
	clsNonCue
	clsNaming
	clsNotName
	clsMarker
	clsReasonLink
	clsReason
	clsWeakReason
	clsBreak
	clsNamedSubject
	numClasses
)

// sourcingRule is a compiled rule of kind anonymous-source.
type sourcingRule struct {
	id       string
	messages [numOutcomes]string
	opts     SourcingOptions
	matcher  *phrase.Matcher
	// trigger holds the words every source needs: a noun, or the last word
	// of an anonymity marker ("anonymity", "named"). A paragraph without
	// one is skipped after one cheap pass over its words.
	// A qualified noun ("people") needs a knowledge phrase, whose first
	// word must then be in its sentence too.
	trigger triggerSet
	// bufs pools the memory of a run (*sourcingBufs) across documents.
	bufs sync.Pool
	// extra is what runSourcing reads beyond the above, built on first
	// use (see extra), so that loading the config does not pay for it.
	extraOnce sync.Once
	extraVal  sourcingExtra
}

func compileSourcing(r *rules.Rule, opts any) (any, error) {
	o, ok := opts.(*SourcingOptions)
	if !ok {
		return nil, fmt.Errorf("anonymous-source: options are %T, want *SourcingOptions", opts)
	}
	// In the order of the word classes, whose ids the lists get.
	lists := []struct {
		key      string
		phrases  []string
		required bool
	}{
		{"nouns", o.Nouns, true},
		{"qualified-nouns", o.QualifiedNouns, false},
		{"determiners", o.Determiners, false},
		{"anaphors", o.Anaphors, false},
		{"modifiers", o.Modifiers, false},
		{"function-words", o.FunctionWords, false},
		{"post-modifiers", o.PostModifiers, false},
		{"knowledge", o.Knowledge, false},
		{"cues-after", o.CuesAfter, true},
		{"cues-before", o.CuesBefore, false},
		{"bridges", o.Bridges, false},
		{"non-cues", o.NonCues, false},
		{"naming", o.Naming, false},
		{"not-names", o.NotNames, false},
		{"anonymity-markers", o.AnonymityMarkers, false},
		{"reason-links", o.ReasonLinks, false},
		{"reasons", o.Reasons, false},
		{"weak-reasons", o.WeakReasons, false},
		{"clause-breaks", o.ClauseBreaks, false},
		{"named-subjects", o.NamedSubjects, false},
	}
	var errs []error
	var ls phrase.Lists
	sr := &sourcingRule{id: r.ID, opts: *o}
	sr.trigger.words = make(map[string]uint8, len(o.Nouns)+len(o.AnonymityMarkers)+len(o.QualifiedNouns)+len(o.Knowledge))
	for _, l := range lists {
		if l.required && len(l.phrases) == 0 {
			errs = append(errs, &rules.OptionError{Key: l.key, Index: -1,
				Err: errors.New("an anonymous-source rule needs at least one entry here")})
		}
		cls := ls.Add(phrase.List{Key: l.key, Phrases: l.phrases})
		for _, s := range l.phrases {
			switch cls {
			case clsNoun, clsMarker:
				sr.trigger.add(lastWord(s), trigSource)
			case clsQualNoun:
				sr.trigger.add(lastWord(s), trigQualified)
			case clsKnowledge:
				sr.trigger.add(firstWord(s), trigKnowledge)
			}
		}
	}
	m, lerrs := ls.Compile()
	if errs = appendListErrors(errs, lerrs); errs != nil {
		return nil, errors.Join(errs...)
	}
	sr.matcher = m
	sr.bufs.New = func() any { return new(sourcingBufs) }
	sr.messages = [numOutcomes]string{
		outcomeNoReason:  r.Message,
		outcomeKnowledge: o.MessageKnowledge,
		outcomeNonReason: o.MessageNonReason,
		outcomeWeak:      o.MessageWeak,
		outcomeJustified: o.MessageJustified,
	}
	if sr.messages[outcomeNoReason] == "" {
		sr.messages[outcomeNoReason] = `anonymous source "{source}" gives no reason for anonymity: say why anonymity was granted and how the source knows`
	}
	for i := range sr.messages {
		if sr.messages[i] == "" {
			sr.messages[i] = sr.messages[outcomeNoReason]
		}
	}
	return sr, nil
}

// message returns the message for an outcome, quoting the source.
func (sr *sourcingRule) message(o outcome, source string) string {
	return strings.ReplaceAll(sr.messages[o], "{source}", source)
}

// appendListErrors appends an *rules.OptionError for each error of a
// phrase list.
func appendListErrors(errs []error, lerrs []*phrase.ListError) []error {
	for _, e := range lerrs {
		errs = append(errs, &rules.OptionError{Key: e.Key, Index: e.Index, Err: e.Err})
	}
	return errs
}
