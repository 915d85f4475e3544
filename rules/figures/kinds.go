package figures

import (
	"math"
	"sort"
	"strings"

	"github.com/attrlint/attrlint/prose"
)

// This file gives every number its class, its whole mention and the value
// two versions of one sentence compare (Figure.Class, Mention, Norm).
// figure-mismatch never looks at them: two periods or two dates in one
// draft are usually two facts. Between two versions of one sentence a
// changed number is a changed fact, whatever it counts.

// weekdays are the days of the week, 1 to 7: English grammar, like the
// number words of prose, not a tunable list.
var weekdays = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
	"saturday": 6, "sunday": 7,
}

// monthNames are the full names of the months, 1 to 12; a month of the
// config's months list that is not one of them is numbered by its first
// three letters ("sept", "feb").
var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12,
}

func monthNumber(w string) int {
	if m, ok := monthNames[w]; ok {
		return m
	}
	if len(w) >= 3 {
		for name, m := range monthNames {
			if strings.HasPrefix(name, w[:3]) {
				return m
			}
		}
	}
	return 0
}

// classify sets f's Class, Mention and Norm. j is the token after the
// numeral (past a hyphen), where its unit would be.
func classify(p *prose.Paragraph, n prose.Numeral, f *Figure, fs *FigureSettingsCompiled, tok func(int) string, j int) {
	toks := p.Tokens
	first, last := f.firstTok, f.lastTok
	f.Norm = f.Value
	glued := func(a, b int) bool { return a >= 0 && b < len(toks) && toks[a].End == toks[b].Start }
	switch f.NotQuantity {
	case "":
		switch {
		case f.Group != "":
			f.Class = ClassCount
		case n.FirstTok == 0 && n.Digits && (tok(1) == "." || tok(1) == ")") && glued(0, 1):
			f.Class = "" // "1. The first item": list numbering
		case tok(j) == "times" || tok(j) == "fold":
			f.Class, last = ClassRatio, j
		case ratioTo(toks, tok, n.LastTok+1):
			// "3-to-1": the ratio is read whole, from its first number.
			d, _ := prose.ParseDigits(p.Text[toks[n.LastTok+4].Start:toks[n.LastTok+4].End])
			f.Class, last = ClassRatio, n.LastTok+4
			if d != 0 {
				f.Norm = n.Value / d
			}
		default:
			f.Class = ClassNumber
		}
	case "number in words with no counted noun":
		f.Class = ClassNumber
		if tok(j) == "times" || tok(j) == "fold" {
			f.Class, last = ClassRatio, j
		}
	case "ordinal":
		f.Class = ClassOrdinal
	case "label", "name":
		f.Class = ClassLabel
		switch k := n.FirstTok - 1; {
		case k >= 3 && ratioTo(toks, tok, k-2) && toks[k-3].Kind == prose.Number:
			f.Class = "" // the 1 of "3-to-1": read with the 3
		case fs.labels.Has(tok(k)) || tok(k) == "#" || f.NotQuantity == "name":
			first = k // "Section 5", "#3", "Boeing 737"
		case tok(k) == "-" && glued(k, n.FirstTok) && glued(k-1, k) && k > 0 && toks[k-1].Kind == prose.Word:
			first = k - 1 // "F-16"
		}
	case "year":
		f.Class = ClassYear
	case "age":
		f.Class = ClassAge
	case "period":
		f.Class = ClassPeriod
		if f.Unit == "" && fs.periods.Has(tok(j)) {
			f.Unit, last = tok(j), j
		}
		u := f.Unit
		if u == "year-old" || u == "years-old" {
			f.Class = ClassAge
			break
		}
		if d, ok := fs.periodDays[singularNoun(u)]; ok {
			f.Norm = f.Value * d
		}
	case "time":
		prev := tok(n.FirstTok - 1)
		if prev == ":" && n.FirstTok >= 2 && toks[n.FirstTok-2].Kind == prose.Number && glued(n.FirstTok-2, n.FirstTok-1) {
			f.Class = "" // the minutes of "10:30": read with the hour
			break
		}
		f.Class = ClassTime
		h, m := n.Value, 0.0
		k := n.LastTok + 1
		if tok(k) == ":" && glued(n.LastTok, k) && k+1 < len(toks) && toks[k+1].Kind == prose.Number && glued(k, k+1) {
			m, _ = prose.ParseDigits(p.Text[toks[k+1].Start:toks[k+1].End])
			k += 2
			last = k - 1
		}
		if w := tok(k); fs.times.Has(w) {
			last = k
			if glued(k, k+1) && tok(k+1) == "." {
				last = k + 1
			}
			h += pmShift(w, h)
		}
		f.Norm = h*60 + m
	case "date":
		f.Class = ClassDate
		month := 0
		switch prev := tok(n.FirstTok - 1); {
		case fs.months.Has(prev):
			month, first = monthNumber(prev), n.FirstTok-1
		case prev == "." && fs.months.Has(tok(n.FirstTok-2)):
			month, first = monthNumber(tok(n.FirstTok-2)), n.FirstTok-2
		case fs.months.Has(tok(n.LastTok + 1)):
			month, last = monthNumber(tok(n.LastTok+1)), n.LastTok+1
		}
		f.Norm = float64(month)*100 + n.Value
	}
	f.mentionFirst, f.mentionLast = first, last
	f.Mention = p.SrcSpan(prose.Span{Start: toks[first].Start, End: toks[last].End})
}

// ratioTo reports whether tokens k.. are "-to-" and a number, all glued:
// the rest of "3-to-1" after its 3.
func ratioTo(toks []prose.Token, tok func(int) string, k int) bool {
	if k+3 >= len(toks) || tok(k) != "-" || tok(k+1) != "to" || tok(k+2) != "-" || toks[k+3].Kind != prose.Number {
		return false
	}
	for i := k - 1; i < k+3; i++ {
		if toks[i].End != toks[i+1].Start {
			return false
		}
	}
	return true
}

// WordNumbers returns the numbers of sentence sent of paragraph para that
// are not numerals, and so not in set.Figures: the weekdays, the months
// named without a day ("in March"), numbers glued to a word ("5.55pm",
// "3.75p", "1990s") and compounds of a number word ("two-day",
// "seven-year-old"), in document order. They are read on demand: only a
// comparison of versions needs them, and only in the sentences that
// changed.
func (set *FigureSet) WordNumbers(doc *prose.Document, para, sent int) []Figure {
	p := doc.Paragraphs[para]
	if sent < 0 || sent >= len(p.Sentences) {
		return nil
	}
	span := p.Sentences[sent]
	lo := sort.Search(len(set.Figures), func(i int) bool { return set.Figures[i].Para >= para })
	hi := sort.Search(len(set.Figures), func(i int) bool { return set.Figures[i].Para > para })
	t0 := sort.Search(len(p.Tokens), func(i int) bool { return p.Tokens[i].Start >= span.Start })
	t1 := sort.Search(len(p.Tokens), func(i int) bool { return p.Tokens[i].Start >= span.End })
	return wordNumbers(p, set.Figures[lo:hi], t0, t1, set.Settings)
}

// wordNumbers returns the numbers that are not numerals of tokens
// [t0, t1) of p, whose numerals are nums.
func wordNumbers(p *prose.Paragraph, nums []Figure, t0, t1 int, fs *FigureSettingsCompiled) []Figure {
	low := p.Lower()
	toks := p.Tokens
	var figs []Figure
	next := 0                     // the first numeral that may hold the token asked about
	covered := func(i int) bool { // token i is in one of the numerals; i only grows
		for ; next < len(nums); next++ {
			f := &nums[next]
			if max(f.lastTok, f.mentionLast) >= i {
				return min(f.firstTok, f.mentionFirst) <= i
			}
		}
		return false
	}
	add := func(f Figure, first, last int) {
		f.Para, f.Sentence = p.Index, p.SentenceAt(toks[first].Start)
		f.Mention = p.SrcSpan(prose.Span{Start: toks[first].Start, End: toks[last].End})
		f.Span, f.Number = f.Mention, f.Mention
		f.firstTok, f.lastTok, f.mentionFirst, f.mentionLast = first, last, first, last
		if f.Norm == 0 {
			f.Norm = f.Value
		}
		figs = append(figs, f)
	}
	for i := t0; i < t1 && i < len(toks); i++ {
		t := toks[i]
		switch t.Kind {
		case prose.Number:
			// A number glued to a word that no numeral took.
			if i+1 >= len(toks) || toks[i+1].Kind != prose.Word || toks[i+1].Start != t.End || covered(i) {
				continue
			}
			v, ok := prose.ParseDigits(p.Text[t.Start:t.End])
			if !ok {
				continue
			}
			w := low[toks[i+1].Start:toks[i+1].End]
			f := Figure{Written: v, Value: v, NotQuantity: "glued", Class: ClassNumber, Unit: w}
			last := i + 1
			switch {
			case fs.times.Has(w):
				h, m := math.Modf(v) // "5.55pm"
				h, m = h+pmShift(w, h), math.Round(m*100)
				f.Class, f.Unit, f.Norm = ClassTime, "", h*60+m
				if i+2 < len(toks) && toks[i+2].Start == toks[i+1].End && low[toks[i+2].Start:toks[i+2].End] == "." {
					last = i + 2
				}
			case w == "s" && v >= 1000 && v <= 2199:
				f.Class = ClassYear // "the 1990s"
			}
			add(f, i, last)
		case prose.Word:
			n := t.End - t.Start
			if n < 3 || covered(i) {
				continue
			}
			w := low[t.Start:t.End]
			if c := p.Text[t.Start]; c >= 'A' && c <= 'Z' {
				name := strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
				last := i
				if d, ok := weekdays[name]; ok {
					add(Figure{NotQuantity: "weekday", Class: ClassWeekday, Norm: float64(d)}, i, last)
					figs[len(figs)-1].Mention.End = figs[len(figs)-1].Mention.Start + len(name)
					continue
				}
				// "May" opening a sentence is more often the verb.
				if m, ok := monthNames[name]; ok && fs.months.Has(name) && (m != 5 || !startsSentence(p, i)) && !inDate(nums, i) {
					add(Figure{NotQuantity: "month", Class: ClassDate, Norm: float64(m) * 100}, i, last)
					figs[len(figs)-1].Mention.End = figs[len(figs)-1].Mention.Start + len(name)
					continue
				}
			}
			h := strings.IndexByte(w, '-')
			if h < 3 {
				continue
			}
			// A number word opens a compound ("two-day", "five-member",
			// "seven-year-old"); "zero" and "one" are left out: "one-time",
			// "one-sided" count nothing.
			v, ok := prose.CardinalWord(w[:h])
			if !ok || v < 2 {
				continue
			}
			rest := w[h+1:]
			unit, _, _ := strings.Cut(rest, "-")
			f := Figure{Written: v, Value: v, NotQuantity: "compound", Class: ClassNumber, Unit: rest}
			switch {
			case rest == "year-old" || rest == "years-old" || strings.HasPrefix(rest, "year-old-"):
				f.Class = ClassAge
			case fs.periods.Has(unit):
				f.Class, f.Unit = ClassPeriod, unit
				if d, ok := fs.periodDays[singularNoun(unit)]; ok {
					f.Norm = v * d
				}
			}
			add(f, i, i)
		}
	}
	return figs
}

// pmShift is what a time's suffix adds to its hour h: 12 after noon, -12
// for midnight.
func pmShift(w string, h float64) float64 {
	switch w {
	case "p.m", "pm":
		if h < 12 {
			return 12
		}
	case "a.m", "am":
		if h == 12 {
			return -12
		}
	}
	return 0
}

// inDate reports whether token i is the month of one of the dates figs.
func inDate(figs []Figure, i int) bool {
	for k := range figs {
		if f := &figs[k]; f.Class == ClassDate && f.mentionFirst <= i && i <= f.mentionLast {
			return true
		}
	}
	return false
}

// SameNumber reports whether a and b, two mentions of one class, give the
// same number: for counts, SameValue of the same quantity; for the others,
// the same Norm, within the rounding tolerance when either is approximate,
// rounded or a bound, and within the conversion tolerance for periods in
// different units ("60 days", "two months").
func (fs *FigureSettingsCompiled) SameNumber(a, b *Figure) bool {
	if a.Class != b.Class {
		return false
	}
	if a.Class == ClassCount {
		return a.SameQuantity(b) && fs.SameValue(a, b)
	}
	if a.Class == ClassNumber && a.Unit != b.Unit {
		return false // "3.75p", "3.75m"
	}
	x, y := *a, *b
	x.Value, y.Value = a.Norm, b.Norm
	if a.Class == ClassPeriod && a.Unit != b.Unit {
		_, okA := fs.periodDays[singularNoun(a.Unit)]
		_, okB := fs.periodDays[singularNoun(b.Unit)]
		if !okA || !okB {
			return false // no common measure: "two weekends", "14 days"
		}
		x.Converted = true
	}
	return fs.SameValue(&x, &y)
}

// Around returns the words (or numbers) right before and right after f's
// mention in its sentence, lower-cased ("" at either end of the
// sentence), punctuation left out: where a number stands in a sentence,
// to pair it with the number at the same place in another version.
func Around(doc *prose.Document, f *Figure) (before, after string) {
	if f.Sentence < 0 {
		return "", ""
	}
	p := doc.Paragraphs[f.Para]
	sent := p.Sentences[f.Sentence]
	low := p.Lower()
	for i := f.mentionFirst - 1; i >= 0 && p.Tokens[i].Start >= sent.Start; i-- {
		if t := p.Tokens[i]; t.Kind != prose.Punct {
			before = low[t.Start:t.End]
			break
		}
	}
	for i := f.mentionLast + 1; i < len(p.Tokens) && p.Tokens[i].End <= sent.End; i++ {
		if t := p.Tokens[i]; t.Kind != prose.Punct {
			after = low[t.Start:t.End]
			break
		}
	}
	return before, after
}
