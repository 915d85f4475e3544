package lint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/internal/report"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/all"
)

// fuzzConfig is the embedded rules plus one rule of the pattern kind, which
// no built-in rule uses, so that the engine targets cover every rule kind.
const fuzzConfig = `version: 1
rules:
  unattributed-quote:
    min-words: 1
  no-sources-said:
    kind: pattern
    severity: error
    message: "Name the source"
    patterns: ['\bsources? (said|say|told)\b', '(?i)it is (widely )?(believed|thought)']
`

func fuzzCfg(tb testing.TB) *config.Config {
	tb.Helper()
	cfg, err := config.Parse(all.Set, "fuzz.yaml", []byte(fuzzConfig))
	if err != nil {
		tb.Fatal(err)
	}
	return cfg
}

// engineSeeds are awkward drafts written for these targets; the rule
// fixtures under rules/*/testdata are added to them at run time.
var engineSeeds = []string{
	"",
	"\ufeff“We will rebuild,” the mayor said.\r\nOfficials said the bridge would reopen.\rCritics say it will not.",
	"Officials said 130,000 soldiers had crossed. Later, officials said 150,000 troops had crossed.",
	"He said: \"First part. \"Second part of the same quotation.\"",
	"“Never again,” one resident said, “not after what the water did to us.",
	"“‘“‘“nested” quotes’ all” the way’ down”",
	"“““““““““““““““““““““““““““““““",
	"<p>Sources said <b>the <i>deal\n<script>var q = \"“not prose”\";</script> was “off.”",
	"```\n“Code,” it said.\n```\n~~~\nsources said\n~~~\n",
	"A source, who spoke on condition of anonymity, said \xff\xfe the \x80 vote was “rigged\xc0.”",
	"Caf\u00e9 owners said 3\u00bd million euros. \U0001F600 “Emoji,” she said.",
	"---\ntitle: x\n---\n<!-- attrlint-disable-next-line unattributed-quote -- from the filing -->\n“Quoted,” and left.",
	"<!-- attrlint-disable anonymous-source -- the memo is the source -->\nOfficials said so.\n<!-- attrlint-enable anonymous-source -->\n\nOfficials said it again.\n<!-- attrlint-disable vague-attribution -->\n<!-- attrlint-disable-next-line no-such-rule -->\n<!-- attrlint-disabel , -->",
}

// fixtureSeeds returns the drafts under rules/*/testdata, each with the
// extension that selects its reader.
func fixtureSeeds(tb testing.TB) map[string][]byte {
	out := map[string][]byte{}
	dirs, _ := filepath.Glob("../../rules/*/testdata")
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(p) == ".want" {
				return nil
			}
			if data, err := os.ReadFile(p); err == nil {
				out[p] = data
			}
			return nil
		})
	}
	return out
}

var fuzzNames = [...]string{"draft.txt", "draft.md", "draft.html"}

// FuzzCheck runs every default rule (and a pattern rule) on arbitrary bytes
// read as plain text, Markdown or HTML, and checks what every user of the
// output relies on: no analyzer fails, every diagnostic lies inside the text
// on rune boundaries, the line and column printed agree with the offset,
// and a second run gives byte-identical output.
func FuzzCheck(f *testing.F) {
	for _, s := range engineSeeds {
		for k := range fuzzNames {
			f.Add(uint8(k), []byte(s))
		}
	}
	for p, data := range fixtureSeeds(f) {
		f.Add(uint8(prose.FormatOf(p)), data)
	}
	cfg := fuzzCfg(f)
	f.Fuzz(func(t *testing.T, format uint8, data []byte) {
		name := fuzzNames[int(format)%len(fuzzNames)]
		doc := prose.Parse(name, data)
		fs, errs := lint.Check(cfg, doc, name)
		for _, err := range errs {
			t.Fatalf("%s: %v", name, err)
		}
		out := checkFindings(t, fs)
		again, _ := lint.Check(cfg, prose.Parse(name, data), name)
		if out2 := renderJSON(t, again); !bytes.Equal(out, out2) {
			t.Fatalf("%s: second run differs:\n%s\n---\n%s", name, out, out2)
		}
	})
}

// FuzzCompare runs the cross-version rules over two versions made of
// arbitrary bytes, and checks the same invariants for the diagnostics in
// the newer version and their related locations in the older one.
func FuzzCompare(f *testing.F) {
	dirs, _ := filepath.Glob("../../rules/versions/testdata/*")
	for _, dir := range dirs {
		v1, err1 := os.ReadFile(filepath.Join(dir, "v1.md"))
		v2, err2 := os.ReadFile(filepath.Join(dir, "v2.md"))
		if err1 == nil && err2 == nil {
			f.Add(v1, v2)
		}
	}
	f.Add([]byte("“We will win,” Mayor Ruiz said. Officials counted 130,000 soldiers."),
		[]byte("“We shall win,” Governor Park said. Officials counted 150,000 troops."))
	f.Add([]byte(""), []byte("“Hello,” she said."))
	f.Add([]byte("“A.” “A.” “A.” he said. She said it. She said it."), []byte("“A.” she said. She said it. “A.” “B.” he said. She said it."))
	cfg := fuzzCfg(f)
	f.Fuzz(func(t *testing.T, old, new []byte) {
		run := func() ([]byte, []analysis.Finding) {
			docs := []*prose.Document{prose.Parse("v1.md", old), prose.Parse("v2.md", new)}
			fs, errs := lint.AnalyzeSeries(docs, cfg.Rules, cfg.Settings)
			for _, err := range errs {
				t.Fatal(err)
			}
			for _, f := range fs {
				if f.Doc != docs[1] {
					t.Fatalf("finding %+v not in the newer version", f.Diagnostic)
				}
			}
			return renderJSON(t, fs), fs
		}
		out, fs := run()
		checkFindings(t, fs)
		if out2, _ := run(); !bytes.Equal(out, out2) {
			t.Fatalf("second run differs:\n%s\n---\n%s", out, out2)
		}
	})
}

// jsonDiag is the part of a JSON diagnostic the invariants check.
type jsonDiag struct {
	File           string
	Line, Column   int
	EndLine        int `json:"endLine"`
	EndColumn      int `json:"endColumn"`
	Offset         int
	EndOffset      int `json:"endOffset"`
	Rule, Severity string
	Message        string
	Related        []struct {
		File         string
		Line, Column int
	}
}

func renderJSON(t testing.TB, fs []analysis.Finding) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.JSON(&buf, &report.Run{Findings: fs, Files: 1}, report.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkFindings checks each finding and its related locations against the
// text of its document, and the JSON report's positions against an
// independent count of lines and code points. It returns the JSON.
func checkFindings(t testing.TB, fs []analysis.Finding) []byte {
	t.Helper()
	out := renderJSON(t, fs)
	var rep struct{ Diagnostics []jsonDiag }
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("JSON output does not decode: %v\n%s", err, out)
	}
	if len(rep.Diagnostics) != len(fs) {
		t.Fatalf("%d findings, %d JSON diagnostics", len(fs), len(rep.Diagnostics))
	}
	for i, f := range fs {
		text := f.Doc.Text
		if f.Start < 0 || f.Start > f.End || f.End > len(text) {
			t.Fatalf("%s: [%d,%d) outside the %d-byte text", f.Rule, f.Start, f.End, len(text))
		}
		if !onRuneBoundary(text, f.Start) || !onRuneBoundary(text, f.End) {
			t.Fatalf("%s: [%d,%d) cuts a character in %q", f.Rule, f.Start, f.End, text)
		}
		if f.Rule == "" || f.Message == "" || f.Severity == analysis.SeverityOff {
			t.Fatalf("finding without rule, message or severity: %+v", f.Diagnostic)
		}
		j := rep.Diagnostics[i]
		if j.Offset != f.Start || j.EndOffset != f.End {
			t.Fatalf("%s: JSON offsets %d-%d, finding %d-%d", f.Rule, j.Offset, j.EndOffset, f.Start, f.End)
		}
		if l, c := lineCol(text, f.Start); l != j.Line || c != j.Column {
			t.Fatalf("%s: offset %d is %d:%d, JSON says %d:%d in %q", f.Rule, f.Start, l, c, j.Line, j.Column, text)
		}
		if l, c := lineCol(text, f.End); l != j.EndLine || c != j.EndColumn {
			t.Fatalf("%s: end offset %d is %d:%d, JSON says %d:%d", f.Rule, f.End, l, c, j.EndLine, j.EndColumn)
		}
		for k, r := range f.Related {
			doc := r.Doc
			if doc == nil {
				doc = f.Doc
			}
			if r.Start < 0 || r.Start > r.End || r.End > len(doc.Text) ||
				!onRuneBoundary(doc.Text, r.Start) || !onRuneBoundary(doc.Text, r.End) {
				t.Fatalf("%s: related [%d,%d) outside %s or cutting a character", f.Rule, r.Start, r.End, doc.Path)
			}
			if l, c := lineCol(doc.Text, r.Start); l != j.Related[k].Line || c != j.Related[k].Column {
				t.Fatalf("%s: related offset %d is %d:%d, JSON says %d:%d", f.Rule, r.Start, l, c, j.Related[k].Line, j.Related[k].Column)
			}
		}
	}
	return out
}

// onRuneBoundary reports whether off starts a character of text as a
// decoder walking from the start sees it (an invalid byte is a character
// of its own).
func onRuneBoundary(text []byte, off int) bool {
	if off == 0 || off == len(text) {
		return true
	}
	// Walk back to at most 3 bytes before off to the start of a
	// character, then decode forward.
	i := max(0, off-utf8.UTFMax)
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	for i < off {
		_, w := utf8.DecodeRune(text[i:])
		i += w
	}
	return i == off
}

// lineCol counts lines (ended by LF, CRLF or CR) and code points (an
// invalid byte is one) up to off, the way SPEC.md defines positions: a
// byte-order mark is not part of the first line's columns.
func lineCol(text []byte, off int) (line, col int) {
	line, col = 1, 1
	i := 0
	if bytes.HasPrefix(text, []byte("\ufeff")) {
		i = 3
	}
	for i < off {
		switch text[i] {
		case '\n':
			line, col = line+1, 1
			i++
			continue
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				if i+1 == off { // between CR and LF: still on this line
					return line, col + 1
				}
				i++
			}
			line, col = line+1, 1
			i++
			continue
		}
		_, w := utf8.DecodeRune(text[i:])
		i += w
		col++
	}
	return line, col
}
