package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/attrlint/attrlint/rules"
	"go.yaml.in/yaml/v3"
)

// Limits on hostile input. A config holds rules and globs, not data: a
// megabyte is far more than any real one needs.
const (
	// MaxFileSize is the largest config file Load and Parse accept.
	MaxFileSize = 1 << 20
	// maxVisits bounds the YAML nodes one load walks, counting a node
	// again each time an alias brings it back: aliases to big anchors,
	// reused many times, would otherwise make a small file cost minutes.
	maxVisits = 1 << 20
)

// loader walks the YAML trees of one load, collecting every error.
type loader struct {
	// set holds the kinds, extractors and packs the load knows of.
	set    *rules.Set
	errs   ErrorList
	visits int
	// over is set once maxVisits is reached; walking stops everywhere.
	over bool
	// defaults tells whether the set's decoded defaults may be used
	// (see useDefaults).
	defaults bool
}

func (l *loader) errorf(file string, n *yaml.Node, format string, args ...any) {
	e := &Error{File: file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	l.errs = append(l.errs, e)
}

// deref resolves an alias (to a copy of its anchor's node placed at the
// alias) and counts the visit. It returns nil once the
// load has walked too many nodes; the caller then stops.
func (l *loader) deref(file string, n *yaml.Node) *yaml.Node {
	if l.over || n == nil {
		return nil
	}
	l.visits++
	if l.visits > maxVisits {
		l.over = true
		l.errorf(file, n, "aliases expand this file beyond %d YAML nodes; write the values out or reuse fewer anchors", maxVisits)
		return nil
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		// Errors about the value are reported where the alias is used.
		v := *n.Alias
		v.Line, v.Column = n.Line, n.Column
		n = &v
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return l.deref(file, n.Content[0])
	}
	return n
}

// A pair is one key of a YAML mapping with its value, and the file both come
// from (a merged rule has keys from a pack and from the user's config).
type pair struct {
	key  string
	k, v *yaml.Node // v may be an alias; deref it before use
	file string
}

// pairs returns the keys of mapping n in order, expanding merge keys (<<),
// whose keys give way to the ones written in n. A duplicate key or a key
// that is not a string is an error.
func (l *loader) pairs(file string, n *yaml.Node, path string) []pair {
	var merged []pair
	own := make([]pair, 0, len(n.Content)/2)
	// Keys seen so far: the own pairs', looked for among them while there
	// are few, in a map once there are more.
	var seen map[string]*yaml.Node
	lookup := func(key string) (*yaml.Node, bool) {
		if seen != nil {
			k, ok := seen[key]
			return k, ok
		}
		for _, p := range own {
			if p.key == key {
				return p.k, true
			}
		}
		return nil, false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := l.deref(file, n.Content[i])
		if k == nil {
			return nil
		}
		v := n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merged = append(merged, l.mergePairs(file, v, path)...)
			continue
		}
		if k.Kind != yaml.ScalarNode || k.Tag == "!!null" {
			l.errorf(file, k, "%s: a key must be a string, got %s", orTop(path), describeNode(k))
			continue
		}
		if first, dup := lookup(k.Value); dup {
			l.errorf(file, k, "%s: key %q is defined twice (first at line %d)", orTop(path), k.Value, first.Line)
			continue
		}
		own = append(own, pair{key: k.Value, k: k, v: v, file: file})
		if seen != nil {
			seen[k.Value] = k
		} else if len(own) == smallMapping {
			seen = make(map[string]*yaml.Node, len(n.Content)/2)
			for _, p := range own {
				seen[p.key] = p.k
			}
		}
	}
	if len(merged) == 0 {
		return own
	}
	if seen == nil {
		seen = make(map[string]*yaml.Node, len(own)+len(merged))
		for _, p := range own {
			seen[p.key] = p.k
		}
	}
	out := own
	for _, p := range merged {
		if _, ok := seen[p.key]; !ok {
			seen[p.key] = p.k
			out = append(out, p)
		}
	}
	return out
}

// smallMapping is the number of keys from which pairs looks keys up in a
// map rather than among the pairs.
const smallMapping = 16

// mergePairs expands the value of a merge key: a mapping or a list of them.
func (l *loader) mergePairs(file string, v *yaml.Node, path string) []pair {
	v = l.deref(file, v)
	if v == nil {
		return nil
	}
	switch v.Kind {
	case yaml.MappingNode:
		return l.pairs(file, v, path)
	case yaml.SequenceNode:
		var out []pair
		seen := map[string]bool{}
		for _, item := range v.Content {
			item = l.deref(file, item)
			if item == nil {
				return out
			}
			if item.Kind != yaml.MappingNode {
				l.errorf(file, item, "%s: a merge key (<<) takes mappings, got %s", orTop(path), describeNode(item))
				continue
			}
			// The first mapping in the list wins, as in YAML's merge spec.
			for _, p := range l.pairs(file, item, path) {
				if !seen[p.key] {
					seen[p.key] = true
					out = append(out, p)
				}
			}
		}
		return out
	}
	l.errorf(file, v, "%s: a merge key (<<) takes a mapping, got %s", orTop(path), describeNode(v))
	return nil
}

// checkKeys reports every key of ps that is not in allowed, with a
// suggestion; it returns the pairs whose key is allowed.
func (l *loader) checkKeys(ps []pair, allowed []string, path string) []pair {
	if allAllowed(ps, allowed) {
		return ps // the common case: nothing to report, nothing to copy
	}
	out := ps[:0:0]
	for _, p := range ps {
		ok := false
		for _, a := range allowed {
			if p.key == a {
				ok = true
				break
			}
		}
		if !ok {
			where := ""
			if path != "" {
				where = " in " + path
			}
			l.errorf(p.file, p.k, "unknown key %q%s%s", p.key, where, didYouMean(p.key, allowed))
			continue
		}
		out = append(out, p)
	}
	return out
}

// allAllowed reports whether the key of each of ps is in one of the lists
// allowed.
func allAllowed(ps []pair, allowed ...[]string) bool {
	for _, p := range ps {
		ok := false
		for _, a := range allowed {
			if slices.Contains(a, p.key) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// mapping derefs n and checks that it is a mapping; what names the wanted
// value for the error ("a mapping of rule ids to rules").
func (l *loader) mapping(file string, n *yaml.Node, path, what string) *yaml.Node {
	n = l.deref(file, n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		l.wantErr(file, n, path, what)
		return nil
	}
	return n
}

// sequence derefs n and checks that it is a list.
func (l *loader) sequence(file string, n *yaml.Node, path, what string) *yaml.Node {
	n = l.deref(file, n)
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		l.wantErr(file, n, path, what)
		return nil
	}
	return n
}

// scalarString derefs n and checks that it is a non-null scalar.
func (l *loader) scalarString(file string, n *yaml.Node, path string) (string, *yaml.Node, bool) {
	n = l.deref(file, n)
	if n == nil {
		return "", nil, false
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.wantErr(file, n, path, "a string")
		return "", n, false
	}
	return n.Value, n, true
}

// stringList decodes a list of strings, returning each with its node.
func (l *loader) stringList(file string, n *yaml.Node, path string) ([]string, []*yaml.Node, bool) {
	seq := l.sequence(file, n, path, "a list of strings")
	if seq == nil {
		return nil, nil, false
	}
	out := make([]string, 0, len(seq.Content))
	nodes := make([]*yaml.Node, 0, len(seq.Content))
	ok := true
	for i, item := range seq.Content {
		s, node, good := l.scalarString(file, item, fmt.Sprintf("%s[%d]", path, i))
		if !good {
			ok = false
			if l.over {
				return nil, nil, false
			}
			continue
		}
		out = append(out, s)
		nodes = append(nodes, node)
	}
	return out, nodes, ok
}

func (l *loader) wantErr(file string, n *yaml.Node, path, want string) {
	l.errorf(file, n, "%s: want %s, got %s", orTop(path), want, describeNode(n))
}

func orTop(path string) string {
	if path == "" {
		return "config"
	}
	return path
}

// describeNode names what a YAML node holds, for "want X, got Y" messages.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing (null)"
		case "!!bool":
			return "the boolean " + n.Value
		case "!!int":
			return "the integer " + n.Value
		case "!!float":
			return "the number " + n.Value
		case "!!str":
			return "the string " + strconv.Quote(n.Value)
		}
		return "the value " + strconv.Quote(n.Value)
	}
	return "nothing"
}

// The forms of the YAML parser's messages, compiled on first use: only a
// config with a syntax error needs them.
var (
	yamlLineRE      = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })
	unknownAnchorRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`) })
)

// parseDocument parses data as one YAML document. A syntax error is reported
// with the line the parser names (go.yaml.in/yaml/v3 gives no column, nor a
// line for errors on the first line); a second document is an error. It
// returns nil for an empty file.
func (l *loader) parseDocument(file string, data []byte) *yaml.Node {
	if len(data) == 0 {
		return nil // what the parser gives, without its buffers
	}
	if !l.checkText(file, data) {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		l.syntaxError(file, data, err)
		return nil
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		l.errorf(file, &next, "a config file holds one YAML document; remove the \"---\" line and what follows it, or merge the documents")
	} else if !errors.Is(err, io.EOF) {
		l.syntaxError(file, data, err)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	if !l.checkAliasCycles(file, &doc) {
		return nil
	}
	return &doc
}

// checkText reports the first byte of data that YAML cannot hold (a NUL,
// or a byte that is not UTF-8 after an optional UTF-8 byte-order mark) at
// its line and column, which the parser does not give.
func (l *loader) checkText(file string, data []byte) bool {
	text := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	bad, what := -1, ""
	if i := bytes.IndexByte(text, 0); i >= 0 {
		bad, what = i, "a NUL byte"
	}
	if !utf8.Valid(text) {
		for i := 0; i < len(text) && (bad < 0 || i < bad); {
			r, size := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && size == 1 {
				bad, what = i, fmt.Sprintf("the byte 0x%02X, which is not UTF-8", text[i])
				break
			}
			i += size
		}
	}
	if bad < 0 {
		return true
	}
	before := text[:bad]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	l.errs = append(l.errs, &Error{File: file, Line: line, Col: col,
		Msg: what + ": a config file is UTF-8 text; save it as UTF-8"})
	return false
}

// checkAliasCycles reports an alias inside the node its anchor names
// ("rules: &m" then "<<: *m" under it): expanding it never ends. It walks
// the tree once without following aliases.
func (l *loader) checkAliasCycles(file string, doc *yaml.Node) bool {
	ok := true
	var open []*yaml.Node // the anchored nodes around the current one
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || !ok {
			return
		}
		if depth > maxDepth {
			ok = false
			l.errorf(file, n, "the YAML nests deeper than %d levels; flatten it", maxDepth)
			return
		}
		if n.Kind == yaml.AliasNode {
			for _, a := range open {
				if a == n.Alias {
					ok = false
					l.errorf(file, n, "alias *%s refers to the value it is in, so expanding it never ends; use another anchor, or write the values out", n.Value)
					return
				}
			}
			return
		}
		if n.Anchor != "" {
			open = append(open, n)
			defer func() { open = open[:len(open)-1] }()
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return ok
}

// maxDepth bounds how deep a config's YAML may nest: real configs nest a
// handful of levels, and the loader's walk recurses once per level.
const maxDepth = 1000

// parserProblems are the errors of go.yaml.in/yaml/v3's parser (not its
// scanner): their "line N" counts from 0 (yaml.v3 decode.go, parser.fail).
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlLines counts the lines of data as the YAML parser does: LF, CRLF,
// CR, NEL, LS and PS end a line.
func yamlLines(data []byte) int {
	n := 1 + bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n"))
	for _, sep := range []string{"\u0085", "\u2028", "\u2029"} {
		n += bytes.Count(data, []byte(sep))
	}
	return n
}

func (l *loader) syntaxError(file string, data []byte, err error) {
	msg := err.Error()
	line, col := 1, 1
	if m := yamlLineRE().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if parserProblems[msg] {
			line++ // the parser, unlike the scanner, names a 0-based line
		}
		// At the end of the stream the parser names the line after the
		// last one: point at the last line instead.
		line = min(line, yamlLines(data))
	} else if m := unknownAnchorRE().FindStringSubmatch(msg); m != nil {
		// The parser names no position: find the first "*name" that is
		// a whole alias.
		msg = fmt.Sprintf("unknown anchor %q: define it with &%s before using *%s", m[1], m[1], m[1])
		ref := regexp.MustCompile(`\*` + regexp.QuoteMeta(m[1]) + `([\s,\]}]|$)`)
		if loc := ref.FindIndex(data); loc != nil {
			before := string(data[:loc[0]])
			line = strings.Count(before, "\n") + 1
			col = utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	l.errs = append(l.errs, &Error{File: file, Line: line, Col: col, Msg: "invalid YAML: " + msg})
}
