package analysis

import (
	"fmt"
	"strings"

	"github.com/attrlint/attrlint/prose"
)

// Severity is how serious a finding is. The zero value is SeverityOff.
type Severity int

// Severities, from least to most serious. Off disables a rule.
const (
	SeverityOff Severity = iota
	SeverityInfo
	SeverityWarning
	SeverityError
)

var severityNames = [...]string{"off", "info", "warning", "error"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity parses "error", "warning", "info" or "off".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return SeverityOff, fmt.Errorf("unknown severity %q (want error, warning, info or off)", s)
}

// A Diagnostic is one finding in one document. Start and End are byte offsets
// into the document's text (prose.Document.Text); End is exclusive.
type Diagnostic struct {
	Start, End int
	Rule       string
	Severity   Severity
	Message    string
	// Related points at other places that explain the finding: for
	// cross-version rules, the counterpart in the older version.
	Related []Related
}

// Related is a location in the same or another document that explains a
// diagnostic.
type Related struct {
	// Doc is the document the location is in; nil means the diagnostic's own.
	Doc        *prose.Document
	Start, End int
	Message    string
}

// A Finding is a diagnostic placed in its document: what the driver sorts,
// filters and hands to a report.
type Finding struct {
	Doc *prose.Document
	Diagnostic
}
