package config

import (
	"strings"
	"testing"
)

// Every kind of config error, with the exact FILE:LINE:COL and message a
// user sees. The config file is desk/.attrlint.yaml; the test pack defines
// quote-words, hedge-words and quiet-words of the test kind "words".
func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{
			name: "YAML syntax error",
			yaml: "rules:\n  hedge-words: off\n   quote-words: error\n",
			want: []string{`desk/.attrlint.yaml:3:1: invalid YAML: mapping values are not allowed in this context`},
		},
		{
			name: "YAML syntax error on the first line",
			yaml: "fail-level: warning: error\n",
			want: []string{`desk/.attrlint.yaml:1:1: invalid YAML: mapping values are not allowed in this context`},
		},
		{
			name: "tab indentation",
			yaml: "files:\n\tinclude: []\n",
			want: []string{`desk/.attrlint.yaml:2:1: invalid YAML: found character that cannot start any token`},
		},
		{
			name: "alias to an anchor never defined",
			yaml: "rules:\n  quote-words:\n    words: *house-verbs\n",
			want: []string{`desk/.attrlint.yaml:3:12: invalid YAML: unknown anchor "house-verbs": define it with &house-verbs before using *house-verbs`},
		},
		{
			name: "unknown top-level key",
			yaml: "version: 1\nfail_level: error\n",
			want: []string{`desk/.attrlint.yaml:2:1: unknown key "fail_level"; did you mean "fail-level"?`},
		},
		{
			name: "unknown key with nothing close",
			yaml: "editor: desk-chief\n",
			want: []string{`desk/.attrlint.yaml:1:1: unknown key "editor"`},
		},
		{
			name: "the whole file is a list",
			yaml: "- rules\n",
			want: []string{`desk/.attrlint.yaml:1:1: config: want a mapping of settings (version, files, rules, ...), got a list`},
		},
		{
			name: "unsupported version",
			yaml: "version: 2\n",
			want: []string{`desk/.attrlint.yaml:1:10: version: want 1 (the only config version this attrlint reads), got the integer 2`},
		},
		{
			name: "a second YAML document",
			yaml: "version: 1\n---\nformat: json\n",
			want: []string{`desk/.attrlint.yaml:2:1: a config file holds one YAML document; remove the "---" line and what follows it, or merge the documents`},
		},
		{
			name: "duplicate key",
			yaml: "format: json\ncolor: never\nformat: text\n",
			want: []string{`desk/.attrlint.yaml:3:1: config: key "format" is defined twice (first at line 1)`},
		},
		{
			name: "unknown key under files",
			yaml: "files:\n  includes: [\"**/*.md\"]\n",
			want: []string{`desk/.attrlint.yaml:2:3: unknown key "includes" in files; did you mean "include"?`},
		},
		{
			name: "a glob where a list of globs belongs",
			yaml: "files:\n  include: \"**/*.md\"\n",
			want: []string{`desk/.attrlint.yaml:2:12: files.include: want a list of strings, got the string "**/*.md"`},
		},
		{
			name: "a mapping where a list belongs",
			yaml: "files:\n  exclude: {drafts: true}\n",
			want: []string{`desk/.attrlint.yaml:2:12: files.exclude: want a list of strings, got a mapping`},
		},
		{
			name: "invalid glob",
			yaml: "files:\n  include: [\"**/*.md\", \"wire/[a-z.txt\"]\n",
			want: []string{`desk/.attrlint.yaml:2:24: files.include[1]: invalid glob "wire/[a-z.txt": check its brackets [ ] and braces { } (doublestar syntax)`},
		},
		{
			name: "absolute glob",
			yaml: "files:\n  exclude: [/srv/archive/**]\n",
			want: []string{`desk/.attrlint.yaml:2:13: files.exclude[0]: glob "/srv/archive/**" is absolute; write it relative to the config file's directory`},
		},
		{
			name: "unknown fail level",
			yaml: "fail-level: warn\n",
			want: []string{`desk/.attrlint.yaml:1:13: fail-level: unknown fail level "warn" (want error, warning, info or none); did you mean "warning"?`},
		},
		{
			name: "unknown format",
			yaml: "format: jsno\n",
			want: []string{`desk/.attrlint.yaml:1:9: format: unknown value "jsno" (want text, json, sarif, github, checkstyle, rdjsonl); did you mean "json"?`},
		},
		{
			name: "unknown color mode",
			yaml: "color: sometimes\n",
			want: []string{`desk/.attrlint.yaml:1:8: color: unknown value "sometimes" (want auto, always, never)`},
		},
		{
			name: "negative jobs",
			yaml: "jobs: -2\n",
			want: []string{`desk/.attrlint.yaml:1:7: jobs: want 0 (one worker per CPU) or more, got -2`},
		},
		{
			name: "jobs as words",
			yaml: "jobs: four\n",
			want: []string{`desk/.attrlint.yaml:1:7: jobs: want an integer, got the string "four"`},
		},
		{
			name: "bad file size",
			yaml: "max-file-size: 10 megabytes\n",
			want: []string{`desk/.attrlint.yaml:1:16: max-file-size: invalid size "10 megabytes": want a number of bytes, optionally followed by K, M or G ("10M")`},
		},
		{
			name: "unknown severity in a shorthand",
			yaml: "rules:\n  hedge-words: warn\n",
			want: []string{`desk/.attrlint.yaml:2:16: rules.hedge-words.severity: unknown severity "warn" (want error, warning, info or off); did you mean "warning"?`},
		},
		{
			name: "unknown severity in a mapping",
			yaml: "rules:\n  quote-words:\n    severity: fatal\n",
			want: []string{`desk/.attrlint.yaml:3:15: rules.quote-words.severity: unknown severity "fatal" (want error, warning, info or off)`},
		},
		{
			name: "a boolean where a severity belongs",
			yaml: "rules:\n  hedge-words: false\n",
			want: []string{`desk/.attrlint.yaml:2:16: rules.hedge-words.severity: unknown severity "false" (want error, warning, info or off)`},
		},
		{
			name: "nothing where a severity belongs",
			yaml: "rules:\n  hedge-words:\n",
			want: []string{`desk/.attrlint.yaml:2:15: rules.hedge-words: want a severity (error, warning, info, off) or a mapping of rule settings, got nothing (null)`},
		},
		{
			name: "misspelt rule id",
			yaml: "rules:\n  qoute-words: error\n",
			want: []string{`desk/.attrlint.yaml:2:3: unknown rule "qoute-words"; did you mean "quote-words"?`},
		},
		{
			name: "unknown rule id with nothing close",
			yaml: "rules:\n  front-page: error\n",
			want: []string{"desk/.attrlint.yaml:2:3: unknown rule \"front-page\" (`attrlint rules` lists them; a rule of your own is a mapping with a kind)"},
		},
		{
			name: "misspelt rule id with settings",
			yaml: "rules:\n  hedge-word:\n    severity: error\n",
			want: []string{`desk/.attrlint.yaml:2:3: unknown rule "hedge-word"; did you mean "hedge-words"?`},
		},
		{
			name: "a rule of one's own without a kind",
			yaml: "rules:\n  byline-check:\n    severity: error\n",
			want: []string{`desk/.attrlint.yaml:2:3: rules.byline-check: unknown rule "byline-check"; a rule of your own needs a kind (words), and a built-in rule's id must be spelled exactly`},
		},
		{
			name: "unknown kind",
			yaml: "rules:\n  byline-check:\n    kind: word\n    words: [by]\n",
			want: []string{`desk/.attrlint.yaml:3:11: rules.byline-check.kind: unknown kind "word"; did you mean "words"?`},
		},
		{
			name: "unknown kind with nothing close",
			yaml: "rules:\n  byline-check:\n    kind: lua-script\n",
			want: []string{`desk/.attrlint.yaml:3:11: rules.byline-check.kind: unknown kind "lua-script" (kinds: words)`},
		},
		{
			name: "rule id not in hyphenated lower case",
			yaml: "rules:\n  Byline_Check:\n    kind: words\n    words: [by]\n",
			want: []string{`desk/.attrlint.yaml:2:3: rule id "Byline_Check": use lower-case words joined by hyphens`},
		},
		{
			name: "changing a built-in rule's kind",
			yaml: "rules:\n  quote-words:\n    kind: pattern\n",
			want: []string{`desk/.attrlint.yaml:3:11: rules.quote-words.kind: rule "quote-words" is built in with kind "words" and its kind cannot change; give your rule a new id`},
		},
		{
			name: "unknown rule key",
			yaml: "rules:\n  quote-words:\n    min-word: 3\n",
			want: []string{`desk/.attrlint.yaml:3:5: unknown key "min-word" in rules.quote-words; did you mean "min-words"?`},
		},
		{
			name: "option of the wrong type",
			yaml: "rules:\n  quote-words:\n    min-words: many\n",
			want: []string{`desk/.attrlint.yaml:3:16: rules.quote-words.min-words: want an integer, got the string "many"`},
		},
		{
			name: "list item of the wrong type",
			yaml: "rules:\n  quote-words:\n    words: [said, {told: yes}]\n",
			want: []string{`desk/.attrlint.yaml:3:19: rules.quote-words.words[1]: want a string, got a mapping`},
		},
		{
			name: "a boolean option given a word",
			yaml: "rules:\n  quote-words:\n    strict: always\n",
			want: []string{`desk/.attrlint.yaml:3:13: rules.quote-words.strict: want true or false, got the string "always"`},
		},
		{
			name: "examples of the wrong shape",
			yaml: "rules:\n  quote-words:\n    examples:\n      - text: The minister resigned.\n        flaged: true\n",
			want: []string{`desk/.attrlint.yaml:5:9: unknown key "flaged" in rules.quote-words.examples[0]; did you mean "flagged"?`},
		},
		{
			name: "option error from the kind, at the list item",
			yaml: "rules:\n  quote-words:\n    words:\n      - said\n      - \"  \"\n",
			want: []string{`desk/.attrlint.yaml:5:9: rules.quote-words.words[1]: empty word`},
		},
		{
			name: "option error from the kind, at the value",
			yaml: "rules:\n  quote-words:\n    min-words: -1\n",
			want: []string{`desk/.attrlint.yaml:3:16: rules.quote-words.min-words: must be 0 or more, not -1`},
		},
		{
			name: "option error about a missing option, at the rule",
			yaml: "rules:\n  byline-check:\n    kind: words\n    severity: error\n",
			want: []string{`desk/.attrlint.yaml:2:3: rules.byline-check: words: a words rule needs at least one word`},
		},
		{
			name: "unknown rule in an override",
			yaml: "overrides:\n  - files: [\"opinion/**\"]\n    rules: {hedge-wrods: off}\n",
			want: []string{`desk/.attrlint.yaml:3:13: unknown rule "hedge-wrods"; did you mean "hedge-words"?`},
		},
		{
			name: "unknown severity in an override",
			yaml: "overrides:\n  - files: [\"opinion/**\"]\n    rules: {hedge-words: of}\n",
			want: []string{`desk/.attrlint.yaml:3:26: overrides[0].rules.hedge-words.severity: unknown severity "of" (want error, warning, info or off); did you mean "off"?`},
		},
		{
			name: "unknown option in an override",
			yaml: "overrides:\n  - files: [\"opinion/**\"]\n    rules:\n      quote-words: {minwords: 2}\n",
			want: []string{`desk/.attrlint.yaml:4:21: unknown key "minwords" in overrides[0].rules.quote-words; did you mean "min-words"?`},
		},
		{
			name: "invalid glob in an override",
			yaml: "overrides:\n  - files: [\"opinion/{columns,letters/**\"]\n    rules: {hedge-words: off}\n",
			want: []string{`desk/.attrlint.yaml:2:13: overrides[0].files[0]: invalid glob "opinion/{columns,letters/**": check its brackets [ ] and braces { } (doublestar syntax)`},
		},
		{
			name: "override without rules",
			yaml: "overrides:\n  - files: [\"opinion/**\"]\n",
			want: []string{`desk/.attrlint.yaml:2:5: overrides[0]: an override needs both files (globs) and rules (what changes for those files)`},
		},
		{
			name: "misspelt override key",
			yaml: "overrides:\n  - file: [\"opinion/**\"]\n    rules: {hedge-words: off}\n",
			want: []string{
				`desk/.attrlint.yaml:2:5: unknown key "file" in overrides[0]; did you mean "files"?`,
				`desk/.attrlint.yaml:2:5: overrides[0]: an override needs both files (globs) and rules (what changes for those files)`,
			},
		},
		{
			name: "invalid versions regexp",
			yaml: "versions:\n  - match: '^(?P<story>.+)\\.v(?P<version>\\d+\\.md$'\n",
			want: []string{"desk/.attrlint.yaml:2:12: versions[0].match: invalid regexp \"^(?P<story>.+)\\\\.v(?P<version>\\\\d+\\\\.md$\": missing closing ): `^(?P<story>.+)\\.v(?P<version>\\d+\\.md$`"},
		},
		{
			name: "versions regexp without the version group",
			yaml: "versions:\n  - match: '^(?P<story>.+)\\.v\\d+\\.md$'\n",
			want: []string{`desk/.attrlint.yaml:2:12: versions[0].match: regexp "^(?P<story>.+)\\.v\\d+\\.md$" lacks the named group (?P<version>...): it must name the story and the version in each path`},
		},
		{
			name: "versions regexp without either group",
			yaml: "versions:\n  - match: '\\.v\\d+\\.md$'\n",
			want: []string{`desk/.attrlint.yaml:2:12: versions[0].match: regexp "\\.v\\d+\\.md$" lacks the named group (?P<story>...) and (?P<version>...): it must name the story and the version in each path`},
		},
		{
			name: "versions entry without match",
			yaml: "versions:\n  - pattern: 'x'\n",
			want: []string{
				`desk/.attrlint.yaml:2:5: unknown key "pattern" in versions[0]`,
				`desk/.attrlint.yaml:2:5: versions[0]: missing key "match": a regexp with the named groups (?P<story>...) and (?P<version>...)`,
			},
		},
		{
			name: "unknown analyzer",
			yaml: "analyzers:\n  speehc:\n    verbs: [said]\n",
			want: []string{`desk/.attrlint.yaml:2:3: unknown analyzer "speehc"; did you mean "speech"?`},
		},
		{
			name: "analyzer setting error from its Compile",
			yaml: "analyzers:\n  speech:\n    verbs: [said, \"\"]\n",
			want: []string{`desk/.attrlint.yaml:3:19: analyzers.speech.verbs[1]: empty verb`},
		},
		{
			name: "unknown analyzer setting",
			yaml: "analyzers:\n  speech:\n    verb: [said]\n",
			want: []string{`desk/.attrlint.yaml:3:5: unknown key "verb" in analyzers.speech; did you mean "verbs"?`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, _ := testKinds(t)
			c, err := Parse(set, "desk/.attrlint.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse accepted the config; want errors:\n%s", strings.Join(tt.want, "\n"))
			}
			if c != nil {
				t.Errorf("Parse returned a config with its errors")
			}
			got := errLines(t, err)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// A user fixes a config in one round: every error of the file comes back
// at once, sorted by position.
func TestConfigErrorsReportedTogether(t *testing.T) {
	set, _ := testKinds(t)
	const yaml = `version: 1
fail-level: warn
rules:
  qoute-words: error
  quote-words:
    min-words: many
    words: [said, {}]
overrides:
  - files: ["opinion/[x"]
    rules: {hedge-words: loud}
versions:
  - match: '(?P<story>x'
`
	_, err := Parse(set, "desk/.attrlint.yaml", []byte(yaml))
	want := []string{
		`desk/.attrlint.yaml:2:13: fail-level: unknown fail level "warn" (want error, warning, info or none); did you mean "warning"?`,
		`desk/.attrlint.yaml:4:3: unknown rule "qoute-words"; did you mean "quote-words"?`,
		`desk/.attrlint.yaml:6:16: rules.quote-words.min-words: want an integer, got the string "many"`,
		`desk/.attrlint.yaml:7:19: rules.quote-words.words[1]: want a string, got a mapping`,
		`desk/.attrlint.yaml:9:13: overrides[0].files[0]: invalid glob "opinion/[x": check its brackets [ ] and braces { } (doublestar syntax)`,
		`desk/.attrlint.yaml:10:26: overrides[0].rules.hedge-words.severity: unknown severity "loud" (want error, warning, info or off)`,
		"desk/.attrlint.yaml:12:12: versions[0].match: invalid regexp \"(?P<story>x\": missing closing ): `(?P<story>x`",
	}
	got := errLines(t, err)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// An error in an embedded pack is a bug in attrlint, but it is reported the
// same way, at the pack's line and column.
func TestPackErrorsArePositioned(t *testing.T) {
	set, _ := testKinds(t, "rules:\n  broken-words:\n    kind: words\n    severity: warning\n    words: [said]\n    min-wrds: 2\n  no-kind:\n    severity: info\n")
	_, err := Default(set)
	want := []string{
		`rules/test0.yaml:6:5: unknown key "min-wrds" in rules.broken-words; did you mean "min-words"?`,
		`rules/test0.yaml:7:3: rules.no-kind: a built-in rule needs a kind and a severity`,
	}
	got := errLines(t, err)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"severity", "message", "summary", "min-words", "words"}
	tests := []struct{ typed, want string }{
		{"severty", "severity"},
		{"sevrity", "severity"},
		{"mesage", "message"},
		{"min_words", "min-words"},
		{"minwords", "min-words"},
		{"wrods", "words"},  // a transposition is one edit
		{"sev", "severity"}, // a prefix of a key
		{"headline", ""},    // nothing close
		{"x", ""},           // too short to guess
		{"SEVERITY", "severity"},
	}
	for _, tt := range tests {
		if got := Suggest(tt.typed, keys); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}
