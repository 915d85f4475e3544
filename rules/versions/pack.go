package versions

import (
	_ "embed"

	"github.com/attrlint/attrlint/rules"
)

//go:embed versions.yaml
var packText string

// Pack is rules/versions/versions.yaml: figure-changed, quote-changed,
// speaker-changed, attribution-dropped and source-changed.
var Pack = rules.NewPack("rules/versions/versions.yaml", packText)
