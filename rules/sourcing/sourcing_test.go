package sourcing

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/rulestest"

	"github.com/attrlint/attrlint/analysis"
)

func TestSourcingKindIsValid(t *testing.T) {
	k := AnonymousSourceKind
	if err := analysis.Validate([]*analysis.Analyzer{k.Analyzer}); err != nil {
		t.Fatal(err)
	}
	if _, ok := k.NewOptions().(*SourcingOptions); !ok {
		t.Fatalf("NewOptions returns %T, want *SourcingOptions", k.NewOptions())
	}
}

// TestSourcingFindsSources lists sentences with the words the rule must
// underline: the source description, from its determiner to its noun.
func TestSourcingFindsSources(t *testing.T) {
	cfg := testConfig(t, "")
	tests := []struct {
		text string
		want []string
	}{
		{"Moscow was adding troops, U.S. officials said.", []string{"U.S. officials"}},
		{"Western officials continued to say they had seen no pullback.", []string{"Western officials"}},
		{"On Wednesday, a senior American official, who refused to be quoted by name, told reporters that Moscow was adding troops.", []string{"a senior American official"}},
		{"American officials do not believe the president has decided.", []string{"American officials"}},
		{"The deal is close, according to two people familiar with the talks.", []string{"two people"}},
		{"Sources close to the Kremlin said the summit was off.", []string{"Sources"}},
		{"An aide to the governor said the budget would be late.", []string{"An aide"}},
		{"A Defense Department official who asked not to be named said the drills would go on.", []string{"A Defense Department official"}},
		{"“The plan is dead,” said a senior congressional aide.", []string{"a senior congressional aide"}},
		{"A former official who discussed the plan with Senate aides said it was doomed.", []string{"A former official"}},
		{"The ministry knew, according to four of the paper’s sources.", []string{"four of the paper’s sources"}},
		{"The ministry knew, according to four of Reuters’ sources.", []string{"four of Reuters’ sources"}},
		{"One dealer, who asked not to be named, told reporters sales were weak.", []string{"One dealer"}},
		{"Two people familiar with the plan said it was dead. They asked not to be named.", []string{"Two people"}},
		// Second references, institutions, named sources.
		{"The official said the report was ready.", nil},
		{"The other official predicted a long delay.", nil},
		{"The State Department announced the expulsion.", nil},
		{"A senior official, Jonas Berg, said the plan was approved.", nil},
		{"Officials, including Maria Lindqvist, said the exercise was routine.", nil},
		{"Officials declined to comment.", nil},
		{"People said they were frightened.", nil},
		{"Lawmakers stressed the point by passing the bill.", nil},
		{"Officials are expected to announce the results on Friday.", nil},
		{"The officials’ union called a strike.", nil},
		// A named speaker's reported speech and quotations.
		{"Secretary of State Ana Ruiz said that despite the denials, U.S. officials believed an attack was near.", nil},
		{"Mr. Biden, who spoke at the White House, said officials believed the talks could still succeed.", nil},
		{"American officials do not believe the missile was aimed at the base, Ms. Ruiz said.", nil},
		{"The White House believes there is a chance, said Ms. Horne, although American officials do not believe the president has decided.", []string{"American officials"}},
		{"Ms. Ruiz said the talks had stalled, and diplomats said the sanctions would stay.", []string{"diplomats"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, f := range runSourcingOn(t, cfg, tt.text) {
				got = append(got, f.words)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSourcingReasons checks what justifies a source and what the message
// then says.
func TestSourcingReasons(t *testing.T) {
	const lead = "A senior official"
	tests := []struct {
		name, text string
		strict     bool
		want       string // a part of the message; "" for no finding
	}{
		{"no reason", lead + " said the convoy turned back.", false, "gives no reason for anonymity: say why anonymity was granted and how the source knows"},
		{"declining is no reason", lead + ", who declined to be named, said the convoy turned back.", false, "declines to be named, which is not a reason"},
		{"anonymity alone is no reason", lead + " said on condition of anonymity that the convoy turned back.", false, "not a reason"},
		{"knowledge is not a reason", "Two people briefed on the plan said the convoy turned back.", false, "says how the source knows but not why"},
		{"a reason after the marker", lead + ", who spoke on condition of anonymity because he was not authorized to discuss intelligence, said the convoy turned back.", false, ""},
		{"a purpose after the marker", lead + " said, on condition of anonymity to discuss the plans, that the convoy turned back.", false, ""},
		{"a reason in the next sentence", lead + " said the convoy turned back. He spoke on condition of anonymity because the talks are private.", false, ""},
		{"a reason two sentences later is too far", lead + " said the convoy turned back. It was dark. He spoke on condition of anonymity because the talks are private.", false, "gives no reason"},
		{"a reason in the next paragraph", lead + " said the convoy turned back.\nThe official was not authorized to discuss the operation.", false, ""},
		{"because about the news is not a reason", "The convoy turned back because the bridge was down, " + strings.ToLower(lead) + " said.", false, "gives no reason"},
		{"boilerplate is a reason by default", lead + " who was not authorized to speak publicly said the convoy turned back.", false, ""},
		{"boilerplate is not with strict-reasons", lead + " who was not authorized to speak publicly said the convoy turned back.", true, "only a boilerplate reason"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(t, fmt.Sprintf("rules:\n  anonymous-source:\n    strict-reasons: %v\n", tt.strict))
			got := runSourcingOn(t, cfg, tt.text)
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("reported %q: %s", got[0].words, got[0].message)
			case tt.want != "" && len(got) != 1:
				t.Errorf("%d findings, want one saying %q", len(got), tt.want)
			case tt.want != "" && !strings.Contains(got[0].message, tt.want):
				t.Errorf("message %q, want it to say %q", got[0].message, tt.want)
			}
		})
	}
}

func TestSourcingReportJustified(t *testing.T) {
	cfg := testConfig(t, "rules:\n  anonymous-source:\n    report-justified: true\n")
	got := runSourcingOn(t, cfg, "Two officials, who spoke on condition of anonymity because the talks are private, said a deal was near. Diplomats said it was not.")
	if len(got) != 2 {
		t.Fatalf("%d findings, want 2: %v", len(got), got)
	}
	if got[0].severity != analysis.SeverityInfo || !strings.Contains(got[0].message, `"Two officials … said" gives a reason`) {
		t.Errorf("justified source: %v %q, want info saying it gives a reason", got[0].severity, got[0].message)
	}
	if want := cfg.Rule("anonymous-source").Severity; got[1].severity != want {
		t.Errorf("source without a reason reported at %v, want the rule's severity, %v", got[1].severity, want)
	}
}

func TestSourcingCompileRejects(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*SourcingLists)
		key   string
		index int
	}{
		{"no nouns", func(o *SourcingLists) { o.Nouns = nil }, "nouns", -1},
		{"no cues", func(o *SourcingLists) { o.CuesAfter = nil }, "cues-after", -1},
		{"empty reason", func(o *SourcingLists) { o.Reasons = append(o.Reasons, " ") }, "reasons", -1},
		{"wildcard-only modifier", func(o *SourcingLists) { o.Modifiers = []string{"senior", "*"} }, "modifiers", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := sourcingPack(t, "").opts
			tt.edit(&opts)
			_, err := compileLists(&opts, true)
			var oe *rules.OptionError
			if !errors.As(err, &oe) {
				t.Fatalf("Compile = %v, want an *OptionError", err)
			}
			index := tt.index
			if index == -1 && tt.key == "reasons" {
				index = len(opts.Reasons) - 1
			}
			if oe.Key != tt.key || oe.Index != index {
				t.Errorf("error at %s[%d], want %s[%d]: %v", oe.Key, oe.Index, tt.key, index, oe)
			}
		})
	}
}

// TestSourcingPackExamples runs the examples of every rule of the kinds
// anonymous-source and vague-attribution in the packs through the rule, as
// `attrlint explain` shows them: each must be flagged exactly when it says so.
func TestSourcingPackExamples(t *testing.T) {
	cfg := testConfig(t, "")
	seen := 0
	for _, r := range cfg.Rules {
		if r.Kind != AnonymousSourceKind && r.Kind != VagueKind {
			continue
		}
		seen++
		if len(r.Examples) == 0 {
			t.Errorf("%s: rule %s has no examples", r.Source, r.ID)
		}
		for _, ex := range r.Examples {
			var got []string
			for _, f := range rulestest.Analyze(t, cfg, r.ID, "example.txt", ex.Text) {
				got = append(got, f.Message)
			}
			if flagged := len(got) > 0; flagged != ex.Flagged {
				t.Errorf("%s: rule %s, example %q: flagged = %v %q, the example says %v",
					r.Source, r.ID, ex.Text, flagged, got, ex.Flagged)
			}
		}
	}
	if seen < 2 {
		t.Fatalf("found %d rules of kinds anonymous-source and vague-attribution in the packs, want 2", seen)
	}
}
