package figures

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/rules/internal/words"

	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

// maxModifiers is how many words may stand between a numeral and its unit
// ("8,500 American troops", "7,000 more Russian troops").
const maxModifiers = 2

// figureScratch is the working memory of extractFigures, pooled: none of
// it is part of the result.
type figureScratch struct {
	nums         [][]prose.Numeral
	units, quals tokIndex
}

var figureScratches = sync.Pool{New: func() any { return new(figureScratch) }}

func extractFigures(doc *prose.Document, fs *FigureSettingsCompiled) *FigureSet {
	out := &FigureSet{Settings: fs}
	sc := figureScratches.Get().(*figureScratch)
	defer func() {
		clear(sc.nums)
		sc.nums = sc.nums[:0]
		figureScratches.Put(sc)
	}()
	// The numerals first, so that the figures are allocated once.
	nums := sc.nums[:0]
	total := 0
	for _, p := range doc.Paragraphs {
		n := p.Numbers()
		nums = append(nums, n)
		total += len(n)
	}
	sc.nums = nums
	if total == 0 {
		return out
	}
	out.Figures = make([]Figure, 0, total)
	units, quals := &sc.units, &sc.quals
	for i, p := range doc.Paragraphs {
		if len(nums[i]) == 0 {
			continue
		}
		firstMatches(fs.units, p, units)
		// The qualifiers by last token, the one that starts first at each.
		quals.reset()
		fs.quals.Match(p, func(m phrase.Match) { quals.add(m.LastTok, m) })
		quals.sortFirst()
		for _, n := range nums[i] {
			out.Figures = append(out.Figures, readFigure(p, n, fs, units, quals))
		}
	}
	return out
}

// firstMatches sets x to the longest match of m at each first token.
func firstMatches(m *phrase.Matcher, p *prose.Paragraph, x *tokIndex) {
	x.reset()
	m.Match(p, func(mt phrase.Match) {
		// Matches come in order of their first token.
		if n := len(x.keys); n > 0 && x.keys[n-1] == mt.FirstTok {
			if mt.LastTok > x.ms[n-1].LastTok {
				x.ms[n-1] = mt
			}
			return
		}
		x.add(mt.FirstTok, mt)
	})
}

// tokIndex holds matches by a token index, at most one at each: a few per
// paragraph, so sorted slices rather than a map.
type tokIndex struct {
	keys []int
	ms   []phrase.Match
}

func (x *tokIndex) reset() { x.keys, x.ms = x.keys[:0], x.ms[:0] }

func (x *tokIndex) add(k int, m phrase.Match) {
	x.keys = append(x.keys, k)
	x.ms = append(x.ms, m)
}

// sortFirst sorts by key and keeps, of the matches with one key, the one
// added first.
func (x *tokIndex) sortFirst() {
	// Insertion sort, stable: a handful of matches, nearly in order.
	for i := 1; i < len(x.keys); i++ {
		for j := i; j > 0 && x.keys[j] < x.keys[j-1]; j-- {
			x.keys[j], x.keys[j-1] = x.keys[j-1], x.keys[j]
			x.ms[j], x.ms[j-1] = x.ms[j-1], x.ms[j]
		}
	}
	n := 0
	for i := range x.keys {
		if n > 0 && x.keys[n-1] == x.keys[i] {
			continue
		}
		x.keys[n], x.ms[n] = x.keys[i], x.ms[i]
		n++
	}
	x.keys, x.ms = x.keys[:n], x.ms[:n]
}

// get returns the match at key k.
func (x *tokIndex) get(k int) (phrase.Match, bool) {
	lo, hi := 0, len(x.keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.keys[m] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(x.keys) && x.keys[lo] == k {
		return x.ms[lo], true
	}
	return phrase.Match{}, false
}

func readFigure(p *prose.Paragraph, n prose.Numeral, fs *FigureSettingsCompiled, units, quals *tokIndex) Figure {
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
	if q, ok := quals.get(first - 1); ok {
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
			if m, ok := units.get(k); ok {
				e := fs.unitInfo[m.ID]
				f.Unit = strings.ToLower(p.Text[toks[m.FirstTok].Start:toks[m.LastTok].End])
				f.Group = e.group
				f.Written, f.Value = n.Value, n.Value*e.factor
				f.Converted = e.convert
				for i := j; i < k; i++ {
					if w := tok(i); !fs.neutral.Has(w) {
						f.Modifiers = append(f.Modifiers, w)
					}
				}
				last = m.LastTok
				break
			}
			if w := tok(k); toks[k].Kind != prose.Word || fs.notNouns.Has(w) && !fs.neutral.Has(w) || fs.periods.Has(w) {
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
			return k < len(toks) && toks[k].Kind == prose.Word && !fs.notNouns.Has(tok(k)) && !fs.periods.Has(tok(k)) &&
				startsLower(p.Text[toks[k].Start:toks[k].End])
		}
		plural := func(k int) bool { return n.Value == 1 || singularNoun(tok(k)) != tok(k) }
		switch {
		case noun(j) && plural(j):
			f.Unit, f.Group, last = tok(j), singularNoun(tok(j)), j
		case noun(j) && noun(j+1) && plural(j+1) && n.Value != 1:
			f.Unit, f.Group, last = tok(j+1), singularNoun(tok(j+1)), j+1
			if !fs.neutral.Has(tok(j)) {
				f.Modifiers = []string{tok(j)}
			}
		}
	}
	f.firstTok, f.lastTok = first, last
	f.Span = p.SrcSpan(prose.Span{Start: toks[first].Start, End: toks[last].End})
	f.Number = p.SrcSpan(n.Span)

	f.NotQuantity = notQuantity(p, n, &f, fs, tok, j)
	f.Quantity = f.NotQuantity == ""
	classify(p, n, &f, fs, tok, j)
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
	case fs.periods.Has(f.Unit) || fs.periods.Has(tok(next)):
		return "period"
	case fs.times.Has(tok(next)) || tok(next) == ":" || prev == ":":
		return "time"
	case fs.months.Has(prev) || fs.months.Has(tok(next)) || prev == "." && fs.months.Has(tok(n.FirstTok-2)):
		return "date"
	case fs.labels.Has(prev) || prev == "#":
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
	if prev == "," && tok(n.LastTok+1) == "," && n.FirstTok >= 2 && words.StartsUpper(p.Text[toks[n.FirstTok-2].Start:toks[n.FirstTok-2].End]) && f.Group == "" {
		return "age"
	}
	// "Apollo 11", "Boeing 737": a capitalized word before a bare number.
	if n.Digits && f.Group == "" && n.FirstTok > 0 && toks[n.FirstTok-1].Kind == prose.Word &&
		words.StartsUpper(p.Text[toks[n.FirstTok-1].Start:toks[n.FirstTok-1].End]) && !startsSentence(p, n.FirstTok-1) {
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
