package versions

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/figures"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// FigureChangedOptions are the options of a rule of kind figure-changed.
type FigureChangedOptions struct {
	// MaxRatio is how far apart (larger over smaller) two values of one
	// quantity may be when their sentences were rewritten beyond
	// alignment, for them still to be one figure that changed. Default 1.5.
	MaxRatio float64 `yaml:"max-ratio"`
	// MinSharedWords is how many content words the contexts of two such
	// mentions must share. Default 2.
	MinSharedWords int `yaml:"min-shared-words"`
}

// FigureChangedAnalyzer runs one rule of kind figure-changed over a series.
var FigureChangedAnalyzer = &analysis.Analyzer{
	Name:     "figure-changed",
	Doc:      "flag figures whose value changed between versions of an article",
	Requires: []*analysis.Analyzer{figures.Figures},
	Run:      runFigureChanged,
	Series:   true,
}

// FigureChangedKind is the kind "figure-changed".
var FigureChangedKind = &rules.Kind{
	Name:       "figure-changed",
	Analyzer:   FigureChangedAnalyzer,
	NewOptions: func() any { return new(FigureChangedOptions) },
	Compile:    compileFigureChanged,
}

type figureChangedRule struct {
	message string
	opts    FigureChangedOptions
}

func compileFigureChanged(r *rules.Rule, opts any) (any, error) {
	o, ok := opts.(*FigureChangedOptions)
	if !ok {
		return nil, fmt.Errorf("figure-changed: options are %T, want *FigureChangedOptions", opts)
	}
	if o.MaxRatio != 0 && o.MaxRatio < 1 {
		return nil, &rules.OptionError{Key: "max-ratio", Index: -1, Err: errors.New("must be 1 or more: it is the larger value over the smaller")}
	}
	if o.MinSharedWords < 0 {
		return nil, &rules.OptionError{Key: "min-shared-words", Index: -1, Err: errors.New("must be 0 or more")}
	}
	if o.MaxRatio == 0 {
		o.MaxRatio = 1.5
	}
	if o.MinSharedWords == 0 {
		o.MinSharedWords = 2
	}
	msg := r.Message
	if msg == "" {
		msg = "figure changed from {old} to {new}"
	}
	return &figureChangedRule{message: msg, opts: *o}, nil
}

// alignKey is the Pass.Shared key of the alignment with one older version.
type alignKey struct{ old *prose.Document }

// sharedAlignment returns the alignment of the pass's document with old,
// computed once for every cross-version rule.
func sharedAlignment(pass *analysis.Pass, old *prose.Document) *alignment {
	return pass.Shared(alignKey{old}, func() any { return alignVersions(old, pass.Doc) }).(*alignment)
}

// previous returns the version right before the pass's document, or nil.
func previousVersion(pass *analysis.Pass) *analysis.Version {
	if len(pass.Versions) == 0 {
		return nil
	}
	return pass.Versions[len(pass.Versions)-1]
}

func runFigureChanged(pass *analysis.Pass) (any, error) {
	rule, ok := pass.Options.(*figureChangedRule)
	if !ok {
		return nil, fmt.Errorf("figure-changed: options are %T, want a compiled figure-changed rule", pass.Options)
	}
	prev := previousVersion(pass)
	if prev == nil {
		return nil, nil
	}
	newSet, _ := pass.ResultOf[figures.Figures].(*figures.FigureSet)
	oldSet, _ := prev.ResultOf[figures.Figures].(*figures.FigureSet)
	if newSet == nil || oldSet == nil || newSet.Settings == nil {
		return nil, errors.New("figure-changed: the figures analyzer gave no result")
	}
	for _, c := range figureChanges(pass, prev.Doc, oldSet, newSet, rule.opts) {
		o, n := c.old, c.new
		oldText, newText := figures.Quoted(prev.Doc, o), figures.Quoted(pass.Doc, n)
		msg := strings.NewReplacer("{old}", oldText, "{new}", newText).Replace(rule.message)
		pass.Report(analysis.Diagnostic{Start: n.Mention.Start, End: n.Mention.End, Message: msg,
			Related: []analysis.Related{{Doc: prev.Doc, Start: o.Mention.Start, End: o.Mention.End,
				Message: "the earlier version has " + oldText}}})
	}
	return nil, nil
}

// A figureChange pairs an old figure with the new one that changed it.
type figureChange struct{ old, new *figures.Figure }

// figureChanges pairs the figures of two versions and returns those whose
// value changed, in the new version's order.
func figureChanges(pass *analysis.Pass, oldDoc *prose.Document, oldSet, newSet *figures.FigureSet, opts FigureChangedOptions) []figureChange {
	fs := newSet.Settings
	al := sharedAlignment(pass, oldDoc)
	oldDone := make([]bool, len(oldSet.Figures))
	newDone := make([]bool, len(newSet.Figures))
	var out []figureChange

	// Figures of the old version by sentence index in the alignment.
	oldBySent := map[int][]int{}
	for i := range oldSet.Figures {
		f := &oldSet.Figures[i]
		if f.Comparable() && f.Sentence >= 0 {
			s := al.oldPos[[2]int{f.Para, f.Sentence}]
			oldBySent[s] = append(oldBySent[s], i)
		}
	}
	// 1. Aligned sentences: the same quantity in both. Equal values pair
	// first; what is left of one quantity pairs in order when both
	// sentences have as many mentions of it left.
	newBySent := map[int][]int{}
	var sents []int
	for i := range newSet.Figures {
		n := &newSet.Figures[i]
		if !n.Comparable() || n.Sentence < 0 {
			newDone[i] = true
			continue
		}
		s := al.newPos[[2]int{n.Para, n.Sentence}]
		if len(newBySent[s]) == 0 {
			sents = append(sents, s)
		}
		newBySent[s] = append(newBySent[s], i)
	}
	for _, s := range sents {
		o := al.toOld[s]
		if o < 0 {
			continue
		}
		// Equal as written first, so that "400 kilograms (882 pounds)"
		// pairs each unit with its own before the conversion pairs them
		// across.
		for _, asWritten := range []bool{true, false} {
			for _, i := range newBySent[s] {
				if newDone[i] {
					continue
				}
				n := &newSet.Figures[i]
				for _, k := range oldBySent[o] {
					f := &oldSet.Figures[k]
					if oldDone[k] || !f.SameQuantity(n) || asWritten && (f.Unit != n.Unit || f.Written != n.Written) {
						continue
					}
					if fs.SameValue(f, n) {
						oldDone[k], newDone[i] = true, true
						break
					}
				}
			}
		}
		for _, i := range newBySent[s] {
			if newDone[i] {
				continue
			}
			n := &newSet.Figures[i]
			var olds, news []int
			for _, k := range oldBySent[o] {
				if !oldDone[k] && oldSet.Figures[k].SameQuantity(n) {
					olds = append(olds, k)
				}
			}
			for _, j := range newBySent[s] {
				if !newDone[j] && newSet.Figures[j].SameQuantity(n) {
					news = append(news, j)
				}
			}
			if len(olds) == 0 || len(olds) != len(news) {
				continue
			}
			for x := range olds {
				oldDone[olds[x]], newDone[news[x]] = true, true
				out = append(out, figureChange{&oldSet.Figures[olds[x]], &newSet.Figures[news[x]]})
			}
		}
	}
	// 1b. Every other number of aligned sentences: periods, dates,
	// weekdays, times, ages, ratios, years, labels, bare counts.
	out = append(out, numberChanges(pass.Doc, oldDoc, al, oldSet, newSet)...)

	// 2. The same value anywhere in the other version: not a change.
	oldIdx := indexFigures(oldSet)
	newIdx := indexFigures(newSet)
	tol := 1 + fs.Tolerance()
	for i := range newSet.Figures {
		if newDone[i] {
			continue
		}
		n := &newSet.Figures[i]
		oldIdx.near(n, tol, func(k int) {
			if fs.SameValue(&oldSet.Figures[k], n) {
				newDone[i], oldDone[k] = true, true
			}
		})
	}
	for k := range oldSet.Figures {
		o := &oldSet.Figures[k]
		if oldDone[k] || !o.Comparable() {
			oldDone[k] = true
			continue
		}
		newIdx.near(o, tol, func(i int) {
			if fs.SameValue(o, &newSet.Figures[i]) {
				oldDone[k] = true
			}
		})
	}
	// 3. Rewritten sentences: an old figure that is gone and a new one of
	// the same quantity, close in value, in similar words.
	type cand struct {
		old, new int
		ratio    float64
	}
	var cands []cand
	newCtx := map[int][]string{}
	oldCtx := map[int][]string{}
	for i := range newSet.Figures {
		n := &newSet.Figures[i]
		if newDone[i] || fs.Generic(n.Group) || n.Value <= 0 {
			continue
		}
		oldIdx.near(n, opts.MaxRatio, func(k int) {
			o := &oldSet.Figures[k]
			if oldDone[k] || o.Value <= 0 {
				return
			}
			r := math.Max(o.Value, n.Value) / math.Min(o.Value, n.Value)
			if r > opts.MaxRatio {
				return
			}
			if newCtx[i] == nil {
				newCtx[i] = fs.ContextWords(pass.Doc, n, 8)
			}
			if oldCtx[k] == nil {
				oldCtx[k] = fs.ContextWords(oldDoc, o, 8)
			}
			if figures.SharedWords(newCtx[i], oldCtx[k]) < opts.MinSharedWords {
				return
			}
			cands = append(cands, cand{k, i, r})
		})
	}
	sort.SliceStable(cands, func(x, y int) bool { return cands[x].ratio < cands[y].ratio })
	for _, c := range cands {
		if oldDone[c.old] || newDone[c.new] {
			continue
		}
		oldDone[c.old], newDone[c.new] = true, true
		out = append(out, figureChange{&oldSet.Figures[c.old], &newSet.Figures[c.new]})
	}
	sort.SliceStable(out, func(x, y int) bool { return out[x].new.Mention.Start < out[y].new.Mention.Start })
	return out
}

// A figureIndex finds the comparable figures of one quantity near a value.
type figureIndex map[string][]int // quantity key -> figure indices by value

func quantityKey(f *figures.Figure) string {
	return f.Group + "\x00" + strings.Join(f.Modifiers, " ")
}

func indexFigures(set *figures.FigureSet) *figureIndexed {
	idx := &figureIndexed{set: set, by: figureIndex{}}
	for i := range set.Figures {
		if f := &set.Figures[i]; f.Comparable() {
			k := quantityKey(f)
			idx.by[k] = append(idx.by[k], i)
		}
	}
	for _, l := range idx.by {
		sort.SliceStable(l, func(a, b int) bool { return set.Figures[l[a]].Value < set.Figures[l[b]].Value })
	}
	return idx
}

type figureIndexed struct {
	set *figures.FigureSet
	by  figureIndex
}

// near calls fn for every figure of f's quantity whose value is within a
// factor of f's (ratio >= 1), in order of value.
func (x *figureIndexed) near(f *figures.Figure, ratio float64, fn func(int)) {
	l := x.by[quantityKey(f)]
	lo, hi := f.Value/ratio, f.Value*ratio
	if f.Value < 0 {
		lo, hi = hi, lo
	}
	i := sort.Search(len(l), func(i int) bool { return x.set.Figures[l[i]].Value >= lo })
	for ; i < len(l) && x.set.Figures[l[i]].Value <= hi; i++ {
		fn(l[i])
	}
}

// numberChanges pairs the numbers that are not counts (Class other than
// ClassCount) of aligned sentences, numerals and the numbers in words
// (weekdays, months, compounds), and returns those that changed. In each
// pair of sentences, a number of one class at the same place (the same
// word before it and after it) is the same number, an equal one first; of
// those left, numbers of one class with the same value are the same number
// wherever they stand (moved, reformatted); of those left, a number with
// the same word before or after it is the same number, changed.
func numberChanges(newDoc, oldDoc *prose.Document, al *alignment, oldSet, newSet *figures.FigureSet) []figureChange {
	fs := newSet.Settings
	compared := func(f *figures.Figure) bool {
		return f.Class != "" && f.Class != figures.ClassCount && f.Sentence >= 0
	}
	// numbers gathers the numbers of the sentences of one version that
	// are compared, by sentence index in the alignment, on demand.
	type number struct {
		f             *figures.Figure
		before, after string
	}
	numbers := func(doc *prose.Document, set *figures.FigureSet, ss []versionSentence, pos map[[2]int]int) func(int) []number {
		bySent := map[int][]*figures.Figure{}
		for i := range set.Figures {
			if f := &set.Figures[i]; compared(f) {
				s := pos[[2]int{f.Para, f.Sentence}]
				bySent[s] = append(bySent[s], f)
			}
		}
		cache := map[int][]number{}
		return func(s int) []number {
			if l, ok := cache[s]; ok {
				return l
			}
			figs := bySent[s]
			words := set.WordNumbers(doc, ss[s].para, ss[s].sent)
			for i := range words {
				if compared(&words[i]) {
					figs = append(figs, &words[i])
				}
			}
			l := make([]number, len(figs))
			for i, f := range figs {
				l[i].f = f
				l[i].before, l[i].after = figures.Around(doc, f)
			}
			cache[s] = l
			return l
		}
	}
	oldNumbers := numbers(oldDoc, oldSet, al.old, al.oldPos)
	newNumbers := numbers(newDoc, newSet, al.new, al.newPos)
	oldDone := map[*figures.Figure]bool{}
	var out []figureChange
	for s, o := range al.toOld {
		if o < 0 || al.exact[s] {
			continue // unaligned, or equal: nothing changed
		}
		news := newNumbers(s)
		if len(news) == 0 {
			continue
		}
		olds := oldNumbers(o)
		newDone := make([]bool, len(news))
		// pair pairs each new number left with the first old number left
		// that ok accepts, and records a change when their values differ.
		pair := func(ok func(o, n *figures.Figure, same int) bool) {
			for x := range news {
				if newDone[x] {
					continue
				}
				n := news[x].f
				for k := range olds {
					o := olds[k].f
					if oldDone[o] || o.Class != n.Class {
						continue
					}
					same := 0
					if olds[k].before == news[x].before {
						same++
					}
					if olds[k].after == news[x].after {
						same++
					}
					if ok(o, n, same) {
						oldDone[o], newDone[x] = true, true
						if !fs.SameNumber(o, n) {
							out = append(out, figureChange{o, n})
						}
						break
					}
				}
			}
		}
		// A number between the same two words is the same number, equal
		// first, then changed; then equal numbers wherever they stand;
		// then a number with one of its words.
		pair(func(o, n *figures.Figure, same int) bool { return same == 2 && fs.SameNumber(o, n) })
		pair(func(o, n *figures.Figure, same int) bool { return same == 2 })
		pair(func(o, n *figures.Figure, same int) bool { return fs.SameNumber(o, n) })
		pair(func(o, n *figures.Figure, same int) bool { return same == 1 })
	}
	return out
}
