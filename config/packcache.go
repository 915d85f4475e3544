package config

import (
	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/phrase"
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
