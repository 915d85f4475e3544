package prose

import (
	"strings"
	"testing"
)

func sentences(text string) []string {
	var out []string
	for _, s := range splitSentences(text, Tokenize(text)) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // sentences, in order
	}{
		{"two plain sentences",
			"The ministry confirmed the figure. It gave no details.",
			[]string{"The ministry confirmed the figure.", "It gave no details."}},
		{"question and exclamation",
			"Will the talks resume? Nobody knows! The envoy left.",
			[]string{"Will the talks resume?", "Nobody knows!", "The envoy left."}},
		{"titles never end a sentence",
			"Mr. Haddad met Mrs. Obi, Ms. Lane and Dr. Varga. Gen. Ruiz and Sgt. Pell arrived later.",
			[]string{"Mr. Haddad met Mrs. Obi, Ms. Lane and Dr. Varga.", "Gen. Ruiz and Sgt. Pell arrived later."}},
		{"multi-word titles",
			"Lt. Col. Dana Whitfield testified. Maj. Gen. Omar Siddiq did not.",
			[]string{"Lt. Col. Dana Whitfield testified.", "Maj. Gen. Omar Siddiq did not."}},
		{"initials",
			"Secretary of State Antony J. Blinken spoke first. Then Vladimir V. Putin answered.",
			[]string{"Secretary of State Antony J. Blinken spoke first.", "Then Vladimir V. Putin answered."}},
		{"dotted initials",
			"The library holds letters from J.R.R. Tolkien to his publisher.",
			[]string{"The library holds letters from J.R.R. Tolkien to his publisher."}},
		{"U.S. mid-sentence before a noun",
			"U.S. officials said the U.S. Army would stay.",
			[]string{"U.S. officials said the U.S. Army would stay."}},
		{"U.S. at the end before a sentence opener",
			"The aid came from the U.S. The shipment arrived Friday.",
			[]string{"The aid came from the U.S.", "The shipment arrived Friday."}},
		{"U.S. at the end before a name stays joined, by choice",
			"The aid came from the U.S. Congress approved it in May.",
			[]string{"The aid came from the U.S. Congress approved it in May."}},
		{"U.N. and E.U.",
			"The U.N. envoy and the E.U. delegation met in Geneva.",
			[]string{"The U.N. envoy and the E.U. delegation met in Geneva."}},
		{"decimals",
			"Prices rose 2.5 percent in March. Wages rose 1.5 percent.",
			[]string{"Prices rose 2.5 percent in March.", "Wages rose 1.5 percent."}},
		{"numbers with separators",
			"That figure grew to 130,000. On Tuesday it was 150,000.",
			[]string{"That figure grew to 130,000.", "On Tuesday it was 150,000."}},
		{"abbreviations mid-sentence",
			"Acme Inc. and Borel Co. signed at 9 a.m. on Jan. 5, etc. and more.",
			[]string{"Acme Inc. and Borel Co. signed at 9 a.m. on Jan. 5, etc. and more."}},
		{"a.m. at the end before an opener",
			"The vote began at 9 a.m. It ended at noon.",
			[]string{"The vote began at 9 a.m.", "It ended at noon."}},
		{"No. before a number",
			"He lives at No. 10 Downing Street.",
			[]string{"He lives at No. 10 Downing Street."}},
		{"ellipsis followed by lower case",
			"The talks went on... and on … until dawn. Then they stopped.",
			[]string{"The talks went on... and on … until dawn.", "Then they stopped."}},
		{"spaced ellipsis",
			"What a mess . . . he should have known. . . . The end.",
			[]string{"What a mess . . . he should have known. . . .", "The end."}},
		{"ellipsis followed by a capital",
			"He paused... Then he spoke.",
			[]string{"He paused...", "Then he spoke."}},
		{"comma inside the quote",
			"“We will respond,” he said.",
			[]string{"“We will respond,” he said."}},
		{"period inside the quote, new sentence after it",
			"He said, “We are ready.” Then he left.",
			[]string{"He said, “We are ready.”", "Then he left."}},
		{"question inside the quote then a lower-case word",
			"“Is it over?” she asked.",
			[]string{"“Is it over?” she asked."}},
		{"exclamation inside straight quotes then a lower-case word",
			`"Get out!" the guard shouted. He did.`,
			[]string{`"Get out!" the guard shouted.`, "He did."}},
		{"quotation continued across sentences",
			"“I was there,” Mr. Osei said. “I saw it. Nobody else did.”",
			[]string{"“I was there,” Mr. Osei said.", "“I saw it.", "Nobody else did.”"}},
		{"closing bracket",
			"The figure was revised (twice.) Officials declined to comment.",
			[]string{"The figure was revised (twice.)", "Officials declined to comment."}},
		{"no space after the period",
			"A U.S.-led effort failed.",
			[]string{"A U.S.-led effort failed."}},
		{"opening quote starts the next sentence",
			"He left. “We are done,” he said.",
			[]string{"He left.", "“We are done,” he said."}},
		{"sentence without a final period",
			"Troops mass near the border",
			[]string{"Troops mass near the border"}},
		{"surrounding whitespace excluded",
			"  First one.   Second one.  ",
			[]string{"First one.", "Second one."}},
		{"non-Latin script after a period",
			"The statement ended. 声明结束。",
			[]string{"The statement ended.", "声明结束。"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentences(tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || len(got) != len(tt.want) {
				t.Errorf("sentences of %q:\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// Every token lies in exactly one sentence, and sentences are ordered.
func TestSentencesCoverTokens(t *testing.T) {
	text := "Mr. Ito said, “It’s done.” Then... silence! U.S. forces? None. “Why?” she asked."
	toks := Tokenize(text)
	sents := splitSentences(text, toks)
	checkSentences(t, text, toks, sents)
}

func checkSentences(t testing.TB, text string, toks []Token, sents []Span) {
	t.Helper()
	if len(toks) == 0 {
		if len(sents) != 0 {
			t.Fatalf("%q: %d sentences but no tokens", text, len(sents))
		}
		return
	}
	k := 0
	for i, s := range sents {
		if s.Start >= s.End || (i > 0 && s.Start < sents[i-1].End) {
			t.Fatalf("%q: sentence %d %v empty or overlapping", text, i, s)
		}
		if k >= len(toks) || toks[k].Start != s.Start {
			t.Fatalf("%q: sentence %d %v does not start at a token", text, i, s)
		}
		for k < len(toks) && toks[k].End <= s.End {
			k++
		}
		if toks[k-1].End != s.End {
			t.Fatalf("%q: sentence %d %v does not end at a token", text, i, s)
		}
	}
	if k != len(toks) {
		t.Fatalf("%q: %d tokens after the last sentence", text, len(toks)-k)
	}
}
