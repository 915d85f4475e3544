package lint

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"

	"github.com/attrlint/attrlint/internal/config"
)

// VersionSeries groups the inputs that the config's `versions` patterns
// name as versions of one story, each group sorted by version (numerically
// when the versions are numbers, v2 before v10).
//
// A story with a named input (a file given on the command line or matched
// by a glob, not found by walking a directory) is completed from disk: the
// other versions of that story older than its newest named input are read
// too, found as a directory walk finds files (files.include and
// files.exclude apply, hidden directories are skipped), so that the
// cross-version rules see them. They are read only to compare with: they
// are not linted, and findings in them are dropped (VersionInput.ReadFor).
// A pre-commit run, which names only the staged drafts, thus compares a
// staged port.v2.md with port.v1.md as committed.
//
// wd is the directory relative paths are shown from (the working
// directory). Groups of one file are left out. The errors are those of the
// walks for the other versions.
func VersionSeries(cfg *config.Config, inputs []Input, f Filter, wd string) ([][]VersionInput, []error) {
	type member struct {
		VersionInput
		version string
		named   bool
	}
	type group struct {
		pattern int
		story   string
		members []member
	}
	groups := map[string]*group{}
	var keys []string
	// find returns the pattern and story of the file at path, if any.
	find := func(path string) (int, string, string, bool) {
		rel, _ := cfg.Rel(path)
		for i, v := range cfg.Versions {
			if story, version, ok := v.Find(rel); ok {
				return i, story, version, true
			}
		}
		return 0, "", "", false
	}
	for _, in := range inputs {
		if in.Stdin {
			continue
		}
		i, story, version, ok := find(in.File)
		if !ok {
			continue
		}
		key := strconv.Itoa(i) + "\x00" + story
		g := groups[key]
		if g == nil {
			g = &group{pattern: i, story: story}
			groups[key] = g
			keys = append(keys, key)
		}
		g.members = append(g.members, member{VersionInput{Input: in}, version, !in.Walked})
	}
	sort.Strings(keys)

	// The other versions on disk of the stories with a named input: one
	// walk per pattern, under the directory its path must start with.
	var errs []error
	walked := map[int][]Input{}
	for _, k := range keys {
		g := groups[k]
		named := false
		for _, m := range g.members {
			named = named || m.named
		}
		if !named {
			continue
		}
		found, ok := walked[g.pattern]
		if !ok {
			var werrs []error
			found, werrs = walk(versionRoot(cfg, g.pattern, wd), f)
			errs = append(errs, werrs...)
			walked[g.pattern] = found
		}
		// newest is the newest named version: only older ones matter,
		// since a version is compared with those before it.
		var newest member
		have := map[string]bool{}
		for _, m := range g.members {
			if m.named && (newest.File == "" || versionLess(newest.version, m.version)) {
				newest = m
			}
			have[absOf(m.File)] = true
		}
		for _, in := range found {
			i, story, version, ok := find(in.File)
			if !ok || i != g.pattern || story != g.story || !versionLess(version, newest.version) || have[absOf(in.File)] {
				continue
			}
			in.Explicit = true // a version that cannot be read is an error, never skipped without a word
			g.members = append(g.members, member{VersionInput{Input: in, ReadFor: newest.Path}, version, false})
		}
	}

	var out [][]VersionInput
	for _, k := range keys {
		ms := groups[k].members
		if len(ms) < 2 {
			continue
		}
		sort.SliceStable(ms, func(i, j int) bool { return versionLess(ms[i].version, ms[j].version) })
		s := make([]VersionInput, len(ms))
		for i, m := range ms {
			s[i] = m.VersionInput
		}
		out = append(out, s)
	}
	return out, errs
}

// versionLess orders versions numerically when both are numbers ("2" before
// "10"), else as strings.
func versionLess(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	if errA == nil && errB == nil {
		return x < y
	}
	return a < b
}

func absOf(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// versionRoot is the directory to walk for the files that `versions`
// pattern i can match: the config's directory, or the directory a pattern
// anchored with ^ spells out literally ("^drafts/(?P<story>..." walks
// drafts). It is relative to wd when it lies under it, so that the paths
// found read as the user's own.
func versionRoot(cfg *config.Config, i int, wd string) string {
	root := cfg.Dir
	if p := literalDir(cfg.Versions[i].Match.String()); p != "" {
		if r := filepath.Join(cfg.Dir, filepath.FromSlash(p)); strings.HasPrefix(r, cfg.Dir) {
			if info, err := os.Stat(r); err == nil && info.IsDir() {
				root = r
			}
		}
	}
	if wd != "" {
		if r, err := filepath.Rel(wd, root); err == nil && !filepath.IsAbs(r) {
			return r
		}
	}
	return root
}

// literalDir returns the directories that every match of the regexp src
// starts with, when it is anchored at the start: "drafts" for
// "^drafts/(?P<story>.+)\.v(?P<version>\d+)\.md$", "" when there is none.
func literalDir(src string) string {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return ""
	}
	re = re.Simplify()
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	if len(subs) == 0 || subs[0].Op != syntax.OpBeginText {
		return ""
	}
	var b strings.Builder
	for _, r := range subs[1:] {
		if r.Op != syntax.OpLiteral || r.Flags&syntax.FoldCase != 0 {
			break
		}
		b.WriteString(string(r.Rune))
	}
	p := b.String()
	i := strings.LastIndexByte(p, '/')
	if i < 0 || strings.Contains(p[:i], "..") {
		return ""
	}
	return p[:i]
}

// readForError explains an error of a version read only to compare with.
func readForError(v VersionInput, err error) error {
	var ie *InputError
	if errors.As(err, &ie) {
		return &InputError{Path: ie.Path, Err: fmt.Errorf("%w (an earlier version of %s, read to compare it with)", ie.Err, v.ReadFor)}
	}
	return err
}
