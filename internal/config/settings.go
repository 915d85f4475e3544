package config

import (
	"fmt"
	"math"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/analysis"
)

// topKeys are the keys a config file accepts at its top level.
var topKeys = []string{"version", "files", "fail-level", "format", "color", "jobs", "max-file-size", "baseline", "analyzers", "rules", "overrides", "versions"}

// load fills c from the packs and the user's file; errors go to l.errs.
func (l *loader) load(c *Config, file string, data []byte) {
	var set *ruleSet
	if d := l.useDefaults(); d != nil {
		set = l.decodedPacks(d)
	} else {
		set = l.loadPacks()
	}
	var top map[string]pair
	if doc := l.parseDocument(file, data); doc != nil {
		if root := l.mapping(file, doc, "", "a mapping of settings (version, files, rules, ...)"); root != nil {
			top = map[string]pair{}
			for _, p := range l.checkKeys(l.pairs(file, root, ""), topKeys, "") {
				top[p.key] = p
			}
		}
	}
	// Settings first, then rules, then what refers to rules.
	for _, key := range topKeys {
		p, ok := top[key]
		if !ok || l.over {
			continue
		}
		switch key {
		case "version":
			l.version(p)
		case "files":
			l.files(c, p)
		case "fail-level":
			if s, n, ok := l.scalarString(p.file, p.v, key); ok {
				lv, err := ParseFailLevel(s)
				if err != nil {
					l.errorf(p.file, n, "%s: %v%s", key, err, didYouMean(s, []string{"error", "warning", "info", "none"}))
				}
				c.FailLevel = lv
			}
		case "format":
			c.Format = l.enum(p, Formats, c.Format)
		case "color":
			c.Color = l.enum(p, ColorModes, c.Color)
		case "jobs":
			var j int
			if l.decodeInto(p, &j) {
				if j < 0 {
					l.errorf(p.file, l.deref(p.file, p.v), "jobs: want 0 (one worker per CPU) or more, got %d", j)
				} else if j > 0 {
					c.Jobs = j
				}
			}
		case "max-file-size":
			if n := l.deref(p.file, p.v); n != nil {
				size, err := ParseSize(n.Value)
				if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
					l.wantErr(p.file, n, key, `a size such as "10M", "512K" or a number of bytes`)
				} else if err != nil {
					l.errorf(p.file, n, "%s: %v", key, err)
				} else {
					c.MaxFileSize = size
				}
			}
		case "baseline":
			if s, _, ok := l.scalarString(p.file, p.v, key); ok && s != "" {
				c.Baseline = s
				if !filepath.IsAbs(s) {
					c.Baseline = filepath.Join(c.Dir, filepath.FromSlash(s))
				}
			}
		case "analyzers":
			l.analyzersSection(set.extractors, p)
		case "rules":
			l.userRules(set, p)
		case "versions":
			c.Versions = l.versions(p)
		}
	}
	if l.over {
		return
	}
	// Overrides compile variants of rules whose own keys are known good.
	c.Rules = set.compileAll(l)
	c.Settings = l.compileExtractors(set.extractors, file)
	if p, ok := top["overrides"]; ok && !l.over {
		c.Overrides = l.overrides(set, p)
	}
	if len(l.errs) == 0 {
		l.link(c, file)
	}
}

func (l *loader) decodeInto(p pair, ptr any) bool {
	return l.decodeValue(p.file, p.v, ptr, p.key)
}

func (l *loader) version(p pair) {
	n := l.deref(p.file, p.v)
	if n == nil {
		return
	}
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Value != "1" {
		l.errorf(p.file, n, "version: want 1 (the only config version this attrlint reads), got %s", describeNode(n))
	}
}

// enum reads a string setting that must be one of values.
func (l *loader) enum(p pair, values []string, old string) string {
	s, n, ok := l.scalarString(p.file, p.v, p.key)
	if !ok {
		return old
	}
	for _, v := range values {
		if s == v {
			return s
		}
	}
	l.errorf(p.file, n, "%s: unknown value %q (want %s)%s", p.key, s, strings.Join(values, ", "), didYouMean(s, values))
	return old
}

// files reads files.include and files.exclude; each replaces its default.
func (l *loader) files(c *Config, p pair) {
	m := l.mapping(p.file, p.v, "files", "a mapping with include and exclude")
	if m == nil {
		return
	}
	for _, q := range l.checkKeys(l.pairs(p.file, m, "files"), []string{"include", "exclude"}, "files") {
		globs, ok := l.globs(q.file, q.v, "files."+q.key)
		if !ok {
			continue
		}
		if q.key == "include" {
			c.Include = globs
		} else {
			c.Exclude = globs
		}
	}
}

// globs reads a list of doublestar globs, relative to the config's
// directory and slash-separated; a leading "./" is dropped.
func (l *loader) globs(file string, n *yaml.Node, where string) ([]string, bool) {
	list, nodes, ok := l.stringList(file, n, where)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(list))
	for i, g := range list {
		switch {
		case g == "":
			l.errorf(file, nodes[i], "%s[%d]: empty glob", where, i)
			ok = false
		case strings.HasPrefix(g, "/") || filepath.IsAbs(g) || path.IsAbs(g):
			l.errorf(file, nodes[i], "%s[%d]: glob %q is absolute; write it relative to the config file's directory", where, i, g)
			ok = false
		case !doublestar.ValidatePattern(g):
			l.errorf(file, nodes[i], "%s[%d]: invalid glob %q: check its brackets [ ] and braces { } (doublestar syntax)", where, i, g)
			ok = false
		default:
			out = append(out, cleanRel(g))
		}
	}
	return out, ok
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if doublestar.MatchUnvalidated(g, rel) {
			return true
		}
	}
	return false
}

// A Version is one `versions:` pattern: a regexp over a file's path
// (relative to the config's directory, slash-separated) whose named groups
// `story` and `version` say which story the file is a version of, and which
// version it is.
type Version struct {
	Match *regexp.Regexp
}

// Find reports the story and version of the file at rel, if Match matches it.
func (v *Version) Find(rel string) (story, version string, ok bool) {
	m := v.Match.FindStringSubmatch(rel)
	if m == nil {
		return "", "", false
	}
	return m[v.Match.SubexpIndex("story")], m[v.Match.SubexpIndex("version")], true
}

func (l *loader) versions(p pair) []*Version {
	seq := l.sequence(p.file, p.v, "versions", "a list of {match: regexp}")
	if seq == nil {
		return nil
	}
	var out []*Version
	for i, item := range seq.Content {
		where := fmt.Sprintf("versions[%d]", i)
		m := l.mapping(p.file, item, where, "a mapping with the key match")
		if m == nil {
			continue
		}
		var match *pair
		for _, q := range l.checkKeys(l.pairs(p.file, m, where), []string{"match"}, where) {
			match = &q
		}
		if match == nil {
			l.errorf(p.file, m, "%s: missing key \"match\": a regexp with the named groups (?P<story>...) and (?P<version>...)", where)
			continue
		}
		src, n, ok := l.scalarString(p.file, match.v, where+".match")
		if !ok {
			continue
		}
		re, err := regexp.Compile(src)
		if err != nil {
			l.errorf(p.file, n, "%s.match: invalid regexp %q: %s", where, src, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
			continue
		}
		var missing []string
		for _, g := range []string{"story", "version"} {
			if re.SubexpIndex(g) < 0 {
				missing = append(missing, "(?P<"+g+">...)")
			}
		}
		if len(missing) > 0 {
			l.errorf(p.file, n, "%s.match: regexp %q lacks the named group %s: it must name the story and the version in each path", where, src, strings.Join(missing, " and "))
			continue
		}
		out = append(out, &Version{Match: re})
	}
	return out
}

// ParseFailLevel parses a fail level: error, warning, info or none.
func ParseFailLevel(s string) (analysis.Severity, error) {
	if strings.EqualFold(s, "none") {
		return FailNone, nil
	}
	if sev, err := analysis.ParseSeverity(s); err == nil && sev != analysis.SeverityOff {
		return sev, nil
	}
	return analysis.SeverityWarning, fmt.Errorf("unknown fail level %q (want error, warning, info or none)", s)
}

// FailLevelString is the inverse of ParseFailLevel.
func FailLevelString(s analysis.Severity) string {
	if s >= FailNone {
		return "none"
	}
	return s.String()
}

// sizeRE is compiled on first use: most runs parse no size.
var sizeRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*([0-9]+)\s*([kKmMgG]?)[bB]?\s*$`)
})

// ParseSize parses a size in bytes: a number, optionally followed by K, M
// or G (powers of 1024), as in "10M" or "512K".
func ParseSize(s string) (int64, error) {
	m := sizeRE().FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("invalid size %q: want a number of bytes, optionally followed by K, M or G (\"10M\")", s)
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	shift := map[string]uint{"": 0, "k": 10, "m": 20, "g": 30}[strings.ToLower(m[2])]
	if err != nil || n > math.MaxInt64>>shift {
		return 0, fmt.Errorf("invalid size %q: too large", s)
	}
	if n == 0 {
		return 0, fmt.Errorf("invalid size %q: must be more than zero", s)
	}
	return n << shift, nil
}
