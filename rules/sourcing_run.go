package rules

import (
	"fmt"
	"strings"

	"github.com/attrlint/attrlint/analysis"
)

// sourcingRequires lists the extraction analyzers the kind reads.
func sourcingRequires() []*analysis.Analyzer { return nil }

func runSourcing(pass *analysis.Pass) (any, error) {
	sr, ok := pass.Options.(*sourcingRule)
	if !ok {
		return nil, fmt.Errorf("anonymous-source: options are %T, want a compiled anonymous-source rule", pass.Options)
	}
	paras := pass.Doc.Paragraphs
	idx := make([]*paraIndex, len(paras))
	index := func(i int) *paraIndex {
		if idx[i] == nil {
			idx[i] = newParaIndex(paras[i], sr.matcher)
		}
		return idx[i]
	}
	for pi := range paras {
		x := index(pi)
		if !x.any[clsNoun] && !x.any[clsQualNoun] {
			continue
		}
		x.finish()
		for n := 0; n < x.n; n++ {
			qualified := false
			if x.at(clsNoun, n) != n+1 {
				if x.at(clsQualNoun, n) != n+1 {
					continue
				}
				qualified = true
			}
			s, ok := x.findSource(n, qualified)
			if !ok || x.namedContext(s) {
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
