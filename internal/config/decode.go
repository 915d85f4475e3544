package config

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// decode stores the YAML node n in v, strictly: every key of a struct must
// be one of its yaml tags, every value must have the field's type. Each
// error is reported at the node it is about, with path naming it
// ("rules.no-sources-said.patterns[2]"). It reports whether v was decoded
// without error.
func (l *loader) decode(file string, n *yaml.Node, v reflect.Value, path string) bool {
	n = l.deref(file, n)
	if n == nil {
		return false
	}
	if v.CanAddr() {
		if u, ok := v.Addr().Interface().(yaml.Unmarshaler); ok {
			return l.decodeUnmarshaler(file, n, u, path)
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return l.decode(file, n, v.Elem(), path)
	case reflect.Interface:
		var x any
		if err := n.Decode(&x); err != nil {
			l.errorf(file, n, "%s: %v", path, err)
			return false
		}
		if x != nil {
			v.Set(reflect.ValueOf(x))
		}
		return true
	case reflect.String:
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		v.SetString(n.Value)
		return true
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err != nil {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		v.SetBool(b)
		return true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(n.Value, 0, v.Type().Bits())
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		v.SetInt(i)
		return true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u, err := strconv.ParseUint(n.Value, 0, v.Type().Bits())
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		v.SetUint(u)
		return true
	case reflect.Float32, reflect.Float64:
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		f, ok := plainDecimal(n.Value)
		if !ok {
			f = decodeFloat(n)
		}
		if math.IsNaN(f) {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		v.SetFloat(f)
		return true
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		if v.Type() == stringsType {
			if ss, ok := l.plainStrings(n); ok {
				setStrings(v, ss)
				return true
			}
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		ok := true
		plain := plainString(v.Type().Elem())
		for i, item := range n.Content {
			if plain && item.Kind == yaml.ScalarNode && item.Tag != "!!null" && !l.over && l.visits < maxVisits {
				// The common item, a plain string in a list of
				// phrases: what decode does for it, without
				// formatting a path no error will name.
				l.visits++
				s.Index(i).SetString(item.Value)
				continue
			}
			if !l.decode(file, item, s.Index(i), path+"["+strconv.Itoa(i)+"]") {
				ok = false
				if l.over {
					return false
				}
			}
		}
		v.Set(s)
		return ok
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			panic(fmt.Sprintf("config: option %s: map keys must be strings, not %s", path, v.Type().Key()))
		}
		if n.Kind != yaml.MappingNode {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		ps := l.pairs(file, n, path)
		m := reflect.MakeMapWithSize(v.Type(), len(ps))
		// One key and one value, reset for each pair: SetMapIndex
		// copies them into the map.
		kv := reflect.New(v.Type().Key()).Elem()
		ev := reflect.New(v.Type().Elem()).Elem()
		ok := true
		for _, p := range ps {
			ev.SetZero()
			if !l.decodeKey(file, p.v, ev, path, p.key) {
				ok = false
				if l.over {
					return false
				}
				continue
			}
			kv.SetString(p.key)
			m.SetMapIndex(kv, ev)
		}
		v.Set(m)
		return ok
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			l.wantErr(file, n, path, describeType(v.Type()))
			return false
		}
		fields := structFields(v.Type())
		errsBefore := len(l.errs)
		for _, p := range l.checkKeys(l.pairs(file, n, path), fields.names, path) {
			if !l.decodeKey(file, p.v, fields.field(v, p.key), path, p.key) && l.over {
				return false
			}
		}
		return len(l.errs) == errsBefore
	}
	panic(fmt.Sprintf("config: option %s: cannot decode into %s", path, v.Type()))
}

// decodeFloat decodes n as yaml does, NaN when it cannot. Its own
// function, so that the float Decode points at is not moved to the heap
// for every number decode meets.
func decodeFloat(n *yaml.Node) float64 {
	var f float64
	if err := n.Decode(&f); err != nil {
		return math.NaN()
	}
	return f
}

// setStrings stores ss in v, a []string, without boxing it in an
// interface as reflect.ValueOf would.
func setStrings(v reflect.Value, ss []string) {
	if v.CanAddr() {
		*v.Addr().Interface().(*[]string) = ss
		return
	}
	v.Set(reflect.ValueOf(ss))
}

// decodeKey decodes the value n of key in the mapping at path into v, as
// decode does at path.key; the common values, a plain string and a list
// of them, are stored without building the path no error will name.
func (l *loader) decodeKey(file string, n *yaml.Node, v reflect.Value, path, key string) bool {
	if l.decodeQuick(n, v) {
		return true
	}
	return l.decode(file, n, v, path+"."+key)
}

// decodeQuick stores n in v and reports true when n is a value that decode
// stores without error and without its path: a plain string into a string,
// or a list of plain strings into a []string. It counts the visits decode
// would; it changes nothing when it reports false.
func (l *loader) decodeQuick(n *yaml.Node, v reflect.Value) bool {
	if l.over || n == nil || l.visits+1 > maxVisits {
		return false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		switch {
		case n.Tag == "!!null":
			return false
		case v.Kind() == reflect.Bool:
			// As decode: a bool's forms are yaml's (true, True, TRUE, ...).
			b, err := strconv.ParseBool(strings.ToLower(n.Value))
			if n.Tag != "!!bool" || err != nil || !plainKind(v.Type()) {
				return false
			}
			l.visits++
			v.SetBool(b)
			return true
		case v.Kind() == reflect.Float64:
			f, ok := plainDecimal(n.Value)
			if n.Tag != "!!int" && n.Tag != "!!float" || !ok || !plainKind(v.Type()) {
				return false
			}
			l.visits++
			v.SetFloat(f)
			return true
		case !plainString(v.Type()):
			return false
		}
		l.visits++
		v.SetString(n.Value)
		return true
	case yaml.SequenceNode:
		// decode's deref visits n; plainStrings then checks the limit.
		if v.Type() != stringsType || l.visits+1+len(n.Content) >= maxVisits {
			return false
		}
		ss, ok := stringItems(n)
		if !ok {
			return false
		}
		l.visits += 1 + len(n.Content)
		setStrings(v, ss)
		return true
	}
	return false
}

var (
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	stringsType     = reflect.TypeFor[[]string]()
)

// plainStrings returns the items of sequence n when all are plain strings
// (non-null scalars, no aliases), the common list of phrases, as decode
// would store them, counting their visits as it would.
func (l *loader) plainStrings(n *yaml.Node) ([]string, bool) {
	if l.over || l.visits+len(n.Content) >= maxVisits {
		return nil, false
	}
	ss, ok := stringItems(n)
	if ok {
		l.visits += len(n.Content)
	}
	return ss, ok
}

// stringItems returns the items of sequence n when all are plain strings
// (non-null scalars, no aliases).
func stringItems(n *yaml.Node) ([]string, bool) {
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			return nil, false
		}
	}
	ss := make([]string, len(n.Content))
	for i, item := range n.Content {
		ss[i] = item.Value
	}
	return ss, true
}

// plainDecimal parses s when it is a plain decimal number, digits with at
// most one point and no leading zero before a digit ("1000", "0.05",
// "1.609344"), which YAML reads (as an integer or a float) as
// strconv.ParseFloat does; ok is false for any other form.
func plainDecimal(s string) (f float64, ok bool) {
	if s == "" || s[0] < '0' || s[0] > '9' || len(s) > 1 && s[0] == '0' && s[1] != '.' {
		return 0, false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && i+1 < len(s):
			dot = true
		default:
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// plainKind reports whether decode stores a scalar in a value of type t
// by its kind alone: t has no UnmarshalYAML of its own.
func plainKind(t reflect.Type) bool {
	return !reflect.PointerTo(t).Implements(unmarshalerType)
}

// plainString reports whether decode stores a scalar in a value of type t
// by SetString alone: t is a string kind with no UnmarshalYAML of its own.
func plainString(t reflect.Type) bool {
	return t.Kind() == reflect.String && !reflect.PointerTo(t).Implements(unmarshalerType)
}

// decodeValue decodes n into what ptr points at.
func (l *loader) decodeValue(file string, n *yaml.Node, ptr any, path string) bool {
	return l.decode(file, n, reflect.ValueOf(ptr).Elem(), path)
}

func (l *loader) decodeUnmarshaler(file string, n *yaml.Node, u yaml.Unmarshaler, path string) bool {
	if err := u.UnmarshalYAML(n); err != nil {
		l.errorf(file, n, "%s: %v", path, err)
		return false
	}
	return true
}

// describeType names what a Go type wants in YAML terms: "a list of
// strings", "an integer".
func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return describeType(t.Elem())
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if t.Bits() < 64 {
			return fmt.Sprintf("an integer (at most %d)", int64(1)<<(t.Bits()-1)-1)
		}
		return "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a non-negative integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list of " + plural(t.Elem())
	case reflect.Map:
		return "a mapping of names to " + plural(t.Elem())
	case reflect.Struct:
		return "a mapping"
	}
	return "a value"
}

func plural(t reflect.Type) string {
	d := describeType(t)
	switch {
	case d == "true or false":
		return "booleans"
	case strings.HasPrefix(d, "an integer"):
		return "integers"
	case d == "a non-negative integer":
		return "non-negative integers"
	case strings.HasPrefix(d, "a list of "):
		return "lists of " + strings.TrimPrefix(d, "a list of ")
	case strings.HasPrefix(d, "a mapping"):
		return "mappings"
	case strings.HasPrefix(d, "a "):
		return strings.TrimPrefix(d, "a ") + "s"
	}
	return d
}

// fieldSet maps the YAML keys of a struct type to its fields.
type fieldSet struct {
	names []string // in declaration order
	index [][]int  // index[i] is the field of names[i]
}

// field returns the field of v whose key is key, one of fs.names: found
// among the few names rather than in a map, which every process would
// build once per type.
func (fs *fieldSet) field(v reflect.Value, key string) reflect.Value {
	return v.FieldByIndex(fs.index[slices.Index(fs.names, key)])
}

var fieldCache sync.Map // reflect.Type -> *fieldSet

// structFields returns the YAML keys of struct type t: the names in the
// fields' yaml tags, else the lower-cased field names, as yaml does; inline
// structs contribute their own keys.
func structFields(t reflect.Type) *fieldSet {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.(*fieldSet)
	}
	fs := &fieldSet{}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("yaml")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			idx := append(append([]int(nil), prefix...), i)
			if strings.Contains(","+opts+",", ",inline,") && f.Type.Kind() == reflect.Struct {
				walk(f.Type, idx)
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			fs.names = append(fs.names, name)
			fs.index = append(fs.index, idx)
		}
	}
	walk(t, nil)
	actual, _ := fieldCache.LoadOrStore(t, fs)
	return actual.(*fieldSet)
}
