package versions

import (
	_ "embed"

	"github.com/attrlint/attrlint/rules"
)

//go:embed versions.yaml
var packText string

// Pack is rules/versions/versions.yaml: figure-changed, quote-changed and speaker-changed.
var Pack = rules.NewPack("rules/versions/versions.yaml", packText)
