package prose

import (
	"math"
	"strconv"
	"strings"
)

// A Numeral is a number written in a paragraph: digits ("150,000", "2.3"),
// words ("seven", "a dozen", "twenty-five", "one hundred and fifty"), or
// digits with a scale ("1.5 million", "$2.3 billion", "150K", "2.5bn",
// "three dozen").
type Numeral struct {
	// Span bounds the numeral in the paragraph's Text; FirstTok and
	// LastTok index its first and last token in Paragraph.Tokens.
	Span              Span
	FirstTok, LastTok int
	// Value is the number's value, scale applied.
	Value float64
	// Digits is set when the numeral is written with digits.
	Digits bool
	// Ordinal is set for "1st", "2nd", "23rd", "4th".
	Ordinal bool
	// Scaled is set when a scale word or suffix multiplies the number
	// ("million", "bn", "K", "dozen").
	Scaled bool
}

// Number words: units and teens, tens, and the scales that multiply what
// comes before them. These are English grammar, not a tunable word list.
var (
	unitWords = map[string]float64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
		"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
		"nineteen": 19,
	}
	tensWords = map[string]float64{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	// scaleWords follow a number as a separate word.
	scaleWords = map[string]float64{
		"dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6,
		"billion": 1e9, "trillion": 1e12,
	}
	// scaleSuffixes are written right after the digits ("150K", "2.5bn").
	scaleSuffixes = map[string]float64{
		"k": 1e3, "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "m": 1e6,
	}
	ordinalSuffixes = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}
)

// CardinalWord returns the value of a cardinal number word below one
// hundred ("seven", "nineteen", "forty"), or "hundred".
func CardinalWord(w string) (float64, bool) {
	if v, ok := unitWords[w]; ok {
		return v, true
	}
	if v, ok := tensWords[w]; ok {
		return v, true
	}
	if w == "hundred" {
		return 100, true
	}
	return 0, false
}

// ParseDigits returns the value of a numeral written with digits, as
// Tokenize keeps it: "150,000", "2.3", "7". It reports false for anything
// else.
func ParseDigits(s string) (float64, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	var v float64
	var err error
	if strings.IndexByte(s, ',') < 0 {
		v, err = strconv.ParseFloat(s, 64)
	} else {
		var buf [32]byte // "150,000" without its commas, on the stack
		b := buf[:0]
		for i := 0; i < len(s); i++ {
			if s[i] != ',' {
				b = append(b, s[i])
			}
		}
		v, err = strconv.ParseFloat(string(b), 64)
	}
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// Numbers returns the numerals of the paragraph in order, without overlap.
func (p *Paragraph) Numbers() []Numeral {
	// The numerals are gathered on the stack and returned in a slice of
	// their own size.
	var buf [8]Numeral
	out := buf[:0]
	low := p.Lower()
	toks := p.Tokens
	word := func(i int) string {
		if i < 0 || i >= len(toks) || toks[i].Kind != Word {
			return ""
		}
		return low[toks[i].Start:toks[i].End]
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.Kind {
		case Number:
			v, ok := ParseDigits(p.Text[t.Start:t.End])
			if !ok {
				continue
			}
			n := Numeral{FirstTok: i, LastTok: i, Value: v, Digits: true}
			// A suffix written right after the digits: "4th", "150K", "2.5bn".
			if i+1 < len(toks) && toks[i+1].Start == t.End && toks[i+1].Kind == Word {
				suf := word(i + 1)
				switch {
				case ordinalSuffixes[suf]:
					n.Ordinal = true
					n.LastTok = i + 1
				case scaleSuffixes[suf] > 0 && (suf != "m" || currencyBefore(p, toks, i)):
					n.Value *= scaleSuffixes[suf]
					n.Scaled = true
					n.LastTok = i + 1
				default:
					// "1990s", "9mm": a word glued to the digits is not a count.
					continue
				}
			}
			if !n.Ordinal {
				n.LastTok = scaleAfter(word, &n, n.LastTok)
			}
			n.Span = Span{toks[n.FirstTok].Start, toks[n.LastTok].End}
			if math.IsInf(n.Value, 0) {
				continue // too large to be a count anyone compares
			}
			out = append(out, n)
			i = n.LastTok
		case Word:
			if w := word(i); w != "a" && w != "an" && !maySmallWord(w) {
				continue // most words, without a call
			}
			n, ok := wordNumber(word, toks, i)
			if !ok {
				continue
			}
			n.Span = Span{toks[n.FirstTok].Start, toks[n.LastTok].End}
			out = append(out, n)
			i = n.LastTok
		}
	}
	if len(out) == 0 {
		return nil
	}
	return append([]Numeral(nil), out...)
}

// currencyBefore reports whether a currency symbol is written right before
// token i, so that "$5m" is five million and "5m" alone is not.
func currencyBefore(p *Paragraph, toks []Token, i int) bool {
	if i == 0 || toks[i-1].Kind != Punct || toks[i-1].End != toks[i].Start {
		return false
	}
	switch p.Text[toks[i-1].Start:toks[i-1].End] {
	case "$", "£", "€", "¥":
		return true
	}
	return false
}

// scaleAfter applies the scale words after token last ("1.5 million",
// "three dozen", "two hundred thousand") and returns the new last token.
func scaleAfter(word func(int) string, n *Numeral, last int) int {
	for {
		s, ok := scaleWords[word(last+1)]
		if !ok {
			return last
		}
		n.Value *= s
		n.Scaled = true
		last++
	}
}

// wordNumber reads a number written in words starting at token i:
// "seven", "twenty-five", "a dozen", "one hundred and fifty thousand".
func wordNumber(word func(int) string, toks []Token, i int) (Numeral, bool) {
	n := Numeral{FirstTok: i}
	w := word(i)
	// "a dozen", "a hundred", "a million": the article stands for one.
	if w == "a" || w == "an" {
		if _, ok := scaleWords[word(i+1)]; !ok {
			return n, false
		}
		n.Value = 1
		n.LastTok = scaleAfter(word, &n, i)
		return n, true
	}
	total, cur := 0.0, 0.0
	last := -1
	prev := prevNone
	for j := i; j < len(toks); j++ {
		w := word(j)
		if v, ok := smallWordValue(w); ok {
			// "one two" is two numbers; "twenty one" and "hundred five" are one.
			if !(prev == prevNone || prev == prevScale || prev == prevTens && v < 10) {
				break
			}
			prev = prevUnit
			if isTens(w) {
				prev = prevTens
			}
			cur += v
			last = j
			continue
		}
		if last < 0 {
			break // a scale word or "and" only continues a number
		}
		if s, ok := scaleWords[w]; ok {
			if s >= 1000 {
				total += cur * s
				cur = 0
			} else {
				if cur == 0 {
					cur = 1
				}
				cur *= s
			}
			n.Scaled = true
			last = j
			prev = prevScale
			continue
		}
		// "one hundred and fifty": "and" joins only after a scale word.
		if w == "and" {
			if _, ok := scaleWords[word(last)]; ok {
				if _, ok := smallWordValue(word(j + 1)); ok {
					continue
				}
			}
		}
		break
	}
	if last < 0 {
		return n, false
	}
	n.LastTok = last
	n.Value = total + cur
	return n, true
}

// What the previous word of a number in words was.
const (
	prevNone = iota
	prevUnit
	prevTens
	prevScale
)

func isTens(w string) bool { _, ok := tensWords[w]; return ok }

// smallWordValue returns the value of a word below one hundred: "seven",
// "forty", "twenty-five".
func smallWordValue(w string) (float64, bool) {
	if !maySmallWord(w) {
		return 0, false // most words: no map lookup
	}
	if v, ok := unitWords[w]; ok {
		return v, true
	}
	if v, ok := tensWords[w]; ok {
		return v, true
	}
	if i := hyphenIndex(w); i > 0 {
		tens, ok := tensWords[w[:i]]
		rest := strings.TrimLeft(w[i:], "-‐‑")
		if u, ok2 := unitWords[rest]; ok && ok2 && u > 0 && u < 10 {
			return tens + u, true
		}
	}
	return 0, false
}

// smallWordShapes holds, for the first two letters of the words that
// smallWordValue knows ("tw" of "twenty-five"), a bit for each of their
// lengths in bytes, so that it rejects most words of a paragraph ("the",
// "two" passes) without a map lookup.
var smallWordShapes = func() (t [26][26]uint16) {
	add := func(w string) { t[w[0]-'a'][w[1]-'a'] |= 1 << len(w) }
	for w := range unitWords {
		add(w)
	}
	for tens := range tensWords {
		add(tens)
		for u, v := range unitWords {
			if v > 0 && v < 10 {
				for _, h := range []string{"-", "\u2010", "\u2011"} {
					add(tens + h + u)
				}
			}
		}
	}
	return t
}()

// maySmallWord reports whether w may be a word smallWordValue knows;
// false is certain.
func maySmallWord(w string) bool {
	if len(w) < 2 || len(w) > 15 {
		return false
	}
	a, b := w[0]-'a', w[1]-'a'
	return a < 26 && b < 26 && smallWordShapes[a][b]&(1<<len(w)) != 0
}

// hyphenIndex is strings.IndexAny(w, "-‐‑") without its slow path for
// non-ASCII sets: the index of the first hyphen, or -1.
func hyphenIndex(w string) int {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '-':
			return i
		case 0xE2: // U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN are E2 80 90/91
			if i+2 < len(w) && w[i+1] == 0x80 && (w[i+2] == 0x90 || w[i+2] == 0x91) {
				return i
			}
		}
	}
	return -1
}
