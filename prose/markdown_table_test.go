package prose

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
)

// tableCases are tables as written, and as mistyped.
var tableCases = []string{
	"| a | b |\n|---|---|\n| 1 | 2 |\n",
	"a | b\n--|--\n1 | 2",
	"| a | b |\n| :-- | --: |\n| 1 | 2 |\n| 3 |\n| 4 | 5 | 6 |\n",
	"|a|b|c|\n|:-:|:--|--:|\n|x|y|z|",
	"Before the table.\nStill before.\n| a | b |\n| - | - |\n| 1 | 2 |\n\nAfter.",
	"Before.\r\n| a | b |\r\n| - | - |\r\n| 1 | 2 |\r\n",
	"| a | b |\n| - |\n| 1 | 2 |\n",
	"| a |\n| - | - |\n",
	"| a | b |\n|---|---|\n",
	"| a \\| b | c |\n|---|---|\n| `x \\| y` | [link](u) **bold** |\n",
	"| a | b\\|\n|---|---|\n| 1\\| | 2 |\n",
	"\\| a | b |\n|---|---|\n\\| 1 | 2 |\n", "a\\\\| b |\n|---|---|\n",
	"|\n|-|\n|x|",
	"||\n|-|-|\n||",
	"| a | b |\n|:--:|::|\n",
	"| a | b |\n| -: - | -- |\n",
	"a\n---\n",
	"a\n- | -\n",
	"0\n0\n|-\n -", // a setext heading above a table
	"| a | b |\n    |---|---|\n",
	"   | a | b |\n   |---|---|\n   | 1 | 2 |",
	"- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n",
	"> | a | b |\n> |---|---|\n> | 1 | 2 |\n",
	"> quote\n| a | b |\n|---|---|\n",
	"\t| a | b |\n\t|---|---|\n",
	"-\t| a |\n \t|---|\n",
	"| a | b |\n|---|---|\n| 1 | 2 |\n| a | b |\n|---|---|\n",
	"| a | b |\n| - | - |\n| - | - |\n",
	"[ref]: /url\n| a |\n|---|\n| [ref] |\n",
	"| a <!-- c --> | b |\n|---|---|\n| 1 | <!-- want \"x\" --> |\n",
	"| “Quoted,” he said | 60,000 troops |\n|---|---|\n",
	"|a|\n|-\f|\n", "|a|\n|-\v|\n", "|a|\n|\r-|\n",
	"# Heading\n| a |\n|---|\n",
	"| a |\n|---|\n# Heading\n",
	"| a |\n|---|\n> quote\n",
	"```\n| a |\n|---|\n```\n",
}

// linkRefCases are link reference definitions, which the parser takes off
// paragraphs with goldmark's transformer only when one may start there
// (linkRefs).
var linkRefCases = []string{
	"[a]: /u\n\ntext [a]",
	"[a]: /u\n[b]: /v 'title'\npara [a] [b]",
	"   [a]: /u\ntext",
	"    [a]: /u\n", // indented code, not a definition
	"\t[a]: /u\n",
	"> [a]: /u\n> quote",
	"- [a]: /u\n- [b]",
	"text\n[a]: /u\n", // not at the start of the paragraph
	"[a]:\n/u\n\"title\"\nafter",
	"[a]: /u \"unclosed\nline",
	"[not a definition] text\n[a]: /u",
	"[a] [b]\n\n[a]: <>\n[b]: /v\n",
	"\f[a]: /u\n", "\v[a]: /u\n",
	"# [a]: /u\n",
}

// TestTablesAsGoldmark: the parser attrlint builds reads tables into the
// trees goldmark's extension.Table makes, on the cases above, the fuzz
// seeds and every Markdown file of the repository's test data.
func TestTablesAsGoldmark(t *testing.T) {
	inputs := append(append(append([]string(nil), tableCases...), linkRefCases...), fuzzSeeds...)
	ruleData, _ := filepath.Glob("../rules/*/testdata")
	for _, dir := range append([]string{"testdata", "../testdata", "../internal/lint/testdata", "../examples"}, ruleData...) {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".md") || strings.Contains(path, "FuzzParseMarkdown")) {
				if data, err := os.ReadFile(path); err == nil {
					inputs = append(inputs, string(data))
				}
			}
			return nil
		})
	}
	for _, in := range inputs {
		compareTables(t, []byte(in))
	}
}

func FuzzTablesAsGoldmark(f *testing.F) {
	for _, s := range append(append(append([]string(nil), tableCases...), linkRefCases...), fuzzSeeds...) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { compareTables(t, data) })
}

func compareTables(t *testing.T, src []byte) {
	t.Helper()
	ref := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	want := dumpMarkdown(ref.Parse(gtext.NewReader(src)), src)
	p := mdParsers.Get().(parser.Parser)
	got := dumpMarkdown(p.Parse(gtext.NewReader(src)), src)
	mdParsers.Put(p)
	if got != want {
		t.Errorf("%q:\ngot:\n%s\nwant (goldmark's extension):\n%s", src, got, want)
	}
}

// dumpMarkdown writes every node of the tree with what the reader uses of
// it: its kind, lines, text segments and, for tables, alignments. The text
// inside code spans is left out: the extension splits it at escaped pipes
// in table cells, and the reader skips code spans whole.
func dumpMarkdown(doc ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		depth := 0
		for p := n.Parent(); p != nil; p = p.Parent() {
			depth++
		}
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), n.Kind())
		if n.Type() == ast.TypeBlock {
			lines := n.Lines()
			for i := range lines.Len() {
				s := lines.At(i)
				fmt.Fprintf(&b, " [%d:%d+%d %v]", s.Start, s.Stop, s.Padding, s.ForceNewline)
			}
			fmt.Fprintf(&b, " blank-before=%v", n.HasBlankPreviousLines())
		}
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %d:%d %q soft=%v hard=%v raw=%v", n.Segment.Start, n.Segment.Stop, n.Segment.Value(src), n.SoftLineBreak(), n.HardLineBreak(), n.IsRaw())
		case *east.Table:
			fmt.Fprintf(&b, " %v", n.Alignments)
		case *east.TableHeader:
			fmt.Fprintf(&b, " %v", n.Alignments)
		case *east.TableRow:
			fmt.Fprintf(&b, " %v", n.Alignments)
		case *east.TableCell:
			fmt.Fprintf(&b, " %v", n.Alignment)
		case *ast.CodeSpan:
			b.WriteString("\n")
			return ast.WalkSkipChildren, nil
		}
		b.WriteString("\n")
		return ast.WalkContinue, nil
	})
	return b.String()
}
