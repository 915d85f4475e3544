// Package rules holds attrlint's rule kinds and its embedded rule packs.
//
// A rule kind is a Go analyzer plus the options it accepts: one file per kind
// (pattern.go, ...). A rule is data: a YAML entry in a pack under this
// directory (or in a user's .attrlint.yaml) that names its kind, its default
// severity, its message, its documentation and its options. Adding a phrase
// or a rule of an existing kind never touches Go.
package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"unsafe"

	"github.com/attrlint/attrlint/analysis"
)

// A Kind is a family of rules run by one analyzer. A rule names its kind
// with the YAML key `kind`.
type Kind struct {
	// Name is the value of `kind:` in YAML.
	Name string

	// Analyzer runs one rule of this kind on one document; Pass.Options
	// holds what Compile returned for the rule.
	Analyzer *analysis.Analyzer

	// NewOptions returns a pointer to a zero options struct. Its fields'
	// yaml tags are the option keys a rule of this kind accepts, besides
	// the keys every rule has (see CommonKeys); the config loader rejects
	// any other key with its position.
	NewOptions func() any

	// Compile checks the decoded options of rule r and precompiles them
	// (matchers, regexps). Its result becomes Pass.Options. An error about
	// one option should be an *OptionError so that it is reported at that
	// option's YAML position.
	Compile func(r *Rule, opts any) (any, error)

	// Link, when set, is called once after every rule of this kind has been
	// compiled, with their compiled options in rule order, so that the kind
	// can build state the rules share (one automaton for all phrase lists).
	Link func(compiled []any) error
}

// OptionError is an error in one option of a rule, located by its key and,
// for a list, the index of the offending item (-1 for the whole value).
type OptionError struct {
	Key   string
	Index int
	Err   error
}

func (e *OptionError) Error() string {
	if e.Index >= 0 {
		return fmt.Sprintf("%s[%d]: %v", e.Key, e.Index, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Key, e.Err)
}

func (e *OptionError) Unwrap() error { return e.Err }

// CommonKeys are the keys every rule accepts, whatever its kind.
var CommonKeys = []string{"kind", "severity", "message", "summary", "doc", "examples"}

// A Rule is one configured rule: built-in (from a pack) or the user's own.
type Rule struct {
	ID   string
	Kind *Kind

	// Default is the severity the rule's pack (or its user definition)
	// gives it; Severity is the one in force after the user's config.
	// SeverityOff means the rule does not run.
	Default  analysis.Severity
	Severity analysis.Severity

	// Message is the diagnostic message, for kinds that take one from YAML.
	Message string

	// Summary is the one-line description `attrlint rules` prints; Doc is
	// the long explanation `attrlint explain` prints: what the rule
	// catches and why it matters.
	Summary string
	Doc     string

	// Examples show text the rule flags and text it accepts.
	Examples []Example

	// Options is what the kind's Compile returned.
	Options any

	// Source names where the rule was defined: a pack ("rules/sourcing.yaml")
	// or a config file.
	Source string
}

// Example is a piece of text with what the rule says of it.
type Example struct {
	Text string `yaml:"text"`
	// Flagged tells whether the rule reports the text.
	Flagged bool `yaml:"flagged"`
	// Note explains the example.
	Note string `yaml:"note"`
}

// An Extractor is an extraction analyzer (quotations, figures) whose data
// comes from YAML: the top-level `analyzers:` mapping of a pack or of the
// user's config, keyed by the analyzer's name, holds its settings (speech
// verbs, pronouns, unit synonyms). The driver gives the compiled settings to
// the analyzer as Pass.Options, and computes its result once per document.
type Extractor struct {
	Analyzer *analysis.Analyzer

	// NewOptions returns a pointer to a zero settings struct; its yaml tags
	// are the keys the analyzer's section accepts.
	NewOptions func() any

	// Compile checks and precompiles the decoded settings; the result is
	// Pass.Options for the analyzer. Errors about one key should be
	// *OptionError.
	Compile func(opts any) (any, error)
}

var kinds = map[string]*Kind{}

var extractors = map[string]*Extractor{}

// registerExtractor adds an extractor; its file calls it from init.
func registerExtractor(x *Extractor) {
	if _, dup := extractors[x.Analyzer.Name]; dup {
		panic("rules: extractor registered twice: " + x.Analyzer.Name)
	}
	extractors[x.Analyzer.Name] = x
}

// LookupExtractor returns the extractor whose analyzer is named name.
func LookupExtractor(name string) (*Extractor, bool) {
	x, ok := extractors[name]
	return x, ok
}

// Extractors returns every extractor, sorted by analyzer name.
func Extractors() []*Extractor {
	out := make([]*Extractor, 0, len(extractors))
	for _, x := range extractors {
		out = append(out, x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Analyzer.Name < out[j].Analyzer.Name })
	return out
}

// register adds a kind; each kind's file calls it from an init function.
func register(k *Kind) {
	if _, dup := kinds[k.Name]; dup {
		panic("rules: kind registered twice: " + k.Name)
	}
	kinds[k.Name] = k
}

// LookupKind returns the kind named name.
func LookupKind(name string) (*Kind, bool) {
	k, ok := kinds[name]
	return k, ok
}

// Kinds returns every kind, sorted by name.
func Kinds() []*Kind {
	out := make([]*Kind, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

//go:embed *.yaml
var packFS embed.FS

// The packs as strings too, so that Packs hands out their bytes without
// copying them: every run loads them all, and a copy was a third of the
// memory a load allocated. A pack not listed here is read from packFS
// instead (TestPacksListed asks for it to be listed).
var (
	//go:embed directives.yaml
	directivesYAML string
	//go:embed figures.yaml
	figuresYAML string
	//go:embed quotes.yaml
	quotesYAML string
	//go:embed sourcing.yaml
	sourcingYAML string
	//go:embed vague-attribution.yaml
	vagueAttributionYAML string
	//go:embed versions.yaml
	versionsYAML string
)

// packTexts are the packs embedded as strings, by file name.
var packTexts = []struct {
	name string
	text *string
}{
	{"directives.yaml", &directivesYAML},
	{"figures.yaml", &figuresYAML},
	{"quotes.yaml", &quotesYAML},
	{"sourcing.yaml", &sourcingYAML},
	{"vague-attribution.yaml", &vagueAttributionYAML},
	{"versions.yaml", &versionsYAML},
}

// A Pack is one embedded YAML rule pack.
type Pack struct {
	// Name is the pack's path in the repository ("rules/sourcing.yaml").
	Name string
	// Data is the pack's text. It is shared, and read-only: modify a
	// copy.
	Data []byte
}

// Packs returns the embedded rule packs, sorted by name.
func Packs() []Pack {
	entries, err := fs.Glob(packFS, "*.yaml")
	if err != nil {
		panic(err)
	}
	sort.Strings(entries)
	out := make([]Pack, 0, len(entries))
	for _, e := range entries {
		out = append(out, Pack{Name: "rules/" + e, Data: packData(e)})
	}
	return out
}

// packData returns the bytes of the embedded pack file name: its string's
// when it is listed in packTexts, else a copy read from packFS.
func packData(name string) []byte {
	for _, t := range packTexts {
		if t.name == name && len(*t.text) > 0 {
			return unsafe.Slice(unsafe.StringData(*t.text), len(*t.text))
		}
	}
	data, err := packFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return data
}
