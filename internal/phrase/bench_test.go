package phrase

import (
	"math/rand/v2"
	"strings"
	"testing"
)

var (
	benchSubjects = []string{"critics", "experts", "officials", "analysts", "observers",
		"residents", "diplomats", "investors", "lawmakers", "economists", "some", "many",
		"sources", "aides", "insiders", "people", "U.S. officials", "senior officials",
		"western diplomats", "industry executives"}
	benchVerbs = []string{"say", "said", "believe", "believed", "argue", "argued",
		"warn", "warned", "think", "contend", "charge", "note", "suggest", "claim",
		"fear"}
	benchFiller = strings.Fields(`the council voted on Tuesday to approve a budget
		of 4.2 million for repairs to the harbor wall which was damaged in
		storms last winter and the mayor’s office said work would begin in
		spring while the port authority has not yet published its own estimate
		of the cost nor a timetable for reopening the northern quay to ships`)
)

// benchEntries returns n phrases: subject-verb pairs, some with a wildcard.
func benchEntries(n int) []Entry {
	var out []Entry
	for i := 0; len(out) < n; i++ {
		s := benchSubjects[i%len(benchSubjects)]
		v := benchVerbs[(i/len(benchSubjects))%len(benchVerbs)]
		p := s + " " + v
		switch i / (len(benchSubjects) * len(benchVerbs)) {
		case 1:
			p = "* " + p
		case 2:
			p = "it is " + v + " by " + s
		}
		out = append(out, Entry{Phrase: p, ID: i % 40})
	}
	return out
}

// benchText returns about n words of news-like prose in paragraphs of
// five sentences, with a subject-verb pair in some sentences.
func benchText(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for w, s := 0, 0; w < n; s++ {
		k := 8 + r.IntN(20)
		for i := 0; i < k; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(benchFiller[r.IntN(len(benchFiller))])
		}
		if r.IntN(4) == 0 {
			b.WriteString(", " + benchSubjects[r.IntN(len(benchSubjects))] + " " + benchVerbs[r.IntN(len(benchVerbs))])
		}
		b.WriteString(". ")
		w += k + 2
		if s%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkMatch(b *testing.B) {
	m, err := Compile(benchEntries(500))
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(1800) // about 10 KB
	doc := parse(text)
	for _, p := range doc.Paragraphs {
		p.Lower() // computed once per paragraph by the document model
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, p := range doc.Paragraphs {
			m.Match(p, func(Match) { n++ })
		}
	}
	if n == 0 {
		b.Fatal("no matches")
	}
}
