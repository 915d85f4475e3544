package rules

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/attrlint/attrlint/phrase"
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

// sentenceCues holds, for each paragraph and sentence, what in the sentence
// may explain a second value of a quantity.
type sentenceCues struct {
	series [][]bool // a series cue, a year or a date: explains alone
	time   [][]bool // a time cue: explains when both sentences have one
}

// cuesOf finds the series and time cues of the sentences of the
// paragraphs of doc that need them (need[i]); the others are left nil.
func (fs *FigureSettingsCompiled) cuesOf(doc *prose.Document, set *FigureSet, need []bool) *sentenceCues {
	c := &sentenceCues{series: make([][]bool, len(doc.Paragraphs)), time: make([][]bool, len(doc.Paragraphs))}
	n := 0
	for i, p := range doc.Paragraphs {
		if need[i] {
			n += len(p.Sentences)
		}
	}
	flags := make([]bool, 2*n)
	for i, p := range doc.Paragraphs {
		if !need[i] {
			continue
		}
		k := len(p.Sentences)
		series, time := flags[:k:k], flags[k:2*k:2*k]
		flags = flags[2*k:]
		c.series[i], c.time[i] = series, time
		fs.cues.Match(p, func(m phrase.Match) {
			if s := p.SentenceAt(m.Start); s >= 0 {
				if m.ID == 0 {
					series[s] = true
				} else {
					time[s] = true
				}
			}
		})
	}
	for _, f := range set.Figures {
		if (f.NotQuantity == "year" || f.NotQuantity == "date") && f.Sentence >= 0 && need[f.Para] {
			c.series[f.Para][f.Sentence] = true
		}
	}
	return c
}

// explains reports whether the sentences of a and b explain why they give
// one quantity two values.
func (c *sentenceCues) explains(a, b *Figure) bool {
	return c.series[a.Para][a.Sentence] || c.series[b.Para][b.Sentence] ||
		c.time[a.Para][a.Sentence] && c.time[b.Para][b.Sentence]
}

// contextWords returns the content words around a figure in its sentence:
// lower-cased words of four letters or more, and names, within window tokens
// on either side, leaving out the figure's own words and function words;
// sorted, each once, and never nil.
func (fs *FigureSettingsCompiled) contextWords(doc *prose.Document, f *Figure, window int) []string {
	p := doc.Paragraphs[f.Para]
	out := []string{}
	if f.Sentence < 0 {
		return out
	}
	sent := p.Sentences[f.Sentence]
	low := p.Lower()
	first, last := f.firstTok, f.lastTok
	for i := max(0, first-window); i <= min(len(p.Tokens)-1, last+window); i++ {
		t := p.Tokens[i]
		if i >= first && i <= last || t.Kind != prose.Word || t.Start < sent.Start || t.End > sent.End {
			continue
		}
		w := strings.TrimSuffix(strings.TrimSuffix(low[t.Start:t.End], "’s"), "'s")
		if len(w) < 4 || fs.notNouns[w] {
			continue
		}
		out = append(out, singularNoun(w))
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// sharedWords counts the words two sorted sets of context words share.
func sharedWords(a, b []string) int {
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
