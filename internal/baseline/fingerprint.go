// Package baseline records the findings a repository has today so that a
// check reports only new ones, and computes the fingerprints that recognize
// a finding after unrelated edits. SARIF's partialFingerprints use the same
// fingerprint, so code scanning and the baseline agree on what is "the same
// finding".
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// Fingerprint identifies a finding independently of where it sits in its
// file: a hash of the rule id, the normalized text of the flagged span and
// the normalized prose of the sentence the span starts in. Lines inserted
// above the finding and edits to other sentences of its paragraph leave it
// unchanged; editing the flagged sentence itself changes it, as it should.
// The file is not part of it: callers that need one key per file (the
// baseline) pair it with the path. The result is 32 hex digits.
func Fingerprint(f *analysis.Finding) string {
	h := sha256.New()
	h.Write([]byte(f.Rule))
	h.Write([]byte{0})
	h.Write([]byte(Normalize(FlaggedText(f))))
	h.Write([]byte{0})
	h.Write([]byte(Normalize(sentenceOf(f.Doc, f.Start))))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// FlaggedText returns the bytes of the document a finding covers, as text.
func FlaggedText(f *analysis.Finding) string {
	if f.Doc == nil {
		return ""
	}
	n := len(f.Doc.Text)
	start := min(max(f.Start, 0), n)
	end := min(max(f.End, start), n)
	return string(f.Doc.Text[start:end])
}

// sentenceOf returns the prose of the sentence that contains byte offset off
// of doc, or of its paragraph when off lies between sentences, or "" when
// off lies outside every paragraph.
func sentenceOf(doc *prose.Document, off int) string {
	if doc == nil {
		return ""
	}
	p := doc.ParagraphAt(off)
	if p == nil {
		return ""
	}
	// Sentences are in order and map to the document in order: the one
	// holding off, if any, is the first that ends after it. A search
	// rather than a walk, for a one-line export is one paragraph of
	// thousands of sentences, each with findings.
	k := sort.Search(len(p.Sentences), func(k int) bool { return p.SrcEnd(p.Sentences[k].End) > off })
	if k < len(p.Sentences) && p.Src(p.Sentences[k].Start) <= off {
		s := p.Sentences[k]
		return p.Text[s.Start:s.End]
	}
	return p.Text
}

// Normalize folds the differences that do not change what a sentence says:
// runs of whitespace (a reflowed line, CRLF) become one space, surrounding
// space is dropped, curly quotes and apostrophes become straight ones, and
// invalid bytes are dropped.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’', '‚':
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}
