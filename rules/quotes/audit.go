package quotes

import "github.com/attrlint/attrlint/rules"

// ReportsUnattributed reports whether r is a rule of kind quote that
// reports unattributed quotations (check: unattributed, the default), as
// unattributed-quote does: the sources audit counts its findings as the
// unattributed quotations of a story.
func ReportsUnattributed(r *rules.Rule) bool {
	if r == nil || r.Kind != Kind {
		return false
	}
	qr, ok := r.Options.(*quoteRule)
	return ok && qr.opts.Check == "unattributed"
}
