package quotes

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/rules"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// QuoteOptions are the options of a rule of kind quote.
type QuoteOptions struct {
	// Check is what the rule reports: "unattributed" (a quotation that
	// nothing attributes) or "unclosed" (a quotation whose closing mark is
	// missing). Default: unattributed.
	Check string `yaml:"check"`

	// MinWords is the number of words from which a quoted stretch that does
	// not read as a sentence counts as a quotation rather than a quoted
	// term (scare quotes, a nickname). 0 keeps the quotes analyzer's.
	MinWords int `yaml:"min-words"`

	// TitleCaseTerms makes short Title Case terms (“Philosophy”, the
	// title of a work) count as quotations; by default they do not.
	TitleCaseTerms bool `yaml:"title-case-terms"`

	// Headings makes quotations in headings count; by default headlines
	// are left alone, since they never carry attribution.
	Headings bool `yaml:"headings"`

	// FollowOnParagraphs credits a quotation that opens its paragraph to
	// the speaker of the attributed quotation that ends the paragraph
	// before, as house styles that leave follow-on quote paragraphs
	// unattributed do. By default (wire style) every quote paragraph needs
	// its own attribution.
	FollowOnParagraphs bool `yaml:"follow-on-paragraphs"`
}

// QuoteAnalyzer runs one rule of kind quote on a document.
var QuoteAnalyzer = &analysis.Analyzer{
	Name:     "quote",
	Doc:      "flag direct quotations that nothing attributes, or that are never closed",
	Requires: []*analysis.Analyzer{Quotes},
	Run:      runQuoteRule,
}

// Kind is the kind "quote": unattributed-quote and unclosed-quote.
var Kind = &rules.Kind{
	Name:       "quote",
	Analyzer:   QuoteAnalyzer,
	NewOptions: func() any { return new(QuoteOptions) },
	Compile:    compileQuoteRule,
}

// quoteRule is a compiled rule of kind quote.
type quoteRule struct {
	id      string
	message string
	opts    QuoteOptions
}

func compileQuoteRule(r *rules.Rule, opts any) (any, error) {
	o, ok := opts.(*QuoteOptions)
	if !ok {
		return nil, fmt.Errorf("quote: options are %T, want *QuoteOptions", opts)
	}
	switch o.Check {
	case "":
		o.Check = "unattributed"
	case "unattributed", "unclosed":
	default:
		return nil, &rules.OptionError{Key: "check", Index: -1,
			Err: fmt.Errorf("unknown check %q: use unattributed or unclosed", o.Check)}
	}
	if o.MinWords < 0 {
		return nil, &rules.OptionError{Key: "min-words", Index: -1, Err: errors.New("must be 0 or more")}
	}
	qr := &quoteRule{id: r.ID, message: r.Message, opts: *o}
	if qr.message == "" {
		qr.message = "quotation {quote} is flagged by rule " + r.ID
	}
	return qr, nil
}

func runQuoteRule(pass *analysis.Pass) (any, error) {
	qr, ok := pass.Options.(*quoteRule)
	if !ok {
		return nil, fmt.Errorf("quote: options are %T, want a compiled quote rule", pass.Options)
	}
	set, ok := pass.ResultOf[Quotes].(*QuoteSet)
	if !ok {
		return nil, fmt.Errorf("quote: the quotes analyzer's result is %T, want *QuoteSet", pass.ResultOf[Quotes])
	}
	var carried []bool // quotations credited by follow-on paragraphs
	for i := range set.Quotes {
		q := &set.Quotes[i]
		if q.Heading && !qr.opts.Headings {
			continue
		}
		switch qr.opts.Check {
		case "unclosed":
			if !q.Unclosed {
				continue
			}
			end := q.Span.Start + utf8RuneLenAt(pass.Doc.Text, q.Span.Start)
			pass.Report(analysis.Diagnostic{Start: q.Span.Start, End: end, Message: qr.format(pass.Doc, q)})
		default:
			// An unclosed quotation that opens mid-sentence has no known
			// end, so its attribution cannot be judged: the missing mark
			// is the finding (unclosed-quote).
			if q.Attributed() || !qr.counts(q) || q.Unclosed && !startsUpper(string(pass.Doc.Text[q.Content.Start:q.Content.End])) {
				continue
			}
			if qr.opts.FollowOnParagraphs {
				if carried == nil {
					carried = make([]bool, len(set.Quotes))
				}
				if followsOn(pass.Doc, set.Quotes, carried, i) {
					carried[i] = true
					continue
				}
			}
			pass.Report(analysis.Diagnostic{Start: q.Span.Start, End: q.Span.End, Message: qr.format(pass.Doc, q)})
		}
	}
	return nil, nil
}

// followsOn reports whether quotation i opens its paragraph right after a
// paragraph whose last quotation, attributed to a speaker (or itself such a
// follow-on, as carried records), ends in its last sentence: the follow-on
// paragraph of that speaker's quotation, in the house styles that leave it
// unattributed.
func followsOn(doc *prose.Document, quotes []Quotation, carried []bool, i int) bool {
	q := &quotes[i]
	if q.Para == 0 || q.Span.Start != doc.Paragraphs[q.Para].Src(0) {
		return false
	}
	prev := doc.Paragraphs[q.Para-1]
	for j := i - 1; j >= 0 && quotes[j].Para >= q.Para-1; j-- {
		b := &quotes[j]
		if b.Para != q.Para-1 {
			continue
		}
		// The last quotation of the paragraph before decides.
		return (b.Attributed() && b.Speaker != "" || carried[j]) && len(prev.Sentences) > 0 &&
			b.Span.End > prev.Src(prev.Sentences[len(prev.Sentences)-1].Start)
	}
	return false
}

// counts reports whether q is a quotation for this rule rather than a short
// quoted term.
func (qr *quoteRule) counts(q *Quotation) bool {
	switch {
	case q.Gloss:
		return false
	case q.Complete:
		return true
	case qr.opts.TitleCaseTerms && q.TitleCase:
		return true
	case qr.opts.MinWords > 0:
		return q.Words >= qr.opts.MinWords
	}
	return q.Full
}

// format fills the rule's message: {quote} is the quotation's first words.
func (qr *quoteRule) format(doc *prose.Document, q *Quotation) string {
	return strings.ReplaceAll(qr.message, "{quote}", excerpt(doc, q))
}

// excerpt returns the quotation's first words with its marks, cut after
// eight words.
func excerpt(doc *prose.Document, q *Quotation) string {
	// strings.Join(strings.Fields(content)[:8], " "), without copying the
	// content nor gathering its every word.
	const maxWords = 8
	text := doc.Text[q.Content.Start:q.Content.End]
	var arr [160]byte
	buf := append(arr[:0], "“"...)
	words, cut := 0, false
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRune(text[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		start := i
		for i < len(text) {
			if r, w := utf8.DecodeRune(text[i:]); !unicode.IsSpace(r) {
				i += w
				continue
			}
			break
		}
		if words == maxWords {
			cut = true
			break
		}
		if words > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, text[start:i]...)
		words++
	}
	if cut {
		buf = append(buf, "…"...)
	} else {
		buf = bytes.TrimRight(buf, ",")
	}
	buf = append(buf, "”"...)
	return string(buf)
}

func utf8RuneLenAt(b []byte, i int) int {
	if i >= len(b) {
		return 0
	}
	_, w := utf8.DecodeRune(b[i:])
	return w
}
