package rules

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// FigureMismatchOptions are the options of a rule of kind figure-mismatch.
type FigureMismatchOptions struct {
	// MinSharedWords is how many content words the sentences around two
	// mentions must share for them to be the same quantity. Default 2.
	MinSharedWords int `yaml:"min-shared-words"`
	// Window is how many tokens on each side of a figure are its context.
	// Default 8.
	Window int `yaml:"window"`
	// MaxRatio is how far apart (larger over smaller) two values may be
	// and still be one quantity given wrong; values further apart are
	// other quantities. Default 1.5.
	MaxRatio float64 `yaml:"max-ratio"`
	// MinValue is the least value compared: small counts ("two people
	// familiar with the talks") describe people, not a figure. Default 10.
	MinValue float64 `yaml:"min-value"`
}

// FigureMismatchAnalyzer runs one rule of kind figure-mismatch.
var FigureMismatchAnalyzer = &analysis.Analyzer{
	Name: "figure-mismatch",
	Doc: `flag one quantity given two different values in one document

Compares every pair of figures the figures analyzer found that are
quantities of one unit group that is not generic (percent and money measure
anything) with the same modifiers, in different
sentences, whose contexts share at least min-shared-words content words.
A pair whose values differ beyond the tolerances is reported at the later
mention, with the earlier as related, when the values are within max-ratio
of each other and at least min-value, unless either sentence has a series
cue (a time series, a revision, a comparison), a year or a date, or both
have a time cue (a weekday, "last week"). The message may use
{unit}, {value}, {other} and {para} (the 1-based paragraph of the other).`,
	Requires: []*analysis.Analyzer{Figures},
	Run:      runFigureMismatch,
}

func init() {
	register(&Kind{
		Name:       "figure-mismatch",
		Analyzer:   FigureMismatchAnalyzer,
		NewOptions: func() any { return new(FigureMismatchOptions) },
		Compile:    compileFigureMismatch,
	})
}

type figureMismatchRule struct {
	message string
	opts    FigureMismatchOptions
}

func compileFigureMismatch(r *Rule, opts any) (any, error) {
	o, ok := opts.(*FigureMismatchOptions)
	if !ok {
		return nil, fmt.Errorf("figure-mismatch: options are %T, want *FigureMismatchOptions", opts)
	}
	if o.MinSharedWords < 0 {
		return nil, &OptionError{Key: "min-shared-words", Index: -1, Err: errors.New("must be 0 or more")}
	}
	if o.Window < 0 {
		return nil, &OptionError{Key: "window", Index: -1, Err: errors.New("must be 0 or more")}
	}
	if o.MaxRatio != 0 && o.MaxRatio < 1 {
		return nil, &OptionError{Key: "max-ratio", Index: -1, Err: errors.New("must be 1 or more: it is the larger value over the smaller")}
	}
	if o.MinValue < 0 {
		return nil, &OptionError{Key: "min-value", Index: -1, Err: errors.New("must be 0 or more")}
	}
	if o.MinSharedWords == 0 {
		o.MinSharedWords = 2
	}
	if o.Window == 0 {
		o.Window = 8
	}
	if o.MaxRatio == 0 {
		o.MaxRatio = 1.5
	}
	if o.MinValue == 0 {
		o.MinValue = 10
	}
	msg := r.Message
	if msg == "" {
		msg = "{unit} given as {value} here but as {other} in paragraph {para}"
	}
	return &figureMismatchRule{message: msg, opts: *o}, nil
}

func runFigureMismatch(pass *analysis.Pass) (any, error) {
	rule, ok := pass.Options.(*figureMismatchRule)
	if !ok {
		c, err := compileFigureMismatch(&Rule{}, new(FigureMismatchOptions))
		if err != nil {
			return nil, err
		}
		rule = c.(*figureMismatchRule)
	}
	set, _ := pass.ResultOf[Figures].(*FigureSet)
	if set == nil || set.Settings == nil {
		return nil, errors.New("figure-mismatch: the figures analyzer gave no result")
	}
	fs := set.Settings
	doc := pass.Doc
	var figs []*Figure
	for i := range set.Figures {
		if f := &set.Figures[i]; f.Comparable() && f.Sentence >= 0 && !fs.Generic(f.Group) && f.Value >= rule.opts.MinValue {
			figs = append(figs, f)
		}
	}
	if len(figs) < 2 {
		return nil, nil
	}
	// A figure is only ever compared with figures of its own quantity: one
	// alone in its quantity is never reported nor compared, and needs
	// neither its context nor the cues of its sentence.
	bucketOf := make([]int32, len(figs))
	index := make(map[quantity]int32, len(figs))
	var sizes []int32
	for j, f := range figs {
		q := quantityOf(f)
		k, ok := index[q]
		if !ok {
			k = int32(len(sizes))
			index[q] = k
			sizes = append(sizes, 0)
		}
		bucketOf[j] = k
		sizes[k]++
	}
	compared := func(j int) bool { return sizes[bucketOf[j]] > 1 }
	ctx := make([][]string, len(figs))
	var words []string
	ends := make([]int, len(figs))
	for j, f := range figs {
		if compared(j) {
			words = fs.appendContextWords(words, doc, f, rule.opts.Window)
		}
		ends[j] = len(words)
	}
	from := 0
	for j, end := range ends {
		ctx[j] = words[from:end:end]
		from = end
	}
	cues := fs.cuesOf(doc, set, figs, compared)
	// Each figure is compared with the earlier figures of its own quantity
	// (group and modifiers), and of those only with one per class of
	// figures that every test below treats alike: same value and
	// qualifiers, same unit, same cues in their sentences, same context
	// words. The first earlier figure that matches is the same as in a
	// comparison of every pair, and a long document that repeats its
	// figures (an archive, a live blog) costs the number of distinct
	// figures per figure, not the number of figures.
	type class struct{ first, second int } // second: the first in another sentence than first, or -1
	type sigKey struct {
		bucket int32
		sig    string
	}
	classes := make([][]*class, len(sizes))
	bySig := map[sigKey]*class{}
	for j, b := range figs {
		if !compared(j) {
			continue
		}
		bk := bucketOf[j]
		found := -1
		if cues[j]&cueSeries == 0 { // a series cue on b explains every pair
			for _, c := range classes[bk] {
				if found >= 0 && c.first > found {
					break // classes are in the order of their first figure
				}
				i := c.first
				if a := figs[i]; a.Para == b.Para && a.Sentence == b.Sentence {
					if i = c.second; i < 0 {
						continue
					}
				}
				a := figs[i]
				if !a.SameQuantity(b) ||
					math.Max(a.Value, b.Value)/math.Min(a.Value, b.Value) > rule.opts.MaxRatio ||
					cues.explains(i, j) || fs.SameValue(a, b) ||
					sharedWords(ctx[i], ctx[j]) < rule.opts.MinSharedWords {
					continue
				}
				if found < 0 || i < found {
					found = i
				}
			}
		}
		key := sigKey{bk, figureClass(b, cues[j], ctx[j])}
		if c := bySig[key]; c == nil {
			c = &class{first: j, second: -1}
			bySig[key] = c
			classes[bk] = append(classes[bk], c)
		} else if f := figs[c.first]; c.second < 0 && (f.Para != b.Para || f.Sentence != b.Sentence) {
			c.second = j
		}
		if found >= 0 {
			a := figs[found]
			msg := strings.NewReplacer(
				"{unit}", quoteUnit(b),
				"{value}", figureText(doc, b),
				"{other}", figureText(doc, a),
				"{para}", strconv.Itoa(a.Para+1),
			).Replace(rule.message)
			pass.Report(analysis.Diagnostic{Start: b.Span.Start, End: b.Span.End, Message: msg,
				Related: []analysis.Related{{Start: a.Span.Start, End: a.Span.End,
					Message: fmt.Sprintf("the same quantity given as %s", figureText(doc, a))}}})
		}
	}
	return nil, nil
}

// figureClass is the same for two figures of one quantity exactly when
// every test of figure-mismatch treats them alike as the earlier figure of
// a pair: value, qualifiers, unit and modifiers, the cues of their
// sentences and their context words.
func figureClass(f *Figure, cues uint8, words []string) string {
	var b strings.Builder
	b.WriteString(strconv.FormatUint(math.Float64bits(f.Value), 16))
	b.WriteByte(0)
	b.WriteString(strconv.Itoa(int(f.Bound)))
	for _, flag := range [...]bool{f.Approx, f.Rounded, f.Converted, cues&cueSeries != 0, cues&cueTime != 0} {
		if flag {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	b.WriteByte(0)
	b.WriteString(f.Unit)
	for _, m := range f.Modifiers {
		b.WriteByte(0)
		b.WriteString(m)
	}
	b.WriteByte(1)
	for _, w := range words {
		b.WriteByte(0)
		b.WriteString(w)
	}
	return b.String()
}

func quoteUnit(f *Figure) string {
	if len(f.Modifiers) > 0 {
		return strings.Join(f.Modifiers, " ") + " " + f.Group
	}
	return f.Group
}

// figureText is the figure as written, quoted.
func figureText(doc *prose.Document, f *Figure) string {
	return strconv.Quote(string(doc.Text[f.Span.Start:f.Span.End]))
}

// quantity is what makes figures one quantity: their group and their
// modifiers (quantityKey as a key that costs nothing for a figure without
// modifiers).
type quantity struct{ group, modifiers string }

func quantityOf(f *Figure) quantity {
	q := quantity{group: f.Group}
	if len(f.Modifiers) > 0 {
		q.modifiers = "\x00" + strings.Join(f.Modifiers, " ")
	}
	return q
}
