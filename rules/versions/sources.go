package versions

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/internal/words"
	"github.com/attrlint/attrlint/rules/sourcing"
)

// SourceRuleOptions are the options of a rule of kind attribution-dropped
// or source-changed: none besides the keys every rule has.
type SourceRuleOptions struct{}

// AttributionDroppedAnalyzer runs one rule of kind attribution-dropped
// over a series.
var AttributionDroppedAnalyzer = &analysis.Analyzer{
	Name:     "attribution-dropped",
	Doc:      "flag claims whose source a later version of the article dropped",
	Requires: []*analysis.Analyzer{sourcing.Attributions},
	Run:      func(pass *analysis.Pass) (any, error) { return runSourceRule(pass, false) },
	Series:   true,
}

// SourceChangedAnalyzer runs one rule of kind source-changed over a series.
var SourceChangedAnalyzer = &analysis.Analyzer{
	Name:     "source-changed",
	Doc:      "flag claims credited to a different source in a later version of the article",
	Requires: []*analysis.Analyzer{sourcing.Attributions},
	Run:      func(pass *analysis.Pass) (any, error) { return runSourceRule(pass, true) },
	Series:   true,
}

// AttributionDroppedKind is the kind "attribution-dropped".
var AttributionDroppedKind = &rules.Kind{
	Name:       "attribution-dropped",
	Analyzer:   AttributionDroppedAnalyzer,
	NewOptions: func() any { return new(SourceRuleOptions) },
	Compile: func(r *rules.Rule, _ any) (any, error) {
		return compileSourceRule(r, "the claim was credited to {old} in the earlier version and now has no source")
	},
}

// SourceChangedKind is the kind "source-changed".
var SourceChangedKind = &rules.Kind{
	Name:       "source-changed",
	Analyzer:   SourceChangedAnalyzer,
	NewOptions: func() any { return new(SourceRuleOptions) },
	Compile: func(r *rules.Rule, _ any) (any, error) {
		return compileSourceRule(r, "the claim was credited to {old} in the earlier version and is now credited to {new}")
	},
}

type sourceRule struct{ message string }

func compileSourceRule(r *rules.Rule, def string) (any, error) {
	msg := r.Message
	if msg == "" {
		msg = def
	}
	return &sourceRule{message: msg}, nil
}

// A sourceEdit is what became of one attribution of the older version.
type sourceEdit struct {
	old claimSource
	// new is the attribution that replaced it, when replaced is set;
	// otherwise the claim lost its source.
	new      claimSource
	replaced bool
	// at is where to report a drop in the new document: the aligned
	// sentence.
	at prose.Span
}

type sourceKey struct{ old *prose.Document }

// A srcID is what identifies a source across versions.
type srcID struct {
	kind sourcing.SourceKind // after resolving a Reference
	key  string              // surname, or the source's words
	// open is an unresolved Reference ("he said" with no antecedent
	// found): it may be anyone.
	open bool
	// definite is a source written as a definite common noun ("the
	// researcher"): it may stand for a person the story names.
	definite bool
}

func identify(set *sourcing.AttributionSet, i int) srcID {
	a := &set.Items[i]
	for hops := 0; a.Kind == sourcing.Reference && hops < 8; hops++ {
		if a.Ref < 0 || a.Ref >= len(set.Items) {
			return srcID{kind: sourcing.Reference, open: true}
		}
		a = &set.Items[a.Ref]
	}
	if a.Kind == sourcing.Reference {
		return srcID{kind: sourcing.Reference, open: true}
	}
	id := srcID{kind: a.Kind}
	switch a.Kind {
	case sourcing.NamedPerson:
		id.key = strings.ToLower(personSurname(a.SourceText))
	default:
		id.key = normalizeSource(a.SourceText)
		id.definite = a.Kind == sourcing.NamedInstitution && isDefinite(a.SourceText)
	}
	return id
}

// isDefinite reports whether a source is a definite common noun ("the
// supporters club", "the researcher"), which may stand for a name.
func isDefinite(s string) bool {
	fs := strings.Fields(s)
	if len(fs) < 2 || !strings.EqualFold(fs[0], "the") {
		return false
	}
	for _, w := range fs[1:] {
		if words.StartsUpper(w) {
			return false
		}
	}
	return true
}

// personSurname is the last name of a source written as a person's name,
// or its last capitalized word.
func personSurname(s string) string {
	if n := speakerSurname(s); n != "" {
		return n
	}
	fs := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	for i := len(fs) - 1; i >= 0; i-- {
		w := strings.TrimSuffix(strings.TrimSuffix(strings.Trim(fs[i], ".,"), "’s"), "'s")
		if words.StartsUpper(w) {
			return w
		}
	}
	return s
}

var determiners = map[string]bool{"the": true, "a": true, "an": true}

// normalizeSource is a source's words, lower-cased, without a leading
// article.
func normalizeSource(s string) string {
	fs := strings.Fields(strings.ToLower(foldApostrophe(s)))
	for len(fs) > 0 && determiners[fs[0]] {
		fs = fs[1:]
	}
	for i := range fs {
		fs[i] = strings.Trim(fs[i], ".,;:")
	}
	return strings.Join(fs, " ")
}

// sameSource reports whether two identified sources can be one.
func sameSource(a, b srcID) bool {
	if a.open || b.open {
		return true
	}
	if (a.definite && b.kind == sourcing.NamedPerson) || (b.definite && a.kind == sourcing.NamedPerson) {
		return true
	}
	if a.kind != b.kind {
		return false
	}
	if a.key == b.key {
		return true
	}
	switch a.kind {
	case sourcing.NamedInstitution:
		// "the Defense Ministry" and "the ministry".
		return shareWord(a.key, b.key)
	case sourcing.NamedPerson:
		return false
	}
	return false
}

// shareWord reports whether two normalized sources share a word of four
// letters or more.
func shareWord(a, b string) bool {
	in := map[string]bool{}
	for _, w := range strings.Fields(a) {
		if len(w) >= 4 {
			in[strings.TrimSuffix(w, "'s")] = true
		}
	}
	for _, w := range strings.Fields(b) {
		if in[strings.TrimSuffix(w, "'s")] {
			return true
		}
	}
	return false
}

// sourceEdits compares the attributions of the older version with those of
// the newer, sentence by aligned sentence, once for both rules.
func sourceEdits(pass *analysis.Pass, prev *analysis.Version, oldSet, newSet *sourcing.AttributionSet) []sourceEdit {
	return pass.Shared(sourceKey{prev.Doc}, func() any {
		return computeSourceEdits(pass, prev.Doc, oldSet, newSet)
	}).([]sourceEdit)
}

func computeSourceEdits(pass *analysis.Pass, oldDoc *prose.Document, oldSet, newSet *sourcing.AttributionSet) []sourceEdit {
	al := sharedAlignment(pass, oldDoc)
	oldBy, newBy := claimSources(oldDoc, oldSet), claimSources(pass.Doc, newSet)
	// The new sentences aligned with each old one.
	fromOld := make([][]int, len(al.old))
	for n, o := range al.toOld {
		if o >= 0 {
			fromOld[o] = append(fromOld[o], n)
		}
	}
	at := func(by map[[2]int][]claimSource, ss []versionSentence, i int) []claimSource {
		if i < 0 || i >= len(ss) {
			return nil
		}
		return by[[2]int{ss[i].para, ss[i].sent}]
	}
	var out []sourceEdit
	for o := range al.old {
		olds := at(oldBy, al.old, o)
		if len(olds) == 0 {
			continue
		}
		aligned := fromOld[o]
		if len(aligned) == 0 {
			continue // the sentence is gone, or rewritten beyond alignment
		}
		exact := false
		for _, n := range aligned {
			exact = exact || al.exact[n]
		}
		if exact {
			continue
		}
		// The window: the aligned new sentences and their neighbors; in
		// the old version, what the neighbors were.
		inWindow := map[int]bool{}
		for _, n := range aligned {
			inWindow[n] = true
		}
		var news, around []claimSource
		for _, n := range aligned {
			news = append(news, at(newBy, al.new, n)...)
		}
		var others []claimSource
		for _, n := range aligned {
			for _, m := range []int{n - 1, n + 1} {
				if m < 0 || m >= len(al.new) || inWindow[m] {
					continue
				}
				inWindow[m] = true
				around = append(around, at(newBy, al.new, m)...)
				if k := al.toOld[m]; k >= 0 && k != o {
					others = append(others, at(oldBy, al.old, k)...)
				}
			}
		}
		cands := append(append([]claimSource(nil), news...), around...)
		used := make([]bool, len(cands))
		match := func(id srcID, onlyExact bool) bool {
			for k := range cands {
				nid := cands[k].id
				if used[k] || (onlyExact && nid != id) || (!onlyExact && !sameSource(id, nid)) {
					continue
				}
				used[k] = true
				return true
			}
			return false
		}
		// The neighbors' own old sources take theirs first.
		for _, c := range others {
			match(c.id, true)
		}
		matched := make([]bool, len(olds))
		for i, c := range olds {
			matched[i] = c.kind == sourcing.Impersonal || match(c.id, true)
		}
		for i, c := range olds {
			matched[i] = matched[i] || match(c.id, false)
		}
		for i, c := range olds {
			if matched[i] {
				continue
			}
			e := sourceEdit{old: c}
			// A source left over in the aligned sentences replaced it.
			for x := range news {
				if !used[x] && news[x].kind != sourcing.Impersonal {
					used[x] = true
					e.new, e.replaced = news[x], true
					break
				}
			}
			if !e.replaced {
				left := false
				for x := range cands {
					left = left || !used[x]
				}
				if left || len(news) > 0 || wordsSurvive(c, al, o, aligned) {
					continue // a source is still there
				}
				s := al.new[aligned[0]]
				e.at = s.p.SrcSpan(s.p.Sentences[s.sent])
			}
			out = append(out, e)
		}
	}
	return out
}

// wordsSurvive reports whether the words of source c, the old sentence o's,
// are all still in the new sentences aligned with it, as often as in o
// ("The magazine specified" → "The magazine staff compiled the list and
// specified"): the source survives, written in a way the attributions
// analyzer does not join to a cue.
func wordsSurvive(c claimSource, al *alignment, o int, aligned []int) bool {
	if c.id.open {
		return false
	}
	var need []string
	if c.id.kind == sourcing.NamedPerson {
		need = []string{c.id.key}
	} else {
		for _, w := range strings.Fields(normalizeSource(c.text)) {
			if len(w) >= 3 && !determiners[w] {
				need = append(need, foldApostrophe(w))
			}
		}
	}
	if len(need) == 0 {
		return false
	}
	count := func(key, w string) int {
		n := 0
		for _, f := range strings.Fields(key) {
			if f == w {
				n++
			}
		}
		return n
	}
	for _, w := range need {
		n := 0
		for _, k := range aligned {
			n += count(al.new[k].key, w)
		}
		if n == 0 || n < count(al.old[o].key, w) {
			return false
		}
	}
	return true
}

func runSourceRule(pass *analysis.Pass, changed bool) (any, error) {
	rule, ok := pass.Options.(*sourceRule)
	if !ok {
		return nil, fmt.Errorf("%s: options are %T, want a compiled rule", pass.Analyzer.Name, pass.Options)
	}
	prev := previousVersion(pass)
	if prev == nil {
		return nil, nil
	}
	newSet, _ := pass.ResultOf[sourcing.Attributions].(*sourcing.AttributionSet)
	oldSet, _ := prev.ResultOf[sourcing.Attributions].(*sourcing.AttributionSet)
	if newSet == nil || oldSet == nil {
		return nil, fmt.Errorf("%s: the attributions analyzer gave no result", pass.Analyzer.Name)
	}
	for _, e := range sourceEdits(pass, prev, oldSet, newSet) {
		o := e.old
		oldText := describeSource(o)
		related := []analysis.Related{{Doc: prev.Doc, Start: o.span.Start, End: o.span.End,
			Message: "the earlier version credits it to " + oldText}}
		if !e.replaced {
			if changed {
				continue
			}
			msg := strings.NewReplacer("{old}", oldText, "{new}", "no one").Replace(rule.message)
			pass.Report(analysis.Diagnostic{Start: e.at.Start, End: e.at.End, Message: msg, Related: related})
			continue
		}
		if !changed {
			continue
		}
		n := e.new
		// A quotation's named speaker changing is speaker-changed's.
		if (o.quote || n.quote) && o.id.kind == sourcing.NamedPerson && n.id.kind == sourcing.NamedPerson {
			continue
		}
		msg := strings.NewReplacer("{old}", oldText, "{new}", describeSource(n)).Replace(rule.message)
		pass.Report(analysis.Diagnostic{Start: n.span.Start, End: n.span.End, Message: msg, Related: related})
	}
	return nil, nil
}

// kindPhrases name the kinds of source in messages.
var kindPhrases = map[sourcing.SourceKind]string{
	sourcing.NamedPerson:        "a named person",
	sourcing.NamedInstitution:   "a named institution",
	sourcing.Reference:          "a source named earlier",
	sourcing.Anonymous:          "an anonymous source",
	sourcing.AnonymousJustified: "an anonymous source whose anonymity is explained",
	sourcing.Vague:              "a vague source",
	sourcing.Impersonal:         "no one in particular",
}

// describeSource says what kind of source c is and quotes its words: `a
// named person, "Maj. Gen. Igor Konashenkov"`.
func describeSource(c claimSource) string {
	kind := c.kind
	if kind == sourcing.Reference && !c.id.open {
		kind = c.id.kind
	}
	if c.text == "" {
		return kindPhrases[kind]
	}
	return kindPhrases[kind] + ", " + strconv.Quote(strings.Join(strings.Fields(c.text), " "))
}
