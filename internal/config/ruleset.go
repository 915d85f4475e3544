package config

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/rules"
)

// validRuleID reports whether id has the form of a rule id, lower-case
// words joined by hyphens: ^[a-z][a-z0-9]*(-[a-z0-9]+)*$, checked by hand
// because every load checks every rule id and a regexp costs start-up.
func validRuleID(id string) bool {
	if id == "" || id[0] < 'a' || id[0] > 'z' || id[len(id)-1] == '-' {
		return false
	}
	for i := 1; i < len(id); i++ {
		switch c := id[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// A ruleDef is one rule's YAML before compiling: the pack's keys with the
// user's merged over them key by key, each keeping its own node and file.
type ruleDef struct {
	id      string
	idNode  *yaml.Node
	idFile  string
	source  string
	builtin bool
	// kind is the pack's kind for a built-in rule.
	kind string
	// defaultSev is the pack's severity for a built-in rule.
	defaultSev analysis.Severity
	fields     []pair
	// cached is the rule decoded from its pack ahead of time (see
	// rules.Defaults); fields are then only the user's.
	cached *rules.DecodedRule
	// rule is the compiled rule; nil until compiled or when it has errors.
	rule *rules.Rule
}

type ruleSet struct {
	defs       map[string]*ruleDef
	extractors map[string]*extractorDef
}

func (s *ruleSet) ids() []string {
	out := make([]string, 0, len(s.defs))
	for id := range s.defs {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// parsePacks returns the node trees of the packs pks, parsed at once, one
// goroutine each: YAML parsing is most of what loading them costs, and the
// packs are independent. Their errors (bugs in attrlint) are added in pack
// order.
func (l *loader) parsePacks(pks []rules.Pack) []*yaml.Node {
	docs := make([]*yaml.Node, len(pks))
	errs := make([]ErrorList, len(pks))
	var wg sync.WaitGroup
	for i, pk := range pks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub := &loader{}
			docs[i] = sub.parseDocument(pk.Name, pk.Data)
			errs[i] = sub.errs
		}()
	}
	wg.Wait()
	for _, e := range errs {
		l.errs = append(l.errs, e...)
	}
	return docs
}

// useDefaults returns the decoded defaults of the loader's set when the
// load may use them and they were decoded from the set's packs as they
// are, else nil.
func (l *loader) useDefaults() *rules.Defaults {
	d := l.set.Defaults
	if !l.defaults || d == nil || d.Hash != rules.PackHash(l.set.Packs) {
		return nil
	}
	return d
}

// decodedPacks returns the rule definitions of the set's decoded defaults
// d: what loadPacks gives, already decoded, without positions.
func (l *loader) decodedPacks(d *rules.Defaults) *ruleSet {
	set := &ruleSet{defs: make(map[string]*ruleDef, len(d.Rules)), extractors: map[string]*extractorDef{}}
	for i := range d.Rules {
		r := &d.Rules[i]
		set.defs[r.ID] = &ruleDef{id: r.ID, idFile: r.Source, source: r.Source, builtin: true, kind: r.Kind, defaultSev: r.Severity, cached: r}
	}
	for _, s := range d.Settings {
		set.extractors[s.Analyzer] = &extractorDef{cached: s.Settings}
	}
	return set
}

// loadPacks reads the packs of the loader's set into rule definitions.
func (l *loader) loadPacks() *ruleSet {
	set := &ruleSet{defs: map[string]*ruleDef{}, extractors: map[string]*extractorDef{}}
	pks := l.set.Packs
	for i, doc := range l.parsePacks(pks) {
		pk := pks[i]
		if doc == nil {
			continue
		}
		root := l.mapping(pk.Name, doc, "", "a mapping with the keys rules and analyzers")
		if root == nil {
			continue
		}
		for _, p := range l.checkKeys(l.pairs(pk.Name, root, ""), []string{"rules", "analyzers"}, "") {
			if p.key == "analyzers" {
				l.analyzersSection(set.extractors, p)
				continue
			}
			m := l.mapping(pk.Name, p.v, "rules", "a mapping of rule ids to rules")
			if m == nil {
				continue
			}
			for _, q := range l.pairs(pk.Name, m, "rules") {
				path := "rules." + q.key
				if old, dup := set.defs[q.key]; dup {
					l.errorf(pk.Name, q.k, "rule %q is also defined in %s; rule ids are unique across packs", q.key, old.source)
					continue
				}
				if !validRuleID(q.key) {
					l.errorf(pk.Name, q.k, "rule id %q: use lower-case words joined by hyphens", q.key)
					continue
				}
				rm := l.mapping(pk.Name, q.v, path, "a mapping of rule settings")
				if rm == nil {
					continue
				}
				def := &ruleDef{id: q.key, idNode: q.k, idFile: pk.Name, source: pk.Name, builtin: true, fields: l.pairs(pk.Name, rm, path)}
				kindSet, sevSet := false, false
				for _, f := range def.fields {
					switch f.key {
					case "kind":
						def.kind, _, kindSet = l.scalarString(f.file, f.v, path+".kind")
					case "severity":
						def.defaultSev, sevSet = l.severity(f, path)
					}
				}
				if !kindSet || !sevSet {
					l.errorf(pk.Name, q.k, "%s: a built-in rule needs a kind and a severity", path)
				}
				set.defs[q.key] = def
			}
		}
	}
	return set
}

// userRules merges the user's `rules:` mapping into set: a severity
// shorthand or a mapping of keys over a built-in rule, or a rule of the
// user's own.
func (l *loader) userRules(set *ruleSet, p pair) {
	m := l.mapping(p.file, p.v, "rules", "a mapping of rule ids to a severity or rule settings")
	if m == nil {
		return
	}
	for _, q := range l.pairs(p.file, m, "rules") {
		path := "rules." + q.key
		v := l.deref(q.file, q.v)
		if v == nil {
			return
		}
		def := set.defs[q.key]
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag != "!!null":
			if def == nil {
				l.errorf(q.file, q.k, "unknown rule %q%s", q.key, unknownRuleHint(q.key, set.ids(), true))
				continue
			}
			def.fields = merge(def.fields, []pair{{key: "severity", k: q.k, v: v, file: q.file}})
		case v.Kind == yaml.MappingNode:
			fs := l.pairs(q.file, v, path)
			if def != nil {
				def.fields = merge(def.fields, l.checkKind(def, fs, path))
				continue
			}
			if !hasKey(fs, "kind") {
				if s := didYouMean(q.key, set.ids()); s != "" {
					l.errorf(q.file, q.k, "unknown rule %q%s", q.key, s)
				} else {
					l.errorf(q.file, q.k, "%s: unknown rule %q%s", path, q.key, l.unknownKindHint())
				}
				continue
			}
			if !validRuleID(q.key) {
				l.errorf(q.file, q.k, "rule id %q: use lower-case words joined by hyphens", q.key)
				continue
			}
			def = &ruleDef{id: q.key, idNode: q.k, idFile: q.file, source: q.file, fields: fs}
			for _, f := range fs {
				if f.key == "kind" {
					if n := l.deref(f.file, f.v); n != nil && n.Kind == yaml.ScalarNode {
						def.kind = n.Value
					}
				}
			}
			set.defs[q.key] = def
		default:
			l.wantErr(q.file, v, path, "a severity (error, warning, info, off) or a mapping of rule settings")
		}
	}
}

// unknownRuleHint suggests a rule id; forConfig adds how to define a rule.
func unknownRuleHint(id string, ids []string, forConfig bool) string {
	if s := didYouMean(id, ids); s != "" {
		return s
	}
	if forConfig {
		return " (`attrlint rules` lists them; a rule of your own is a mapping with a kind)"
	}
	return " (`attrlint rules` lists them)"
}

// checkKind reports a `kind` in fs that differs from the built-in rule's,
// and returns fs without it: the built-in kind stays.
func (l *loader) checkKind(def *ruleDef, fs []pair, path string) []pair {
	out := fs[:0:0]
	for _, f := range fs {
		if f.key == "kind" {
			if k, n, ok := l.scalarString(f.file, f.v, path+".kind"); ok && k != def.kind {
				if def.builtin {
					l.errorf(f.file, n, "%s.kind: rule %q is built in with kind %q and its kind cannot change; give your rule a new id", path, def.id, def.kind)
				} else {
					l.errorf(f.file, n, "%s.kind: rule %q has kind %q; an override cannot change it", path, def.id, def.kind)
				}
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

func hasKey(ps []pair, key string) bool {
	for _, p := range ps {
		if p.key == key {
			return true
		}
	}
	return false
}

// merge returns base with each key of over replacing the same key in place,
// and new keys appended.
func merge(base, over []pair) []pair {
	if len(base) == 0 {
		// over has each key once (pairs reports the others): it is the
		// result, capped, so that a later append copies it.
		return over[:len(over):len(over)]
	}
	out := append([]pair(nil), base...)
	for _, o := range over {
		replaced := false
		for i := range out {
			if out[i].key == o.key {
				out[i] = o
				replaced = true
				break
			}
		}
		if !replaced {
			out = append(out, o)
		}
	}
	return out
}

func (l *loader) severity(f pair, path string) (analysis.Severity, bool) {
	s, n, ok := l.scalarString(f.file, f.v, path+".severity")
	if !ok {
		return analysis.SeverityOff, false
	}
	sev, err := analysis.ParseSeverity(s)
	if err != nil {
		l.errorf(f.file, n, "%s.severity: %v%s", path, err, didYouMean(s, severityNames()))
		return analysis.SeverityOff, false
	}
	return sev, true
}

// compileAll compiles every rule of set, in id order.
func (s *ruleSet) compileAll(l *loader) []*rules.Rule {
	var out []*rules.Rule
	for _, id := range s.ids() {
		def := s.defs[id]
		def.rule = l.compile(def, def.fields, "rules."+id, def.idFile, def.idNode)
		if def.rule != nil {
			out = append(out, def.rule)
		}
		if l.over {
			break
		}
	}
	return out
}

// compile builds a rule from its merged keys: the common keys, then the
// options of its kind, decoded strictly and compiled by the kind. Errors
// not tied to one key are reported at (idFile, idNode).
func (l *loader) compile(def *ruleDef, fields []pair, path, idFile string, idNode *yaml.Node) *rules.Rule {
	r, opts := l.decodeRule(def, fields, path, idFile, idNode)
	if r == nil {
		return nil
	}
	compiled := opts
	if r.Kind.Compile != nil {
		c, err := r.Kind.Compile(r, opts)
		if err != nil {
			l.compileError(fields, path, idFile, idNode, err)
			return nil
		}
		compiled = c
	}
	r.Options = compiled
	return r
}

// decodeRule decodes a rule from its merged keys, over its decoded
// defaults when it has them (a built-in rule whose keys are then the
// user's alone): the rule without Options, and its kind's options
// decoded; nil when there are errors.
func (l *loader) decodeRule(def *ruleDef, fields []pair, path, idFile string, idNode *yaml.Node) (*rules.Rule, any) {
	before := len(l.errs)
	var kind *rules.Kind
	if c := def.cached; c != nil {
		k, ok := l.set.Kind(c.Kind)
		if !ok {
			l.errorf(idFile, idNode, "%s.kind: unknown kind %q", path, c.Kind)
			return nil, nil
		}
		kind = k
	} else {
		var kindField *pair
		for i := range fields {
			if fields[i].key == "kind" {
				kindField = &fields[i]
			}
		}
		if kindField == nil {
			if def.builtin {
				return nil, nil // reported by loadPacks
			}
			l.errorf(idFile, idNode, "%s: unknown rule %q%s", path, def.id, l.unknownKindHint())
			return nil, nil
		}
		name, kn, ok := l.scalarString(kindField.file, kindField.v, path+".kind")
		if !ok {
			return nil, nil
		}
		k, found := l.set.Kind(name)
		if !found {
			msg := fmt.Sprintf("%s.kind: unknown kind %q", path, name)
			if s := didYouMean(name, l.set.KindNames()); s != "" {
				msg += s
			} else {
				msg += fmt.Sprintf(" (kinds: %s)", strings.Join(l.set.KindNames(), ", "))
			}
			l.errorf(kindField.file, kn, "%s", msg)
			return nil, nil
		}
		kind = k
	}
	r := &rules.Rule{ID: def.id, Kind: kind, Source: def.source, Default: def.defaultSev, Severity: def.defaultSev}
	if !def.builtin {
		r.Default, r.Severity = analysis.SeverityWarning, analysis.SeverityWarning
	}
	opts := kind.NewOptions()
	ov := reflect.ValueOf(opts)
	if ov.Kind() != reflect.Pointer || ov.Elem().Kind() != reflect.Struct {
		panic(fmt.Sprintf("config: kind %q: NewOptions must return a pointer to a struct, not %T", kind.Name, opts))
	}
	if c := def.cached; c != nil {
		r.Message, r.Summary, r.Doc = c.Message, c.Summary, c.Doc
		// Shared by every load, read-only as decoded options are:
		// capped, so that an append copies it.
		r.Examples = c.Examples[:len(c.Examples):len(c.Examples)]
		if !setDecoded(ov, c.Options) {
			l.errorf(idFile, idNode, "%s: decoded options are %T, want %T", path, c.Options, opts)
			return nil, nil
		}
	}
	optFields := structFields(ov.Elem().Type())
	checked := fields
	if !allAllowed(fields, rules.CommonKeys, optFields.names) {
		allowed := append(append([]string(nil), rules.CommonKeys...), optFields.names...)
		checked = l.checkKeys(fields, allowed, path)
	}
	for _, f := range checked {
		switch f.key {
		case "kind":
		case "severity":
			if sev, ok := l.severity(f, path); ok {
				r.Severity = sev
				if !def.builtin {
					r.Default = sev
				}
			}
		case "message":
			l.decodeKey(f.file, f.v, reflect.ValueOf(&r.Message).Elem(), path, f.key)
		case "summary":
			l.decodeKey(f.file, f.v, reflect.ValueOf(&r.Summary).Elem(), path, f.key)
		case "doc":
			l.decodeKey(f.file, f.v, reflect.ValueOf(&r.Doc).Elem(), path, f.key)
		case "examples":
			r.Examples = nil
			l.decodeValue(f.file, f.v, &r.Examples, path+".examples")
		default:
			// A key replaces the value its defaults gave, whole.
			fv := optFields.field(ov.Elem(), f.key)
			fv.SetZero()
			l.decodeKey(f.file, f.v, fv, path, f.key)
		}
		if l.over {
			return nil, nil
		}
	}
	if len(l.errs) > before {
		return nil, nil
	}
	return r, opts
}

// setDecoded copies the decoded struct that decoded points at into the
// one ov points at, shallowly: their slices and maps are shared, and
// decoding a key over them replaces them rather than changing them. It
// reports false when the types differ.
func setDecoded(ov reflect.Value, decoded any) bool {
	dv := reflect.ValueOf(decoded)
	if dv.Type() != ov.Type() || dv.IsNil() {
		return false
	}
	ov.Elem().Set(dv.Elem())
	return true
}

func (l *loader) unknownKindHint() string {
	return fmt.Sprintf("; a rule of your own needs a kind (%s), and a built-in rule's id must be spelled exactly", strings.Join(l.set.KindNames(), ", "))
}

// compileError reports an error from a kind's Compile, or each of the
// errors it joins (errors.Join): an *rules.OptionError at its option's value
// (or the item of a list it names), anything else at the rule's id.
func (l *loader) compileError(fields []pair, path, idFile string, idNode *yaml.Node, err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			l.compileError(fields, path, idFile, idNode, e)
		}
		return
	}
	var oe *rules.OptionError
	if !errors.As(err, &oe) {
		l.errorf(idFile, idNode, "%s: %v", path, err)
		return
	}
	for _, f := range fields {
		rest, ok := strings.CutPrefix(oe.Key, f.key)
		if !ok || rest != "" && rest[0] != '.' {
			continue
		}
		n := l.deref(f.file, f.v)
		if n == nil {
			return
		}
		// A key under the option's ("speech-verbs.say", "units.troops.words"):
		// the value of each key on the way, in mappings.
		for rest != "" && n.Kind == yaml.MappingNode {
			var next *yaml.Node
			for _, p := range l.pairs(f.file, n, "") {
				if r, ok := strings.CutPrefix(rest[1:], p.key); ok && (r == "" || r[0] == '.') {
					next, rest = l.deref(f.file, p.v), r
					break
				}
			}
			if next == nil {
				break
			}
			n = next
		}
		where := path + "." + oe.Key
		if oe.Index >= 0 && n.Kind == yaml.SequenceNode && oe.Index < len(n.Content) {
			if item := l.deref(f.file, n.Content[oe.Index]); item != nil {
				n = item
			}
			where = fmt.Sprintf("%s[%d]", where, oe.Index)
		}
		l.errorf(f.file, n, "%s: %v", where, oe.Err)
		return
	}
	// The option is missing (a required one): point at the rule.
	l.errorf(idFile, idNode, "%s: %v", path, err)
}

// link calls each kind's Link once with the compiled options of all its
// rules and override variants: rules in id order, then variants in override
// order.
func (l *loader) link(c *Config, file string) {
	byKind := map[*rules.Kind][]any{}
	var order []*rules.Kind
	add := func(r *rules.Rule) {
		if _, seen := byKind[r.Kind]; !seen {
			order = append(order, r.Kind)
		}
		byKind[r.Kind] = append(byKind[r.Kind], r.Options)
	}
	for _, r := range c.Rules {
		add(r)
	}
	for _, o := range c.Overrides {
		for _, e := range o.Rules {
			if e.Variant != nil {
				add(e.Variant)
			}
		}
	}
	sort.Slice(order, func(i, j int) bool { return order[i].Name < order[j].Name })
	for _, k := range order {
		if k.Link == nil {
			continue
		}
		if err := k.Link(byKind[k]); err != nil {
			l.errs = append(l.errs, &Error{File: file, Msg: fmt.Sprintf("rules of kind %q: %v", k.Name, err)})
		}
	}
}
