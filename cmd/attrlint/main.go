// Command attrlint is a source-attribution linter for news copy: it flags
// unattributed quotations, unexplained anonymous sources and figures that
// changed between versions of a story. See README.md.
package main

import (
	"os"

	"github.com/attrlint/attrlint/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
