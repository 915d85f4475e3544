package config

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of .attrlint.yaml, the file
// config/attrlint.schema.json that editors point at through the
// `# yaml-language-server: $schema=` line of config.example.yaml.
//
//go:embed attrlint.schema.json
var Schema []byte
