package prose

import (
	"fmt"
	"testing"
)

func TestWordIDs(t *testing.T) {
	ids := InternWords([]string{"it's", "believed", "AP", "believed"})
	if ids[0] <= 0 || ids[1] <= 0 || ids[2] <= 0 || ids[1] != ids[3] || ids[0] == ids[1] {
		t.Fatalf("InternWords = %v, want distinct IDs above 0, one per key", ids)
	}
	if again := InternWords([]string{"believed", "it’s"}); again[0] != ids[1] || again[1] != ids[0] {
		t.Errorf("interning again gave %v, want %d and %d (’ read as ')", again, ids[1], ids[0])
	}
	p := Parse("d.txt", []byte("It’s widely BELIEVED, the AP says.")).Paragraphs[0]
	// Tokens: It’s, widely, BELIEVED, ",", the, AP, says, "."
	want := fmt.Sprint([]int32{ids[0], 0, ids[1], 0, 0, 0, 0, 0})
	if got := fmt.Sprint(p.WordIDs()); got != want {
		t.Errorf("WordIDs = %s, want %s", got, want)
	}
	wantExact := fmt.Sprint([]int32{0, 0, 0, 0, 0, ids[2], 0, 0})
	if got := fmt.Sprint(p.ExactWordIDs()); got != wantExact {
		t.Errorf("ExactWordIDs = %s, want %s", got, wantExact)
	}
	// A word interned later is found in a paragraph looked at before.
	says := InternWords([]string{"says"})[0]
	if got := p.WordIDs()[6]; got != says {
		t.Errorf("after interning \"says\", its token's ID is %d, want %d", got, says)
	}
}
