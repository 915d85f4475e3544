package figures

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/rulestest"
)

// testSet is the figures family alone.
var testSet = &rules.Set{
	Kinds:      []*rules.Kind{MismatchKind},
	Extractors: []*rules.Extractor{Extractor},
	Packs:      []rules.Pack{Pack},
}

// testSettings returns the figures analyzer's settings as the config
// loader compiles them from the pack.
func testSettings(t testing.TB) *FigureSettingsCompiled {
	t.Helper()
	return rulestest.Config(t, testSet, "").Settings[Figures].(*FigureSettingsCompiled)
}

// TestFigures specifies what the figures analyzer reads from a sentence:
// value (in the group's base unit), unit group, modifiers, qualifier, and
// why a number is not a quantity.
func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		want []string // "written|group|modifiers|qualifier|not-quantity"
	}{
		{"Russia has massed 150,000 troops near the border.", []string{"150,000 troops|troops|||"}},
		{"Moscow's buildup of 130,000 soldiers alarmed NATO.", []string{"130,000 soldiers|troops|||"}},
		{"The Pentagon put 8,500 American troops on alert.", []string{"8,500 American troops|troops|american||"}},
		{"Moscow was adding 7,000 more combatants.", []string{"7,000 more combatants|troops|||"}},
		{"The units traveled more than 400 miles by rail.", []string{"more than 400 miles|distance||more than|"}},
		{"Congress approved $2.3 billion in aid.", []string{"$2.3 billion|usd|||"}},
		{"Turnout was 30 percent, about 1.5 million voters.", []string{"30 percent|percent|||", "about 1.5 million voters|voter||about|"}},
		{"Organizers counted three dozen boats and 150K marchers.", []string{"three dozen boats|boat|||", "150K marchers|marcher|||"}},
		{"Seven people were hurt.", []string{"Seven people|people|||"}},
		{"Two senior officials spoke.", []string{"Two senior officials|official|senior||"}},
		{"One of the officials spoke.", []string{"One||||number in words with no counted noun"}},
		{"In 2022, the number was around 100,000.", []string{"2022||||year", "around 100,000|||around|"}},
		{"The storm hit at 4 a.m. on Feb. 12.", []string{"4||||time", "12||||date"}},
		{"He finished 3rd under Section 5 of the rules.", []string{"3rd||||ordinal", "5||||label"}},
		{"The Pentagon said over the past 24 hours that forces moved.", []string{"24||||period"}},
		{"Mr. Ortega, 64, said the F-16 had landed.", []string{"64||||age", "16||||label"}},
		{"The Boeing 737 landed.", []string{"737||||name"}},
	}
	fs := testSettings(t)
	for _, tt := range tests {
		doc := prose.Parse("draft.txt", []byte(tt.text))
		var got []string
		for _, f := range extractFigures(doc, fs).Figures {
			got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s", doc.Text[f.Span.Start:f.Span.End], f.Group,
				strings.Join(f.Modifiers, " "), f.Qualifier, f.NotQuantity))
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("%q:\n got  %q\n want %q", tt.text, got, tt.want)
		}
	}
}

// TestSameValue specifies when two mentions of one quantity agree.
func TestSameValue(t *testing.T) {
	fs := testSettings(t)
	first := func(s string) *Figure {
		doc := prose.Parse("draft.txt", []byte(s))
		for _, f := range extractFigures(doc, fs).Figures {
			if f.Comparable() {
				return &f
			}
		}
		t.Fatalf("no comparable figure in %q", s)
		return nil
	}
	tests := []struct {
		a, b string
		same bool
	}{
		{"about 150,000 troops", "150,000 troops", true},
		{"about 150,000 troops", "152,000 troops", true},
		{"150,000 troops", "152,000 troops", false},
		{"400 miles", "644 kilometers", true},
		{"400 miles", "700 kilometers", false},
		{"more than 400 miles", "420 miles", true},
		{"more than 5 percent", "4.75 percent", false},
		{"up to 30 percent", "29 percent", true},
		{"up to 30 percent", "31 percent", false},
		{"1.5 million voters", "1,500,000 voters", true},
		{"$2.3 billion", "$2.34 billion", true},
	}
	for _, tt := range tests {
		if got := fs.SameValue(first(tt.a), first(tt.b)); got != tt.same {
			t.Errorf("SameValue(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// TestClasses specifies the class, the whole mention and the compared
// value that a comparison of versions reads for every sort of number.
func TestClasses(t *testing.T) {
	tests := []struct {
		text string
		want []string // "mention|class|norm"; class "" is never compared
	}{
		{"They must respond within 60 days.", []string{"60 days|period|60"}},
		{"It ran for nearly two months.", []string{"nearly two months|period|60.875"}},
		{"The vote is on Jan. 30 and the count on 2 February.", []string{"Jan. 30|date|130", "2 February|date|202"}},
		{"The council meets on Tuesday in March.", []string{"Tuesday|weekday|2", "March|date|300"}},
		{"May I ask? It closes in May.", []string{"May|date|500"}},
		{"It began at 10:30 a.m. and ended at 4 p.m. today.", []string{"10:30 a.m.|time|630", "30||30", "4 p.m.|time|960"}},
		{"Mr. Ortega, 64, saw a 45-year-old man.", []string{"64|age|64", "45-year-old|age|45"}},
		{"Smokers were 400 times more likely, a 3-to-1 ratio.", []string{"400 times|ratio|400", "3-to-1|ratio|3", "1 ratio||1"}},
		{"In 2003, Section 5 and the F-16 came 3rd.", []string{"2003|year|2003", "Section 5|label|5", "F-16|label|16", "3rd|ordinal|3"}},
		{"Three of the 12,000 troops left.", []string{"Three|number|3", "12,000 troops|count|12000"}},
		{"1. The first item.", []string{"1||1"}},
		{"After Sunday's two-day talks, the seven-year-old left at 5.55pm in the 1990s style, down 3.75p.", []string{
			"Sunday|weekday|7", "two-day|period|2", "seven-year-old|age|7", "5.55pm|time|1075", "1990s|year|1990", "3.75p|number|3.75"}},
	}
	fs := testSettings(t)
	for _, tt := range tests {
		doc := prose.Parse("draft.txt", []byte(tt.text))
		set := extractFigures(doc, fs)
		all := append([]Figure(nil), set.Figures...)
		for _, p := range doc.Paragraphs {
			for s := range p.Sentences {
				all = append(all, set.WordNumbers(doc, p.Index, s)...)
			}
		}
		slices.SortStableFunc(all, func(a, b Figure) int { return cmp.Compare(a.Mention.Start, b.Mention.Start) })
		var got []string
		for _, f := range all {
			got = append(got, fmt.Sprintf("%s|%s|%v", doc.Text[f.Mention.Start:f.Mention.End], f.Class, f.Norm))
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("%q:\n got  %q\n want %q", tt.text, got, tt.want)
		}
	}
}

// TestSameNumber specifies when two numbers of a class that is not a
// count are the same number written two ways.
func TestSameNumber(t *testing.T) {
	fs := testSettings(t)
	first := func(s string) *Figure {
		doc := prose.Parse("draft.txt", []byte(s))
		for _, f := range extractFigures(doc, fs).Figures {
			return &f
		}
		t.Fatalf("no number in %q", s)
		return nil
	}
	tests := []struct {
		a, b string
		same bool
	}{
		{"It took 60 days.", "It took two months.", true},
		{"It took 60 days.", "It took 69 days.", false},
		{"It took 14 days.", "It took two weeks.", true},
		{"It took 3 weekends.", "It took 21 days.", false},
		{"They counted 150,000 of them.", "They counted 150K of them.", true},
		{"They counted 150,000 of them.", "They counted about 152,000 of them.", true},
		{"They counted 150,000 of them.", "They counted 160,000 of them.", false},
		{"Three of them left.", "3 of them left.", true},
		{"It is on Jan. 30.", "It is on Jan 30.", true},
		{"It is on Jan. 30.", "It is on Feb. 30.", false},
		{"It ended at 4 p.m.", "It ended at 16:00.", true},
		{"It ended at 4 p.m.", "It ended at 4 a.m.", false},
	}
	for _, tt := range tests {
		if got := fs.SameNumber(first(tt.a), first(tt.b)); got != tt.same {
			t.Errorf("SameNumber(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}
