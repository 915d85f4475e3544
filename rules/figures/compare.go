package figures

import (
	"math"
	"slices"
	"strings"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

// SameValue reports whether a and b, figures of one quantity, give the same
// value: exactly, or within the rounding tolerance when either is
// approximate or rounded, or within the conversion tolerance when their
// units differ ("400 miles" and "640 kilometers").
//
// A bound agrees with a value on its side only: "more than 400 miles" and
// "420 miles" are one figure, "over 5%" and "4.75%" are not.
func (fs *FigureSettingsCompiled) SameValue(a, b *Figure) bool {
	if a.Value == b.Value {
		return true
	}
	if a.Bound != 0 && b.Bound == 0 && !sideOf(a, b.Value) || b.Bound != 0 && a.Bound == 0 && !sideOf(b, a.Value) {
		return false
	}
	tol := 0.0
	if a.Approx || b.Approx || a.Rounded || b.Rounded || a.Bound != 0 || b.Bound != 0 {
		tol = fs.roundTolerance
	}
	if a.Unit != b.Unit && (a.Converted || b.Converted) {
		tol = math.Max(tol, fs.convertTolerance)
	}
	hi := math.Max(math.Abs(a.Value), math.Abs(b.Value))
	return math.Abs(a.Value-b.Value) <= tol*hi
}

// sideOf reports whether v lies on the side of bound f that it allows.
func sideOf(f *Figure, v float64) bool {
	if f.Bound > 0 {
		return v >= f.Value
	}
	return v <= f.Value
}

// Cues of a figure's sentence that may explain a second value of its
// quantity.
const (
	cueSeries = 1 << iota // a series cue, a year or a date: explains alone
	cueTime               // a time cue: explains when both sentences have one
)

// sentenceCues holds, for each figure, the cues of its sentence.
type sentenceCues []uint8

// cuesOf finds the series and time cues of the sentences of the figures
// figs (in document order) that are compared; the others get none.
func (fs *FigureSettingsCompiled) cuesOf(doc *prose.Document, set *FigureSet, figs []*Figure, compared func(int) bool) sentenceCues {
	c := make(sentenceCues, len(figs))
	var flags []uint8
	all := set.Figures // those of the paragraphs before the current one left out
	for j := 0; j < len(figs); {
		// figs[j:k] are the figures of one paragraph.
		para := figs[j].Para
		k, need := j, false
		for ; k < len(figs) && figs[k].Para == para; k++ {
			need = need || compared(k)
		}
		for len(all) > 0 && all[0].Para < para {
			all = all[1:]
		}
		if !need {
			j = k
			continue
		}
		p := doc.Paragraphs[para]
		flags = append(flags[:0], make([]uint8, len(p.Sentences))...)
		fs.cues.Match(p, func(m phrase.Match) {
			if s := p.SentenceAt(m.Start); s >= 0 {
				if m.ID == 0 {
					flags[s] |= cueSeries
				} else {
					flags[s] |= cueTime
				}
			}
		})
		for ; len(all) > 0 && all[0].Para == para; all = all[1:] {
			if f := &all[0]; (f.NotQuantity == "year" || f.NotQuantity == "date") && f.Sentence >= 0 {
				flags[f.Sentence] |= cueSeries
			}
		}
		for ; j < k; j++ {
			c[j] = flags[figs[j].Sentence]
		}
	}
	return c
}

// explains reports whether the sentences of figures i and j explain why
// they give one quantity two values.
func (c sentenceCues) explains(i, j int) bool {
	return c[i]&cueSeries != 0 || c[j]&cueSeries != 0 || c[i]&c[j]&cueTime != 0
}

// ContextWords returns the content words around a figure in its sentence:
// lower-cased words of four letters or more, and names, within window tokens
// on either side, leaving out the figure's own words and function words;
// sorted, each once, and never nil.
func (fs *FigureSettingsCompiled) ContextWords(doc *prose.Document, f *Figure, window int) []string {
	return fs.appendContextWords([]string{}, doc, f, window)
}

// appendContextWords appends the context words of f, as contextWords
// returns them, to dst.
func (fs *FigureSettingsCompiled) appendContextWords(dst []string, doc *prose.Document, f *Figure, window int) []string {
	if f.Sentence < 0 {
		return dst
	}
	p := doc.Paragraphs[f.Para]
	sent := p.Sentences[f.Sentence]
	low := p.Lower()
	first, last := f.firstTok, f.lastTok
	from := len(dst)
	for i := max(0, first-window); i <= min(len(p.Tokens)-1, last+window); i++ {
		t := p.Tokens[i]
		if i >= first && i <= last || t.Kind != prose.Word || t.Start < sent.Start || t.End > sent.End {
			continue
		}
		w := strings.TrimSuffix(strings.TrimSuffix(low[t.Start:t.End], "’s"), "'s")
		if len(w) < 4 || fs.notNouns.Has(w) {
			continue
		}
		dst = append(dst, singularNoun(w))
	}
	out := dst[from:]
	slices.Sort(out)
	return dst[:from+len(slices.Compact(out))]
}

// SharedWords counts the words two sorted sets of context words share.
func SharedWords(a, b []string) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			n++
			a, b = a[1:], b[1:]
		}
	}
	return n
}
