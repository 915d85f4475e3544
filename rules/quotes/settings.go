package quotes

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/words"

	"github.com/attrlint/attrlint/internal/phrase"
)

// QuotesSettings are the settings of the quotes analyzer: the YAML keys of
// `analyzers: quotes:` in a pack or a user's config.
type QuotesSettings struct {
	// SpeechVerbs maps a reporting verb's lemma to the forms that
	// attribute a quotation: `say: [says, said, saying]`. A form may be a
	// phrase ("pointed out"). Forms that are also common nouns ("state",
	// "report") are best left out.
	SpeechVerbs map[string][]string `yaml:"speech-verbs"`

	// Constructions are phrases that attribute what follows them to the
	// noun phrase after them: "according to", "in the words of".
	Constructions []string `yaml:"constructions"`

	// Pronouns can be the subject of a speech verb ("he said").
	// Resolvable lists the ones resolved to a person named earlier.
	Pronouns   []string `yaml:"pronouns"`
	Resolvable []string `yaml:"resolvable-pronouns"`

	// Titles are words that mark a capitalized name as a person's:
	// "Mr", "Gen", "Secretary" (without the final period).
	Titles []string `yaml:"titles"`

	// Organizations are words that mark a capitalized name as an
	// institution's, not a person's ("Ministry", "Pentagon"); a pronoun
	// is never resolved to one.
	Organizations []string `yaml:"organizations"`

	// NameParticles may join the capitalized words of a name: "of" in
	// "Secretary of State", "bin", "van", "de".
	NameParticles []string `yaml:"name-particles"`

	// Skip are words that may stand between a subject and its verb
	// ("also", "later", "has"), skipped when looking for the subject.
	Skip []string `yaml:"skip"`

	// Boundaries are words that end a name or a noun phrase when looking
	// for a speaker: conjunctions, prepositions, relative pronouns.
	Boundaries []string `yaml:"boundaries"`

	// Determiners open a common-noun subject ("the spokesman").
	Determiners []string `yaml:"determiners"`

	// PassiveVerbs are participles that credit a quotation to the agent
	// after "by": "deemed “…” by the board", "described as “…” by critics".
	// The participle stands just before the opening mark, "by" just after
	// the closing one.
	PassiveVerbs []string `yaml:"passive-verbs"`

	// SpeechNouns are nouns of something said or written ("statement",
	// "announcement") that credit a quotation in the clause they open to
	// their owner: "the company’s announcement that it would sue “to curb
	// the abuse.”" The noun needs an owner: a possessive before it, or
	// "by" or "from" and a name after it.
	SpeechNouns []string `yaml:"speech-nouns"`

	// Glosses introduce a translation or an explanation in quotation marks
	// ("Televisión para Todos, or “television for all”", "meaning “free
	// zone”"): a quoted term, not a quotation. One that starts with a comma
	// (", or") glosses only a name, a quoted term or a parenthesis before
	// it.
	Glosses []string `yaml:"glosses"`

	// TermMarkers, right before an opening mark, make the quoted stretch
	// a name or a term whatever its length, unless it reads as a
	// sentence: "the so-called “team of digital fixers”", "known as “the
	// big dig”".
	TermMarkers []string `yaml:"term-markers"`

	// Articles, like possessives, make the participle after them an
	// adjective rather than a speech verb ("a reasoned decision").
	Articles []string `yaml:"articles"`

	// Auxiliaries make a speech verb's participle passive ("it was
	// agreed", "residents were told"): without "by" and an agent after it,
	// such a verb names no speaker.
	Auxiliaries []string `yaml:"passive-auxiliaries"`

	// Possessives are the possessive pronouns that may own a speech noun
	// ("its statement", "her letter").
	Possessives []string `yaml:"possessives"`

	// ClauseOpeners open the clause of a speech noun that holds the
	// quotation ("that", "saying").
	ClauseOpeners []string `yaml:"clause-openers"`

	// TitleSmallWords stay lower case in the title of a work ("the",
	// "and", "with"); words of one or two letters always may.
	TitleSmallWords []string `yaml:"title-small-words"`

	// SpeakerNouns are the head nouns of a noun phrase that can speak: a
	// person, a group, an institution, a document that states something
	// ("the senator", "critics", "the ministry", "the memo").
	SpeakerNouns []string `yaml:"speaker-nouns"`

	// ClauseVerbs are verb forms besides the speech verbs and regular
	// pasts (-ed) that end a clause's subject: irregular forms,
	// auxiliaries and modals ("sought", "has", "will").
	ClauseVerbs []string `yaml:"clause-verbs"`

	// Copulas join a subject to a description ("was", "remains"): a
	// quotation after one describes its subject, not its words.
	Copulas []string `yaml:"copulas"`

	// Subordinators open a clause with its own subject ("before",
	// "because") between a verb and a quotation.
	Subordinators []string `yaml:"subordinators"`

	// ViewpointNouns, after "in" and a possessive ("In the mayor’s
	// words,"), make the owner the speaker of the sentence's quotations.
	ViewpointNouns []string `yaml:"viewpoint-nouns"`

	// NonSpeakers are capitalized words that open a sentence but name no
	// one ("Monday", "Today").
	NonSpeakers []string `yaml:"non-speakers"`

	// MinWords is the number of words from which a quoted stretch that
	// does not read as a sentence is a quotation rather than a quoted term.
	MinWords int `yaml:"min-words"`
}

// quoteSettings are QuotesSettings compiled.
type quoteSettings struct {
	matcher       *phrase.Matcher
	cues          []cue // by matcher entry id
	pronouns      words.Set
	resolvable    words.Set
	titles        words.Set
	organizations words.Set
	particles     words.Set
	skip          words.Set
	boundaries    words.Set
	smallTitle    words.Set
	clauseOpeners words.Set
	speakerNouns  words.Set
	clauseVerbs   words.Set
	copulas       words.Set
	subordinators words.Set
	viewpoint     words.Set
	nonSpeakers   words.Set
	verbForms     words.Set // the first word of every speech verb's form
	// Lexicon holds the lists that rules of other families read too.
	Lexicon
	minWords int
}

// A Lexicon is the word lists of the quotes settings that rules of other
// families read a subject with, as the quotes analyzer does: with the
// user's changes, as QuoteSet.Lexicon gives them.
type Lexicon struct {
	determiners words.Set
	possessives words.Set
	auxiliaries words.Set
	articles    words.Set
}

// PassiveAuxiliary reports whether w, in any case, is a form of "be" that
// makes the participle after it passive: one of passive-auxiliaries.
func (l *Lexicon) PassiveAuxiliary(w string) bool {
	return l != nil && l.auxiliaries.HasFolded(w, words.Lower)
}

// Article reports whether w, lower case, is one of articles.
func (l *Lexicon) Article(w string) bool { return l.articles.Has(w) }

// Possessive reports whether w, lower case, is one of possessives.
func (l *Lexicon) Possessive(w string) bool { return l.possessives.Has(w) }

// Determiner reports whether w, lower case, is one of determiners.
func (l *Lexicon) Determiner(w string) bool { return l.determiners.Has(w) }

// cue is one entry of the attribution matcher.
type cue struct {
	lemma        string // "say"; the construction itself for constructions
	construction bool
	// aux is set for the words that attribute nothing by themselves but
	// shape a construction around a quotation.
	aux cueAux
}

// cueAux tells the words of constructions apart.
type cueAux uint8

const (
	auxNone    cueAux = iota
	auxPassive        // "deemed", before a quotation that "by" follows
	auxNoun           // "statement", whose owner is the speaker
	auxGloss          // "meaning", before a quoted term
	auxTerm           // "so-called", before a quoted name of any length
)

// attributes reports whether the cue attributes a quotation by itself.
func (c cue) attributes() bool { return c.aux == auxNone }

func compileQuotesSettings(opts any) (*quoteSettings, error) {
	o, ok := opts.(*QuotesSettings)
	if !ok {
		return nil, fmt.Errorf("quotes: settings are %T, want *QuotesSettings", opts)
	}
	var errs []error
	if len(o.SpeechVerbs) == 0 {
		errs = append(errs, &rules.OptionError{Key: "speech-verbs", Index: -1,
			Err: errors.New("list at least one speech verb: `say: [says, said, saying]`")})
	}
	if o.MinWords < 0 {
		errs = append(errs, &rules.OptionError{Key: "min-words", Index: -1, Err: errors.New("must be 0 or more")})
	}
	qs := &quoteSettings{
		pronouns:      wordSet(o.Pronouns),
		resolvable:    wordSet(o.Resolvable),
		titles:        wordSet(o.Titles),
		organizations: wordSet(o.Organizations),
		particles:     wordSet(o.NameParticles),
		skip:          wordSet(o.Skip),
		boundaries:    wordSet(o.Boundaries),
		smallTitle:    wordSet(o.TitleSmallWords),
		clauseOpeners: wordSet(o.ClauseOpeners),
		speakerNouns:  wordSet(o.SpeakerNouns),
		clauseVerbs:   wordSet(o.ClauseVerbs),
		copulas:       wordSet(o.Copulas),
		subordinators: wordSet(o.Subordinators),
		viewpoint:     wordSet(o.ViewpointNouns),
		nonSpeakers:   wordSet(o.NonSpeakers),
		minWords:      o.MinWords,
		Lexicon: Lexicon{
			determiners: wordSet(o.Determiners),
			possessives: wordSet(o.Possessives),
			auxiliaries: wordSet(o.Auxiliaries),
			articles:    wordSet(o.Articles),
		},
	}
	if qs.minWords == 0 {
		qs.minWords = 4
	}
	qs.verbForms = words.NewSet(4 * len(o.SpeechVerbs))
	for _, forms := range o.SpeechVerbs {
		for _, f := range forms {
			if fs := strings.Fields(f); len(fs) > 0 {
				qs.verbForms.Add(strings.ToLower(fs[0]))
			}
		}
	}
	lemmas := make([]string, 0, len(o.SpeechVerbs))
	for l := range o.SpeechVerbs {
		lemmas = append(lemmas, l)
	}
	sort.Strings(lemmas)
	n := len(o.Constructions) + len(o.PassiveVerbs) + len(o.SpeechNouns) + len(o.Glosses) + len(o.TermMarkers)
	for _, forms := range o.SpeechVerbs {
		n += len(forms)
	}
	// Every phrase has an id of its own, its index in qs.cues.
	var ls phrase.Lists
	qs.cues = make([]cue, 0, n)
	for _, l := range lemmas {
		forms := o.SpeechVerbs[l]
		if len(forms) == 0 {
			errs = append(errs, &rules.OptionError{Key: "speech-verbs." + l, Index: -1,
				Err: errors.New("list the forms that attribute a quotation: `[says, said, saying]`")})
		}
		ls.Add(phrase.List{Key: "speech-verbs." + l, Phrases: forms, Each: true})
		for range forms {
			qs.cues = append(qs.cues, cue{lemma: l})
		}
	}
	ls.Add(phrase.List{Key: "constructions", Phrases: o.Constructions, Each: true})
	for _, c := range o.Constructions {
		qs.cues = append(qs.cues, cue{lemma: lowerWords(c), construction: true})
	}
	for _, aux := range []struct {
		key   string
		words []string
		aux   cueAux
	}{
		{"passive-verbs", o.PassiveVerbs, auxPassive},
		{"speech-nouns", o.SpeechNouns, auxNoun},
		{"glosses", o.Glosses, auxGloss},
		{"term-markers", o.TermMarkers, auxTerm},
	} {
		ls.Add(phrase.List{Key: aux.key, Phrases: aux.words, Each: true})
		for _, w := range aux.words {
			qs.cues = append(qs.cues, cue{lemma: lowerWords(w), aux: aux.aux})
		}
	}
	m, lerrs := ls.Compile()
	for _, e := range lerrs {
		errs = append(errs, &rules.OptionError{Key: e.Key, Index: e.Index, Err: e.Err})
	}
	if errs != nil {
		return nil, errors.Join(errs...)
	}
	qs.matcher = m
	return qs, nil
}

// lowerWords returns s lower-cased, its words joined by single spaces:
// s itself when it is so already, as most phrases are.
func lowerWords(s string) string {
	if words.PlainPhrase(s) && strings.ToLower(s) == s {
		return s
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func wordSet(ws []string) words.Set {
	m := words.NewSet(len(ws))
	for _, w := range ws {
		m.Add(strings.ToLower(strings.TrimSuffix(w, ".")))
	}
	return m
}

// quoteSettingsOf returns the compiled settings the driver passed.
func quoteSettingsOf(opts any) (*quoteSettings, error) {
	if o, ok := opts.(*quoteSettings); ok {
		return o, nil
	}
	return nil, fmt.Errorf("quotes: settings are %T, want compiled quotes settings", opts)
}
