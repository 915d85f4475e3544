package figures

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/words"

	"github.com/attrlint/attrlint/internal/phrase"
)

// FiguresSettings are the settings of the figures analyzer: the YAML keys of
// `analyzers: figures:` in a pack or a user's config.
type FiguresSettings struct {
	// Units are the unit groups by name: synonyms in Words, or units of
	// one dimension with their size in the group's base unit in Convert.
	Units map[string]UnitGroup `yaml:"units"`
	// GenericUnits are the unit groups that measure anything (percent,
	// money): two figures in them are one quantity only where their
	// sentences align, never by unit and context alone.
	GenericUnits []string `yaml:"generic-units"`
	// Prefixes are unit symbols written before the number ("$").
	Prefixes []string `yaml:"prefixes"`
	// NeutralModifiers may stand between a number and its unit without
	// making another quantity of it ("more", "additional").
	NeutralModifiers []string `yaml:"neutral-modifiers"`
	// Qualifiers before a number, by sort: approximate, lower and upper
	// bounds.
	Qualifiers struct {
		Approximate []string `yaml:"approximate"`
		LowerBound  []string `yaml:"lower-bound"`
		UpperBound  []string `yaml:"upper-bound"`
	} `yaml:"qualifiers"`
	// RoundingTolerance and ConversionTolerance are how far apart, as a
	// fraction of the larger, two values may be and still be one figure:
	// when either is approximate, and when their units differ.
	RoundingTolerance   float64 `yaml:"rounding-tolerance"`
	ConversionTolerance float64 `yaml:"conversion-tolerance"`
	// Periods, Labels, Months, Times and NotNouns mark numbers that are
	// not quantities and words that are not counted nouns.
	Periods []string `yaml:"periods"`
	// PeriodDays gives the length in days of a period's unit, by its
	// singular ("week": 7), so that periods in different units compare.
	PeriodDays map[string]float64 `yaml:"period-days"`
	Labels     []string           `yaml:"labels"`
	Months     []string           `yaml:"months"`
	Times      []string           `yaml:"times"`
	NotNouns   []string           `yaml:"not-nouns"`
	// SeriesCues are phrases that explain two values of one quantity in
	// one document ("grew to", "up from", "then").
	SeriesCues []string `yaml:"series-cues"`
	// TimeCues date a value ("on Monday", "last week"): two values of one
	// quantity are explained when both of their sentences have one.
	TimeCues []string `yaml:"time-cues"`
}

// A UnitGroup is one quantity known under several names.
type UnitGroup struct {
	Words   []string           `yaml:"words"`
	Convert map[string]float64 `yaml:"convert"`
}

// FigureSettingsCompiled are FiguresSettings compiled: one phrase matcher
// for units, prefixes and qualifiers, and word sets.
type FigureSettingsCompiled struct {
	units    *phrase.Matcher
	unitInfo []unitEntry // by matcher id
	quals    *phrase.Matcher
	qualInfo []qualEntry
	cues     *phrase.Matcher // id 0: series cue, 1: time cue

	prefixes         map[string]string // symbol -> group
	generic          words.Set
	neutral          words.Set
	periods          words.Set
	periodDays       map[string]float64 // period-days, lower-cased
	labels           words.Set
	months           words.Set
	times            words.Set
	notNouns         words.Set
	roundTolerance   float64
	convertTolerance float64
}

type unitEntry struct {
	group   string
	factor  float64
	convert bool
}

type qualEntry struct {
	text  string
	bound int8 // 0 approximate, +1 lower bound, -1 upper bound
}

func compileFiguresSettings(opts any) (*FigureSettingsCompiled, error) {
	o, ok := opts.(*FiguresSettings)
	if !ok {
		return nil, fmt.Errorf("figures: settings are %T, want *FiguresSettings", opts)
	}
	var errs []error
	if len(o.Units) == 0 {
		errs = append(errs, &rules.OptionError{Key: "units", Index: -1,
			Err: errors.New("list at least one unit group: `troops: {words: [troops, soldiers]}`")})
	}
	fs := &FigureSettingsCompiled{
		prefixes:         map[string]string{},
		neutral:          figureWordSet(o.NeutralModifiers),
		periods:          figureWordSet(o.Periods),
		periodDays:       map[string]float64{},
		labels:           figureWordSet(o.Labels),
		months:           figureWordSet(o.Months),
		times:            figureWordSet(o.Times),
		notNouns:         figureWordSet(o.NotNouns),
		roundTolerance:   o.RoundingTolerance,
		convertTolerance: o.ConversionTolerance,
	}
	for _, t := range []struct {
		key string
		v   float64
	}{{"rounding-tolerance", o.RoundingTolerance}, {"conversion-tolerance", o.ConversionTolerance}} {
		if t.v < 0 || t.v >= 1 {
			errs = append(errs, &rules.OptionError{Key: t.key, Index: -1, Err: fmt.Errorf("%v is not a fraction: give a value from 0 to 1, such as 0.05", t.v)})
		}
	}
	for unit, d := range o.PeriodDays {
		if d <= 0 {
			errs = append(errs, &rules.OptionError{Key: "period-days", Index: -1,
				Err: fmt.Errorf("%s: %v is not a length: give the days one %s lasts, such as 7 for a week", unit, d, unit)})
			continue
		}
		fs.periodDays[strings.ToLower(unit)] = d
	}
	groups := make([]string, 0, len(o.Units))
	for g := range o.Units {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	n := 0
	for _, u := range o.Units {
		n += len(u.Words) + len(u.Convert)
	}
	// Every unit has an id of its own, its index in fs.unitInfo.
	var units phrase.Lists
	fs.unitInfo = make([]unitEntry, 0, n)
	var names []string
	for _, g := range groups {
		u := o.Units[g]
		if len(u.Words) == 0 && len(u.Convert) == 0 {
			errs = append(errs, &rules.OptionError{Key: "units." + g, Index: -1, Err: errors.New("give the group `words` (synonyms) or `convert` (units and their sizes)")})
		}
		units.Add(phrase.List{Key: "units." + g + ".words", Phrases: u.Words, Each: true})
		for _, w := range u.Words {
			fs.unitInfo = append(fs.unitInfo, unitEntry{group: g, factor: 1})
			if slices.Contains(o.Prefixes, w) {
				fs.prefixes[w] = g
			}
		}
		names = names[:0]
		for w := range u.Convert {
			names = append(names, w)
		}
		sort.Strings(names)
		for _, w := range names {
			f := u.Convert[w]
			if f <= 0 {
				errs = append(errs, &rules.OptionError{Key: "units." + g + ".convert." + w, Index: -1, Err: fmt.Errorf("size %v must be more than 0", f)})
			}
			// A list of one, keyed by the unit's own key.
			units.Add(phrase.List{Key: "units." + g + ".convert." + w, Phrases: []string{w}, Each: true})
			fs.unitInfo = append(fs.unitInfo, unitEntry{group: g, factor: f, convert: true})
			if slices.Contains(o.Prefixes, w) {
				fs.prefixes[w] = g
			}
		}
	}
	for i, g := range o.GenericUnits {
		if _, ok := o.Units[g]; !ok {
			errs = append(errs, &rules.OptionError{Key: "generic-units", Index: i, Err: fmt.Errorf("%q is not a unit group: name one of the groups under units", g)})
			continue
		}
		fs.generic.Add(g)
	}
	for i, p := range o.Prefixes {
		if fs.prefixes[p] == "" {
			errs = append(errs, &rules.OptionError{Key: "prefixes", Index: i, Err: fmt.Errorf("%q is in no unit group: add it to a group's words", p)})
		}
	}
	var lerrs []*phrase.ListError
	fs.units, lerrs = units.Compile()
	for _, e := range lerrs {
		if strings.Contains(e.Key, ".convert.") {
			e.Index = -1 // the unit is the key itself
		}
		errs = append(errs, &rules.OptionError{Key: e.Key, Index: e.Index, Err: e.Err})
	}

	// Every qualifier has an id of its own, its index in fs.qualInfo.
	var quals phrase.Lists
	fs.qualInfo = make([]qualEntry, 0, len(o.Qualifiers.Approximate)+len(o.Qualifiers.LowerBound)+len(o.Qualifiers.UpperBound))
	for _, q := range []struct {
		key   string
		list  []string
		bound int8
	}{{"qualifiers.approximate", o.Qualifiers.Approximate, 0}, {"qualifiers.lower-bound", o.Qualifiers.LowerBound, 1},
		{"qualifiers.upper-bound", o.Qualifiers.UpperBound, -1}} {
		quals.Add(phrase.List{Key: q.key, Phrases: q.list, Each: true})
		for _, w := range q.list {
			fs.qualInfo = append(fs.qualInfo, qualEntry{text: strings.ToLower(w), bound: q.bound})
		}
	}
	fs.quals, lerrs = quals.Compile()
	for _, e := range lerrs {
		errs = append(errs, &rules.OptionError{Key: e.Key, Index: e.Index, Err: e.Err})
	}

	// id 0: series cue, 1: time cue.
	var cues phrase.Lists
	cues.Add(phrase.List{Key: "series-cues", Phrases: o.SeriesCues})
	cues.Add(phrase.List{Key: "time-cues", Phrases: o.TimeCues})
	fs.cues, lerrs = cues.Compile()
	for _, e := range lerrs {
		errs = append(errs, &rules.OptionError{Key: e.Key, Index: e.Index, Err: e.Err})
	}
	if errs != nil {
		return nil, errors.Join(errs...)
	}
	return fs, nil
}

// Generic reports whether group measures anything (percent, money), so
// that its unit alone does not make two figures one quantity.
func (fs *FigureSettingsCompiled) Generic(group string) bool { return fs.generic.Has(group) }

func figureWordSet(ws []string) words.Set {
	m := words.NewSet(len(ws))
	for _, w := range ws {
		m.Add(strings.ToLower(w))
	}
	return m
}

// Tolerance is the larger of rounding-tolerance and conversion-tolerance:
// how far apart two values may be and still be one figure, rounded or
// converted.
func (fs *FigureSettingsCompiled) Tolerance() float64 {
	return max(fs.roundTolerance, fs.convertTolerance)
}

// figureSettingsOf returns the compiled settings the driver passed.
func figureSettingsOf(opts any) (*FigureSettingsCompiled, error) {
	if o, ok := opts.(*FigureSettingsCompiled); ok {
		return o, nil
	}
	return nil, fmt.Errorf("figures: settings are %T, want compiled figures settings", opts)
}
