package sourcing

import (
	"strings"

	"github.com/attrlint/attrlint/prose"
)

// A source is one description of an unnamed source with its attribution
// cue, as token indexes into its paragraph.
type source struct {
	first, noun      int // the description: tokens first..noun
	cueFirst, cueEnd int // the cue: tokens cueFirst..cueEnd-1
	before           bool
	tail             tailInfo
}

// tailInfo is what the words after a source noun say about the source.
type tailInfo struct {
	knowledge bool // "familiar with the talks"
	marker    bool // "who refused to be quoted by name"
	named     bool // "officials, including Ana Ruiz," or "an aide, Jo Kim,"
	noComment bool // "declined to comment"
	// adjacent tells that only bridges stand between noun and cue
	// ("officials continued to say").
	adjacent bool
	// affiliated tells that a post-modifier names the group ("at Deutsche
	// Bank", "of the IMF", "polled by Reuters").
	affiliated  bool
	cue, cueEnd int
	end         int // one past the last token of the tail
}

// Limits of the search after a noun, in words.
const (
	maxPostWords   = 9  // "officials in the northern city of Kharkiv"
	maxClauseWords = 40 // ", who spoke on condition of anonymity because ...,"
)

// findSource returns the source whose noun is token n, if n heads one.
func (x *paraIndex) findSource(n int, qualified bool) (source, bool) {
	if x.isPunct(n+1, "’") || x.isPunct(n+1, "'") {
		return source{}, false // "the officials’ union"
	}
	ss := x.sentenceStart(n)
	se := x.sentenceEnd(n)
	first, ok := x.head(n, ss)
	if !ok {
		return source{}, false
	}
	s := source{first: first, noun: n}
	s.tail = x.tail(n+1, se)
	if s.tail.named || s.tail.noComment && s.tail.cue < 0 {
		return source{}, false
	}
	switch {
	case s.tail.cue >= 0:
		s.cueFirst, s.cueEnd = s.tail.cue, s.tail.cueEnd
	default:
		b := x.endingAt(clsCueBefore, first-1)
		if b < 0 || b < ss {
			return source{}, false
		}
		// A one-word cue before the description is an inverted
		// attribution only after a comma, a closing quote or a dash:
		// "Ruiz said officials" has officials in its reported speech.
		if b == first-1 && !x.isAttributionLead(b-1) && !objectCue(x.text(b)) {
			return source{}, false
		}
		// "..., said ministers had failed": a verb right after the noun
		// makes it the subject of the reported speech, not its source.
		if n+1 < se && finiteAux(x.text(n+1)) {
			return source{}, false
		}
		s.cueFirst, s.cueEnd, s.before = b, first, true
	}
	if qualified && !s.tail.knowledge && !s.tail.marker {
		return source{}, false
	}
	return s, true
}

// head scans left from noun n over modifiers and a determiner to the start
// of the description. It fails on a second reference ("the official").
func (x *paraIndex) head(n, ss int) (int, bool) {
	first := n
	k := n - 1
	for k >= ss {
		if s := x.endingAt(clsAnaphor, k); s >= ss {
			return 0, false
		}
		if s := x.endingAt(clsDet, k); s >= ss {
			if x.endingAt(clsAnaphor, s-1) >= ss {
				return 0, false // "the other official", "the two sources"
			}
			return s, true
		}
		if x.possessive(k) {
			// "the outlet’s sources", "Reuters’ sources": the owner
			// determines the noun phrase.
			if x.toks[k].Kind == prose.Punct {
				k--
			}
			// "Harbor Wire’s sources": the owner's name, whole.
			for k > ss && x.capitalized(k-1) && x.endingAt(clsFunction, k-1) != k-1 && x.at(clsCueAfter, k-1) < 0 &&
				x.endingAt(clsAnaphor, k-1) < 0 && x.endingAt(clsDet, k-1) < 0 {
				k--
			}
			first = k
			if a := x.endingAt(clsAnaphor, k-1); a >= ss && a == k-1 {
				first = a // "the paper’s sources"
			}
			if d := x.endingAt(clsDet, first-1); d >= ss {
				first = d // "four of Reuters’ sources"
			}
			return first, true
		}
		if x.toks[k].Kind == prose.Number {
			return k, true // "2 officials"
		}
		if s := x.endingAt(clsModifier, k); s >= ss {
			first, k = s, s-1
			continue
		}
		if x.isPunct(k, ".") && x.isInitialism(k-1) {
			first, k = k-1, k-2 // "U.S. officials"
			continue
		}
		if x.capitalized(k) && x.endingAt(clsFunction, k) != k && x.at(clsCueAfter, k) < 0 {
			first, k = k, k-1 // "Pentagon officials", "Biden administration aides"
			continue
		}
		if x.text(k) == "and" && k > ss && (x.capitalized(k-1) || x.endingAt(clsModifier, k-1) >= 0 ||
			x.isPunct(k-1, ".") && x.isInitialism(k-2)) {
			k-- // "American and European diplomats"
			continue
		}
		if d, ok := x.openModifiers(k, ss); ok {
			return d, true // "another Japanese bank official"
		}
		if d := x.anaphorOpen(k, ss); d {
			return 0, false // "the bank official"
		}
		break
	}
	return first, true
}

// maxOpenModifiers is how many words of the open class (nouns and
// adjectives no list holds: "bank", "grain", "political") may stand
// between a determiner and the noun.
const maxOpenModifiers = 2

// openModifiers reads tokens k and before as modifiers no list holds,
// which a determiner must then open: "another Japanese bank official",
// "one Republican political strategist", "a US-based insurance expert".
// It returns the determiner's first token.
func (x *paraIndex) openModifiers(k, ss int) (int, bool) {
	open := 0
	for ; k >= ss; k-- {
		if s := x.endingAt(clsDet, k); s >= ss {
			if open == 0 || x.endingAt(clsAnaphor, s-1) >= ss {
				return 0, false
			}
			return s, true
		}
		if x.endingAt(clsModifier, k) >= ss || x.capitalized(k) && x.endingAt(clsFunction, k) != k ||
			x.isPunct(k, ".") && x.isInitialism(k-1) {
			continue
		}
		if !x.openWord(k) || open == maxOpenModifiers {
			return 0, false
		}
		open++
	}
	return 0, false
}

// anaphorOpen reports whether an anaphor opens the words before token k,
// over open-class modifiers: "the bank official" is a second reference.
func (x *paraIndex) anaphorOpen(k, ss int) bool {
	for open := 0; k >= ss && open <= maxOpenModifiers; k-- {
		if s := x.endingAt(clsAnaphor, k); s >= ss {
			return open > 0
		}
		if x.capitalized(k) && x.endingAt(clsFunction, k) != k {
			continue // "The American forensics expert"
		}
		if !x.openWord(k) {
			return false
		}
		open++
	}
	return false
}

// openWord reports whether token k may be an open-class modifier: a
// lower-case word that is no cue, clause break, determiner or function
// word.
func (x *paraIndex) openWord(k int) bool {
	if x.toks[k].Kind != prose.Word || x.capitalized(k) {
		return false
	}
	return x.at(clsCueAfter, k) < 0 && x.endingAt(clsCueBefore, k) < 0 && x.at(clsBreak, k) < 0 &&
		x.endingAt(clsFunction, k) != k && x.at(clsNoun, k) < 0 && x.at(clsBridge, k) < 0 &&
		x.at(clsNonCue, k) < 0 && x.endingAt(clsPostMod, k) != k
}

// passiveAfter reports whether the cue ending before token e is a
// participle or an infinitive's verb rather than a cue: "to" or "by"
// follows it ("officials expected to attend", "experts polled by").
func (x *paraIndex) passiveAfter(e int) bool {
	if e >= x.n || x.toks[e].Kind != prose.Word {
		return false
	}
	w := x.text(e)
	return w == "to" || w == "by"
}

// objectCue reports whether w is a cue whose object is the source, so
// that it needs no comma before it: "the newspaper quotes a source close
// to the buyer", "the report cites two officials".
// affiliation reports whether the post-modifier w, before a definite
// organisation, makes its members a specified group: "economists at the
// central bank", "historians from the archive"; "in the region" does not.
func affiliation(w string) bool {
	switch strings.ToLower(w) {
	case "at", "from", "of", "with":
		return true
	}
	return false
}

// finiteAux reports whether w is an auxiliary or a modal, the opening
// of a finite verb phrase.
func finiteAux(w string) bool {
	switch strings.ToLower(w) {
	case "had", "has", "have", "was", "were", "is", "are", "would", "will",
		"could", "can", "should", "might", "may", "must", "did", "do", "does":
		return true
	}
	return false
}

func objectCue(w string) bool {
	switch strings.ToLower(w) {
	case "quotes", "quoted", "quoting", "cites", "cited", "citing":
		return true
	}
	return false
}

// tail scans right from token k, the one after a noun, to the attribution
// cue, over post-modifiers, bridges and parenthetical clauses, noting what
// it passes. It stops at the first word that fits none of them.
func (x *paraIndex) tail(k, se int) tailInfo {
	t := tailInfo{cue: -1, end: k, adjacent: true}
	post, words := false, 0
	start := k
	for k < se {
		t.end = k
		if e := x.at(clsNonCue, k); e > 0 {
			t.noComment = true
			return t
		}
		if e := x.at(clsKnowledge, k); e > 0 {
			t.adjacent = false
			t.knowledge, post, words, k = true, true, 0, e
			continue
		}
		if e := x.at(clsMarker, k); e > 0 {
			t.adjacent = false
			t.marker, k = true, e
			continue
		}
		if e := x.at(clsCueAfter, k); e > 0 {
			if x.passiveAfter(e) {
				// "officials expected to attend", "analysts
				// polled by": a participle, not a cue.
				if x.capitalized(e+1) || x.text(e+1) == "the" && x.capitalized(e+2) {
					t.affiliated = true
				}
				return t
			}
			t.cue, t.cueEnd = k, e
			return t
		}
		if e := x.at(clsBridge, k); e > 0 {
			k = e
			continue
		}
		t.adjacent = false
		if k == start && x.capitalized(k) && x.at(clsNotName, k) < 0 {
			// "aide Jo Kim said": a name right after the noun.
			t.named = true
			return t
		}
		if x.isPunct(k, ",") {
			c, ok := x.clause(k, se, &t)
			if !ok {
				return t
			}
			k = c + 1
			continue
		}
		if e := x.at(clsNaming, k); e > 0 {
			if x.capitalized(e) {
				t.named = true
			}
			return t
		}
		if x.at(clsBreak, k) >= 0 {
			return t
		}
		if e := x.at(clsPostMod, k); e > 0 {
			if x.capitalized(e) || e+1 < se && x.text(e) == "the" && x.capitalized(e+1) {
				t.affiliated = true // "analysts at Deutsche Bank"
			}
			if e < se && affiliation(x.text(k)) && x.text(e) == "the" {
				t.affiliated = true // "economists at the central bank"
			}
			post, words, k = true, 0, e
			continue
		}
		if post && words < maxPostWords && x.gapToken(k) {
			words++
			k++
			continue
		}
		return t
	}
	t.end = k
	return t
}

// possessive reports whether token k ends a possessive: a word ending in
// ’s, or the apostrophe after a plural ("Reuters’").
func (x *paraIndex) possessive(k int) bool {
	switch x.toks[k].Kind {
	case prose.Word:
		w := x.text(k)
		return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s")
	case prose.Punct:
		w := x.text(k)
		return (w == "’" || w == "'") && k > 0 && x.toks[k-1].Kind == prose.Word &&
			x.toks[k-1].End == x.toks[k].Start && strings.HasSuffix(x.text(k-1), "s")
	}
	return false
}

// gapToken reports whether token k may stand in a post-modifier: a word, a
// number, or the period of an initialism or an abbreviation.
func (x *paraIndex) gapToken(k int) bool {
	switch x.toks[k].Kind {
	case prose.Word:
		return true
	case prose.Number:
		return true
	}
	switch x.text(k) {
	case ".":
		return k > 0 && x.toks[k-1].Kind == prose.Word && x.toks[k-1].End == x.toks[k].Start
	case "’", "'", "-", "&":
		return true
	}
	return false
}

// clause handles a comma after a noun. A parenthetical clause (", who
// refused to be quoted by name,") is skipped when the comma that closes it
// is followed by a cue or a bridge; a name in apposition (", Jo Kim,")
// marks the source named. It returns the closing comma.
func (x *paraIndex) clause(k, se int, t *tailInfo) (int, bool) {
	// A capitalized run closed by a comma or the sentence end is a name.
	j := k + 1
	for j < se && (x.capitalized(j) || x.isPunct(j, ".") && j > k+1 && x.capitalized(j-1)) {
		j++
	}
	if j > k+1 && x.at(clsNotName, k+1) < 0 && x.at(clsDet, k+1) < 0 &&
		(j == se || x.isPunct(j, ",") || j == se-1 && x.toks[j].Kind == prose.Punct) {
		t.named = true
		return 0, false
	}
	if e := x.at(clsNaming, k+1); e > 0 {
		t.named = true // ", including Ana Ruiz,", ", including the mayor,"
		return 0, false
	}
	var knowledge, marker bool
	j = k + 1
	for ; j < se && j <= k+maxClauseWords; j++ {
		if x.at(clsKnowledge, j) >= 0 {
			knowledge = true
		}
		if x.at(clsMarker, j) >= 0 {
			marker = true
		}
		if !x.isPunct(j, ",") {
			continue
		}
		n := j + 1
		for x.at(clsBridge, n) > 0 {
			n = x.at(clsBridge, n)
		}
		if x.at(clsCueAfter, n) >= 0 || x.at(clsNonCue, n) >= 0 {
			t.knowledge = t.knowledge || knowledge
			t.marker = t.marker || marker
			return j, true
		}
	}
	if j == se {
		// The clause runs to the end of the sentence: what it says still
		// describes the source ("according to an aide, who asked not to
		// be named.").
		t.knowledge = t.knowledge || knowledge
		t.marker = t.marker || marker
	}
	return 0, false
}

// maxMarkerLead is how many tokens may stand between a noun and the
// anonymity marker that makes it a source (", who asked").
const maxMarkerLead = 4

// markedNoun reports whether token n is a word that an anonymity marker
// right after it makes a source noun, whatever the word: "one dealer, who
// asked not to be named, told reporters".
func (x *paraIndex) markedNoun(n int) bool {
	if !x.any[clsMarker] || x.toks[n].Kind != prose.Word || x.capitalized(n) {
		return false
	}
	k := n + 1
	if x.isPunct(k, ",") {
		k++
	}
	if k >= x.n || x.text(k) != "who" && x.text(k) != "speaking" {
		return false
	}
	for j := k; j < x.n && j <= k+maxMarkerLead; j++ {
		if x.at(clsMarker, j) >= 0 {
			return true
		}
	}
	return false
}
