package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/all"
)

// got lists the findings of a draft as "LINE rule", or "LINE rule: message"
// for unused-directive.
func directiveFindings(t *testing.T, cfg *config.Config, name, text string) []string {
	t.Helper()
	findings, errs := lint.Check(cfg, prose.Parse(name, []byte(text)), name)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var out []string
	for _, f := range findings {
		line, _ := f.Doc.Position(f.Start)
		s := fmt.Sprintf("%d %s", line, f.Rule)
		if f.Rule == "unused-directive" {
			s += ": " + f.Message
		}
		out = append(out, s)
	}
	return out
}

func TestInlineDirectives(t *testing.T) {
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, draft string
		want        []string
	}{
		{"no directive", `Officials said the bridge would close.
`, []string{"1 anonymous-source"}},
		{"disable until enable", `<!-- attrlint-disable anonymous-source -- the memo is the source -->
Officials said the bridge would close.

Aides said the ferry would stop.
<!-- attrlint-enable anonymous-source -->

Sources said the tunnel would flood.
`, []string{"7 anonymous-source"}},
		{"disable to the end of the document", `Sources said the tunnel would flood.

<!-- attrlint-disable anonymous-source -->
Officials said the bridge would close.
`, []string{"1 anonymous-source"}},
		{"disable every rule", `<!-- attrlint-disable -- wire copy, checked by the agency -->
Officials said the bridge would close. Critics say it is unsafe.
`, nil},
		{"disable names another rule", `<!-- attrlint-disable vague-attribution -->
Officials said the bridge would close. Critics say it is unsafe.
`, []string{"2 anonymous-source"}},
		{"two rules, comma-separated", `<!-- attrlint-disable-next-line anonymous-source,vague-attribution -- cleared by the desk -->
Officials said the bridge would close. Critics say it is unsafe.
`, nil},
		{"next line only", `<!-- attrlint-disable-next-line anonymous-source -- cleared by the desk -->
Officials said the bridge would close.

Aides said the ferry would stop.
`, []string{"4 anonymous-source"}},
		{"enable one rule inside disable all", `<!-- attrlint-disable -->
Critics say the bridge is unsafe.
<!-- attrlint-enable anonymous-source -->

Officials said the bridge would close. Critics say it is unsafe.
`, []string{"5 anonymous-source"}},
		{"a directive that suppresses nothing", `<!-- attrlint-disable-next-line anonymous-source -- cleared by the desk -->
The bridge will close on Monday, the transport minister, Ana Ruiz, said.
`, []string{`1 unused-directive: attrlint-disable-next-line anonymous-source suppresses nothing: remove it`}},
		{"enable with nothing to enable", `Officials said the bridge would close.
<!-- attrlint-enable anonymous-source -->
`, []string{"1 anonymous-source", "2 unused-directive: attrlint-enable anonymous-source enables nothing: no attrlint-disable before it turned these rules off"}},
		{"a misspelled rule", `<!-- attrlint-disable anonymus-source -->
Officials said the bridge would close.
`, []string{
			`1 unused-directive: attrlint-disable anonymus-source names the rule "anonymus-source", which does not exist: did you mean "anonymous-source"?`,
			`1 unused-directive: attrlint-disable anonymus-source suppresses nothing: remove it`,
			"2 anonymous-source"}},
		{"several unknown rules are quoted one by one", `<!-- attrlint-disable nosuch-a,anonymous-source,nosuch-b -- r -->
Officials said the bridge would close.
`, []string{
			`1 unused-directive: attrlint-disable names the rule "nosuch-a", which does not exist: see attrlint rules`,
			`1 unused-directive: attrlint-disable names the rule "nosuch-b", which does not exist: see attrlint rules`}},
		{"an unknown directive", `<!-- attrlint-disabel anonymous-source -->
Officials said the bridge would close.
`, []string{
			`1 unused-directive: unknown directive "attrlint-disabel": want attrlint-disable, attrlint-enable or attrlint-disable-next-line`,
			"2 anonymous-source"}},
		{"cross-version rules are judged only on versions", `<!-- attrlint-disable quote-changed -- the minister corrected the transcript -->
The minister spoke for an hour.
`, nil},
		{"other comments are not directives", `<!-- TODO: check the figure with the desk -->
<!-- attrlint is run in CI -->
Officials said the bridge would close.
`, []string{"3 anonymous-source"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := directiveFindings(t, cfg, "drafts/bridge.md", tt.draft)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("findings\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// HTML exported from a CMS carries directives in the same comments.
func TestInlineDirectivesInHTML(t *testing.T) {
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	got := directiveFindings(t, cfg, "cms/bridge.html", `<html><body>
<!-- attrlint-disable-next-line anonymous-source -- cleared by the desk -->
<p>Officials said the bridge would close.</p>
<p>Aides said the ferry would stop.</p>
</body></html>
`)
	if want := []string{"4 anonymous-source"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Turning unused-directive off keeps the directives working and silences
// only the reports about them.
func TestUnusedDirectiveOff(t *testing.T) {
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Disable([]string{"unused-directive"}); err != nil {
		t.Fatal(err)
	}
	got := directiveFindings(t, cfg, "drafts/bridge.md", `<!-- attrlint-disable anonymous-source -->
Officials said the bridge would close.
<!-- attrlint-disable-next-line vague-attribution -->
The bridge will close.
`)
	if len(got) != 0 {
		t.Errorf("got %q", got)
	}
}

// Run keeps the directives, and ApplyDirectives judges them on the whole
// run, including a file whose only findings it suppresses and a file with
// a directive and no finding at all.
func TestApplyDirectivesOnARun(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.md":  "<!-- attrlint-disable anonymous-source -->\nOfficials said the bridge would close.\n",
		"b.md":  "<!-- attrlint-disable-next-line anonymous-source -->\nThe bridge will close, the minister said.\n",
		"c.txt": "Officials said the ferry would stop.\n",
	}
	var paths []string
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	inputs, _, _ := lint.Discover(paths, lint.Filter{}, "")
	res := lint.Run(cfg, inputs, lint.Options{})
	if len(res.Directives) != 2 {
		t.Fatalf("%d documents with directives, want 2", len(res.Directives))
	}
	lint.ApplyDirectives(cfg, res)
	var got []string
	for _, f := range res.Findings {
		got = append(got, filepath.Base(f.Doc.Path)+" "+f.Rule)
	}
	if want := []string{"b.md unused-directive", "c.txt anonymous-source"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestManyUnknownRulesLinearOutput: a directive naming k unknown rules gets
// k findings whose messages do not each quote the k names.
func TestManyUnknownRulesLinearOutput(t *testing.T) {
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i := range 2000 {
		names = append(names, fmt.Sprintf("nosuch-rule-%d", i))
	}
	got := directiveFindings(t, cfg, "drafts/bridge.md", "<!-- attrlint-disable "+strings.Join(names, ",")+" -- r -->\n\nOfficials said so.\n")
	total := 0
	for _, g := range got {
		total += len(g)
	}
	if len(got) < 2000 || total > 2000*200+len(strings.Join(names, ","))+1000 {
		t.Errorf("%d findings, %d bytes of messages", len(got), total)
	}
}
