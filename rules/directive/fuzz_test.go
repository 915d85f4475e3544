package directive

import (
	"reflect"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/prose"
)

// FuzzParseDirectives reads the inline directives of arbitrary Markdown and
// HTML and checks that each directive or bad directive is one of the
// document's comments, that a directive's action is one attrlint knows and
// its rules look like rule ids, that a reason carries no surrounding space,
// that a directive written back with String reads as the same directive,
// and that reading twice gives the same result.
func FuzzParseDirectives(f *testing.F) {
	for _, s := range []string{
		"<!-- attrlint-disable anonymous-source -->\nOfficials said so.\n<!-- attrlint-enable anonymous-source -->\n",
		"<!-- attrlint-disable-next-line unattributed-quote -- quote is from the court filing -->\n“We will appeal,” the filing says.\n",
		"<!-- attrlint-disable -->\n<!-- attrlint-disable ,, -->\n<!-- attrlint-disabel vague-attribution -->\n",
		"<!-- attrlint-disable anonymous-source,vague-attribution --reason-- with -- dashes -->",
		"<!-- attrlint-enable Anonymous_Source -->",
		"<!--attrlint-disable-next-line-->",
		"<!-- attrlint-disable anonymous-source",
		"<p>Text</p><!-- attrlint-disable-next-line figure-mismatch -- two counts, both sourced --><p>130,000 and 150,000</p>",
		"```\n<!-- attrlint-disable -->\n```\n",
		"<!-- attrlint- -->\n<!-- attrlint-\u00a0disable -->\n<!-- attrlint-disable\tfigure-changed -->",
	} {
		f.Add(uint8(0), s)
		f.Add(uint8(1), s)
	}
	f.Fuzz(func(t *testing.T, format uint8, text string) {
		name := "draft.md"
		if format%2 == 1 {
			name = "draft.html"
		}
		doc := prose.Parse(name, []byte(text))
		ds, bad := ParseDirectives(doc)
		comments := map[prose.Span]bool{}
		for _, c := range doc.Comments {
			comments[c.Span] = true
		}
		for _, d := range ds {
			if !comments[d.Span] {
				t.Fatalf("directive %v at %v is not a comment of the document", d.String(), d.Span)
			}
			switch d.Action {
			case ActionDisable, ActionEnable, ActionDisableNextLine:
			default:
				t.Fatalf("unknown action %q accepted", d.Action)
			}
			for _, id := range d.Rules {
				if id == "" || !ruleIDPattern(id) {
					t.Fatalf("rule %q of %v is not a rule id", id, d.String())
				}
			}
			if d.Reason != strings.TrimSpace(d.Reason) {
				t.Fatalf("reason %q has surrounding space", d.Reason)
			}
			// Only a directive that names nothing applies to every rule:
			// "attrlint-disable ," is a mistake, not a wildcard.
			body, _, _ := strings.Cut(strings.TrimSpace(doc.Comments[commentAt(doc, d.Span)].Text), " --")
			if len(d.Rules) == 0 && len(strings.Fields(body)) != 1 {
				t.Fatalf("%q names no rule yet is read as every rule", body)
			}
			again, problem := parseDirective(d.String())
			if problem != "" || again.Action != d.Action || !reflect.DeepEqual(again.Rules, d.Rules) {
				t.Fatalf("%q reads back as %+v (%s), want %+v", d.String(), again, problem, d)
			}
		}
		for _, b := range bad {
			if !comments[b.Span] || b.Problem == "" {
				t.Fatalf("bad directive %+v is not a comment or has no problem", b)
			}
		}
		if n := countDirectiveComments(doc); len(ds)+len(bad) != n {
			t.Fatalf("%d comments start with %q, %d directives and %d bad ones read", n, directivePrefix, len(ds), len(bad))
		}
		ds2, bad2 := ParseDirectives(doc)
		if !reflect.DeepEqual(ds, ds2) || !reflect.DeepEqual(bad, bad2) {
			t.Fatalf("two readings differ")
		}
	})
}

func countDirectiveComments(doc *prose.Document) int {
	n := 0
	for _, c := range doc.Comments {
		if strings.HasPrefix(strings.TrimSpace(c.Text), directivePrefix) {
			n++
		}
	}
	return n
}

func commentAt(doc *prose.Document, span prose.Span) int {
	for i, c := range doc.Comments {
		if c.Span == span {
			return i
		}
	}
	return -1
}
