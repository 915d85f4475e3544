package sourcing

import (
	"strings"
	"testing"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/rules/internal/rulestest"
	"github.com/attrlint/attrlint/rules/internal/words"
	"github.com/attrlint/attrlint/rules/quotes"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// runVagueOn runs vague-attribution of cfg over text (plain text), through
// the driver, and returns the words of its findings.
func runVagueOn(t testing.TB, cfg *config.Config, text string) []string {
	t.Helper()
	var out []string
	for _, f := range rulestest.Analyze(t, cfg, "vague-attribution", "draft.txt", text) {
		out = append(out, string(f.Doc.Text[f.Start:f.End]))
	}
	return out
}

// TestVagueRestated checks which agentless passives the sentence before
// them, in the same paragraph, already attributes to a name.
func TestVagueRestated(t *testing.T) {
	cfg := testConfig(t, "")
	tests := []struct {
		text string
		want []string
	}{
		// "according to" and a name, then a passive.
		{"According to the Harbor Gazette, the ferry line will cut two routes. The company is said to be short of crews.", nil},
		{"The mill will close in May, according to Nordvik Paper. Its owners are believed to have sold the site.", nil},
		// The passive's verb, active, after a name or a group a name owns.
		{"The Coastal Survey published its maps in June, though its geologists believe the cliff will fall. The road is believed to be at risk.", nil},
		{"Ms. Okafor said the bridge was unsafe. The contractor is said to have skipped inspections.", nil},
		{"The Harbor Gazette reported the sale on Friday. The buyer is reported to be a pension fund.", nil},
		{"Nordvik Paper’s auditors believe the debt is larger. It is believed that the bank knew.", nil},
		{"The curfew ends on Monday, Mayor Lena Park thought. The army is thought to be leaving.", nil},
		// No name before the passive: it stays.
		{"Officials believe the dam will hold. It is believed that the valley is safe.", []string{"It is believed"}},
		{"Some experts believe the dam will hold. The valley is believed to be safe.", []string{"Some experts", "experts believe", "is believed to"}},
		{"Some Democrats believe the bill will pass. The speaker is believed to support it.", []string{"is believed to"}},
		{"Two Western officials believe the talks will fail. The envoy is believed to have left.", []string{"is believed to"}},
		{"According to some, the talks failed. The envoy is believed to have left.", []string{"According to some", "is believed to"}},
		{"According to a Western official, the talks failed. The envoy is believed to have left.", []string{"is believed to"}},
		{"Ms. Okafor inspected the bridge in March. The contractor is said to have skipped inspections.", []string{"is said to have"}},
		{"Ms. Okafor said the bridge was unsafe. The contractor is believed to have skipped inspections.", []string{"is believed to"}},
		{"Its report found the bridge unsafe. The contractor is reported to have skipped inspections.", []string{"is reported to have"}},
		{"The contractor was believed by nobody. The bridge is believed to be unsafe.", []string{"is believed to"}},
		{"She is believed to be the first Briton to win it. Her coach is believed to have quit.", []string{"is believed to"}},
		// The attribution is in another paragraph.
		{"According to the Harbor Gazette, the ferry line will cut two routes.\n\nThe company is said to be short of crews.", []string{"is said to be"}},
		// A crowd after a named attribution is not a passive.
		{"Ms. Okafor said the bridge was unsafe. Critics say the contractor skipped inspections.", []string{"Critics say"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := runVagueOn(t, cfg, tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPassiveParticiple checks which phrases are agentless passives or an
// impersonal "it", and which word is their participle.
func TestPassiveParticiple(t *testing.T) {
	tests := []struct{ phrase, want string }{
		{"is believed to", "believed"},
		{"are said to be", "said"},
		{"it is widely believed", "believed"},
		{"it's understood", "understood"},
		{"it has been reported", "reported"},
		{"is now thought to", "thought"},
		{"critics say", ""},
		{"people are saying", ""},
		{"there are those who say", ""},
		{"according to some", ""},
		{"some have said", ""},
	}
	cfg := testConfig(t, "")
	for _, tt := range tests {
		doc := prose.Parse("phrase.txt", []byte(tt.phrase))
		p := doc.Paragraphs[0]
		lex := rulestest.Extract(t, cfg, quotes.Quotes, doc).(*quotes.QuoteSet).Lexicon()
		got := ""
		if k := passiveParticiple(p, prose.Span{Start: 0, End: len(p.Text)}, lex); k >= 0 {
			got = words.TokText(p, k)
		}
		if got != tt.want {
			t.Errorf("%q: participle %q, want %q", tt.phrase, got, tt.want)
		}
	}
}

// BenchmarkSourcingVague measures the vague-attribution analyzer alone,
// given the quotes analyzer's result as in a check, on the drafts of the
// sourcing benchmarks.
func BenchmarkSourcingVague(b *testing.B) {
	drafts, total := benchDrafts(b)
	cfg := testConfig(b, "")
	vr := cfg.Rule("vague-attribution").Options
	docs := make([]*prose.Document, len(drafts))
	qsets := make([]any, len(drafts))
	for i, d := range drafts {
		docs[i] = prose.Parse("draft.txt", d)
		qsets[i] = rulestest.Extract(b, cfg, quotes.Quotes, docs[i])
	}
	b.SetBytes(total)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i, doc := range docs {
			pass := analysis.NewPass(VagueAnalyzer, doc, nil)
			pass.Options = vr
			pass.ResultOf[quotes.Quotes] = qsets[i]
			pass.Report = func(analysis.Diagnostic) { n++ }
			if _, err := VagueAnalyzer.Run(pass); err != nil {
				b.Fatal(err)
			}
		}
	}
	if n == 0 {
		b.Fatal("no finding at all: the benchmark drafts are not news copy")
	}
}
