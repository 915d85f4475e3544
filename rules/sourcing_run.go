package rules

import (
	"fmt"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// sourcingRequires lists the extraction analyzers the kind reads.
// The quotes analyzer tells which words are a direct quotation (a source
// named inside one is the quoted speaker's, not the story's) and which
// named speakers' cues open reported speech.
func sourcingRequires() []*analysis.Analyzer { return []*analysis.Analyzer{Quotes} }

func runSourcing(pass *analysis.Pass) (any, error) {
	sr, ok := pass.Options.(*sourcingRule)
	if !ok {
		return nil, fmt.Errorf("anonymous-source: options are %T, want a compiled anonymous-source rule", pass.Options)
	}
	paras := pass.Doc.Paragraphs
	quotes, _ := pass.ResultOf[Quotes].(*QuoteSet)
	// cur is the paragraph under scan; next the one after it, once its
	// first sentence was needed. Each has one of the two buffers.
	var cur, next *paraIndex
	bufs := sr.bufs.Get().(*[2]indexBufs)
	defer sr.bufs.Put(bufs)
	index := func(i int) *paraIndex {
		if next != nil && next.p == paras[i] {
			return next
		}
		buf := &bufs[0]
		if cur != nil && cur.buf == buf {
			buf = &bufs[1]
		}
		return newParaIndex(paras[i], sr.matcher, buf, quotes)
	}
	for pi := range paras {
		if !sr.triggered(paras[pi]) {
			continue
		}
		x := index(pi)
		cur, next = x, nil
		sr.matchTriggered(x)
		covered := -1 // nouns before this token lie in a found source's tail
		for n := 0; n < x.n; n++ {
			if n < covered {
				continue
			}
			qualified, open := false, false
			if x.at(clsNoun, n) != n+1 {
				switch {
				case x.at(clsQualNoun, n) == n+1:
					qualified = true
				case x.markedNoun(n):
					qualified, open = true, true
				default:
					continue
				}
			}
			s, ok := x.findSource(n, qualified)
			if !ok || open && x.endingAt(clsDet, s.first) < 0 && x.at(clsDet, s.first) < 0 {
				continue
			}
			if !s.before {
				covered = s.cueFirst // "an official who met with Bush aides said"
			}
			if x.namedContext(s) {
				continue
			}
			sent := int(x.sent[s.first])
			own := x.facts(sent)
			var nextFacts sentenceFacts
			if sent+1 < len(x.p.Sentences) {
				nextFacts = x.facts(sent + 1)
			} else if pi+1 < len(paras) {
				y := index(pi + 1)
				next = y
				if len(y.p.Sentences) > 0 {
					nextFacts = y.facts(0)
				}
			}
			o := judge(own, nextFacts, s.tail)
			sev := analysis.SeverityOff // the rule's
			switch {
			case o == outcomeJustified || o == outcomeWeak && !sr.opts.StrictReasons:
				if !sr.opts.ReportJustified {
					continue
				}
				sev = analysis.SeverityInfo
			}
			start, end := x.toks[s.first].Start, x.toks[s.noun].End
			pass.Report(analysis.Diagnostic{
				Start:    x.p.Src(start),
				End:      x.p.SrcEnd(end),
				Severity: sev,
				Message:  sr.message(o, x.quoteSource(s)),
			})
		}
	}
	return nil, nil
}

// quoteSource returns the words of a source for a message: the description
// and its cue ("U.S. officials said", "a senior official ... told",
// "according to two people").
func (x *paraIndex) quoteSource(s source) string {
	t := x.p.Text
	desc := t[x.toks[s.first].Start:x.toks[s.noun].End]
	cue := t[x.toks[s.cueFirst].Start:x.toks[s.cueEnd-1].End]
	var out string
	switch {
	case s.before:
		out = cue + " " + desc
	case s.tail.adjacent:
		out = t[x.toks[s.first].Start:x.toks[s.cueEnd-1].End]
	default:
		out = desc + " … " + cue
	}
	return strings.Join(strings.Fields(out), " ")
}

// triggered reports whether paragraph p holds a source noun or an anonymity
// marker, the words every source needs.
func (sr *sourcingRule) triggered(p *prose.Paragraph) bool {
	lower := p.Lower()
	qual, know := false, false
	for _, t := range p.Tokens {
		if t.Kind != prose.Word {
			continue
		}
		w := lower[t.Start:t.End]
		if sr.trigger.has(w) {
			return true
		}
		qual = qual || sr.qualTrigger.has(w)
		know = know || sr.knowTrigger.has(w)
	}
	return qual && know
}

// matchTriggered matches the sentences of x that hold a source noun or an
// anonymity marker, or a qualified noun ("people") with the first word of a
// knowledge phrase ("familiar"): only they can hold a source's description.
func (sr *sourcingRule) matchTriggered(x *paraIndex) {
	qual, know := false, false
	for k, t := range x.toks {
		s := x.sent[k]
		if s < 0 || x.matched[s] {
			continue
		}
		if k > 0 && x.sent[k-1] != s {
			qual, know = false, false
		}
		if t.Kind != prose.Word {
			continue
		}
		w := x.lower[t.Start:t.End]
		qual = qual || sr.qualTrigger.has(w)
		know = know || sr.knowTrigger.has(w)
		if sr.trigger.has(w) || qual && know {
			x.sentence(int(s))
		}
	}
}
