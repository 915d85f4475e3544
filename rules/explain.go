package rules

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

// Explain writes what `attrlint explain RULE` prints for r: its summary,
// kind and severities, its documentation, its examples and the options it
// takes. The language server shows the same text on hover.
func Explain(w io.Writer, r *Rule) {
	fmt.Fprintf(w, "%s: %s\n\n", r.ID, r.Summary)
	fmt.Fprintf(w, "Kind: %s. Default severity: %s. Severity now: %s. Defined in %s.\n", r.Kind.Name, r.Default, r.Severity, r.Source)
	if doc := strings.TrimSpace(r.Doc); doc != "" {
		fmt.Fprintf(w, "\n%s\n", doc)
	}
	if len(r.Examples) > 0 {
		fmt.Fprintln(w, "\nExamples:")
		for _, ex := range r.Examples {
			verdict := "accepted"
			if ex.Flagged {
				verdict = "flagged"
			}
			fmt.Fprintf(w, "  %-8s  %s\n", verdict, strings.TrimSpace(ex.Text))
			if ex.Note != "" {
				fmt.Fprintf(w, "            %s\n", strings.TrimSpace(ex.Note))
			}
		}
	}
	if keys := OptionKeys(r.Kind); len(keys) > 0 {
		fmt.Fprintf(w, "\nOptions (under rules.%s in .attrlint.yaml): severity, %s.\n", r.ID, strings.Join(keys, ", "))
	} else {
		fmt.Fprintf(w, "\nOptions (under rules.%s in .attrlint.yaml): severity.\n", r.ID)
	}
}

// OptionKeys lists the YAML keys of a kind's options struct, in field
// order.
func OptionKeys(k *Kind) []string {
	if k.NewOptions == nil {
		return nil
	}
	t := reflect.TypeOf(k.NewOptions())
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]
		if tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}
