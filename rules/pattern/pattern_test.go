package pattern_test

import (
	"testing"

	"github.com/attrlint/attrlint/analysis/analysistest"
)

// TestPatternFixtures lints the drafts in testdata, with the
// embedded rules and the house-style rule of testdata/.attrlint.yaml,
// and fails on every finding the drafts do not expect and every expected
// finding that is missing.
func TestPatternFixtures(t *testing.T) {
	analysistest.Run(t, "testdata")
}
