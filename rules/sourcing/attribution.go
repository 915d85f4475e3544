package sourcing

import (
	"sort"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
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
}

// QuotesQuotation reports whether the attribution credits a direct
// quotation.
func (a *Attribution) QuotesQuotation() bool { return a.Quote >= 0 }

// An AttributionSet is the result of the Attributions analyzer: every
// attribution of a document, sorted by Span.Start.
type AttributionSet struct {
	Items []Attribution
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

func runAttributions(pass *analysis.Pass) (any, error) {
	set := &AttributionSet{}
	set.finish(len(pass.Doc.Paragraphs))
	return set, nil
}
