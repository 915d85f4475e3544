package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/phrase"
	"github.com/attrlint/attrlint/prose"
)

// maxModifiers is how many words may stand between a numeral and its unit
// ("8,500 American troops", "7,000 more Russian troops").
const maxModifiers = 2

func extractFigures(doc *prose.Document, fs *FigureSettingsCompiled) *FigureSet {
	out := &FigureSet{Settings: fs}
	for _, p := range doc.Paragraphs {
		nums := p.Numbers()
		if len(nums) == 0 {
			continue
		}
		units := firstMatches(fs.units, p)
		quals := map[int]phrase.Match{} // by last token
		fs.quals.Match(p, func(m phrase.Match) {
			if old, ok := quals[m.LastTok]; !ok || m.FirstTok < old.FirstTok {
				quals[m.LastTok] = m
			}
		})
		for _, n := range nums {
			f := readFigure(p, n, fs, units, quals)
			out.Figures = append(out.Figures, f)
		}
	}
	return out
}

// firstMatches returns, by first token, the longest match of m there.
func firstMatches(m *phrase.Matcher, p *prose.Paragraph) map[int]phrase.Match {
	out := map[int]phrase.Match{}
	m.Match(p, func(x phrase.Match) {
		if old, ok := out[x.FirstTok]; !ok || x.LastTok > old.LastTok {
			out[x.FirstTok] = x
		}
	})
	return out
}

func readFigure(p *prose.Paragraph, n prose.Numeral, fs *FigureSettingsCompiled, units map[int]phrase.Match, quals map[int]phrase.Match) Figure {
	toks := p.Tokens
	low := p.Lower()
	tok := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return low[toks[i].Start:toks[i].End]
	}
	f := Figure{Para: p.Index, Sentence: p.SentenceAt(toks[n.FirstTok].Start), Written: n.Value, Quantity: true, Rounded: n.Scaled}
	first, last := n.FirstTok, n.LastTok

	// A unit symbol written before the number: "$2.3 billion".
	if first > 0 && toks[first-1].End == toks[first].Start {
		if g, ok := fs.prefixes[p.Text[toks[first-1].Start:toks[first-1].End]]; ok {
			f.Unit, f.Group = p.Text[toks[first-1].Start:toks[first-1].End], g
			first--
		}
	}
	// The qualifier ends right before the number (or its symbol).
	if q, ok := quals[first-1]; ok {
		f.Qualifier = fs.qualInfo[q.ID].text
		f.Bound = fs.qualInfo[q.ID].bound
		f.Approx = f.Bound == 0
		first = q.FirstTok
	}

	// The unit: after the number, past up to maxModifiers words; or glued
	// with a hyphen ("400-mile").
	j := n.LastTok + 1
	if j < len(toks) && tok(j) == "-" && toks[j].Start == toks[n.LastTok].End {
		j++
	}
	if f.Group == "" {
		for k := j; k < len(toks) && k <= j+maxModifiers; k++ {
			if m, ok := units[k]; ok {
				e := fs.unitInfo[m.ID]
				f.Unit = strings.ToLower(p.Text[toks[m.FirstTok].Start:toks[m.LastTok].End])
				f.Group = e.group
				f.Written, f.Value = n.Value, n.Value*e.factor
				f.Converted = e.convert
				for i := j; i < k; i++ {
					if w := tok(i); !fs.neutral[w] {
						f.Modifiers = append(f.Modifiers, w)
					}
				}
				last = m.LastTok
				break
			}
			if w := tok(k); toks[k].Kind != prose.Word || fs.notNouns[w] && !fs.neutral[w] || fs.periods[w] {
				break
			}
		}
	}
	if f.Value == 0 {
		f.Value = n.Value
	}
	// A counted noun in no group: the lower-case word right after, or the
	// one after that when the first is its modifier ("42 cargo ships").
	// Counting more than one, it is a plural; a singular word there is an
	// adjective ("two senior officials").
	if f.Group == "" {
		noun := func(k int) bool {
			return k < len(toks) && toks[k].Kind == prose.Word && !fs.notNouns[tok(k)] && !fs.periods[tok(k)] &&
				startsLower(p.Text[toks[k].Start:toks[k].End])
		}
		plural := func(k int) bool { return n.Value == 1 || singularNoun(tok(k)) != tok(k) }
		switch {
		case noun(j) && plural(j):
			f.Unit, f.Group, last = tok(j), singularNoun(tok(j)), j
		case noun(j) && noun(j+1) && plural(j+1) && n.Value != 1:
			f.Unit, f.Group, last = tok(j+1), singularNoun(tok(j+1)), j+1
			if !fs.neutral[tok(j)] {
				f.Modifiers = []string{tok(j)}
			}
		}
	}
	f.firstTok, f.lastTok = first, last
	f.Span = p.SrcSpan(prose.Span{Start: toks[first].Start, End: toks[last].End})
	f.Number = p.SrcSpan(n.Span)

	f.NotQuantity = notQuantity(p, n, &f, fs, tok, j)
	f.Quantity = f.NotQuantity == ""
	return f
}

// notQuantity says why the number is not a count to compare, or "".
func notQuantity(p *prose.Paragraph, n prose.Numeral, f *Figure, fs *FigureSettingsCompiled, tok func(int) string, next int) string {
	toks := p.Tokens
	text := p.Text[toks[n.FirstTok].Start:toks[n.LastTok].End]
	prev := tok(n.FirstTok - 1)
	switch {
	case n.Ordinal:
		return "ordinal"
	case fs.periods[f.Unit] || fs.periods[tok(next)]:
		return "period"
	case fs.times[tok(next)] || tok(next) == ":" || prev == ":":
		return "time"
	case fs.months[prev] || fs.months[tok(next)] || prev == "." && fs.months[tok(n.FirstTok-2)]:
		return "date"
	case fs.labels[prev] || prev == "#":
		return "label"
	}
	if n.FirstTok > 0 && toks[n.FirstTok-1].End == toks[n.FirstTok].Start && (prev == "-" || prev == "/" || toks[n.FirstTok-1].Kind == prose.Word) {
		return "label" // "F-16", "9/11", "G7"
	}
	if next < len(toks) && tok(next) == "/" && toks[next].Start == toks[n.LastTok].End {
		return "label" // "24/7"
	}
	if n.Digits && !n.Scaled && f.Group == "" || n.Digits && !n.Scaled && !f.Converted && f.Unit != "" && fs.unitGroupless(f) {
		if v := n.Value; v >= 1000 && v <= 2199 && v == float64(int(v)) && !strings.Contains(text, ",") {
			return "year"
		}
	}
	// "Mr. Smith, 45, said": a number between commas after a name.
	if prev == "," && tok(n.LastTok+1) == "," && n.FirstTok >= 2 && figureStartsUpper(p.Text[toks[n.FirstTok-2].Start:toks[n.FirstTok-2].End]) && f.Group == "" {
		return "age"
	}
	// "Apollo 11", "Boeing 737": a capitalized word before a bare number.
	if n.Digits && f.Group == "" && n.FirstTok > 0 && toks[n.FirstTok-1].Kind == prose.Word &&
		figureStartsUpper(p.Text[toks[n.FirstTok-1].Start:toks[n.FirstTok-1].End]) && !startsSentence(p, n.FirstTok-1) {
		return "name"
	}
	if !n.Digits && f.Group == "" {
		return "number in words with no counted noun"
	}
	return ""
}

// unitGroupless reports whether the figure's unit is a counted noun in no
// group, where a four-digit number is more likely a year ("2022 elections").
func (fs *FigureSettingsCompiled) unitGroupless(f *Figure) bool {
	return f.Group == singularNoun(f.Unit)
}

func startsSentence(p *prose.Paragraph, tok int) bool {
	s := p.SentenceAt(p.Tokens[tok].Start)
	return s >= 0 && p.Sentences[s].Start == p.Tokens[tok].Start
}

func figureStartsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// singular folds a plural counted noun to its singular, well enough that
// "ambulance" and "ambulances" fall in one group.
func singularNoun(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}
