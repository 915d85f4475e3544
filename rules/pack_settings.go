package rules

import (
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"
)

// packSettings returns a function that compiles, once, the settings of the
// extraction analyzer name from the `analyzers:` section of the embedded
// pack file, decoded as S: what an analyzer uses when the driver passed it none (a pass
// built by hand in a test or a benchmark).
func packSettings[S, C any](file, name string, compile func(opts any) (C, error)) func() (C, error) {
	return sync.OnceValues(func() (C, error) {
		var zero C
		data, err := packFS.ReadFile(file)
		if err != nil {
			return zero, fmt.Errorf("%s: the embedded pack is missing: %w", name, err)
		}
		var pack struct {
			Analyzers map[string]yaml.Node `yaml:"analyzers"`
		}
		if err := yaml.Unmarshal(data, &pack); err != nil {
			return zero, fmt.Errorf("%s: rules/%s: %w", name, file, err)
		}
		node, ok := pack.Analyzers[name]
		if !ok {
			return zero, fmt.Errorf("%s: rules/%s has no analyzers.%s section", name, file, name)
		}
		var s S
		if err := node.Decode(&s); err != nil {
			return zero, fmt.Errorf("%s: rules/%s: %w", name, file, err)
		}
		return compile(&s)
	})
}
