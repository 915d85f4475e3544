package prose

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfmTables reads GitHub-flavoured Markdown tables: a paragraph whose lines
// hold a header row, a delimiter row ("| --- | :-: |") and body rows
// becomes a table of cells (east.Table, east.TableRow, east.TableCell), the
// nodes goldmark's extension.Table makes, with the same segments.
//
// It stands in for that extension so that attrlint does not import
// goldmark/extension: importing it runs the package's initialization on
// every run, which compiles the URL regexps of its linkify extension
// (bounded repeats of 256), about 0.4 ms and 400 KB of stack and heap
// before main, a tenth of a pre-commit run on one draft. The extension's
// other half, which splits the text of code spans at escaped pipes, is left
// out: code is not prose, and the reader skips code spans whole.
// TestTablesAsGoldmark holds both to the same trees.
type gfmTables struct{}

// gfmTablesPriority is where the extension places its transformer: after
// link reference definitions (100) are taken off the paragraph.
const gfmTablesPriority = 200

// Transform turns para, or the lines of it from a header row on, into a
// table: at the first delimiter row whose header row has as many cells.
// A paragraph whose first delimiter row does not fit its header row stays a
// paragraph.
func (gfmTables) Transform(para *ast.Paragraph, reader text.Reader, _ parser.Context) {
	lines := para.Lines()
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		aligns := tableDelimiter(lines.At(i), src)
		if aligns == nil {
			continue
		}
		header := tableRow(lines.At(i-1), aligns, true, src)
		if header.ChildCount() != len(aligns) {
			return
		}
		table := east.NewTable()
		table.Alignments = aligns
		table.SetPos(para.Pos())
		table.AppendChild(table, east.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, tableRow(lines.At(j), aligns, false, src))
		}
		// The paragraph keeps the lines before the header row, if any,
		// the last one without its line break (a paragraph that turns
		// out to be a setext heading is not trimmed again).
		parent := para.Parent()
		lines.SetSliced(0, i-1)
		parent.InsertAfter(parent, para, table)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, para)
			return
		}
		last := lines.At(i - 2)
		last.Stop--
		lines.Set(i-2, last)
		return
	}
}

// tableRow splits a row into cells at the pipes that no backslash escapes,
// without the row's outer pipes and with each cell's spaces trimmed. A
// body row is cut or padded with empty cells to the delimiter row's width;
// a header row keeps all its cells, so that a header of the wrong width is
// seen.
func tableRow(line text.Segment, aligns []east.Alignment, header bool, src []byte) *east.TableRow {
	row := east.NewTableRow(aligns)
	row.SetPos(line.Start)
	seg := line.TrimLeftSpace(src)
	seg = seg.TrimRightSpace(src)
	v := seg.Value(src)
	pos, end := 0, len(v)
	if end > 0 && v[0] == '|' {
		pos++
	}
	if end > 0 && v[end-1] == '|' {
		end--
	}
	n := 0
	for ; pos < end; n++ {
		align := east.AlignNone
		switch {
		case n < len(aligns):
			align = aligns[n]
		case !header:
			return row
		}
		stop := pos
		for stop < end && (v[stop] != '|' || stop > 0 && v[stop-1] == '\\') {
			stop++
		}
		cell := east.NewTableCell()
		cell.SetPos(line.Start + pos - line.Padding)
		cell.Alignment = align
		c := text.NewSegment(seg.Start+pos, seg.Start+stop)
		c = c.TrimLeftSpace(src)
		c = c.TrimRightSpace(src)
		cell.Lines().Append(c)
		row.AppendChild(row, cell)
		pos = stop + 1
	}
	for ; n < len(aligns); n++ {
		row.AppendChild(row, east.NewTableCell())
	}
	return row
}

// tableDelimiter returns the column alignments of a delimiter row, or nil
// when line is not one: at most three spaces of indent, then columns of
// dashes, each with an optional colon at either end, between pipes.
func tableDelimiter(line text.Segment, src []byte) []east.Alignment {
	v := line.Value(src)
	if w, _ := util.IndentWidth(v, 0); w > 3 {
		return nil
	}
	dashesOnly := true
	for _, b := range v {
		if b != '-' {
			dashesOnly = false
		}
		if !util.IsSpace(b) && b != '-' && b != '|' && b != ':' {
			return nil
		}
	}
	if dashesOnly {
		return nil // a thematic break or a setext underline, not a table
	}
	cols := bytes.Split(v, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var aligns []east.Alignment
	for _, col := range cols {
		a, ok := columnAlignment(col)
		if !ok {
			return nil
		}
		aligns = append(aligns, a)
	}
	return aligns
}

// columnAlignment reads one column of a delimiter row: dashes, with a colon
// on the side(s) the column aligns to, and white space (tab, line feed,
// form feed, carriage return, space) around them.
func columnAlignment(col []byte) (east.Alignment, bool) {
	col = bytes.Trim(col, "\t\n\f\r ")
	left := len(col) > 0 && col[0] == ':'
	if left {
		col = col[1:]
	}
	right := len(col) > 0 && col[len(col)-1] == ':'
	if right {
		col = col[:len(col)-1]
	}
	if len(col) == 0 || len(bytes.Trim(col, "-")) > 0 {
		return east.AlignNone, false
	}
	switch {
	case left && right:
		return east.AlignCenter, true
	case left:
		return east.AlignLeft, true
	case right:
		return east.AlignRight, true
	}
	return east.AlignNone, true
}
