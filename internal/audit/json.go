package audit

import (
	"encoding/json"
	"io"
	"math"
)

// JSONVersion is the version of the schema WriteJSON writes (README,
// "attrlint sources": the JSON schema). It grows only by new keys; a key
// that changes meaning or goes away is a new version.
const JSONVersion = 1

type jsonDesk struct {
	Version int         `json:"version"`
	Stories []jsonStory `json:"stories"`
	Desk    jsonTotalsD `json:"desk"`
}

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

type jsonTotals struct {
	Attributions         map[string]int `json:"attributions"`
	Sources              map[string]int `json:"sources"`
	Quotations           int            `json:"quotations"`
	Claims               int            `json:"claims"`
	NamedQuotations      int            `json:"namedQuotations"`
	AnonymousClaims      int            `json:"anonymousClaims"`
	NamedSources         int            `json:"namedSources"`
	AnonymousShare       float64        `json:"anonymousShare"`
	NamedQuotationShare  float64        `json:"namedQuotationShare"`
	AnonymousWithoutWhy  int            `json:"anonymousWithoutReason"`
	UnattributedQuotes   int            `json:"unattributedQuotations"`
	AttributionsTotal    int            `json:"attributionsTotal"`
	DistinctSourcesTotal int            `json:"sourcesTotal"`
}

func totalsJSON(t *Totals) jsonTotals {
	j := jsonTotals{Attributions: map[string]int{}, Sources: map[string]int{},
		Quotations: t.Quotations, Claims: t.Claims, NamedQuotations: t.NamedQuotations,
		AnonymousClaims: t.AnonymousClaims, NamedSources: t.NamedSources,
		AnonymousShare: round3(t.AnonymousShare()), NamedQuotationShare: round3(t.NamedQuotationShare()),
		AnonymousWithoutWhy: t.Attributions[Anonymous], UnattributedQuotes: t.Attributions[Unattributed]}
	for _, k := range Kinds {
		j.Attributions[k.String()] = t.Attributions[k]
		j.Sources[k.String()] = t.Sources[k]
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
	j := jsonStory{File: s.File, Sources: []jsonSource{}, Attributions: []jsonAttribution{},
		Quotations: []jsonQuotation{}, Totals: totalsJSON(&s.Totals), Notes: s.Notes}
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

// WriteJSON writes the desk as one JSON object (schema version
// JSONVersion), indented by two spaces.
func WriteJSON(w io.Writer, d *Desk) error {
	out := jsonDesk{Version: JSONVersion, Stories: make([]jsonStory, 0, len(d.Stories)),
		Desk: jsonTotalsD{Stories: len(d.Stories), Totals: totalsJSON(&d.Totals)}}
	for _, s := range d.Stories {
		out.Stories = append(out.Stories, storyJSON(s))
	}
	bw := newBuffer(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return err
	}
	return bw.Flush()
}
