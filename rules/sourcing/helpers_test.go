package sourcing

import (
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/rulestest"
	"github.com/attrlint/attrlint/rules/quotes"
)

// testSet is what the tests load: this family's kinds and packs, and the
// quotes analyzer they build on.
var testSet = &rules.Set{
	Kinds:      []*rules.Kind{AnonymousSourceKind, quotes.Kind, VagueKind},
	Extractors: []*rules.Extractor{Extractor, quotes.Extractor},
	Packs:      []rules.Pack{quotes.Pack, Pack, VaguePack},
}

// testConfig loads the packs with the config text yaml over them.
func testConfig(t testing.TB, yaml string) *config.Config {
	t.Helper()
	return rulestest.Config(t, testSet, yaml)
}

// sourcingPack returns the vocabulary of anonymous sources as the config
// loader compiles it from the packs, with the config text yaml over them.
func sourcingPack(t testing.TB, yaml string) *sourcingRule {
	t.Helper()
	return testConfig(t, yaml).Settings[Attributions].(*attributionSettings).anon
}

// sourcingFinding is one diagnostic, with the words it covers.
type sourcingFinding struct {
	words    string
	severity analysis.Severity
	message  string
}

// runSourcingOn runs anonymous-source of cfg over text (plain text) and
// returns its findings in order.
func runSourcingOn(t testing.TB, cfg *config.Config, text string) []sourcingFinding {
	t.Helper()
	var out []sourcingFinding
	for _, f := range rulestest.Analyze(t, cfg, "anonymous-source", "draft.txt", text) {
		out = append(out, sourcingFinding{string(f.Doc.Text[f.Start:f.End]), f.Severity, f.Message})
	}
	return out
}
