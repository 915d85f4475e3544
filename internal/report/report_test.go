package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// at returns a finding over the first occurrence of phrase in doc.
func at(t testing.TB, doc *prose.Document, phrase, rule string, sev analysis.Severity, msg string) analysis.Finding {
	t.Helper()
	i := bytes.Index(doc.Text, []byte(phrase))
	if i < 0 {
		t.Fatalf("%s: %q not in the document", doc.Path, phrase)
	}
	return analysis.Finding{Doc: doc, Diagnostic: analysis.Diagnostic{
		Start: i, End: i + len(phrase), Rule: rule, Severity: sev, Message: msg,
	}}
}

// related returns a related location over the first occurrence of phrase in
// doc, naming doc unless same is true.
func related(t testing.TB, doc *prose.Document, phrase, msg string, same bool) analysis.Related {
	t.Helper()
	i := bytes.Index(doc.Text, []byte(phrase))
	if i < 0 {
		t.Fatalf("%s: %q not in the document", doc.Path, phrase)
	}
	r := analysis.Related{Start: i, End: i + len(phrase), Message: msg}
	if !same {
		r.Doc = doc
	}
	return r
}

const (
	anon  = "anonymous source with no reason given for anonymity"
	quote = "quotation with no speaker"
	vague = "vague attribution \"critics say\" names no one"
)

// longLine is a one-paragraph CMS export of about 2,000 characters with an
// anonymous source in its middle.
func longLine() string {
	var b strings.Builder
	filler := []string{
		"The council met on Tuesday evening to debate the harbour budget for the coming year. ",
		"Fishermen crowded the public gallery and several carried hand-painted signs. ",
		"The mayor opened the session by thanking volunteers who cleared the breakwater after the storm. ",
	}
	for i := 0; b.Len() < 950; i++ {
		b.WriteString(filler[i%len(filler)])
	}
	b.WriteString("Two people familiar with the negotiations said the port authority would walk away. ")
	for i := 0; b.Len() < 2000; i++ {
		b.WriteString(filler[(i+1)%len(filler)])
	}
	return strings.TrimSpace(b.String())
}

// cases are the runs the golden files are written from. Each builds its
// documents afresh.
var cases = []struct {
	name string
	run  func(t testing.TB) *Run
}{
	{"plain", func(t testing.TB) *Run {
		d := prose.Parse("drafts/ukraine.md", []byte("# Talks stall\n\n"+
			"On Wednesday, a senior American official, who refused to be quoted by name, told reporters the talks had stalled.\n"))
		return &Run{Files: 3, Findings: []analysis.Finding{
			at(t, d, "a senior American official, who refused to be quoted by name, told reporters", "anonymous-source", analysis.SeverityWarning, anon),
		}}
	}},
	{"wide", func(t testing.TB) *Run {
		d := prose.Parse("live/kyiv.md", []byte(
			"🇺🇦 Live 🔴 基辅 (Kyiv) — officials said the 👨‍👩‍👧 families were moved.\n"))
		return &Run{Files: 1, Findings: []analysis.Finding{
			at(t, d, "officials said", "anonymous-source", analysis.SeverityWarning, anon),
		}}
	}},
	{"tab", func(t testing.TB) *Run {
		d := prose.Parse("wire/brief.txt", []byte(
			"KYIV\t(Reuters)\t— A spokesman said the bridge would reopen on Monday.\n"))
		return &Run{Files: 1, Findings: []analysis.Finding{
			at(t, d, "A spokesman said", "anonymous-source", analysis.SeverityWarning, anon),
		}}
	}},
	{"crlf", func(t testing.TB) *Run {
		d := prose.Parse("cms/export.txt", []byte(
			"Flood defences held overnight.\r\n\r\n"+
				"\"We were lucky this time,\" the sandbags were stacked two metres high.\r\n"))
		return &Run{Files: 1, Findings: []analysis.Finding{
			at(t, d, "\"We were lucky this time,\"", "unattributed-quote", analysis.SeverityWarning, quote),
		}}
	}},
	{"long-line", func(t testing.TB) *Run {
		d := prose.Parse("scraped/harbour.txt", []byte(longLine()+"\n"))
		return &Run{Files: 1, Findings: []analysis.Finding{
			at(t, d, "Two people familiar with the negotiations said", "anonymous-source", analysis.SeverityWarning, anon),
		}}
	}},
	{"column-one", func(t testing.TB) *Run {
		d := prose.Parse("drafts/strike.md", []byte(
			"The union called the strike on Friday.\n\nCritics say the walkout will cost the city millions.\n"))
		return &Run{Files: 1, Findings: []analysis.Finding{
			at(t, d, "Critics say", "vague-attribution", analysis.SeverityInfo, vague),
		}}
	}},
	{"multi-line", func(t testing.TB) *Run {
		d := prose.Parse("drafts/budget.md", []byte(
			"The finance minister defended the cuts. \"Every department\n"+
				"must share the burden,\" the statement read.\n"))
		return &Run{Files: 1, Findings: []analysis.Finding{
			at(t, d, "\"Every department\nmust share the burden,\"", "unattributed-quote", analysis.SeverityWarning, quote),
		}}
	}},
	{"zero-width", func(t testing.TB) *Run {
		d := prose.Parse("drafts/court.md", []byte(
			"The judge adjourned the hearing until May.\n"))
		f := at(t, d, "until May", "unattributed-quote", analysis.SeverityWarning, "quotation opened here is never closed")
		f.End = f.Start
		g := at(t, d, ".", "unattributed-quote", analysis.SeverityWarning, "paragraph ends inside a quotation")
		g.Start = g.End // at the end of the line
		return &Run{Files: 1, Findings: []analysis.Finding{f, g}}
	}},
	{"related", func(t testing.TB) *Run {
		old := prose.Parse("drafts/troops.v1.md", []byte(
			"Officials estimated that 130,000 soldiers had massed at the border.\n"))
		cur := prose.Parse("drafts/troops.v2.md", []byte(
			"# Build-up\n\nOfficials estimated that 150,000 troops had massed at the border, up from 130,000 in March.\n"))
		f := at(t, cur, "150,000 troops", "figure-changed", analysis.SeverityWarning, "figure changed from 130,000 soldiers to 150,000 troops")
		f.Related = []analysis.Related{
			related(t, old, "130,000 soldiers", "earlier version", false),
			related(t, cur, "130,000 in March", "the same figure later in this version", true),
		}
		return &Run{Files: 2, Findings: []analysis.Finding{f}}
	}},
	{"severities", func(t testing.TB) *Run {
		old := prose.Parse("drafts/minister.v1.md", []byte(
			"\"We will not raise taxes,\" the minister said.\n"))
		cur := prose.Parse("drafts/minister.v2.md", []byte(
			"\"We have no plans to raise taxes,\" the minister said.\n\n"+
				"Experts believe the pledge will not survive the autumn.\n\n"+
				"Sources said the cabinet was split.\n"))
		q := at(t, cur, "\"We have no plans to raise taxes,\"", "quote-changed", analysis.SeverityError, "words of the quotation changed since the earlier version")
		q.Related = []analysis.Related{related(t, old, "\"We will not raise taxes,\"", "earlier version", false)}
		return &Run{Files: 2, Findings: []analysis.Finding{
			q,
			at(t, cur, "Experts believe", "vague-attribution", analysis.SeverityInfo, "vague attribution \"experts believe\" names no one"),
			at(t, cur, "Sources said", "anonymous-source", analysis.SeverityWarning, anon),
		}}
	}},
	{"stray-bytes", func(t testing.TB) *Run {
		// A byte-order mark, an invalid byte, a vertical tab and a
		// right-to-left override before the finding.
		d := prose.Parse("cms/broken.txt", []byte(
			"\xEF\xBB\xBFMayor\xFF\v resigns \u202Eafter\u202C row; aides said she was tired.\n"))
		return &Run{Files: 1, Findings: []analysis.Finding{
			at(t, d, "aides said", "anonymous-source", analysis.SeverityWarning, anon),
		}}
	}},
	{"empty", func(t testing.TB) *Run {
		return &Run{Files: 2}
	}},
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./report -update rewrites it)\n--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

func TestFormatsAreRegistered(t *testing.T) {
	names := Names()
	for _, want := range []string{"checkstyle", "github", "json", "rdjsonl", "sarif", "text"} {
		if !slices.Contains(names, want) {
			t.Errorf("Names() = %v, missing %q", names, want)
		}
		if f, ok := Lookup(want); !ok || f == nil {
			t.Errorf("Lookup(%q) found nothing", want)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("Names() = %v, not sorted", names)
	}
	if _, ok := Lookup("xml"); ok {
		t.Error(`Lookup("xml") found a format that does not exist`)
	}
}

// TestStreamedIsWhole: every format writes the same bytes whether a run's
// findings come in one Write or file by file, with empty Writes between, as
// the engine streams them.
func TestStreamedIsWhole(t *testing.T) {
	// Every case's findings in one run of several files, in path order.
	all := &Run{Version: "1.2.3", Rules: []Rule{{ID: "anonymous-source", Summary: "anonymous source", Default: analysis.SeverityWarning}}}
	for _, c := range cases {
		r := c.run(t)
		all.Findings = append(all.Findings, r.Findings...)
		all.Files += r.Files
	}
	slices.SortStableFunc(all.Findings, func(a, b analysis.Finding) int { return strings.Compare(a.Doc.Path, b.Doc.Path) })
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			f, _ := Lookup(name)
			start, _ := LookupStarter(name)
			var whole, streamed bytes.Buffer
			if err := f(&whole, all, Options{}); err != nil {
				t.Fatal(err)
			}
			meta := &Run{Version: all.Version, Rules: all.Rules}
			w := start(&streamed, meta, Options{})
			fs := all.Findings
			for len(fs) > 0 {
				n := 1
				for n < len(fs) && fs[n].Doc.Path == fs[0].Doc.Path {
					n++
				}
				if err := w.Write(fs[:n]); err != nil {
					t.Fatal(err)
				}
				if err := w.Write(nil); err != nil { // a file with no findings
					t.Fatal(err)
				}
				fs = fs[n:]
			}
			if err := w.Close(all.Files); err != nil {
				t.Fatal(err)
			}
			if name == "sarif" {
				// Streamed, rules the run does not describe are named by
				// id only; this run describes one of the four.
				if !strings.Contains(streamed.String(), `"ruleId": "vague-attribution",`+"\n"+`          "level"`) {
					t.Errorf("streamed sarif: an undescribed rule should have no ruleIndex:\n%s", streamed.String())
				}
				return
			}
			if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
				t.Errorf("streamed output differs from whole output\n--- whole:\n%s\n--- streamed:\n%s", whole.String(), streamed.String())
			}
		})
	}
}

// TestStreamedSARIFIsWholeWhenRulesAreDescribed: with every rule described,
// streamed sarif is the whole sarif, byte for byte.
func TestStreamedSARIFIsWholeWhenRulesAreDescribed(t *testing.T) {
	run := cases[len(cases)-3].run(t) // severities: three rules
	run.Rules = []Rule{{ID: "anonymous-source"}, {ID: "quote-changed"}, {ID: "vague-attribution"}}
	var whole, streamed bytes.Buffer
	if err := SARIF(&whole, run, Options{}); err != nil {
		t.Fatal(err)
	}
	w := startSARIF(&streamed, &Run{Rules: run.Rules}, Options{})
	for i := range run.Findings {
		if err := w.Write(run.Findings[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(run.Files); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(whole.Bytes(), streamed.Bytes()) {
		t.Errorf("streamed sarif differs\n--- whole:\n%s\n--- streamed:\n%s", whole.String(), streamed.String())
	}
}
