package prose

import (
	"fmt"
	"testing"
	"unicode/utf16"
)

// BenchmarkNumbers is number recognition (digits and words, scales,
// suffixes) over every paragraph of a parsed 10 KB draft: the first step of
// figure extraction.
func BenchmarkNumbers(b *testing.B) {
	data := benchDraft(Plain, 10_000)
	doc := Parse("d.txt", data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, p := range doc.Paragraphs {
			n += len(p.Numbers())
		}
	}
	if n == 0 {
		b.Fatal("no numbers in the draft")
	}
}

// BenchmarkDecodeUTF16 is reading a 10 KB draft saved as UTF-16 (with a
// byte-order mark): decoding to UTF-8, then parsing. Compare with
// BenchmarkParsePlain for the cost of decoding alone.
func BenchmarkDecodeUTF16(b *testing.B) {
	text := string(benchDraft(Plain, 10_000))
	units := utf16.Encode([]rune(text))
	data := []byte{0xFF, 0xFE}
	for _, u := range units {
		data = append(data, byte(u), byte(u>>8))
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if doc := Parse("d.txt", data); doc.Encoding != "utf-16le" {
			b.Fatalf("decoded as %s, want utf-16le", doc.Encoding)
		}
	}
}

// BenchmarkWordIDs is looking every token of a parsed 10 KB draft up in
// the vocabulary of the phrase lists, as the first phrase match of each
// paragraph does (the others reuse the IDs). The vocabulary is every
// word of the draft's first two paragraphs and 800 other words, so that,
// as in real copy, about half the tokens are in it.
func BenchmarkWordIDs(b *testing.B) {
	data := benchDraft(Plain, 10_000)
	doc := Parse("d.txt", data)
	var words []string
	for _, p := range doc.Paragraphs[:2] {
		for _, t := range p.Tokens {
			words = append(words, p.Lower()[t.Start:t.End])
		}
	}
	for i := range 800 {
		words = append(words, fmt.Sprintf("w%dx", i))
	}
	InternWords(words)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	known, all := 0, 0
	for b.Loop() {
		for _, p := range doc.Paragraphs {
			p.words = wordIDs{} // computed anew
			for _, id := range p.WordIDs() {
				if id != 0 {
					known++
				}
				all++
			}
		}
	}
	if known == 0 || known == all {
		b.Fatalf("%d of %d tokens in the vocabulary", known, all)
	}
}
