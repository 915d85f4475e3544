package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
)

func rdjsonlOut(t testing.TB, run *Run) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := RDJSONL(&b, run, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRDJSONLGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run := c.run(t)
			run.Rules = describedRules
			golden(t, c.name+".rdjsonl", rdjsonlOut(t, run))
		})
	}
}

// reviewdog reads one Diagnostic per line and finds the flagged bytes by
// line and UTF-8 byte column: reading them back from each case's output
// gives exactly the flagged text, on wide characters, tabs, CRLF and stray
// bytes alike.
func TestRDJSONLRoundTrip(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run := c.run(t)
			sc := bufio.NewScanner(bytes.NewReader(rdjsonlOut(t, run)))
			k := 0
			for sc.Scan() {
				var d rdDiagnostic
				dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
				dec.DisallowUnknownFields()
				if err := dec.Decode(&d); err != nil {
					t.Fatalf("line %d: %v", k+1, err)
				}
				f := &run.Findings[k]
				if d.Location.Path != f.Doc.Path || d.Code.Value != f.Rule || d.Message != f.Message || d.Severity != rdSeverity(f.Severity) {
					t.Errorf("diagnostic %d: %+v", k, d)
				}
				r := d.Location.Range
				start := f.Doc.LineSpan(r.Start.Line).Start + r.Start.Column - 1
				end := f.Doc.LineSpan(r.End.Line).Start + r.End.Column - 1
				if start != f.Start || end != f.End {
					t.Errorf("diagnostic %d: range %+v reads bytes [%d, %d), want [%d, %d)", k, r, start, end, f.Start, f.End)
				}
				if len(d.RelatedLocations) != len(f.Related) {
					t.Errorf("diagnostic %d: %d related locations, want %d", k, len(d.RelatedLocations), len(f.Related))
				}
				k++
			}
			if k != len(run.Findings) {
				t.Errorf("%d lines, want one per finding (%d)", k, len(run.Findings))
			}
		})
	}
}
