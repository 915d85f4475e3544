package quotes

import (
	_ "embed"

	"github.com/attrlint/attrlint/rules"
)

//go:embed quotes.yaml
var packText string

// Pack is rules/quotes/quotes.yaml: the quotes analyzer's settings, unattributed-quote and unclosed-quote.
var Pack = rules.NewPack("rules/quotes/quotes.yaml", packText)
