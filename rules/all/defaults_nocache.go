//go:build attrlint_nocache

package all

import "github.com/attrlint/attrlint/rules"

// defaults are none: the set is loaded from the packs' YAML. gen_defaults.go
// is built so, and a build may be, to measure what defaults_gen.go saves.
var defaults *rules.Defaults
