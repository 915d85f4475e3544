package quotes

import (
	"unicode/utf8"

	"github.com/attrlint/attrlint/rules/internal/words"

	"github.com/attrlint/attrlint/prose"
)

// maxNameTokens bounds a name or noun phrase, so that a run of capitalized
// words in a headline-like sentence does not become one speaker.
const maxNameTokens = 12

// abbrevDot reports whether token k is the period of an initial or a title
// ("J.", "Mr.", "Gen.", "U.S.").
func abbrevDot(p *prose.Paragraph, k int, qs *quoteSettings) bool {
	if k <= 0 || !isText(p, k, ".") || p.Tokens[k-1].End != p.Tokens[k].Start || !words.Capitalized(p, k-1) {
		return false
	}
	w := words.TokText(p, k-1)
	return utf8.RuneCountInString(w) == 1 || qs.titles.Has(words.LowerTok(p, k-1)) || containsDot(w)
}

func containsDot(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return true
		}
	}
	return false
}

// nameEndingAt returns the capitalized name that ends at token k ("Secretary
// of State Antony J. Blinken", "Maj. Gen. Igor Konashenkov"); an
// appositive name wins over the noun phrase before it, which is kept out.
func nameEndingAt(p *prose.Paragraph, k int, qs *quoteSettings) (prose.Span, bool) {
	if k < 0 || k >= len(p.Tokens) {
		return prose.Span{}, false
	}
	end := k
	if abbrevDot(p, k, qs) {
		// "Mr. Lloyd J. Austin Jr." ends with a period.
	} else if !words.Capitalized(p, k) {
		return prose.Span{}, false
	}
	start := k
	for j := k; j >= 0 && k-j < maxNameTokens; j-- {
		switch {
		case words.Capitalized(p, j) && !qs.boundary(words.LowerTok(p, j)):
			start = j
		case abbrevDot(p, j, qs):
		case qs.particles.Has(words.LowerTok(p, j)) && j > 0 && (words.Capitalized(p, j-1) || abbrevDot(p, j-1, qs)):
		default:
			j = -1
		}
	}
	if !words.Capitalized(p, start) {
		return prose.Span{}, false
	}
	return tokSpan(p, start, end), true
}

// nameStartingAt returns the capitalized name that starts at token k.
func nameStartingAt(p *prose.Paragraph, k int, qs *quoteSettings) (prose.Span, bool) {
	if k >= len(p.Tokens) || !words.Capitalized(p, k) {
		return prose.Span{}, false
	}
	end := k
	for j := k + 1; j < len(p.Tokens) && j-k < maxNameTokens; j++ {
		switch {
		case words.Capitalized(p, j) && !qs.boundary(words.LowerTok(p, j)):
			end = j
		case abbrevDot(p, j, qs):
			end = j
		case qs.particles.Has(words.LowerTok(p, j)) && j+1 < len(p.Tokens) && words.Capitalized(p, j+1):
		default:
			j = len(p.Tokens)
		}
	}
	return tokSpan(p, k, end), true
}

// nounPhraseEndingAt returns a common noun phrase ending at token k: back
// to its determiner ("the Pentagon spokesman") or, without one, the words
// that are neither boundaries nor punctuation ("U.S. officials").
func nounPhraseEndingAt(p *prose.Paragraph, k int, qs *quoteSettings) (prose.Span, bool) {
	if k < 0 || p.Tokens[k].Kind == prose.Punct {
		return prose.Span{}, false
	}
	start := -1
	for j := k; j >= 0 && k-j < 6; j-- {
		w := words.LowerTok(p, j)
		switch {
		case qs.determiners.Has(w):
			return tokSpan(p, j, k), true
		case abbrevDot(p, j, qs):
			continue
		case p.Tokens[j].Kind == prose.Punct || qs.boundary(w) || qs.pronouns.Has(w):
			j = -1
			continue
		}
		start = j
	}
	if start < 0 {
		return prose.Span{}, false
	}
	return tokSpan(p, start, k), true
}

// phraseStartingAt returns the speaker written after a construction or an
// inverted verb: a name, or a noun phrase ("the Pentagon spokesman"); a name
// in apposition after a comma wins ("the Pentagon spokesman, John Kirby").
func phraseStartingAt(p *prose.Paragraph, k int, qs *quoteSettings) (prose.Span, bool) {
	if k >= len(p.Tokens) {
		return prose.Span{}, false
	}
	if sp, ok := nameStartingAt(p, k, qs); ok && !words.Possessive(p.Text[sp.Start:sp.End]) {
		return sp, true
	}
	end := -1
	j := k
	if qs.determiners.Has(words.LowerTok(p, j)) || words.Possessive(words.LowerTok(p, j)) {
		j++
	}
	for ; j < len(p.Tokens) && j-k < 6; j++ {
		w := words.LowerTok(p, j)
		pluralPossessive := (w == "'") && j > k && p.Tokens[j-1].End == p.Tokens[j].Start
		if p.Tokens[j].Kind == prose.Punct && !abbrevDot(p, j, qs) && !pluralPossessive || qs.boundary(w) {
			break
		}
		end = j
	}
	if end < 0 {
		return prose.Span{}, false
	}
	if end+2 < len(p.Tokens) && isText(p, end+1, ",") {
		if sp, ok := nameStartingAt(p, end+2, qs); ok {
			return sp, true
		}
	}
	return tokSpan(p, k, end), true
}

// boundary reports whether a word ends a name or a noun phrase: a
// conjunction, a preposition, a relative pronoun.
func (qs *quoteSettings) boundary(w string) bool { return qs.boundaries.Has(w) }

// isPerson reports whether the name in span s reads as a person's: it has a
// title ("Mr.", "Gen."), or two capitalized words and no word of an
// institution ("Ministry", "Kremlin").
func isPerson(p *prose.Paragraph, s prose.Span, qs *quoteSettings) bool {
	caps, title := 0, false
	for _, t := range tokensIn(p, s) {
		if t.Kind != prose.Word {
			continue
		}
		var buf [32]byte
		if b, ok := words.FoldASCII(&buf, p.Text[t.Start:t.End]); ok {
			if qs.organizations.HasBytes(b) || qs.determiners.HasBytes(b) {
				return false
			}
			if qs.titles.HasBytes(b) {
				title = true
			}
		} else {
			w := phraseFold(p.Text[t.Start:t.End])
			if qs.organizations.Has(w) || qs.determiners.Has(w) {
				return false
			}
			if qs.titles.Has(w) {
				title = true
			}
		}
		r, _ := utf8.DecodeRuneInString(p.Text[t.Start:])
		if words.IsUpper(r) {
			caps++
		}
	}
	return title || caps >= 2
}
