package lsp

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
)

// applyOneByOne is the plain reading of didChange: rebuild the index and
// apply each change in turn.
func applyOneByOne(text string, changes []contentChange, enc Encoding) string {
	for _, c := range changes {
		if c.Range == nil {
			text = c.Text
			continue
		}
		x := newLineIndex(text)
		start, end := x.offset(c.Range.Start, enc), x.offset(c.Range.End, enc)
		if end < start {
			start, end = end, start
		}
		text = text[:start] + c.Text + text[end:]
	}
	return text
}

// TestApplyChangesAgreesWithOneByOne: whatever the order of the edits,
// the line endings (LF, CRLF, lone CR) and the characters (UTF-16
// surrogate pairs), applying a didChange in one pass gives the text that
// applying its edits one by one gives.
func TestApplyChangesAgreesWithOneByOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "bc", " ", "\n", "\r\n", "\r", "é", "🙂", "東京", "\n\n", "Officials said "}
	randText := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for i := range 20000 {
		text := randText(rng.IntN(12))
		var changes []contentChange
		ascending := rng.IntN(2) == 0
		line, char := 0, 0
		for range 1 + rng.IntN(6) {
			var r Range
			if ascending {
				line += rng.IntN(2)
				char += rng.IntN(3)
				r.Start = Position{line, char}
				r.End = Position{line + rng.IntN(2), char + rng.IntN(3)}
			} else {
				r.Start = Position{rng.IntN(5) - 1, rng.IntN(6) - 1}
				r.End = Position{rng.IntN(5) - 1, rng.IntN(6) - 1}
			}
			c := contentChange{Range: &r, Text: randText(rng.IntN(3))}
			if rng.IntN(40) == 0 {
				c.Range = nil
			}
			changes = append(changes, c)
		}
		for _, enc := range []Encoding{UTF8, UTF16, UTF32} {
			want := applyOneByOne(text, changes, enc)
			if got := applyChanges(text, changes, enc); got != want {
				var b strings.Builder
				for _, c := range changes {
					if c.Range == nil {
						fmt.Fprintf(&b, "  all -> %q\n", c.Text)
					} else {
						fmt.Fprintf(&b, "  %v -> %q\n", *c.Range, c.Text)
					}
				}
				t.Fatalf("case %d, %s: text %q with\n%sgives %q, want %q", i, enc, text, b.String(), got, want)
			}
		}
	}
}

// TestManyEditsInOneChangeAreLinear: a didChange of N ranged edits on a
// 1 MB draft (a replace-all, say) does not cost N times the draft.
func TestManyEditsInOneChangeAreLinear(t *testing.T) {
	if os.Getenv("ATTRLINT_TIMING") == "" {
		t.Skip("a timing test: bash bench/linear.sh runs it (ATTRLINT_TIMING=1)")
	}
	text := strings.Repeat("Officials said the bridge would reopen.\n", 25000)
	edits := func(n int) []contentChange {
		cs := make([]contentChange, n)
		for i := range cs {
			cs[i] = contentChange{Range: &Range{Start: Position{i, 0}, End: Position{i, 1}}, Text: "o"}
		}
		return cs
	}
	measure := func(n int) time.Duration {
		cs := edits(n)
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			applyChanges(text, cs, UTF16)
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := measure(2000), measure(20000)
	t.Logf("2000 edits: %v, 20000 edits: %v", small, large)
	// One rebuild per edit takes about a millisecond each on a 1 MB
	// text: 20000 edits would take 20 s. One pass takes a few ms.
	if large > 500*time.Millisecond {
		t.Errorf("20000 edits on a 1 MB text took %v", large)
	}
	if got, want := applyChanges(text, edits(3), UTF16), "off"+text[3:]; !strings.HasPrefix(got, "officials said the bridge would reopen.\nofficials") || len(got) != len(want) {
		t.Errorf("edits applied wrongly: %q", got[:100])
	}
}
