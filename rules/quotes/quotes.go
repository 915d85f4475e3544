package quotes

import (
	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
)

// A Quotation is one direct quotation of a document, with its attribution.
// Spans are offsets into the document's Text.
type Quotation struct {
	// Span runs from the opening mark to the closing mark, both included;
	// a quotation over several paragraphs or reopened after a sentence end
	// runs from its first opening mark to its last closing mark.
	Span prose.Span
	// Content is the text between the first part's marks; Parts holds the
	// content of every part, in order (one for most quotations).
	Content prose.Span
	Parts   []prose.Span

	// Para is the index of the paragraph (Document.Paragraphs) the
	// quotation starts in; Sentence is the index of its sentence there.
	Para, Sentence int

	// Words counts the words and numbers of the content, all parts.
	Words int
	// Full is set for a quotation, as opposed to a short quoted term
	// (scare quotes, a title, a nickname): the content reads as a
	// sentence, or has at least the quotes analyzer's min-words.
	Full bool
	// Complete is set when the content reads as a sentence: it starts
	// with a capital and ends with a sentence's or a clause's punctuation
	// (“It’s our life.”, “It’s not an ambition,”). A complete quotation is
	// Full whatever its length.
	Complete bool
	// TitleCase is set when every significant word of a short quoted term
	// is capitalized, as in the title of a work.
	TitleCase bool
	// Gloss is set for a quoted stretch introduced as a name or a term
	// ("the so-called “team of digital fixers”", known as “…”), and for a
	// short one that translates or explains the words before it (“Televisión para Todos, or “television for
	// all””, meaning “free zone”): a quoted term, not a quotation.
	Gloss bool
	// Heading is set for a quotation in a heading block.
	Heading bool

	// Cue is what attributes the quotation: the lemma of a speech verb
	// ("say", "tell"), a construction ("according to"), a passive
	// participle whose agent follows the quotation ("deemed “…” by the
	// board"), a speech noun whose owner is the speaker ("the company’s
	// announcement that …"), "colon" for a lead-in ending in a colon,
	// "dash" for an attribution after a dash, "continuation" for a
	// quotation that continues an attributed one, "subject" for a partial
	// quotation credited to the subject of the clause it is embedded in
	// ("The senator vowed to “fight this”") or to the owner of "in X’s
	// words"; for a tag after the quotation whose verb is not a speech
	// verb of the settings (“…,” the memo concludes), the verb as written,
	// lower case; "" when nothing attributes it.
	Cue string
	// CueSpan is the cue's words (the verb, "according to", the colon, the
	// dash); for a continuation, the cue of the quotation it continues.
	CueSpan prose.Span

	// Speaker is the speaker as written ("Secretary of State Antony J.
	// Blinken", "the Pentagon spokesman"), or for a pronoun resolved to a
	// person named before, that person's name; "" when the cue names none.
	Speaker string
	// SpeakerSpan is where Speaker is written: the pronoun's own span when
	// it could not be resolved, else the name's.
	SpeakerSpan prose.Span
	// Pronoun is set when the cue's subject is a pronoun ("he said").
	Pronoun bool
	// PronounSpan is the pronoun's span when Pronoun is set.
	PronounSpan prose.Span

	// Unclosed is set when the quotation's closing mark is missing: its
	// paragraph ends with the quotation open and the next paragraph does
	// not reopen it.
	Unclosed bool
}

// Attributed reports whether something attributes the quotation.
func (q *Quotation) Attributed() bool { return q.Cue != "" }

// A QuoteSet is the result of the quotes analyzer: every quotation of a
// document in document order. Quotations nested inside another (single
// marks inside double ones) are part of their outer quotation's content and
// not listed.
type QuoteSet struct {
	Quotes []Quotation
	// settings are those the quotations were found with: the words of
	// names and noun phrases, for rules that read a subject too.
	settings *quoteSettings
}

// Lexicon returns the word lists of the settings the set was found with;
// nil for a nil set.
func (q *QuoteSet) Lexicon() *Lexicon {
	if q == nil || q.settings == nil {
		return nil
	}
	return &q.settings.Lexicon
}

// Quotes is the extraction analyzer that finds every direct quotation of a
// document, its attribution cue and its speaker. It reports nothing; rules
// that need quotations name it in Requires and read a *QuoteSet from
// Pass.ResultOf. Its settings (speech verbs, attribution constructions,
// pronouns, titles) come from the `analyzers: quotes:` section of the rule
// packs and of the user's config.
var Quotes = &analysis.Analyzer{
	Name: "quotes",
	Doc:  "find direct quotations, their attribution and their speaker",
	Run:  runQuotes,
}

// Extractor is the quotes analyzer with its settings, for the config loader.
var Extractor = &rules.Extractor{
	Analyzer:   Quotes,
	NewOptions: func() any { return new(QuotesSettings) },
	Compile:    func(opts any) (any, error) { return compileQuotesSettings(opts) },
}

func runQuotes(pass *analysis.Pass) (any, error) {
	qs, err := quoteSettingsOf(pass.Options)
	if err != nil {
		return nil, err
	}
	set := extractQuotes(pass.Doc, qs)
	set.settings = qs
	return set, nil
}
