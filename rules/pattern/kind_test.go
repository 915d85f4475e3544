package pattern

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/rules"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

func patternKind(t *testing.T) *rules.Kind {
	t.Helper()
	return Kind
}

func TestPatternKindIsValid(t *testing.T) {
	k := patternKind(t)
	if err := analysis.Validate([]*analysis.Analyzer{k.Analyzer}); err != nil {
		t.Fatal(err)
	}
	if _, ok := k.NewOptions().(*PatternOptions); !ok {
		t.Fatalf("NewOptions returns %T, want *PatternOptions", k.NewOptions())
	}
}

func TestPatternCompileRejects(t *testing.T) {
	tests := []struct {
		name  string
		opts  PatternOptions
		key   string
		index int
		msg   string
	}{
		{"no phrase and no pattern", PatternOptions{Unless: []string{"he said"}}, "phrases", -1, "at least one"},
		{"empty phrase", PatternOptions{Phrases: []string{"critics say", " "}}, "phrases", 1, "empty"},
		{"wildcard-only phrase", PatternOptions{Phrases: []string{"*"}}, "phrases", 0, "only wildcards"},
		{"empty unless phrase", PatternOptions{Phrases: []string{"critics say"}, Unless: []string{""}}, "unless", 0, "empty"},
		{"bad regexp", PatternOptions{Patterns: []string{`\bsources said`, `sources (said`}}, "patterns", 1, "invalid regexp \"sources (said\": error parsing regexp: missing closing ): `sources (said`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := patternKind(t).Compile(&rules.Rule{ID: "house-style"}, &tt.opts)
			var oe *rules.OptionError
			if !errors.As(err, &oe) {
				t.Fatalf("Compile = %v, want an *OptionError", err)
			}
			if oe.Key != tt.key || oe.Index != tt.index || !strings.Contains(oe.Error(), tt.msg) {
				t.Errorf("Compile = %s (key %q, index %d), want key %q, index %d, saying %q",
					oe, oe.Key, oe.Index, tt.key, tt.index, tt.msg)
			}
		})
	}
}

// testRule is a rule to compile for a run.
type testRule struct {
	id, message string
	opts        PatternOptions
}

// runRules compiles the rules, links them when link is set, runs each on a
// plain-text draft and returns "rule: matched text: message" per finding.
func runRules(t *testing.T, link bool, draft string, rs ...testRule) []string {
	t.Helper()
	k := patternKind(t)
	var compiled []any
	for _, r := range rs {
		c, err := k.Compile(&rules.Rule{ID: r.id, Message: r.message}, &r.opts)
		if err != nil {
			t.Fatalf("rule %s: %v", r.id, err)
		}
		compiled = append(compiled, c)
	}
	if link {
		if err := k.Link(compiled); err != nil {
			t.Fatal(err)
		}
	}
	doc := prose.Parse("draft.txt", []byte(draft))
	memo := map[any]any{}
	var out []string
	for i, r := range rs {
		pass := analysis.NewPass(k.Analyzer, doc, memo)
		pass.Rule = r.id
		pass.Options = compiled[i]
		pass.Report = func(d analysis.Diagnostic) {
			out = append(out, fmt.Sprintf("%s: %s: %s", r.id, doc.Text[d.Start:d.End], d.Message))
		}
		if _, err := k.Analyzer.Run(pass); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func TestPatternRun(t *testing.T) {
	vague := testRule{id: "vague", message: `vague attribution "{match}": say who`,
		opts: PatternOptions{Phrases: []string{"critics say", "it is widely believed", "widely believed"}}}
	sources := testRule{id: "no-sources-said",
		opts: PatternOptions{
			Patterns: []string{`sources? (said|say|told)`},
			Unless:   []string{"on condition of anonymity"},
		}}
	tests := []struct {
		name  string
		draft string
		rules []testRule
		want  []string
	}{
		{
			name:  "a phrase is reported with the rule's message",
			draft: "The levy will pass, critics say, though not this year.",
			rules: []testRule{vague},
			want:  []string{`vague: critics say: vague attribution "critics say": say who`},
		},
		{
			name:  "a phrase inside a longer phrase of the same rule is reported once",
			draft: "It is widely believed that the harbor will close.",
			rules: []testRule{vague},
			want:  []string{`vague: It is widely believed: vague attribution "It is widely believed": say who`},
		},
		{
			name: "a wrapped phrase is quoted on one line, its span covers the break",
			draft: "Along the eastern shore, where the ferries stop running in October, it is\n" +
				"widely believed that the new terminal will never open.",
			rules: []testRule{vague},
			want:  []string{"vague: it is\nwidely believed: vague attribution \"it is widely believed\": say who"},
		},
		{
			name:  "a regexp match gets the default message",
			draft: "Sources said the minister would resign.",
			rules: []testRule{sources},
			want:  []string{`no-sources-said: Sources said: "Sources said" is flagged by rule no-sources-said`},
		},
		{
			name:  "a regexp match inside a word is discarded",
			draft: "The resources said to be missing were found. Outsources told nothing.",
			rules: []testRule{sources},
			want:  nil,
		},
		{
			name:  "unless cancels a match in the same sentence only",
			draft: "Sources said, on condition of anonymity, that the deal was off. Sources said it again.",
			rules: []testRule{sources},
			want:  []string{`no-sources-said: Sources said: "Sources said" is flagged by rule no-sources-said`},
		},
		{
			name:  "an unless phrase inside the match does not cancel it",
			draft: "The vaccine is unsafe, according to some. Cases rose, according to some, and according to the ministry.",
			rules: []testRule{{id: "vague", message: "{match}", opts: PatternOptions{
				Phrases: []string{"according to some"}, Unless: []string{"according to"}}}},
			want: []string{"vague: according to some: according to some"},
		},
		{
			name:  "rules sharing one matcher keep their own matches",
			draft: "Critics say the sources told the mayor nothing.",
			rules: []testRule{vague, sources},
			want: []string{
				`vague: Critics say: vague attribution "Critics say": say who`,
				`no-sources-said: sources told: "sources told" is flagged by rule no-sources-said`,
			},
		},
		{
			name:  "case-sensitive rules match only as written",
			draft: "The AP reported it first. An ap was not involved.",
			rules: []testRule{{id: "wire", opts: PatternOptions{Phrases: []string{"AP"}, Patterns: []string{`An ap\b`}, CaseSensitive: true}}},
			want: []string{
				`wire: AP: "AP" is flagged by rule wire`,
				`wire: An ap: "An ap" is flagged by rule wire`,
			},
		},
	}
	for _, tt := range tests {
		for _, link := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/link=%v", tt.name, link), func(t *testing.T) {
				got := runRules(t, link, tt.draft, tt.rules...)
				if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
					t.Errorf("in %q\n got %q\nwant %q", tt.draft, got, tt.want)
				}
			})
		}
	}
}

// TestPatternOffsetsAreDocumentOffsets checks that findings point into the
// document, not into a paragraph's text.
func TestPatternOffsetsAreDocumentOffsets(t *testing.T) {
	draft := "\ufeffThe council met on Monday.\n\nThe vote was close, critics say.\n"
	got := runRules(t, true, draft, testRule{id: "vague", message: "{match}",
		opts: PatternOptions{Phrases: []string{"critics say"}}})
	if want := []string{"vague: critics say: critics say"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
