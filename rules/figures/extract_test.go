package figures

import (
	"fmt"
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
