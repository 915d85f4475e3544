package config

import (
	"reflect"
	"sort"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/rules"
)

// extractorNames returns the names of the extractors, sorted.
func (l *loader) extractorNames() []string {
	var out []string
	for _, x := range l.set.Extractors {
		out = append(out, x.Analyzer.Name)
	}
	sort.Strings(out)
	return out
}

// An extractorDef is the merged YAML of one extraction analyzer's settings:
// the packs' `analyzers.<name>` keys, with the user's merged over them.
type extractorDef struct {
	fields []pair
	// file and node locate the last section that set keys, for errors
	// not tied to one key.
	file string
	node *yaml.Node
	// cached are the settings decoded from the packs ahead of time (see
	// rules.Defaults); fields are then only the user's.
	cached any
}

// analyzersSection merges one `analyzers:` mapping (of a pack or of the
// user's config) into defs.
func (l *loader) analyzersSection(defs map[string]*extractorDef, p pair) {
	m := l.mapping(p.file, p.v, "analyzers", "a mapping of analyzer names to their settings")
	if m == nil {
		return
	}
	for _, q := range l.pairs(p.file, m, "analyzers") {
		path := "analyzers." + q.key
		if _, ok := l.set.Extractor(q.key); !ok {
			l.errorf(q.file, q.k, "unknown analyzer %q%s", q.key, didYouMean(q.key, l.extractorNames()))
			continue
		}
		sm := l.mapping(q.file, q.v, path, "a mapping of settings")
		if sm == nil {
			continue
		}
		d := defs[q.key]
		if d == nil {
			d = &extractorDef{}
			defs[q.key] = d
		}
		d.fields = merge(d.fields, l.pairs(q.file, sm, path))
		d.file, d.node = q.file, q.k
	}
}

// compileExtractors decodes and compiles the settings of every extraction
// analyzer that takes some, whether or not a section names it.
func (l *loader) compileExtractors(defs map[string]*extractorDef, file string) map[*analysis.Analyzer]any {
	out := map[*analysis.Analyzer]any{}
	for _, x := range l.set.Extractors {
		name := x.Analyzer.Name
		path := "analyzers." + name
		d := defs[name]
		if d == nil {
			d = &extractorDef{file: file}
		}
		opts, ok := l.decodeSettings(x, d, path)
		if l.over {
			return nil
		}
		if !ok {
			continue
		}
		compiled := opts
		if x.Compile != nil {
			c, err := x.Compile(opts)
			if err != nil {
				l.compileError(d.fields, path, d.file, d.node, err)
				continue
			}
			compiled = c
		}
		out[x.Analyzer] = compiled
	}
	return out
}

// decodeSettings decodes the settings of extractor x from its merged keys,
// over the packs' decoded settings when d has them.
func (l *loader) decodeSettings(x *rules.Extractor, d *extractorDef, path string) (any, bool) {
	before := len(l.errs)
	opts := x.NewOptions()
	ov := reflect.ValueOf(opts)
	if d.cached != nil && !setDecoded(ov, d.cached) {
		l.errorf(d.file, d.node, "%s: decoded settings are %T, want %T", path, d.cached, opts)
		return nil, false
	}
	fs := structFields(ov.Elem().Type())
	for _, f := range l.checkKeys(d.fields, fs.names, path) {
		// A key replaces the value the packs gave, whole.
		fv := fs.field(ov.Elem(), f.key)
		fv.SetZero()
		l.decodeKey(f.file, f.v, fv, path, f.key)
		if l.over {
			return nil, false
		}
	}
	return opts, len(l.errs) == before
}
