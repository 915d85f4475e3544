package rules

import (
	"fmt"
	"hash/crc32"

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

// PackHash returns a hash of the packs' names and texts: their length and
// two CRC-32s (Castagnoli and IEEE), which the CPU computes (SSE 4.2 and
// CLMUL, or ARMv8's CRC32), where a SHA-256 cost as much as compiling
// the packs' phrases on a CPU without SHA extensions. It tells an edited
// pack from the one the defaults were decoded from; it is no defence
// against a pack made to collide, which would be in attrlint's own source
// (and TestDefaultsFresh compares the decoded values themselves).
func PackHash(packs []Pack) string {
	var c, e uint32
	n := 0
	for _, p := range packs {
		for _, b := range [][]byte{[]byte(p.Name), {0}, p.Data, {0}} {
			c = crc32.Update(c, castagnoli, b)
			e = crc32.Update(e, crc32.IEEETable, b)
			n += len(b)
		}
	}
	return fmt.Sprintf("%d-%08x-%08x", n, c, e)
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)
