package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"

	"github.com/attrlint/attrlint/prose"
)

// specReport mirrors the JSON schema of SPEC.md, version 1.
type specReport struct {
	Version     int              `json:"version"`
	Diagnostics []specDiagnostic `json:"diagnostics"`
	Summary     struct {
		Files   int `json:"files"`
		Error   int `json:"error"`
		Warning int `json:"warning"`
		Info    int `json:"info"`
	} `json:"summary"`
}

type specDiagnostic struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	Related   []struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	} `json:"related"`
}

func jsonOut(t *testing.T, run *Run) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := JSON(&b, run, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestJSONGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, c.name+".json", jsonOut(t, c.run(t)))
		})
	}
}

// TestJSONSchema decodes every case into the SPEC's schema, rejecting
// unknown fields, and checks each position against the document's own.
func TestJSONSchema(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run := c.run(t)
			out := jsonOut(t, run)
			if !bytes.HasSuffix(out, []byte("}\n")) {
				t.Errorf("output does not end with a newline")
			}
			dec := json.NewDecoder(bytes.NewReader(out))
			dec.DisallowUnknownFields()
			var got specReport
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("does not decode into the SPEC's schema: %v\n%s", err, out)
			}
			if got.Version != 1 {
				t.Errorf("version = %d, want 1", got.Version)
			}
			if got.Diagnostics == nil {
				t.Errorf(`"diagnostics" is null, want an array`)
			}
			if len(got.Diagnostics) != len(run.Findings) {
				t.Fatalf("%d diagnostics, want %d", len(got.Diagnostics), len(run.Findings))
			}
			sev := map[string]int{}
			for i, d := range got.Diagnostics {
				f := run.Findings[i]
				sev[d.Severity]++
				if d.File != f.Doc.Path || d.Rule != f.Rule || d.Message != f.Message || d.Severity != f.Severity.String() {
					t.Errorf("diagnostic %d = %+v, want the finding %+v", i, d, f.Diagnostic)
				}
				if d.Offset != f.Start || d.EndOffset != f.End {
					t.Errorf("diagnostic %d: offsets [%d, %d), want [%d, %d)", i, d.Offset, d.EndOffset, f.Start, f.End)
				}
				checkPos(t, f.Doc, f.Start, d.Line, d.Column)
				checkPos(t, f.Doc, f.End, d.EndLine, d.EndColumn)
				if len(d.Related) != len(f.Related) {
					t.Fatalf("diagnostic %d: %d related, want %d", i, len(d.Related), len(f.Related))
				}
				for j, r := range d.Related {
					fr := f.Related[j]
					doc := fr.Doc
					if doc == nil {
						doc = f.Doc
					}
					if r.File != doc.Path || r.Message != fr.Message {
						t.Errorf("related %d = %+v, want %s: %s", j, r, doc.Path, fr.Message)
					}
					checkPos(t, doc, fr.Start, r.Line, r.Column)
				}
			}
			s := got.Summary
			if s.Files != run.Files || s.Error != sev["error"] || s.Warning != sev["warning"] || s.Info != sev["info"] {
				t.Errorf("summary = %+v, want files %d and %v", s, run.Files, sev)
			}
		})
	}
}

func checkPos(t *testing.T, doc *prose.Document, off, line, col int) {
	t.Helper()
	if l, c := doc.Position(off); l != line || c != col {
		t.Errorf("%s offset %d: %d:%d, Document.Position says %d:%d", doc.Path, off, line, col, l, c)
	}
}

func TestJSONShape(t *testing.T) {
	empty := string(jsonOut(t, &Run{Files: 2}))
	if want := "{\n  \"version\": 1,\n  \"diagnostics\": [],\n  \"summary\": {\n    \"files\": 2,\n    \"error\": 0,\n    \"warning\": 0,\n    \"info\": 0\n  }\n}\n"; empty != want {
		t.Errorf("empty run:\n%s\nwant:\n%s", empty, want)
	}

	keys := regexp.MustCompile(`"(\w+)":`)
	var order []string
	for _, m := range keys.FindAllStringSubmatch(string(jsonOut(t, cases[8].run(t))), -1) {
		order = append(order, m[1])
	}
	want := []string{"version", "diagnostics",
		"file", "line", "column", "endLine", "endColumn", "offset", "endOffset", "rule", "severity", "message",
		"related", "file", "line", "column", "message", "file", "line", "column", "message",
		"summary", "files", "error", "warning", "info"}
	if len(order) != len(want) {
		t.Fatalf("keys %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("keys %v, want %v", order, want)
		}
	}

	plain := string(jsonOut(t, cases[0].run(t)))
	if bytes.Contains([]byte(plain), []byte(`"related"`)) {
		t.Errorf(`"related" present on a diagnostic without related locations:\n%s`, plain)
	}
	if bytes.Contains([]byte(plain), []byte("\x1b")) {
		t.Errorf("JSON holds escape codes")
	}
}
