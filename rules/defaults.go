package rules

import (
	"encoding/binary"
	"math/bits"
	"strconv"

	"github.com/attrlint/attrlint/analysis"
)

// Defaults are the embedded packs decoded: what the config loader reads
// from them before any kind compiles its options, as Go data, so that a
// run need not parse the packs' YAML. rules/all's defaults_gen.go holds
// attrlint's own, written by `go generate ./rules/all`. The loader uses
// them only while Hash is PackHash of the set's packs: stale defaults cost
// speed, never correctness.
type Defaults struct {
	// Hash is PackHash of the packs they were decoded from.
	Hash string
	// Rules are the packs' rules, sorted by id.
	Rules []DecodedRule
	// Settings are the extractors' settings the packs give, sorted by
	// analyzer name.
	Settings []DecodedSettings
}

// A DecodedRule is a rule of a pack as the loader decodes it.
type DecodedRule struct {
	ID string
	// Kind names the rule's kind.
	Kind string
	// Source is the pack's name.
	Source   string
	Severity analysis.Severity
	Message  string
	Summary  string
	Doc      string
	Examples []Example
	// Options is a pointer to the kind's options struct (Kind.NewOptions),
	// decoded, not compiled.
	Options any
}

// DecodedSettings are one extractor's settings as the loader decodes
// them from the packs' `analyzers:` sections.
type DecodedSettings struct {
	// Analyzer names the extractor's analyzer.
	Analyzer string
	// Settings is a pointer to its settings struct
	// (Extractor.NewOptions), decoded, not compiled.
	Settings any
}

// PackHash returns a hash of the packs' names and texts, 64 bits, in hex.
// It tells an edited pack from the one the defaults were decoded from, for
// a few instructions per 8 bytes and no tables to set up at start-up
// (hash/crc32's cost more than the packs' texts); it is no defence against
// a pack made to collide, which would be in attrlint's own source, and
// TestDefaultsFresh compares the decoded values themselves.
func PackHash(packs []Pack) string {
	h := uint64(len(packs))
	for _, p := range packs {
		h = mixBytes(h, []byte(p.Name))
		h = mixBytes(h, p.Data)
	}
	return strconv.FormatUint(h, 16)
}

// mixBytes mixes b, and its length, into h, 8 bytes a step. Each step is
// a bijection of h for a given word, so changing any one word of b
// changes the result.
func mixBytes(h uint64, b []byte) uint64 {
	const k = 0x9e3779b97f4a7c15 // odd
	h = bits.RotateLeft64((h^uint64(len(b)))*k, 31)
	for ; len(b) >= 8; b = b[8:] {
		h = bits.RotateLeft64((h^binary.LittleEndian.Uint64(b))*k, 31)
	}
	var tail [8]byte
	copy(tail[:], b)
	return bits.RotateLeft64((h^binary.LittleEndian.Uint64(tail[:]))*k, 31)
}
