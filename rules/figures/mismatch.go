package figures

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/attrlint/attrlint/rules"

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
	Name:     "figure-mismatch",
	Doc:      "flag one quantity given two different values in one document",
	Requires: []*analysis.Analyzer{Figures},
	Run:      runFigureMismatch,
}

// MismatchKind is the kind "figure-mismatch".
var MismatchKind = &rules.Kind{
	Name:       "figure-mismatch",
	Analyzer:   FigureMismatchAnalyzer,
	NewOptions: func() any { return new(FigureMismatchOptions) },
	Compile:    compileFigureMismatch,
}

type figureMismatchRule struct {
	message string
	opts    FigureMismatchOptions
}

func compileFigureMismatch(r *rules.Rule, opts any) (any, error) {
	o, ok := opts.(*FigureMismatchOptions)
	if !ok {
		return nil, fmt.Errorf("figure-mismatch: options are %T, want *FigureMismatchOptions", opts)
	}
	if o.MinSharedWords < 0 {
		return nil, &rules.OptionError{Key: "min-shared-words", Index: -1, Err: errors.New("must be 0 or more")}
	}
	if o.Window < 0 {
		return nil, &rules.OptionError{Key: "window", Index: -1, Err: errors.New("must be 0 or more")}
	}
	if o.MaxRatio != 0 && o.MaxRatio < 1 {
		return nil, &rules.OptionError{Key: "max-ratio", Index: -1, Err: errors.New("must be 1 or more: it is the larger value over the smaller")}
	}
	if o.MinValue < 0 {
		return nil, &rules.OptionError{Key: "min-value", Index: -1, Err: errors.New("must be 0 or more")}
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
		return nil, fmt.Errorf("figure-mismatch: options are %T, want a compiled figure-mismatch rule", pass.Options)
	}
	set, _ := pass.ResultOf[Figures].(*FigureSet)
	if set == nil || set.Settings == nil {
		return nil, errors.New("figure-mismatch: the figures analyzer gave no result")
	}
	fs := set.Settings
	doc := pass.Doc
	compares := func(f *Figure) bool {
		return f.Comparable() && f.Sentence >= 0 && !fs.Generic(f.Group) && f.Value >= rule.opts.MinValue
	}
	n := 0
	for i := range set.Figures {
		if compares(&set.Figures[i]) {
			n++
		}
	}
	if n < 2 {
		return nil, nil
	}
	figs := make([]*Figure, 0, n)
	for i := range set.Figures {
		if f := &set.Figures[i]; compares(f) {
			figs = append(figs, f)
		}
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
	// The classes of a quantity are a list, in the order of their first
	// figure; byKey finds a class by its quantity and figureClass (looking
	// a []byte key up in a map of strings does not allocate).
	type class struct {
		first, second int32 // second: the first in another sentence than first, or -1
		next          int32 // the quantity's next class, or -1
	}
	var classes []class
	head, tail := make([]int32, len(sizes)), make([]int32, len(sizes))
	for k := range head {
		head[k], tail[k] = -1, -1
	}
	byKey := map[string]int32{}
	var sig []byte
	for j, b := range figs {
		if !compared(j) {
			continue
		}
		bk := bucketOf[j]
		found := -1
		if cues[j]&cueSeries == 0 { // a series cue on b explains every pair
			for ci := head[bk]; ci >= 0; ci = classes[ci].next {
				c := classes[ci]
				if found >= 0 && int(c.first) > found {
					break // classes are in the order of their first figure
				}
				i := int(c.first)
				if a := figs[i]; a.Para == b.Para && a.Sentence == b.Sentence {
					if i = int(c.second); i < 0 {
						continue
					}
				}
				a := figs[i]
				if !a.SameQuantity(b) ||
					math.Max(a.Value, b.Value)/math.Min(a.Value, b.Value) > rule.opts.MaxRatio ||
					cues.explains(i, j) || fs.SameValue(a, b) ||
					SharedWords(ctx[i], ctx[j]) < rule.opts.MinSharedWords {
					continue
				}
				if found < 0 || i < found {
					found = i
				}
			}
		}
		sig = binary.LittleEndian.AppendUint32(sig[:0], uint32(bk))
		sig = appendFigureClass(sig, b, cues[j], ctx[j])
		if ci, ok := byKey[string(sig)]; !ok {
			ci = int32(len(classes))
			classes = append(classes, class{first: int32(j), second: -1, next: -1})
			byKey[string(sig)] = ci
			if tail[bk] >= 0 {
				classes[tail[bk]].next = ci
			} else {
				head[bk] = ci
			}
			tail[bk] = ci
		} else if c := &classes[ci]; c.second < 0 {
			if f := figs[c.first]; f.Para != b.Para || f.Sentence != b.Sentence {
				c.second = int32(j)
			}
		}
		if found >= 0 {
			a := figs[found]
			other := Quoted(doc, a)
			msg := replacePlaceholders(rule.message,
				"{unit}", quoteUnit(b),
				"{value}", Quoted(doc, b),
				"{other}", other,
				"{para}", strconv.Itoa(a.Para+1),
			)
			pass.Report(analysis.Diagnostic{Start: b.Span.Start, End: b.Span.End, Message: msg,
				Related: []analysis.Related{{Start: a.Span.Start, End: a.Span.End,
					Message: "the same quantity given as " + other}}})
		}
	}
	return nil, nil
}

// appendFigureClass appends to dst what is the same for two figures of one
// quantity exactly when every test of figure-mismatch treats them alike as
// the earlier figure of a pair: value, qualifiers, unit and modifiers, the
// cues of their sentences and their context words.
func appendFigureClass(dst []byte, f *Figure, cues uint8, words []string) []byte {
	dst = strconv.AppendUint(dst, math.Float64bits(f.Value), 16)
	dst = append(dst, 0)
	dst = strconv.AppendInt(dst, int64(f.Bound), 10)
	for _, flag := range [...]bool{f.Approx, f.Rounded, f.Converted, cues&cueSeries != 0, cues&cueTime != 0} {
		if flag {
			dst = append(dst, '1')
		} else {
			dst = append(dst, '0')
		}
	}
	dst = append(dst, 0)
	dst = append(dst, f.Unit...)
	for _, m := range f.Modifiers {
		dst = append(dst, 0)
		dst = append(dst, m...)
	}
	dst = append(dst, 1)
	for _, w := range words {
		dst = append(dst, 0)
		dst = append(dst, w...)
	}
	return dst
}

func quoteUnit(f *Figure) string {
	if len(f.Modifiers) > 0 {
		return strings.Join(f.Modifiers, " ") + " " + f.Group
	}
	return f.Group
}

// Quoted is the figure's mention as written, quoted: its Span for a count,
// the whole date, period or time for the other classes.
func Quoted(doc *prose.Document, f *Figure) string {
	return strconv.Quote(string(doc.Text[f.Mention.Start:f.Mention.End]))
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

// replacePlaceholders replaces, left to right, each occurrence of the old
// strings of pairs (old, new, ...) by its new string, as
// strings.NewReplacer(pairs...).Replace does when no old string is a
// prefix of another and each starts with '{', without building a replacer.
func replacePlaceholders(s string, pairs ...string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	for i := 0; i < len(s); {
		if s[i] == '{' {
			matched := false
			for k := 0; k+1 < len(pairs); k += 2 {
				if strings.HasPrefix(s[i:], pairs[k]) {
					b.WriteString(pairs[k+1])
					i += len(pairs[k])
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		j := strings.IndexByte(s[i+1:], '{')
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+1+j])
		i += 1 + j
	}
	return b.String()
}
