package lint

import (
	"fmt"
	"sort"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/directive"
)

// DocDirectives are the inline directives of one document, kept by Run for
// ApplyDirectives, with the enabled rules of kind directive
// (unused-directive) that report the ones that did nothing.
type DocDirectives struct {
	Doc        *prose.Document
	Directives []directive.Directive
	reporters  []*rules.Rule
}

// collectDirectives returns the directives of doc, or nil when it has none
// (every plain-text draft, most others): documents without directives cost
// nothing more.
func collectDirectives(doc *prose.Document, rs []*rules.Rule) *DocDirectives {
	if len(doc.Comments) == 0 {
		return nil
	}
	ds, _ := directive.ParseDirectives(doc)
	if len(ds) == 0 {
		return nil
	}
	dd := &DocDirectives{Doc: doc, Directives: ds}
	for _, r := range rs {
		if r.Kind == directive.Kind && r.Severity != analysis.SeverityOff {
			dd.reporters = append(dd.reporters, r)
		}
	}
	return dd
}

// ApplyDirectives drops the findings that inline directives suppress and
// adds an unused-directive finding for each directive that suppressed
// nothing or names a rule that does not exist. Call it once, after every
// finding of the run is in res (those of cross-version rules included), so
// that a directive is judged on everything it could suppress.
func ApplyDirectives(cfg *config.Config, res *Result) {
	if len(res.Directives) == 0 {
		return
	}
	// Findings are grouped by path, not by document: a cross-version
	// finding sits in its own parse of the same file.
	byDoc := make(map[string]*DocDirectives, len(res.Directives))
	for _, dd := range res.Directives {
		byDoc[dd.Doc.Path] = dd
	}
	kept := res.Findings[:0:0]
	var added []analysis.Finding
	start := 0
	for start < len(res.Findings) || len(byDoc) > 0 {
		if start == len(res.Findings) {
			// Documents with directives and no finding left.
			for _, dd := range sortedDocs(byDoc) {
				added = append(added, dd.apply(cfg, nil, &kept)...)
			}
			break
		}
		path := res.Findings[start].Doc.Path
		end := start + 1
		for end < len(res.Findings) && res.Findings[end].Doc.Path == path {
			end++
		}
		if dd := byDoc[path]; dd != nil {
			added = append(added, dd.apply(cfg, res.Findings[start:end], &kept)...)
			delete(byDoc, path)
		} else {
			kept = append(kept, res.Findings[start:end]...)
		}
		start = end
	}
	res.Findings = kept
	if len(added) > 0 {
		res.Findings = MergeFindings(res.Findings, added)
	}
}

func sortedDocs(m map[string]*DocDirectives) []*DocDirectives {
	out := make([]*DocDirectives, 0, len(m))
	for _, dd := range m {
		out = append(out, dd)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Doc.Path < out[j].Doc.Path })
	return out
}

// directiveState is what is switched off at one point of a document.
type directiveState struct {
	all     int            // index of the open disable-all directive, or -1
	byRule  map[string]int // rule -> index of the open disable directive
	allowed map[string]bool
}

// apply filters the findings of dd.Doc (sorted by position), appending the
// kept ones to kept, and returns the unused-directive findings.
func (dd *DocDirectives) apply(cfg *config.Config, findings []analysis.Finding, kept *[]analysis.Finding) []analysis.Finding {
	ds := dd.Directives
	used := make([]bool, len(ds))
	closed := make([]bool, len(ds)) // enable directives that closed something
	nextLine := map[int][]int{}     // line -> disable-next-line directives
	for i := range ds {
		if ds[i].Action == directive.ActionDisableNextLine {
			line, _ := dd.Doc.Position(max(ds[i].Span.End-1, ds[i].Span.Start))
			nextLine[line+1] = append(nextLine[line+1], i)
		}
	}
	st := directiveState{all: -1, byRule: map[string]int{}, allowed: map[string]bool{}}
	k := 0 // next region directive to apply
	advance := func(off int) {
		for ; k < len(ds) && ds[k].Span.Start < off; k++ {
			st.step(ds, k, closed)
		}
	}
	for i := range findings {
		f := &findings[i]
		advance(f.Start)
		if r := cfg.Rule(f.Rule); r != nil && r.Kind == directive.Kind {
			*kept = append(*kept, *f) // directives do not silence what is said of directives
			continue
		}
		by := -1
		line, _ := dd.Doc.Position(f.Start)
		for _, j := range nextLine[line] {
			if ds[j].Names(f.Rule) {
				by = j
				break
			}
		}
		if by < 0 {
			by = st.suppressor(f.Rule)
		}
		if by >= 0 {
			used[by] = true
			continue
		}
		*kept = append(*kept, *f)
	}
	advance(len(dd.Doc.Text) + 1)
	return dd.unused(cfg, used, closed)
}

// step applies region directive k.
func (st *directiveState) step(ds []directive.Directive, k int, closed []bool) {
	d := &ds[k]
	switch d.Action {
	case directive.ActionDisable:
		if len(d.Rules) == 0 {
			st.all = k
			clear(st.allowed)
			return
		}
		for _, r := range d.Rules {
			st.byRule[r] = k
			delete(st.allowed, r)
		}
	case directive.ActionEnable:
		if len(d.Rules) == 0 {
			if st.all >= 0 || len(st.byRule) > 0 {
				closed[k] = true
			}
			st.all = -1
			clear(st.byRule)
			clear(st.allowed)
			return
		}
		for _, r := range d.Rules {
			if _, ok := st.byRule[r]; ok {
				delete(st.byRule, r)
				closed[k] = true
			} else if st.all >= 0 && !st.allowed[r] {
				st.allowed[r] = true
				closed[k] = true
			}
		}
	}
}

// suppressor returns the index of the directive that turns rule off here,
// or -1.
func (st *directiveState) suppressor(rule string) int {
	if i, ok := st.byRule[rule]; ok {
		return i
	}
	if st.all >= 0 && !st.allowed[rule] {
		return st.all
	}
	return -1
}

// unused returns the findings of the directive rules for directives that
// did nothing or name rules that do not exist.
func (dd *DocDirectives) unused(cfg *config.Config, used, closed []bool) []analysis.Finding {
	if len(dd.reporters) == 0 {
		return nil
	}
	var msgs []struct {
		i   int
		msg string
	}
	for i := range dd.Directives {
		d := &dd.Directives[i]
		series, off := false, len(d.Rules) > 0
		for _, id := range d.Rules {
			r := cfg.Rule(id)
			switch {
			case r == nil:
				msgs = append(msgs, struct {
					i   int
					msg string
				}{i, unknownRuleMessage(cfg, d, id)})
				off = false
			case r.Kind.Analyzer.Series:
				series = true
			}
			if r != nil && r.Severity != analysis.SeverityOff {
				off = false
			}
		}
		if series {
			continue // judged only where versions are compared
		}
		if off {
			// Every rule it names is off for this run (--disable, or the
			// config): it suppresses nothing today, but it will when the
			// rules are on again, so removing it would be wrong advice.
			continue
		}
		var msg string
		switch {
		case d.Action == directive.ActionEnable && !closed[i]:
			msg = fmt.Sprintf("%s enables nothing: no attrlint-disable before it turned these rules off", d)
		case d.Action != directive.ActionEnable && !used[i]:
			msg = fmt.Sprintf("%s suppresses nothing: remove it", d)
		}
		if msg != "" {
			msgs = append(msgs, struct {
				i   int
				msg string
			}{i, msg})
		}
	}
	var out []analysis.Finding
	for _, m := range msgs {
		sp := dd.Directives[m.i].Span
		for _, r := range dd.reporters {
			out = append(out, analysis.Finding{Doc: dd.Doc, Diagnostic: analysis.Diagnostic{
				Start: sp.Start, End: sp.End, Rule: r.ID, Severity: r.Severity, Message: m.msg}})
		}
	}
	return out
}

// unknownRuleMessage is the message for a directive naming a rule id that
// does not exist. A directive naming several rules is quoted by its action
// alone: it gets one finding per unknown name, and quoting all its names
// in each made k unknown names cost k² bytes of output (8,000 names, 1 GB).
func unknownRuleMessage(cfg *config.Config, d *directive.Directive, id string) string {
	quoted := d.String()
	if len(d.Rules) > 1 {
		quoted = "attrlint-" + d.Action
	}
	msg := fmt.Sprintf("%s names the rule %q, which does not exist", quoted, id)
	if s := closestRule(cfg, id); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else {
		msg += ": see attrlint rules"
	}
	return msg
}

// closestRule returns the rule id nearest to id, if it is near enough to be
// a typo.
func closestRule(cfg *config.Config, id string) string {
	ids := make([]string, len(cfg.Rules))
	for i, r := range cfg.Rules {
		ids[i] = r.ID
	}
	return config.Suggest(id, ids)
}
