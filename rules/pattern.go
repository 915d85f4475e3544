package rules

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

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
	Doc: `flag phrases and regular expressions listed by a rule

A pattern rule lists literal phrases (phrases), RE2 regular expressions
(patterns) and phrases that excuse a match in the same sentence (unless).
Phrases match whole words only ("said" never matches "unsaid"), ignore case
unless the rule sets case-sensitive, ignore line breaks between words and
treat the typographic apostrophe ’ as '; "*" in a phrase stands for any one
word. Patterns run over each paragraph's prose, never across paragraphs, and
a match that starts or ends inside a word is ignored. An unless phrase
excuses every match in its sentence but one it lies inside. Code, markup
and link targets are never matched. The message may quote the match with
{match}.

The phrases of every pattern rule are compiled into one matcher, so a
document is scanned once however many pattern rules are enabled.`,
	Run: runPattern,
}

func init() {
	register(&Kind{
		Name:       "pattern",
		Analyzer:   PatternAnalyzer,
		NewOptions: func() any { return new(PatternOptions) },
		Compile:    compilePattern,
		Link:       linkPatterns,
	})
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

func compilePattern(r *Rule, opts any) (any, error) {
	o, ok := opts.(*PatternOptions)
	if !ok {
		return nil, fmt.Errorf("pattern: options are %T, want *PatternOptions", opts)
	}
	if len(o.Phrases) == 0 && len(o.Patterns) == 0 {
		return nil, &OptionError{Key: "phrases", Index: -1,
			Err: errors.New("a pattern rule needs at least one entry in phrases or patterns")}
	}
	pr := &patternRule{id: r.ID, message: r.Message, opts: *o}
	if pr.message == "" {
		pr.message = `"{match}" is flagged by rule ` + r.ID
	}
	for i, s := range o.Phrases {
		if err := phrase.Check(s); err != nil {
			return nil, &OptionError{Key: "phrases", Index: i, Err: err}
		}
	}
	for i, s := range o.Unless {
		if err := phrase.Check(s); err != nil {
			return nil, &OptionError{Key: "unless", Index: i, Err: err}
		}
	}
	for i, s := range o.Patterns {
		re, err := regexp.Compile(s) // first as written, so errors quote the user's text
		if err == nil && !o.CaseSensitive {
			re, err = regexp.Compile("(?i)" + s)
		}
		if err != nil {
			return nil, &OptionError{Key: "patterns", Index: i, Err: fmt.Errorf("invalid regexp %q: %w", s, err)}
		}
		pr.patterns = append(pr.patterns, re)
	}
	return pr, nil
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
	var entries []phrase.Entry
	for i, pr := range rules {
		for _, s := range pr.opts.Phrases {
			entries = append(entries, phrase.Entry{Phrase: s, ID: 2 * i, CaseSensitive: pr.opts.CaseSensitive})
		}
		for _, s := range pr.opts.Unless {
			entries = append(entries, phrase.Entry{Phrase: s, ID: 2*i + 1, CaseSensitive: pr.opts.CaseSensitive})
		}
	}
	m, err := phrase.Compile(entries)
	if err != nil {
		return nil, fmt.Errorf("pattern: %w", err)
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
		for _, h := range outermost(hits) {
			if excused(p, h, unless) {
				continue
			}
			src := p.SrcSpan(h)
			pass.Report(analysis.Diagnostic{
				Start:   src.Start,
				End:     src.End,
				Message: strings.ReplaceAll(pr.message, "{match}", asWritten(p.Text[h.Start:h.End])),
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

// outermost sorts spans and drops every span inside another, so that "it is
// widely believed" is reported once, not also as "widely believed".
func outermost(spans []prose.Span) []prose.Span {
	// Spans that compare equal are equal: any sort gives one order.
	slices.SortFunc(spans, func(a, b prose.Span) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.End <= out[n-1].End {
			continue
		}
		out = append(out, s)
	}
	return out
}

// excused reports whether an unless phrase occurs in the sentence where hit
// starts. An unless phrase inside the hit itself does not count, so that a
// rule may flag "according to some" and be excused by "according to"
// elsewhere in the sentence. Unless phrases come in text order (as the
// phrase matcher reports them): only those of the hit's sentence are
// looked at, so that a one-line article costs no more than its sentences.
func excused(p *prose.Paragraph, hit prose.Span, unless []prose.Span) bool {
	if len(unless) == 0 {
		return false
	}
	from, to := 0, len(unless)
	if s := p.SentenceAt(hit.Start); s >= 0 {
		sent := p.Sentences[s]
		from = sort.Search(len(unless), func(i int) bool { return unless[i].Start >= sent.Start })
		to = sort.Search(len(unless), func(i int) bool { return unless[i].Start >= sent.End })
	}
	for _, u := range unless[from:max(from, to)] {
		if hit.Start <= u.Start && u.End <= hit.End {
			continue
		}
		return true
	}
	return false
}

// asWritten returns matched text for a message: as in the draft, with each
// run of whitespace (a line break in a wrapped paragraph) as one space.
func asWritten(s string) string {
	if plainSpaced(s) {
		return s // the common case, without allocating
	}
	return strings.Join(strings.Fields(s), " ")
}

// plainSpaced reports whether s is ASCII with no whitespace but single
// spaces between words: what asWritten leaves as it is.
func plainSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}
