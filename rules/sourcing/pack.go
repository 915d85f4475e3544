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

// Pack is rules/sourcing/sourcing.yaml: anonymous-source.
var Pack = rules.NewPack("rules/sourcing/sourcing.yaml", sourcingText)

// VaguePack is rules/sourcing/vague-attribution.yaml: vague-attribution.
var VaguePack = rules.NewPack("rules/sourcing/vague-attribution.yaml", vagueText)
