package rules

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// sourcingPack returns the anonymous-source rule of the embedded pack,
// decoded as the config loader decodes it, with edit applied to its options.
func sourcingPack(t testing.TB, edit func(*SourcingOptions)) *sourcingRule {
	t.Helper()
	data, err := packFS.ReadFile("sourcing.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var pack struct {
		Rules map[string]yaml.Node `yaml:"rules"`
	}
	if err := yaml.Unmarshal(data, &pack); err != nil {
		t.Fatal(err)
	}
	node, ok := pack.Rules["anonymous-source"]
	if !ok {
		t.Fatal("rules/sourcing.yaml has no rule anonymous-source")
	}
	var opts SourcingOptions
	var common struct {
		Message string `yaml:"message"`
	}
	if err := node.Decode(&opts); err != nil {
		t.Fatal(err)
	}
	if err := node.Decode(&common); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&opts)
	}
	c, err := compileSourcing(&Rule{ID: "anonymous-source", Message: common.Message}, &opts)
	if err != nil {
		t.Fatal(err)
	}
	return c.(*sourcingRule)
}

// sourcingFinding is one diagnostic, with the words it covers.
type sourcingFinding struct {
	words    string
	severity analysis.Severity
	message  string
}

// runSourcingOn runs the rule over text (plain text) and returns its
// findings in order.
func runSourcingOn(t testing.TB, sr *sourcingRule, text string) []sourcingFinding {
	t.Helper()
	doc := prose.Parse("draft.txt", []byte(text))
	pass := analysis.NewPass(SourcingAnalyzer, doc, nil)
	pass.Rule = sr.id
	pass.Options = sr
	var out []sourcingFinding
	pass.Report = func(d analysis.Diagnostic) {
		out = append(out, sourcingFinding{string(doc.Text[d.Start:d.End]), d.Severity, d.Message})
	}
	if _, err := SourcingAnalyzer.Run(pass); err != nil {
		t.Fatal(err)
	}
	return out
}
