package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/attrlint/attrlint/internal/lint"
)

// JSONVersion is the version of the schema WriteJSON writes (README,
// "attrlint sources": the JSON schema). It grows only by new keys; a key
// that changes meaning or goes away is a new version.
const JSONVersion = 1

type jsonTotalsD struct {
	Stories int        `json:"stories"`
	Totals  jsonTotals `json:"totals"`
}

type jsonStory struct {
	File         string            `json:"file"`
	Sources      []jsonSource      `json:"sources"`
	Attributions []jsonAttribution `json:"attributions"`
	Quotations   []jsonQuotation   `json:"quotations"`
	Totals       jsonTotals        `json:"totals"`
	Notes        []string          `json:"notes"`
}

type jsonSource struct {
	ID         int             `json:"id"`
	Name       string          `json:"name"`
	Person     string          `json:"person,omitempty"`
	Title      string          `json:"title,omitempty"`
	Kind       string          `json:"kind"`
	Mentions   []string        `json:"mentions"`
	Quotations []jsonQuotation `json:"quotations"`
	Claims     int             `json:"claims"`
	Lines      []int           `json:"lines"`
}

type jsonAttribution struct {
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	EndLine    int    `json:"endLine"`
	EndColumn  int    `json:"endColumn"`
	Written    string `json:"written"`
	Cue        string `json:"cue,omitempty"`
	Kind       string `json:"kind"`
	Reference  bool   `json:"reference"`
	Source     *int   `json:"source"`
	Quotation  *int   `json:"quotation"`
	Reason     string `json:"reason,omitempty"`
	Finding    *jsonF `json:"finding"`
	Suppressed string `json:"suppressed,omitempty"`
}

type jsonF struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
}

type jsonQuotation struct {
	ID        int    `json:"id"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Text      string `json:"text"`
	Source    *int   `json:"source"`
	Via       string `json:"via,omitempty"`
}

// jsonKinds are counts by kind, keyed by the kinds' names in report order.
type jsonKinds struct {
	NamedPerson        int `json:"named-person"`
	NamedInstitution   int `json:"named-institution"`
	AnonymousJustified int `json:"anonymous-justified"`
	Anonymous          int `json:"anonymous"`
	Vague              int `json:"vague"`
	Impersonal         int `json:"impersonal"`
	Reference          int `json:"reference"`
	Unattributed       int `json:"unattributed"`
}

func kindsJSON(a *[numKinds]int) jsonKinds {
	return jsonKinds{a[NamedPerson], a[NamedInstitution], a[AnonymousJustified], a[Anonymous], a[Vague], a[Impersonal], a[Unresolved], a[Unattributed]}
}

type jsonTotals struct {
	Attributions         jsonKinds `json:"attributions"`
	Sources              jsonKinds `json:"sources"`
	Quotations           int       `json:"quotations"`
	Claims               int       `json:"claims"`
	NamedQuotations      int       `json:"namedQuotations"`
	AnonymousClaims      int       `json:"anonymousClaims"`
	NamedSources         int       `json:"namedSources"`
	AnonymousShare       float64   `json:"anonymousShare"`
	NamedQuotationShare  float64   `json:"namedQuotationShare"`
	AnonymousWithoutWhy  int       `json:"anonymousWithoutReason"`
	UnattributedQuotes   int       `json:"unattributedQuotations"`
	AttributionsTotal    int       `json:"attributionsTotal"`
	DistinctSourcesTotal int       `json:"sourcesTotal"`
}

func totalsJSON(t *Totals) jsonTotals {
	j := jsonTotals{Attributions: kindsJSON(&t.Attributions), Sources: kindsJSON(&t.Sources),
		Quotations: t.Quotations, Claims: t.Claims, NamedQuotations: t.NamedQuotations,
		AnonymousClaims: t.AnonymousClaims, NamedSources: t.NamedSources,
		AnonymousShare: round3(t.AnonymousShare()), NamedQuotationShare: round3(t.NamedQuotationShare()),
		AnonymousWithoutWhy: t.Attributions[Anonymous], UnattributedQuotes: t.Attributions[Unattributed]}
	for _, k := range Kinds {
		j.AttributionsTotal += t.Attributions[k]
		j.DistinctSourcesTotal += t.Sources[k]
	}
	return j
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

func intp(i int) *int {
	if i < 0 {
		return nil
	}
	return &i
}

func quotationJSON(i int, q *Quotation) jsonQuotation {
	return jsonQuotation{ID: i, Line: q.Start.Line, Column: q.Start.Column, EndLine: q.End.Line, EndColumn: q.End.Column,
		Text: q.Text, Source: intp(q.Source), Via: q.Via}
}

func storyJSON(s *Story) jsonStory {
	j := jsonStory{File: s.File, Sources: make([]jsonSource, 0, len(s.Sources)), Attributions: make([]jsonAttribution, 0, len(s.Attributions)),
		Quotations: make([]jsonQuotation, 0, len(s.Quotations)), Totals: totalsJSON(&s.Totals), Notes: s.Notes}
	if j.Notes == nil {
		j.Notes = []string{}
	}
	for i := range s.Sources {
		src := &s.Sources[i]
		js := jsonSource{ID: i, Name: src.Name, Person: src.Person, Title: src.Title, Kind: src.Kind.String(),
			Mentions: src.Mentions, Quotations: []jsonQuotation{}, Claims: src.Claims, Lines: src.Lines}
		if js.Mentions == nil {
			js.Mentions = []string{}
		}
		if js.Lines == nil {
			js.Lines = []int{}
		}
		j.Sources = append(j.Sources, js)
	}
	for i := range s.Quotations {
		q := &s.Quotations[i]
		jq := quotationJSON(i, q)
		j.Quotations = append(j.Quotations, jq)
		if q.Source >= 0 {
			j.Sources[q.Source].Quotations = append(j.Sources[q.Source].Quotations, jq)
		}
	}
	for i := range s.Attributions {
		a := &s.Attributions[i]
		ja := jsonAttribution{Line: a.Start.Line, Column: a.Start.Column, EndLine: a.End.Line, EndColumn: a.End.Column,
			Written: a.Written, Cue: a.Cue, Kind: a.Kind.String(), Reference: a.Reference,
			Source: intp(a.Source), Quotation: intp(a.Quotation), Reason: a.Reason, Suppressed: a.Suppressed}
		if a.Finding != "" {
			ja.Finding = &jsonF{Rule: a.Finding, Severity: a.Severity}
		}
		j.Attributions = append(j.Attributions, ja)
	}
	return j
}

// jsonWriter writes the desk as one JSON object (schema version
// JSONVersion), indented by two spaces, a story at a time.
type jsonWriter struct {
	w   *bufio.Writer
	n   int
	buf bytes.Buffer
	enc *json.Encoder
}

func newJSONWriter(w io.Writer) *jsonWriter {
	j := &jsonWriter{w: newBuffer(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	fmt.Fprintf(j.w, "{\n  \"version\": %d,\n  \"stories\": [", JSONVersion)
	return j
}

func (j *jsonWriter) encode(v any, prefix string) error {
	j.buf.Reset()
	j.enc.SetIndent(prefix, "  ")
	if err := j.enc.Encode(v); err != nil {
		return err
	}
	_, err := j.w.Write(bytes.TrimRight(j.buf.Bytes(), "\n"))
	return err
}

func (j *jsonWriter) Story(s *Story, _ *lint.FileResult) error {
	if j.n > 0 {
		j.w.WriteString(",")
	}
	j.n++
	j.w.WriteString("\n    ")
	return j.encode(storyJSON(s), "    ")
}

func (j *jsonWriter) Close(d *Desk) error {
	if j.n > 0 {
		j.w.WriteString("\n  ")
	}
	j.w.WriteString("],\n  \"desk\": ")
	if err := j.encode(jsonTotalsD{Stories: len(d.Rows), Totals: totalsJSON(&d.Totals)}, "  "); err != nil {
		return err
	}
	j.w.WriteString("\n}\n")
	return j.w.Flush()
}
