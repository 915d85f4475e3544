package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/attrlint/attrlint/internal/config"
)

// initOptionNames are the keys InitializationOptions knows.
var initOptionNames = []string{"against", "debounceMs"}

// parseInitOptions reads initialize's initializationOptions. Absent, null,
// {} and [] (what Neovim sends for `init_options = {}`, an empty Lua table)
// all mean the defaults. Every key that is unknown, or whose value does not
// fit, is a problem, each naming its key; the other keys still apply, so the
// server keeps working and the user is told what was not used.
func parseInitOptions(raw json.RawMessage) (InitializationOptions, []string) {
	var opts InitializationOptions
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return opts, nil
	}
	if raw[0] == '[' {
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) == nil && len(list) == 0 {
			return opts, nil
		}
		return opts, []string{"initializationOptions is a list; attrlint wants an object such as {\"against\": \"HEAD\"}"}
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return opts, []string{fmt.Sprintf("initializationOptions is not an object (%s); attrlint wants one such as {\"against\": \"HEAD\"}", jsonKind(raw))}
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var problems []string
	for _, k := range keys {
		v := fields[k]
		switch k {
		case "against":
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				problems = append(problems, fmt.Sprintf("initializationOptions.against is %s, want a git revision as a string (\"HEAD\")", jsonKind(v)))
				continue
			}
			if strings.HasPrefix(s, "-") {
				problems = append(problems, fmt.Sprintf("initializationOptions.against %q: a revision cannot start with '-'", s))
				continue
			}
			opts.Against = s
		case "debounceMs":
			var n int
			if err := json.Unmarshal(v, &n); err != nil || n < 0 || n > 60000 {
				problems = append(problems, fmt.Sprintf("initializationOptions.debounceMs is %s, want a whole number of milliseconds from 0 to 60000", strings.TrimSpace(string(v))))
				continue
			}
			opts.DebounceMs = n
		default:
			msg := fmt.Sprintf("unknown initializationOptions key %q", k)
			if s := config.Suggest(k, initOptionNames); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else {
				msg += fmt.Sprintf(" (attrlint knows %s)", strings.Join(initOptionNames, ", "))
			}
			problems = append(problems, msg)
		}
	}
	return opts, problems
}

// jsonKind names the JSON type of raw, for messages.
func jsonKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "empty"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
