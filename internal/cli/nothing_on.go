package cli

import (
	"bytes"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/rules/directive"
)

// nothingOn returns an error when the config, its overrides and the flags
// leave every rule off: such a run passes every draft without reading it,
// which in a CI gate looks exactly like clean copy. The error points at the
// config's `rules` key.
func nothingOn(cfg *config.Config) error {
	// unused-directive checks directives, not prose: alone, it checks
	// nothing.
	checksProse := func(id string) bool {
		r := cfg.Rule(id)
		return r != nil && r.Kind != directive.Kind
	}
	for _, r := range cfg.Rules {
		if r.Severity != analysis.SeverityOff && checksProse(r.ID) {
			return nil
		}
	}
	for _, o := range cfg.Overrides {
		for _, r := range o.Rules {
			if r.SetsSeverity && r.Severity != analysis.SeverityOff && checksProse(r.ID) {
				return nil
			}
		}
	}
	file, line, col := cfg.Path, 0, 0
	if file == "" {
		file = "attrlint"
	} else {
		line, col = rulesKey(cfg.Path)
	}
	return &config.Error{File: file, Line: line, Col: col,
		Msg: "every rule is off, so attrlint would pass every draft without checking it; turn a rule on (severity: warning) or run with --enable RULE"}
}

// rulesKey returns the position of the top-level `rules` key of the config
// file at path, or 1:1 when it cannot be found.
func rulesKey(path string) (line, col int) {
	data, err := config.ReadFile(path)
	if err != nil || len(data) > config.MaxFileSize {
		return 1, 1
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil || len(doc.Content) == 0 {
		return 1, 1
	}
	root := doc.Content[0]
	if root.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k := root.Content[i]; k.Value == "rules" {
				return k.Line, k.Column
			}
		}
	}
	return 1, 1
}
