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
	return phrase.CheckOnFailure(func(check bool) (any, error) { return compileSourcingChecked(r, opts, check) })
}

func compileSourcingChecked(r *rules.Rule, opts any, check bool) (any, error) {
	o, ok := opts.(*SourcingOptions)
	if !ok {
		return nil, fmt.Errorf("anonymous-source: options are %T, want *SourcingOptions", opts)
	}
	lists := []struct {
		key      string
		cls      int
		phrases  []string
		required bool
	}{
		{"nouns", clsNoun, o.Nouns, true},
		{"qualified-nouns", clsQualNoun, o.QualifiedNouns, false},
		{"determiners", clsDet, o.Determiners, false},
		{"anaphors", clsAnaphor, o.Anaphors, false},
		{"modifiers", clsModifier, o.Modifiers, false},
		{"function-words", clsFunction, o.FunctionWords, false},
		{"post-modifiers", clsPostMod, o.PostModifiers, false},
		{"knowledge", clsKnowledge, o.Knowledge, false},
		{"cues-after", clsCueAfter, o.CuesAfter, true},
		{"cues-before", clsCueBefore, o.CuesBefore, false},
		{"bridges", clsBridge, o.Bridges, false},
		{"non-cues", clsNonCue, o.NonCues, false},
		{"naming", clsNaming, o.Naming, false},
		{"not-names", clsNotName, o.NotNames, false},
		{"anonymity-markers", clsMarker, o.AnonymityMarkers, false},
		{"reason-links", clsReasonLink, o.ReasonLinks, false},
		{"reasons", clsReason, o.Reasons, false},
		{"weak-reasons", clsWeakReason, o.WeakReasons, false},
		{"clause-breaks", clsBreak, o.ClauseBreaks, false},
		{"named-subjects", clsNamedSubject, o.NamedSubjects, false},
	}
	n := 0
	for _, l := range lists {
		n += len(l.phrases)
	}
	buf := phrase.GetEntries(n)
	entries := *buf
	sr := &sourcingRule{id: r.ID, opts: *o}
	sr.trigger.words = make(map[string]uint8, len(o.Nouns)+len(o.AnonymityMarkers)+len(o.QualifiedNouns)+len(o.Knowledge))
	for _, l := range lists {
		if l.required && len(l.phrases) == 0 {
			return nil, &rules.OptionError{Key: l.key, Index: -1,
				Err: errors.New("an anonymous-source rule needs at least one entry here")}
		}
		for i, s := range l.phrases {
			if err := phrase.CheckIf(check, s); err != nil {
				return nil, &rules.OptionError{Key: l.key, Index: i, Err: err}
			}
			entries = append(entries, phrase.Entry{Phrase: s, ID: l.cls})
			switch l.cls {
			case clsNoun, clsMarker:
				sr.trigger.add(lastWord(s), trigSource)
			case clsQualNoun:
				sr.trigger.add(lastWord(s), trigQualified)
			case clsKnowledge:
				sr.trigger.add(firstWord(s), trigKnowledge)
			}
		}
	}
	m, err := phrase.Compile(entries)
	phrase.PutEntries(buf, entries)
	if err != nil {
		return nil, fmt.Errorf("anonymous-source: %w", err)
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
