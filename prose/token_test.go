package prose

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenStrings renders tokens as "text/kind" joined by spaces, kinds being
// w (Word), n (Number) and p (Punct).
func tokenStrings(s string, toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[t.Start:t.End])
		b.WriteByte('/')
		b.WriteByte("wnp"[t.Kind])
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain words", "Troops massed nearby", "Troops/w massed/w nearby/w"},
		{"curly apostrophe inside a word", "it’s Ukraine’s", "it’s/w Ukraine’s/w"},
		{"straight apostrophe inside a word", "don't O'Brien", "don't/w O'Brien/w"},
		{"leading and trailing apostrophes are punctuation", "rock ’n’ roll", "rock/w ’/p n/w ’/p roll/w"},
		{"plural possessive keeps its apostrophe apart", "the officers’ union", "the/w officers/w ’/p union/w"},
		{"inner hyphen", "military-technical measures", "military-technical/w measures/w"},
		{"hyphen next to digits splits", "a 34-year-old COVID-19 patient", "a/w 34/n -/p year-old/w COVID/w -/p 19/n patient/w"},
		{"dash is punctuation", "Kyiv — the capital", "Kyiv/w —/p the/w capital/w"},
		{"U.S. keeps inner periods, final period apart", "U.S. officials", "U.S/w ./p officials/w"},
		{"U.N. at the end of a sentence", "at the U.N.", "at/w the/w U.N/w ./p"},
		{"initials", "J.R.R. Tolkien and Antony J. Blinken", "J.R.R/w ./p Tolkien/w and/w Antony/w J/w ./p Blinken/w"},
		{"a.m.", "at 9 a.m. Tuesday", "at/w 9/n a.m/w ./p Tuesday/w"},
		{"period between words is not inner", "end.Next a.The", "end/w ./p Next/w a/w ./p The/w"},
		{"initials without the final period", "U.S officials", "U.S/w officials/w"},
		{"thousands separator", "150,000 troops", "150,000/n troops/w"},
		{"number does not swallow a trailing comma", "grew to 130,000, and then", "grew/w to/w 130,000/n ,/p and/w then/w"},
		{"number does not swallow a trailing period", "put it at 150,000.", "put/w it/w at/w 150,000/n ./p"},
		{"decimals", "2.3 million and 1.5 percent", "2.3/n million/w and/w 1.5/n percent/w"},
		{"comma list of numbers", "1,2,3", "1/n ,/p 2/n ,/p 3/n"},
		{"percent sign", "30% of", "30/n %/p of/w"},
		{"slash date", "9/11", "9/n //p 11/n"},
		{"letters after a numeral are a word", "1990s £2.5bn", "1990/n s/w £/p 2.5/n bn/w"},
		{"letters then digits stay one word", "B52 mp3", "B52/w mp3/w"},
		{"quotation marks are each a token", `“Yes,” "no" «oui» „ja“ ‚so‘`,
			`“/p Yes/w ,/p ”/p "/p no/w "/p «/p oui/w »/p „/p ja/w “/p ‚/p so/w ‘/p`},
		{"single quotes around a word", "‘partial’ pullback", "‘/p partial/w ’/p pullback/w"},
		{"unicode spaces separate", "one\u00a0two\u2009three\u3000four\u200bfive", "one/w two/w three/w four/w five/w"},
		{"non-Latin letters", "Зеленський 北京 مرحبا", "Зеленський/w 北京/w مرحبا/w"},
		{"combining marks stay in the word", "Zelensky\u0301y", "Zelensky\u0301y/w"},
		{"emoji is one punct", "🇺🇦 flag", "🇺/p 🇦/p flag/w"},
		{"invalid bytes are one punct each", "a\xff\xfeb", "a/w \xff/p \xfe/p b/w"},
		{"ellipsis", "wait... now…", "wait/w ./p ./p ./p now/w …/p"},
		{"empty", "", ""},
		{"only spaces", " \t\n ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tokenStrings(tt.in, Tokenize(tt.in))
			if got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

// A phrase from a rule pack tokenizes like the same words in a sentence.
func TestTokenizePhraseMatchesText(t *testing.T) {
	text := "Two U.S. officials, who spoke on condition of anonymity, said so."
	for _, phrase := range []string{"U.S. officials", "on condition of anonymity", "said"} {
		pt := Tokenize(phrase)
		tt := Tokenize(text)
		found := false
		for i := 0; i+len(pt) <= len(tt) && !found; i++ {
			found = true
			for k := range pt {
				if text[tt[i+k].Start:tt[i+k].End] != phrase[pt[k].Start:pt[k].End] || tt[i+k].Kind != pt[k].Kind {
					found = false
					break
				}
			}
		}
		if !found {
			t.Errorf("phrase %q (%s) not found in the tokens of %q", phrase, tokenStrings(phrase, pt), text)
		}
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"U.S. Officials", "u.s. officials"},
		{"already lower", "already lower"},
		{"ÉLYSÉE Палац", "élysée палац"},
		{"İstanbul", "İstanbul"}, // lower İ is longer in UTF-8: kept
		{"KELVIN \u212a", "kelvin \u212a"},
		{"bad \xff BYTE", "bad \xff byte"},
	}
	for _, tt := range tests {
		p := &Paragraph{Text: tt.in}
		got := p.Lower()
		if got != tt.want || len(got) != len(tt.in) {
			t.Errorf("Lower(%q) = %q, want %q (same length)", tt.in, got, tt.want)
		}
		if p.Lower() != got {
			t.Errorf("Lower(%q) changed on a second call", tt.in)
		}
	}
}

// TestLowerEveryByte checks the word-at-a-time ASCII path of Lower
// against folding byte by byte, around every ASCII byte and the letters
// whose lower case has another length.
func TestLowerEveryByte(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		for _, s := range []string{
			strings.Repeat(string(rune(c)), 9),
			"Ab" + string(rune(c)) + "CdÉfGhİjKlMnOp" + string(rune(c)) + "QRSTUVWXYZ[`{@",
		} {
			want := []rune(s)
			for i, r := range want {
				if l := unicode.ToLower(r); utf8.RuneLen(l) == utf8.RuneLen(r) {
					want[i] = l
				}
			}
			if got := lowerSameLength(s); got != string(want) {
				t.Errorf("lowerSameLength(%q) = %q, want %q", s, got, string(want))
			}
		}
	}
}

// TestGeneralPunctIsNoWordNorSpace pins what the tokenizer's and
// lower-casing's shortcut for U+2010..U+2027 assumes of those runes: none
// is a space, a letter, a digit or a mark, and none has a case. A Unicode
// version that changes one fails here.
func TestGeneralPunctIsNoWordNorSpace(t *testing.T) {
	for r := rune(0x2000); r <= 0x206F; r++ {
		in := r >= 0x2010 && r <= 0x2027
		if isGeneralPunct(r) != in {
			t.Errorf("isGeneralPunct(%U) = %v, want %v", r, !in, in)
		}
		if !in {
			continue
		}
		if unicode.IsSpace(r) || unicode.Is(unicode.Zs, r) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			t.Errorf("%U is a space, letter, digit or mark", r)
		}
		if unicode.ToLower(r) != r || unicode.ToUpper(r) != r {
			t.Errorf("%U has a case", r)
		}
	}
}
