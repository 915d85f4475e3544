package config

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/rules/all"
)

// The embedded packs are attrlint's own: an error in them is a bug, caught
// here rather than on a reporter's pre-commit run.
func TestDefaultLoadsTheEmbeddedPacks(t *testing.T) {
	c, err := Default(all.Set)
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	if len(c.Rules) == 0 {
		t.Fatal("Default has no rules")
	}
	if !sort.SliceIsSorted(c.Rules, func(i, j int) bool { return c.Rules[i].ID < c.Rules[j].ID }) {
		t.Errorf("rules are not sorted by id: %s", ids(c.Rules))
	}
	for _, r := range c.Rules {
		if r.Kind == nil || r.Options == nil {
			t.Errorf("rule %s: kind %v, options %v: not compiled", r.ID, r.Kind, r.Options)
		}
		if r.Summary == "" {
			t.Errorf("rule %s (%s) has no summary for `attrlint rules`", r.ID, r.Source)
		}
		if r.Severity != r.Default {
			t.Errorf("rule %s: severity %v, default %v: with no config they must agree", r.ID, r.Severity, r.Default)
		}
		if !strings.HasPrefix(r.Source, "rules/") {
			t.Errorf("rule %s: source %q, want its pack", r.ID, r.Source)
		}
	}
	if got := c.Rule("vague-attribution"); got == nil || got.Default != analysis.SeverityInfo {
		t.Errorf("vague-attribution = %+v; SPEC gives it the default info", got)
	}
}

func TestDefaultSettings(t *testing.T) {
	set, _ := testKinds(t)
	c, err := Default(set)
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	checks := []struct {
		name      string
		got, want any
	}{
		{"Path", c.Path, ""},
		{"Dir", c.Dir, wd},
		{"Include", c.Include, []string{"**/*.md", "**/*.markdown", "**/*.mdx", "**/*.txt", "**/*.html", "**/*.htm"}},
		{"Exclude", c.Exclude, []string{"**/node_modules/**", "**/vendor/**", "**/.git/**"}},
		{"FailLevel", c.FailLevel, analysis.SeverityWarning},
		{"Format", c.Format, "text"},
		{"Color", c.Color, "auto"},
		{"Jobs", c.Jobs, runtime.NumCPU()},
		{"MaxFileSize", c.MaxFileSize, int64(10 << 20)},
		{"Baseline", c.Baseline, ""},
		{"rules", ids(c.Rules), "hedge-words:info quiet-words:off quote-words:warning"},
		{"enabled", ids(c.RulesFor("news/budget.md")), "hedge-words:info quote-words:warning"},
	}
	for _, ck := range checks {
		if !reflect.DeepEqual(ck.got, ck.want) {
			t.Errorf("%s = %v, want %v", ck.name, ck.got, ck.want)
		}
	}
}

func TestSettingsFromTheFile(t *testing.T) {
	set, _ := testKinds(t)
	const yaml = `version: 1
files:
  include: ["./stories/**/*.md"]
  exclude: ["stories/embargoed/**"]
fail-level: none
format: sarif
color: never
jobs: 3
max-file-size: 512K
baseline: ci/attrlint-baseline.json
versions:
  - match: '^(?P<story>.+)\.v(?P<version>\d+)\.md$'
`
	dir := t.TempDir()
	path := filepath.Join(dir, ".attrlint.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(set, path)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"Path", c.Path, path},
		{"Dir", c.Dir, dir},
		{"Include", c.Include, []string{"stories/**/*.md"}},
		{"Exclude", c.Exclude, []string{"stories/embargoed/**"}},
		{"FailLevel", FailLevelString(c.FailLevel), "none"},
		{"Format", c.Format, "sarif"},
		{"Color", c.Color, "never"},
		{"Jobs", c.Jobs, 3},
		{"MaxFileSize", c.MaxFileSize, int64(512 << 10)},
		{"Baseline", c.Baseline, filepath.Join(dir, "ci", "attrlint-baseline.json")},
		{"included story", c.Included("stories/2026/budget.md"), true},
		{"embargoed story", c.Included("stories/embargoed/merger.md"), false},
		{"notes outside stories", c.Included("notes/todo.md"), false},
	}
	for _, ck := range checks {
		if !reflect.DeepEqual(ck.got, ck.want) {
			t.Errorf("%s = %v, want %v", ck.name, ck.got, ck.want)
		}
	}
	story, version, ok := c.Versions[0].Find("stories/budget-vote.v3.md")
	if !ok || story != "stories/budget-vote" || version != "3" {
		t.Errorf("Versions[0].Find = %q, %q, %v; want stories/budget-vote, 3, true", story, version, ok)
	}
	if _, _, ok := c.Versions[0].Find("stories/budget-vote.md"); ok {
		t.Errorf("Versions[0] matched a file with no version")
	}
}

func TestSeverityShorthand(t *testing.T) {
	tests := []struct {
		yaml string
		want string
	}{
		{"rules: {hedge-words: off}", "hedge-words:off quiet-words:off quote-words:warning"},
		{"rules: {hedge-words: error, quote-words: info}", "hedge-words:error quiet-words:off quote-words:info"},
		{"rules: {quiet-words: warning}", "hedge-words:info quiet-words:warning quote-words:warning"},
		{"rules: {quote-words: Error}", "hedge-words:info quiet-words:off quote-words:error"},
		{"rules: {quote-words: {severity: off}}", "hedge-words:info quiet-words:off quote-words:off"},
	}
	for _, tt := range tests {
		set, _ := testKinds(t)
		c, err := Parse(set, "desk/.attrlint.yaml", []byte(tt.yaml))
		if err != nil {
			t.Errorf("%s: %v", tt.yaml, err)
			continue
		}
		if got := ids(c.Rules); got != tt.want {
			t.Errorf("%s: rules %s, want %s", tt.yaml, got, tt.want)
		}
		// The default stays the pack's: `attrlint rules` shows both.
		if r := c.Rule("quote-words"); r.Default != analysis.SeverityWarning {
			t.Errorf("%s: quote-words default %v, want warning", tt.yaml, r.Default)
		}
	}
}

// A user's keys replace the pack's one by one; the rest stay as shipped.
func TestUserOptionsMergeOverThePack(t *testing.T) {
	set, _ := testKinds(t)
	const yaml = `rules:
  quote-words:
    min-words: 2
    message: quotation with no speaker
`
	c, err := Parse(set, "desk/.attrlint.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	r := c.Rule("quote-words")
	got := r.Options.(*compiledWords).opts
	want := wordsOptions{Words: []string{"said", "told", "wrote"}, MinWords: 2}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("options %+v, want %+v", got, want)
	}
	if r.Message != "quotation with no speaker" || r.Summary != "quotations must carry a speech verb" {
		t.Errorf("message %q, summary %q: want the user's message and the pack's summary", r.Message, r.Summary)
	}
	if r.Source != "rules/test0.yaml" || r.Severity != analysis.SeverityWarning {
		t.Errorf("source %q, severity %v: a tuned built-in rule stays the pack's, at its severity", r.Source, r.Severity)
	}
}

func TestUserRuleOfATestKind(t *testing.T) {
	set, _ := testKinds(t)
	const yaml = `rules:
  hedge-adverbs:
    kind: words
    severity: error
    summary: hedging adverbs in news copy
    words: [arguably, seemingly]
    strict: true
  soft-hedges:
    kind: words
    words: [perhaps]
`
	c, err := Parse(set, "desk/.attrlint.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	r := c.Rule("hedge-adverbs")
	if r.Kind.Name != "words" || r.Severity != analysis.SeverityError || r.Default != analysis.SeverityError || r.Source != "desk/.attrlint.yaml" {
		t.Errorf("hedge-adverbs: kind %s, severity %v, default %v, source %q", r.Kind.Name, r.Severity, r.Default, r.Source)
	}
	if o := r.Options.(*compiledWords).opts; !o.Strict || len(o.Words) != 2 {
		t.Errorf("options %+v", o)
	}
	if r := c.Rule("soft-hedges"); r.Severity != analysis.SeverityWarning {
		t.Errorf("a user rule with no severity is %v, want warning", r.Severity)
	}
}

// SPEC's own example: a rule of the user's own of kind pattern.
func TestUserRuleOfKindPattern(t *testing.T) {
	const yaml = `rules:
  no-sources-said:
    kind: pattern
    severity: error
    message: "Name the source: 'sources said' is not allowed here"
    patterns: ['\bsources? (said|say|told)\b']
`
	c, err := Parse(all.Set, "desk/.attrlint.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	r := c.Rule("no-sources-said")
	if r == nil || r.Kind.Name != "pattern" || r.Severity != analysis.SeverityError || r.Options == nil {
		t.Fatalf("no-sources-said = %+v", r)
	}
	if !slices.Contains(c.RulesFor("politics/council.md"), r) {
		t.Errorf("no-sources-said is not enabled")
	}

	// The pattern kind's own checks are reported at the offending item.
	_, err = Parse(all.Set, "desk/.attrlint.yaml", []byte("rules:\n  no-sources-said:\n    kind: pattern\n    patterns:\n      - '\\bsources said\\b'\n      - '(officials|aides said'\n"))
	got := errLines(t, err)
	if len(got) != 1 || !strings.HasPrefix(got[0], `desk/.attrlint.yaml:6:9: rules.no-sources-said.patterns[1]: invalid regexp "(officials|aides said"`) {
		t.Errorf("errors %q, want one at 6:9 about patterns[1]", got)
	}
}

// Every bad item of a list is reported, each at its own position (issue
// 18): three bad phrases, three bad regexps, and phrases in lists under an
// extractor's mapping keys.
func TestEveryBadItemOfAListIsReported(t *testing.T) {
	const yaml = `rules:
  house-style:
    kind: pattern
    phrases: ["*", critics say, "", "* *"]
    patterns: ['(', '\bok\b', '[', ')']
analyzers:
  quotes:
    speech-verbs:
      say: [says, "*", said]
  figures:
    units:
      troops:
        words: [troops, "", soldiers]
`
	_, err := Parse(all.Set, "desk/.attrlint.yaml", []byte(yaml))
	want := []string{
		`desk/.attrlint.yaml:4:15: rules.house-style.phrases[0]: phrase "*" has only wildcards: it would match every word`,
		`desk/.attrlint.yaml:4:33: rules.house-style.phrases[2]: phrase is empty: give at least one word`,
		`desk/.attrlint.yaml:4:37: rules.house-style.phrases[3]: phrase "* *" has only wildcards: it would match every word`,
		"desk/.attrlint.yaml:5:16: rules.house-style.patterns[0]: invalid regexp \"(\": error parsing regexp: missing closing ): `(`",
		"desk/.attrlint.yaml:5:31: rules.house-style.patterns[2]: invalid regexp \"[\": error parsing regexp: missing closing ]: `[`",
		"desk/.attrlint.yaml:5:36: rules.house-style.patterns[3]: invalid regexp \")\": error parsing regexp: unexpected ): `)`",
		`desk/.attrlint.yaml:9:19: analyzers.quotes.speech-verbs.say[1]: phrase "*" has only wildcards: it would match every word`,
		`desk/.attrlint.yaml:13:25: analyzers.figures.units.troops.words[1]: phrase is empty: give at least one word`,
	}
	got := errLines(t, err)
	var mine []string
	for _, g := range got {
		if strings.HasPrefix(g, "desk/") {
			mine = append(mine, g)
		}
	}
	if strings.Join(mine, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(mine, "\n"), strings.Join(want, "\n"))
	}
}

func TestOverrides(t *testing.T) {
	set, linked := testKinds(t)
	const yaml = `rules:
  hedge-words: warning
overrides:
  - files: ["opinion/**"]
    rules:
      hedge-words: off
      quote-words: {min-words: 8}
  - files: ["opinion/letters/**", "**/*.txt"]
    rules:
      hedge-words: error
      quiet-words: info
  - files: ["wire/**"]
    rules:
      quote-words:
        severity: info
        words: [said]
`
	c, err := Parse(set, "desk/.attrlint.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want string
	}{
		{"politics/council.md", "hedge-words:warning quote-words:warning"},
		{"opinion/column.md", "quote-words:warning"},
		{"./opinion/column.md", "quote-words:warning"},
		{"opinion/letters/reader.md", "hedge-words:error quiet-words:info quote-words:warning"},
		{"briefs/weather.txt", "hedge-words:error quiet-words:info quote-words:warning"},
		{"wire/reuters.md", "hedge-words:warning quote-words:info"},
	}
	for _, tt := range tests {
		if got := ids(c.RulesFor(tt.path)); got != tt.want {
			t.Errorf("RulesFor(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
	minWords := func(path string) int {
		for _, r := range c.RulesFor(path) {
			if r.ID == "quote-words" {
				return r.Options.(*compiledWords).opts.MinWords
			}
		}
		return -1
	}
	if got := minWords("opinion/letters/reader.md"); got != 8 {
		t.Errorf("quote-words in opinion/letters: min-words %d, want the opinion variant's 8", got)
	}
	if got := minWords("politics/council.md"); got != 4 {
		t.Errorf("quote-words in politics: min-words %d, want the pack's 4", got)
	}
	if got := c.RulesFor("wire/reuters.md"); got[1].Options.(*compiledWords).opts.Words[0] != "said" || len(got[1].Options.(*compiledWords).opts.Words) != 1 {
		t.Errorf("wire variant options %+v", got[1].Options)
	}
	// Files matched by the same overrides share one precomputed slice.
	a, b := c.RulesFor("opinion/a.md"), c.RulesFor("opinion/b.md")
	if &a[0] != &b[0] {
		t.Errorf("RulesFor recomputed the rules of a second opinion file")
	}
	// Link saw every compiled rule once, then the variants in override order.
	want := [][]string{{"hedge-words/0", "quiet-words/0", "quote-words/4", "quote-words/8", "quote-words/4"}}
	if !reflect.DeepEqual(*linked, want) {
		t.Errorf("Link calls %v, want %v", *linked, want)
	}
}

func TestEnableDisable(t *testing.T) {
	set, _ := testKinds(t)
	const yaml = `overrides:
  - files: ["opinion/**"]
    rules: {hedge-words: off, quote-words: error}
`
	c, err := Parse(set, "desk/.attrlint.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Enable([]string{"quiet-words", "hedge-words"}); err != nil {
		t.Fatal(err)
	}
	if err := c.Disable([]string{"quote-words"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		// quiet-words is off by default: --enable makes it a warning.
		{"politics/council.md", "hedge-words:info quiet-words:warning"},
		// The command line beats the file's overrides.
		{"opinion/column.md", "hedge-words:info quiet-words:warning"},
	}
	for _, tt := range tests {
		if got := ids(c.RulesFor(tt.path)); got != tt.want {
			t.Errorf("RulesFor(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
	if got := c.Rule("quote-words").Severity; got != analysis.SeverityOff {
		t.Errorf("disabled quote-words has severity %v", got)
	}

	err = c.Enable([]string{"hedge-words", "qoute-words", "front-page"})
	want := "unknown rule \"qoute-words\"; did you mean \"quote-words\"?\nunknown rule \"front-page\" (`attrlint rules` lists them)"
	if err == nil || err.Error() != want {
		t.Errorf("Enable with unknown ids: %v, want %q", err, want)
	}
}

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	mk := func(p string) string {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("version: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mkdir := func(p string) string {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A config above the repository must not leak into it.
	mk(".attrlint.yaml")
	mkdir("newsroom/.git")
	desk := mk("newsroom/politics/.attrlint.yaml")
	mkdir("newsroom/politics/drafts/2026")
	mkdir("newsroom/sports/results")
	// A git worktree or submodule has a .git file, not a directory.
	mk("newsroom/vendor/styleguide/.git")
	mkdir("newsroom/vendor/styleguide/docs")
	mk("outside/deep/er/.keep")

	tests := []struct{ dir, want string }{
		{"newsroom/politics/drafts/2026", desk},
		{"newsroom/politics", desk},
		{"newsroom/sports/results", ""},
		{"newsroom", ""},
		{"newsroom/vendor/styleguide/docs", ""},
		{"outside/deep/er", filepath.Join(root, ".attrlint.yaml")},
	}
	for _, tt := range tests {
		got, err := Discover(filepath.Join(root, filepath.FromSlash(tt.dir)))
		if err != nil || got != tt.want {
			t.Errorf("Discover(%s) = %q, %v; want %q", tt.dir, got, err, tt.want)
		}
	}
}

func TestHostileInput(t *testing.T) {
	set, _ := testKinds(t)
	t.Run("larger than 1 MB", func(t *testing.T) {
		big := "# " + strings.Repeat("x", MaxFileSize) + "\n"
		path := filepath.Join(t.TempDir(), ".attrlint.yaml")
		if err := os.WriteFile(path, []byte(big), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(set, path)
		got := errLines(t, err)
		want := path + ":1:1048577: config file is larger than 1048576 bytes (1 MB) from here on; a config holds settings and rules, not data: move word lists into a smaller file"
		if len(got) != 1 || got[0] != want {
			t.Errorf("Load = %q, want %q", got, want)
		}
	})
	t.Run("aliases that multiply", func(t *testing.T) {
		// 40,000 words, then 40 rules that each reuse them through an
		// alias: a 200 KB file that would have the loader walk 1.6M nodes.
		var b strings.Builder
		b.WriteString("rules:\n  r0:\n    kind: words\n    words: &w [")
		for i := range 40000 {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("w")
		}
		b.WriteString("]\n")
		for i := 1; i < 40; i++ {
			b.WriteString("  r" + string(rune('a'+i%26)) + strings.Repeat("x", i/26) + ":\n    kind: words\n    words: *w\n")
		}
		_, err := Parse(set, "desk/.attrlint.yaml", []byte(b.String()))
		got := errLines(t, err)
		if len(got) != 1 || !strings.Contains(got[0], "aliases expand this file beyond 1048576 YAML nodes") {
			t.Errorf("errors %q, want one about aliases", got)
		}
	})
	t.Run("billion laughs", func(t *testing.T) {
		const laughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
rules:
  quote-words:
    words: *g
`
		// The loader walks only as deep as a rule's types go: words
		// wants strings, so each of g's nine lists is one error.
		_, err := Parse(set, "desk/.attrlint.yaml", []byte(laughs))
		got := errLines(t, err)
		if len(got) != 7+9 || got[0] != `desk/.attrlint.yaml:1:1: unknown key "a"` || got[7] != `desk/.attrlint.yaml:7:8: rules.quote-words.words[0]: want a string, got a list` {
			t.Errorf("errors:\n%s", strings.Join(got, "\n"))
		}
	})
	t.Run("an anchor that contains itself", func(t *testing.T) {
		_, err := Parse(set, "desk/.attrlint.yaml", []byte("rules:\n  quote-words:\n    words: &w [said, *w]\n"))
		got := errLines(t, err)
		want := []string{`desk/.attrlint.yaml:3:22: alias *w refers to the value it is in, so expanding it never ends; use another anchor, or write the values out`}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("errors %q, want %q", got, want)
		}
	})
}

func TestMergeKeys(t *testing.T) {
	set, _ := testKinds(t)
	const yaml = `rules:
  hedge-adverbs: &house
    kind: words
    severity: error
    words: [arguably]
  soft-hedges:
    <<: *house
    words: [perhaps]
`
	c, err := Parse(set, "desk/.attrlint.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	r := c.Rule("soft-hedges")
	if r.Severity != analysis.SeverityError || r.Options.(*compiledWords).opts.Words[0] != "perhaps" {
		t.Errorf("soft-hedges: severity %v, options %+v", r.Severity, r.Options)
	}
}

func TestAnalyzerSettings(t *testing.T) {
	set, _ := testKinds(t)
	c, err := Parse(set, "desk/.attrlint.yaml", []byte("analyzers:\n  speech:\n    verbs: [said, told, admitted]\n"))
	if err != nil {
		t.Fatal(err)
	}
	x, _ := set.Extractor("speech")
	got := c.Settings[x.Analyzer].(*settingsOptions).Verbs
	if !reflect.DeepEqual(got, []string{"said", "told", "admitted"}) {
		t.Errorf("speech verbs %q: the user's list replaces the pack's", got)
	}
	d, err := Default(set)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Settings[x.Analyzer].(*settingsOptions).Verbs; !reflect.DeepEqual(got, []string{"said", "told"}) {
		t.Errorf("default speech verbs %q, want the pack's", got)
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  bool
	}{
		{"10M", 10 << 20, false},
		{"512K", 512 << 10, false},
		{"1G", 1 << 30, false},
		{"2048", 2048, false},
		{"10m", 10 << 20, false},
		{"10MB", 10 << 20, false},
		{"0", 0, true},
		{"-1M", 0, true},
		{"1.5M", 0, true},
		{"ten", 0, true},
		{"99999999999G", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestParseFailLevel(t *testing.T) {
	for in, want := range map[string]analysis.Severity{"error": analysis.SeverityError, "warning": analysis.SeverityWarning, "info": analysis.SeverityInfo, "none": FailNone} {
		got, err := ParseFailLevel(in)
		if err != nil || got != want || FailLevelString(got) != in {
			t.Errorf("ParseFailLevel(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseFailLevel("off"); err == nil {
		t.Errorf("fail level off accepted: none is the word for it")
	}
	// Nothing reaches the fail level none.
	if analysis.SeverityError >= FailNone {
		t.Errorf("FailNone is not above error")
	}
}
