package config

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/all"
)

var writePackCache = flag.Bool("write-pack-cache", false, "rewrite packcache_gen.go from the embedded packs (go generate ./config)")

const packCacheFile = "packcache_gen.go"

// TestPackCacheIsTheParse: a pack read from the cache is the node tree the
// YAML parser gives, field for field, for every embedded pack the cache
// holds (TestPackCacheFresh tells which it does not).
func TestPackCacheIsTheParse(t *testing.T) {
	for _, pk := range all.Set.Packs {
		got := cachedPack(pk.Name, pk.Data)
		if got == nil {
			continue
		}
		l := &loader{}
		if want := l.parseDocument(pk.Name, pk.Data); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the cached node tree differs from the parsed one", pk.Name)
		}
		edited := append(append([]byte(nil), pk.Data...), "\n# edited\n"...)
		if err := checkStringLists(pk.Name, got); err != nil {
			t.Errorf("%s: %v", pk.Name, err)
		}
		if cachedPack(pk.Name, edited) != nil {
			t.Errorf("%s: the cache answered for bytes it does not hold", pk.Name)
		}
		if cachedPack("rules/other.yaml", pk.Data) != nil {
			t.Errorf("%s: the cache answered for another pack's name", pk.Name)
		}
	}
}

// checkStringLists checks that the lists of the tree rooted at n that the
// cache holds the items of are exactly those of its plain string lists,
// with their items, and that the mappings it holds the pairs of are those
// whose pairs it may hold, with their pairs.
func checkStringLists(file string, n *yaml.Node) error {
	values, plain := plainItems(n)
	cached, ok := cachedStringList(n)
	switch {
	case plain != ok:
		return fmt.Errorf("line %d: a list of plain strings %v, in the cache %v", n.Line, plain, ok)
	case ok && !slices.Equal(values, cached):
		return fmt.Errorf("line %d: the cache holds %q for the items %q", n.Line, cached, values)
	}
	ps, plain := plainPairs(file, n)
	cachedPs, ok := cachedPairs(file, n)
	switch {
	case plain != ok:
		return fmt.Errorf("line %d: a mapping of plain keys %v, in the cache %v", n.Line, plain, ok)
	case ok && !slices.Equal(ps, cachedPs):
		return fmt.Errorf("line %d: the cache holds other pairs than the mapping's", n.Line)
	}
	if _, ok := cachedPairs("rules/other.yaml", n); ok {
		return fmt.Errorf("line %d: the cache answered for another file's mapping", n.Line)
	}
	ex, visits, plain := plainExamples(file, n)
	cachedEx, cachedVisits, ok := cachedExamples(file, n)
	switch {
	case plain != ok:
		return fmt.Errorf("line %d: a list of examples %v, in the cache %v", n.Line, plain, ok)
	case ok && (!slices.Equal(ex, cachedEx) || visits != cachedVisits):
		return fmt.Errorf("line %d: the cache holds other examples than the list's (%d visits, cached %d)", n.Line, visits, cachedVisits)
	}
	if _, _, ok := cachedExamples("rules/other.yaml", n); ok {
		return fmt.Errorf("line %d: the cache answered for another file's examples", n.Line)
	}
	for _, c := range n.Content {
		if err := checkStringLists(file, c); err != nil {
			return err
		}
	}
	return nil
}

// TestPackCacheGenerated: what the generator writes for the packs as they
// are is Go source, and it refuses a tree it cannot hold.
func TestPackCacheGenerated(t *testing.T) {
	src, err := generatePackCache(all.Set.Packs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(src, []byte("DO NOT EDIT")) || !bytes.Contains(src, []byte("var packTrees = []cachedTree{")) {
		t.Errorf("generated cache lacks its header or its table:\n%.300s", src)
	}
	alias := []rules.Pack{{Name: "rules/alias.yaml", Data: []byte("a: &x [1]\nb: *x\n")}}
	if _, err := generatePackCache(alias); err == nil {
		t.Error("a pack with an alias was cached")
	}
}

// TestPackCacheFresh: the committed packcache_gen.go holds every embedded
// pack as it is now, and matchercache_gen.go every matcher that loading
// them compiles. A stale cache only costs start-up time, so outside CI it
// is reported and skipped; with CI=true it fails. A frozen matcher that is
// not what compiling its entries gives now would change what a run finds:
// that fails everywhere. `go generate ./config` rewrites both files.
func TestPackCacheFresh(t *testing.T) {
	pks := all.Set.Packs
	if *writePackCache {
		src, err := generatePackCache(pks)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(packCacheFile, src, 0o644); err != nil {
			t.Fatal(err)
		}
		if src, err = generateMatcherCache(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(matcherCacheFile, src, 0o644); err != nil {
			t.Fatal(err)
		}
		return // this binary still holds the old caches; the next build holds the new
	}
	if err := frozenMatchers.Check(); err != nil {
		t.Fatalf("%s: %v: run go generate ./config", matcherCacheFile, err)
	}
	var stale []string
	for _, pk := range pks {
		if len(bytes.TrimSpace(pk.Data)) > 0 && cachedPack(pk.Name, pk.Data) == nil {
			stale = append(stale, pk.Name)
		}
	}
	lists, err := defaultMatcherLists()
	if err != nil {
		t.Fatal(err)
	}
	missing, unused := 0, 0
	for _, es := range lists {
		if !slices.ContainsFunc(frozenMatchers.Matchers, func(f phrase.Frozen) bool { return slices.Equal(f.Entries, es) }) {
			missing++
		}
	}
	for _, f := range frozenMatchers.Matchers {
		if !slices.ContainsFunc(lists, func(es []phrase.Entry) bool { return slices.Equal(f.Entries, es) }) {
			unused++
		}
	}
	if missing > 0 || unused > 0 {
		stale = append(stale, fmt.Sprintf("%s (%d matchers missing, %d unused)", matcherCacheFile, missing, unused))
	}
	if len(stale) == 0 {
		return
	}
	msg := "the pack caches are stale for %v: start-up parses and compiles them; run go generate ./config"
	if os.Getenv("CI") == "true" {
		t.Fatalf(msg, stale)
	}
	t.Skipf(msg, stale)
}

const matcherCacheFile = "matchercache_gen.go"

// defaultMatcherLists returns the entries of every matcher that loading
// the embedded packs alone compiles.
func defaultMatcherLists() ([][]phrase.Entry, error) {
	var err error
	lists := phrase.Record(func() { _, err = Default(all.Set) })
	return lists, err
}

// generateMatcherCache writes matchercache_gen.go: the matchers of
// defaultMatcherLists, frozen.
func generateMatcherCache() ([]byte, error) {
	lists, err := defaultMatcherLists()
	if err != nil {
		return nil, err
	}
	set, err := phrase.Freeze(lists)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString("// Code generated by `go generate ./config` from the embedded rule packs; DO NOT EDIT.\n\n")
	out.WriteString("package config\n\nimport \"github.com/attrlint/attrlint/internal/phrase\"\n\n")
	out.WriteString("// frozenMatchers are the matchers the embedded packs compile (see packcache.go).\n")
	out.WriteString("var frozenMatchers = ")
	if err := set.WriteGo(&out); err != nil {
		return nil, err
	}
	out.WriteString("\n")
	return format.Source(out.Bytes())
}

var yamlKindNames = map[yaml.Kind]string{
	yaml.DocumentNode: "yaml.DocumentNode",
	yaml.SequenceNode: "yaml.SequenceNode",
	yaml.MappingNode:  "yaml.MappingNode",
	yaml.ScalarNode:   "yaml.ScalarNode",
}

// generatePackCache parses every pack and writes packcache_gen.go: each
// node a package-level yaml.Node whose Content points at its children's,
// which the compiler initializes statically.
func generatePackCache(pks []rules.Pack) ([]byte, error) {
	var table, nodes, lists bytes.Buffer
	for i, pk := range pks {
		l := &loader{}
		doc := l.parseDocument(pk.Name, pk.Data)
		if len(l.errs) > 0 {
			return nil, l.finish()
		}
		if doc == nil {
			continue // an empty pack: parsed as before (to nothing)
		}
		count := 0
		var node func(n *yaml.Node) (string, error)
		node = func(n *yaml.Node) (string, error) {
			kind, ok := yamlKindNames[n.Kind]
			if !ok || n.Alias != nil {
				return "", errors.New("the pack cache does not hold YAML aliases; parse such a pack instead")
			}
			name := fmt.Sprintf("pack%dNode%d", i, count)
			count++
			fields := []string{"Kind: " + kind}
			if n.Style != 0 {
				fields = append(fields, fmt.Sprintf("Style: %d", n.Style))
			}
			for _, f := range []struct{ key, v string }{
				{"Tag", n.Tag}, {"Value", n.Value}, {"Anchor", n.Anchor},
				{"HeadComment", n.HeadComment}, {"LineComment", n.LineComment}, {"FootComment", n.FootComment},
			} {
				if f.v != "" {
					fields = append(fields, f.key+": "+strconv.Quote(f.v))
				}
			}
			fields = append(fields, fmt.Sprintf("Line: %d", n.Line), fmt.Sprintf("Column: %d", n.Column))
			var kids []string
			if len(n.Content) > 0 {
				kids = make([]string, len(n.Content))
				for j, c := range n.Content {
					k, err := node(c)
					if err != nil {
						return "", err
					}
					kids[j] = "&" + k
				}
				fields = append(fields, "Content: []*yaml.Node{"+strings.Join(kids, ", ")+"}")
			}
			fmt.Fprintf(&nodes, "\t%s = yaml.Node{%s}\n", name, strings.Join(fields, ", "))
			if values, ok := plainItems(n); ok {
				fmt.Fprintf(&lists, "\t{node: &%s, values: []string{", name)
				for j, v := range values {
					if j > 0 {
						lists.WriteString(", ")
					}
					lists.WriteString(strconv.Quote(v))
				}
				lists.WriteString("}},\n")
			}
			if ex, visits, ok := plainExamples(pk.Name, n); ok {
				fmt.Fprintf(&lists, "\t{node: &%s, file: %q, exampleVisits: %d, examples: []rules.Example{\n", name, pk.Name, visits)
				for _, e := range ex {
					fmt.Fprintf(&lists, "\t\t{Text: %s, Flagged: %t, Note: %s},\n", strconv.Quote(e.Text), e.Flagged, strconv.Quote(e.Note))
				}
				lists.WriteString("\t}},\n")
			}
			if ps, ok := plainPairs(pk.Name, n); ok {
				fmt.Fprintf(&lists, "\t{node: &%s, pairs: []pair{\n", name)
				for j, p := range ps {
					fmt.Fprintf(&lists, "\t\t{key: %s, k: %s, v: %s, file: %q},\n", strconv.Quote(p.key), kids[2*j], kids[2*j+1], pk.Name)
				}
				lists.WriteString("\t}},\n")
			}
			return name, nil
		}
		root, err := node(doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", pk.Name, err)
		}
		fmt.Fprintf(&table, "\t{name: %q, doc: &%s,\n\t\tsrc: %s},\n", pk.Name, root, strconv.Quote(string(pk.Data)))
	}
	var out bytes.Buffer
	out.WriteString("// Code generated by `go generate ./config` from the embedded rule packs; DO NOT EDIT.\n\n")
	out.WriteString("package config\n\nimport (\n\t\"go.yaml.in/yaml/v3\"\n\n\t\"github.com/attrlint/attrlint/rules\"\n)\n\n")
	out.WriteString("// packTrees are the parsed embedded packs (see packcache.go).\n")
	out.WriteString("var packTrees = []cachedTree{\n")
	out.Write(table.Bytes())
	out.WriteString("}\n\n")
	out.WriteString("// packNodes are the items of the packs' lists of plain strings and the\n")
	out.WriteString("// keys of their mappings (see packcache.go).\n")
	out.WriteString("var packNodes = []cachedNode{\n")
	out.Write(lists.Bytes())
	out.WriteString("}\n\nvar (\n")
	out.Write(nodes.Bytes())
	out.WriteString(")\n")
	return format.Source(out.Bytes())
}

// plainExamples returns what decode gives for n, and the nodes it visits,
// when n is a non-empty list of a rule's examples, mappings with a text,
// that decodes without an error.
func plainExamples(file string, n *yaml.Node) ([]rules.Example, int, bool) {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return nil, 0, false
	}
	for _, item := range n.Content {
		if item.Kind != yaml.MappingNode || !slices.ContainsFunc(item.Content, func(k *yaml.Node) bool { return k.Value == "text" }) {
			return nil, 0, false
		}
	}
	l := &loader{}
	var ex []rules.Example
	if !l.decodeValue(file, n, &ex, "examples") || len(l.errs) > 0 {
		return nil, 0, false
	}
	return ex, l.visits, true
}

// plainPairs returns what pairs gives for n when it is a non-empty mapping
// whose pairs the cache may hold: the pairs of its keys, in order, found
// without an error, visiting each key once (no merge key).
func plainPairs(file string, n *yaml.Node) ([]pair, bool) {
	if n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return nil, false
	}
	l := &loader{}
	m := *n // not a cached node: pairs finds its pairs itself
	ps := l.pairs(file, &m, "")
	if len(l.errs) > 0 || l.visits != len(n.Content)/2 || len(ps) != len(n.Content)/2 {
		return nil, false
	}
	for j, p := range ps {
		if p.k != n.Content[2*j] || p.v != n.Content[2*j+1] || p.file != file {
			return nil, false
		}
	}
	return ps, true
}

// plainItems returns the values of the items of n when it is a non-empty
// list of plain strings, as decode reads them: scalars, none null.
func plainItems(n *yaml.Node) ([]string, bool) {
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return nil, false
	}
	out := make([]string, len(n.Content))
	for i, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			return nil, false
		}
		out[i] = item.Value
	}
	return out, true
}
