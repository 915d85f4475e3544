package prose

// Interim implementations so that the package compiles while the real
// readers, tokenizer and sentence splitter are written. TO BE REPLACED.

func Tokenize(s string) []Token {
	var toks []Token
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case isSpaceByte(c):
			i++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			j := i
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 0x80 && s[j] != 0xE2) {
				j++
			}
			if j == i {
				j++
			}
			toks = append(toks, Token{i, j, Word})
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ',') {
				j++
			}
			toks = append(toks, Token{i, j, Number})
			i = j
		default:
			toks = append(toks, Token{i, i + 1, Punct})
			i++
		}
	}
	return toks
}

func splitSentences(text string, toks []Token) []Span {
	if len(text) == 0 {
		return nil
	}
	return []Span{{0, len(text)}}
}

func readMarkdown(text []byte, start int) []*Paragraph { return readPlain(text, start) }
func readHTML(text []byte, start int) []*Paragraph     { return readPlain(text, start) }

// Lower returns Text with letters folded to lower case, byte for byte the
// same length, so that offsets into it are offsets into Text.
func (p *Paragraph) Lower() string {
	if p.lower == "" {
		b := []byte(p.Text)
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 32
			}
		}
		p.lower = string(b)
	}
	return p.lower
}
