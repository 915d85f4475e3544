package config

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestPlainDecimal: where plainDecimal reads a number, YAML reads the same
// one.
func TestPlainDecimal(t *testing.T) {
	for _, s := range []string{"0", "1", "1000", "0.05", "1.609344", "907.18474", "0.004046856",
		"012", "00.5", "1.", ".5", "-1", "1e3", "1_000", "0x10", "0o17", "1.2.3", "9007199254740993",
		"123456789012345678901234567890", ".inf", "NaN", ""} {
		var want float64
		n := &yaml.Node{}
		yamlErr := yaml.Unmarshal([]byte("v: "+s), n)
		if yamlErr == nil {
			v := n.Content[0].Content[1]
			yamlErr = v.Decode(&want)
			if v.Tag != "!!int" && v.Tag != "!!float" {
				yamlErr = fmt.Errorf("tag %s", v.Tag)
			}
		}
		got, ok := plainDecimal(s)
		if !ok {
			continue
		}
		if yamlErr != nil || got != want || math.Signbit(got) != math.Signbit(want) {
			t.Errorf("plainDecimal(%q) = %v; YAML reads %v (%v)", s, got, want, yamlErr)
		}
	}
	for _, s := range []string{"1000", "0.05", "1.609344"} {
		if _, ok := plainDecimal(s); !ok {
			t.Errorf("plainDecimal(%q) is not ok", s)
		}
	}
}

// TestPairsDuplicates: a key given twice is reported however many keys the
// mapping has, at the second with the line of the first.
func TestPairsDuplicates(t *testing.T) {
	for _, size := range []int{3, smallMapping - 1, smallMapping, smallMapping + 1, 3 * smallMapping} {
		var b strings.Builder
		for i := range size {
			fmt.Fprintf(&b, "k%d: %d\n", i, i)
		}
		b.WriteString("k1: again\n")
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(b.String()), &n); err != nil {
			t.Fatal(err)
		}
		l := &loader{}
		ps := l.pairs("f.yaml", n.Content[0], "m")
		want := fmt.Sprintf(`f.yaml:%d:1: m: key "k1" is defined twice (first at line 2)`, size+1)
		if len(l.errs) != 1 || l.errs[0].Error() != want {
			t.Errorf("%d keys: errors %v, want %s", size, l.errs, want)
		}
		if len(ps) != size || ps[size-1].key != fmt.Sprintf("k%d", size-1) {
			t.Errorf("%d keys: %d pairs", size, len(ps))
		}
	}
}

// TestDecodeStrings: a list of plain strings decodes as each item's value;
// a list with anything else in it is decoded item by item, with errors.
func TestDecodeStrings(t *testing.T) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte("a: [x, 'y z', 3]\nb: []\nc: [x, ~]\n"), &n); err != nil {
		t.Fatal(err)
	}
	m := n.Content[0].Content
	l := &loader{}
	var a, b, c []string
	l.decodeValue("f.yaml", m[1], &a, "a")
	l.decodeValue("f.yaml", m[3], &b, "b")
	l.decodeValue("f.yaml", m[5], &c, "c")
	if !reflect.DeepEqual(a, []string{"x", "y z", "3"}) || b == nil || len(b) != 0 {
		t.Errorf("a = %q, b = %#v", a, b)
	}
	if len(l.errs) != 1 || !strings.Contains(l.errs[0].Error(), "c[1]: want a string") {
		t.Errorf("errors %v, want one at c[1]", l.errs)
	}
	if l.visits != 4+1+3 {
		t.Errorf("%d visits, want 8", l.visits)
	}
}
