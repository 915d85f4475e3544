package config

import (
	"regexp"
	"testing"
)

// TestValidRuleID: the hand-written check accepts exactly what the rule id
// pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ matches.
func TestValidRuleID(t *testing.T) {
	re := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	ids := []string{
		"", "a", "z9", "9a", "-a", "a-", "a--b", "a-b", "a-b-c", "anonymous-source",
		"a-1", "a-1b-2", "A", "aB", "a_b", "a b", "a-\n", "a\n", "é", "a-é", "ab-", "a-b-",
	}
	// Every string of up to four characters over a small alphabet.
	alphabet := []byte{'a', 'z', '0', '9', '-', 'A', '_', '\n'}
	var grow func(prefix []byte, n int)
	grow = func(prefix []byte, n int) {
		ids = append(ids, string(prefix))
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(append(prefix, c), n-1)
		}
	}
	grow(nil, 4)
	for _, id := range ids {
		if got, want := validRuleID(id), re.MatchString(id); got != want {
			t.Errorf("validRuleID(%q) = %v, want %v", id, got, want)
		}
	}
}
