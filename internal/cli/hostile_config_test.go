package cli_test

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/attrlint/attrlint/internal/cli"
)

// aliasBomb is the billion laughs in YAML: nine anchors, each a list of
// nine aliases to the one before, under a key the config knows.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("version: 1\nfiles:\n  include: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n")
	prev := "a"
	for _, c := range "bcdefghi" {
		b.WriteString("x" + string(c) + ": &" + string(c) + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", ") + "]\n")
		prev = string(c)
	}
	b.WriteString("rules: *i\n")
	return b.String()
}

// TestHostileConfigs loads each broken config and checks that check exits
// 2, fast, with FILE:LINE:COL pointing at the problem, and lints nothing.
func TestHostileConfigs(t *testing.T) {
	allOff := "version: 1\nfail-level: info\nrules:\n"
	for _, id := range []string{"anonymous-source", "unattributed-quote", "unclosed-quote", "vague-attribution",
		"figure-mismatch", "figure-changed", "quote-changed", "speaker-changed", "attribution-dropped", "source-changed"} {
		allOff += "  " + id + ": off\n"
	}
	tests := []struct {
		name, config string
		// want matches the first line of the error output.
		want string
	}{
		{"malformed YAML: an unclosed flow list", "version: 1\nfail-level: warning\nrules: [unclosed\n",
			`^bad.yaml:3:1: invalid YAML: did not find expected ',' or '\]'`},
		{"malformed YAML: a tab for indentation", "version: 1\nrules:\n\tanonymous-source: off\n",
			`^bad.yaml:3:1: invalid YAML: found character that cannot start any token`},
		{"billion laughs", aliasBomb(), `^bad.yaml:\d+:\d+: `},
		{"10 MB config", "version: 1\n" + strings.Repeat("# a comment line in a config that is far too large\n", 200_000),
			`^bad.yaml:20562:6: config file is larger than 1048576 bytes`},
		{"a regexp RE2 rejects", "version: 1\nrules:\n  no-sources:\n    kind: pattern\n    patterns: ['(?<=said )sources']\n",
			`^bad.yaml:5:16: .*invalid regexp`},
		{"a regexp too large to compile", "version: 1\nrules:\n  no-sources:\n    kind: pattern\n    patterns: ['((sources said){1000}){1000}']\n",
			`^bad.yaml:5:16: .*expression too large`},
		{"an unknown kind", "version: 1\nrules:\n  no-sources:\n    kind: regexp\n    patterns: ['sources said']\n",
			`^bad.yaml:4:11: .*unknown kind "regexp"`},
		{"every rule off", allOff, `^bad.yaml:3:1: every rule is off`},
		{"a merge key that merges the mapping it is in", "version: 1\nrules: &m\n  <<: *m\n",
			`^bad.yaml:3:7: alias \*m refers to the value it is in`},
		{"an alias inside the value it names", "version: 1\nrules: &m\n  anonymous-source: {x: *m}\n",
			`^bad.yaml:3:25: alias \*m refers to the value it is in`},
		{"a byte that is not UTF-8 on line 3", "version: 1\nrules:\n  anonymous-source: \xff\n",
			`^bad.yaml:3:21: the byte 0xFF, which is not UTF-8`},
		{"a period that lasts no time", "version: 1\nanalyzers:\n  figures:\n    period-days: {week: -7}\n",
			`^bad.yaml:4:18: analyzers.figures.period-days: week: -7 is not a length`},
		{"a NUL byte", "version: 1\nfiles:\n  include: [\"a\x00b\"]\n",
			`^bad.yaml:3:15: a NUL byte`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.WriteFile("bad.yaml", []byte(tt.config), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile("draft.md", []byte(control), 0o644); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			start := time.Now()
			code := cli.Main([]string{"check", "--config", "bad.yaml", "draft.md"}, strings.NewReader(""), &stdout, &stderr)
			// A hang guard, not a speed target (benchmarks measure speed):
			// an alias bomb or a runaway regexp would blow far past it.
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("took %v: a config error must not hang the run", took)
			}
			if code != 2 {
				t.Errorf("exit status %d, want 2", code)
			}
			if stdout.Len() > 0 {
				t.Errorf("a broken config linted something:\n%s", stdout.String())
			}
			if first, _, _ := strings.Cut(stderr.String(), "\n"); !regexp.MustCompile(tt.want).MatchString(first) {
				t.Errorf("first error line %q does not match %q", first, tt.want)
			}
		})
	}
	// Turning every rule off in the config is fine when the run turns one
	// back on.
	t.Run("every rule off, one enabled by flag", func(t *testing.T) {
		t.Chdir(t.TempDir())
		if err := os.WriteFile("off.yaml", []byte(allOff), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("draft.md", []byte(control), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		code := cli.Main([]string{"check", "--config", "off.yaml", "--enable", "anonymous-source", "draft.md"}, strings.NewReader(""), &stdout, &stderr)
		if code != 1 || !strings.Contains(stdout.String(), "[anonymous-source]") {
			t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
		}
	})
}
