package sourcing

import "testing"

func TestAttributionSetLookup(t *testing.T) {
	s := &AttributionSet{Items: []Attribution{
		{Para: 2, Sentence: 1, Kind: Anonymous},
		{Para: 0, Sentence: 0, Kind: NamedPerson},
		{Para: 2, Sentence: 0, Kind: Vague},
		{Para: 2, Sentence: 1, Kind: Reference},
	}}
	for i := range s.Items {
		s.Items[i].Span.Start = s.Items[i].Para*100 + s.Items[i].Sentence*10 + i
	}
	s.finish(3)
	if got := len(s.InParagraph(1)); got != 0 {
		t.Errorf("paragraph 1: %d attributions, want 0", got)
	}
	if got := s.InSentence(2, 1); len(got) != 2 || got[0].Kind != Anonymous || got[1].Kind != Reference {
		t.Errorf("paragraph 2 sentence 1: %+v", got)
	}
	if got := s.InSentence(2, 0); len(got) != 1 || got[0].Kind != Vague {
		t.Errorf("paragraph 2 sentence 0: %+v", got)
	}
	if s.Count(Anonymous) != 1 || Anonymous.String() != "anonymous" || !Impersonal.Reported() || Reference.Reported() {
		t.Error("count, names or Reported wrong")
	}
	var nilSet *AttributionSet
	if nilSet.InSentence(0, 0) != nil {
		t.Error("nil set")
	}
}
