package config

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/rules"
)

// wordsOptions are the options of the test kind "words": enough shapes
// (a list, an integer, a boolean) to exercise strict decoding.
type wordsOptions struct {
	Words    []string `yaml:"words"`
	MinWords int      `yaml:"min-words"`
	Strict   bool     `yaml:"strict"`
}

// compiledWords is what the words kind's Compile returns.
type compiledWords struct {
	id   string
	opts wordsOptions
}

// wordsKind returns a fresh test kind named "words" whose Link records the
// ids it was given, call by call.
func wordsKind(linked *[][]string) *rules.Kind {
	return &rules.Kind{
		Name:       "words",
		Analyzer:   &analysis.Analyzer{Name: "words", Doc: "test kind", Run: func(*analysis.Pass) (any, error) { return nil, nil }},
		NewOptions: func() any { return new(wordsOptions) },
		Compile: func(r *rules.Rule, opts any) (any, error) {
			o := opts.(*wordsOptions)
			if len(o.Words) == 0 {
				return nil, &rules.OptionError{Key: "words", Index: -1, Err: errors.New("a words rule needs at least one word")}
			}
			for i, w := range o.Words {
				if strings.TrimSpace(w) == "" {
					return nil, &rules.OptionError{Key: "words", Index: i, Err: errors.New("empty word")}
				}
			}
			if o.MinWords < 0 {
				return nil, &rules.OptionError{Key: "min-words", Index: -1, Err: fmt.Errorf("must be 0 or more, not %d", o.MinWords)}
			}
			return &compiledWords{id: r.ID, opts: *o}, nil
		},
		Link: func(compiled []any) error {
			var ids []string
			for _, c := range compiled {
				cw := c.(*compiledWords)
				ids = append(ids, fmt.Sprintf("%s/%d", cw.id, cw.opts.MinWords))
			}
			if linked != nil {
				*linked = append(*linked, ids)
			}
			return nil
		},
	}
}

// settingsOptions are the settings of the test extractor "speech".
type settingsOptions struct {
	Verbs []string `yaml:"verbs"`
}

func speechExtractor() *rules.Extractor {
	return &rules.Extractor{
		Analyzer:   &analysis.Analyzer{Name: "speech", Doc: "test extractor", Run: func(*analysis.Pass) (any, error) { return nil, nil }},
		NewOptions: func() any { return new(settingsOptions) },
		Compile: func(opts any) (any, error) {
			o := opts.(*settingsOptions)
			for i, v := range o.Verbs {
				if v == "" {
					return nil, &rules.OptionError{Key: "verbs", Index: i, Err: errors.New("empty verb")}
				}
			}
			return o, nil
		},
	}
}

// testPack is the pack the tests load instead of the embedded ones.
const testPack = `rules:
  quote-words:
    kind: words
    severity: warning
    summary: quotations must carry a speech verb
    message: quotation without a speech verb
    words: [said, told, wrote]
    min-words: 4
  hedge-words:
    kind: words
    severity: info
    summary: hedges
    words: [reportedly, allegedly]
  quiet-words:
    kind: words
    severity: off
    summary: a rule shipped turned off
    words: [sources]
analyzers:
  speech:
    verbs: [said, told]
`

// testKinds returns a set of only the words kind, the given packs
// (testPack when none) and the speech extractor, and the record of the
// words kind's Link calls.
func testKinds(t *testing.T, packData ...string) (*rules.Set, *[][]string) {
	t.Helper()
	linked := &[][]string{}
	if len(packData) == 0 {
		packData = []string{testPack}
	}
	set := &rules.Set{
		Kinds:      []*rules.Kind{wordsKind(linked)},
		Extractors: []*rules.Extractor{speechExtractor()},
	}
	for i, d := range packData {
		set.Packs = append(set.Packs, rules.Pack{Name: fmt.Sprintf("rules/test%d.yaml", i), Data: []byte(d)})
	}
	return set, linked
}

// errLines returns the lines of a config error, or fails the test when err
// is not an ErrorList.
func errLines(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error is %T, want ErrorList: %v", err, err)
	}
	return strings.Split(list.Error(), "\n")
}

// ids lists the ids and severities of rs as "id:severity".
func ids(rs []*rules.Rule) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID+":"+r.Severity.String())
	}
	return strings.Join(out, " ")
}
