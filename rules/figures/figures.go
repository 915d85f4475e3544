package figures

import (
	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
)

// A Figure is one numeric mention of a document: a numeral with its unit or
// counted noun, its qualifier, and whether it is a quantity at all.
type Figure struct {
	// Span runs from the qualifier or the numeral through the unit, in
	// Document.Text; Number is the numeral alone.
	Span, Number prose.Span

	// Para is the index of the paragraph (Document.Paragraphs); Sentence
	// the index of the sentence in it.
	Para, Sentence int

	// Written is the value as written, scale applied ("1.5 million" is
	// 1,500,000); Value is in the unit group's base unit (400 miles is
	// 643.7 in a group whose base is the kilometer).
	Written, Value float64

	// Unit is the unit or counted noun as written, lower-cased
	// ("soldiers", "%"); Group is the unit group it belongs to
	// ("troops"), or the counted noun in the singular when it is in no
	// group; both are "" for a bare number.
	Unit, Group string
	// Converted is set when the unit converts within its group (miles
	// and kilometers).
	Converted bool

	// Modifiers are the words between the numeral and the unit that make
	// it another quantity ("american" of "8,500 American troops"),
	// lower-cased, neutral modifiers ("more") left out.
	Modifiers []string

	// Qualifier is the words before the numeral that qualify it ("about",
	// "more than"), lower-cased; Approx is set when it makes the value
	// approximate, Bound when it makes it a lower (+1: "more than") or an
	// upper (-1: "up to") bound.
	Qualifier string
	Approx    bool
	Bound     int8
	// Rounded is set for a numeral with a scale ("1.5 million", "150K"):
	// it stands for a rounded value.
	Rounded bool

	// Quantity is false for numbers that are not counts to compare: years,
	// dates, times of day, ordinals, ages, labels ("Section 5"), periods
	// ("24 hours"), numbers in words with no counted noun. NotQuantity
	// then says which.
	Quantity    bool
	NotQuantity string

	// Class is what sort of number the mention is, for comparing two
	// versions of one sentence: ClassCount for a quantity with a unit
	// (Comparable), ClassNumber for a bare count, or ClassPeriod,
	// ClassDate, ClassWeekday, ClassTime, ClassAge, ClassRatio,
	// ClassYear, ClassLabel, ClassOrdinal; "" for what is never compared
	// (list numbering, the minutes of a time read with its hour).
	Class string
	// Mention is the whole mention as a comparison of versions quotes it:
	// Span, and for the other classes the date with its month ("Jan.
	// 30"), the period with its unit ("60 days"), the time with its
	// minutes ("10:30 a.m."), the weekday ("Tuesday").
	Mention prose.Span
	// Norm is the value that two mentions of one class compare: Value for
	// counts and bare numbers, the length in days of a period, month*100 +
	// day of a date, minutes since midnight of a time, 1 to 7 of a weekday.
	Norm float64

	// firstTok and lastTok index the figure's first and last token in its
	// paragraph's Tokens; mentionFirst and mentionLast those of Mention.
	firstTok, lastTok         int
	mentionFirst, mentionLast int
}

// Comparable reports whether f is a quantity with a unit, one that can be
// compared with another mention of the same quantity.
func (f *Figure) Comparable() bool { return f.Quantity && f.Group != "" }

// SameQuantity reports whether f and g name the same sort of quantity: one
// unit group and the same modifiers.
func (f *Figure) SameQuantity(g *Figure) bool {
	if f.Group != g.Group || len(f.Modifiers) != len(g.Modifiers) {
		return false
	}
	for i := range f.Modifiers {
		if f.Modifiers[i] != g.Modifiers[i] {
			return false
		}
	}
	return true
}

// The classes of numbers (Figure.Class).
const (
	ClassCount   = "count"
	ClassNumber  = "number"
	ClassPeriod  = "period"
	ClassDate    = "date"
	ClassWeekday = "weekday"
	ClassTime    = "time"
	ClassAge     = "age"
	ClassRatio   = "ratio"
	ClassYear    = "year"
	ClassLabel   = "label"
	ClassOrdinal = "ordinal"
)

// A FigureSet is the result of the figures analyzer: every numeral of a
// document in document order. The numbers that are not numerals
// (weekdays, "in March", "two-day") are read on demand (WordNumbers).
type FigureSet struct {
	Figures []Figure
	// Settings are the compiled settings the figures were read with; the
	// rules use their tolerances and cue lists.
	Settings *FigureSettingsCompiled
}

// Figures is the extraction analyzer that finds every numeric mention of a
// document: its value, unit or counted noun, qualifier, and whether it is a
// quantity. It reports nothing; rules that compare figures name it in
// Requires and read a *FigureSet from Pass.ResultOf. Its data (unit groups
// and conversions, qualifiers, the contexts that make a number a year, a
// date, a label or a period) come from the `analyzers: figures:` section of
// rules/figures/figures.yaml and of the user's config.
var Figures = &analysis.Analyzer{
	Name: "figures",
	Doc:  "find numeric mentions with their value, unit, qualifier and kind",
	Run:  runFigures,
}

// Extractor is the figures analyzer with its settings, for the config loader.
var Extractor = &rules.Extractor{
	Analyzer:   Figures,
	NewOptions: func() any { return new(FiguresSettings) },
	Compile:    func(opts any) (any, error) { return compileFiguresSettings(opts) },
}

func runFigures(pass *analysis.Pass) (any, error) {
	fs, err := figureSettingsOf(pass.Options)
	if err != nil {
		return nil, err
	}
	return extractFigures(pass.Doc, fs), nil
}
