package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/attrlint/attrlint/internal/audit"
	"github.com/attrlint/attrlint/internal/lint"
)

const sourcesUsage = `attrlint sources [flags] [PATH|GLOB|- ...]

A sourcing audit: for each story every attribution (the source as written
and as resolved across its mentions, its kind, the title the story gives,
the direct quotations and paraphrased claims it carries, the lines where it
appears), with totals per story and for the desk.

Kinds: named-person, named-institution, anonymous-justified (an unnamed
source whose anonymity the story explains), anonymous (without a reason:
check's anonymous-source), vague (a generic crowd: check's
vague-attribution), impersonal ("it is said", "reportedly"), reference (a
pronoun or second reference that could not be resolved) and unattributed
(a quotation nothing attributes: check's unattributed-quote).

It reads the same files with the same config as check and counts what
check's analyses find: an anonymous source without a reason is an
anonymous-source finding of check unless the config or a directive turned
it off, which the report says. --format html writes one self-contained page
(a sortable desk overview, then each story's text with its attributions
marked by kind and check's findings beside the lines).

Exit status: 0, or 2 for a usage, config or input error.`

func runSources(e *env, args []string) int {
	var f checkFlags
	fs := newFlagSet("sources", e.stderr, sourcesUsage)
	f.register(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	format := firstOf(f.format, "text")
	if !contains(audit.Formats, format) {
		fmt.Fprintf(e.stderr, "attrlint sources: unknown --format %q; want one of text, json, csv, html\n", format)
		return exitError
	}
	f.format = "text" // check's formats are not the audit's; resolve checks the rest
	s, code := resolve(e, &f)
	if s == nil {
		return code
	}
	filter := lint.Filter{Dir: s.cfg.Dir, Include: s.cfg.Include, Exclude: s.cfg.Exclude}
	if f.stdinFilename != "" && len(paths) == 0 {
		paths = []string{"-"} // --stdin-filename names standard input, as in check
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	inputs, errs, notices := lint.Discover(paths, filter, f.stdinFilename)
	desk := &audit.Desk{}
	w, _ := audit.NewWriter(format, e.stdout, s.color)
	var werr error
	opt := lint.Options{Jobs: s.jobs, MaxFileSize: s.maxFileSize, Stdin: e.stdin, Keep: audit.Analyzers}
	withBallast(len(inputs), func() {
		lint.Stream(s.cfg, inputs, nil, opt, func(fr *lint.FileResult) {
			if fr.Notice != "" {
				notices = append(notices, fr.Notice)
			}
			errs = append(errs, fr.Errors...)
			st := audit.Build(fr)
			if st == nil {
				return
			}
			desk.Add(st)
			if werr == nil {
				werr = w.Story(st, fr)
			}
		})
	})
	if werr == nil {
		werr = w.Close(desk)
	}
	if werr != nil {
		fmt.Fprintf(e.stderr, "attrlint: writing the report: %v\n", werr)
		return exitError
	}
	return finishSources(e.stderr, notices, errs)
}

func finishSources(w io.Writer, notices []string, errs []error) int {
	for _, n := range notices {
		fmt.Fprintf(w, "attrlint: %s\n", n)
	}
	for _, err := range errs {
		fmt.Fprintf(w, "attrlint: %v\n", err)
	}
	if len(errs) > 0 {
		return exitError
	}
	return exitOK
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
