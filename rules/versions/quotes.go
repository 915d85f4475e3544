package versions

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/words"
	"github.com/attrlint/attrlint/rules/quotes"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// QuoteChangedOptions are the options of a rule of kind quote-changed.
type QuoteChangedOptions struct {
	// Check is what the rule reports: "words" (the words of a quotation
	// changed) or "speaker" (the same quotation credited to someone
	// else). Default: words.
	Check string `yaml:"check"`
	// MinSimilarity is the share of words (Dice's coefficient) two
	// quotations must have in common to be one quotation edited. Default
	// 0.6.
	MinSimilarity float64 `yaml:"min-similarity"`
}

// QuoteChangedAnalyzer runs one rule of kind quote-changed over a series.
var QuoteChangedAnalyzer = &analysis.Analyzer{
	Name:     "quote-changed",
	Doc:      "flag quotations whose words or speaker changed between versions",
	Requires: []*analysis.Analyzer{quotes.Quotes},
	Run:      runQuoteChanged,
	Series:   true,
}

// QuoteChangedKind is the kind "quote-changed": quote-changed and speaker-changed.
var QuoteChangedKind = &rules.Kind{
	Name:       "quote-changed",
	Analyzer:   QuoteChangedAnalyzer,
	NewOptions: func() any { return new(QuoteChangedOptions) },
	Compile:    compileQuoteChanged,
}

type quoteChangedRule struct {
	message string
	opts    QuoteChangedOptions
}

func compileQuoteChanged(r *rules.Rule, opts any) (any, error) {
	o, ok := opts.(*QuoteChangedOptions)
	if !ok {
		return nil, fmt.Errorf("quote-changed: options are %T, want *QuoteChangedOptions", opts)
	}
	switch o.Check {
	case "":
		o.Check = "words"
	case "words", "speaker":
	default:
		return nil, &rules.OptionError{Key: "check", Index: -1, Err: fmt.Errorf("unknown check %q: use words or speaker", o.Check)}
	}
	if o.MinSimilarity < 0 || o.MinSimilarity > 1 {
		return nil, &rules.OptionError{Key: "min-similarity", Index: -1, Err: errors.New("must be a fraction from 0 to 1, such as 0.6")}
	}
	if o.MinSimilarity == 0 {
		o.MinSimilarity = 0.6
	}
	msg := r.Message
	if msg == "" {
		msg = "quotation changed from {old} to {new}"
	}
	return &quoteChangedRule{message: msg, opts: *o}, nil
}

// A quoteWord is one word of a quotation, with its span in the document.
type quoteWord struct {
	key  string // lower-cased, apostrophes folded
	span prose.Span
}

// quoteWords returns the words and numbers of every part of q.
func quoteWords(doc *prose.Document, q *quotes.Quotation) []quoteWord {
	parts := q.Parts
	if len(parts) == 0 {
		parts = []prose.Span{q.Content}
	}
	var out []quoteWord
	for _, p := range parts {
		if p.Start < 0 || p.End > len(doc.Text) || p.End < p.Start {
			continue
		}
		text := string(doc.Text[p.Start:p.End])
		for _, t := range prose.Tokenize(text) {
			if t.Kind == prose.Punct {
				continue
			}
			out = append(out, quoteWord{key: foldApostrophe(strings.ToLower(text[t.Start:t.End])),
				span: prose.Span{Start: p.Start + t.Start, End: p.Start + t.End}})
		}
	}
	return out
}

// A quotePair is a new quotation and the old one it continues.
type quotePair struct {
	old, new int
	same     bool
}

type quoteKey struct{ old *prose.Document }

// pairQuotes pairs the quotations of two versions: equal words first, then
// the most similar, each old quotation used once.
func pairQuotes(pass *analysis.Pass, old *prose.Document, oldSet, newSet *quotes.QuoteSet, minSim float64) ([]quotePair, [][]quoteWord, [][]quoteWord) {
	type pairing struct {
		pairs  []quotePair
		ow, nw [][]quoteWord
	}
	p := pass.Shared(quoteKey{old}, func() any {
		ow := make([][]quoteWord, len(oldSet.Quotes))
		nw := make([][]quoteWord, len(newSet.Quotes))
		byKey := map[string][]int{}
		for i := range oldSet.Quotes {
			ow[i] = quoteWords(old, &oldSet.Quotes[i])
			if oldSet.Quotes[i].Full {
				byKey[joinKeys(ow[i])] = append(byKey[joinKeys(ow[i])], i)
			}
		}
		used := make([]bool, len(oldSet.Quotes))
		var pairs []quotePair
		var rest []int
		for i := range newSet.Quotes {
			nw[i] = quoteWords(pass.Doc, &newSet.Quotes[i])
			if !newSet.Quotes[i].Full || len(nw[i]) == 0 {
				continue
			}
			if l := byKey[joinKeys(nw[i])]; len(l) > 0 {
				pairs = append(pairs, quotePair{l[0], i, true})
				used[l[0]] = true
				byKey[joinKeys(nw[i])] = l[1:]
				continue
			}
			rest = append(rest, i)
		}
		al := sharedAlignment(pass, old)
		for _, i := range rest {
			best, bestSim := -1, 0.0
			nq := &newSet.Quotes[i]
			counterpart := al.counterpart(nq.Para, nq.Sentence)
			for k := range oldSet.Quotes {
				oq := &oldSet.Quotes[k]
				if used[k] || !oq.Full {
					continue
				}
				// In the sentence aligned with the new one's, a quotation
				// is the same one with fewer words in common.
				need := minSim
				if counterpart >= 0 && al.oldPos[[2]int{oq.Para, oq.Sentence}] == counterpart {
					need = minSim / 2
				}
				if s := wordSimilarity(ow[k], nw[i]); s >= need && s > bestSim {
					best, bestSim = k, s
				}
			}
			if best >= 0 {
				used[best] = true
				pairs = append(pairs, quotePair{best, i, false})
			}
		}
		return &pairing{pairs, ow, nw}
	}).(*pairing)
	return p.pairs, p.ow, p.nw
}

func joinKeys(ws []quoteWord) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.key)
	}
	return b.String()
}

// wordSimilarity is Dice's coefficient over the two word multisets, or, for
// a quotation of five words or more that lies almost wholly in a longer one
// (an excerpt, edited), the share of its words found in the other.
func wordSimilarity(a, b []quoteWord) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range a {
		count[w.key]++
	}
	common := 0
	for _, w := range b {
		if count[w.key] > 0 {
			count[w.key]--
			common++
		}
	}
	dice := 2 * float64(common) / float64(len(a)+len(b))
	if short := min(len(a), len(b)); short >= 5 {
		if c := float64(common) / float64(short); c >= 0.8 && c > dice {
			return c
		}
	}
	return dice
}

func runQuoteChanged(pass *analysis.Pass) (any, error) {
	rule, ok := pass.Options.(*quoteChangedRule)
	if !ok {
		return nil, fmt.Errorf("quote-changed: options are %T, want a compiled quote-changed rule", pass.Options)
	}
	prev := previousVersion(pass)
	if prev == nil {
		return nil, nil
	}
	newSet, _ := pass.ResultOf[quotes.Quotes].(*quotes.QuoteSet)
	oldSet, _ := prev.ResultOf[quotes.Quotes].(*quotes.QuoteSet)
	if newSet == nil || oldSet == nil {
		return nil, errors.New("quote-changed: the quotes analyzer gave no result")
	}
	pairs, ow, nw := pairQuotes(pass, prev.Doc, oldSet, newSet, rule.opts.MinSimilarity)
	for _, p := range pairs {
		o, n := &oldSet.Quotes[p.old], &newSet.Quotes[p.new]
		switch rule.opts.Check {
		case "speaker":
			reportSpeakerChange(pass, rule, prev.Doc, o, n)
		default:
			if p.same || isExcerpt(ow[p.old], nw[p.new]) {
				continue
			}
			reportWordsChange(pass, rule, prev.Doc, ow[p.old], nw[p.new])
		}
	}
	return nil, nil
}

// isExcerpt reports whether one quotation's words are a run of the other's:
// a quotation cut shorter, or the rest of it restored.
func isExcerpt(a, b []quoteWord) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	ka, kb := " "+joinKeys(a)+" ", " "+joinKeys(b)+" "
	return strings.Contains(kb, ka)
}

// reportWordsChange reports the words that differ between two versions of
// a quotation: what lies between their common beginning and common end.
func reportWordsChange(pass *analysis.Pass, rule *quoteChangedRule, oldDoc *prose.Document, ow, nw []quoteWord) {
	pre := 0
	for pre < len(ow) && pre < len(nw) && ow[pre].key == nw[pre].key {
		pre++
	}
	suf := 0
	for suf < len(ow)-pre && suf < len(nw)-pre && ow[len(ow)-1-suf].key == nw[len(nw)-1-suf].key {
		suf++
	}
	// A word added or removed reads better with its neighbors: "seen the
	// water" is now "seen water".
	if pre+suf == len(ow) || pre+suf == len(nw) {
		if pre > 0 {
			pre--
		}
		if suf > 0 {
			suf--
		}
	}
	oldMid, newMid := ow[pre:len(ow)-suf], nw[pre:len(nw)-suf]
	span := wordsSpan(nw, pre, len(nw)-suf)
	oldSpan := wordsSpan(ow, pre, len(ow)-suf)
	oldText := quotedWords(oldDoc, oldMid, "(nothing)")
	newText := quotedWords(pass.Doc, newMid, "(nothing)")
	msg := strings.NewReplacer("{old}", oldText, "{new}", newText).Replace(rule.message)
	pass.Report(analysis.Diagnostic{Start: span.Start, End: span.End, Message: msg,
		Related: []analysis.Related{{Doc: oldDoc, Start: oldSpan.Start, End: oldSpan.End,
			Message: "the earlier version quotes " + oldText}}})
}

// wordsSpan is the span from word i to word j-1; when the run is empty (words
// were only removed), the span of the word before or after it.
func wordsSpan(ws []quoteWord, i, j int) prose.Span {
	switch {
	case j > i:
		return prose.Span{Start: ws[i].span.Start, End: ws[j-1].span.End}
	case i < len(ws):
		return ws[i].span
	case i > 0:
		return ws[i-1].span
	}
	return prose.Span{}
}

func quotedWords(doc *prose.Document, ws []quoteWord, none string) string {
	if len(ws) == 0 {
		return none
	}
	return strconv.Quote(string(doc.Text[ws[0].span.Start:ws[len(ws)-1].span.End]))
}

func reportSpeakerChange(pass *analysis.Pass, rule *quoteChangedRule, oldDoc *prose.Document, o, n *quotes.Quotation) {
	// A speaker found by resolving "he" may be a guess; a continuation
	// repeats the speaker of the quotation it continues, reported there.
	if o.Pronoun || n.Pronoun || n.Cue == "continuation" {
		return
	}
	a, b := speakerSurname(o.Speaker), speakerSurname(n.Speaker)
	if a == "" || b == "" || strings.EqualFold(a, b) || shareName(o.Speaker, n.Speaker) {
		return
	}
	oldText, newText := strconv.Quote(o.Speaker), strconv.Quote(n.Speaker)
	msg := strings.NewReplacer("{old}", oldText, "{new}", newText).Replace(rule.message)
	span := n.SpeakerSpan
	if span.End <= span.Start {
		span = n.Span
	}
	rel := o.SpeakerSpan
	if rel.End <= rel.Start {
		rel = o.Span
	}
	pass.Report(analysis.Diagnostic{Start: span.Start, End: span.End, Message: msg,
		Related: []analysis.Related{{Doc: oldDoc, Start: rel.Start, End: rel.End,
			Message: "the earlier version credits the quotation to " + oldText}}})
}

// shareName reports whether two speakers share a capitalized word of two
// letters or more ("ABN Amro" and "ABN Amro’s Eddie Wong"), so that one may
// be the other written shorter.
func shareName(a, b string) bool {
	names := map[string]bool{}
	for _, w := range strings.Fields(a) {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ".,"), "’s"), "'s")
		if len(w) >= 2 && words.StartsUpper(w) {
			names[w] = true
		}
	}
	for _, w := range strings.Fields(b) {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ".,"), "’s"), "'s")
		if names[w] && !titleWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// titleWords are capitalized words that two different people's names share
// without being one name.
var titleWords = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true,
	"president": true, "secretary": true, "minister": true, "prime": true, "gen": true,
	"general": true, "the": true, "of": true, "state": true, "senator": true, "sen": true, "rep": true}

// nameSuffixes follow a surname without being one.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// surname returns the last name of a speaker written as a person's name,
// with a first name or a title ("Secretary of Defense Lloyd J. Austin III"
// and "Mr. Austin" → "Austin"), or "" when the speaker is not written so
// ("the Pentagon spokesman", "the Kremlin", "he").
func speakerSurname(speaker string) string {
	words := strings.FieldsFunc(speaker, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	last, capitals := "", 0
	for i := len(words) - 1; i >= 0; i-- {
		w := strings.TrimRight(words[i], ".")
		if last == "" && nameSuffixes[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			break
		}
		if last == "" {
			last = w
		}
		capitals++
	}
	if capitals < 2 {
		return ""
	}
	return last
}
