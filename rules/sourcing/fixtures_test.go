package sourcing_test

import (
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"

	"github.com/attrlint/attrlint/analysis/analysistest"
)

// TestSourcingFixtures lints the drafts in testdata with the
// embedded rules and fails on every anonymous-source or vague-attribution
// finding the drafts do not expect and every expected one that is missing.
func TestSourcingFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", "anonymous-source", "vague-attribution")
}

// TestSourcingJustifiedFixtures runs testdata/justified, whose
// config sets report-justified: a source with a reason, or a boilerplate one,
// is reported at info; one without stays at the rule's severity.
func TestSourcingJustifiedFixtures(t *testing.T) {
	for _, f := range analysistest.Run(t, "testdata/justified", "anonymous-source") {
		if f.Rule != "anonymous-source" {
			continue
		}
		want := analysis.SeverityWarning
		if strings.Contains(f.Message, "gives a reason") || strings.Contains(f.Message, "boilerplate") {
			want = analysis.SeverityInfo
		}
		if f.Severity != want {
			line, _ := f.Doc.Position(f.Start)
			t.Errorf("line %d: %s at %v, want %v", line, f.Message, f.Severity, want)
		}
	}
}
