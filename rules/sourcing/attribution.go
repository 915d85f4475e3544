package sourcing

import (
	"errors"
	"fmt"
	"sort"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/quotes"
)

// SourceKind classifies the source of one attribution.
type SourceKind uint8

// The kinds of source. Anonymous is exactly what the anonymous-source rule
// reports, Vague and Impersonal exactly what vague-attribution reports.
const (
	// NamedPerson is a person the story names ("Ana Ruiz said", "said Mr.
	// Ames").
	NamedPerson SourceKind = iota
	// NamedInstitution is a named or definite institution speaking as
	// itself ("the Kremlin said", "the ministry said in a statement",
	// "the police said", "analysts at Deutsche Bank said").
	NamedInstitution
	// Reference is a pronoun or a second reference to a source introduced
	// before ("he said", "the official said"); Attribution.Ref is the
	// index of the attribution it refers to when known.
	Reference
	// Anonymous is an unnamed person or group with no reason given for
	// the anonymity ("officials said", "a senior Treasury official
	// replied", "according to two people familiar with the talks").
	Anonymous
	// AnonymousJustified is an unnamed source whose anonymity the story
	// explains ("who spoke on condition of anonymity because the talks
	// are private"); Attribution.Reason is the reason's span.
	AnonymousJustified
	// Vague is a generic crowd ("analysts say", "critics argue", "most
	// observers believe", "aid agencies said").
	Vague
	// Impersonal is attribution with no source at all: an impersonal "it",
	// an agentless passive, a hearsay adverb, a report of nobody in
	// particular ("it is widely believed", "is said to be",
	// "reportedly", "media reports say").
	Impersonal
	numSourceKinds
)

var sourceKindNames = [numSourceKinds]string{
	"named-person", "named-institution", "reference", "anonymous",
	"anonymous-justified", "vague", "impersonal",
}

// String returns the kind's name as the JSON of `attrlint sources` writes
// it ("anonymous-justified").
func (k SourceKind) String() string {
	if k < numSourceKinds {
		return sourceKindNames[k]
	}
	return "unknown"
}

// Reported reports whether a rule reports sources of kind k: Anonymous
// (anonymous-source), Vague and Impersonal (vague-attribution).
func (k SourceKind) Reported() bool { return k == Anonymous || k == Vague || k == Impersonal }

// Quality says what a story gives for an anonymous source (Anonymous or
// AnonymousJustified); it is QualityNone for other kinds.
type Quality uint8

// Qualities of an anonymous source, weakest first.
const (
	QualityNone      Quality = iota // no word about the anonymity
	QualityKnowledge                // how the source knows ("familiar with the talks"), no reason
	QualityNonReason                // a preference ("declined to be named"), no reason
	QualityWeak                     // a boilerplate reason ("not authorized to speak publicly")
	QualityReason                   // a reason
)

// An Attribution is one source joined to its cue. Spans are offsets into
// the document's Text.
type Attribution struct {
	// Para is the index of the paragraph (Document.Paragraphs) and
	// Sentence the index of the sentence in it, as prose gives them.
	Para, Sentence int
	// Source is the source's words ("a senior Treasury official", "two
	// people familiar with the talks"); empty (Start == End) for an
	// Impersonal attribution with no source words ("it is said").
	// SourceText is Source as written, on one line.
	Source     prose.Span
	SourceText string
	// Cue is the words that attribute ("said", "according to", "told",
	// "is said to", "reportedly").
	Cue prose.Span
	// Span covers source and cue, as a rule reports them.
	Span prose.Span
	// Kind classifies the source.
	Kind SourceKind
	// Quality is, for an anonymous source, what the story says about its
	// anonymity: QualityWeak and QualityReason make it
	// AnonymousJustified (QualityWeak only without strict-reasons).
	Quality Quality
	// Reason is where the reason for anonymity is given, when Kind is
	// AnonymousJustified and the reason was located; may lie in another
	// sentence (the next one, or a later mention's).
	Reason prose.Span
	// Ref is, for a Reference, the index in AttributionSet.Items of the
	// attribution it refers to; -1 when unknown or not a Reference.
	Ref int
	// Quote is the index in the quotes analyzer's QuoteSet.Quotes of the
	// direct quotation this attribution credits; -1 for none.
	Quote int

	// quoted is the words a rule's message quotes.
	quoted string
	// grammar marks a vague attribution the grammar found (a crowd and
	// its cue), as opposed to one of the phrase list.
	grammar bool
}

// QuotesQuotation reports whether the attribution credits a direct
// quotation.
func (a *Attribution) QuotesQuotation() bool { return a.Quote >= 0 }

// An AttributionSet is the result of the Attributions analyzer: every
// attribution of a document, sorted by Span.Start.
type AttributionSet struct {
	Items []Attribution
	// settings are those the set was found with, for rules that merge
	// lists of their own over them.
	settings *attributionSettings
	// paraStart[p] is the index in Items of the first attribution of
	// paragraph p; built by index.
	paraStart []int
}

// InSentence returns the attributions of sentence sent of paragraph para,
// in order. The slice aliases Items.
func (s *AttributionSet) InSentence(para, sent int) []Attribution {
	if s == nil {
		return nil
	}
	items := s.InParagraph(para)
	i := sort.Search(len(items), func(i int) bool { return items[i].Sentence >= sent })
	j := i
	for j < len(items) && items[j].Sentence == sent {
		j++
	}
	return items[i:j]
}

// InParagraph returns the attributions of paragraph para, in order. The
// slice aliases Items.
func (s *AttributionSet) InParagraph(para int) []Attribution {
	if s == nil || para < 0 {
		return nil
	}
	if s.paraStart == nil {
		i := sort.Search(len(s.Items), func(i int) bool { return s.Items[i].Para >= para })
		j := i
		for j < len(s.Items) && s.Items[j].Para == para {
			j++
		}
		return s.Items[i:j]
	}
	if para+1 >= len(s.paraStart) {
		return nil
	}
	return s.Items[s.paraStart[para]:s.paraStart[para+1]]
}

// Count returns how many attributions of kind k the set holds.
func (s *AttributionSet) Count(k SourceKind) int {
	n := 0
	if s == nil {
		return 0
	}
	for i := range s.Items {
		if s.Items[i].Kind == k {
			n++
		}
	}
	return n
}

// finish sorts the items by offset and indexes them by paragraph; np is
// the document's number of paragraphs.
func (s *AttributionSet) finish(np int) {
	sort.SliceStable(s.Items, func(i, j int) bool {
		a, b := &s.Items[i], &s.Items[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		return a.Span.End < b.Span.End
	})
	// The grammar and the phrase list may both find "critics say": the
	// phrase list's match stands.
	keep := s.Items[:0]
	for i, a := range s.Items {
		if a.grammar && s.overlapsPhrase(i) {
			continue
		}
		keep = append(keep, a)
	}
	s.Items = keep
	s.paraStart = make([]int, np+1)
	k := 0
	for p := 0; p <= np; p++ {
		for k < len(s.Items) && s.Items[k].Para < p {
			k++
		}
		s.paraStart[p] = k
	}
}

// Attributions is the extraction analyzer of attribution: every source of a
// document joined to its cue, classified (see SourceKind). It reports
// nothing; the anonymous-source and vague-attribution rules are views of
// its result, and other families (versions, the sources audit) read the
// same *AttributionSet from Pass.ResultOf. Its vocabulary is the
// `analyzers: attributions:` section of the packs and of the user's
// config.
var Attributions = &analysis.Analyzer{
	Name:     "attributions",
	Doc:      "find sources joined to attribution cues and classify them",
	Requires: []*analysis.Analyzer{quotes.Quotes},
	Run:      runAttributions,
}

// Extractor is the attributions analyzer with its settings, for the config
// loader.
var Extractor = &rules.Extractor{
	Analyzer:   Attributions,
	NewOptions: func() any { return new(AttributionSettings) },
	Compile:    compileAttributionSettings,
}

// AttributionSettings are the settings of the attributions analyzer: the
// lists of anonymous sources (the keys anonymous-source rules accepted
// before), and those of vague attribution, prefixed with "vague-".
type AttributionSettings struct {
	SourcingLists `yaml:",inline"`

	VaguePhrases       []string `yaml:"vague-phrases"`
	VagueUnless        []string `yaml:"vague-unless"`
	VagueCaseSensitive bool     `yaml:"vague-case-sensitive"`
	VagueCuesAfter     []string `yaml:"vague-cues-after"`
	VagueClauseBreaks  []string `yaml:"vague-clause-breaks"`
}

// attributionSettings are AttributionSettings compiled.
type attributionSettings struct {
	anon      *sourcingRule
	vague     *vagueRule
	vagueOpts *VagueOptions
}

func compileAttributionSettings(opts any) (any, error) {
	o, ok := opts.(*AttributionSettings)
	if !ok {
		return nil, fmt.Errorf("attributions: settings are %T, want *AttributionSettings", opts)
	}
	anon, err := compileLists(&o.SourcingLists, true)
	if err != nil {
		return nil, err
	}
	vo := &VagueOptions{Phrases: o.VaguePhrases, Unless: o.VagueUnless, CaseSensitive: o.VagueCaseSensitive,
		SpeechVerbs: o.VagueCuesAfter, ClauseBreaks: o.VagueClauseBreaks}
	vague, err := compileVagueLists(vo, true)
	if err != nil {
		var oe *rules.OptionError
		if errors.As(err, &oe) {
			return nil, &rules.OptionError{Key: "vague-" + oe.Key, Index: oe.Index, Err: oe.Err}
		}
		return nil, err
	}
	return &attributionSettings{anon: anon, vague: vague, vagueOpts: vo}, nil
}

func runAttributions(pass *analysis.Pass) (any, error) {
	st, ok := pass.Options.(*attributionSettings)
	if !ok {
		return nil, fmt.Errorf("attributions: settings are %T, want compiled attribution settings", pass.Options)
	}
	qs, _ := pass.ResultOf[quotes.Quotes].(*quotes.QuoteSet)
	set := &AttributionSet{settings: st}
	st.anon.extract(pass.Doc, qs, &set.Items)
	st.vague.extract(pass.Doc, qs, &set.Items)
	set.finish(len(pass.Doc.Paragraphs))
	set.addSpeakers(pass.Doc, qs)
	return set, nil
}

// addSpeakers joins the set's attributions to the quotations they credit,
// and adds the named speakers of quotations that no attribution of the set
// covers: named persons, institutions ("the ministry said") and pronouns
// (references, to the speaker's attribution when the quotes analyzer
// resolved it).
func (s *AttributionSet) addSpeakers(doc *prose.Document, qs *quotes.QuoteSet) {
	if qs == nil {
		return
	}
	n := len(s.Items)
	added := false
	for qi := range qs.Quotes {
		q := &qs.Quotes[qi]
		if !q.Attributed() || q.Cue == "continuation" || q.Speaker == "" || q.SpeakerSpan.Len() == 0 {
			continue
		}
		sp := q.SpeakerSpan
		if q.Pronoun && q.PronounSpan.Len() > 0 {
			sp = q.PronounSpan
		}
		// An attribution of the set over the speaker or the cue credits
		// the quotation.
		i := sort.Search(n, func(i int) bool { return s.Items[i].Span.End > min(sp.Start, q.CueSpan.Start) })
		credited := false
		for ; i < n && s.Items[i].Span.Start < max(sp.End, q.CueSpan.End); i++ {
			a := &s.Items[i]
			if overlaps(a.Span, sp) || overlaps(a.Cue, q.CueSpan) {
				if a.Quote < 0 {
					a.Quote = qi
				}
				credited = true
			}
		}
		if credited {
			continue
		}
		pi := q.Para
		if pi < 0 || pi >= len(doc.Paragraphs) {
			continue
		}
		k := NamedPerson
		text := q.Speaker
		switch {
		case q.Pronoun:
			k = Reference
			text = string(doc.Text[sp.Start:sp.End])
		case len(text) > 4 && (text[:4] == "the " || text[:4] == "The "):
			k = NamedInstitution
		}
		s.Items = append(s.Items, Attribution{
			Para:       pi,
			Sentence:   q.Sentence,
			Source:     sp,
			SourceText: text,
			Cue:        q.CueSpan,
			Span:       prose.Span{Start: min(sp.Start, q.CueSpan.Start), End: max(sp.End, q.CueSpan.End)},
			Kind:       k,
			Ref:        -1,
			Quote:      qi,
		})
		added = true
	}
	if !added {
		return
	}
	s.finish(len(doc.Paragraphs))
	// A pronoun refers to the last named attribution of its speaker.
	last := map[string]int{}
	for i := range s.Items {
		a := &s.Items[i]
		switch {
		case a.Kind == NamedPerson:
			last[a.SourceText] = i
		case a.Kind == Reference && a.Quote >= 0:
			if j, ok := last[qs.Quotes[a.Quote].Speaker]; ok {
				a.Ref = j
			}
		}
	}
}

// overlapsPhrase reports whether item i overlaps a vague attribution of
// the phrase list near it.
func (s *AttributionSet) overlapsPhrase(i int) bool {
	a := s.Items[i].Span
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		b := &s.Items[j]
		if (b.Kind == Vague || b.Kind == Impersonal) && !b.grammar && overlaps(a, b.Span) {
			return true
		}
	}
	for j := i + 1; j < len(s.Items) && s.Items[j].Span.Start < a.End; j++ {
		b := &s.Items[j]
		if (b.Kind == Vague || b.Kind == Impersonal) && !b.grammar && overlaps(a, b.Span) {
			return true
		}
	}
	return false
}

// overlaps reports whether two non-empty spans overlap.
func overlaps(a, b prose.Span) bool {
	return a.Len() > 0 && b.Len() > 0 && a.Start < b.End && b.Start < a.End
}
