package report

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

func checkstyleOut(t testing.TB, run *Run) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Checkstyle(&b, run, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCheckstyleGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, c.name+".checkstyle.xml", checkstyleOut(t, c.run(t)))
		})
	}
}

// What a Checkstyle reader (Jenkins' warnings plugin) parses back from every
// case is what the JSON format says: file, line, column, severity, message
// and rule, finding by finding.
func TestCheckstyleRoundTrip(t *testing.T) {
	type parsed struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run := c.run(t)
			var p parsed
			if err := xml.Unmarshal(checkstyleOut(t, run), &p); err != nil {
				t.Fatalf("not XML a reader accepts: %v", err)
			}
			var want []jsonDiagnostic
			for i := range run.Findings {
				want = append(want, jsonOf(&run.Findings[i]))
			}
			k := 0
			for _, f := range p.Files {
				for _, e := range f.Errors {
					if k >= len(want) {
						t.Fatalf("more errors than findings")
					}
					w := want[k]
					if f.Name != w.File || e.Line != w.Line || e.Column != w.Column || e.Severity != checkstyleSeverity(run.Findings[k].Severity) ||
						e.Message != w.Message || e.Source != "attrlint."+w.Rule {
						t.Errorf("error %d: %s %+v, want %+v", k, f.Name, e, w)
					}
					k++
				}
			}
			if k != len(want) {
				t.Errorf("%d errors, want %d", k, len(want))
			}
		})
	}
}

// Characters XML 1.0 cannot hold (a vertical tab, NUL) and markup in a
// message still give a well-formed document.
func TestCheckstyleEscapes(t *testing.T) {
	d := prose.Parse("cms/<export>&.txt", []byte("Aides said\v the <b>mayor</b> & \"deputy\" quit.\n"))
	f := at(t, d, "Aides said", "anonymous-source", analysis.SeverityWarning, "anonymous source \"Aides said\x00\v\" <b> & 'x'\nline two")
	out := checkstyleOut(t, &Run{Files: 1, Findings: []analysis.Finding{f}})
	var p struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(out, &p); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if p.Files[0].Name != "cms/<export>&.txt" || p.Files[0].Errors[0].Message != "anonymous source \"Aides said\uFFFD\uFFFD\" <b> & 'x'\nline two" {
		t.Errorf("parsed back %+v", p)
	}
}
