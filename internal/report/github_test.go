package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

func githubOut(t testing.TB, run *Run, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := GitHub(&b, run, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGitHubGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, c.name+".github", githubOut(t, c.run(t), Options{}))
		})
	}
}

// workflowCommand is a command as the Actions runner parses it.
type workflowCommand struct {
	name  string
	props map[string]string
	data  string
}

// parseWorkflowCommand parses one line the way the runner does
// (actions/runner ActionCommand.TryParseV2): "::name k=v,k=v::data", with
// properties split on commas and each value and the data unescaped.
func parseWorkflowCommand(t *testing.T, line string) workflowCommand {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("not a workflow command: %q", line)
	}
	head, data, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("no message in %q", line)
	}
	cmd := workflowCommand{props: map[string]string{}, data: unescapeCommand(data, false)}
	name, props, _ := strings.Cut(head, " ")
	cmd.name = name
	for _, p := range strings.Split(props, ",") {
		if p == "" {
			continue
		}
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			t.Fatalf("property %q without a value in %q", p, line)
		}
		cmd.props[k] = unescapeCommand(v, true)
	}
	return cmd
}

func unescapeCommand(s string, property bool) string {
	r := []string{"%0D", "\r", "%0A", "\n"}
	if property {
		r = append(r, "%3A", ":", "%2C", ",")
	}
	return strings.ReplaceAll(strings.NewReplacer(r...).Replace(s), "%25", "%")
}

// A path and a message full of the characters workflow commands reserve
// come back from the runner's parser as they went in.
func TestGitHubRoundTrip(t *testing.T) {
	d := prose.Parse("drafts/budget, 100%: final.md", []byte("# Cuts\n\nAides said the cuts were 12% deeper.\n"))
	msg := "anonymous source \"Aides said\": 100% unnamed,\nsay why\r\nanonymity was granted ::warning::"
	f := at(t, d, "Aides said", "anonymous-source", analysis.SeverityWarning, msg)
	g := at(t, d, "12% deeper", "figure-note", analysis.SeverityInfo, "a note")
	out := githubOut(t, &Run{Files: 1, Findings: []analysis.Finding{f, g}}, Options{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want one per finding:\n%s", len(lines), out)
	}
	c := parseWorkflowCommand(t, lines[0])
	want := map[string]string{"file": "drafts/budget, 100%: final.md", "line": "3", "col": "1", "endLine": "3", "endColumn": "11", "title": "attrlint anonymous-source"}
	if c.name != "warning" || c.data != msg {
		t.Errorf("command %q with message %q", c.name, c.data)
	}
	for k, v := range want {
		if c.props[k] != v {
			t.Errorf("property %s = %q, want %q", k, c.props[k], v)
		}
	}
	if len(c.props) != len(want) {
		t.Errorf("properties %v", c.props)
	}
	if n := parseWorkflowCommand(t, lines[1]); n.name != "notice" || n.props["col"] != "26" {
		t.Errorf("info finding: %+v", n)
	}
}

// With GITHUB_STEP_SUMMARY set, every finding lands in a table in the job
// summary, appended after what earlier steps wrote.
func TestGitHubStepSummary(t *testing.T) {
	d := prose.Parse("drafts/port|deal.md", []byte("Officials said the port deal was off.\n\nCritics say it was doomed.\n"))
	var fs []analysis.Finding
	for i := 0; i < 12; i++ { // more than the 10 annotations GitHub shows
		fs = append(fs, at(t, d, "Officials said", "anonymous-source", analysis.SeverityWarning, "anonymous source \"Officials said\" | no reason"))
	}
	fs = append(fs, at(t, d, "Critics say", "vague-attribution", analysis.SeverityInfo, "vague attribution <critics>"))
	summary := filepath.Join(t.TempDir(), "step_summary.md")
	if err := os.WriteFile(summary, []byte("## Build\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	githubOut(t, &Run{Files: 4, Findings: fs}, Options{StepSummary: summary})
	got, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "step-summary.md", got)
	s := string(got)
	if !strings.HasPrefix(s, "## Build\n\n") {
		t.Error("the summary was overwritten, not appended to")
	}
	if n := strings.Count(s, "| drafts/port\\|deal.md |"); n != 13 {
		t.Errorf("%d table rows, want all 13 findings", n)
	}
	if strings.Contains(s, "<critics>") || strings.Contains(s, "\" | no") {
		t.Errorf("cells are not escaped:\n%s", s)
	}

	// No summary file: nothing but the commands.
	if out := githubOut(t, &Run{Files: 1}, Options{}); len(out) != 0 {
		t.Errorf("an empty run writes %q", out)
	}
}
