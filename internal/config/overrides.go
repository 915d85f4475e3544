package config

import (
	"errors"
	"fmt"
	"sort"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/rules"
)

// An Override changes rules for the files its globs match.
type Override struct {
	// Files are doublestar globs relative to the config's directory.
	Files []string
	// Rules are the changes, sorted by rule id.
	Rules []*OverrideRule
}

// An OverrideRule is one rule's change in an override.
type OverrideRule struct {
	ID string
	// SetsSeverity tells whether the override sets the rule's severity;
	// Severity is that severity.
	SetsSeverity bool
	Severity     analysis.Severity
	// Variant is the rule compiled with the override's option changes
	// merged over the rule's own keys; nil when the override changes only
	// the severity. When several matching overrides give a rule options,
	// the last one's variant is used, on top of the rule's own keys.
	Variant *rules.Rule
}

// Matches reports whether the override applies to the file at rel (relative
// to the config's directory, slash-separated).
func (o *Override) Matches(rel string) bool {
	return matchAny(o.Files, rel)
}

func (l *loader) overrides(set *ruleSet, p pair) []*Override {
	seq := l.sequence(p.file, p.v, "overrides", "a list of {files, rules}")
	if seq == nil {
		return nil
	}
	var out []*Override
	for i, item := range seq.Content {
		where := fmt.Sprintf("overrides[%d]", i)
		m := l.mapping(p.file, item, where, "a mapping with files and rules")
		if m == nil {
			continue
		}
		o := &Override{}
		var hasFiles, hasRules bool
		for _, q := range l.checkKeys(l.pairs(p.file, m, where), []string{"files", "rules"}, where) {
			switch q.key {
			case "files":
				hasFiles = true
				o.Files, _ = l.globs(q.file, q.v, where+".files")
			case "rules":
				hasRules = true
				o.Rules = l.overrideRules(set, q, where+".rules")
			}
		}
		if !hasFiles || !hasRules {
			l.errorf(p.file, m, "%s: an override needs both files (globs) and rules (what changes for those files)", where)
		}
		if l.over {
			return nil
		}
		out = append(out, o)
	}
	return out
}

func (l *loader) overrideRules(set *ruleSet, p pair, where string) []*OverrideRule {
	m := l.mapping(p.file, p.v, where, "a mapping of rule ids to a severity or rule settings")
	if m == nil {
		return nil
	}
	var out []*OverrideRule
	for _, q := range l.pairs(p.file, m, where) {
		path := where + "." + q.key
		def := set.defs[q.key]
		if def == nil {
			l.errorf(q.file, q.k, "unknown rule %q%s", q.key, unknownRuleHint(q.key, set.ids(), false))
			continue
		}
		v := l.deref(q.file, q.v)
		if v == nil {
			return nil
		}
		e := &OverrideRule{ID: q.key}
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag != "!!null":
			e.Severity, e.SetsSeverity = l.severity(pair{key: "severity", k: q.k, v: v, file: q.file}, where+"."+q.key)
			if !e.SetsSeverity {
				continue
			}
		case v.Kind == yaml.MappingNode:
			fs := l.pairs(q.file, v, path)
			fs = l.checkKind(def, fs, path)
			options := false
			for _, f := range fs {
				switch f.key {
				case "severity":
					e.Severity, e.SetsSeverity = l.severity(f, path)
				case "kind":
				default:
					options = true
				}
			}
			if options && def.rule != nil {
				e.Variant = l.compile(def, merge(def.fields, fs), path, q.file, q.k)
			}
		default:
			l.wantErr(q.file, v, path, "a severity (error, warning, info, off) or a mapping of rule settings")
			continue
		}
		out = append(out, e)
	}
	sortOverrideRules(out)
	return out
}

func sortOverrideRules(rs []*OverrideRule) {
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
}

// RulesFor returns the rules enabled for the file at rel (relative to c.Dir,
// slash-separated; see Rel), sorted by id: the config's rules with every
// matching override applied in order, later ones winning, and then
// --enable and --disable. Nothing is compiled here: files matched by the
// same overrides share one precomputed slice, which callers must not modify.
// RulesFor is safe for concurrent use; Enable and Disable are not.
func (c *Config) RulesFor(rel string) []*rules.Rule {
	rel = cleanRel(rel)
	var key []byte
	for i, o := range c.Overrides {
		if o.Matches(rel) {
			key = strconv.AppendInt(key, int64(i), 10)
			key = append(key, ',')
		}
	}
	if key == nil {
		return c.enabled
	}
	if rs, ok := c.cache.Load(string(key)); ok {
		return rs.([]*rules.Rule)
	}
	cur := append([]*rules.Rule(nil), c.Rules...)
	for _, o := range c.Overrides {
		if !o.Matches(rel) {
			continue
		}
		for _, e := range o.Rules {
			j := c.byID[e.ID]
			var r rules.Rule
			if e.Variant != nil {
				r = *e.Variant
				r.Severity = cur[j].Severity
			} else {
				r = *cur[j]
			}
			if e.SetsSeverity {
				r.Severity = e.Severity
			}
			cur[j] = &r
		}
	}
	rs := c.applyForced(cur)
	actual, _ := c.cache.LoadOrStore(string(key), rs)
	return actual.([]*rules.Rule)
}

// applyForced applies --enable and --disable to rs and keeps the enabled
// rules.
func (c *Config) applyForced(rs []*rules.Rule) []*rules.Rule {
	out := make([]*rules.Rule, 0, len(rs))
	for _, r := range rs {
		if on, ok := c.forced[r.ID]; ok {
			want := analysis.SeverityOff
			if on {
				want = r.Severity
				if want == analysis.SeverityOff {
					want = enabledSeverity(r)
				}
			}
			if want != r.Severity {
				cp := *r
				cp.Severity = want
				r = &cp
			}
		}
		if r.Severity != analysis.SeverityOff {
			out = append(out, r)
		}
	}
	return out
}

// enabledSeverity is the severity --enable gives a rule that is off: its
// default, or warning when it is off by default.
func enabledSeverity(r *rules.Rule) analysis.Severity {
	if r.Default != analysis.SeverityOff {
		return r.Default
	}
	return analysis.SeverityWarning
}

// refresh recomputes what RulesFor precomputes.
func (c *Config) refresh() {
	c.byID = make(map[string]int, len(c.Rules))
	for i, r := range c.Rules {
		c.byID[r.ID] = i
	}
	c.enabled = c.applyForced(c.Rules)
	c.cache.Clear()
}

// Enable turns the rules on for this run (--enable), whatever the config
// and its overrides say: a rule that is off gets its default severity, or
// warning when it is off by default. An unknown id is an error, and then
// nothing changes.
func (c *Config) Enable(ids []string) error {
	return c.force(ids, true)
}

// Disable turns the rules off for this run (--disable), whatever the config
// and its overrides say. An unknown id is an error, and then nothing
// changes.
func (c *Config) Disable(ids []string) error {
	return c.force(ids, false)
}

func (c *Config) force(ids []string, on bool) error {
	var errs []error
	var all []string
	for _, r := range c.Rules {
		all = append(all, r.ID)
	}
	for _, id := range ids {
		if c.Rule(id) == nil {
			errs = append(errs, fmt.Errorf("unknown rule %q%s", id, unknownRuleHint(id, all, false)))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for _, id := range ids {
		r := c.Rule(id)
		switch {
		case !on:
			r.Severity = analysis.SeverityOff
		case r.Severity == analysis.SeverityOff:
			r.Severity = enabledSeverity(r)
		}
		c.forced[id] = on
	}
	c.refresh()
	return nil
}
