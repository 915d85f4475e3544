package prose

import (
	"bytes"
	"fmt"
	"strings"
)

// goldmark's time and memory grow faster than the text on some shapes of
// Markdown: containers nested on one line ("> > > …", "- - - …", "1. 1. …")
// take time quadratic in their depth; emphasis and link marks that find no
// partner ("*a_ *a_ …", "[a](b[a](b…") quadratic in their number in a
// paragraph; and every link opener or table cell is a node of a few hundred
// bytes, so that 10 MB of "[a" took 3.7 GB. No draft needs any of that. A
// cheap pass over the text measures these shapes before goldmark runs, and
// a document over the budget is read as plain text instead, with a notice.
//
// The budget counts marks, not unmatched marks: telling them apart is
// goldmark's work, and marks that balance by count can still be searched
// quadratically ("*a_ " repeated, then "_a* " repeated). A paragraph of
// tens of kilobytes dense with emphasis and links (a one-line export) is
// read as plain text too: its prose is still checked.

// Budget of a Markdown document. The limits are far above what drafts
// hold: a few levels of nesting, a few marks per paragraph, a small table.
const (
	// mdMaxDepth is the most containers (blockquote and list markers)
	// one line may open.
	mdMaxDepth = 32
	// mdMarksSquaredPerByte bounds the sum, over paragraphs, of the
	// square of their number of emphasis runs and link openers, per byte
	// of the document (plus mdMarksFloor squared): what goldmark's
	// search for partners costs at worst.
	mdMarksSquaredPerByte = 64
	// mdBytesPerNode: link openers, emphasis runs and table cells may
	// number one per mdBytesPerNode bytes of the document (plus
	// mdMarksFloor), each being a node that outlives the parse.
	mdBytesPerNode = 8
	mdMarksFloor   = 4096
)

// markdownBudget returns why goldmark should not read src, or "" when it
// may. It looks at each line once.
func markdownBudget(src []byte) string {
	var (
		marks, cells int64 // in the document
		para         int64 // marks in the current paragraph
		squares      int64 // sum of para squared over finished paragraphs
		cols         int64 // cells per row of the current table, 0 if none
		paraLine     int   // line where the current paragraph started
		worst        struct{ marks, line int64 }
	)
	endPara := func() {
		squares += para * para
		if para > worst.marks {
			worst.marks, worst.line = para, int64(paraLine)
		}
		para, cols = 0, 0
	}
	line := 0
	for i := 0; i < len(src); {
		line++
		j := i
		for j < len(src) && src[j] != '\n' && src[j] != '\r' {
			j++
		}
		l := src[i:j]
		// The line's container markers.
		depth, k := 0, 0
		listItem := false
		for {
			for k < len(l) && (l[k] == ' ' || l[k] == '\t') {
				k++
			}
			if k >= len(l) {
				break
			}
			if l[k] == '>' {
				depth++
				k++
				continue
			}
			if n := listMarker(l[k:]); n > 0 {
				depth++
				listItem = true
				k += n
				continue
			}
			break
		}
		if depth > mdMaxDepth {
			return fmt.Sprintf("line %d opens %d nested blockquotes or lists (the limit is %d)", line, depth, mdMaxDepth)
		}
		rest := l[k:]
		switch {
		case len(rest) == 0:
			endPara() // a blank line, maybe inside containers
		case listItem || rest[0] == '#':
			endPara() // a list item or heading starts a block
			paraLine = line
		case para == 0 && cols == 0:
			paraLine = line
		}
		if cols > 0 {
			cells += cols
		} else if c := tableColumns(rest); c > 0 {
			cols = c
		}
		c := int64(countMarks(rest))
		para += c
		marks += c
		if j < len(src) && src[j] == '\r' && j+1 < len(src) && src[j+1] == '\n' {
			j++
		}
		i = j + 1
	}
	endPara()
	n := int64(len(src))
	switch {
	case squares > mdMarksSquaredPerByte*n+mdMarksFloor*mdMarksFloor:
		return fmt.Sprintf("the paragraph on line %d has %d emphasis marks and link openers", worst.line, worst.marks)
	case marks > n/mdBytesPerNode+mdMarksFloor:
		return fmt.Sprintf("it has %d emphasis marks and link openers in %d bytes", marks, n)
	case cells > n/mdBytesPerNode+mdMarksFloor:
		return fmt.Sprintf("its tables have %d cells in %d bytes", cells, n)
	}
	return ""
}

// countMarks counts the link openers and the runs of emphasis marks of a
// line.
func countMarks(l []byte) int {
	n := 0
	for m, c := range l {
		switch c {
		case '[':
			n++
		case '*', '_':
			if m == 0 || l[m-1] != c {
				n++
			}
		}
	}
	return n
}

// listMarker returns the length of the list marker at the start of l, its
// following space included ("- ", "* ", "+ ", "1. ", "12) "), or 0.
func listMarker(l []byte) int {
	if len(l) >= 2 && (l[0] == '-' || l[0] == '*' || l[0] == '+') && (l[1] == ' ' || l[1] == '\t') {
		return 2
	}
	d := 0
	for d < len(l) && d < 9 && l[d] >= '0' && l[d] <= '9' {
		d++
	}
	if d > 0 && d+1 < len(l) && (l[d] == '.' || l[d] == ')') && (l[d+1] == ' ' || l[d+1] == '\t') {
		return d + 2
	}
	return 0
}

// tableColumns returns the number of columns of a table delimiter row
// ("|---|:-:|"), or 0 when l is not one.
func tableColumns(l []byte) int64 {
	pipe, dash := false, false
	var cols int64
	inDash := false
	for _, c := range l {
		switch c {
		case '|':
			pipe = true
			inDash = false
		case '-':
			dash = true
			if !inDash {
				cols++
			}
			inDash = true
		case ':', ' ', '\t':
		default:
			return 0
		}
	}
	if !pipe || !dash {
		return 0
	}
	return cols
}

// readMarkdownAsPlain reads a Markdown document over the budget as plain
// text, front matter left out, and returns its HTML comments, so that
// inline directives still apply.
func readMarkdownAsPlain(st *store, text []byte, start int) []Comment {
	start += frontMatterEnd(text[start:])
	readPlain(st, text, start)
	var out []Comment
	for s := start; s < len(text); {
		i := bytes.Index(text[s:], []byte("<!--"))
		if i < 0 {
			break
		}
		i += s
		end, inner := len(text), len(text)
		if j := bytes.Index(text[i+2:], []byte("-->")); j >= 0 {
			inner = i + 2 + j
			end = inner + 3
		}
		body := ""
		if inner > i+4 {
			body = strings.TrimSpace(string(text[i+4 : inner]))
		}
		out = append(out, Comment{Span: Span{i, end}, Text: body})
		s = end
	}
	return out
}
