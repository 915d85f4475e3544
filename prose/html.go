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
type htmlReader struct {
	text     []byte
	b        *paragraphBuilder
	comments []Comment
	skip     []string // open skipped elements
	blocks   []string // open block elements, for a paragraph's kind
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
		r.skip = r.skip[:0] // an unclosed <head> ends here
	}
	if htmlSkipped[name] {
		if !selfClosing {
			if !htmlInlineSkipped[name] {
				r.flush()
			}
			r.skip = append(r.skip, name)
		}
		return
	}
	if htmlBlocks[name] {
		r.flush()
		if !selfClosing && !htmlVoid[name] {
			r.blocks = append(r.blocks, name)
		}
	}
}

func (r *htmlReader) endTag(name string) {
	if i := lastIndex(r.skip, name); i >= 0 {
		r.skip = r.skip[:i]
		return
	}
	if !htmlBlocks[name] {
		return
	}
	// An unclosed inline skipped element (<code>) ends with its block.
	for len(r.skip) > 0 && htmlInlineSkipped[r.skip[len(r.skip)-1]] {
		r.skip = r.skip[:len(r.skip)-1]
	}
	r.flush()
	if i := lastIndex(r.blocks, name); i >= 0 {
		r.blocks = r.blocks[:i]
	}
}

func lastIndex(stack []string, name string) int {
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
	for i := len(r.blocks) - 1; i >= 0 && kind == BlockParagraph; i-- {
		kind = kindOfTag(r.blocks[i])
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
