package sourcing

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/attrlint/attrlint/rules"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/phrase"
)

// SourcingOptions are the options of a rule of kind anonymous-source: the
// messages and what to report. Its lists (SourcingLists) are the
// attributions analyzer's vocabulary, set in the `analyzers: attributions:`
// section; a rule that sets one of them itself replaces that list for its
// own run (configs written when the lists were the rule's stay valid).
type SourcingOptions struct {
	SourcingLists `yaml:",inline"`

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

// SourcingLists are the word lists of anonymous sources. Every list is a
// list of phrases, matched as the pattern kind matches them: whole words,
// case ignored, "*" for any one word. The embedded pack
// rules/sourcing/sourcing.yaml fills them all; see it for what each list
// holds.
type SourcingLists struct {
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
	// CrowdNouns are generic crowds ("analysts", "critics", "aid
	// agencies"): plural and unnamed they are vague attribution, singular
	// with a determiner an anonymous source ("one economist said"), and
	// specified by an affiliation ("analysts at Deutsche Bank") neither.
	CrowdNouns []string `yaml:"crowd-nouns"`
	// StatementFrames after a cue make it an institution's published
	// statement ("officials of the ministry said in a statement").
	StatementFrames []string `yaml:"statement-frames"`
}

// set reports whether any list is set.
func (l *SourcingLists) set() bool {
	v := reflect.ValueOf(l).Elem()
	for i := range v.NumField() {
		if v.Field(i).Len() > 0 {
			return true
		}
	}
	return false
}

// over returns l with every list that o sets replaced by o's.
func (l SourcingLists) over(o *SourcingLists) SourcingLists {
	v, w := reflect.ValueOf(&l).Elem(), reflect.ValueOf(o).Elem()
	for i := range v.NumField() {
		if w.Field(i).Len() > 0 {
			v.Field(i).Set(w.Field(i))
		}
	}
	return l
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
	clsCrowd
	clsStatement
	numClasses
)

// anonRule is a compiled rule of kind anonymous-source.
type anonRule struct {
	messages [numOutcomes]string
	opts     SourcingOptions
	// own is set when the rule sets lists of its own: it then runs the
	// extraction with them over the analyzer's (vocab, built on first
	// use), instead of reading the analyzer's result.
	own       bool
	vocabOnce sync.Once
	vocab     *sourcingRule
	vocabErr  error
}

// sourcingRule is the compiled vocabulary of anonymous sources.
type sourcingRule struct {
	opts    SourcingLists
	matcher *phrase.Matcher
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
	ar := &anonRule{opts: *o, own: o.set()}
	if ar.own {
		// Checked now, so that an error has the rule's position; the
		// lists merged over the analyzer's are compiled on first use.
		if _, err := compileLists(&o.SourcingLists, false); err != nil {
			return nil, err
		}
	}
	ar.messages = [numOutcomes]string{
		outcomeNoReason:  r.Message,
		outcomeKnowledge: o.MessageKnowledge,
		outcomeNonReason: o.MessageNonReason,
		outcomeWeak:      o.MessageWeak,
		outcomeJustified: o.MessageJustified,
	}
	if ar.messages[outcomeNoReason] == "" {
		ar.messages[outcomeNoReason] = `anonymous source "{source}" gives no reason for anonymity: say why anonymity was granted and how the source knows`
	}
	for i := range ar.messages {
		if ar.messages[i] == "" {
			ar.messages[i] = ar.messages[outcomeNoReason]
		}
	}
	return ar, nil
}

// compileLists compiles the lists of anonymous sources with the one
// phrase-list compiler, reporting every bad item; required tells that the
// lists must be complete (nouns and cues set), as the analyzer's must.
func compileLists(o *SourcingLists, required bool) (*sourcingRule, error) {
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
		{"crowd-nouns", o.CrowdNouns, false},
		{"statement-frames", o.StatementFrames, false},
	}
	var errs []error
	var ls phrase.Lists
	sr := &sourcingRule{opts: *o}
	sr.trigger.words = make(map[string]uint8, len(o.Nouns)+len(o.AnonymityMarkers)+len(o.QualifiedNouns)+len(o.Knowledge))
	for _, l := range lists {
		if required && l.required && len(l.phrases) == 0 {
			errs = append(errs, &rules.OptionError{Key: l.key, Index: -1,
				Err: errors.New("an anonymous-source rule needs at least one entry here")})
		}
		cls := ls.Add(phrase.List{Key: l.key, Phrases: l.phrases})
		for _, s := range l.phrases {
			switch cls {
			case clsNoun, clsMarker, clsCrowd:
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
	return sr, nil
}

// message returns the message for an outcome, quoting the source.
func (ar *anonRule) message(o outcome, source string) string {
	return strings.ReplaceAll(ar.messages[o], "{source}", source)
}

// appendListErrors appends an *rules.OptionError for each error of a
// phrase list.
func appendListErrors(errs []error, lerrs []*phrase.ListError) []error {
	for _, e := range lerrs {
		errs = append(errs, &rules.OptionError{Key: e.Key, Index: e.Index, Err: e.Err})
	}
	return errs
}
