package phrase

import "sync"

// CheckOnFailure runs compile without checking each phrase on its own
// first: Compile splits every phrase again, so checking them all
// beforehand doubles the cost of compiling the embedded packs, which every
// run pays. Only when that fails does it run compile again with the
// checks, so that the error is the one they find first, as it always was.
// compile must have no side effects.
func CheckOnFailure[T any](compile func(check bool) (T, error)) (T, error) {
	if v, err := compile(false); err == nil {
		return v, nil
	}
	return compile(true)
}

// CheckIf is Check when check is set.
func CheckIf(check bool, s string) error {
	if !check {
		return nil
	}
	return Check(s)
}

// entryBufs pools the lists of entries the settings compilers build for
// Compile, which keeps none of them: most are the embedded packs' lists,
// which Compile only compares with the frozen matchers', and a load
// compiles several, one after the other.
var entryBufs sync.Pool // *[]Entry

// GetEntries returns an empty list of entries with room for n.
func GetEntries(n int) *[]Entry {
	b, _ := entryBufs.Get().(*[]Entry)
	if b == nil {
		b = new([]Entry)
	}
	if cap(*b) < n {
		*b = make([]Entry, 0, n)
	}
	*b = (*b)[:0]
	return b
}

// PutEntries returns entries, got from GetEntries as b and appended to, to
// the pool.
func PutEntries(b *[]Entry, entries []Entry) {
	*b = entries[:0]
	entryBufs.Put(b)
}
