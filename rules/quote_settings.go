package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

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

	// MinWords is the number of words from which a quoted stretch that
	// does not read as a sentence is a quotation rather than a quoted term.
	MinWords int `yaml:"min-words"`
}

// quoteSettings are QuotesSettings compiled.
type quoteSettings struct {
	matcher       *phrase.Matcher
	cues          []cue // by matcher entry id
	pronouns      stringSet
	resolvable    stringSet
	titles        stringSet
	organizations stringSet
	particles     stringSet
	skip          stringSet
	determiners   stringSet
	boundaries    stringSet
	smallTitle    stringSet
	possessives   stringSet
	auxiliaries   stringSet
	articles      stringSet
	clauseOpeners stringSet
	minWords      int
}

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
)

// attributes reports whether the cue attributes a quotation by itself.
func (c cue) attributes() bool { return c.aux == auxNone }

func compileQuotesSettings(opts any) (*quoteSettings, error) {
	return checkOnFailure(func(check bool) (*quoteSettings, error) { return compileQuotesSettingsChecked(opts, check) })
}

func compileQuotesSettingsChecked(opts any, check bool) (*quoteSettings, error) {
	o, ok := opts.(*QuotesSettings)
	if !ok {
		return nil, fmt.Errorf("quotes: settings are %T, want *QuotesSettings", opts)
	}
	if len(o.SpeechVerbs) == 0 {
		return nil, &OptionError{Key: "speech-verbs", Index: -1,
			Err: errors.New("list at least one speech verb: `say: [says, said, saying]`")}
	}
	if o.MinWords < 0 {
		return nil, &OptionError{Key: "min-words", Index: -1, Err: errors.New("must be 0 or more")}
	}
	qs := &quoteSettings{
		pronouns:      wordSet(o.Pronouns),
		resolvable:    wordSet(o.Resolvable),
		titles:        wordSet(o.Titles),
		organizations: wordSet(o.Organizations),
		particles:     wordSet(o.NameParticles),
		skip:          wordSet(o.Skip),
		determiners:   wordSet(o.Determiners),
		boundaries:    wordSet(o.Boundaries),
		smallTitle:    wordSet(o.TitleSmallWords),
		possessives:   wordSet(o.Possessives),
		auxiliaries:   wordSet(o.Auxiliaries),
		articles:      wordSet(o.Articles),
		clauseOpeners: wordSet(o.ClauseOpeners),
		minWords:      o.MinWords,
	}
	if qs.minWords == 0 {
		qs.minWords = 4
	}
	lemmas := make([]string, 0, len(o.SpeechVerbs))
	for l := range o.SpeechVerbs {
		lemmas = append(lemmas, l)
	}
	sort.Strings(lemmas)
	n := len(o.Constructions) + len(o.PassiveVerbs) + len(o.SpeechNouns) + len(o.Glosses)
	for _, forms := range o.SpeechVerbs {
		n += len(forms)
	}
	buf := getEntries(n)
	entries := *buf
	qs.cues = make([]cue, 0, n)
	for _, l := range lemmas {
		forms := o.SpeechVerbs[l]
		if len(forms) == 0 {
			return nil, &OptionError{Key: "speech-verbs." + l, Index: -1,
				Err: errors.New("list the forms that attribute a quotation: `[says, said, saying]`")}
		}
		for i, f := range forms {
			if err := checkPhrase(check, f); err != nil {
				return nil, &OptionError{Key: "speech-verbs." + l, Index: i, Err: err}
			}
			entries = append(entries, phrase.Entry{Phrase: f, ID: len(qs.cues)})
			qs.cues = append(qs.cues, cue{lemma: l})
		}
	}
	for i, c := range o.Constructions {
		if err := checkPhrase(check, c); err != nil {
			return nil, &OptionError{Key: "constructions", Index: i, Err: err}
		}
		entries = append(entries, phrase.Entry{Phrase: c, ID: len(qs.cues)})
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
	} {
		for i, w := range aux.words {
			if err := checkPhrase(check, w); err != nil {
				return nil, &OptionError{Key: aux.key, Index: i, Err: err}
			}
			entries = append(entries, phrase.Entry{Phrase: w, ID: len(qs.cues)})
			qs.cues = append(qs.cues, cue{lemma: lowerWords(w), aux: aux.aux})
		}
	}
	m, err := phrase.Compile(entries)
	putEntries(buf, entries)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	qs.matcher = m
	return qs, nil
}

// lowerWords returns s lower-cased, its words joined by single spaces:
// s itself when it is so already, as most phrases are.
func lowerWords(s string) string {
	if plainPhrase(s) && strings.ToLower(s) == s {
		return s
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

func wordSet(ws []string) stringSet {
	m := newStringSet(len(ws))
	for _, w := range ws {
		m.add(strings.ToLower(strings.TrimSuffix(w, ".")))
	}
	return m
}

// stringSet is a set of strings with a filter in front of its map: a
// string whose first byte and length no member has, as most words looked
// up, is told without hashing.
type stringSet struct {
	m map[string]struct{}
	// maybe[c&63] has bit n set when a member of n bytes starts with byte
	// c (lengths of 31 and more share bit 31). Bytes 64 apart share an
	// entry: the letters of one case, the digits and the punctuation
	// have theirs, and a small filter costs every load less memory.
	maybe [64]uint32
	// last is maybe for the last byte of the members: most words that
	// pass maybe are still ruled out by their ending, without hashing.
	last  [64]uint32
	empty bool // "" is a member
}

// newStringSet returns a set with room for n members.
func newStringSet(n int) stringSet {
	if n == 0 {
		return stringSet{}
	}
	return stringSet{m: make(map[string]struct{}, n)}
}

// filterBit is the bit of maybe for a string of n bytes.
func filterBit(n int) uint32 { return 1 << min(n, 31) }

func (s *stringSet) add(w string) {
	if w == "" {
		s.empty = true
		return
	}
	if s.m == nil {
		s.m = map[string]struct{}{}
	}
	s.m[w] = struct{}{}
	s.maybe[w[0]&63] |= filterBit(len(w))
	s.last[w[len(w)-1]&63] |= filterBit(len(w))
}

// has reports whether w is a member.
func (s *stringSet) has(w string) bool {
	if w == "" {
		return s.empty
	}
	if b := filterBit(len(w)); s.maybe[w[0]&63]&b == 0 || s.last[w[len(w)-1]&63]&b == 0 {
		return false
	}
	_, ok := s.m[w]
	return ok
}

// foldASCII writes w folded to lower case into buf and returns it, without
// allocating; ok is false when w is not ASCII or is longer than buf. For
// ASCII, phrase.Fold, phraseFold and strings.ToLower agree with it.
func foldASCII(buf *[32]byte, w string) (b []byte, ok bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

// hasBytes reports whether string(b) is a member, without allocating.
func (s *stringSet) hasBytes(b []byte) bool {
	if len(b) == 0 {
		return s.empty
	}
	if bit := filterBit(len(b)); s.maybe[b[0]&63]&bit == 0 || s.last[b[len(b)-1]&63]&bit == 0 {
		return false
	}
	_, ok := s.m[string(b)]
	return ok
}

// hasFolded reports whether fold(w) is a member, where fold is phrase.Fold,
// phraseFold or strings.ToLower: they agree on ASCII, which is folded
// without allocating.
func (s *stringSet) hasFolded(w string, fold func(string) string) bool {
	var buf [32]byte
	if b, ok := foldASCII(&buf, w); ok {
		return s.hasBytes(b)
	}
	return s.has(fold(w))
}

// quoteSettingsOf returns the compiled settings the driver passed, or the
// embedded pack's when it passed none (a pass built by hand in a test or a
// benchmark).
func quoteSettingsOf(opts any) (*quoteSettings, error) {
	switch o := opts.(type) {
	case *quoteSettings:
		return o, nil
	case *QuotesSettings:
		return compileQuotesSettings(o)
	case nil:
		return defaultQuoteSettings()
	}
	return nil, fmt.Errorf("quotes: settings are %T, want compiled quotes settings", opts)
}

// defaultQuoteSettings compiles the `analyzers: quotes:` section of the embedded pack
// rules/quotes.yaml.
var defaultQuoteSettings = packSettings[QuotesSettings]("quotes.yaml", "quotes", compileQuotesSettings)
