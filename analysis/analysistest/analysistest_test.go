package analysistest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

type recorder struct{ errs []string }

func (r *recorder) Helper()           {}
func (r *recorder) Error(args ...any) { r.errs = append(r.errs, fmt.Sprint(args...)) }

const fixture = "Critics say it will fail. <!-- want \"vague-attribution\" -->\n" +
	"Officials said so. <!-- want \"anonymous-source: no reason\" \"vague-attribution\" -->\n" +
	"Nothing to see here.\n"

func finding(doc *prose.Document, line int, rule, msg string) analysis.Finding {
	s := doc.LineSpan(line)
	return analysis.Finding{Doc: doc, Diagnostic: analysis.Diagnostic{Start: s.Start, End: s.Start + 3, Rule: rule, Message: msg}}
}

// The harness is a specification: it must fail on every missing and every
// unexpected finding, and pass when they agree.
func TestCompareFailsOnMissingAndUnexpected(t *testing.T) {
	doc := prose.Parse("f.md", []byte(fixture))
	wants := inline(t, "f.md", doc)
	if len(wants) != 3 {
		t.Fatalf("parsed %d expectations, want 3", len(wants))
	}
	all := []analysis.Finding{
		finding(doc, 1, "vague-attribution", "vague"),
		finding(doc, 2, "anonymous-source", "anonymous source gives no reason"),
		finding(doc, 2, "vague-attribution", "vague"),
	}
	for _, tc := range []struct {
		name     string
		findings []analysis.Finding
		want     []string
	}{
		{"all expected", all, nil},
		{"one missing", all[:2], []string{"f.md:2: missing vague-attribution"}},
		{"one unexpected", append(append([]analysis.Finding{}, all...), finding(doc, 3, "vague-attribution", "vague")),
			[]string{"f.md:3:1: unexpected vague-attribution"}},
		{"message does not match", []analysis.Finding{all[0], finding(doc, 2, "anonymous-source", "other text"), all[2]},
			[]string{"f.md:2:1: unexpected anonymous-source", "f.md:2: missing anonymous-source matching no reason"}},
		{"wrong line", []analysis.Finding{finding(doc, 3, "vague-attribution", "v"), all[1], all[2]},
			[]string{"f.md:3:1: unexpected vague-attribution", "f.md:1: missing vague-attribution"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r recorder
			compare(&r, doc, tc.findings, wants)
			if len(r.errs) != len(tc.want) {
				t.Fatalf("reported %q, want %d errors starting %q", r.errs, len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(r.errs[i], w) {
					t.Errorf("error %d = %q, want prefix %q", i, r.errs[i], w)
				}
			}
		})
	}
}
