package lsp

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"time"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
)

// document is an open draft: the editor's text, not the file on disk.
type document struct {
	uri     string
	path    string // the file's path; "" for a buffer with no file
	format  prose.Format
	version int
	text    string
	// gen counts changes, so that a lint of older text is not published.
	gen   uint64
	timer *time.Timer
	// last is the most recent lint, for hover and code actions.
	last *linted
}

// linted is one lint of a document's text.
type linted struct {
	gen      uint64
	text     string
	idx      *lineIndex
	findings []analysis.Finding
	cfg      *config.Config
}

func (d *document) stop() {
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
}

// lintable reports whether a document is a draft attrlint reads, and in
// which format: Markdown, HTML and plain text, by the file's extension or,
// for a buffer without one, the client's language id. Other documents (the
// config file, source code) are left alone.
func lintable(path, languageID string) (prose.Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdx", ".html", ".htm", ".txt", ".text":
		return prose.FormatOf(path), true
	}
	switch strings.ToLower(languageID) {
	case "markdown", "mdx":
		return prose.Markdown, true
	case "html":
		return prose.HTML, true
	case "plaintext", "text", "txt":
		return prose.Plain, true
	}
	return prose.Plain, false
}

func (s *Server) didOpen(raw json.RawMessage) error {
	var p didOpenParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return err
	}
	path, _ := uriToPath(p.TextDocument.URI)
	format, ok := lintable(path, p.TextDocument.LanguageID)
	if !ok {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.docs[p.TextDocument.URI]; old != nil {
		old.stop()
	}
	d := &document{uri: p.TextDocument.URI, path: path, format: format, version: p.TextDocument.Version, text: p.TextDocument.Text}
	s.docs[d.uri] = d
	if s.git != nil && path != "" {
		s.git.forget(path)
	}
	s.schedule(d, 0)
	return nil
}

func (s *Server) didChange(raw json.RawMessage) error {
	var p didChangeParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil // not a draft, or never opened
	}
	d.text = applyChanges(d.text, p.ContentChanges, s.enc)
	d.version = p.TextDocument.Version
	s.schedule(d, s.debounce)
	return nil
}

func (s *Server) didSave(raw json.RawMessage) error {
	var p didSaveParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return err
	}
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		return err
	}
	if filepath.Base(path) == config.FileName {
		s.configChanged(path)
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[p.TextDocument.URI]; d != nil {
		if s.git != nil {
			s.git.forget(d.path) // a commit usually follows a save
		}
		s.schedule(d, 0)
	}
	return nil
}

func (s *Server) didClose(raw json.RawMessage) error {
	var p didCloseParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	d.stop()
	delete(s.docs, d.uri)
	// Under s.mu, so that no lint in flight publishes after the clear.
	return s.out.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: d.uri, Diagnostics: []Diagnostic{}})
}

func (s *Server) didChangeWatchedFiles(raw json.RawMessage) error {
	var p didChangeWatchedFilesParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return err
	}
	for _, c := range p.Changes {
		path, err := uriToPath(c.URI)
		if err != nil {
			continue
		}
		if filepath.Base(path) == config.FileName {
			s.configChanged(path)
		}
	}
	return nil
}

// schedule lints d after delay, replacing a lint already scheduled: while
// the reporter types, only the text after the last keystroke of a burst is
// linted. The caller holds s.mu.
func (s *Server) schedule(d *document, delay time.Duration) {
	d.gen++
	d.stop()
	uri := d.uri
	d.timer = time.AfterFunc(delay, func() { s.lint(uri) })
}

// relintAll lints every open draft again, at once: after a config change.
func (s *Server) relintAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		s.schedule(d, 0)
	}
}

// relintOthers lints every open draft but the one at path again, at once:
// after a config file was found changed while linting that one.
func (s *Server) relintOthers(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.path != path || path == "" {
			s.schedule(d, 0)
		}
	}
}

// lint lints the current text of the document at uri and publishes the
// findings, unless the text changed meanwhile (a newer lint is scheduled).
func (s *Server) lint(uri string) {
	s.lintMu.Lock()
	defer s.lintMu.Unlock()

	s.mu.Lock()
	d := s.docs[uri]
	if d == nil || s.exited || s.shutdown {
		s.mu.Unlock()
		return
	}
	text, gen, path, format, enc := d.text, d.gen, d.path, d.format, s.enc
	s.mu.Unlock()

	l, related := s.check(path, format, text)

	diags := toDiagnostics(l, uri, related, enc)
	l.gen = gen

	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[uri]; d == nil || d.gen != gen || s.exited || s.shutdown {
		return
	}
	d.last = l
	version := d.version
	if err := s.out.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Version: &version, Diagnostics: diags}); err != nil {
		s.log.Printf("publish diagnostics: %v", err)
	}
}

// check lints text, a draft at path, with the rules of its config, and,
// when the session compares with a git revision, runs the cross-version
// rules against the draft's content there. related maps the older
// version's document to where the editor can open it.
func (s *Server) check(path string, format prose.Format, text string) (*linted, map[*prose.Document]relatedDoc) {
	cfg, key := s.configFor(path)
	docPath := path
	if docPath == "" {
		docPath = "untitled"
	}
	doc := prose.ParseAs(docPath, []byte(text), format)
	var old *oldVersion
	if s.git != nil && path != "" {
		old = s.git.version(path)
	}
	var (
		findings []analysis.Finding
		errs     []error
		related  map[*prose.Document]relatedDoc
	)
	if old != nil {
		findings, errs = lint.CheckAgainst(cfg, doc, old.doc, key)
		related = map[*prose.Document]relatedDoc{old.doc: {uri: old.uri, idx: old.idx}}
	} else {
		findings, errs = lint.Check(cfg, doc, key)
	}
	for _, err := range errs {
		s.log.Print(err)
	}
	return &linted{text: text, idx: newLineIndex(text), findings: findings, cfg: cfg}, related
}

// relatedDoc is a document other than the draft that a finding points
// into: an older version.
type relatedDoc struct {
	uri string
	idx *lineIndex
}

// toDiagnostics converts findings to LSP diagnostics: their byte offsets
// to positions in the encoding enc, all of a document's at once.
func toDiagnostics(l *linted, uri string, related map[*prose.Document]relatedDoc, enc Encoding) []Diagnostic {
	conv := newConverter(enc)
	for _, f := range l.findings {
		conv.need(l.idx, f.Start, f.End)
		for _, r := range f.Related {
			idx := l.idx
			if r.Doc != nil && r.Doc != f.Doc {
				rd, ok := related[r.Doc]
				if !ok {
					continue
				}
				idx = rd.idx
			}
			conv.need(idx, r.Start, r.End)
		}
	}
	conv.convert()
	diags := make([]Diagnostic, 0, len(l.findings))
	for _, f := range l.findings {
		diags = append(diags, toDiagnostic(f, l, uri, related, conv))
	}
	return diags
}

// converter converts the offsets of several texts to positions, each
// text's in one pass.
type converter struct {
	enc  Encoding
	offs map[*lineIndex][]int
	pos  map[*lineIndex]map[int]Position
}

func newConverter(enc Encoding) *converter {
	return &converter{enc: enc, offs: map[*lineIndex][]int{}, pos: map[*lineIndex]map[int]Position{}}
}

func (c *converter) need(idx *lineIndex, offs ...int) {
	c.offs[idx] = append(c.offs[idx], offs...)
}

func (c *converter) convert() {
	for idx, offs := range c.offs {
		ps := idx.positions(offs, c.enc)
		m := make(map[int]Position, len(offs))
		for i, off := range offs {
			m[off] = ps[i]
		}
		c.pos[idx] = m
	}
}

// position returns the position of off in idx's text, converted in one
// pass when it was asked for with need.
func (c *converter) position(idx *lineIndex, off int) Position {
	if p, ok := c.pos[idx][off]; ok {
		return p
	}
	return idx.position(off, c.enc)
}

// toDiagnostic converts a finding to an LSP diagnostic.
func toDiagnostic(f analysis.Finding, l *linted, uri string, related map[*prose.Document]relatedDoc, conv *converter) Diagnostic {
	d := Diagnostic{
		Range:    Range{Start: conv.position(l.idx, f.Start), End: conv.position(l.idx, f.End)},
		Severity: lspSeverity(f.Severity),
		Code:     f.Rule,
		Source:   "attrlint",
		Message:  f.Message,
	}
	if href := ruleHref(l.cfg, f.Rule); href != "" {
		d.CodeDescription = &CodeDescription{Href: href}
	}
	for _, r := range f.Related {
		loc := Location{URI: uri}
		idx := l.idx
		if r.Doc != nil && r.Doc != f.Doc {
			rd, ok := related[r.Doc]
			if !ok {
				continue
			}
			loc.URI, idx = rd.uri, rd.idx
		}
		loc.Range = Range{Start: conv.position(idx, r.Start), End: conv.position(idx, r.End)}
		d.RelatedInformation = append(d.RelatedInformation, DiagnosticRelatedInformation{Location: loc, Message: r.Message})
	}
	return d
}

func lspSeverity(s analysis.Severity) int {
	switch s {
	case analysis.SeverityError:
		return severityError
	case analysis.SeverityWarning:
		return severityWarning
	}
	return severityInformation
}

// repoURL is where the built-in rule packs are published.
const repoURL = "https://github.com/attrlint/attrlint/blob/main/"

// ruleHref returns the address of a rule's documentation: the embedded
// pack that defines a built-in rule, or the config file that defines a
// user's rule; "" when there is none.
func ruleHref(cfg *config.Config, id string) string {
	r := cfg.Rule(id)
	if r == nil || r.Source == "" {
		return ""
	}
	if strings.HasPrefix(r.Source, "rules/") {
		return repoURL + r.Source
	}
	if filepath.IsAbs(r.Source) {
		return pathToURI(r.Source)
	}
	return ""
}
