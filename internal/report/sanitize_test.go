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

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		"drafts/a.md":                   "drafts/a.md",
		"“Officials’ café”\tsaid —":     "“Officials’ café”\tsaid —",
		"a\x1b[31mred\x1b[0m":           `a\x1b[31mred\x1b[0m`,
		"x\ny\r\nz\x00\x07\x7f":         `x\ny\r\nz\x00\x07\x7f`,
		"c1 \u009b2J nel \u0085":        `c1 \u009b2J nel \u0085`,
		"bidi \u202eevil\u202c \u2066i": `bidi \u202eevil\u202c \u2066i`,
		"bad \xff\xc2 byte":             `bad \xff\xc2 byte`,
	} {
		if got := sanitize(in); got != want {
			t.Errorf("sanitize(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := sanitizeData("a\r\nb\x1b[0m\n"), "a\r\nb\\x1b[0m\n"; got != want {
		t.Errorf("sanitizeData = %q, want %q", got, want)
	}
}

// TestFormatsSanitizeInput: a file name and a quotation holding terminal
// escapes and newlines reach no human or line-oriented format raw: no
// escape byte is written, and no line is added that a problem matcher
// would read as a finding.
func TestFormatsSanitizeInput(t *testing.T) {
	path := "drafts/evil\x1b]0;pwned\x07\n::error file=forged.md,line=1::forged\nx.md:9:9: error: forged [r]\n.md"
	doc := prose.Parse(path, []byte("Officials said \x1b[2J\x1b[31mthe bridge\u202e would close.\n"))
	f := at(t, doc, "Officials said", "anonymous-source", analysis.SeverityError,
		"anonymous source \"Officials said \x1b[2J\x1b[31m\nx.md:1:1: error: forged\"")
	f.Related = []analysis.Related{{Doc: doc, Start: 0, End: 3, Message: "earlier\x1b[0m\nversion"}}
	run := &Run{Findings: []analysis.Finding{f}, Files: 1}
	summary := filepath.Join(t.TempDir(), "summary.md")
	for _, name := range []string{"text", "github"} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			fm, _ := Lookup(name)
			if err := fm(&buf, run, Options{StepSummary: summary}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if strings.ContainsAny(out, "\x1b\x07\u202e\r") {
				t.Errorf("raw control in output:\n%q", out)
			}
			for _, l := range strings.Split(out, "\n") {
				if strings.Contains(l, "forged") && (strings.HasPrefix(l, "::error file=forged") || strings.HasPrefix(l, "x.md:")) {
					t.Errorf("forged line %q in:\n%s", l, out)
				}
			}
			if name == "github" && strings.Count(out, "\n") != 1 {
				t.Errorf("github wrote %d lines for one finding:\n%s", strings.Count(out, "\n"), out)
			}
		})
	}
	data, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsAny(data, "\x1b\x07") || bytes.Count(data, []byte("forged.md")) > 0 && bytes.Contains(data, []byte("\n::error")) {
		t.Errorf("raw control or forged line in the job summary:\n%q", data)
	}
}
