package sourcing

// namedContext reports whether source s lies in a named speaker's reported
// speech: after "Blinken said that" in its sentence, with no clause break
// between, or before a trailing ", Mr. Blinken said". A source inside a
// direct quotation is the quoted speaker's words, never the story's source;
// one before a trailing ", according to congressional aides" is in those
// aides' report, and they are the story's source.
func (x *paraIndex) namedContext(s source) bool {
	if x.quoted[s.first] {
		return true
	}
	ss := x.sentenceStart(s.first)
	se := x.sentenceEnd(s.first)
	from := ss
	for k := ss; k < s.first; k++ {
		if e := x.at(clsBreak, k); e > 0 && e <= s.first {
			from = e
		}
	}
	for v := from; v < s.first; v++ {
		if x.named[v] {
			return true // the cue of a named speaker's quotation
		}
		if e := x.at(clsCueBefore, v); e > 0 && e-v > 1 && e < s.first && x.namedAt(e) {
			return true // "According to Mr. Blinken, U.S. officials believe"
		}
		if x.at(clsCueAfter, v) < 0 || x.isAttributionLead(v-1) && !x.isPunct(v-1, ",") {
			continue
		}
		// A cue inside a quotation is the quoted words' ("“We expect
		// it to fail,” said an aide"), not a speaker of the story's.
		if x.quoted[v] {
			continue
		}
		if x.namedSubjectBefore(v, ss) {
			return true
		}
	}
	// A trailing attribution: "..., Mr. Blinken said." or ", said Ms. Ruiz."
	end := s.cueEnd
	if s.before {
		end = s.noun + 1
	}
	for k := end; k < se; k++ {
		if x.at(clsBreak, k) >= 0 && !x.isPunct(k, ",") {
			return false
		}
		if !x.isPunct(k, ",") {
			continue
		}
		j := k + 1
		if e := x.at(clsCueAfter, j); e > 0 && x.namedAt(e) {
			return true // ", said Ms. Ruiz"
		}
		if e := x.at(clsCueBefore, j); e > 0 && e-j > 1 && x.namedAt(e) {
			return true // ", according to the ministry"
		}
		if e := x.at(clsCueBefore, j); e > 0 && x.nounWithin(e, min(e+firstRefReach, se)) {
			// ", according to congressional aides": what s did is
			// their report, and they are the source, judged on their
			// own.
			return true
		}
		if n := x.namedRun(j); n > j {
			if x.at(clsCueAfter, n) > 0 {
				return true // ", Mr. Blinken said"
			}
		}
	}
	return false
}

// namedAt reports whether a named speaker starts at token k: a capitalized
// name or title, or a named subject ("the ministry", "he").
func (x *paraIndex) namedAt(k int) bool {
	if k >= x.n {
		return false
	}
	if x.at(clsAnaphor, k) > 0 && x.at(clsAnaphor, k) < x.n {
		k = x.at(clsAnaphor, k) // "the ministry", "the Kremlin"
	}
	if x.at(clsNamedSubject, k) > 0 {
		return true
	}
	return x.capitalized(k) && x.at(clsNoun, k) < 0 && x.at(clsQualNoun, k) < 0 &&
		x.at(clsDet, k) < 0 && x.endingAt(clsModifier, k) != k
}

// namedRun returns one past the end of a named subject starting at j ("Mr.
// Blinken", "he", "the ministry"), or j.
func (x *paraIndex) namedRun(j int) int {
	if !x.namedAt(j) {
		return j
	}
	k := j
	if e := x.at(clsAnaphor, k); e > 0 {
		k = e
	}
	if e := x.at(clsNamedSubject, k); e > 0 {
		return e
	}
	for k < x.n && (x.capitalized(k) || x.isPunct(k, ".") && k > j) {
		k++
	}
	return k
}

// namedSubjectBefore reports whether the speech verb at v has a named
// subject before it: "Antony J. Blinken said", "the Kremlin insisted", "he
// said", "Mr. Biden, who said". Bridges and a comma-bounded clause between
// subject and verb are skipped.
func (x *paraIndex) namedSubjectBefore(v, ss int) bool {
	k := v - 1
	for k >= ss {
		if s := x.endingAt(clsBridge, k); s >= ss {
			k = s - 1
			continue
		}
		if x.text(k) == "who" || x.text(k) == "which" {
			k--
			continue
		}
		if x.isPunct(k, ",") {
			// Skip back over a parenthetical clause to the comma that opens it.
			j := k - 1
			for j >= ss && !x.isPunct(j, ",") {
				j--
			}
			if j < ss || !x.clauseOpener(j+1) {
				return false // an inverted ", said Ms. Ruiz": its speech is before it
			}
			if x.namedAt(j-1) || x.at(clsNamedSubject, j-1) >= 0 {
				return true
			}
			k = j - 1
			continue
		}
		break
	}
	if k < ss {
		return false
	}
	if x.at(clsNamedSubject, k) >= 0 {
		return true
	}
	if !x.capitalized(k) || x.at(clsNoun, k) >= 0 || x.at(clsQualNoun, k) >= 0 {
		return false
	}
	// A capitalized word at the start of the sentence may be an opener
	// ("But said ..."): only a word listed as a function word is.
	return x.endingAt(clsFunction, k) != k
}

// clauseOpener reports whether token k opens a relative clause or an
// appositive: "who", "which", "whose" or a determiner.
func (x *paraIndex) clauseOpener(k int) bool {
	if k >= x.n {
		return false
	}
	switch x.text(k) {
	case "who", "which", "whose":
		return true
	}
	return x.at(clsDet, k) >= 0 || x.at(clsAnaphor, k) >= 0
}
