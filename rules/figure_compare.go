package rules

import (
	"math"
	"strings"

	"github.com/attrlint/attrlint/phrase"
	"github.com/attrlint/attrlint/prose"
)

// SameValue reports whether a and b, figures of one quantity, give the same
// value: exactly, or within the rounding tolerance when either is
// approximate or rounded, or within the conversion tolerance when their
// units differ ("400 miles" and "640 kilometers").
func (fs *FigureSettingsCompiled) SameValue(a, b *Figure) bool {
	if a.Value == b.Value {
		return true
	}
	tol := 0.0
	if a.Approx || b.Approx || a.Rounded || b.Rounded {
		tol = fs.roundTolerance
	}
	if a.Unit != b.Unit && (a.Converted || b.Converted) {
		tol = math.Max(tol, fs.convertTolerance)
	}
	hi := math.Max(math.Abs(a.Value), math.Abs(b.Value))
	return math.Abs(a.Value-b.Value) <= tol*hi
}

// sentenceCues returns, for each paragraph, which sentences hold a series
// cue ("grew to", "up from", a weekday).
func (fs *FigureSettingsCompiled) sentenceCues(doc *prose.Document) [][]bool {
	out := make([][]bool, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		out[i] = make([]bool, len(p.Sentences))
		fs.cues.Match(p, func(m phrase.Match) {
			if s := p.SentenceAt(m.Start); s >= 0 {
				out[i][s] = true
			}
		})
	}
	return out
}

// contextWords returns the content words around a figure in its sentence:
// lower-cased words of four letters or more, and names, within window tokens
// on either side, leaving out the figure's own words and function words.
func (fs *FigureSettingsCompiled) contextWords(doc *prose.Document, f *Figure, window int) map[string]bool {
	p := doc.Paragraphs[f.Para]
	out := map[string]bool{}
	if f.Sentence < 0 {
		return out
	}
	sent := p.Sentences[f.Sentence]
	low := p.Lower()
	first, last := -1, -1
	for i, t := range p.Tokens {
		src := p.Src(t.Start)
		if src >= f.Span.Start && first < 0 {
			first = i
		}
		if src < f.Span.End {
			last = i
		}
	}
	if first < 0 {
		return out
	}
	for i := max(0, first-window); i <= min(len(p.Tokens)-1, last+window); i++ {
		t := p.Tokens[i]
		if i >= first && i <= last || t.Kind != prose.Word || t.Start < sent.Start || t.End > sent.End {
			continue
		}
		w := strings.TrimSuffix(strings.TrimSuffix(low[t.Start:t.End], "’s"), "'s")
		if len(w) < 4 || fs.notNouns[w] {
			continue
		}
		out[singularNoun(w)] = true
	}
	return out
}

func sharedWords(a, b map[string]bool) int {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return n
}
