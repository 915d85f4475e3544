package rules

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// packRule decodes rule id of the embedded pack file into opts, as the
// config loader decodes it, and returns the rule's message.
func packRule(t testing.TB, file, id string, opts any) string {
	t.Helper()
	data, err := packFS.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var pack struct {
		Rules map[string]yaml.Node `yaml:"rules"`
	}
	if err := yaml.Unmarshal(data, &pack); err != nil {
		t.Fatal(err)
	}
	node, ok := pack.Rules[id]
	if !ok {
		t.Fatalf("rules/%s has no rule %s", file, id)
	}
	var common struct {
		Message string `yaml:"message"`
	}
	if err := node.Decode(opts); err != nil {
		t.Fatal(err)
	}
	if err := node.Decode(&common); err != nil {
		t.Fatal(err)
	}
	return common.Message
}

// sourcingPack returns the anonymous-source rule of the embedded pack,
// decoded as the config loader decodes it, with edit applied to its options.
func sourcingPack(t testing.TB, edit func(*SourcingOptions)) *sourcingRule {
	t.Helper()
	var opts SourcingOptions
	message := packRule(t, "sourcing.yaml", "anonymous-source", &opts)
	if edit != nil {
		edit(&opts)
	}
	c, err := compileSourcing(&Rule{ID: "anonymous-source", Message: message}, &opts)
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
