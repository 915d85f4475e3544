package prose

import (
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	// Word is a run of letters and digits with inner apostrophes, hyphens
	// and periods ("it’s", "military-technical", "U.S" of "U.S.").
	Word TokenKind = iota
	// Number is a numeral as written: "150,000", "2.3", "30%" is a Number
	// then a Punct.
	Number
	// Punct is one punctuation or symbol character, quotation marks
	// included.
	Punct
)

// A Token is a word, number or punctuation mark: a span of a paragraph's Text.
type Token struct {
	Start, End int
	Kind       TokenKind
}

// Tokenize splits s into words, numbers and punctuation. It is used both on
// paragraphs and on the phrases of rule packs, so that a phrase and the text
// it should match tokenize alike.
//
// The rules, in the order they are tried:
//
//   - Whitespace (any Unicode space, zero-width space and U+FEFF included)
//     separates tokens and is never one.
//   - A Number starts with an ASCII digit and holds digits, a comma followed
//     by exactly three digits ("150,000") and a period followed by a digit
//     ("2.3"). It never ends with a comma or a period. Letters written right
//     after a numeral start a new Word ("1990s" is "1990" then "s", "2.5bn"
//     is "2.5" then "bn"), so that every figure is a Number token; "9/11" is
//     "9", "/", "11".
//   - A Word starts with a letter (or a non-ASCII digit) and holds letters,
//     digits and combining marks, joined by:
//     an apostrophe (' or ’) between a letter or digit and a letter
//     ("it’s", "Ukraine’s", "O’Brien");
//     a hyphen (-, U+2010, U+2011) between two letters ("military-technical";
//     "COVID-19" and "34-year-old" split at the hyphen next to the digits);
//     a period between two single letters ("U.S" of "U.S.", "J.R.R" of
//     "J.R.R.", "a.m" of "a.m."). The final period is always a Punct token,
//     in text and in phrases alike.
//     A leading or trailing apostrophe is Punct: "rock ’n’ roll" is "rock",
//     "’", "n", "’", "roll"; "the officers’ union" is "officers", "’", "union".
//   - Anything else is a Punct token of one character; an invalid UTF-8 byte
//     is a Punct token of one byte.
func Tokenize(s string) []Token {
	return appendTokens(make([]Token, 0, len(s)/4+1), s)
}

// AppendTokens appends the tokens of s, as Tokenize gives them, to toks,
// so that a caller tokenizing many short strings can reuse one slice.
func AppendTokens(toks []Token, s string) []Token { return appendTokens(toks, s) }

// appendTokens appends the tokens of s to toks.
func appendTokens(toks []Token, s string) []Token {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			switch asciiClass[c] {
			case asciiSpace:
				i++
			case asciiDigit:
				j := scanNumber(s, i)
				toks = append(toks, Token{i, j, Number})
				i = j
			case asciiLetter:
				// Most words are a run of ASCII letters and digits that
				// ends at a byte that cannot continue it (see scanWord).
				j := i + 1
				for j < len(s) && alnum[s[j]] != 0 {
					j++
				}
				if j < len(s) && mayJoin[s[j]] {
					j = scanWord(s, i)
				}
				toks = append(toks, Token{i, j, Word})
				i = j
			default:
				toks = append(toks, Token{i, i + 1, Punct})
				i++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpaceRune(r):
			i += w
		case isWordRune(r) && (r != utf8.RuneError || w != 1):
			j := scanWord(s, i)
			toks = append(toks, Token{i, j, Word})
			i = j
		default:
			toks = append(toks, Token{i, i + w, Punct})
			i += w
		}
	}
	return toks
}

// Classes of ASCII bytes for Tokenize.
const (
	asciiPunct = iota
	asciiSpace
	asciiDigit
	asciiLetter
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch r := rune(c); {
		case isSpaceRune(r):
			t[c] = asciiSpace
		case r >= '0' && r <= '9':
			t[c] = asciiDigit
		case isWordRune(r):
			t[c] = asciiLetter
		}
	}
	return t
}()

// alnum tells the ASCII letters and digits from every other byte.
var alnum = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = alnumDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = alnumLetter
		t[c-'a'+'A'] = alnumLetter
	}
	return t
}()

const (
	alnumDigit = 1 + iota
	alnumLetter
)

// mayJoin marks the bytes that may continue a word after ASCII letters and
// digits: apostrophes, hyphens and periods, and every non-ASCII byte.
var mayJoin = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = true
	}
	t['\''], t['-'], t['.'] = true, true, true
	return t
}()

// isSpaceRune reports whether r separates tokens.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
	}
	if isGeneralPunct(r) {
		return false
	}
	return unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF || unicode.Is(unicode.Zs, r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if isGeneralPunct(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isGeneralPunct reports whether r is one of U+2010 to U+2027: hyphens,
// dashes, quotation marks, bullets and the ellipsis, the non-ASCII
// punctuation of most copy. None is a space, a letter, a digit or a mark,
// or has a case.
func isGeneralPunct(r rune) bool { return uint32(r)-0x2010 <= 0x2027-0x2010 }

func isLetterRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// runeAt decodes the rune at s[i], or returns -1 at the end of s.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && w == 1 {
		return -1, 1
	}
	return r, w
}

// scanNumber returns the end of the numeral starting at s[i].
func scanNumber(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case isDigit(c):
			j++
		case c == '.' && j+1 < len(s) && isDigit(s[j+1]):
			j++
		case c == ',' && j+3 < len(s) && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])):
			j += 4
		default:
			return j
		}
	}
	return j
}

// scanWord returns the end of the word starting at s[i].
func scanWord(s string, i int) int {
	j := i
	segRunes := 0
	prevLetter := false // the rune before j is a letter
	for j < len(s) {
		var r rune
		var w int
		if c := s[j]; c < utf8.RuneSelf {
			if alnum[c] != 0 {
				// A run of ASCII letters and digits, at once.
				k := j + 1
				for k < len(s) && alnum[s[k]] != 0 {
					k++
				}
				segRunes += k - j
				prevLetter = alnum[s[k-1]] == alnumLetter
				j = k
				continue
			}
			r, w = rune(c), 1
		} else {
			r, w = runeAt(s, j)
			if r >= 0 && isWordRune(r) {
				// A combining mark belongs to the letter before it.
				if !unicode.IsMark(r) {
					prevLetter = unicode.IsLetter(r)
					segRunes++
				}
				j += w
				continue
			}
		}
		switch r {
		case '\'', '’':
			// Inner apostrophe: a letter or digit before, a letter after.
			if n, nw := runeAt(s, j+w); n >= 0 && isLetterRune(n) {
				j += w + nw
				prevLetter = true
				segRunes++
				continue
			}
		case '-', '\u2010', '\u2011':
			if n, nw := runeAt(s, j+w); prevLetter && n >= 0 && isLetterRune(n) {
				j += w + nw
				prevLetter = true
				segRunes++
				continue
			}
		case '.':
			// "U.S", "J.R.R", "a.m": single letters joined by periods.
			if prevLetter && segRunes == 1 && isInitialAt(s, j+1) {
				_, nw := runeAt(s, j+1)
				j += 1 + nw
				segRunes = 1
				continue
			}
		}
		break
	}
	return j
}

// isInitialAt reports whether s[i] is a single letter: a letter not
// followed by another letter or digit ("S" of "U.S." or of "U.S").
func isInitialAt(s string, i int) bool {
	r, w := runeAt(s, i)
	if r < 0 || !isLetterRune(r) {
		return false
	}
	n, _ := runeAt(s, i+w)
	return n < 0 || !isWordRune(n)
}
