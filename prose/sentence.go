package prose

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The abbreviation data: see abbreviations.txt for its format.
//
//go:embed abbreviations.txt
var abbreviationData string

const (
	abbrTitle  = 1 // never ends a sentence
	abbrAmbig  = 2 // ends a sentence only before a starter word
	abbrPeriod = "."
)

var (
	abbreviations map[string]uint8 // keyed without the final period: "U.S", "Mr"
	starters      map[string]bool
)

func init() {
	abbreviations = make(map[string]uint8, 160)
	starters = make(map[string]bool, 80)
	section := ""
	for line := range strings.SplitSeq(abbreviationData, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '[':
			section = line
		case section == "[title]":
			abbreviations[strings.TrimSuffix(line, abbrPeriod)] = abbrTitle
		case section == "[abbrev]":
			abbreviations[strings.TrimSuffix(line, abbrPeriod)] = abbrAmbig
		case section == "[starter]":
			starters[line] = true
		}
	}
}

// splitSentences splits a paragraph into sentences. A sentence ends after
// ".", "!", "?", an ellipsis or a run of them, together with the closing
// quotation marks and brackets written right after it, when whitespace and
// then the start of a new sentence follow. It does not end:
//
//   - before a word that starts with a lower-case letter ("“Is it over?” she
//     asked.", "etc. and", "… and then");
//   - when no whitespace follows ("U.S.-led", "end.Next");
//   - after a title ("Mr.", "Lt. Col.": see abbreviations.txt);
//   - after an ambiguous abbreviation ("U.S.", "Inc.", "a.m.", "Jan.") or an
//     initial ("Antony J. Blinken", "J.R.R. Tolkien"), unless the next word
//     is a common sentence opener such as "The", "He" or "But". So "in the
//     U.S. The talks" is two sentences, "U.S. Army officers" and "the U.S.
//     Senate" are one; a sentence ending in "U.S." followed by a name or a
//     noun ("…in the U.S. Russian officials said") is not split, by choice:
//     a missed break joins two sentences, a wrong break cuts one.
//   - after an ellipsis unless the next word is capitalized, nor inside a
//     spaced one (". . .").
//
// Every token belongs to exactly one sentence; spans start at a sentence's
// first token and end after its last.
func splitSentences(text string, toks []Token) []Span {
	if len(toks) == 0 {
		return nil
	}
	return appendSentences(make([]Span, 0, len(toks)/16+1), text, toks)
}

// appendSentences appends the sentences of a paragraph with tokens (at
// least one) to out.
func appendSentences(out []Span, text string, toks []Token) []Span {
	first := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != Punct || !isTerminator(text[t.Start:t.End]) {
			continue
		}
		j := i
		for j+1 < len(toks) && adjacentPunct(toks, j) && isTerminator(text[toks[j+1].Start:toks[j+1].End]) {
			j++
		}
		lastTerm := j
		for j+1 < len(toks) && adjacentPunct(toks, j) && isCloser(text[toks[j+1].Start:toks[j+1].End]) {
			j++
		}
		if j+1 < len(toks) && toks[j+1].Start > toks[j].End && endsSentence(text, toks, i, lastTerm, j+1) {
			out = append(out, Span{toks[first].Start, toks[j].End})
			first = j + 1
		}
		i = j
	}
	return append(out, Span{toks[first].Start, toks[len(toks)-1].End})
}

// adjacentPunct reports whether toks[j+1] is punctuation written right
// after toks[j].
func adjacentPunct(toks []Token, j int) bool {
	return toks[j+1].Kind == Punct && toks[j+1].Start == toks[j].End
}

func isTerminator(s string) bool {
	switch s {
	case ".", "!", "?", "…", "‼", "⁇", "⁈", "⁉", "。", "！", "？":
		return true
	}
	return false
}

func isCloser(s string) bool {
	switch s {
	case "”", "’", "\"", "'", "»", "›", ")", "]", "}", "」", "』":
		return true
	}
	return false
}

func isOpener(s string) bool {
	switch s {
	case "“", "‘", "\"", "'", "«", "‹", "„", "‚", "(", "[", "{", "「", "『", "—", "–", "-", "*", "•":
		return true
	}
	return false
}

// endsSentence decides whether the terminators toks[from..to] end a
// sentence, next being the index of the first token after the closers.
func endsSentence(text string, toks []Token, from, to, next int) bool {
	if toks[next].Kind == Punct && isTerminator(text[toks[next].Start:toks[next].End]) {
		return false // a spaced ellipsis: ". . ."
	}
	k := next
	for k < len(toks) && toks[k].Kind == Punct && isOpener(text[toks[k].Start:toks[k].End]) {
		k++
	}
	if k == len(toks) || toks[k].Kind == Punct {
		return true
	}
	word := text[toks[k].Start:toks[k].End]
	r := firstRune(word)
	if unicode.IsLower(r) {
		return false
	}
	term := text[toks[from].Start:toks[to].End]
	if term != "." {
		if strings.ContainsAny(term, "!?！？‼⁇⁈⁉") {
			return true
		}
		// An ellipsis: a new sentence only before a capitalized word.
		return toks[k].Kind == Word && (unicode.IsUpper(r) || unicode.IsTitle(r))
	}
	if from == 0 {
		return true
	}
	prev := toks[from-1]
	if prev.Kind != Word || prev.End != toks[from].Start {
		return true
	}
	pw := text[prev.Start:prev.End]
	switch abbreviations[pw] {
	case abbrTitle:
		return false
	case abbrAmbig:
		return starters[word]
	}
	if isInitials(pw) {
		return starters[word]
	}
	return true
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return -1
}

// isInitials reports whether w is a capital letter ("J") or single letters
// joined by periods ("J.R.R", "U.S").
func isInitials(w string) bool {
	n := 0
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		if !unicode.IsLetter(r) {
			return false
		}
		i += size
		n++
		if i < len(w) {
			if w[i] != '.' || i+1 == len(w) {
				return false
			}
			i++
		}
	}
	return n > 1 || n == 1 && unicode.IsUpper(firstRune(w))
}
