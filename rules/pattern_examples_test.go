package rules

import (
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
	"go.yaml.in/yaml/v3"
)

// packPatternRule is what this test reads of a pattern rule in a pack; the
// config package does the full, validated decoding.
type packPatternRule struct {
	Kind           string    `yaml:"kind"`
	Message        string    `yaml:"message"`
	Examples       []Example `yaml:"examples"`
	PatternOptions `yaml:",inline"`
}

// TestPatternPackExamples checks that the examples every embedded pattern
// rule documents are flagged, or not, as the rule says: `attrlint explain`
// prints them, so they must not drift from what the rule does.
func TestPatternPackExamples(t *testing.T) {
	k := patternKind(t)
	seen := 0
	for _, pack := range Packs() {
		var doc struct {
			Rules map[string]yaml.Node `yaml:"rules"`
		}
		if err := yaml.Unmarshal(pack.Data, &doc); err != nil {
			t.Fatalf("%s: %v", pack.Name, err)
		}
		for id, node := range doc.Rules {
			var r packPatternRule
			if err := node.Decode(&r); err != nil || r.Kind != "pattern" {
				continue
			}
			seen++
			if len(r.Examples) == 0 {
				t.Errorf("%s: rule %s has no examples", pack.Name, id)
			}
			compiled, err := k.Compile(&Rule{ID: id, Message: r.Message}, &r.PatternOptions)
			if err != nil {
				t.Errorf("%s: rule %s: %v", pack.Name, id, err)
				continue
			}
			for _, ex := range r.Examples {
				d := prose.Parse("example.txt", []byte(ex.Text))
				pass := analysis.NewPass(k.Analyzer, d, nil)
				pass.Options = compiled
				var got []string
				pass.Report = func(d analysis.Diagnostic) { got = append(got, d.Message) }
				if _, err := k.Analyzer.Run(pass); err != nil {
					t.Fatal(err)
				}
				if flagged := len(got) > 0; flagged != ex.Flagged {
					t.Errorf("%s: rule %s, example %q: flagged = %v (%q), the example says %v",
						pack.Name, id, ex.Text, flagged, got, ex.Flagged)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no pattern rule in the embedded packs")
	}
}
