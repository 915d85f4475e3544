// Package rules says what a rule kind and a rule are.
//
// A rule kind is a Go analyzer plus the options it accepts. The kinds live
// in one package per family under this directory (quotes, sourcing,
// figures, versions, pattern, directive), each with its YAML pack(s) and
// its fixtures; rules/all lists every kind, extractor and pack, and the
// config loader takes that list as an argument. A rule is data: a YAML
// entry in a pack (or in a user's .attrlint.yaml) that names its kind, its
// default severity, its message, its documentation and its options.
// Adding a phrase or a rule of an existing kind never touches Go.
package rules

import (
	"fmt"
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

	// Source names where the rule was defined: a pack ("rules/sourcing/sourcing.yaml")
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

// A Pack is one embedded YAML rule pack.
type Pack struct {
	// Name is the pack's path in the repository, as users see it: in
	// `attrlint explain`, as a rule's Source, and in the help links of the
	// reports ("rules/sourcing/sourcing.yaml"), which must resolve.
	Name string
	// Data is the pack's text. It is shared, and read-only: modify a
	// copy.
	Data []byte
}

// NewPack returns the pack name whose text, embedded as a string, is
// text. Data shares text's bytes rather than copying them: every run loads
// every pack, and a copy was a third of the memory a load allocated.
func NewPack(name, text string) Pack {
	return Pack{Name: name, Data: unsafe.Slice(unsafe.StringData(text), len(text))}
}

// A Set is what the config loader knows of rules: every kind, every
// extraction analyzer that takes settings, and every embedded pack.
// attrlint's own is rules/all.Set; tests build their own.
type Set struct {
	Kinds      []*Kind
	Extractors []*Extractor
	Packs      []Pack
	// Defaults, when set, are the packs decoded ahead of time; the loader
	// uses them instead of parsing the packs while their hash matches.
	Defaults *Defaults
}

// Kind returns the kind named name.
func (s *Set) Kind(name string) (*Kind, bool) {
	for _, k := range s.Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return nil, false
}

// Extractor returns the extractor whose analyzer is named name.
func (s *Set) Extractor(name string) (*Extractor, bool) {
	for _, x := range s.Extractors {
		if x.Analyzer.Name == name {
			return x, true
		}
	}
	return nil, false
}

// KindNames returns the names of the kinds, sorted.
func (s *Set) KindNames() []string {
	out := make([]string, 0, len(s.Kinds))
	for _, k := range s.Kinds {
		out = append(out, k.Name)
	}
	sort.Strings(out)
	return out
}

// Analyzers returns the analyzers of the kinds and the extractors, in
// list order, for analysis.Validate.
func (s *Set) Analyzers() []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, x := range s.Extractors {
		out = append(out, x.Analyzer)
	}
	for _, k := range s.Kinds {
		out = append(out, k.Analyzer)
	}
	return out
}
