package lint_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
)

// wordsAnalyzer is an extraction analyzer: it counts its runs so tests can
// check that the driver computes it once per document.
type counter struct{ runs int }

func wordsAnalyzer(c *counter) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "words",
		Doc:  "words lists the offsets of every word token in the document.",
		Run: func(p *analysis.Pass) (any, error) {
			c.runs++
			var spans []prose.Span
			for _, para := range p.Doc.Paragraphs {
				for _, t := range para.Tokens {
					if t.Kind == prose.Word {
						spans = append(spans, para.SrcSpan(prose.Span{Start: t.Start, End: t.End}))
					}
				}
			}
			return spans, nil
		},
	}
}

// ruleOn makes a rule whose analyzer reports every word equal to its option.
func ruleOn(id string, words *analysis.Analyzer, word string) *rules.Rule {
	an := &analysis.Analyzer{
		Name:     "word-rule",
		Doc:      "word-rule reports every occurrence of one word.",
		Requires: []*analysis.Analyzer{words},
		Run: func(p *analysis.Pass) (any, error) {
			for _, s := range p.ResultOf[words].([]prose.Span) {
				if strings.EqualFold(string(p.Doc.Text[s.Start:s.End]), p.Options.(string)) {
					p.Reportf(s.Start, s.End, "found %q", word)
				}
			}
			return nil, nil
		},
	}
	return &rules.Rule{ID: id, Kind: &rules.Kind{Name: "word", Analyzer: an}, Severity: analysis.SeverityWarning, Options: word}
}

func TestAnalyzeComputesRequiredResultsOncePerDocument(t *testing.T) {
	var c counter
	words := wordsAnalyzer(&c)
	doc := prose.Parse("story.txt", []byte("Officials said the vote was off.\n\nCritics said it was never on."))
	findings, errs := lint.Analyze(doc, []*rules.Rule{ruleOn("said-rule", words, "said"), ruleOn("vote-rule", words, "vote")}, nil)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if c.runs != 1 {
		t.Errorf("the required analyzer ran %d times, want once", c.runs)
	}
	var got []string
	for _, f := range findings {
		line, col := doc.Position(f.Start)
		got = append(got, f.Rule+"@"+strconv.Itoa(line)+":"+strconv.Itoa(col)+"/"+f.Severity.String())
	}
	want := "said-rule@1:11/warning vote-rule@1:20/warning said-rule@3:9/warning"
	if strings.Join(got, " ") != want {
		t.Errorf("findings = %v\nwant %s", got, want)
	}
}

func TestAnalyzeSurvivesAPanickingRule(t *testing.T) {
	var c counter
	words := wordsAnalyzer(&c)
	broken := &rules.Rule{ID: "broken", Severity: analysis.SeverityError, Kind: &rules.Kind{Name: "broken", Analyzer: &analysis.Analyzer{
		Name: "broken", Doc: "broken always panics.",
		Run: func(*analysis.Pass) (any, error) { panic("index out of range") },
	}}}
	doc := prose.Parse("story.txt", []byte("Officials said so."))
	findings, errs := lint.Analyze(doc, []*rules.Rule{broken, ruleOn("said-rule", words, "said")}, nil)
	if len(findings) != 1 || findings[0].Rule != "said-rule" {
		t.Errorf("the healthy rule's findings were lost: %v", findings)
	}
	var ae *lint.AnalyzerError
	if len(errs) != 1 || !errors.As(errs[0], &ae) || ae.Rule != "broken" || !strings.Contains(ae.Error(), "story.txt") {
		t.Errorf("want one AnalyzerError naming the file and rule, got %v", errs)
	}
}

// TestAFailedPrerequisiteSaysWhy: a rule whose extractor panics reports
// the extractor's own failure, its panic and stack, as go/analysis's
// checker reports "failed prerequisites", not only that something it
// requires failed.
func TestAFailedPrerequisiteSaysWhy(t *testing.T) {
	extractor := &analysis.Analyzer{Name: "quotations", Doc: "quotations panics.",
		Run: func(*analysis.Pass) (any, error) { panic("slice bounds out of range [7:3]") }}
	middle := &analysis.Analyzer{Name: "speakers", Doc: "speakers needs quotations.",
		Requires: []*analysis.Analyzer{extractor}, Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	rule := &rules.Rule{ID: "needs-speakers", Severity: analysis.SeverityWarning, Kind: &rules.Kind{Name: "needs", Analyzer: &analysis.Analyzer{
		Name: "needs", Doc: "needs requires speakers.", Requires: []*analysis.Analyzer{middle},
		Run: func(*analysis.Pass) (any, error) { return nil, nil },
	}}}
	doc := prose.Parse("story.txt", []byte("Officials said so."))
	_, errs := lint.Analyze(doc, []*rules.Rule{rule}, nil)
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", errs)
	}
	msg := errs[0].Error()
	for _, want := range []string{"story.txt", "needs-speakers", "failed prerequisite quotations", "slice bounds out of range [7:3]", "goroutine"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the error lacks %q:\n%s", want, msg)
		}
	}
	var pe *lint.PrerequisiteError
	if !errors.As(errs[0], &pe) {
		t.Errorf("%T is not a PrerequisiteError", errs[0])
	}
}

func TestAnalyzeClampsOffsetsAndSkipsRulesThatAreOff(t *testing.T) {
	wild := &analysis.Analyzer{Name: "wild", Doc: "wild reports outside the text.", Run: func(p *analysis.Pass) (any, error) {
		p.Reportf(-5, 1000, "everywhere")
		return nil, nil
	}}
	on := &rules.Rule{ID: "wild", Severity: analysis.SeverityInfo, Kind: &rules.Kind{Name: "wild", Analyzer: wild}}
	off := &rules.Rule{ID: "off", Severity: analysis.SeverityOff, Kind: &rules.Kind{Name: "wild", Analyzer: wild}}
	doc := prose.Parse("s.txt", []byte("Short."))
	findings, _ := lint.Analyze(doc, []*rules.Rule{on, off}, nil)
	if len(findings) != 1 || findings[0].Start != 0 || findings[0].End != len(doc.Text) {
		t.Errorf("findings = %+v, want one clamped to [0,%d)", findings, len(doc.Text))
	}
}
