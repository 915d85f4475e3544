package config

import (
	_ "embed" // the pack cache
	"encoding/binary"
	"errors"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/rules"
)

// The embedded rule packs are parsed on every run, and YAML parsing is most
// of the start-up cost of a pre-commit run on one draft. packs.cache holds
// the parsed node tree of each pack next to the exact bytes it was parsed
// from; a pack whose bytes are unchanged is decoded from it (a flat read,
// several times faster than parsing), and any other pack is parsed as
// before. A stale cache therefore costs speed, never correctness.
// Regenerate it with `go generate ./config`; TestPackCacheFresh fails in CI
// when it is stale.
//
//go:generate go test -run ^TestPackCacheFresh$ -write-pack-cache .

//go:embed packs.cache
var packCache string

const packCacheMagic = "attrlint pack cache 1\n"

// cachedPack returns the node tree of the pack named name when the cache
// holds it for exactly these bytes, else nil.
func cachedPack(name string, data []byte) *yaml.Node {
	d := &cacheReader{s: packCache}
	if !d.literal(packCacheMagic) {
		return nil
	}
	for n := d.uint(); n > 0 && d.err == nil; n-- {
		entryName, src, size := d.str(), d.str(), d.uint()
		if d.err != nil {
			return nil
		}
		if entryName != name || src != string(data) {
			d.skip(size)
			continue
		}
		doc := d.tree()
		if d.err != nil {
			return nil
		}
		return doc
	}
	return nil
}

// encodePackCache parses every pack and writes the cache of them all.
func encodePackCache(pks []rules.Pack) ([]byte, error) {
	var entries []byte
	n := 0
	for _, pk := range pks {
		l := &loader{}
		doc := l.parseDocument(pk.Name, pk.Data)
		if len(l.errs) > 0 {
			return nil, l.finish()
		}
		if doc == nil {
			continue // an empty pack: parsed as before (to nothing)
		}
		var tree []byte
		if err := appendTree(&tree, doc); err != nil {
			return nil, fmt.Errorf("%s: %w", pk.Name, err)
		}
		entries = appendStr(entries, pk.Name)
		entries = appendStr(entries, string(pk.Data))
		entries = binary.AppendUvarint(entries, uint64(len(tree)))
		entries = append(entries, tree...)
		n++
	}
	out := []byte(packCacheMagic)
	out = binary.AppendUvarint(out, uint64(n))
	return append(out, entries...), nil
}

// appendTree writes n and its content in preorder: the node count, then per
// node its kind, style, tag, value, anchor, comments, line, column and the
// number of its children.
func appendTree(out *[]byte, n *yaml.Node) error {
	count := 0
	var walk func(*yaml.Node) error
	var body []byte
	walk = func(n *yaml.Node) error {
		if n.Kind == yaml.AliasNode || n.Alias != nil {
			return errors.New("the pack cache does not hold YAML aliases; parse such a pack instead")
		}
		count++
		body = binary.AppendUvarint(body, uint64(n.Kind))
		body = binary.AppendUvarint(body, uint64(n.Style))
		for _, s := range []string{n.Tag, n.Value, n.Anchor, n.HeadComment, n.LineComment, n.FootComment} {
			body = appendStr(body, s)
		}
		body = binary.AppendUvarint(body, uint64(n.Line))
		body = binary.AppendUvarint(body, uint64(n.Column))
		body = binary.AppendUvarint(body, uint64(len(n.Content)))
		for _, c := range n.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(n); err != nil {
		return err
	}
	*out = binary.AppendUvarint(*out, uint64(count))
	*out = append(*out, body...)
	return nil
}

func appendStr(out []byte, s string) []byte {
	out = binary.AppendUvarint(out, uint64(len(s)))
	return append(out, s...)
}

// cacheReader reads the cache; strings are slices of the embedded string,
// never copies. The first error sticks.
type cacheReader struct {
	s   string
	err error
}

var errCorrupt = errors.New("pack cache: truncated or corrupt")

func (d *cacheReader) literal(lit string) bool {
	if len(d.s) < len(lit) || d.s[:len(lit)] != lit {
		d.err = errCorrupt
		return false
	}
	d.s = d.s[len(lit):]
	return true
}

func (d *cacheReader) uint() int {
	if d.err != nil {
		return 0
	}
	v, n := 0, 0
	for shift := 0; ; shift += 7 {
		if n >= len(d.s) || shift > 56 {
			d.err = errCorrupt
			return 0
		}
		b := d.s[n]
		n++
		v |= int(b&0x7f) << shift
		if b < 0x80 {
			break
		}
	}
	d.s = d.s[n:]
	if v < 0 {
		d.err = errCorrupt
		return 0
	}
	return v
}

func (d *cacheReader) skip(n int) {
	if d.err == nil && n > len(d.s) {
		d.err = errCorrupt
	}
	if d.err != nil {
		return
	}
	d.s = d.s[n:]
}

func (d *cacheReader) str() string {
	n := d.uint()
	if d.err == nil && n > len(d.s) {
		d.err = errCorrupt
	}
	if d.err != nil {
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

// tree reads a node tree written by appendTree into one array of nodes and
// one array of child pointers.
func (d *cacheReader) tree() *yaml.Node {
	count := d.uint()
	if d.err != nil || count == 0 || count > len(d.s) {
		d.err = errCorrupt
		return nil
	}
	nodes := make([]yaml.Node, count)
	kids := make([]*yaml.Node, count-1) // every node but the root is a child once
	next, nextKid := 0, 0
	var read func() *yaml.Node
	read = func() *yaml.Node {
		if next >= count {
			d.err = errCorrupt
			return nil
		}
		n := &nodes[next]
		next++
		n.Kind = yaml.Kind(d.uint())
		n.Style = yaml.Style(d.uint())
		n.Tag, n.Value, n.Anchor = d.str(), d.str(), d.str()
		n.HeadComment, n.LineComment, n.FootComment = d.str(), d.str(), d.str()
		n.Line, n.Column = d.uint(), d.uint()
		k := d.uint()
		if d.err != nil || k > len(kids)-nextKid {
			d.err = errCorrupt
			return nil
		}
		if k > 0 {
			n.Content = kids[nextKid : nextKid+k : nextKid+k]
			nextKid += k
			for i := range n.Content {
				if n.Content[i] = read(); d.err != nil {
					return nil
				}
			}
		}
		return n
	}
	root := read()
	if d.err == nil && next != count {
		d.err = errCorrupt
	}
	return root
}
