package config

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/attrlint/attrlint/rules/all"
)

// configSeeds are configs written for this target: valid ones, each kind
// of mistake, and YAML that is awkward to parse.
var configSeeds = []string{
	"",
	"version: 1\n",
	"version: 1\nfail-level: error\nfiles:\n  include: ['**/*.md']\n  exclude: ['vendor/**']\n",
	"version: 1\nrules:\n  anonymous-source: off\n  vague-attribution: {severity: error}\n",
	"version: 1\nrules:\n  mine:\n    kind: pattern\n    severity: error\n    message: Name the source\n    patterns: ['\\bsources? said\\b']\n",
	"version: 1\nrules:\n  mine:\n    kind: pattern\n    patterns: ['(?<=x)y']\n",
	"version: 1\nrules:\n  mine:\n    kind: patern\n    patterns: ['x']\n",
	"version: 1\noverrides:\n  - files: ['opinion/**']\n    rules: {vague-attribution: off}\n",
	"version: 1\nversions:\n  - match: '^(?P<story>.+)\\.v(?P<version>\\d+)\\.md$'\n",
	"version: 1\nmax-file-size: 10Q\njobs: -3\ncolor: purple\n",
	"a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nrules: *c\n",
	"version: 1\nrules:\n  <<: {vague-attribution: off}\n",
	"version: [1\n",
	"\t- ? : - !!binary x\n",
	"version: 1\n---\nversion: 2\n",
	"version: 1\nrules:\n  unattributed-quote:\n    min-words: many\n",
}

// FuzzParse loads arbitrary bytes as a config file and checks that the
// loader never panics or takes long, that a refusal is an ErrorList whose
// every error names the file and a position inside it, and that loading
// the same bytes twice gives the same errors.
func FuzzParse(f *testing.F) {
	for _, s := range configSeeds {
		f.Add([]byte(s))
	}
	if data, err := os.ReadFile("../../config.example.yaml"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		c, err := Parse(all.Set, "fuzz.yaml", data)
		if d := time.Since(start); d > 10*time.Second { // a hang guard
			t.Fatalf("loading %d bytes took %v", len(data), d)
		}
		if err == nil {
			if c == nil || len(c.Rules) == 0 {
				t.Fatalf("no error and no rules")
			}
			return
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %v (%T) is not a non-empty ErrorList", err, err)
		}
		// YAML also ends lines at CR, NEL, LS and PS: count them all.
		lines := 1
		for _, sep := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
			lines += bytes.Count(data, []byte(sep))
		}
		for _, e := range list {
			if e.Msg == "" {
				t.Fatalf("empty message: %+v", e)
			}
			if e.File == "fuzz.yaml" && (e.Line < 0 || e.Line > lines || e.Line > 0 && e.Col < 1) {
				t.Fatalf("%s is outside the file's %d lines", e, lines)
			}
		}
		_, err2 := Parse(all.Set, "fuzz.yaml", data)
		if !reflect.DeepEqual(err, err2) {
			t.Fatalf("two loads differ:\n%v\n---\n%v", err, err2)
		}
	})
}
