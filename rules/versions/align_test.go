package versions_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/versions"
)

// TestAlign specifies the sentence pairs that Align gives the rules built
// on it: equal sentences moved, a reworded one, a split one (both halves
// pair with the one old sentence), an added one in none.
func TestAlign(t *testing.T) {
	old := prose.Parse("v1.txt", []byte("The plant will close in May, two company officials said. Workers were told on Monday.\n\n"+
		"The union called the decision a betrayal and promised a fight. Talks are set for next week.\n\n"+
		"The mayor declined to comment."))
	new := prose.Parse("v2.txt", []byte("The plant will close in May. Workers were told on Monday.\n\n"+
		"The union called the decision a betrayal. The union promised a fight.\n\n"+
		"Shares in the company rose. The mayor declined to comment. Talks are set for next week."))
	text := func(doc *prose.Document, r versions.SentenceRef) string {
		p := doc.Paragraphs[r.Para]
		s := p.Sentences[r.Sentence]
		return p.Text[s.Start:s.End]
	}
	var got []string
	for _, p := range versions.Align(old, new) {
		got = append(got, fmt.Sprintf("%s <- %s (%v)", text(new, p.New), text(old, p.Old), p.Exact))
	}
	want := []string{
		"The plant will close in May. <- The plant will close in May, two company officials said. (false)",
		"Workers were told on Monday. <- Workers were told on Monday. (true)",
		"The union called the decision a betrayal. <- The union called the decision a betrayal and promised a fight. (false)",
		"The union promised a fight. <- The union called the decision a betrayal and promised a fight. (false)",
		"The mayor declined to comment. <- The mayor declined to comment. (true)",
		"Talks are set for next week. <- Talks are set for next week. (true)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Align:\n got\n%s\n want\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
