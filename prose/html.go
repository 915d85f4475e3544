package prose

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// htmlSkipped are the elements whose content is not prose: scripts, styles,
// the document head (the <title> included: it repeats the headline and is
// not body text), code, forms and embedded documents.
var htmlSkipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "title": true, "pre": true, "code": true, "kbd": true,
	"samp": true, "textarea": true, "select": true, "svg": true,
	"math": true, "iframe": true, "object": true, "canvas": true,
}

// htmlInlineSkipped are the skipped elements that sit inside a line of
// prose: they neither end a paragraph nor outlive the block they are in.
var htmlInlineSkipped = map[string]bool{
	"code": true, "kbd": true, "samp": true, "textarea": true, "select": true,
	"svg": true, "math": true, "canvas": true,
}

// htmlBlocks are the elements that start and end a paragraph. Inline
// elements (a, em, strong, span, i, b, ...) do not.
var htmlBlocks = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "li": true, "ul": true, "ol": true,
	"blockquote": true, "td": true, "th": true, "tr": true, "table": true,
	"thead": true, "tbody": true, "tfoot": true, "caption": true,
	"br": true, "hr": true, "figure": true, "figcaption": true,
	"section": true, "article": true, "header": true, "footer": true,
	"main": true, "aside": true, "nav": true, "address": true, "dl": true,
	"dt": true, "dd": true, "details": true, "summary": true, "form": true,
	"fieldset": true, "legend": true, "body": true, "html": true,
	"img": true, "video": true, "audio": true,
}

// htmlVoid are the block elements that have no end tag.
var htmlVoid = map[string]bool{"br": true, "hr": true, "img": true}

// htmlReader holds the state of one readHTMLDoc call.
//
// Nothing it does per tag depends on how many elements are open: HTML5
// lets a page leave every <p> or <div> unclosed, so the stacks can be as
// deep as the page is long.
type htmlReader struct {
	text     []byte
	b        *paragraphBuilder
	comments []Comment
	skip     []string // open skipped elements
	blocks   []string // open block elements, for a paragraph's kind
	// kinds[i] is the kind a paragraph in blocks[:i+1] gets: that of the
	// innermost of them whose kind is not BlockParagraph.
	kinds []BlockKind
	// openSkip and openBlocks count the elements of each name in skip
	// and in blocks, by htmlTagIndex, so that an end tag with no open
	// element (a stray </b>, </p>) is turned away at once, and one with an
	// open element searches only the entries it then closes.
	openSkip, openBlocks tagCounts
}

// htmlTagIndex numbers the names of htmlSkipped and htmlBlocks, the only
// names the reader's stacks hold.
var htmlTagIndex = func() map[string]int {
	m := map[string]int{}
	for _, set := range []map[string]bool{htmlSkipped, htmlBlocks} {
		for name := range set {
			if _, ok := m[name]; !ok {
				m[name] = len(m)
			}
		}
	}
	return m
}()

// tagCounts counts open elements by htmlTagIndex.
type tagCounts [80]int32

func (c *tagCounts) add(name string, d int32) {
	if i, ok := htmlTagIndex[name]; ok {
		c[i] += d
	}
}

func (c *tagCounts) get(name string) int32 {
	if i, ok := htmlTagIndex[name]; ok {
		return c[i]
	}
	return 0
}

// readHTMLDoc reads the text of an HTML document: the text nodes outside
// skipped elements, a paragraph per block element, into st; it returns the
// document's comments.
func readHTMLDoc(st *store, text []byte, start int) []Comment {
	r := &htmlReader{text: text, b: &st.b}
	z := html.NewTokenizer(bytes.NewReader(text[start:]))
	pos := start
	for {
		tt := z.Next()
		if tt == html.ErrorToken && errors.Is(z.Err(), io.EOF) {
			break
		}
		s := pos
		pos += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			// The tokenizer gives up only at EOF or on a read error, which
			// a bytes.Reader does not produce; stop either way.
			r.flush()
			return r.comments
		case html.TextToken:
			if len(r.skip) == 0 {
				appendDecoded(r.b, text, s, pos, false)
			}
		case html.CommentToken:
			r.comments = append(r.comments, Comment{
				Span: Span{s, pos},
				Text: strings.TrimSpace(string(z.Text())),
			})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			r.startTag(string(name), tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			r.endTag(string(name))
		}
	}
	r.flush()
	return r.comments
}

func (r *htmlReader) startTag(name string, selfClosing bool) {
	if name == "body" {
		r.popSkip(0) // an unclosed <head> ends here
	}
	if htmlSkipped[name] {
		if !selfClosing {
			if !htmlInlineSkipped[name] {
				r.flush()
			}
			r.skip = append(r.skip, name)
			r.openSkip.add(name, 1)
		}
		return
	}
	if htmlBlocks[name] {
		r.flush()
		if !selfClosing && !htmlVoid[name] {
			kind := kindOfTag(name)
			if kind == BlockParagraph && len(r.kinds) > 0 {
				kind = r.kinds[len(r.kinds)-1]
			}
			r.blocks = append(r.blocks, name)
			r.kinds = append(r.kinds, kind)
			r.openBlocks.add(name, 1)
		}
	}
}

func (r *htmlReader) endTag(name string) {
	if i := lastIndex(r.skip, &r.openSkip, name); i >= 0 {
		r.popSkip(i)
		return
	}
	if !htmlBlocks[name] {
		return
	}
	// An unclosed inline skipped element (<code>) ends with its block.
	for len(r.skip) > 0 && htmlInlineSkipped[r.skip[len(r.skip)-1]] {
		r.popSkip(len(r.skip) - 1)
	}
	r.flush()
	if i := lastIndex(r.blocks, &r.openBlocks, name); i >= 0 {
		for _, n := range r.blocks[i:] {
			r.openBlocks.add(n, -1)
		}
		r.blocks = r.blocks[:i]
		r.kinds = r.kinds[:i]
	}
}

// popSkip closes the skipped elements skip[i:].
func (r *htmlReader) popSkip(i int) {
	for _, n := range r.skip[i:] {
		r.openSkip.add(n, -1)
	}
	r.skip = r.skip[:i]
}

// lastIndex returns the index of the innermost element of stack named
// name, or -1; open counts the elements of stack by name. The search is
// only made when there is one: it then costs no more than closing the
// elements above it.
func lastIndex(stack []string, open *tagCounts, name string) int {
	if open.get(name) == 0 {
		return -1
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == name {
			return i
		}
	}
	return -1
}

// flush ends the current paragraph.
func (r *htmlReader) flush() {
	if len(r.b.text) == 0 {
		return
	}
	if r.b.empty() {
		r.b.reset()
		return
	}
	kind := BlockParagraph
	if len(r.kinds) > 0 {
		kind = r.kinds[len(r.kinds)-1]
	}
	r.b.paragraph(kind)
}

func kindOfTag(name string) BlockKind {
	switch name {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return BlockHeading
	case "li", "dd", "dt":
		return BlockListItem
	case "blockquote":
		return BlockQuote
	case "td", "th":
		return BlockTableCell
	}
	return BlockParagraph
}
