// Package attrlint holds what ships at the root of the repository: the
// commented example configuration that `attrlint init` writes.
package attrlint

import _ "embed"

// ExampleConfig is config.example.yaml: every option of .attrlint.yaml,
// commented, with the defaults.
//
//go:embed config.example.yaml
var ExampleConfig []byte
