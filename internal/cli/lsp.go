package cli

import (
	"errors"
	"flag"
	"fmt"

	"github.com/attrlint/attrlint/internal/lsp"
)

// runLSP serves the language server protocol on standard input and output
// until the editor ends the session. Messages for the log go to standard
// error, which editors keep in their language-server log.
func runLSP(e *env, args []string) int {
	fs := newFlagSet("lsp", e.stderr, "attrlint lsp")
	fs.Bool("stdio", true, "talk LSP on standard input and output (the only transport; accepted because editors pass it)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitError
	}
	if len(rest) > 0 {
		fmt.Fprintf(e.stderr, "attrlint lsp: unexpected argument %q; the server takes its settings from the editor (initializationOptions) and from .attrlint.yaml\n", rest[0])
		return exitError
	}
	// A signal ends the session cleanly: the server removes the copies of
	// earlier versions it wrote for the editor (--against) before exiting.
	stop, release := lsp.StopOnSignals()
	defer release()
	if err := lsp.Serve(e.stdin, e.stdout, lsp.Options{Log: e.stderr, Version: version(), Stop: stop}); err != nil {
		fmt.Fprintf(e.stderr, "attrlint lsp: %v\n", err)
		return exitFindings // LSP: exit status 1 when exit comes without shutdown
	}
	return exitOK
}
