package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"text/tabwriter"

	attrlint "github.com/attrlint/attrlint"
	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/rules"
)

func runRules(e *env, args []string) int {
	fs := newFlagSet("rules", e.stderr, "attrlint rules [--format text|json] [--config FILE]")
	format := fs.String("format", "text", "output `format`: text or json")
	cfgPath := fs.String("config", "", "config `FILE` (default: the nearest .attrlint.yaml, else the embedded defaults)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "attrlint rules: unexpected argument %q\n", rest[0])
		return exitError
	}
	cfg, err := loadConfig(e, *cfgPath)
	if err != nil {
		fmt.Fprintln(e.stderr, formatConfigError(err))
		return exitError
	}
	switch *format {
	case "json":
		type ruleJSON struct {
			ID       string `json:"id"`
			Kind     string `json:"kind"`
			Default  string `json:"defaultSeverity"`
			Severity string `json:"severity"`
			Enabled  bool   `json:"enabled"`
			Summary  string `json:"summary"`
			Source   string `json:"source"`
		}
		out := []ruleJSON{}
		for _, r := range cfg.Rules {
			out = append(out, ruleJSON{r.ID, r.Kind.Name, r.Default.String(), r.Severity.String(),
				r.Severity != analysis.SeverityOff, r.Summary, r.Source})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(e.stderr, "attrlint: %v\n", err)
			return exitError
		}
	case "text":
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tKIND\tSEVERITY\tSUMMARY")
		for _, r := range cfg.Rules {
			sev := r.Severity.String()
			if r.Severity != r.Default {
				sev += " (default " + r.Default.String() + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Kind.Name, sev, r.Summary)
		}
		tw.Flush()
	default:
		fmt.Fprintf(e.stderr, "attrlint rules: unknown --format %q; want text or json\n", *format)
		return exitError
	}
	return exitOK
}

func runExplain(e *env, args []string) int {
	fs := newFlagSet("explain", e.stderr, "attrlint explain [--config FILE] RULE")
	cfgPath := fs.String("config", "", "config `FILE` (default: the nearest .attrlint.yaml, else the embedded defaults)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if len(rest) != 1 {
		fmt.Fprintln(e.stderr, "attrlint explain: name one rule, such as 'attrlint explain vague-attribution'; 'attrlint rules' lists them")
		return exitError
	}
	cfg, err := loadConfig(e, *cfgPath)
	if err != nil {
		fmt.Fprintln(e.stderr, formatConfigError(err))
		return exitError
	}
	r := cfg.Rule(rest[0])
	if r == nil {
		var ids []string
		for _, r := range cfg.Rules {
			ids = append(ids, r.ID)
		}
		fmt.Fprintf(e.stderr, "attrlint explain: unknown rule %q%s; 'attrlint rules' lists them\n", rest[0], suggest(rest[0], ids))
		return exitError
	}
	explain(e, r)
	return exitOK
}

func explain(e *env, r *rules.Rule) {
	rules.Explain(e.stdout, r)
}

func runInit(e *env, args []string) int {
	fs := newFlagSet("init", e.stderr, "attrlint init")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "attrlint init: unexpected argument %q\n", rest[0])
		return exitError
	}
	target := filepath.Join(e.workDir, ".attrlint.yaml")
	if err := createNew(target, attrlint.ExampleConfig); err != nil {
		if errors.Is(err, os.ErrExist) {
			fmt.Fprintf(e.stderr, "attrlint init: %s already exists; attrlint does not overwrite it (remove it first to start again)\n", target)
		} else {
			fmt.Fprintf(e.stderr, "attrlint init: %v\n", err)
		}
		return exitError
	}
	fmt.Fprintf(e.stdout, "wrote %s: every option is there, commented; edit it, then run 'attrlint check'\n", target)
	return exitOK
}

// createNew writes data to path atomically and only if path does not exist:
// it writes a temporary file beside it and links it into place, so a
// half-written config is never seen and an existing one is never replaced.
func createNew(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".attrlint-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		var le *os.LinkError
		if errors.As(err, &le) && errors.Is(le.Err, os.ErrExist) {
			return os.ErrExist
		}
		return err
	}
	return nil
}

func runVersion(e *env, args []string) int {
	if len(args) > 0 && args[0] != "-h" {
		fmt.Fprintf(e.stderr, "attrlint version: unexpected argument %q\n", args[0])
		return exitError
	}
	fmt.Fprintf(e.stdout, "attrlint %s\n", version())
	return exitOK
}

// version is the module version when installed with go install, else the
// VCS revision the binary was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if (v == "" || v == "(devel)") && rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		return "devel " + rev + dirty
	}
	if v == "" {
		v = "(devel)"
	}
	return v + " " + info.GoVersion
}
