package lsp

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gmtext "github.com/yuin/goldmark/text"
)

// hover answers textDocument/hover: on a finding's range, the explain text
// of its rule (of each rule, when findings overlap there).
func (s *Server) hover(raw json.RawMessage) (any, error) {
	var p textDocumentPositionParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, invalidParams("textDocument/hover", err)
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	var l *linted
	if d != nil {
		l = d.last
	}
	enc := s.enc
	s.mu.Unlock()
	if l == nil {
		return nil, nil
	}
	off := l.idx.offset(p.Position, enc)
	var parts []string
	seen := map[string]bool{}
	var hit *analysis.Finding
	for i, f := range l.findings {
		if f.Start > off || off > f.End || seen[f.Rule] {
			continue
		}
		if f.Start == f.End && off != f.Start {
			continue
		}
		r := l.cfg.Rule(f.Rule)
		if r == nil {
			continue
		}
		seen[f.Rule] = true
		if hit == nil {
			hit = &l.findings[i]
		}
		var b strings.Builder
		rules.Explain(&b, r)
		parts = append(parts, strings.TrimRight(b.String(), "\n"))
	}
	if hit == nil {
		return nil, nil
	}
	rng := Range{Start: l.idx.position(hit.Start, enc), End: l.idx.position(hit.End, enc)}
	return hover{Contents: markupContent{Kind: "plaintext", Value: strings.Join(parts, "\n\n---\n\n")}, Range: &rng}, nil
}

// codeActions answers textDocument/codeAction: for each attrlint
// diagnostic in the range of a Markdown or HTML draft, a quick fix that
// disables its rule there with a SPEC.md directive on a line of its own.
// The reason is a placeholder for the reporter to replace: a directive
// without one is not accepted.
//
// In Markdown a comment line between two lines of a hard-wrapped paragraph
// ends the paragraph (an HTML block interrupts one), and the published page
// shows two. So the directive goes before the paragraph: disable-next-line
// when the finding is on the paragraph's first line, else a disable and
// enable pair around the whole paragraph.
func (s *Server) codeActions(raw json.RawMessage) (any, error) {
	var p codeActionParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, invalidParams("textDocument/codeAction", err)
	}
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	var text string
	var format prose.Format
	if d != nil {
		text, format = d.text, d.format
	}
	enc := s.enc
	s.mu.Unlock()
	actions := []codeAction{}
	if d == nil || format == prose.Plain {
		return actions, nil
	}
	idx := newLineIndex(text)
	var paras []block
	if format == prose.Markdown {
		paras = paragraphs(text)
	}
	done := map[string]bool{}
	for _, raw := range p.Context.Diagnostics {
		var diag contextDiagnostic
		if err := json.Unmarshal(raw, &diag); err != nil {
			s.log.Printf("textDocument/codeAction: a diagnostic in the context: %v", err)
			continue
		}
		code := diag.code()
		if diag.Source != "attrlint" || code == "" {
			continue
		}
		line := diag.Range.Start.Line
		if line < 0 || line >= len(idx.starts) {
			continue
		}
		fix := lineFix(text, idx, line, code)
		if b, ok := blockAt(paras, idx.offset(diag.Range.Start, enc)); ok {
			fix = paragraphFix(text, idx, b, line, code)
		}
		if done[fix.key] {
			continue
		}
		done[fix.key] = true
		actions = append(actions, codeAction{
			Title:       fix.title,
			Kind:        "quickfix",
			Diagnostics: []json.RawMessage{raw},
			Edit:        workspaceEdit{Changes: map[string][]textEdit{p.TextDocument.URI: fix.edits}},
		})
	}
	return actions, nil
}

// fix is one quick fix: its title, its edits, and a key that is the same
// for fixes that would make the same edit.
type fix struct {
	title, key string
	edits      []textEdit
}

// lineFix puts disable-next-line above line, indented as it is: for HTML,
// and for Markdown outside a paragraph (a heading, a table row).
func lineFix(text string, idx *lineIndex, line int, rule string) fix {
	start := idx.starts[line]
	i := start
	for i < idx.lineEnd(line) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	at := Position{Line: line}
	return fix{
		title: fmt.Sprintf("Disable %s for this line", rule),
		key:   fmt.Sprintf("line %d %s", line, rule),
		edits: []textEdit{{Range: Range{Start: at, End: at}, NewText: text[start:i] + DisableNextLine(rule, "reason") + lineEnding(text)}},
	}
}

// paragraphFix disables rule for a finding on line of Markdown paragraph
// b without splitting it. Directive comments already right above the
// paragraph stay right above it: a disable-next-line there must still
// reach the paragraph's first line, so the new comment goes above them,
// as a disable and enable pair.
func paragraphFix(text string, idx *lineIndex, b block, line int, rule string) fix {
	first, last := b.first, b.last
	eol := lineEnding(text)
	// The container's markers ("> ") are repeated; a list item's marker
	// becomes spaces, so the comment belongs to the same item.
	prefix := []byte(text[idx.starts[first]:b.content])
	for i, c := range prefix {
		if c != '>' && c != ' ' && c != '\t' {
			prefix[i] = ' '
		}
	}
	above := first
	for above > 0 && isCommentLine(text[idx.starts[above-1]:idx.lineEnd(above-1)]) {
		above--
	}
	if line == first && above == first {
		at := Position{Line: first}
		return fix{
			title: fmt.Sprintf("Disable %s for this line", rule),
			key:   fmt.Sprintf("line %d %s", first, rule),
			edits: []textEdit{{Range: Range{Start: at, End: at}, NewText: string(prefix) + DisableNextLine(rule, "reason") + eol}},
		}
	}
	at := Position{Line: above}
	edits := []textEdit{{Range: Range{Start: at, End: at}, NewText: string(prefix) + fmt.Sprintf("<!-- attrlint-disable %s -- reason -->", rule) + eol}}
	enable := string(prefix) + fmt.Sprintf("<!-- attrlint-enable %s -->", rule)
	if last+1 < len(idx.starts) {
		after := Position{Line: last + 1}
		edits = append(edits, textEdit{Range: Range{Start: after, End: after}, NewText: enable + eol})
	} else {
		// The paragraph ends the text, without a line break.
		end := idx.position(len(text), UTF16)
		edits = append(edits, textEdit{Range: Range{Start: end, End: end}, NewText: eol + enable + eol})
	}
	return fix{
		title: fmt.Sprintf("Disable %s for this paragraph", rule),
		key:   fmt.Sprintf("paragraph %d %s", first, rule),
		edits: edits,
	}
}

// lineEnding is the text's line ending, by its first one.
func lineEnding(text string) string {
	if i := strings.IndexAny(text, "\r\n"); i >= 0 && text[i] == '\r' {
		if i+1 < len(text) && text[i+1] == '\n' {
			return "\r\n"
		}
		return "\r"
	}
	return "\n"
}

// isCommentLine reports whether line holds an HTML comment alone (after
// container markers).
func isCommentLine(line string) bool {
	line = strings.TrimLeft(line, "> \t")
	line = strings.TrimSpace(line)
	return strings.HasPrefix(line, "<!--") && strings.HasSuffix(line, "-->")
}

// block is a Markdown paragraph: its first and last lines, and the offset
// where its text starts on the first (after "> " or "- ").
type block struct {
	first, last int
	start, end  int // offsets of the paragraph's text
	content     int
}

// paragraphs returns the paragraphs of a Markdown text as goldmark reads
// them, in order.
func paragraphs(text string) []block {
	src := []byte(text)
	doc := goldmark.DefaultParser().Parse(gmtext.NewReader(src))
	idx := newLineIndex(text)
	var out []block
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Kind() != ast.KindParagraph && n.Kind() != ast.KindTextBlock {
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		if lines.Len() == 0 {
			return ast.WalkSkipChildren, nil
		}
		start, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
		last := end
		for last > start && (src[last-1] == '\n' || src[last-1] == '\r') {
			last--
		}
		out = append(out, block{
			first:   idx.position(start, UTF8).Line,
			last:    idx.position(last, UTF8).Line,
			start:   start,
			end:     last,
			content: start,
		})
		return ast.WalkSkipChildren, nil
	})
	return out
}

// blockAt returns the paragraph that holds offset off.
func blockAt(bs []block, off int) (block, bool) {
	for _, b := range bs {
		if b.start <= off && off <= b.end {
			return b, true
		}
	}
	return block{}, false
}

// DisableNextLine returns the inline directive (SPEC.md) that silences
// rule on the line after it, with its reason.
func DisableNextLine(rule, reason string) string {
	return fmt.Sprintf("<!-- attrlint-disable-next-line %s -- %s -->", rule, reason)
}
