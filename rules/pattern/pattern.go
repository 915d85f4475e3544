package pattern

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/words"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/phrase"
	"github.com/attrlint/attrlint/prose"
)

// PatternOptions are the options of a rule of kind pattern.
type PatternOptions struct {
	// Phrases are literal phrases, matched on word boundaries, ignoring
	// case (unless CaseSensitive), line breaks between words and the
	// difference between ’ and '. A "*" stands for any one word.
	Phrases []string `yaml:"phrases"`

	// Patterns are RE2 regular expressions, matched within one paragraph's
	// prose; a match that starts or ends inside a word is ignored.
	Patterns []string `yaml:"patterns"`

	// Unless are phrases that cancel a match in the same sentence; one
	// that lies inside the match itself does not.
	Unless []string `yaml:"unless"`

	// CaseSensitive makes phrases, patterns and unless phrases match case
	// as written.
	CaseSensitive bool `yaml:"case-sensitive"`
}

// PatternAnalyzer runs one rule of kind pattern on a document.
var PatternAnalyzer = &analysis.Analyzer{
	Name: "pattern",
	Doc:  "flag phrases and regular expressions listed by a rule",
	Run:  runPattern,
}

// Kind is the kind "pattern": a house rule of phrases to flag.
var Kind = &rules.Kind{
	Name:       "pattern",
	Analyzer:   PatternAnalyzer,
	NewOptions: func() any { return new(PatternOptions) },
	Compile:    compilePattern,
	Link:       linkPatterns,
}

// patternRule is a compiled pattern rule: what Compile returns and the
// analyzer finds in Pass.Options.
type patternRule struct {
	id       string
	message  string // with {match}
	opts     PatternOptions
	patterns []*regexp.Regexp

	// link is the matcher shared by every pattern rule of a config, set by
	// Link; index is this rule's place in it.
	link  *patternLink
	index int

	// solo is the rule's own matcher, built on first use when Link was
	// never called (a rule compiled on its own, as in tests).
	soloOnce sync.Once
	solo     *patternLink
}

// patternLink is the state every pattern rule of one config shares: one
// phrase matcher for all their phrases and unless phrases. Entry ids are
// 2*rule index for a rule's phrases and 2*rule index+1 for its unless list.
type patternLink struct {
	matcher *phrase.Matcher
}

func compilePattern(r *rules.Rule, opts any) (any, error) {
	o, ok := opts.(*PatternOptions)
	if !ok {
		return nil, fmt.Errorf("pattern: options are %T, want *PatternOptions", opts)
	}
	var errs []error
	if len(o.Phrases) == 0 && len(o.Patterns) == 0 {
		errs = append(errs, &rules.OptionError{Key: "phrases", Index: -1,
			Err: errors.New("a pattern rule needs at least one entry in phrases or patterns")})
	}
	pr := &patternRule{id: r.ID, message: r.Message, opts: *o}
	if pr.message == "" {
		pr.message = `"{match}" is flagged by rule ` + r.ID
	}
	// The phrases are compiled by Link, with every pattern rule's.
	var ls phrase.Lists
	pr.addLists(&ls)
	for _, e := range ls.Check() {
		errs = append(errs, &rules.OptionError{Key: e.Key, Index: e.Index, Err: e.Err})
	}
	for i, s := range o.Patterns {
		re, err := regexp.Compile(s) // first as written, so errors quote the user's text
		if err == nil && !o.CaseSensitive {
			re, err = regexp.Compile("(?i)" + s)
		}
		if err != nil {
			errs = append(errs, &rules.OptionError{Key: "patterns", Index: i, Err: fmt.Errorf("invalid regexp %q: %w", s, err)})
			continue
		}
		pr.patterns = append(pr.patterns, re)
	}
	if errs != nil {
		return nil, errors.Join(errs...)
	}
	return pr, nil
}

// addLists adds the rule's phrases and unless phrases to ls, in this
// order: the ids 2i and 2i+1 for the ith rule added.
func (pr *patternRule) addLists(ls *phrase.Lists) {
	ls.Add(phrase.List{Key: "phrases", Phrases: pr.opts.Phrases, CaseSensitive: pr.opts.CaseSensitive})
	ls.Add(phrase.List{Key: "unless", Phrases: pr.opts.Unless, CaseSensitive: pr.opts.CaseSensitive})
}

// linkPatterns builds one matcher for the phrases of every pattern rule.
func linkPatterns(compiled []any) error {
	rules := make([]*patternRule, 0, len(compiled))
	for _, c := range compiled {
		pr, ok := c.(*patternRule)
		if !ok {
			return fmt.Errorf("pattern: compiled options are %T, want the result of Compile", c)
		}
		rules = append(rules, pr)
	}
	l, err := newPatternLink(rules)
	if err != nil {
		return err
	}
	for i, pr := range rules {
		pr.link, pr.index = l, i
	}
	return nil
}

func newPatternLink(rules []*patternRule) (*patternLink, error) {
	var ls phrase.Lists
	for _, pr := range rules {
		pr.addLists(&ls)
	}
	m, errs := ls.Compile()
	if errs != nil {
		// Compile checked every rule's lists.
		return nil, fmt.Errorf("pattern: %w", errs[0])
	}
	return &patternLink{matcher: m}, nil
}

// linked returns the matcher the rule's phrases are in and the rule's index
// in it.
func (pr *patternRule) linked() (*patternLink, int, error) {
	if pr.link != nil {
		return pr.link, pr.index, nil
	}
	var err error
	pr.soloOnce.Do(func() { pr.solo, err = newPatternLink([]*patternRule{pr}) })
	if err != nil {
		return nil, 0, err
	}
	return pr.solo, 0, nil
}

// docPhrases holds every phrase match of a document, per paragraph.
type docPhrases [][]phrase.Match

func runPattern(pass *analysis.Pass) (any, error) {
	pr, ok := pass.Options.(*patternRule)
	if !ok {
		return nil, fmt.Errorf("pattern: options are %T, want a compiled pattern rule", pass.Options)
	}
	link, idx, err := pr.linked()
	if err != nil {
		return nil, err
	}
	all := pass.Shared(link, func() any {
		out := make(docPhrases, len(pass.Doc.Paragraphs))
		for i, p := range pass.Doc.Paragraphs {
			out[i] = link.matcher.Matches(p)
		}
		return out
	}).(docPhrases)

	var hits, unless []prose.Span
	for i, p := range pass.Doc.Paragraphs {
		hits, unless = hits[:0], unless[:0]
		for _, m := range all[i] {
			switch m.ID {
			case 2 * idx:
				hits = append(hits, prose.Span{Start: m.Start, End: m.End})
			case 2*idx + 1:
				unless = append(unless, prose.Span{Start: m.Start, End: m.End})
			}
		}
		for _, re := range pr.patterns {
			hits = appendRegexpHits(hits, re, p)
		}
		for _, h := range words.Outermost(hits) {
			if words.Excused(p, h, unless) {
				continue
			}
			src := p.SrcSpan(h)
			pass.Report(analysis.Diagnostic{
				Start:   src.Start,
				End:     src.End,
				Message: strings.ReplaceAll(pr.message, "{match}", words.AsWritten(p.Text[h.Start:h.End])),
			})
		}
	}
	return nil, nil
}

// appendRegexpHits appends the matches of re in p that begin and end on
// word boundaries.
func appendRegexpHits(hits []prose.Span, re *regexp.Regexp, p *prose.Paragraph) []prose.Span {
	for _, loc := range re.FindAllStringIndex(p.Text, -1) {
		if loc[0] == loc[1] || insideWord(p.Tokens, loc[0]) || insideWord(p.Tokens, loc[1]) {
			continue
		}
		hits = append(hits, prose.Span{Start: loc[0], End: loc[1]})
	}
	return hits
}

// insideWord reports whether offset i falls strictly inside a word or
// number token.
func insideWord(toks []prose.Token, i int) bool {
	k := sort.Search(len(toks), func(k int) bool { return toks[k].End > i })
	return k < len(toks) && toks[k].Kind != prose.Punct && toks[k].Start < i
}
