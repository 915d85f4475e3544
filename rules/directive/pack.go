package directive

import (
	_ "embed"

	"github.com/attrlint/attrlint/rules"
)

//go:embed directives.yaml
var packText string

// Pack is rules/directive/directives.yaml: unused-directive.
var Pack = rules.NewPack("rules/directive/directives.yaml", packText)
