package prose

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// Paragraphs carved out of a document's chunks hold what they would hold
// alone: the same tokens, sentences and lower-cased text as the stages give
// on their Text, whatever the chunks' sizes, for paragraphs of every size
// (tokens overflowing their chunk's room, paragraphs larger than a chunk)
// and documents of many chunks, which other documents parsed in between
// leave alone.
func TestParagraphsFromChunks(t *testing.T) {
	pieces := []string{
		"Officials said 3,000 troops were sent. ", "“Is it over?” she asked. ", "ÉCOLE Straße İstanbul ",
		"!?!?!?!?!?!?!?!?", "a.b.c.d.", "— … ", "\u00a0", "x ", "&amp; ", "\\*",
	}
	r := rand.New(rand.NewPCG(11, 13))
	var docs []*Document
	var texts [][]string
	for trial := 0; trial < 30; trial++ {
		var b strings.Builder
		size := r.IntN(150_000) + 10
		for b.Len() < size {
			for n := r.IntN(60) + 1; n > 0; n-- {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			if r.IntN(20) == 0 { // a paragraph of 40 KB of punctuation
				b.WriteString(strings.Repeat("!", 40_000))
			}
			b.WriteString("\n\n")
		}
		f := []Format{Plain, Markdown, HTML}[trial%3]
		d := ParseAs("d", []byte(b.String()), f)
		var ts []string
		for _, p := range d.Paragraphs {
			if want := Tokenize(p.Text); !slices.Equal(p.Tokens, want) {
				t.Fatalf("trial %d: paragraph %d has %d tokens, Tokenize %d", trial, p.Index, len(p.Tokens), len(want))
			}
			if want := splitSentences(p.Text, p.Tokens); !slices.Equal(p.Sentences, want) {
				t.Fatalf("trial %d: paragraph %d has sentences %v, want %v", trial, p.Index, p.Sentences, want)
			}
			if p.Lower() != lowerSameLength(p.Text) {
				t.Fatalf("trial %d: paragraph %d: Lower differs from lowerSameLength", trial, p.Index)
			}
			if cap(p.Tokens) != len(p.Tokens) || cap(p.Sentences) != len(p.Sentences) || cap(p.segs) != len(p.segs) {
				t.Fatalf("trial %d: paragraph %d: a slice has room past its end", trial, p.Index)
			}
			ts = append(ts, p.Text+"\x00"+p.Lower())
		}
		docs = append(docs, d)
		texts = append(texts, ts)
	}
	for i, d := range docs {
		for j, p := range d.Paragraphs {
			if p.Text+"\x00"+p.Lower() != texts[i][j] {
				t.Fatalf("document %d, paragraph %d changed after other documents were parsed", i, j)
			}
		}
	}
}
