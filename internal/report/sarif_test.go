package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// SARIFSchemaPath is the official SARIF 2.1.0 JSON schema, beside the
// repository (not copied into it).
const sarifSchemaPath = "testdata/sarif/sarif-schema-2.1.0.json"

// describedRules are the rule metadata the SARIF cases carry; findings of
// other rules exercise the descriptor made from an id alone.
var describedRules = []Rule{
	{ID: "anonymous-source", Summary: "information credited to an unnamed source with no reason for anonymity",
		Doc:     "Flags information credited to an unnamed source (\"officials said\")\nwith no reason given for the anonymity.\n\nSay why the source was granted anonymity.",
		Default: analysis.SeverityWarning, HelpURI: "https://github.com/attrlint/attrlint/blob/main/rules/sourcing/sourcing.yaml"},
	{ID: "vague-attribution", Summary: "weasel attribution: critics say, experts believe", Default: analysis.SeverityInfo,
		HelpURI: "https://github.com/attrlint/attrlint/blob/main/rules/sourcing/vague-attribution.yaml"},
	{ID: "no-sources-said", Summary: "a desk's own rule, off by default"},
}

func sarifOut(t testing.TB, run *Run) []byte {
	t.Helper()
	run.Rules = describedRules
	run.Version = "v1.2.3"
	var b bytes.Buffer
	if err := SARIF(&b, run, Options{Color: true}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSARIFGolden(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			golden(t, c.name+".sarif", sarifOut(t, c.run(t)))
		})
	}
}

// SARIFValidator compiles the official SARIF 2.1.0 schema, which ships in
// testdata (see its NOTICE.md), so the test runs in any clone.
func SARIFValidator(t testing.TB) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(sarifSchemaPath)
	if err != nil {
		t.Fatalf("the SARIF 2.1.0 schema must sit at %s: %v", sarifSchemaPath, err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile the SARIF schema: %v", err)
	}
	return sch
}

// TestSARIFValidatesAgainstTheSchema checks every case against the official
// schema, and what GitHub code scanning needs beyond it: help text for
// every rule, columns from 1, valid rule indexes, a fingerprint per result.
func TestSARIFValidatesAgainstTheSchema(t *testing.T) {
	sch := SARIFValidator(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := sarifOut(t, c.run(t))
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Fatalf("the SARIF output does not validate: %v\n%s", err, out)
			}
			CheckSARIFForGitHub(t, out)
		})
	}
	// The validator is not a rubber stamp.
	bad := []string{
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "attrlint"}}, "columnKind": "bytes"}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "attrlint"}}, "results": [{"message": {"text": "x"}, "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}`,
	}
	for _, b := range bad {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("the schema accepts %s", b)
		}
	}
}

// CheckSARIFForGitHub fails t when a SARIF log lacks what GitHub code
// scanning requires or attrlint promises: help text on every rule, a
// declared UTF-16 column kind, 1-based lines and columns, rule indexes that
// point at the result's rule, and a partial fingerprint.
func CheckSARIFForGitHub(t testing.TB, out []byte) {
	t.Helper()
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []sarifLocation   `json:"locations"`
				RelatedLocations    []sarifLocation   `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	r := log.Runs[0]
	if r.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q", r.ColumnKind)
	}
	for _, rule := range r.Tool.Driver.Rules {
		if rule.Help.Text == "" || rule.ShortDescription.Text == "" {
			t.Errorf("rule %s lacks help text or a short description", rule.ID)
		}
	}
	for _, res := range r.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(r.Tool.Driver.Rules) || r.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result of %s has ruleIndex %d", res.RuleID, res.RuleIndex)
		}
		if len(res.PartialFingerprints[FingerprintKey]) != 32 {
			t.Errorf("result of %s lacks its fingerprint: %v", res.RuleID, res.PartialFingerprints)
		}
		for _, l := range append(res.Locations, res.RelatedLocations...) {
			g := l.PhysicalLocation.Region
			if g.StartLine < 1 || g.StartColumn < 1 || g.EndLine < g.StartLine || g.EndColumn < 1 ||
				(g.EndLine == g.StartLine && g.EndColumn < g.StartColumn) {
				t.Errorf("result of %s has the region %+v", res.RuleID, g)
			}
		}
	}
}

// Columns count UTF-16 code units: an emoji flag is four, a CJK character
// one, and a character outside the BMP two.
func TestSARIFColumnsAreUTF16(t *testing.T) {
	d := prose.Parse("live/kyiv.md", []byte("🇺🇦 基辅 𝒜 officials said it.\n"))
	i := bytes.Index(d.Text, []byte("officials said"))
	run := &Run{Findings: []analysis.Finding{{Doc: d, Diagnostic: analysis.Diagnostic{
		Start: i, End: i + len("officials said"), Rule: "anonymous-source", Severity: analysis.SeverityWarning, Message: "m"}}}}
	var log sarifLog
	if err := json.Unmarshal(sarifOut(t, run), &log); err != nil {
		t.Fatal(err)
	}
	g := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	// 🇺🇦 (4) + space + 基辅 (2) + space + 𝒜 (2) + space = 11 units before.
	if g.StartColumn != 12 || g.EndColumn != 26 {
		t.Errorf("region %+v, want columns 12 to 26", g)
	}
}

func TestSARIFURIs(t *testing.T) {
	tests := map[string]string{
		"drafts/ukraine.md":      "drafts/ukraine.md",
		"./drafts/ukraine.md":    "drafts/ukraine.md",
		"drafts/kyiv talks.md":   "drafts/kyiv%20talks.md",
		"drafts/50%.md":          "drafts/50%25.md",
		"c:draft.md":             "./c:draft.md",
		"/srv/desk/drafts/a.md":  "file:///srv/desk/drafts/a.md",
		"drafts/café/brief.html": "drafts/caf%C3%A9/brief.html",
	}
	for in, want := range tests {
		if got := sarifURI(in); got != want {
			t.Errorf("sarifURI(%q) = %q, want %q", in, got, want)
		}
	}
}
