package sourcing

import (
	_ "embed"

	"github.com/attrlint/attrlint/rules"
)

var (
	//go:embed sourcing.yaml
	sourcingText string
	//go:embed vague-attribution.yaml
	vagueText string
)

// Pack is rules/sourcing.yaml: anonymous-source.
var Pack = rules.NewPack("rules/sourcing.yaml", sourcingText)

// VaguePack is rules/vague-attribution.yaml: vague-attribution.
var VaguePack = rules.NewPack("rules/vague-attribution.yaml", vagueText)
