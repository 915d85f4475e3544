// Package audit is the sourcing audit of `attrlint sources`: for each story,
// every attribution the attributions analyzer found (rules/sourcing) and
// every unattributed quotation check reported, each source resolved across
// its mentions ("Secretary of Defense Lloyd J. Austin III", "Mr. Austin",
// "he"), with per-story and desk totals; and its formats (text, json, csv,
// html).
//
// It is a view of the analyses check runs, not a second extractor: the
// engine (lint.Stream with Options.Keep) hands it each document with the
// results of the quotes and attributions analyzers and the findings check
// reports for it, and the audit reads them.
package audit

// Kind is the kind of a source as the audit reports it. References ("he",
// "the ministry") take the kind of the source they refer to.
type Kind uint8

// The kinds, in the order of the reports' columns and bars.
const (
	NamedPerson Kind = iota
	NamedInstitution
	AnonymousJustified
	Anonymous
	Vague
	Impersonal
	Unresolved
	Unattributed
	numKinds
)

// Kinds lists every kind in report order.
var Kinds = [numKinds]Kind{NamedPerson, NamedInstitution, AnonymousJustified, Anonymous, Vague, Impersonal, Unresolved, Unattributed}

var kindNames = [numKinds]string{
	"named-person", "named-institution", "anonymous-justified", "anonymous",
	"vague", "impersonal", "reference", "unattributed",
}

var kindLabels = [numKinds]string{
	"named person", "named institution", "anonymous, reason given", "anonymous, no reason",
	"vague crowd", "impersonal", "unresolved reference", "unattributed quotation",
}

// kindShort are the two-letter labels marks carry in the HTML report, so
// that no kind is told by colour alone.
var kindShort = [numKinds]string{"NP", "NI", "AR", "AN", "VG", "IM", "RF", "UQ"}

// String returns the kind's name as json and csv write it ("named-person").
func (k Kind) String() string {
	if k < numKinds {
		return kindNames[k]
	}
	return "unknown"
}

// Label returns the kind's name for people ("anonymous, no reason").
func (k Kind) Label() string {
	if k < numKinds {
		return kindLabels[k]
	}
	return "unknown"
}

// Named reports whether the kind names its source.
func (k Kind) Named() bool { return k == NamedPerson || k == NamedInstitution }

// Anon reports whether the kind is an unnamed source (with or without a
// reason).
func (k Kind) Anon() bool { return k == Anonymous || k == AnonymousJustified }

// A Position is a place in a story: 1-based line and column (code points)
// and the byte offset.
type Position struct {
	Line, Column, Offset int
}

// An Attribution is one attribution of a story: a source as written joined
// to its cue, or an unattributed quotation.
type Attribution struct {
	Start, End Position
	// Written is the source as the story writes it here ("he", "Mr.
	// Austin"); "" for an impersonal attribution without source words and
	// for an unattributed quotation.
	Written string
	// Cue is the attributing words ("said", "according to").
	Cue string
	// Kind is the source's kind; Reference is set when Written refers to
	// a source named before ("he", "the ministry").
	Kind      Kind
	Reference bool
	// Source is the index in Story.Sources of the source resolved.
	Source int
	// Quotation is the index in Story.Quotations of the direct quotation
	// this attribution credits; -1 for a paraphrased claim.
	Quotation int
	// Reason is, for an anonymous source whose anonymity the story
	// explains, the reason's words.
	Reason string
	// Finding is the rule check reports this attribution under
	// ("anonymous-source"), with its severity; "" when check reports
	// nothing here. Suppressed says why check reports nothing where the
	// rule would: "directive" or "config" ("" otherwise).
	Finding, Severity string
	Suppressed        string

	start, end int // byte offsets of the whole attribution (marks)
}

// A Quotation is a direct quotation credited to a source, or unattributed.
type Quotation struct {
	Start, End Position
	// Text is the quotation's words without the marks, every part of a
	// quotation interrupted by its attribution joined by " … ".
	Text string
	// Source is the index in Story.Sources of the source credited; -1 for
	// an unattributed quotation. Via is the words that credit it when
	// they are not the source's name ("he").
	Source int
	Via    string
}

// A Source is one source of a story, every mention of it merged.
type Source struct {
	// Name is the source as resolved: the fullest mention of a person
	// ("Secretary of Defense Lloyd J. Austin III"), an institution's or an
	// unnamed source's first mention.
	Name string
	// Person is a named person's name without title ("Lloyd J. Austin
	// III"); Title is the title or role the story gives ("Secretary of
	// Defense", "the ministry's spokesman").
	Person, Title string
	Kind          Kind
	// Mentions are the distinct ways the story writes the source, in
	// order of first appearance.
	Mentions []string
	// Quotations counts the direct quotations credited to the source;
	// Claims the paraphrased claims (attributions without a quotation).
	Quotations, Claims int
	// Lines are the lines where the source is mentioned, ascending.
	Lines []int

	key string
}

// Totals are the counts of a story or of the desk.
type Totals struct {
	// Attributions counts attributions by kind (references under the
	// kind of their source); Sources counts distinct sources by kind.
	Attributions [numKinds]int
	Sources      [numKinds]int
	// Quotations counts direct quotations (unattributed ones included),
	// Claims paraphrased claims; NamedQuotations the quotations credited
	// to a named person or institution, AnonymousClaims the quotations and
	// claims credited to an unnamed source (with or without a reason).
	Quotations, Claims, NamedQuotations, AnonymousClaims int
	// NamedSources counts distinct named people and institutions.
	NamedSources int
}

// AnonymousShare is the share of quotations and claims that rest on
// unnamed sources, 0 to 1 (0 when there are none).
func (t *Totals) AnonymousShare() float64 {
	return share(t.AnonymousClaims, t.Quotations-t.Attributions[Unattributed]+t.Claims)
}

// NamedQuotationShare is the share of direct quotations credited to named
// people and institutions, 0 to 1 (0 when there are none).
func (t *Totals) NamedQuotationShare() float64 { return share(t.NamedQuotations, t.Quotations) }

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// add adds u to t.
func (t *Totals) add(u *Totals) {
	for k := range t.Attributions {
		t.Attributions[k] += u.Attributions[k]
		t.Sources[k] += u.Sources[k]
	}
	t.Quotations += u.Quotations
	t.Claims += u.Claims
	t.NamedQuotations += u.NamedQuotations
	t.AnonymousClaims += u.AnonymousClaims
	t.NamedSources += u.NamedSources
}

// A Story is the audit of one file.
type Story struct {
	// File is the path as the user gave it.
	File         string
	Attributions []Attribution
	Sources      []Source
	Quotations   []Quotation
	Totals       Totals
	// Notes say what the audit could not count as check would: a rule
	// turned off by the config for this file, findings a directive
	// suppressed.
	Notes []string
}

// A Desk is the audit of a run: one row per story in path order, and
// their sum. Stories themselves are written as they come (Writer) and not
// kept: a desk of thousands holds their totals only.
type Desk struct {
	Rows   []Row
	Totals Totals
}

// A Row is a story's line of the desk.
type Row struct {
	File   string
	Totals Totals
}

// Add adds a story's row to the desk.
func (d *Desk) Add(s *Story) {
	d.Rows = append(d.Rows, Row{File: s.File, Totals: s.Totals})
	d.Totals.add(&s.Totals)
}
