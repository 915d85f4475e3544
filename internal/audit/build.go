package audit

import (
	"fmt"
	"sort"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/quotes"
	"github.com/attrlint/attrlint/rules/sourcing"
)

// Analyzers are the extraction analyzers the audit reads: the engine keeps
// their results for it (lint.Options.Keep).
var Analyzers = []*analysis.Analyzer{quotes.Quotes, sourcing.Attributions}

// referenceWindow is how many paragraphs back a reference the attributions
// analyzer left unresolved looks for its source.
const referenceWindow = 2

// Build audits one checked input. fr must come from a run with
// lint.Options.Keep set to Analyzers; nil when it holds no document (an
// input that was skipped or could not be read).
func Build(fr *lint.FileResult) *Story {
	if !fr.Checked || fr.Doc == nil {
		return nil
	}
	set, _ := fr.Results[sourcing.Attributions].(*sourcing.AttributionSet)
	qs, _ := fr.Results[quotes.Quotes].(*quotes.QuoteSet)
	b := &builder{doc: fr.Doc, set: set, qs: qs, story: &Story{File: fr.Path}, keys: map[string]int{}, quoteOf: map[int]int{}}
	b.rules(fr.Rules)
	b.findings(fr.Unfiltered, fr.Findings)
	b.attributions()
	b.unattributed()
	b.totals()
	return b.story
}

type builder struct {
	doc   *prose.Document
	set   *sourcing.AttributionSet
	qs    *quotes.QuoteSet
	story *Story

	// keys are the sources by resolution key; srcOf[i] the source of
	// set.Items[i], -1 before it is resolved.
	keys  map[string]int
	srcOf []int
	// quoteOf maps a quotation of qs to its entry in story.Quotations.
	quoteOf map[int]int

	// The rules of the file that report attributions and quotations, by
	// what they report: on is set when at least one such rule runs.
	anonOn, vagueOn, unattrOn bool
	// found are check's findings by start offset and reporting kind;
	// final those left after directives.
	found, final []analysis.Finding
	unattrIDs    map[string]bool
	kindOf       map[string]uint8
}

const (
	whatAnon uint8 = iota
	whatVague
	whatUnattributed
)

func (b *builder) rules(rs []*rules.Rule) {
	b.unattrIDs = map[string]bool{}
	b.kindOf = map[string]uint8{}
	var anonIDs, vagueIDs []string
	for _, r := range rs {
		switch {
		case r.Kind == sourcing.AnonymousSourceKind:
			anonIDs = append(anonIDs, r.ID)
			b.kindOf[r.ID] = whatAnon
			b.anonOn = b.anonOn || r.Severity != analysis.SeverityOff
		case r.Kind == sourcing.VagueKind:
			vagueIDs = append(vagueIDs, r.ID)
			b.kindOf[r.ID] = whatVague
			b.vagueOn = b.vagueOn || r.Severity != analysis.SeverityOff
		case quotes.ReportsUnattributed(r):
			b.unattrIDs[r.ID] = true
			b.unattrOn = b.unattrOn || r.Severity != analysis.SeverityOff
		}
	}
	note := func(on bool, ids []string, kind, what string) {
		if on {
			return
		}
		// A rule turned off is not among the file's rules: name the
		// kind's own rule.
		name := kind
		if len(ids) > 0 {
			name = strings.Join(ids, ", ")
		}
		b.story.Notes = append(b.story.Notes, fmt.Sprintf("%s is off for this file (config): %s are listed but check does not report them", name, what))
	}
	note(b.anonOn, anonIDs, sourcing.AnonymousSourceKind.Name, "anonymous sources without a reason")
	note(b.vagueOn, vagueIDs, sourcing.VagueKind.Name, "vague and impersonal attributions")
	note(b.unattrOn, keysOf(b.unattrIDs), "unattributed-quote", "unattributed quotations")
}

func keysOf(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// findings keeps check's findings on the file, unfiltered as the rules
// reported them and final after inline directives; both are sorted by
// position.
func (b *builder) findings(unfiltered, final []analysis.Finding) {
	b.found, b.final = byStart(unfiltered), byStart(final)
}

// byStart returns fs sorted by start offset (a sorted copy when it is not).
func byStart(fs []analysis.Finding) []analysis.Finding {
	if sort.SliceIsSorted(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start }) {
		return fs
	}
	fs = append([]analysis.Finding(nil), fs...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start })
	return fs
}

// lookup returns the finding among fs (sorted by start) that starts at
// start from a rule reporting what, or nil.
func (b *builder) lookup(fs []analysis.Finding, start int, what uint8) *analysis.Finding {
	i := sort.Search(len(fs), func(i int) bool { return fs[i].Start >= start })
	for ; i < len(fs) && fs[i].Start == start; i++ {
		f := &fs[i]
		if b.unattrIDs[f.Rule] {
			if what == whatUnattributed {
				return f
			}
			continue
		}
		if w, ok := b.ruleWhat(f.Rule); ok && w == what {
			return f
		}
	}
	return nil
}

// ruleWhat tells what a rule reports, by the kind of the rule of that id.
func (b *builder) ruleWhat(id string) (uint8, bool) {
	if b.kindOf == nil {
		return 0, false
	}
	k, ok := b.kindOf[id]
	return k, ok
}

// attributions turns the analyzer's attributions into the story's, each
// resolved to its source.
func (b *builder) attributions() {
	if b.set == nil {
		return
	}
	items := b.set.Items
	b.srcOf = make([]int, len(items))
	for i := range b.srcOf {
		b.srcOf[i] = -1
	}
	b.story.Attributions = make([]Attribution, 0, len(items)+2)
	for i := range items {
		a := &items[i]
		src, kind, ref := b.resolve(i, 0)
		at := Attribution{
			Start:     b.pos(a.Span.Start),
			End:       b.pos(a.Span.End),
			Written:   oneLine(a.SourceText),
			Cue:       oneLine(b.text(a.Cue)),
			Kind:      kind,
			Reference: ref,
			Source:    src,
			Quotation: -1,
			start:     a.Span.Start,
			end:       a.Span.End,
		}
		if a.Reason.Len() > 0 {
			at.Reason = oneLine(b.text(a.Reason))
		}
		s := &b.story.Sources[src]
		if a.Quote >= 0 && b.qs != nil && a.Quote < len(b.qs.Quotes) && b.qs.Quotes[a.Quote].Full {
			qi, isNew := b.quotation(a.Quote, src, at.Written, s)
			at.Quotation = qi
			if isNew {
				s.Quotations++
			}
		} else {
			s.Claims++
		}
		b.check(&at, a)
		b.mention(s, at.Written, at.Start.Line)
		b.story.Attributions = append(b.story.Attributions, at)
	}
	// Quotations that continue a credited one belong to its source.
	if b.qs != nil {
		for qi := range b.qs.Quotes {
			q := &b.qs.Quotes[qi]
			if q.Cue != "continuation" {
				continue
			}
			for pj := qi - 1; pj >= 0; pj-- {
				if e, ok := b.quoteOf[pj]; ok && b.qs.Quotes[pj].CueSpan == q.CueSpan {
					sq := &b.story.Quotations[e]
					sq.Text += " … " + b.quoteText(q)
					sq.End = b.pos(q.Span.End)
					b.quoteOf[qi] = e
					if sq.Source >= 0 {
						s := &b.story.Sources[sq.Source]
						s.Lines = addLine(s.Lines, b.pos(q.Span.Start).Line)
					}
					break
				}
			}
		}
	}
}

// check sets what check reports of the attribution.
func (b *builder) check(at *Attribution, a *sourcing.Attribution) {
	var what uint8
	on := false
	switch a.Kind {
	case sourcing.Anonymous, sourcing.AnonymousJustified:
		what, on = whatAnon, b.anonOn
	case sourcing.Vague, sourcing.Impersonal:
		what, on = whatVague, b.vagueOn
	default:
		return
	}
	if f := b.lookup(b.final, a.Span.Start, what); f != nil {
		at.Finding, at.Severity = f.Rule, f.Severity.String()
		return
	}
	if b.lookup(b.found, a.Span.Start, what) != nil {
		at.Suppressed = "directive"
		return
	}
	if !on && a.Kind.Reported() {
		at.Suppressed = "config"
	}
}

// quotation records quotation qi of the quotes analyzer as credited to
// source src through the words via, once; it returns its index in
// story.Quotations and whether it is new.
func (b *builder) quotation(qi, src int, via string, s *Source) (int, bool) {
	if e, ok := b.quoteOf[qi]; ok {
		return e, false
	}
	q := &b.qs.Quotes[qi]
	sq := Quotation{Start: b.pos(q.Span.Start), End: b.pos(q.Span.End), Text: b.quoteText(q), Source: src}
	if src >= 0 && !strings.EqualFold(via, s.Name) {
		sq.Via = via
	}
	b.story.Quotations = append(b.story.Quotations, sq)
	b.quoteOf[qi] = len(b.story.Quotations) - 1
	if src >= 0 {
		s.Lines = addLine(s.Lines, sq.Start.Line)
	}
	return len(b.story.Quotations) - 1, true
}

func (b *builder) quoteText(q *quotes.Quotation) string {
	parts := q.Parts
	if len(parts) == 0 {
		parts = []prose.Span{q.Content}
	}
	texts := make([]string, 0, len(parts))
	for _, p := range parts {
		texts = append(texts, oneLine(b.text(p)))
	}
	return strings.Join(texts, " … ")
}

// resolve returns the source of item i (creating it), its kind, and
// whether the item is a reference to a source named before.
func (b *builder) resolve(i, depth int) (int, Kind, bool) {
	a := &b.set.Items[i]
	if b.srcOf[i] >= 0 {
		s := b.srcOf[i]
		return s, b.story.Sources[s].Kind, a.Kind == sourcing.Reference
	}
	var key, name string
	kind := NamedPerson
	title := ""
	person := ""
	written := oneLine(a.SourceText)
	k := a.Kind
	span := a.Source
	if k == sourcing.Reference {
		if j := b.referent(i); j >= 0 && depth < 8 {
			s, kk, _ := b.resolve(j, depth+1)
			b.srcOf[i] = s
			return s, kk, true
		}
		// The quotes analyzer resolved the pronoun to a person it names
		// ("The Kremlin spokesman, Dmitri S. Peskov, ... “...,” he said").
		if sp := b.speaker(a); sp != "" {
			written, k, span = sp, sourcing.NamedPerson, b.qs.Quotes[a.Quote].SpeakerSpan
			if articles[strings.ToLower(strings.Fields(sp)[0])] {
				k = sourcing.NamedInstitution
			}
		}
	}
	if k == sourcing.NamedPerson && b.institutional(a) {
		k = sourcing.NamedInstitution
	}
	switch k {
	case sourcing.Reference:
		key, name, kind = "r:"+strings.ToLower(written), written, Unresolved
	case sourcing.NamedPerson:
		t, n, sur := personName(written)
		if sur == "" {
			sur = strings.ToLower(written)
		}
		key, name, title, person = "p:"+sur, written, t, n
		if title == "" || honorific(title) {
			title = b.appositive(span)
		}
	case sourcing.NamedInstitution:
		key, name, kind = "i:"+institutionKey(written), written, NamedInstitution
	case sourcing.Anonymous:
		key, name, kind = "a:"+institutionKey(written), written, Anonymous
	case sourcing.AnonymousJustified:
		key, name, kind = "j:"+institutionKey(written), written, AnonymousJustified
	case sourcing.Vague:
		key, name, kind = "v:"+institutionKey(written), written, Vague
	default:
		if written == "" {
			written = oneLine(b.text(a.Cue))
		}
		key, name, kind = "m:"+strings.ToLower(written), written, Impersonal
	}
	s, ok := b.keys[key]
	if !ok {
		b.story.Sources = append(b.story.Sources, Source{Name: name, Person: person, Title: title, Kind: kind, key: key})
		s = len(b.story.Sources) - 1
		b.keys[key] = s
	} else if kind == NamedPerson {
		// The fullest mention of a person is the source as resolved.
		src := &b.story.Sources[s]
		if len(strings.Fields(person)) > len(strings.Fields(src.Person)) {
			src.Person = person
			if title != "" || src.Title == "" {
				src.Name = name
			}
		}
		if src.Title == "" && title != "" {
			src.Title = title
		}
	}
	b.srcOf[i] = s
	return s, kind, a.Kind == sourcing.Reference
}

// speaker returns the speaker the quotes analyzer gives the quotation a
// reference credits, when it resolved the reference's pronoun to a name;
// "" otherwise.
func (b *builder) speaker(a *sourcing.Attribution) string {
	if a.Quote < 0 || b.qs == nil || a.Quote >= len(b.qs.Quotes) {
		return ""
	}
	q := &b.qs.Quotes[a.Quote]
	sp := oneLine(q.Speaker)
	if sp == "" || strings.EqualFold(sp, oneLine(a.SourceText)) || personPronouns[strings.ToLower(sp)] {
		return ""
	}
	return sp
}

// institutional reports whether a source the analyzer took for a person
// is an institution: the story writes an article before it ("the
// Kremlin", "the State Department").
func (b *builder) institutional(a *sourcing.Attribution) bool {
	t := b.doc.Text
	st := a.Source.Start
	if st < 4 || st > len(t) {
		return false
	}
	pre := strings.ToLower(string(t[st-4 : st]))
	return pre == "the "
}

// referent returns the index of the attribution a reference refers to:
// the analyzer's, else the quotation's speaker as the quotes analyzer
// resolved it, else for a personal pronoun the last named person within
// referenceWindow paragraphs, else for "it" the last institution, else for
// a second reference ("the official") the last unnamed source; -1 for
// none.
func (b *builder) referent(i int) int {
	a := &b.set.Items[i]
	if a.Ref >= 0 && a.Ref < len(b.set.Items) && a.Ref != i {
		return a.Ref
	}
	w := strings.ToLower(oneLine(a.SourceText))
	if a.Quote >= 0 && b.qs != nil && a.Quote < len(b.qs.Quotes) {
		if sp := b.qs.Quotes[a.Quote].Speaker; sp != "" && !strings.EqualFold(sp, a.SourceText) {
			_, _, sur := personName(sp)
			for j := i - 1; j >= 0; j-- {
				if b.set.Items[j].Kind == sourcing.NamedPerson {
					if _, _, s2 := personName(b.set.Items[j].SourceText); s2 == sur && sur != "" {
						return j
					}
				}
			}
		}
	}
	want := func(k sourcing.SourceKind) bool {
		switch {
		case personPronouns[w]:
			return k == sourcing.NamedPerson
		case w == "it" || w == "they":
			return k == sourcing.NamedInstitution
		default:
			return k == sourcing.Anonymous || k == sourcing.AnonymousJustified || k == sourcing.NamedInstitution
		}
	}
	for j := i - 1; j >= 0 && b.set.Items[j].Para >= a.Para-referenceWindow; j-- {
		k := b.set.Items[j].Kind
		if want(k) {
			if k == sourcing.NamedInstitution && !personPronouns[w] && w != "it" && w != "they" &&
				!sameHead(w, b.set.Items[j].SourceText) {
				continue
			}
			if (k == sourcing.Anonymous || k == sourcing.AnonymousJustified) && !sameHead(w, b.set.Items[j].SourceText) {
				continue
			}
			return j
		}
	}
	return -1
}

// sameHead reports whether a second reference ("the ministry", "the
// official") ends with the head noun of a mention ("The Russian Defense
// Ministry", "a senior American official"), plural or not.
func sameHead(ref, mention string) bool {
	rw, mw := strings.Fields(ref), strings.Fields(strings.ToLower(mention))
	if len(rw) == 0 || len(mw) == 0 {
		return false
	}
	h1, h2 := strings.TrimSuffix(bare(rw[len(rw)-1]), "s"), strings.TrimSuffix(bare(mw[len(mw)-1]), "s")
	if h1 == h2 {
		return true
	}
	// The head may come before a clause: "a senior American official, who ...".
	for _, w := range mw {
		if strings.TrimSuffix(bare(w), "s") == h1 {
			return true
		}
	}
	return false
}

// appositive returns the title an appositive gives right before a name
// ("The Kremlin spokesman, Dmitri S. Peskov,") or right after it (", the
// mayor," after "Ana Ruiz"), or "".
func (b *builder) appositive(name prose.Span) string {
	t := b.doc.Text
	if st := name.Start; st > 2 && st <= len(t) && t[st-2] == ',' && t[st-1] == ' ' {
		lo := max(0, st-80)
		before := string(t[lo : st-2])
		if k := strings.LastIndexAny(before, ".,;:—\n“”\""); k >= 0 {
			before = before[k+1:]
		}
		ws := strings.Fields(before)
		if len(ws) >= 2 && len(ws) <= 6 && articles[strings.ToLower(ws[0])] {
			return oneLine(before)
		}
	}
	end := name.End
	if end < 0 || end+2 >= len(t) || t[end] != ',' {
		return ""
	}
	rest := t[end+1:]
	if len(rest) > 120 {
		rest = rest[:120]
	}
	s := strings.TrimLeft(string(rest), " ")
	ws := strings.Fields(s)
	if len(ws) < 2 || !articles[strings.ToLower(ws[0])] {
		return ""
	}
	k := strings.IndexAny(s, ",.;")
	if k < 0 || s[k] != ',' || len(strings.Fields(s[:k])) > 8 {
		return ""
	}
	return oneLine(s[:k])
}

// unattributed adds the quotations check reports as unattributed; when
// the file has no rule reporting them on, the quotations such a rule
// would report, as suppressed by the config.
func (b *builder) unattributed() {
	if b.qs == nil {
		return
	}
	for qi := range b.qs.Quotes {
		q := &b.qs.Quotes[qi]
		if _, done := b.quoteOf[qi]; done || q.Attributed() {
			continue
		}
		final, found := b.lookup(b.final, q.Span.Start, whatUnattributed), b.lookup(b.found, q.Span.Start, whatUnattributed)
		at := Attribution{Start: b.pos(q.Span.Start), End: b.pos(q.Span.End), Kind: Unattributed, Source: -1,
			start: q.Span.Start, end: q.Span.End}
		switch {
		case final != nil:
			at.Finding, at.Severity = final.Rule, final.Severity.String()
		case found != nil:
			at.Suppressed = "directive"
		case !b.unattrOn && q.Full && !q.Heading && !q.Unclosed:
			at.Suppressed = "config"
		default:
			continue
		}
		b.story.Quotations = append(b.story.Quotations, Quotation{Start: at.Start, End: at.End, Text: b.quoteText(q), Source: -1})
		b.quoteOf[qi] = len(b.story.Quotations) - 1
		at.Quotation = len(b.story.Quotations) - 1
		b.story.Attributions = append(b.story.Attributions, at)
	}
	sort.SliceStable(b.story.Attributions, func(i, j int) bool {
		return b.story.Attributions[i].start < b.story.Attributions[j].start
	})
}

// totals counts the story.
func (b *builder) totals() {
	t := &b.story.Totals
	for i := range b.story.Attributions {
		a := &b.story.Attributions[i]
		t.Attributions[a.Kind]++
		if a.Kind == Unattributed {
			continue
		}
		if a.Quotation < 0 {
			t.Claims++
			if a.Kind.Anon() {
				t.AnonymousClaims++
			}
		}
	}
	for i := range b.story.Quotations {
		q := &b.story.Quotations[i]
		t.Quotations++
		if q.Source < 0 {
			continue
		}
		k := b.story.Sources[q.Source].Kind
		if k.Named() {
			t.NamedQuotations++
		}
		if k.Anon() {
			t.AnonymousClaims++
		}
	}
	for i := range b.story.Sources {
		s := &b.story.Sources[i]
		t.Sources[s.Kind]++
		if s.Kind.Named() {
			t.NamedSources++
		}
	}
}

func (b *builder) mention(s *Source, written string, line int) {
	if written != "" {
		found := false
		for _, m := range s.Mentions {
			if m == written {
				found = true
				break
			}
		}
		if !found {
			s.Mentions = append(s.Mentions, written)
		}
	}
	s.Lines = addLine(s.Lines, line)
}

// addLine inserts line into the sorted lines, once.
func addLine(lines []int, line int) []int {
	i := sort.SearchInts(lines, line)
	if i < len(lines) && lines[i] == line {
		return lines
	}
	lines = append(lines, 0)
	copy(lines[i+1:], lines[i:])
	lines[i] = line
	return lines
}

func (b *builder) pos(off int) Position {
	off = min(max(off, 0), len(b.doc.Text))
	l, c := b.doc.Position(off)
	return Position{Line: l, Column: c, Offset: off}
}

func (b *builder) text(s prose.Span) string {
	if s.Start < 0 || s.End > len(b.doc.Text) || s.Start >= s.End {
		return ""
	}
	return string(b.doc.Text[s.Start:s.End])
}
