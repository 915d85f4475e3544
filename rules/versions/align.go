package versions

import (
	"sort"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
)

// A versionSentence is one sentence of a version, as alignment sees it.
type versionSentence struct {
	para, sent int
	// key is the sentence normalized: lower-cased words and numbers
	// joined by spaces, so that quotation-mark style, punctuation and
	// whitespace do not matter.
	key string
	// words are the sentence's words (not its numbers), for similarity;
	// only a sentence that alignment compares by similarity has them
	// (see wordsOf).
	words map[string]bool
	// p and the tokens [from, to) of p are where the sentence's words are.
	p        *prose.Paragraph
	from, to int
}

// wordsOf returns the words of sentence i of ss, gathering them on first
// use.
func wordsOf(ss []versionSentence, i int) map[string]bool {
	s := &ss[i]
	if s.words != nil {
		return s.words
	}
	s.words = map[string]bool{}
	p := s.p
	low := p.Lower()
	span := p.Sentences[s.sent]
	for k := s.from; k < s.to; k++ {
		t := p.Tokens[k]
		if t.Start < span.Start || t.End > span.End || t.Kind != prose.Word {
			continue
		}
		s.words[foldApostrophe(low[t.Start:t.End])] = true
	}
	return s.words
}

// An alignment maps the sentences of a newer version to those of an older
// one, in document order of each.
type alignment struct {
	old, new []versionSentence
	// toOld is, for each new sentence, the index of its old counterpart
	// or -1; exact tells whether the two are the same sentence.
	toOld []int
	exact []bool
	// byPos finds a sentence's index from its paragraph and sentence.
	oldPos, newPos map[[2]int]int
}

// minSentenceSimilarity is the share of words two sentences must have in
// common (Dice's coefficient) to be one sentence reworded.
const minSentenceSimilarity = 0.5

// maxGapPairs bounds the pairs of changed sentences compared by similarity
// between two anchors, so that cost stays linear in the article's length.
const maxGapPairs = 4096

func versionSentences(doc *prose.Document) ([]versionSentence, map[[2]int]int) {
	var out []versionSentence
	pos := map[[2]int]int{}
	for _, p := range doc.Paragraphs {
		low := p.Lower()
		k := 0 // tokens and sentences are both in order: one pass
		for si, s := range p.Sentences {
			var b strings.Builder
			from := k
			for ; k < len(p.Tokens) && p.Tokens[k].Start < s.End; k++ {
				t := p.Tokens[k]
				if t.Start < s.Start || t.End > s.End || t.Kind == prose.Punct {
					continue
				}
				if b.Len() == 0 {
					b.Grow(s.End - t.Start) // the key is never longer
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(foldApostrophe(low[t.Start:t.End]))
			}
			pos[[2]int{p.Index, si}] = len(out)
			out = append(out, versionSentence{para: p.Index, sent: si, key: b.String(), p: p, from: from, to: k})
		}
	}
	return out, pos
}

// normalizeWord folds the typographic apostrophe to the straight one.
func foldApostrophe(w string) string {
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// alignVersions aligns the sentences of new with those of old: first the
// sentences that are unique and equal in both and in the same order (a
// patience diff), then equal sentences that moved, then, between two
// aligned sentences, the changed ones by word similarity (a reworded
// sentence, a sentence split in two).
func alignVersions(old, new *prose.Document) *alignment {
	a := &alignment{}
	a.old, a.oldPos = versionSentences(old)
	a.new, a.newPos = versionSentences(new)
	a.toOld = make([]int, len(a.new))
	a.exact = make([]bool, len(a.new))
	for i := range a.toOld {
		a.toOld[i] = -1
	}
	oldUsed := make([]bool, len(a.old))

	// Anchors: unique in both, equal, in order.
	count := map[string]int{}
	oldAt := map[string]int{}
	for i, s := range a.old {
		count[s.key]++
		oldAt[s.key] = i
	}
	newCount := map[string]int{}
	for _, s := range a.new {
		newCount[s.key]++
	}
	type pair struct{ o, n int }
	var cands []pair
	anchor := make([]bool, len(a.new))
	for n, s := range a.new {
		if s.key != "" && count[s.key] == 1 && newCount[s.key] == 1 {
			cands = append(cands, pair{oldAt[s.key], n})
		}
	}
	for _, k := range longestIncreasing(len(cands), func(i int) int { return cands[i].o }) {
		p := cands[k]
		a.toOld[p.n], a.exact[p.n], oldUsed[p.o] = p.o, true, true
		anchor[p.n] = true
	}
	// Equal sentences elsewhere: moved, or repeated.
	free := map[string][]int{}
	for i, s := range a.old {
		if !oldUsed[i] && s.key != "" {
			free[s.key] = append(free[s.key], i)
		}
	}
	for n, s := range a.new {
		if a.toOld[n] >= 0 || s.key == "" {
			continue
		}
		if l := free[s.key]; len(l) > 0 {
			a.toOld[n], a.exact[n], oldUsed[l[0]] = l[0], true, true
			free[s.key] = l[1:]
		}
	}
	// Changed sentences: between the anchors around them.
	prevOld := -1
	for n := 0; n < len(a.new); {
		if anchor[n] || a.toOld[n] >= 0 {
			if anchor[n] {
				prevOld = a.toOld[n]
			}
			n++
			continue
		}
		end := n
		for end < len(a.new) && !anchor[end] {
			end++
		}
		nextOld := len(a.old)
		if end < len(a.new) {
			nextOld = a.toOld[end]
		}
		lo, hi := prevOld+1, nextOld
		if hi < lo {
			lo, hi = 0, len(a.old) // the anchors cross: a moved block
		}
		if (end-n)*(hi-lo) > maxGapPairs {
			hi = lo + max(1, maxGapPairs/(end-n))
			hi = min(hi, len(a.old))
		}
		for k := n; k < end; k++ {
			if a.toOld[k] >= 0 {
				continue // moved, found equal
			}
			best, bestSim := -1, minSentenceSimilarity
			for o := lo; o < hi; o++ {
				if oldUsed[o] {
					continue
				}
				if sim := sentenceSimilarity(wordsOf(a.new, k), wordsOf(a.old, o)); sim >= bestSim {
					best, bestSim = o, sim
				}
			}
			a.toOld[k] = best
		}
		n = end
	}
	return a
}

// similarity is how much two sentences' words overlap: Dice's coefficient,
// or, for a short sentence that lies almost wholly in a longer one (half of
// a split sentence), the share of its words found in the other.
func sentenceSimilarity(x, y map[string]bool) float64 {
	if len(x) == 0 || len(y) == 0 {
		return 0
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	common := 0
	for w := range x {
		if y[w] {
			common++
		}
	}
	dice := 2 * float64(common) / float64(len(x)+len(y))
	if len(x) >= 5 {
		if c := float64(common) / float64(len(x)); c >= 0.8 && c > dice {
			return c
		}
	}
	return dice
}

// longestIncreasing returns the indices (in order) of a longest strictly
// increasing subsequence of key(0..n-1), in O(n log n).
func longestIncreasing(n int, key func(int) int) []int {
	tails := []int{} // index of the smallest tail of each length
	prev := make([]int, n)
	for i := 0; i < n; i++ {
		k := sort.Search(len(tails), func(j int) bool { return key(tails[j]) >= key(i) })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	out := make([]int, len(tails))
	for i, k := len(tails)-1, -1; i >= 0; i-- {
		if k == -1 {
			k = tails[len(tails)-1]
		} else {
			k = prev[k]
		}
		out[i] = k
	}
	return out
}

// counterpart returns the index of the old sentence aligned with the new
// sentence (para, sent), or -1.
func (a *alignment) counterpart(para, sent int) int {
	n, ok := a.newPos[[2]int{para, sent}]
	if !ok {
		return -1
	}
	return a.toOld[n]
}

// A SentenceRef names one sentence of a document: the index of its
// paragraph (Document.Paragraphs) and of the sentence in it
// (Paragraph.Sentences).
type SentenceRef struct{ Para, Sentence int }

// A Pair is a sentence of a newer version and the sentence of the older
// version aligned with it. Exact is set when the two are the same sentence
// (equal words and numbers; quotation-mark style, punctuation and spacing
// aside), moved or not; otherwise the newer one is the older reworded, or
// one half of it split in two.
type Pair struct {
	Old, New SentenceRef
	Exact    bool
}

// Align aligns the sentences of new with those of old, as the
// cross-version rules do: first the sentences that are unique and equal in
// both and in the same order, then equal sentences that moved, then,
// between two aligned sentences, changed ones by word similarity (a
// reworded sentence, a sentence split in two: both halves pair with the
// one old sentence). It returns one Pair for each sentence of new that
// has a counterpart, in new's order; a sentence of new in no Pair was
// added, a sentence of old in none was deleted (or merged away).
func Align(old, new *prose.Document) []Pair {
	return alignVersions(old, new).pairs()
}

// Aligned is Align for a cross-version analyzer: the alignment of the
// pass's document with old (one of pass.Versions), computed once per pair
// of versions whichever rules ask for it.
func Aligned(pass *analysis.Pass, old *prose.Document) []Pair {
	return sharedAlignment(pass, old).pairs()
}

func (a *alignment) pairs() []Pair {
	out := make([]Pair, 0, len(a.new))
	for n, o := range a.toOld {
		if o < 0 {
			continue
		}
		out = append(out, Pair{
			Old:   SentenceRef{a.old[o].para, a.old[o].sent},
			New:   SentenceRef{a.new[n].para, a.new[n].sent},
			Exact: a.exact[n],
		})
	}
	return out
}
