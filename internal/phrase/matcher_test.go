package phrase

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/prose"
)

// found renders a paragraph's matches as "id:text" strings.
func found(t *testing.T, m *Matcher, p *prose.Paragraph) []string {
	t.Helper()
	var out []string
	m.Match(p, func(x Match) {
		if got := p.Text[p.Tokens[x.FirstTok].Start:p.Tokens[x.LastTok].End]; got != p.Text[x.Start:x.End] {
			t.Errorf("match %+v: tokens cover %q, offsets %q", x, got, p.Text[x.Start:x.End])
		}
		out = append(out, fmt.Sprintf("%d:%s", x.ID, strings.Join(strings.Fields(p.Text[x.Start:x.End]), " ")))
	})
	return out
}

func parse(text string) *prose.Document { return prose.Parse("draft.txt", []byte(text)) }

func TestMatch(t *testing.T) {
	tests := []struct {
		name    string
		entries []Entry
		text    string
		want    []string
	}{
		{
			name:    "whole words only",
			entries: []Entry{{Phrase: "said", ID: 1}},
			text:    "Much was left unsaid at the summit, and little was said afterwards.",
			want:    []string{"1:said"},
		},
		{
			name:    "a phrase is not found inside a longer word",
			entries: []Entry{{Phrase: "critics say", ID: 1}},
			text:    "Some art critics sayings were quoted; the critics saying so were named.",
			want:    nil,
		},
		{
			name:    "case is ignored by default",
			entries: []Entry{{Phrase: "critics say", ID: 1}},
			text:    "CRITICS SAY the budget is too small. Critics Say it twice.",
			want:    []string{"1:CRITICS SAY", "1:Critics Say"},
		},
		{
			name:    "case-sensitive entries match only as written",
			entries: []Entry{{Phrase: "AP", ID: 1, CaseSensitive: true}},
			text:    "The AP style guide was open on the desk, ap in lower case is not it.",
			want:    []string{"1:AP"},
		},
		{
			name:    "curly apostrophe in the text equals a straight one in the phrase",
			entries: []Entry{{Phrase: "it's believed", ID: 1}},
			text:    "It’s believed the mayor will resign, and it's believed by her aides too.",
			want:    []string{"1:It’s believed", "1:it's believed"},
		},
		{
			name:    "curly apostrophe in the phrase equals a straight one in the text",
			entries: []Entry{{Phrase: "it’s believed", ID: 1}},
			text:    "Ministers insist it's believed nowhere.",
			want:    []string{"1:it's believed"},
		},
		{
			name:    "punctuation inside a phrase",
			entries: []Entry{{Phrase: "U.S. officials said", ID: 1}},
			text:    "On Tuesday, U.S. officials said the talks had stalled. US officials said nothing.",
			want:    []string{"1:U.S. officials said"},
		},
		{
			name:    "punctuation between words breaks a phrase",
			entries: []Entry{{Phrase: "critics say", ID: 1}},
			text:    "He answered his critics. Say what you will, the plan passed.",
			want:    nil,
		},
		{
			name: "overlapping phrases of different ids are all reported",
			entries: []Entry{
				{Phrase: "it is widely believed", ID: 1},
				{Phrase: "widely believed", ID: 2},
				{Phrase: "believed that", ID: 3},
			},
			text: "It is widely believed that the port will reopen.",
			want: []string{"1:It is widely believed", "2:widely believed", "3:believed that"},
		},
		{
			name: "for one id the longest phrase at a start wins",
			entries: []Entry{
				{Phrase: "some experts", ID: 1},
				{Phrase: "some experts say", ID: 1},
			},
			text: "Some experts say the bridge is unsafe; some experts disagree.",
			want: []string{"1:Some experts say", "1:some experts"},
		},
		{
			name: "one phrase under two ids is reported for both",
			entries: []Entry{
				{Phrase: "observers say", ID: 4},
				{Phrase: "observers say", ID: 2},
			},
			text: "Observers say the vote was fair.",
			want: []string{"2:Observers say", "4:Observers say"},
		},
		{
			name:    "a wildcard stands for one word or number",
			entries: []Entry{{Phrase: "* officials said", ID: 1}},
			text:    "Pakistani officials said so. Officials said no. Then 3 officials said yes, and, officials said maybe.",
			want:    []string{"1:Pakistani officials said", "1:3 officials said"},
		},
		{
			name:    "a wildcard inside a phrase",
			entries: []Entry{{Phrase: "according to * sources", ID: 1}},
			text:    "According to diplomatic sources, the envoy left. According to sources, he stayed.",
			want:    []string{"1:According to diplomatic sources"},
		},
		{
			name:    "line breaks between words do not matter",
			entries: []Entry{{Phrase: "it is widely believed", ID: 1}},
			text: "Across the valley, where the river floods most springs, it is\n" +
				"widely believed that the new dam will not hold another season.",
			want: []string{"1:it is widely believed"},
		},
		{
			name:    "a phrase never spans two paragraphs",
			entries: []Entry{{Phrase: "critics say", ID: 1}},
			text:    "The council approved the plan over the objections of its critics\n\nSay the word and the vote is held again.",
			want:    nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Compile(tt.entries)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range parse(tt.text).Paragraphs {
				got = append(got, found(t, m, p)...)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("in %q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestCompileRejects(t *testing.T) {
	tests := []struct {
		phrase string
		want   string
	}{
		{"", "empty"},
		{"   ", "empty"},
		{"*", "only wildcards"},
		{"* *", "only wildcards"},
	}
	for _, tt := range tests {
		_, err := Compile([]Entry{{Phrase: "critics say"}, {Phrase: tt.phrase}})
		var ee *EntryError
		if !errors.As(err, &ee) || ee.Index != 1 || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Compile(%q) = %v, want an EntryError at index 1 saying %q", tt.phrase, err, tt.want)
		}
		if Check(tt.phrase) == nil {
			t.Errorf("Check(%q) = nil, want an error", tt.phrase)
		}
	}
}

// TestFoldAgreesWithParagraphLower checks that phrases are folded exactly
// as the text they are matched against.
func TestFoldAgreesWithParagraphLower(t *testing.T) {
	for _, s := range []string{
		"Critics SAY", "ÉLYSÉE officials", "İstanbul residents", "Über-Experts Warn", "Straße",
	} {
		p := parse(s).Paragraphs[0]
		if got, want := Fold(s), p.Lower(); got != want {
			t.Errorf("Fold(%q) = %q, Paragraph.Lower = %q", s, got, want)
		}
	}
}

func TestMatchDoesNotAllocate(t *testing.T) {
	m, err := Compile(benchEntries(300))
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(benchText(2000))
	for _, p := range doc.Paragraphs {
		p.Lower()
	}
	n := 0
	allocs := testing.AllocsPerRun(20, func() {
		for _, p := range doc.Paragraphs {
			m.Match(p, func(Match) { n++ })
		}
	})
	if n == 0 {
		t.Fatal("the generated text matched nothing")
	}
	if allocs > 0 {
		t.Errorf("Match allocated %.1f times per document, want 0", allocs)
	}
}

// TestMatchRuns checks that matching runs of a paragraph's tokens is
// matching a paragraph of those tokens alone, with the paragraph's indices.
func TestMatchRuns(t *testing.T) {
	m, err := Compile([]Entry{
		{Phrase: "officials said", ID: 1},
		{Phrase: "* sources said", ID: 2},
		{Phrase: "said", ID: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	p := parse("Officials “we will not” said, and sources, officials said.").Paragraphs[0]
	render := func(runs ...Run) []string {
		var out []string
		m.MatchRuns(p, runs, func(x Match) {
			if x.Start != p.Tokens[x.FirstTok].Start || x.End != p.Tokens[x.LastTok].End {
				t.Errorf("match %+v: offsets are not its tokens'", x)
			}
			out = append(out, fmt.Sprintf("%d:%d-%d", x.ID, x.FirstTok, x.LastTok))
		})
		return out
	}
	// Tokens: 0 Officials, 1 “, 2 we, 3 will, 4 not, 5 ”, 6 said, 7 ",",
	// 8 and, 9 sources, 10 ",", 11 officials, 12 said, 13 ".".
	for _, tt := range []struct {
		runs []Run
		want string
	}{
		{[]Run{{0, 14}}, "[3:6-6 1:11-12 3:12-12]"},
		// Leaving out the quotation joins "Officials" and "said".
		{[]Run{{0, 1}, {6, 14}}, "[1:0-6 3:6-6 1:11-12 3:12-12]"},
		// A phrase does not run past the end of the last run.
		{[]Run{{0, 1}, {6, 12}}, "[1:0-6 3:6-6]"},
		{[]Run{{8, 10}}, "[]"},
		// A wildcard reads a word, never punctuation, across runs too.
		{[]Run{{7, 9}, {9, 10}, {12, 13}}, "[2:8-12 3:12-12]"},
	} {
		if got := fmt.Sprint(render(tt.runs...)); got != tt.want {
			t.Errorf("runs %v: got %s, want %s", tt.runs, got, tt.want)
		}
	}
	var got []string
	m.MatchRange(p, 6, 12, func(x Match) { got = append(got, fmt.Sprintf("%d:%d-%d", x.ID, x.FirstTok, x.LastTok)) })
	if fmt.Sprint(got) != "[3:6-6]" {
		t.Errorf("MatchRange(6, 12) = %v, want [3:6-6]", got)
	}
}

// TestCompileLater checks that a matcher compiled after a paragraph was
// matched finds its words there: the paragraph's word IDs follow the
// vocabulary as it grows.
func TestCompileLater(t *testing.T) {
	p := parse("Zyxwvut residents complained loudly.").Paragraphs[0]
	a, err := Compile([]Entry{{Phrase: "residents complained", ID: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if got := found(t, a, p); fmt.Sprint(got) != "[1:residents complained]" {
		t.Fatalf("first matcher: %v", got)
	}
	b, err := Compile([]Entry{{Phrase: "zyxwvut residents", ID: 2}})
	if err != nil {
		t.Fatal(err)
	}
	if got := found(t, b, p); fmt.Sprint(got) != "[2:Zyxwvut residents]" {
		t.Errorf("matcher compiled later: %v", got)
	}
	// A copy of the paragraph with other tokens gets its own IDs.
	q := *p
	q.Tokens = q.Tokens[1:]
	if got := found(t, b, &q); got != nil {
		t.Errorf("copy without its first token: %v", got)
	}
}

// A node with more children than the linear scan covers is searched by
// bisection; every child must still be found, the one the bisection lands
// on included ("many feel" was lost among forty "many ..." phrases).
func TestMatchManyChildren(t *testing.T) {
	for n := 1; n <= 64; n++ {
		entries := make([]Entry, n)
		for i := range entries {
			entries[i] = Entry{Phrase: fmt.Sprintf("many kid%dword", i), ID: i}
		}
		m, err := Compile(entries)
		if err != nil {
			t.Fatal(err)
		}
		for i := range entries {
			p := parse(fmt.Sprintf("Many kid%dword think so.", i)).Paragraphs[0]
			if got := found(t, m, p); len(got) != 1 || got[0] != fmt.Sprintf("%d:Many kid%dword", i, i) {
				t.Errorf("%d children: phrase %d found as %q", n, i, got)
			}
		}
	}
}
