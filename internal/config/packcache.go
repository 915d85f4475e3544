package config

import (
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/rules"
)

// The embedded rule packs are loaded on every run, and YAML parsing was most
// of the start-up cost of a pre-commit run on one draft. packcache_gen.go
// holds the parsed node tree of each pack as Go data, next to the exact
// bytes it was parsed from: the compiler lays the nodes out in the binary,
// so that a pack whose bytes are unchanged costs neither parsing, nor
// decoding, nor a heap allocation. Any other pack is parsed as before: a
// stale cache costs speed, never correctness. Regenerate it with
// `go generate ./config`; TestPackCacheFresh fails in CI when it is stale.
//
// Compiling the packs' phrase lists into matchers was most of what was
// left. matchercache_gen.go, generated with packcache_gen.go, holds the
// matchers that loading the embedded packs alone compiles, frozen
// (phrase.Freeze): phrase.Compile returns one of them for a list of entries
// equal to the one it was compiled from, and compiles any other list, such
// as one a user's config changed, as before. A stale matcher cache costs
// speed too, never correctness, as long as the tokenizer and the phrase
// compiler give what they gave when it was generated: TestPackCacheFresh
// fails, in CI or not, when they do not.
//
// The cached trees are shared by every load: the loader only reads nodes
// (deref copies an alias's target before changing its position).
//
//go:generate go test -run ^TestPackCacheFresh$ -write-pack-cache .

// A cachedTree is one pack's node tree and the bytes it is the parse of.
type cachedTree struct {
	name, src string
	doc       *yaml.Node
}

// A cachedNode is what decoding reads of one node of the cached trees,
// ready: the items of a list of plain strings, or the keys of a mapping.
// Decoding a list of strings as a []string copies values rather than
// visiting the items' nodes, which, laid out by the compiler, are
// scattered over memory that a fresh process must fault in; a mapping's
// keys are pairs ready-made, rather than built anew by every load.
type cachedNode struct {
	node *yaml.Node
	// values are the items of a list of plain strings (scalars, none
	// null); nil for any other node.
	values []string
	// pairs are what (*loader).pairs gives for a mapping whose keys are
	// strings, none twice, no merge key (<<), in a file of the pack's
	// name; nil for any other node.
	pairs []pair
	// examples are what decode gives for a list of a rule's examples
	// (mappings with a text) in file, visiting exampleVisits nodes; nil
	// for any other node.
	examples      []rules.Example
	exampleVisits int
	file          string
}

// cachedNodes indexes packNodes by node, on first use.
var cachedNodes = sync.OnceValue(func() map[*yaml.Node]*cachedNode {
	m := make(map[*yaml.Node]*cachedNode, len(packNodes))
	for i := range packNodes {
		m[packNodes[i].node] = &packNodes[i]
	}
	return m
})

// cachedStringList returns the items of n, a node of a cached tree that is
// a list of plain strings (scalars, none null); ok is false for any other
// node.
func cachedStringList(n *yaml.Node) (values []string, ok bool) {
	if c := cachedNodes()[n]; c != nil && c.values != nil {
		return c.values, true
	}
	return nil, false
}

// cachedPairs returns the pairs of mapping n, a node of a cached tree in
// file; ok is false when the cache holds none for it.
func cachedPairs(file string, n *yaml.Node) (pairs []pair, ok bool) {
	if c := cachedNodes()[n]; c != nil && c.pairs != nil && c.pairs[0].file == file {
		return c.pairs, true
	}
	return nil, false
}

// cachedExamples returns what decode gives for n, a list of examples of
// a cached tree in file, and the nodes it visits; ok is false when the
// cache holds none for it.
func cachedExamples(file string, n *yaml.Node) (examples []rules.Example, visits int, ok bool) {
	if c := cachedNodes()[n]; c != nil && c.examples != nil && c.file == file {
		return c.examples, c.exampleVisits, true
	}
	return nil, 0, false
}

// cachedPack returns the node tree of the pack named name when the cache
// holds it for exactly these bytes, else nil.
func cachedPack(name string, data []byte) *yaml.Node {
	for _, t := range packTrees {
		if t.name == name && t.src == string(data) {
			return t.doc
		}
	}
	return nil
}

// useCachedMatchers makes phrase.Compile return the frozen matchers of
// matchercache_gen.go.
func useCachedMatchers() { phrase.UseFrozen(&frozenMatchers) }
