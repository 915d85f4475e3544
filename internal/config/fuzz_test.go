package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
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

// FuzzMergeKeys builds configs of anchors, aliases and merge keys (<<) from
// the fuzzer's bytes, nested under keys the config knows, so that the
// fuzzer explores the shapes that expand (a merge of a mapping that holds
// it, an alias inside its own anchor, merges of merges), and checks that a
// load ends quickly with rules or with positioned errors, never a crash.
func FuzzMergeKeys(f *testing.F) {
	f.Add([]byte{0, 1, 2})
	f.Add([]byte{3, 0, 4, 1, 5})
	f.Add([]byte{0, 0, 0, 6, 6, 2, 7})
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 64 {
			ops = ops[:64]
		}
		var b strings.Builder
		b.WriteString("version: 1\nrules:\n")
		anchors := 0
		depth := 1
		indent := func() string { return strings.Repeat("  ", depth) }
		keys := []string{"anonymous-source", "vague-attribution", "unattributed-quote", "x", "severity", "min-words"}
		for i, op := range ops {
			switch op % 8 {
			case 0: // open a mapping with an anchor
				fmt.Fprintf(&b, "%s%s: &a%d\n", indent(), keys[i%len(keys)], anchors)
				anchors++
				depth++
			case 1: // merge an anchor defined so far (maybe one still open)
				if anchors > 0 {
					fmt.Fprintf(&b, "%s<<: *a%d\n", indent(), int(op/8)%anchors)
				}
			case 2: // an alias as a value
				if anchors > 0 {
					fmt.Fprintf(&b, "%s%s: *a%d\n", indent(), keys[int(op/8)%len(keys)], int(op/8)%anchors)
				}
			case 3: // a merge of a list of aliases
				if anchors > 0 {
					fmt.Fprintf(&b, "%s<<: [*a%d, *a%d]\n", indent(), int(op/8)%anchors, 0)
				}
			case 4: // a scalar
				fmt.Fprintf(&b, "%sseverity: warning\n", indent())
			case 5, 6: // close a mapping
				if depth > 1 {
					depth--
				}
			case 7: // a list of aliases
				if anchors > 0 {
					fmt.Fprintf(&b, "%s%s: [*a%d, *a%d]\n", indent(), keys[i%len(keys)], int(op/8)%anchors, anchors-1)
				}
			}
		}
		start := time.Now()
		c, err := Parse(all.Set, "fuzz.yaml", []byte(b.String()))
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("loading took %v:\n%s", d, b.String())
		}
		if err == nil {
			if c == nil {
				t.Fatalf("no error and no config:\n%s", b.String())
			}
			return
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error %v (%T) is not a non-empty ErrorList", err, err)
		}
	})
}
