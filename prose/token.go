package prose

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
