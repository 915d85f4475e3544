package cli_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/attrlint/attrlint/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"attrlint": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scenarios in testdata/script: one txtar
// file per behaviour (exit statuses, config errors, inputs, formats).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": exits,
		},
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "")
			e.Setenv("COLUMNS", "100")
			// txtar cannot hold CR or NUL bytes: write those files here.
			if err := os.WriteFile(filepath.Join(e.WorkDir, "crlf.txt"),
				[]byte("First line.\r\nSecond line.\r\nAnd sources said so.\r\n"), 0o644); err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Join(e.WorkDir, "bin"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(e.WorkDir, "bin", "photo.txt"),
				[]byte("GIF89a\x00\x01\x02 sources said"), 0o644)
		},
	})
}

// exits N PROG ARGS... runs PROG like exec and checks that its exit status is
// exactly N (exec only tells zero from non-zero).
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %q is not an exit status", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}
