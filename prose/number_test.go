package prose

import (
	"math"
	"testing"
)

func TestNumbers(t *testing.T) {
	type num struct {
		text  string
		value float64
	}
	tests := []struct {
		name string
		text string
		want []num
	}{
		{"digits with thousands separators", "The army massed 150,000 troops near the border.", []num{{"150,000", 150000}}},
		{"a decimal with a scale word", "The package is worth $2.3 billion over five years.", []num{{"2.3 billion", 2.3e9}, {"five", 5}}},
		{"a scale suffix glued to the digits", "Organizers counted 150K marchers and a 2.5bn budget.", []num{{"150K", 150000}, {"2.5bn", 2.5e9}}},
		{"million after a currency symbol only", "The club paid $5m for a 5m pole.", []num{{"5m", 5e6}}},
		{"hyphenated tens", "Twenty-five people were hurt.", []num{{"Twenty-five", 25}}},
		{"a dozen and three dozen", "A dozen reporters and three dozen officials waited.", []num{{"A dozen", 12}, {"three dozen", 36}}},
		{"hundreds joined by and", "One hundred and fifty thousand people fled.", []num{{"One hundred and fifty thousand", 150000}}},
		{"two numbers side by side stay apart", "Scores were one two three.", []num{{"one", 1}, {"two", 2}, {"three", 3}}},
		{"an ordinal keeps its suffix", "He finished 2nd in the 4th round.", []num{{"2nd", 2}, {"4th", 4}}},
		{"a decade is no count", "In the 1990s, 7,000 combatants crossed.", []num{{"7,000", 7000}}},
		{"and without a scale word ends the number", "Two and three are small.", []num{{"Two", 2}, {"three", 3}}},
		{"a without a scale is no number", "A soldier and an officer spoke.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse("draft.txt", []byte(tt.text))
			var got []num
			for _, p := range d.Paragraphs {
				for _, n := range p.Numbers() {
					got = append(got, num{p.Text[n.Span.Start:n.Span.End], n.Value})
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Numbers(%q) = %v, want %v", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i].text != tt.want[i].text || math.Abs(got[i].value-tt.want[i].value) > 1e-6*math.Max(1, tt.want[i].value) {
					t.Errorf("Numbers(%q)[%d] = %v, want %v", tt.text, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestNumeralFlags(t *testing.T) {
	d := Parse("draft.txt", []byte("The 3rd brigade sent 1.5 million rounds and seven tanks."))
	ns := d.Paragraphs[0].Numbers()
	if len(ns) != 3 {
		t.Fatalf("got %d numerals, want 3", len(ns))
	}
	if !ns[0].Ordinal || !ns[0].Digits {
		t.Errorf("3rd: Ordinal=%v Digits=%v, want both", ns[0].Ordinal, ns[0].Digits)
	}
	if !ns[1].Scaled || ns[1].Ordinal {
		t.Errorf("1.5 million: Scaled=%v Ordinal=%v, want scaled cardinal", ns[1].Scaled, ns[1].Ordinal)
	}
	if ns[2].Digits {
		t.Errorf("seven: Digits set for a number in words")
	}
}

func TestParseDigits(t *testing.T) {
	for s, want := range map[string]float64{"150,000": 150000, "2.3": 2.3, "7": 7, "1,000,000": 1e6} {
		if v, ok := ParseDigits(s); !ok || v != want {
			t.Errorf("ParseDigits(%q) = %v, %v; want %v", s, v, ok, want)
		}
	}
	for _, s := range []string{"", "abc", ",5", "-3"} {
		if _, ok := ParseDigits(s); ok {
			t.Errorf("ParseDigits(%q) succeeded, want failure", s)
		}
	}
}

// FuzzNumbers checks that numerals are in order, inside the paragraph,
// aligned with its tokens, and have finite non-negative values.
func FuzzNumbers(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{
		"150,000 troops, 130,000 soldiers and $2.3 billion",
		"one hundred and fifty thousand and twenty-five",
		"a dozen a million a an the 4th 150K 2.5bn $5m 9.99.9 1,0000 1,000,",
		"99999999999999999999999999999999999999999 trillion trillion trillion",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Parse("draft.txt", []byte(s))
		for _, p := range d.Paragraphs {
			prevEnd := -1
			for _, n := range p.Numbers() {
				if n.FirstTok < 0 || n.LastTok < n.FirstTok || n.LastTok >= len(p.Tokens) {
					t.Fatalf("numeral tokens %d..%d out of %d", n.FirstTok, n.LastTok, len(p.Tokens))
				}
				if n.Span.Start != p.Tokens[n.FirstTok].Start || n.Span.End != p.Tokens[n.LastTok].End {
					t.Fatalf("numeral span %v does not match its tokens", n.Span)
				}
				if n.Span.Start < prevEnd {
					t.Fatalf("numerals overlap or are out of order at %d", n.Span.Start)
				}
				prevEnd = n.Span.End
				if n.Value < 0 || math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
					t.Fatalf("numeral %q has value %v", p.Text[n.Span.Start:n.Span.End], n.Value)
				}
			}
		}
	})
}
