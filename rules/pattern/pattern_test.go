package pattern_test

import (
	"testing"

	"github.com/attrlint/attrlint/analysis/analysistest"
)

// TestPatternFixtures lints the drafts in testdata with the two
// house-style rules of testdata/.attrlint.yaml alone (a regexp rule and a
// phrase rule), and fails on every finding the drafts do not expect and every expected
// finding that is missing.
func TestPatternFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", "loaded-speech-verb", "weasel-phrase")
}
