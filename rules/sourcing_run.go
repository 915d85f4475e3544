package rules

import (
	"fmt"
	"strings"

	"github.com/attrlint/attrlint/analysis"
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
	idx := make([]*paraIndex, len(paras))
	index := func(i int) *paraIndex {
		if idx[i] == nil {
			idx[i] = newParaIndex(paras[i], sr.matcher)
			idx[i].quotes = quotes
		}
		return idx[i]
	}
	for pi := range paras {
		x := index(pi)
		if !x.any[clsNoun] && !x.any[clsQualNoun] && !x.any[clsMarker] {
			continue
		}
		x.finish()
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
			var next sentenceFacts
			if sent+1 < len(x.p.Sentences) {
				next = x.facts(sent + 1)
			} else if pi+1 < len(paras) {
				y := index(pi + 1)
				y.finish()
				if len(y.p.Sentences) > 0 {
					next = y.facts(0)
				}
			}
			o := judge(own, next, s.tail)
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
