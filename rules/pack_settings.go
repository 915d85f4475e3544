package rules

import (
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/internal/phrase"
)

// packSettings returns a function that compiles, once, the settings of the
// extraction analyzer name from the `analyzers:` section of the embedded
// pack file, decoded as S: what an analyzer uses when the driver passed it none (a pass
// built by hand in a test or a benchmark).
func packSettings[S, C any](file, name string, compile func(opts any) (C, error)) func() (C, error) {
	return sync.OnceValues(func() (C, error) {
		var zero C
		data, err := packFS.ReadFile(file)
		if err != nil {
			return zero, fmt.Errorf("%s: the embedded pack is missing: %w", name, err)
		}
		var pack struct {
			Analyzers map[string]yaml.Node `yaml:"analyzers"`
		}
		if err := yaml.Unmarshal(data, &pack); err != nil {
			return zero, fmt.Errorf("%s: rules/%s: %w", name, file, err)
		}
		node, ok := pack.Analyzers[name]
		if !ok {
			return zero, fmt.Errorf("%s: rules/%s has no analyzers.%s section", name, file, name)
		}
		var s S
		if err := node.Decode(&s); err != nil {
			return zero, fmt.Errorf("%s: rules/%s: %w", name, file, err)
		}
		return compile(&s)
	})
}

// checkOnFailure runs compile without checking each phrase on its own
// first: phrase.Compile splits every phrase again, so checking them all
// beforehand doubles the cost of compiling the embedded packs, which every
// run pays. Only when that fails does it run compile again with the
// checks, so that the error is the one they find first, as it always was.
// compile must have no side effects.
func checkOnFailure[T any](compile func(check bool) (T, error)) (T, error) {
	if v, err := compile(false); err == nil {
		return v, nil
	}
	return compile(true)
}

// checkPhrase is phrase.Check when check is set.
func checkPhrase(check bool, s string) error {
	if !check {
		return nil
	}
	return phrase.Check(s)
}

// entryBufs pools the lists of phrase entries the settings compilers build
// for phrase.Compile, which keeps none of them: most are the embedded
// packs' lists, which Compile only compares with the frozen matchers', and
// a load compiles several, one after the other.
var entryBufs sync.Pool // *[]phrase.Entry

// getEntries returns an empty list of entries with room for n.
func getEntries(n int) *[]phrase.Entry {
	b, _ := entryBufs.Get().(*[]phrase.Entry)
	if b == nil {
		b = new([]phrase.Entry)
	}
	if cap(*b) < n {
		*b = make([]phrase.Entry, 0, n)
	}
	*b = (*b)[:0]
	return b
}

// putEntries returns entries, got from getEntries as b and appended to, to
// the pool.
func putEntries(b *[]phrase.Entry, entries []phrase.Entry) {
	*b = entries[:0]
	entryBufs.Put(b)
}
