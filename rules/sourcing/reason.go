package sourcing

// outcome is what the rule concludes about one anonymous source.
type outcome int

// Outcomes, each with its own message.
const (
	outcomeNoReason  outcome = iota // nothing about the anonymity
	outcomeKnowledge                // how the source knows, but no reason
	outcomeNonReason                // "declined to be named": a preference, not a reason
	outcomeWeak                     // a boilerplate reason
	outcomeJustified                // a reason
	numOutcomes
)

// sentenceFacts is what one sentence says about anonymity.
type sentenceFacts struct {
	reason, weak, marker, knowledge bool
	// newSource: the sentence introduces a source of its own ("A city
	// engineer, who spoke on condition of anonymity because ..."), so its
	// reason belongs to that source, not to one in the sentence before.
	newSource bool
}

// maxLinkGap is how many tokens may separate an anonymity marker from the
// word that introduces its reason ("anonymity, because").
const maxLinkGap = 2

// facts returns what sentence s of the paragraph says about anonymity.
func (x *paraIndex) facts(s int) sentenceFacts {
	if x.lastFacts == s+1 {
		return x.lastFactsVal // several sources in one sentence
	}
	f := x.computeFacts(s)
	x.lastFacts, x.lastFactsVal = s+1, f
	return f
}

func (x *paraIndex) computeFacts(s int) sentenceFacts {
	var f sentenceFacts
	a, b := x.sentence(s)
	for k := a; k < b; k++ {
		if d := x.at(clsDet, k); d >= 0 && !f.newSource {
			f.newSource = k == a && x.at(clsAnaphor, a) < 0 || x.nounWithin(d, min(d+firstRefReach, b))
		}
		if x.at(clsReason, k) >= 0 {
			f.reason = true
		}
		if x.at(clsWeakReason, k) >= 0 {
			f.weak = true
		}
		if x.at(clsKnowledge, k) >= 0 {
			f.knowledge = true
		}
		if e := x.at(clsMarker, k); e >= 0 {
			f.marker = true
			for j := e; j <= e+maxLinkGap && j < x.n; j++ {
				if x.at(clsReasonLink, j) >= 0 {
					f.reason = true
					break
				}
				if !x.isPunct(j, ",") {
					break
				}
			}
		}
	}
	return f
}

// firstRefReach is how many tokens may stand between a determiner and the
// noun of a first reference ("two senior administration officials").
const firstRefReach = 4

// nounWithin reports whether a source noun starts at one of tokens [from, to).
func (x *paraIndex) nounWithin(from, to int) bool {
	for j := from; j < to; j++ {
		if x.at(clsNoun, j) == j+1 || x.at(clsQualNoun, j) == j+1 {
			return true
		}
	}
	return false
}

// judge decides the outcome for a source from its own sentence and the next
// one: a reason in either justifies it, unless the next sentence brings in a
// source of its own, whose reason it is.
func judge(own, next sentenceFacts, t tailInfo) outcome {
	if next.newSource {
		next = sentenceFacts{}
	}
	switch {
	case own.reason || next.reason:
		return outcomeJustified
	case own.weak || next.weak:
		return outcomeWeak
	case own.marker || t.marker:
		return outcomeNonReason
	case own.knowledge || t.knowledge:
		return outcomeKnowledge
	}
	return outcomeNoReason
}
