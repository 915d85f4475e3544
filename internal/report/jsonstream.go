package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
)

// The JSON formats (json, sarif) write one indented document whose array of
// findings is streamed: the document is encoded once with the array empty,
// split there into a head and a tail, and the array's elements are encoded
// one by one in between, indented as the encoder would have indented them.
// The output is byte for byte what encoding the whole document at once
// writes.

// splitAt encodes v indented by two spaces, without HTML escaping, and
// splits it at the empty array of key ("key": []): head ends with
// `"key": `, tail starts after `[]`, and indent is the indentation of the
// key's line.
func splitAt(v any, key string) (head, tail []byte, indent string, err error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, nil, "", err
	}
	out := buf.Bytes()
	mark := []byte(`"` + key + `": []`)
	i := bytes.Index(out, mark)
	if i < 0 {
		return nil, nil, "", fmt.Errorf("report: no empty %q array to stream into", key)
	}
	line := bytes.LastIndexByte(out[:i], '\n') + 1
	head = out[:i+len(mark)-2]
	tail = out[i+len(mark):]
	return head, tail, string(out[line:i]), nil
}

// jsonArray writes the elements of one streamed array.
type jsonArray struct {
	w      *bufio.Writer
	indent string // of the line holding the array's key
	n      int
	buf    bytes.Buffer
	enc    *json.Encoder
}

func newJSONArray(w *bufio.Writer, indent string) *jsonArray {
	a := &jsonArray{w: w, indent: indent}
	a.enc = json.NewEncoder(&a.buf)
	a.enc.SetIndent(indent+"  ", "  ")
	a.enc.SetEscapeHTML(false)
	return a
}

// add writes one element.
func (a *jsonArray) add(v any) error {
	a.buf.Reset()
	if err := a.enc.Encode(v); err != nil {
		return err
	}
	if a.n == 0 {
		a.w.WriteString("[\n")
	} else {
		a.w.WriteString(",\n")
	}
	a.n++
	a.w.WriteString(a.indent)
	a.w.WriteString("  ")
	a.w.Write(bytes.TrimSuffix(a.buf.Bytes(), []byte("\n")))
	return nil
}

// close ends the array: [] when it has no element.
func (a *jsonArray) close() {
	if a.n == 0 {
		a.w.WriteString("[]")
		return
	}
	a.w.WriteString("\n")
	a.w.WriteString(a.indent)
	a.w.WriteString("]")
}
