// Package cli implements attrlint's command line: subcommands, flags, and
// the turning of errors into messages and exit statuses.
package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/attrlint/attrlint/internal/config"
)

// Exit statuses (SPEC.md).
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// env is what a command may touch of the outside world; tests replace it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	workDir        string
}

type command struct {
	name    string
	summary string
	run     func(e *env, args []string) int
}

func commands() []command {
	return []command{
		{"check", "lint drafts", runCheck},
		{"compare", "cross-version rules over versions of one article, oldest first", runCompare},
		{"sources", "sourcing audit: every attribution per story, its source and kind; story and desk totals", runSources},
		{"rules", "list every rule: id, kind, severity, one-line doc", runRules},
		{"explain", "what a rule catches, why it matters, examples, options", runExplain},
		{"init", "write a commented .attrlint.yaml here", runInit},
		{"lsp", "language server on stdio, for editors", runLSP},
		{"version", "print the version", runVersion},
	}
}

// Main runs attrlint with args (without the program name) and returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "attrlint: cannot find the working directory: %v\n", err)
		return exitError
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, workDir: wd}
	if len(args) == 0 {
		usage(e.stderr)
		return exitError
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		usage(e.stdout)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "attrlint: unknown command %q%s; run 'attrlint help' for the list\n", name, suggest(name, commandNames()))
	return exitError
}

func commandNames() []string {
	var out []string
	for _, c := range commands() {
		out = append(out, c.name)
	}
	return out
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "attrlint: a source-attribution linter for news copy")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w, "  attrlint check   [flags] [PATH|GLOB|- ...]")
	fmt.Fprintln(w, "  attrlint compare [flags] OLD NEW [NEWER ...]")
	fmt.Fprintln(w, "  attrlint sources [flags] [PATH|GLOB|- ...]")
	fmt.Fprintln(w, "  attrlint rules   [--format text|json]")
	fmt.Fprintln(w, "  attrlint explain RULE")
	fmt.Fprintln(w, "  attrlint init")
	fmt.Fprintln(w, "  attrlint lsp")
	fmt.Fprintln(w, "  attrlint version")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'attrlint COMMAND -h' for a command's flags.")
	fmt.Fprintln(w, "Exit status: 0 no findings at or above the fail level, 1 findings, 2 usage, config or input error.")
}

// suggest returns ` (did you mean "x"?)` for the candidate closest to s, or
// "" when none is close.
func suggest(s string, candidates []string) string {
	if best := config.Suggest(s, candidates); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

// splitList splits a comma-separated flag value, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
