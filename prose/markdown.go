package prose

import (
	"bytes"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mdParsers pools goldmark parsers (CommonMark with GFM tables, see
// gfmTables), so that documents can be read concurrently without building a
// parser for each.
//
// The parser is goldmark.DefaultParser's, built here: goldmark.New would
// build an HTML renderer too, and importing the goldmark package itself
// initializes that renderer's packages on every run.
var mdParsers = sync.Pool{New: func() any {
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefs{}, linkRefsPriority)),
		parser.WithParagraphTransformers(util.Prioritized(gfmTables{}, gfmTablesPriority)),
	)
}}

// linkRefs is goldmark's default paragraph transformer, which takes link
// reference definitions ("[id]: /url") off the start of a paragraph, called
// only on a paragraph that may start with one: one whose first byte other
// than white space is "[". The transformer would find no definition in
// any other, but it costs a reader for every paragraph.
type linkRefs struct{}

// linkRefsPriority is the transformer's in parser.DefaultParagraphTransformers.
const linkRefsPriority = 100

func (linkRefs) Transform(para *ast.Paragraph, reader gtext.Reader, pc parser.Context) {
	lines := para.Lines()
	src := reader.Source()
	for i := range lines.Len() {
		s := lines.At(i)
		for _, c := range src[s.Start:s.Stop] {
			if !util.IsSpace(c) {
				if c == '[' {
					parser.LinkReferenceParagraphTransformer.Transform(para, reader, pc)
				}
				return
			}
		}
	}
}

// mdReader holds the state of one readMarkdownDoc call.
type mdReader struct {
	text     []byte // the document
	src      []byte // what goldmark parses: text[base:], front matter blanked
	base     int
	b        *paragraphBuilder
	comments []Comment
	brk      int // source offset of a pending line break, or -1
}

// readMarkdownDoc reads the prose of a Markdown document: paragraphs,
// headings, list items, blockquotes and table cells, without code, raw
// HTML, link and image targets, or front matter, into st. It returns the
// document's HTML comments, from raw HTML blocks and inline raw HTML.
func readMarkdownDoc(st *store, text []byte, start int) []Comment {
	r := &mdReader{text: text, src: text[start:], base: start, b: &st.b, brk: -1}
	if n := frontMatterEnd(r.src); n > 0 {
		// Blank the front matter, keeping its line breaks, so that
		// goldmark sees blank lines and every offset stays the same.
		src := bytes.Clone(r.src)
		for i := range n {
			if src[i] != '\n' && src[i] != '\r' {
				src[i] = ' '
			}
		}
		r.src = src
	}
	p := mdParsers.Get().(parser.Parser)
	doc := p.Parse(gtext.NewReader(r.src))
	mdParsers.Put(p)
	_ = ast.Walk(doc, r.visit)
	return r.comments
}

func (r *mdReader) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		r.htmlBlockComments(n)
		return ast.WalkSkipChildren, nil
	case *ast.Heading:
		r.block(n, BlockHeading)
		return ast.WalkSkipChildren, nil
	case *east.TableCell:
		r.block(n, BlockTableCell)
		return ast.WalkSkipChildren, nil
	case *ast.Paragraph, *ast.TextBlock:
		r.block(n, containerKind(n))
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

// containerKind is the kind of a paragraph: that of its nearest list item or
// blockquote.
func containerKind(n ast.Node) BlockKind {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.ListItem:
			return BlockListItem
		case *ast.Blockquote:
			return BlockQuote
		}
	}
	return BlockParagraph
}

// block reads the inline content of a block into one paragraph.
func (r *mdReader) block(n ast.Node, kind BlockKind) {
	r.brk = -1
	r.inlines(n)
	r.brk = -1
	if len(r.b.text) == 0 {
		return
	}
	if r.b.empty() {
		r.b.reset()
		return
	}
	r.b.paragraph(kind)
}

func (r *mdReader) inlines(parent ast.Node) {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			if r.brk >= 0 {
				// A line break, with the blockquote markers and indentation
				// of the next line, reads as one space.
				r.b.put(" ", r.brk, r.base+seg.Start)
				r.brk = -1
			}
			appendDecoded(r.b, r.text, r.base+seg.Start, r.base+seg.Stop, true)
			if c.SoftLineBreak() || c.HardLineBreak() {
				r.brk = r.base + seg.Stop
			}
		case *ast.RawHTML:
			r.rawHTMLComment(c)
		case *ast.CodeSpan, *ast.AutoLink, *ast.Image, *ast.String:
			// Not prose: code, URLs, images (their alt text included).
		default:
			// Emphasis, links (their text; the destination is no child)
			// and extension inlines: their text is prose.
			r.inlines(c)
		}
	}
}

// rawHTMLComment records inline raw HTML that is a comment.
func (r *mdReader) rawHTMLComment(n *ast.RawHTML) {
	if n.Segments.Len() == 0 {
		return
	}
	s := n.Segments.At(0).Start
	e := n.Segments.At(n.Segments.Len() - 1).Stop
	if bytes.HasPrefix(r.src[s:e], []byte("<!--")) {
		r.scanComments(s, e)
	}
}

// htmlBlockComments records the comments in a raw HTML block.
func (r *mdReader) htmlBlockComments(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	s := lines.At(0).Start
	e := lines.At(lines.Len() - 1).Stop
	if n.HasClosure() && n.ClosureLine.Stop > e {
		e = n.ClosureLine.Stop
	}
	r.scanComments(s, e)
}

// scanComments records every comment in src[s:e]; one that is not closed
// runs to e, without its final line break.
func (r *mdReader) scanComments(s, e int) {
	for s < e {
		i := bytes.Index(r.src[s:e], []byte("<!--"))
		if i < 0 {
			return
		}
		i += s
		var end, inner int
		if j := bytes.Index(r.src[i+2:e], []byte("-->")); j >= 0 {
			inner = i + 2 + j
			end = inner + 3
		} else {
			end = e
			for end > i+4 && (r.src[end-1] == '\n' || r.src[end-1] == '\r') {
				end--
			}
			inner = end
		}
		body := ""
		if inner > i+4 {
			body = strings.TrimSpace(string(r.src[i+4 : inner]))
		}
		r.comments = append(r.comments, Comment{Span: Span{r.base + i, r.base + end}, Text: body})
		s = end
	}
}

// frontMatterEnd returns the length of the front matter at the start of
// src: YAML between "---" lines (closed by "---" or "..."), or TOML between
// "+++" lines. It returns 0 when there is none or it is not closed.
func frontMatterEnd(src []byte) int {
	line, next := firstLine(src, 0)
	var closers []string
	switch string(bytes.TrimRight(line, " \t")) {
	case "---":
		closers = []string{"---", "..."}
	case "+++":
		closers = []string{"+++"}
	default:
		return 0
	}
	for next < len(src) {
		line, next = firstLine(src, next)
		l := string(bytes.TrimRight(line, " \t"))
		for _, c := range closers {
			if l == c {
				return next
			}
		}
	}
	return 0
}

// firstLine returns the line starting at src[i], without its terminator,
// and the offset after the terminator.
func firstLine(src []byte, i int) ([]byte, int) {
	j := i
	for j < len(src) && src[j] != '\n' && src[j] != '\r' {
		j++
	}
	line := src[i:j]
	if j < len(src) && src[j] == '\r' {
		j++
	}
	if j < len(src) && src[j] == '\n' && (j == i+len(line) || src[j-1] == '\r') {
		j++
	}
	return line, j
}
