package lsp

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
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
// diagnostic in the range of a Markdown or HTML draft, "Disable RULE for
// this line", which puts the SPEC.md directive on a line of its own above
// the finding's line. The reason is a placeholder for the reporter to
// replace: a directive without one is not accepted.
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
	s.mu.Unlock()
	actions := []codeAction{}
	if d == nil || format == prose.Plain {
		return actions, nil
	}
	idx := newLineIndex(text)
	eol := "\n"
	if i := strings.IndexAny(text, "\r\n"); i >= 0 && text[i] == '\r' {
		eol = "\r"
		if i+1 < len(text) && text[i+1] == '\n' {
			eol = "\r\n"
		}
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
		key := fmt.Sprintf("%d %s", line, code)
		if done[key] {
			continue
		}
		done[key] = true
		start := idx.starts[line]
		indent := text[start:start]
		for i := start; i < idx.lineEnd(line) && (text[i] == ' ' || text[i] == '\t'); i++ {
			indent = text[start : i+1]
		}
		at := Position{Line: line, Character: 0}
		actions = append(actions, codeAction{
			Title:       fmt.Sprintf("Disable %s for this line", code),
			Kind:        "quickfix",
			Diagnostics: []json.RawMessage{raw},
			Edit: workspaceEdit{Changes: map[string][]textEdit{p.TextDocument.URI: {{
				Range:   Range{Start: at, End: at},
				NewText: indent + DisableNextLine(code, "reason") + eol,
			}}}},
		})
	}
	return actions, nil
}

// DisableNextLine returns the inline directive (SPEC.md) that silences
// rule on the line after it, with its reason.
func DisableNextLine(rule, reason string) string {
	return fmt.Sprintf("<!-- attrlint-disable-next-line %s -- %s -->", rule, reason)
}
