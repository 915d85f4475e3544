package report

import (
	"bufio"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/baseline"
	"github.com/attrlint/attrlint/prose"
)

// SARIF schema and version written by the sarif format.
const (
	SARIFVersion = "2.1.0"
	SARIFSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

// FingerprintKey is the partialFingerprints key of SARIF results: the
// fingerprint the baseline uses (baseline.Fingerprint), versioned so that a
// change of its recipe is a new key rather than a silent mismatch.
const FingerprintKey = "attrlintFingerprint/v1"

// SARIF writes the run as one SARIF 2.1.0 log with one run, as GitHub code
// scanning and other SARIF viewers read it: the tool's rules with their
// descriptions, help text and help URI, and one result per finding with its
// rule, level, message, region (columns in UTF-16 code units, declared by
// columnKind), related locations and a partial fingerprint that survives
// unrelated edits. Options are ignored.
//
// Streamed (Starter), the rules described are those of the run; a finding
// of a rule the run does not describe names its rule by id only. Written
// whole (SARIF), the findings' undescribed rules are described too.
func SARIF(w io.Writer, run *Run, opt Options) error {
	return batch(startSARIF)(w, run, opt)
}

type sarifWriter struct {
	w         *bufio.Writer
	index     map[string]int
	revisions map[string]Revision
	arr       *jsonArray
	tail      []byte
	err       error
}

func startSARIF(w io.Writer, run *Run, _ Options) Writer {
	rules, index := sarifRules(run)
	s := &sarifWriter{w: newBuffer(w), index: index, revisions: run.Revisions}
	log := sarifLog{
		Schema:  SARIFSchema,
		Version: SARIFVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           "attrlint",
				Version:        run.Version,
				InformationURI: "https://github.com/attrlint/attrlint",
				Rules:          rules,
			}},
			ColumnKind: "utf16CodeUnits",
			Results:    []sarifResult{},
		}},
	}
	head, tail, indent, err := splitAt(&log, "results")
	if err != nil {
		s.err = err
		return s
	}
	s.w.Write(head)
	s.tail = tail
	s.arr = newJSONArray(s.w, indent)
	return s
}

func (s *sarifWriter) Write(fs []analysis.Finding) error {
	if s.err != nil {
		return s.err
	}
	for i := range fs {
		f := &fs[i]
		var index *int
		if n, ok := s.index[f.Rule]; ok {
			index = &n
		}
		if err := s.arr.add(sarifResultOf(f, index, s.revisions)); err != nil {
			s.err = err
			return err
		}
	}
	return nil
}

func (s *sarifWriter) Close(int) error {
	if s.err != nil {
		return s.err
	}
	s.arr.close()
	s.w.Write(s.tail)
	return s.w.Flush()
}

// sarifRules describes the run's rules, then any rule a finding names that
// the run did not describe, and returns the index of each id.
func sarifRules(run *Run) ([]sarifRule, map[string]int) {
	index := map[string]int{}
	var out []sarifRule
	add := func(r Rule) {
		if _, dup := index[r.ID]; dup {
			return
		}
		index[r.ID] = len(out)
		out = append(out, sarifRuleOf(r))
	}
	for _, r := range run.Rules {
		add(r)
	}
	for i := range run.Findings {
		if _, ok := index[run.Findings[i].Rule]; !ok {
			add(Rule{ID: run.Findings[i].Rule, Default: run.Findings[i].Severity})
		}
	}
	if out == nil {
		out = []sarifRule{}
	}
	return out, index
}

func sarifRuleOf(r Rule) sarifRule {
	summary := firstLine(r.Summary)
	if summary == "" {
		summary = r.ID
	}
	full := strings.TrimSpace(r.Doc)
	if full == "" {
		full = summary
	}
	level := sarifLevel(r.Default)
	return sarifRule{
		ID:               r.ID,
		ShortDescription: sarifText{Text: summary},
		FullDescription:  sarifText{Text: unwrap(full)},
		HelpURI:          r.HelpURI,
		Help:             sarifText{Text: full + "\n\nRun `attrlint explain " + r.ID + "` for examples and options."},
		DefaultConfiguration: sarifConfiguration{
			Level:   level,
			Enabled: r.Default != analysis.SeverityOff,
		},
	}
}

func sarifResultOf(f *analysis.Finding, ruleIndex *int, revisions map[string]Revision) sarifResult {
	res := sarifResult{
		RuleID:              f.Rule,
		RuleIndex:           ruleIndex,
		Level:               sarifLevel(f.Severity),
		Message:             sarifText{Text: f.Message},
		PartialFingerprints: map[string]string{FingerprintKey: baseline.Fingerprint(f)},
	}
	if f.Doc == nil {
		return res
	}
	res.Locations = []sarifLocation{sarifLocationOf(f.Doc, f.Start, f.End, nil)}
	for i := range f.Related {
		r := &f.Related[i]
		id := i
		doc := relatedDoc(f, r)
		loc := sarifLocationOf(doc, r.Start, r.End, &sarifRelated{id: id, message: r.Message})
		if rev, ok := revisions[doc.Path]; ok {
			// An earlier version from git: the file's URI in the
			// repository, and at which revision, not "HEAD:path",
			// which no viewer can resolve.
			loc.PhysicalLocation.ArtifactLocation.URI = sarifURI(rev.Path)
			loc.Properties = &sarifRevision{Revision: rev.Rev, Commit: rev.Commit}
		}
		res.RelatedLocations = append(res.RelatedLocations, loc)
	}
	return res
}

type sarifRelated struct {
	id      int
	message string
}

func sarifLocationOf(doc *prose.Document, start, end int, rel *sarifRelated) sarifLocation {
	loc := locate(doc, start, end)
	line, col := doc.Position16(loc.start)
	endLine, endCol := doc.Position16(loc.end)
	l := sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: sarifURI(doc.Path)},
		Region:           sarifRegion{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol},
	}}
	if rel != nil {
		id := rel.id
		l.ID = &id
		if rel.message != "" {
			l.Message = &sarifText{Text: rel.message}
		}
	}
	return l
}

// sarifURI turns a path as the user gave it into a URI reference: a
// relative path stays relative (code scanning resolves it against the
// repository root), an absolute one becomes a file URI.
func sarifURI(path string) string {
	slash := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(slash, "/") {
			slash = "/" + slash // C:/drafts -> /C:/drafts
		}
		return "file://" + (&url.URL{Path: slash}).EscapedPath()
	}
	slash = strings.TrimPrefix(slash, "./")
	u := (&url.URL{Path: slash}).EscapedPath()
	// A colon in the first segment would read as a scheme.
	if i := strings.IndexAny(u, ":/"); i >= 0 && u[i] == ':' {
		u = "./" + u
	}
	return u
}

func sarifLevel(s analysis.Severity) string {
	switch s {
	case analysis.SeverityError:
		return "error"
	case analysis.SeverityWarning:
		return "warning"
	case analysis.SeverityInfo:
		return "note"
	}
	return "none"
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// unwrap joins the hard-wrapped lines of a YAML doc block into paragraphs.
func unwrap(s string) string {
	paras := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

// The types below are the part of the SARIF 2.1.0 schema attrlint writes;
// field order is key order.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	HelpURI              string             `json:"helpUri,omitempty"`
	Help                 sarifText          `json:"help"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level   string `json:"level"`
	Enabled bool   `json:"enabled"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	ID               *int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	Message          *sarifText     `json:"message,omitempty"`
	Properties       *sarifRevision `json:"properties,omitempty"`
}

// sarifRevision is the property bag of a location in a file's content at a
// git revision: the revision as given, and the commit it named.
type sarifRevision struct {
	Revision string `json:"revision"`
	Commit   string `json:"commit,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}
