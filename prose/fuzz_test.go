package prose

import (
	"testing"
	"unicode/utf8"
)

// Seeds for every target: the fixtures and a few awkward inputs. The
// committed corpora under testdata/fuzz add the crashers found so far.
var fuzzSeeds = []string{
	newsPlain, newsMarkdown, newsHTML,
	"", "\ufeff", "\xff\xfe", "\xfe\xff\x00A", "\r\r\n\n",
	"“Is it over?” she asked. He said, “We are ready.” Then he left.",
	"Lt. Col. J.R.R. Tolkien met U.S. officials at 9 a.m. The talks... ended…",
	"> quote\n> more &amp; \\*x\\*\n\n- [a](b) `c` <!-- d -->",
	"<p>a &ldquo;b&#8221; <b>c<script>x</script><!-- w -->",
	"---\nk: v\n---\n# T\n\n| a | b |\n|---|---|\n| 1 | 2 |",
}

func FuzzParsePlain(f *testing.F)    { fuzzParse(f, "draft.txt") }
func FuzzParseMarkdown(f *testing.F) { fuzzParse(f, "draft.md") }
func FuzzParseHTML(f *testing.F)     { fuzzParse(f, "draft.html") }

func fuzzParse(f *testing.F, path string) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := Parse(path, data)
		checkDocument(t, d)
		for _, p := range d.Paragraphs {
			if l, c := d.Position(p.Start); l < 1 || c < 1 || l > d.LineCount() {
				t.Fatalf("Position(%d) = %d:%d with %d lines", p.Start, l, c, d.LineCount())
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.Start >= tok.End || tok.End > len(s) {
				t.Fatalf("token %+v out of order or empty in %q", tok, s)
			}
			// Only whitespace lies between tokens.
			for _, r := range s[prev:tok.Start] {
				if !isSpaceRune(r) {
					t.Fatalf("%q skipped between tokens in %q", r, s)
				}
			}
			w := s[tok.Start:tok.End]
			if tok.Kind == Punct && utf8.RuneCountInString(w) != 1 {
				t.Fatalf("punct token %q is not one character", w)
			}
			if tok.Kind == Number && (w[len(w)-1] == ',' || w[len(w)-1] == '.') {
				t.Fatalf("number %q ends with a separator", w)
			}
			prev = tok.End
		}
		for _, r := range s[prev:] {
			if !isSpaceRune(r) {
				t.Fatalf("%q left after the last token in %q", r, s)
			}
		}
		// Tokenizing a token alone gives the same token back.
		for _, tok := range toks {
			w := s[tok.Start:tok.End]
			again := Tokenize(w)
			if tok.Kind != Punct && (len(again) != 1 || again[0].Kind != tok.Kind) {
				t.Fatalf("token %q re-tokenizes as %s", w, tokenStrings(w, again))
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		checkSentences(t, s, toks, splitSentences(s, toks))
	})
}
