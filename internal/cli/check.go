package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"

	"github.com/attrlint/attrlint/analysis"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/internal/report"
	"github.com/attrlint/attrlint/rules/all"
)

// checkFlags are the flags of check (and, later, compare).
type checkFlags struct {
	config        string
	format        string
	failLevel     string
	color         string
	enable        string
	disable       string
	jobs          int
	maxFileSize   string
	stdinFilename string
	against       string
	baseline      string
	writeBaseline string
	forceExclude  bool
	noIgnore      bool
	quiet         bool
	statistics    bool
}

func (f *checkFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.config, "config", "", "config `FILE` (default: the nearest .attrlint.yaml up to the repository root, else the embedded defaults)")
	fs.StringVar(&f.format, "format", "", "output `format`: "+strings.Join(report.Names(), ", ")+" (default text)")
	if fs.Name() != "sources" {
		fs.StringVar(&f.failLevel, "fail-level", "", "findings at or above this `level` make the exit status 1: error, warning, info, none (default warning)")
	}
	fs.StringVar(&f.color, "color", "", "color `when`: auto, always, never (default auto: only on a terminal, never with NO_COLOR set)")
	fs.StringVar(&f.enable, "enable", "", "turn these `rules` on for this run (comma-separated)")
	fs.StringVar(&f.disable, "disable", "", "turn these `rules` off for this run (comma-separated)")
	fs.IntVar(&f.jobs, "j", 0, "files linted in parallel (default: the number of CPUs); output is the same for every value")
	fs.StringVar(&f.maxFileSize, "max-file-size", "", "skip larger files with a notice (default 10M; suffixes K, M, G)")
	fs.StringVar(&f.stdinFilename, "stdin-filename", "", "the `name` of standard input (\"-\"), for format detection, overrides and output")
	if fs.Name() == "sources" {
		return
	}
	fs.StringVar(&f.baseline, "baseline", "", "report only findings not recorded in the baseline `FILE` (written by --write-baseline)")
	fs.StringVar(&f.writeBaseline, "write-baseline", "", "record today's findings in the baseline `FILE` and report none")
	fs.BoolVar(&f.quiet, "quiet", false, "print nothing but findings and errors: no summary line, no notices")
	fs.BoolVar(&f.statistics, "statistics", false, "after the report, count the findings of each rule")
	if fs.Name() == "check" {
		fs.BoolVar(&f.forceExclude, "force-exclude", false, "leave out named files (and --stdin-filename) that files.exclude matches, with a notice; without it they are linted")
		fs.BoolVar(&f.noIgnore, "no-ignore", false, "lint files that .gitignore ignores when walking directories and expanding globs")
		fs.StringVar(&f.against, "against", "", "(git) also run the cross-version rules on each file against its content at `REV`")
	}
}

// setup is a loaded config with the run's settings resolved from flags,
// config and defaults, in that order.
type setup struct {
	// quiet and statistics are --quiet and --statistics.
	quiet, statistics bool
	formatName        string
	cfg               *config.Config
	format            report.Starter
	failLevel         analysis.Severity // config.FailNone: nothing fails the run
	color             bool
	width             int
	jobs              int
	maxFileSize       int64
	// baseline and writeBaseline are the baseline files of --baseline (or
	// the config's baseline:) and --write-baseline; "" for none.
	baseline, writeBaseline string
	// revisions describe the earlier versions read from git (--against),
	// for the report.
	revisions map[string]report.Revision
}

func runCheck(e *env, args []string) int {
	var f checkFlags
	fs := newFlagSet("check", e.stderr, "attrlint check [flags] [PATH|GLOB|- ...]")
	f.register(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	s, code := resolve(e, &f)
	if s == nil {
		return code
	}
	filter := lint.Filter{Dir: s.cfg.Dir, Include: s.cfg.Include, Exclude: s.cfg.Exclude}
	if f.stdinFilename != "" && !slices.Contains(paths, "-") {
		// --stdin-filename names standard input: with no path it is the
		// input, as in ESLint and ruff, rather than the whole tree.
		if len(paths) > 0 {
			fmt.Fprintf(e.stderr, "attrlint check: --stdin-filename names standard input, which is read only as \"-\": add - to the paths, or drop --stdin-filename\n")
			return exitError
		}
		paths = []string{"-"}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	filter.ForceExclude, filter.NoIgnore = f.forceExclude, f.noIgnore
	inputs, inputErrs, ignored := lint.Discover(paths, filter, f.stdinFilename)
	// Cross-version rules: the series the `versions` patterns find, and
	// each file against its content at --against REV.
	series, serr := lint.VersionSeries(s.cfg, inputs, filter, e.workDir)
	inputErrs = append(inputErrs, serr...)
	if f.against != "" {
		more, revisions, aerrs := againstSeries(f.against, inputs, s.maxFileSize)
		series = append(series, more...)
		s.revisions = revisions
		inputErrs = append(inputErrs, aerrs...)
	}
	out, err := newOutput(e, s, inputErrs)
	if err != nil {
		fmt.Fprintf(e.stderr, "attrlint: %v\n", err)
		return exitError
	}
	out.notices = append(out.notices, ignored...)
	opt := lint.Options{Jobs: s.jobs, MaxFileSize: s.maxFileSize, Stdin: e.stdin}
	withBallast(len(inputs), func() { lint.Stream(s.cfg, inputs, series, opt, out.file) })
	return out.finish()
}

// resolve loads the config and merges it with the flags. On error it prints
// the error and returns a nil setup and the exit status.
func resolve(e *env, f *checkFlags) (*setup, int) {
	cfg, err := loadConfig(e, f.config)
	if err != nil {
		fmt.Fprintln(e.stderr, formatConfigError(err))
		return nil, exitError
	}
	s := &setup{cfg: cfg, quiet: f.quiet, statistics: f.statistics}
	usageErr := func(format string, args ...any) (*setup, int) {
		fmt.Fprintf(e.stderr, "attrlint: "+format+"\n", args...)
		return nil, exitError
	}
	if f.enable != "" {
		if err := cfg.Enable(splitList(f.enable)); err != nil {
			return usageErr("--enable: %v", err)
		}
	}
	if f.disable != "" {
		if err := cfg.Disable(splitList(f.disable)); err != nil {
			return usageErr("--disable: %v", err)
		}
	}
	if err := nothingOn(cfg); err != nil {
		fmt.Fprintln(e.stderr, err)
		return nil, exitError
	}

	format := firstOf(f.format, cfg.Format, "text")
	fm, ok := report.LookupStarter(format)
	if !ok {
		return usageErr("unknown --format %q; want one of %s", format, strings.Join(report.Names(), ", "))
	}
	s.format, s.formatName = fm, format

	s.failLevel = cfg.FailLevel
	if f.failLevel != "" {
		level, err := config.ParseFailLevel(f.failLevel)
		if err != nil {
			return usageErr("--fail-level: %v", err)
		}
		s.failLevel = level
	}

	switch when := firstOf(f.color, cfg.Color, "auto"); when {
	case "always":
		s.color = true
	case "never":
		s.color = false
	case "auto":
		s.color = isTerminal(e.stdout) && e.getenv("NO_COLOR") == ""
	default:
		return usageErr("unknown --color %q; want auto, always or never", when)
	}
	s.width = terminalWidth(e)

	s.jobs = f.jobs
	if s.jobs == 0 {
		s.jobs = cfg.Jobs
	}
	if s.jobs < 0 {
		return usageErr("-j must be at least 1, got %d", s.jobs)
	}
	if s.jobs == 0 {
		s.jobs = runtime.NumCPU()
	}

	s.maxFileSize = cfg.MaxFileSize
	if f.maxFileSize != "" {
		n, err := config.ParseSize(f.maxFileSize)
		if err != nil {
			return usageErr("--max-file-size: %v", err)
		}
		s.maxFileSize = n
	}

	s.baseline = firstOf(resolvePath(e, f.baseline), cfg.Baseline)
	s.writeBaseline = resolvePath(e, f.writeBaseline)
	return s, exitOK
}

// loadConfig loads the named config file, else the nearest .attrlint.yaml,
// else the embedded defaults.
func loadConfig(e *env, path string) (*config.Config, error) {
	if path == "" {
		found, err := config.Discover(e.workDir)
		if err != nil {
			return nil, err
		}
		path = found
	}
	if path == "" {
		cfg, err := config.Default(all.Set)
		if err != nil {
			return nil, err
		}
		cfg.Dir = e.workDir
		return cfg, nil
	}
	return config.Load(all.Set, path)
}

// formatConfigError prints positioned config errors one per line, as
// FILE:LINE:COL: message, and anything else prefixed with the program name.
func formatConfigError(err error) string {
	var list config.ErrorList
	if errors.As(err, &list) {
		return list.Error()
	}
	var one *config.Error
	if errors.As(err, &one) {
		return one.Error()
	}
	return "attrlint: " + err.Error()
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// terminalWidth is the width long source lines are cut to: the terminal's,
// else $COLUMNS, else 120.
func terminalWidth(e *env) int {
	if f, ok := e.stdout.(*os.File); ok && isTerminal(f) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 20 {
			return w
		}
	}
	var n int
	if _, err := fmt.Sscanf(e.getenv("COLUMNS"), "%d", &n); err == nil && n > 20 {
		return n
	}
	return 120
}
