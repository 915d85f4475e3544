package figures_test

import (
	"testing"

	"github.com/attrlint/attrlint/analysis/analysistest"
)

// TestFigureFixtures lints the drafts in testdata and fails on every
// figure-mismatch finding they do not expect and every expected one that is
// missing.
func TestFigureFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", "figure-mismatch")
}
