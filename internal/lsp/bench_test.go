package lsp

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/attrlint/attrlint/prose"
)

// draft5K returns a Markdown draft of about 5 KB in news style, with
// quotations, anonymous sources, figures and non-ASCII text.
func draft5K() string {
	paras := []string{
		"The city council 🏛 voted 7-2 on Tuesday to close the Riverside ferry terminal by March, ending a service that carried 1,800 passengers a day.",
		"“We cannot keep a terminal open that loses money every single month,” the council’s finance chair, Maria Olsen, said after the vote.",
		"Officials said the closure would save about $4 million a year. Two people familiar with the budget talks said the figure was closer to $3 million.",
		"Commuters from 南港 and the harbor district crowded the public gallery, and several held signs reading « Keep the ferry ».",
		"“This is the only way I get to work,” said Tomas Berg, a nurse who crosses the river twice a day.",
		"Critics say the council ignored a consultant’s report that recommended cutting evening sailings instead.",
		"The terminal employs 46 people, according to the transit authority, which said most would be offered jobs on its bus routes.",
	}
	var b strings.Builder
	b.WriteString("# Council votes to close the Riverside ferry terminal\n\n")
	for i := 0; b.Len() < 5000; i++ {
		p := paras[i%len(paras)]
		if i >= len(paras) {
			p = strings.Replace(p, "Tuesday", fmt.Sprintf("day %d", i), 1)
		}
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	return b.String()
}

// BenchmarkLintOnChange is the work between a keystroke's didChange and
// its publishDiagnostics, debounce aside: apply the incremental change, lint
// the buffer with the draft's config, convert every finding to UTF-16
// positions.
func BenchmarkLintOnChange(b *testing.B) {
	s := newServer(io.Discard, Options{})
	text := draft5K()
	path := "/newsroom/drafts/ferry.md"
	change := []contentChange{{Range: &Range{Start: Position{4, 10}, End: Position{4, 10}}, Text: "x"}}
	l, _ := s.check(path, prose.Markdown, text)
	if len(l.findings) == 0 {
		b.Fatal("the draft has no findings")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := applyChanges(text, change, UTF16)
		l, related := s.check(path, prose.Markdown, t)
		_ = toDiagnostics(l, "file://"+path, related, UTF16)
	}
	b.ReportMetric(float64(len(l.findings)), "findings")
}

// BenchmarkLintOnChangeAgainstHEAD is BenchmarkLintOnChange with the
// cross-version rules run against an older version (parsed once, as the
// server caches it per commit).
func BenchmarkLintOnChangeAgainstHEAD(b *testing.B) {
	s := newServer(io.Discard, Options{})
	text := draft5K()
	path := "/newsroom/drafts/ferry.md"
	older := strings.Replace(strings.Replace(text, "1,800 passengers", "1,600 passengers", 1), "46 people", "52 people", 1)
	doc := prose.Parse("HEAD:drafts/ferry.md", []byte(older))
	s.git = &gitVersions{rev: "HEAD", byPath: map[string]*oldVersion{path: {doc: doc, uri: "file:///tmp/old/ferry.md", idx: newLineIndex(older)}}}
	l, _ := s.check(path, prose.Markdown, text)
	changed := 0
	for _, f := range l.findings {
		if f.Rule == "figure-changed" {
			changed++
		}
	}
	if changed == 0 {
		b.Fatal("no figure-changed finding against the older version")
	}
	change := []contentChange{{Range: &Range{Start: Position{4, 10}, End: Position{4, 10}}, Text: "x"}}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := applyChanges(text, change, UTF16)
		l, related := s.check(path, prose.Markdown, t)
		_ = toDiagnostics(l, "file://"+path, related, UTF16)
	}
}

// BenchmarkChangeToDiagnostics measures a didChange to its
// publishDiagnostics through the protocol (framing, JSON, the lint), with a
// debounce of 1 µs; the delay a reporter sees is this plus the debounce.
func BenchmarkChangeToDiagnostics(b *testing.B) {
	c := startServer(b, Options{Debounce: time.Microsecond})
	c.initialize("", nil, nil)
	uri := "file:///newsroom/drafts/ferry.md"
	text := draft5K()
	c.open(uri, "markdown", text)
	c.diagnosticsFor(uri)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": i + 2},
			"contentChanges": []any{map[string]any{"range": Range{Start: Position{4, 10}, End: Position{4, 10}}, "text": "x"}},
		})
		c.diagnosticsFor(uri)
	}
}
