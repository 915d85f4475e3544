// Package prose is attrlint's document model. A Document holds a draft's text
// and the prose found in it: paragraphs with their sentences and tokens, with
// markup (Markdown syntax, HTML tags, code) left out. Every piece of prose
// keeps its offsets into the document's text, so a finding always points at
// the original bytes.
package prose

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
)

// Format is the markup a draft is written in.
type Format uint8

// Formats attrlint reads.
const (
	Plain Format = iota
	Markdown
	HTML
)

func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	}
	return "plain"
}

// FormatOf returns the format a path's extension names: .md, .markdown and
// .mdx are Markdown; .html and .htm are HTML; anything else is plain text.
func FormatOf(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdx":
		return Markdown
	case ".html", ".htm":
		return HTML
	}
	return Plain
}

// Span is a half-open byte range [Start, End).
type Span struct{ Start, End int }

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset i lies in the span.
func (s Span) Contains(i int) bool { return s.Start <= i && i < s.End }

// A Document is one draft, decoded and split into prose.
type Document struct {
	// Path is the file's path as the user gave it ("-" or the
	// --stdin-filename for standard input).
	Path   string
	Format Format

	// Text is the draft as UTF-8: the file's bytes unchanged when it is
	// UTF-8 (a byte-order mark and invalid bytes included), or the decoded
	// text of a UTF-16 file. Every offset in attrlint is an offset into Text.
	Text []byte

	// Encoding names the file's encoding: "utf-8", "utf-8 bom", "utf-16le"
	// or "utf-16be".
	Encoding string

	// Paragraphs are the blocks of prose in document order.
	Paragraphs []*Paragraph

	// Comments are the HTML comments (<!-- ... -->) of a Markdown or HTML
	// document, in document order. Inline directives and test expectations
	// are read from them.
	Comments []Comment

	// Notice says how the document was read other than its format says,
	// for the driver to pass on: "" for most. A Markdown document that
	// goldmark would take too long or too much memory over (deeply nested
	// containers, thousands of unmatched emphasis marks or link openers)
	// is read as plain text.
	Notice string

	lines lineIndex
}

// Position returns the 1-based line and column of byte offset off in Text.
// Columns count Unicode code points (an invalid byte counts as one). Line
// ends are LF, CRLF or CR.
func (d *Document) Position(off int) (line, col int) {
	return d.lines.position(d.Text, off)
}

// Position16 is like Position but counts the column in UTF-16 code units, as
// SARIF and the language server protocol do.
func (d *Document) Position16(off int) (line, col int) {
	return d.lines.position16(d.Text, off)
}

// LineSpan returns the byte range of the 1-based line n, without its line
// terminator.
func (d *Document) LineSpan(n int) Span {
	return d.lines.lineSpan(d.Text, n)
}

// LineCount returns the number of lines in the document.
func (d *Document) LineCount() int { return len(d.lines.starts) }

// ParagraphAt returns the paragraph whose source range contains offset off,
// or nil.
func (d *Document) ParagraphAt(off int) *Paragraph {
	i := sort.Search(len(d.Paragraphs), func(i int) bool { return d.Paragraphs[i].End > off })
	if i < len(d.Paragraphs) && d.Paragraphs[i].Start <= off {
		return d.Paragraphs[i]
	}
	return nil
}

// A Comment is an HTML comment in a Markdown or HTML document.
type Comment struct {
	// Span is the whole comment in Document.Text, "<!--" and "-->"
	// included (to the end of its block or document when it is not closed).
	Span Span
	// Text is what lies between the markers, without surrounding
	// whitespace.
	Text string
}

// BlockKind says what sort of block a paragraph came from.
type BlockKind uint8

// Block kinds. Plain text has only BlockParagraph.
const (
	BlockParagraph BlockKind = iota
	BlockHeading
	BlockListItem
	BlockQuote
	BlockTableCell
)

// A Paragraph is one block of prose. Its Text is the prose alone: markup is
// removed, entities decoded, soft line breaks kept as they are. Offsets into
// Text map back to the document with Src and SrcEnd.
type Paragraph struct {
	// Index is the paragraph's position in Document.Paragraphs.
	Index int
	Kind  BlockKind

	// Text is the prose of the paragraph.
	Text string

	// Start and End bound the paragraph's source in Document.Text.
	Start, End int

	// Sentences are the sentences of Text, as offsets into Text, in order
	// and without overlap; whitespace between them belongs to none.
	Sentences []Span

	// Tokens are the words, numbers and punctuation of Text, as offsets
	// into Text. Whitespace is not a token.
	Tokens []Token

	// segs maps Text to the document: sorted by text offset, contiguous.
	segs []segment

	lower string

	// words and exactWords cache WordIDs and ExactWordIDs.
	words      wordIDs
	exactWords *wordIDs
}

// segment maps text[text:text+n] to src[src:src+srcN]. When n == srcN the
// mapping is byte for byte (verbatim prose); otherwise (a decoded entity, a
// space standing for a line break) every byte maps to the segment's start.
type segment struct {
	text, n   int
	src, srcN int
	// put marks text that stands for its source rather than copying it
	// (a space for a line break of the same length); a copy never merges
	// into it.
	put bool
}

// Src maps offset i of the paragraph's Text to an offset in Document.Text,
// for the start of a range.
func (p *Paragraph) Src(i int) int {
	if len(p.segs) == 0 {
		return p.Start
	}
	k := sort.Search(len(p.segs), func(k int) bool { return p.segs[k].text+p.segs[k].n > i })
	if k == len(p.segs) {
		s := p.segs[len(p.segs)-1]
		return s.src + s.srcN
	}
	s := p.segs[k]
	if i < s.text {
		i = s.text
	}
	if s.n == s.srcN {
		return s.src + (i - s.text)
	}
	return s.src
}

// SrcEnd maps offset i of the paragraph's Text to an offset in Document.Text,
// for the exclusive end of a range.
func (p *Paragraph) SrcEnd(i int) int {
	if len(p.segs) == 0 {
		return p.Start
	}
	k := sort.Search(len(p.segs), func(k int) bool { return p.segs[k].text+p.segs[k].n >= i })
	if k == len(p.segs) {
		s := p.segs[len(p.segs)-1]
		return s.src + s.srcN
	}
	s := p.segs[k]
	if i <= s.text {
		return s.src
	}
	if s.n == s.srcN {
		return s.src + (i - s.text)
	}
	return s.src + s.srcN
}

// SrcSpan maps a span of the paragraph's Text to the document.
func (p *Paragraph) SrcSpan(s Span) Span {
	return Span{p.Src(s.Start), p.SrcEnd(s.End)}
}

// SentenceAt returns the index of the sentence containing text offset i, or
// -1 when i lies between sentences.
func (p *Paragraph) SentenceAt(i int) int {
	k := sort.Search(len(p.Sentences), func(k int) bool { return p.Sentences[k].End > i })
	if k < len(p.Sentences) && p.Sentences[k].Start <= i {
		return k
	}
	return -1
}

// paragraphBuilder assembles a paragraph's Text and its mapping to the
// document while a reader walks the source. Its buffers serve one paragraph
// after another; a finished paragraph takes its memory from the document's
// store.
type paragraphBuilder struct {
	text []byte
	segs []segment
	st   *store
	// foldText and foldSegs are fold's scratch: it swaps them with text
	// and segs.
	foldText []byte
	foldSegs []segment
}

// copy appends src[start:end] verbatim.
func (b *paragraphBuilder) copy(src []byte, start, end int) {
	if end <= start {
		return
	}
	t := len(b.text)
	b.text = append(b.text, src[start:end]...)
	if n := len(b.segs); n > 0 {
		last := &b.segs[n-1]
		if !last.put && last.n == last.srcN && last.text+last.n == t && last.src+last.srcN == start {
			last.n += end - start
			last.srcN += end - start
			return
		}
	}
	b.segs = append(b.segs, segment{text: t, n: end - start, src: start, srcN: end - start})
}

// put appends s standing for src[start:end] (a decoded entity, a space for a
// line break or a tag between words).
func (b *paragraphBuilder) put(s string, start, end int) {
	if s == "" {
		return
	}
	b.segs = append(b.segs, segment{text: len(b.text), n: len(s), src: start, srcN: end - start, put: true})
	b.text = append(b.text, s...)
}

func (b *paragraphBuilder) empty() bool { return len(bytes.TrimSpace(b.text)) == 0 }

// reset drops what the builder holds, keeping its buffers.
func (b *paragraphBuilder) reset() {
	b.text = b.text[:0]
	b.segs = b.segs[:0]
}

// paragraph finishes the paragraph: it trims surrounding whitespace, and
// splits sentences and tokens. The builder is reset.
func (b *paragraphBuilder) paragraph(kind BlockKind) *Paragraph {
	defer b.reset()
	b.fold()
	text := b.text
	lo, hi := 0, len(text)
	for lo < hi && isSpaceByte(text[lo]) {
		lo++
	}
	for hi > lo && isSpaceByte(text[hi-1]) {
		hi--
	}
	segs := b.segs
	if lo > 0 || hi < len(text) {
		segs = trimSegments(segs, lo, hi)
	}
	st := b.st
	p := st.paragraph()
	p.Kind = kind
	if len(segs) > 0 {
		p.segs = segs // the builder's, while Src reads them
		p.Start = p.Src(0)
		p.End = p.SrcEnd(hi - lo)
	}
	rem := st.n - p.End // the source still to read, for sizing the store
	p.Text = st.string(text[lo:hi], rem)
	p.segs = st.segments(segs, rem)
	p.Tokens = st.tokens(p.Text, rem)
	p.lower = st.lower(p.Text, rem)
	st.wordIDs(p, rem)
	if len(p.Tokens) > 0 {
		st.spanBuf = appendSentences(st.spanBuf[:0], p.Text, p.Tokens)
		p.Sentences = st.spans(st.spanBuf, rem)
	}
	return p
}

// trimSegments keeps the mapping of text[lo:hi] and shifts it to start at
// 0, in place.
func trimSegments(segs []segment, lo, hi int) []segment {
	out := segs[:0]
	for _, s := range segs {
		a, b := s.text, s.text+s.n
		if b <= lo || a >= hi {
			continue
		}
		ns := s
		if s.n == s.srcN {
			if a < lo {
				ns.src += lo - a
				ns.n -= lo - a
				ns.srcN = ns.n
				a = lo
			}
			if b > hi {
				ns.n -= b - hi
				ns.srcN = ns.n
			}
		} else {
			if a < lo {
				ns.n -= lo - a
				a = lo
			}
			if b > hi {
				ns.n -= b - hi
			}
		}
		ns.text = a - lo
		out = append(out, ns)
	}
	return out
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
