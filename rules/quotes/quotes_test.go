package quotes_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/analysis/analysistest"
	"github.com/attrlint/attrlint/internal/benchcorpus"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/rulestest"
	"github.com/attrlint/attrlint/rules/quotes"
)

func TestQuoteFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", "unattributed-quote", "unclosed-quote")
}

// TestQuoteFollowOnFixtures runs testdata/followon, whose config sets
// follow-on-paragraphs: a quote paragraph after one that ends with an
// attributed quotation is that speaker's; one after a paragraph that does
// not is still reported.
func TestQuoteFollowOnFixtures(t *testing.T) {
	analysistest.Run(t, filepath.Join("testdata", "followon"), "unattributed-quote", "unclosed-quote")
}

// testSet is the quotes family alone.
var testSet = &rules.Set{
	Kinds:      []*rules.Kind{quotes.Kind},
	Extractors: []*rules.Extractor{quotes.Extractor},
	Packs:      []rules.Pack{quotes.Pack},
}

func quotesOf(t *testing.T, text string) []quotes.Quotation {
	t.Helper()
	cfg := rulestest.Config(t, testSet, "")
	doc := prose.Parse("draft.txt", []byte(text))
	return rulestest.Extract(t, cfg, quotes.Quotes, doc).(*quotes.QuoteSet).Quotes
}

func TestQuotesSpeakerAndCue(t *testing.T) {
	tests := []struct {
		text, cue, speaker string
		pronoun            bool
	}{
		{"“We will rebuild,” the mayor said.", "say", "the mayor", false},
		{"“The water is safe,” said the utility’s director, Dana Okafor.", "say", "Dana Okafor", false},
		{"Mayor Lena Ortiz, who spoke outside City Hall, said that while “there is money for the first phase,” the rest must wait.", "say", "Mayor Lena Ortiz", false},
		{"The governor told reporters: “We are not raising the gas tax.”", "colon", "The governor", false},
		{"“Nobody should drive tonight.” — Sgt. Maria Delgado", "dash", "Sgt. Maria Delgado", false},
		{"The budget “leaves the schools short by millions,” according to the teachers’ union.", "according to", "the teachers’ union", false},
		{"The Kremlin spokesman, Dmitri S. Peskov, insisted the pullback was real. “It takes time,” he said.", "say", "Dmitri S. Peskov", true},
		{"The road reopened Friday. “Nobody warned us.”", "", "", false},
		{"The plan was deemed “far too costly for a town this size” by the finance committee.", "deemed", "the finance committee", false},
		{"Tenants pointed to the landlord’s letter last week that repairs would be “finished before the first frost.”", "letter", "the landlord", false},
		{"Mr. Okafor imagined that there were “still a few dozen families without power.”", "imagine", "Mr. Okafor", false},
		{"“The deck is sound,” the inspection report notes.", "note", "the inspection report", false},
		// A title set off by commas after the name: the verb's subject is
		// the name, and what follows "told" is the one spoken to.
		{"“The patch was late,” Nadia Ferris, a researcher at Bellwether Labs, told The Courier.", "tell", "Nadia Ferris", false},
		{"“We saw the attack in March,” Omar Haddad, chief of security, told reporters.", "tell", "Omar Haddad", false},
		{"“Repairs come first,” Lena Ortiz, the mayor, warned the council.", "warn", "Lena Ortiz", false},
		// A mid-sentence inversion still reads the subject after the verb.
		{"The levee, said Ruth Alvarez, a resident of Mill Street, was “never strong enough for a flood like this.”", "say", "Ruth Alvarez", false},
	}
	for _, tt := range tests {
		qs := quotesOf(t, tt.text)
		if len(qs) == 0 {
			t.Errorf("%s: no quotation found", tt.text)
			continue
		}
		q := qs[len(qs)-1]
		if q.Cue != tt.cue || q.Speaker != tt.speaker || q.Pronoun != tt.pronoun {
			t.Errorf("%s:\n got cue %q speaker %q pronoun %v\nwant cue %q speaker %q pronoun %v",
				tt.text, q.Cue, q.Speaker, q.Pronoun, tt.cue, tt.speaker, tt.pronoun)
		}
	}
}

func TestQuotesTerms(t *testing.T) {
	tests := []struct {
		text             string
		gloss, titleCase bool
	}{
		{"The fair, Fiesta de la Luz, or “festival of the light in winter”, opens Friday.", true, false},
		{"The word hygge, meaning “a cosy sense of comfort and ease”, is Danish.", true, false},
		{"Tenants could leave, or “stay and pay for every repair themselves.”", false, false},
		{"The band played “Love Will Find you Somewhere Down the Road” last.", false, true},
		{"The band promised “we will find you somewhere down the road” last.", false, false},
	}
	for _, tt := range tests {
		qs := quotesOf(t, tt.text)
		if len(qs) != 1 {
			t.Fatalf("%s: got %d quotations, want 1", tt.text, len(qs))
		}
		if q := qs[0]; q.Gloss != tt.gloss || q.TitleCase != tt.titleCase || q.Full == (tt.gloss || tt.titleCase) {
			t.Errorf("%s: gloss %v title case %v full %v, want gloss %v title case %v", tt.text, q.Gloss, q.TitleCase, q.Full, tt.gloss, tt.titleCase)
		}
	}
}

func TestQuotesMultiParagraph(t *testing.T) {
	qs := quotesOf(t, "“The pumps failed twice,” Mr. Ito said. “They were never replaced.\n\n“Nobody told the council.”\n")
	if len(qs) != 2 {
		t.Fatalf("got %d quotations, want 2 (the second over two paragraphs)", len(qs))
	}
	if q := qs[1]; len(q.Parts) != 2 || q.Unclosed || q.Cue != "continuation" || q.Speaker != "Mr. Ito" {
		t.Errorf("second quotation: parts %d unclosed %v cue %q speaker %q", len(q.Parts), q.Unclosed, q.Cue, q.Speaker)
	}
}

func BenchmarkQuotes(b *testing.B) {
	var data []byte
	entries, _ := os.ReadDir("testdata")
	for _, e := range entries {
		d, err := os.ReadFile(filepath.Join("testdata", e.Name()))
		if err == nil {
			data = append(data, d...)
			data = append(data, "\n\n"...)
		}
	}
	for len(data) < 1<<20 {
		data = append(data, data...)
	}
	doc := prose.Parse("bench.txt", data)
	pass := extractPass(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := quotes.Quotes.Run(pass(doc)); err != nil {
			b.Fatal(err)
		}
	}
}

// extractPass returns a function that makes a pass of the quotes analyzer
// over a document, with the settings the config loader compiles from the
// pack.
func extractPass(b *testing.B) func(*prose.Document) *analysis.Pass {
	cfg := rulestest.Config(b, testSet, "")
	return func(doc *prose.Document) *analysis.Pass {
		pass := analysis.NewPass(quotes.Quotes, doc, nil)
		pass.Options = cfg.Settings[quotes.Quotes]
		return pass
	}
}

// BenchmarkQuotesCorpus measures the quotes analyzer on real copy, the
// shared measurement corpus, when it is checked out next to the repository:
// BenchmarkQuotes runs on this package's fixtures, denser in quotations
// than any news story.
func BenchmarkQuotesCorpus(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/corpus/articles/*.txt")
	if len(paths) == 0 {
		b.Skip("no corpus at ../../../shared/corpus")
	}
	benchQuotes(b, paths)
}

// BenchmarkQuotesGenerated measures the quotes analyzer on the generated
// drafts named by ATTRLINT_BENCH_CORPUS (see internal/cli's
// BenchmarkCheckGenerated): the copy a check's profile is taken on.
func BenchmarkQuotesGenerated(b *testing.B) {
	paths, _ := benchcorpus.Files(b)
	benchQuotes(b, paths)
}

// benchQuotes runs the quotes analyzer over the parsed files.
func benchQuotes(b *testing.B, paths []string) {
	var docs []*prose.Document
	var total int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, prose.Parse(p, data))
		total += int64(len(data))
	}
	pass := extractPass(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			if _, err := quotes.Quotes.Run(pass(doc)); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestQuotePackExamples runs the examples of every rule of kind quote in
// the pack through the rule, as `attrlint explain` shows them: each must be
// flagged exactly when it says so.
func TestQuotePackExamples(t *testing.T) {
	cfg := rulestest.Config(t, testSet, "")
	seen := 0
	for _, r := range cfg.Rules {
		if r.Kind != quotes.Kind {
			continue
		}
		seen++
		for _, ex := range r.Examples {
			got := rulestest.Analyze(t, cfg, r.ID, "example.txt", ex.Text)
			if flagged := len(got) > 0; flagged != ex.Flagged {
				t.Errorf("rule %s, example %q: flagged = %v, the example says %v", r.ID, ex.Text, flagged, ex.Flagged)
			}
		}
	}
	if seen < 2 {
		t.Fatalf("found %d rules of kind quote, want 2", seen)
	}
}
