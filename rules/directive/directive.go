package directive

import (
	"fmt"
	"strings"

	"github.com/attrlint/attrlint/rules"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// Directive actions, as written after "attrlint-" in an HTML comment.
const (
	ActionDisable         = "disable"
	ActionEnable          = "enable"
	ActionDisableNextLine = "disable-next-line"
)

// A Directive is an inline directive: an HTML comment in a Markdown or HTML
// draft that turns rules off or back on.
//
//	<!-- attrlint-disable anonymous-source -- the memo is the source -->
//	<!-- attrlint-enable anonymous-source -->
//	<!-- attrlint-disable-next-line unattributed-quote,vague-attribution -->
type Directive struct {
	// Span is the comment in the document.
	Span prose.Span
	// Action is ActionDisable, ActionEnable or ActionDisableNextLine.
	Action string
	// Rules are the rule ids named, in order; empty means every rule.
	Rules []string
	// Reason is the text after " -- ", trimmed.
	Reason string
}

// Names reports whether the directive applies to rule id.
func (d *Directive) Names(id string) bool {
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r == id {
			return true
		}
	}
	return false
}

// String is the directive as written, without its reason.
func (d *Directive) String() string {
	s := "attrlint-" + d.Action
	if len(d.Rules) > 0 {
		s += " " + strings.Join(d.Rules, ",")
	}
	return s
}

// A BadDirective is a comment that starts like a directive but is not one
// attrlint knows ("attrlint-disabel", "attrlint-disable ,,").
type BadDirective struct {
	Span    prose.Span
	Problem string
}

const directivePrefix = "attrlint-"

// ParseDirectives reads the inline directives of doc from its HTML comments,
// in document order. Comments that do not start with "attrlint-" are not
// directives (test expectations, editors' notes); one that does but cannot
// be read is returned as a BadDirective.
func ParseDirectives(doc *prose.Document) ([]Directive, []BadDirective) {
	var ds []Directive
	var bad []BadDirective
	for _, c := range doc.Comments {
		text := strings.TrimSpace(c.Text)
		if !strings.HasPrefix(text, directivePrefix) {
			continue
		}
		d, problem := parseDirective(text)
		if problem != "" {
			bad = append(bad, BadDirective{Span: c.Span, Problem: problem})
			continue
		}
		d.Span = c.Span
		ds = append(ds, d)
	}
	return ds, bad
}

func parseDirective(text string) (Directive, string) {
	var d Directive
	body, reason, hasReason := strings.Cut(text, " --")
	if hasReason {
		d.Reason = strings.TrimSpace(reason)
	}
	fields := strings.Fields(body)
	d.Action = strings.TrimPrefix(fields[0], directivePrefix)
	switch d.Action {
	case ActionDisable, ActionEnable, ActionDisableNextLine:
	default:
		return d, fmt.Sprintf("unknown directive %q: want attrlint-disable, attrlint-enable or attrlint-disable-next-line", fields[0])
	}
	for _, f := range fields[1:] {
		for _, id := range strings.Split(f, ",") {
			if id == "" {
				continue
			}
			if !ruleIDPattern(id) {
				return d, fmt.Sprintf("%q is not a rule id: write %s RULE[,RULE] -- reason", id, fields[0])
			}
			d.Rules = append(d.Rules, id)
		}
	}
	if len(fields) > 1 && len(d.Rules) == 0 { // "attrlint-disable ,": not every rule
		return d, fmt.Sprintf("%q names no rule: write %s RULE[,RULE], or %s alone for every rule", text, fields[0], fields[0])
	}
	return d, ""
}

// ruleIDPattern reports whether s looks like a rule id: lower-case letters,
// digits and hyphens.
func ruleIDPattern(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	// As in the config: a letter first, words joined by single hyphens
	// ("--0" after a tab is a misplaced reason, not a rule).
	return s != "" && s[0] >= 'a' && s[0] <= 'z' && s[len(s)-1] != '-' && !strings.Contains(s, "--")
}

// Kind is the kind "directive" of unused-directive. Its analyzer
// reports the comments that look like directives but are not; the driver
// reports the rest after it has applied the directives to every other
// finding (lint.ApplyDirectives): a directive that suppressed nothing, an
// attrlint-enable with nothing to enable, a rule id that does not exist.
var Kind = &rules.Kind{
	Name:       "directive",
	Analyzer:   DirectiveAnalyzer,
	NewOptions: func() any { return &struct{}{} },
	Compile:    func(_ *rules.Rule, opts any) (any, error) { return opts, nil }, // no options
}

// DirectiveAnalyzer reports malformed inline directives.
var DirectiveAnalyzer = &analysis.Analyzer{
	Name: "directive",
	Doc:  "report malformed inline directives",
	Run: func(pass *analysis.Pass) (any, error) {
		_, bad := ParseDirectives(pass.Doc)
		for _, b := range bad {
			pass.Report(analysis.Diagnostic{Start: b.Span.Start, End: b.Span.End, Message: b.Problem})
		}
		return nil, nil
	},
}
