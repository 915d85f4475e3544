package figures

import (
	_ "embed"

	"github.com/attrlint/attrlint/rules"
)

//go:embed figures.yaml
var packText string

// Pack is rules/figures/figures.yaml: the figures analyzer's settings and figure-mismatch.
var Pack = rules.NewPack("rules/figures/figures.yaml", packText)
