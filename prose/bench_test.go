package prose

import (
	"fmt"
	"strings"
	"testing"
)

// benchDraft builds a news-style draft of about n bytes in format f.
func benchDraft(f Format, n int) []byte {
	paras := []string{
		"KYIV, Ukraine — Defense ministers met on Thursday to weigh a request for more air defenses, as Lt. Col. Dana Whitfield warned that the threat “remains very real.”",
		"“We are not going to be intimidated,” Ms. Marsh said. “Not now, not ever.”",
		"Two U.S. officials, who spoke on condition of anonymity because they were not authorized to discuss the plans, said the Pentagon would send 3,000 more troops.",
		"The buildup began in the fall, when satellite images showed about 60,000 soldiers near the frontier. That number grew to 90,000 by January, and then to 110,000 — a rise of 2.5 percent a week.",
		"Secretary of State Antony J. Blinken said at 9 a.m. that the talks would resume. “Is it over?” a reporter asked. He did not answer.",
	}
	var b strings.Builder
	if f == HTML {
		b.WriteString("<!DOCTYPE html><html><head><title>Draft</title></head><body>\n")
	}
	for i := 0; b.Len() < n; i++ {
		p := paras[i%len(paras)]
		switch f {
		case Markdown:
			if i%7 == 0 {
				fmt.Fprintf(&b, "## Section %d\n\n", i)
			}
			p = strings.Replace(p, "Pentagon", "[Pentagon](https://example.com/p)", 1)
			p = strings.Replace(p, "officials", "*officials*", 1)
			b.WriteString(p + "\n\n")
		case HTML:
			p = strings.ReplaceAll(p, "“", "&ldquo;")
			p = strings.Replace(p, "officials", "<em>officials</em>", 1)
			b.WriteString("<p>" + p + "</p>\n")
		default:
			b.WriteString(p + "\n")
		}
	}
	if f == HTML {
		b.WriteString("</body></html>\n")
	}
	return []byte(b.String())
}

func benchParse(b *testing.B, path string, f Format) {
	data := benchDraft(f, 10_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(path, data)
	}
}

func BenchmarkParsePlain(b *testing.B)    { benchParse(b, "d.txt", Plain) }
func BenchmarkParseMarkdown(b *testing.B) { benchParse(b, "d.md", Markdown) }
func BenchmarkParseHTML(b *testing.B)     { benchParse(b, "d.html", HTML) }

func BenchmarkTokenize(b *testing.B) {
	s := string(benchDraft(Plain, 10_000))
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(s)
	}
}

func BenchmarkSentences(b *testing.B) {
	s := string(benchDraft(Plain, 10_000))
	toks := Tokenize(s)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		splitSentences(s, toks)
	}
}
