// Package all lists every rule kind, extraction analyzer and embedded pack
// of attrlint, as staticcheck lists its analyzers: the one place a new
// kind is added. The config loader takes the list as an argument
// (config.Load(all.Set, all.Set, path)); nothing registers itself.
package all

import (
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/directive"
	"github.com/attrlint/attrlint/rules/figures"
	"github.com/attrlint/attrlint/rules/pattern"
	"github.com/attrlint/attrlint/rules/quotes"
	"github.com/attrlint/attrlint/rules/sourcing"
	"github.com/attrlint/attrlint/rules/versions"
)

// Set is every kind, extractor and pack. Kinds and extractors are sorted by
// name, packs by name: the order in which the loader reads them. Its
// Defaults are the packs decoded (defaults_gen.go).
//
//go:generate go run -tags attrlint_nocache gen_defaults.go
var Set = &rules.Set{
	Kinds: []*rules.Kind{
		sourcing.AnonymousSourceKind,
		versions.AttributionDroppedKind,
		directive.Kind,
		versions.FigureChangedKind,
		figures.MismatchKind,
		pattern.Kind,
		quotes.Kind,
		versions.QuoteChangedKind,
		versions.SourceChangedKind,
		sourcing.VagueKind,
	},
	Extractors: []*rules.Extractor{
		sourcing.Extractor,
		figures.Extractor,
		quotes.Extractor,
	},
	Packs: []rules.Pack{
		directive.Pack,
		figures.Pack,
		quotes.Pack,
		sourcing.Pack,
		sourcing.VaguePack,
		versions.Pack,
	},
	Defaults: defaults,
}
