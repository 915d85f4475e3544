package config

import (
	"fmt"
	"sort"
	"strings"
)

// An Error is one problem in a config file or an embedded rule pack, at the
// position of the YAML node it is about.
type Error struct {
	// File is the config file's path as given to Load or Parse, or the
	// pack's name ("rules/sourcing/sourcing.yaml") for an error in an embedded pack.
	File string
	// Line and Col are 1-based; Col counts characters as the YAML parser
	// does. Line is 0 when the problem concerns the whole file.
	Line, Col int
	Msg       string
}

// Error formats the error as FILE:LINE:COL: message, or FILE: message when
// the error has no position.
func (e *Error) Error() string {
	if e.Line <= 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList is every problem found in one load, sorted by file and position.
// Load and Parse return one (as an error) when anything is wrong, so that a
// user fixes a config in one round rather than one error per run.
type ErrorList []*Error

// Error joins the errors, one per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// sort orders the list by file, line and column, keeping the order in which
// errors were found for errors at the same position.
func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Suggest returns the candidate closest to word when it is close enough to
// be a plausible typo, else "": the "did you mean" of every message that
// names an unknown key, rule, kind or command.
func Suggest(word string, candidates []string) string {
	lw := strings.ToLower(word)
	best, bestD := "", -1
	for _, c := range candidates {
		d := editDistance(lw, strings.ToLower(c))
		if bestD < 0 || d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return ""
	}
	// Allow about one edit per three characters, at least one and at
	// most three; a candidate that starts with what was typed ("warn" for
	// "warning") also counts.
	limit := min(max(len([]rune(lw))/3, 1), 3)
	if bestD <= limit {
		return best
	}
	if len(lw) >= 3 {
		for _, c := range candidates {
			if strings.HasPrefix(strings.ToLower(c), lw) {
				return c
			}
		}
	}
	return ""
}

// didYouMean formats a suggestion for word among candidates as
// `; did you mean "x"?`, or "" when nothing is close.
func didYouMean(word string, candidates []string) string {
	if s := Suggest(word, candidates); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

// editDistance is the optimal-string-alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent
// characters each cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n, m := len(ra), len(rb)
	// Three rolling rows: i-2, i-1, i.
	prev2 := make([]int, m+1)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		for j := 1; j <= m; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m]
}
