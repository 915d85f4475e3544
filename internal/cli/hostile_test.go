package cli_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/attrlint/attrlint/internal/cli"
	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/internal/lint"
	"github.com/attrlint/attrlint/rules/all"
)

// control is linted in every hostile run: whatever the hostile file does,
// this draft's finding must still be reported.
const control = "Officials said the bridge would reopen on Monday.\n"

// A hostileCase is one awkward input, linted in the same run as control.md.
type hostileCase struct {
	name string
	// files are written into the run's directory; setup may add more
	// (links, special files) and return extra arguments.
	files map[string][]byte
	setup func(t *testing.T, dir string) []string
	// args are the check arguments before control.md (none: the files).
	args []string
	// short marks a case too slow or big for `go test -short`.
	long bool

	code int
	// want are findings as "file:line:col rule"; none are files that must
	// have no finding at all.
	want []string
	none []string
	// stderr are regexps the error output must match, in any order.
	stderr []string
	// files is the "files checked" count, control.md included.
	checked int
	// within bounds the run's time (default: 10 s).
	within time.Duration
}

// utf16Bytes encodes s as UTF-16 in the given byte order, with or without
// a byte-order mark.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func hostileCases() []hostileCase {
	const anon = "Officials said the plan would pass."
	return []hostileCase{
		{
			name:  "invalid UTF-8 keeps columns: each bad byte is one",
			files: map[string][]byte{"bad.txt": []byte("Crews \xc0worked overnight.\n\xff\xfe Officials said the \x80 bridge was safe.\n")},
			code:  1, want: []string{"bad.txt:2:4 anonymous-source"}, checked: 2,
		},
		{
			name:  "NUL bytes in a file named explicitly: input error",
			files: map[string][]byte{"photo.txt": []byte("GIF89a\x00\x01 Officials said")},
			code:  2, none: []string{"photo.txt"}, checked: 1,
			stderr: []string{`photo.txt: looks like a binary file`},
		},
		{
			name:  "NUL bytes in a file found by a directory walk: skipped",
			files: map[string][]byte{"media/photo.txt": []byte("GIF89a\x00\x01 Officials said"), "media/story.md": []byte(anon + "\n")},
			args:  []string{"media"},
			code:  1, none: []string{"media/photo.txt"}, want: []string{"media/story.md:1:1 anonymous-source"}, checked: 2,
		},
		{
			name:  "UTF-16 little-endian with BOM",
			files: map[string][]byte{"le.txt": utf16Bytes("Intro line.\r\n\r\nThe €5 fee, officials said, was “final.”\r\n", false, true)},
			code:  1, want: []string{"le.txt:3:13 anonymous-source"}, checked: 2,
		},
		{
			name:  "UTF-16 big-endian with BOM",
			files: map[string][]byte{"be.md": utf16Bytes("# Story\n\n"+anon+"\n", true, true)},
			code:  1, want: []string{"be.md:3:1 anonymous-source"}, checked: 2,
		},
		{
			name:  "UTF-16 without BOM: an input error that says so",
			files: map[string][]byte{"nobom.txt": utf16Bytes(anon+"\n", false, false)},
			code:  2, none: []string{"nobom.txt"}, checked: 1,
			stderr: []string{`nobom.txt: looks like UTF-16 without a byte-order mark`},
		},
		{
			name:  "CR-only line ends",
			files: map[string][]byte{"mac.txt": []byte("First line.\rSecond line.\r\rThe mayor spoke. " + anon + "\r")},
			code:  1, want: []string{"mac.txt:4:18 anonymous-source"}, checked: 2,
		},
		{
			name:  "a 100 MB line is skipped with a notice at the default --max-file-size",
			setup: writeHuge("huge.txt", 100<<20),
			code:  1, none: []string{"huge.txt"}, checked: 1,
			stderr: []string{`huge.txt: skipped: \d+ bytes is larger than --max-file-size \(10485760 bytes\)`},
		},
		{
			name:  "a 100 MB line is linted when --max-file-size allows it",
			setup: writeHuge("huge.txt", 100<<20),
			args:  []string{"--max-file-size", "200M", "huge.txt"},
			long:  true, within: 2 * time.Minute,
			code: 1, want: []string{"huge.txt:1:104857601 anonymous-source"}, checked: 2,
		},
		{
			name:  "100,000 quotation marks in one paragraph",
			files: map[string][]byte{"marks.txt": []byte(strings.Repeat("“Yes,” ", 50000) + "\n")},
			code:  1, none: []string{"marks.txt"}, checked: 2,
		},
		{
			name:  "only opening quotation marks",
			files: map[string][]byte{"open.txt": []byte("“We will rebuild the school. “We will not leave. “This is our home, and the river will not take it.\n")},
			code:  1, want: []string{"open.txt:1:1 unclosed-quote"}, checked: 2,
		},
		{
			name: "quotations nested 5,000 deep",
			files: map[string][]byte{"deep.txt": []byte(strings.Repeat("“‘", 5000) + "deep" +
				strings.Repeat("’”", 5000) + " she said.\n")},
			code: 1, none: []string{"deep.txt"}, checked: 2,
		},
		{
			name:  "Markdown of nothing but code fences",
			files: map[string][]byte{"code.md": []byte("```\n" + anon + "\n“Quoted,” nobody.\n```\n\n~~~text\n" + anon + "\n~~~\n\n````\n```\nnested\n```\n````\n\n```\nunclosed fence " + anon + "\n")},
			code:  1, none: []string{"code.md"}, checked: 2,
		},
		{
			name: "HTML with unclosed tags and a 10 MB script block",
			files: map[string][]byte{"page.html": []byte("<html><body><div><p>Mayor Ruiz spoke. <b>Officials said the <i>vote would pass." +
				"<script>\n" + strings.Repeat(scriptLine, 10_000_000/len(scriptLine)))},
			code: 1, want: []string{"page.html:1:42 anonymous-source"}, checked: 2,
		},
		{
			name:  "an empty file",
			files: map[string][]byte{"empty.md": nil},
			code:  1, none: []string{"empty.md"}, checked: 2,
		},
		{
			name:  "a directory symlink loop under a globbed directory",
			files: map[string][]byte{"drafts/a.md": []byte(anon + "\n")},
			setup: func(t *testing.T, dir string) []string {
				mustSymlink(t, ".", filepath.Join(dir, "drafts", "loop"))
				mustSymlink(t, "..", filepath.Join(dir, "drafts", "up"))
				return nil
			},
			args: []string{"drafts/**/*.md", "drafts"},
			code: 1, want: []string{"drafts/a.md:1:1 anonymous-source"}, checked: 2,
		},
		{
			name: "a dangling symlink named explicitly: input error",
			setup: func(t *testing.T, dir string) []string {
				mustSymlink(t, "gone.md", filepath.Join(dir, "link.md"))
				return nil
			},
			args: []string{"link.md"},
			code: 2, checked: 1, stderr: []string{`link.md: no such file or directory`},
		},
		{
			name:  "a file that cannot be read",
			setup: unreadable,
			code:  2, checked: 1, stderr: []string{`secret.md: (permission denied|input/output error)`},
		},
	}
}

// scriptLine fills the 10 MB script block: prose-like text that is code.
const scriptLine = "var s = 'Officials said “no”';\n"

func writeHuge(name string, size int) func(t *testing.T, dir string) []string {
	return func(t *testing.T, dir string) []string {
		t.Helper()
		const s = "The council met on Tuesday and voted to approve the plan. "
		body := bytes.Repeat([]byte(s), size/len(s)+1)[:size]
		// End the line with a finding far into it, after a full sentence.
		body = append(body[:size-len(s)], strings.Repeat(" ", len(s))...)
		body = append(body, "Officials said so."...)
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
		return []string{name}
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symbolic links are not available here: %v", err)
	}
}

// unreadable makes secret.md a file attrlint cannot read. Without read
// permission is the usual way; root reads whatever the permissions say, so
// as root secret.md is a link to a file whose open succeeds and whose read
// fails (/proc/self/mem at offset 0), the same path through the code.
func unreadable(t *testing.T, dir string) []string {
	t.Helper()
	p := filepath.Join(dir, "secret.md")
	if os.Geteuid() != 0 {
		if err := os.WriteFile(p, []byte("Officials said so.\n"), 0o000); err != nil {
			t.Fatal(err)
		}
		return []string{"secret.md"}
	}
	if _, err := os.ReadFile("/proc/self/mem"); err == nil {
		t.Skip("running as root, and /proc/self/mem is readable: no way to make a file unreadable here")
	}
	mustSymlink(t, "/proc/self/mem", p)
	return []string{"secret.md"}
}

type hostileJSON struct {
	Diagnostics []struct {
		File         string
		Line, Column int
		Rule         string
	}
	Summary struct{ Files int }
}

// TestHostileInputs lints each hostile input together with an ordinary
// draft and checks the expected outcome for the hostile file, the exit
// status, the messages, and that the ordinary draft was still linted and
// reported.
func TestHostileInputs(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.long && testing.Short() {
				t.Skip("a 100 MB draft takes a while: run without -short")
			}
			dir := t.TempDir()
			t.Chdir(dir)
			args := append([]string{}, tc.args...)
			for name, data := range tc.files {
				if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(name, data, 0o644); err != nil {
					t.Fatal(err)
				}
				if tc.args == nil && !strings.Contains(name, "/") {
					args = append(args, name)
				}
			}
			if tc.setup != nil {
				more := tc.setup(t, dir)
				if tc.args == nil {
					args = append(args, more...)
				}
			}
			if err := os.WriteFile("control.md", []byte(control), 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(append([]string{"check", "--format", "json", "--config", writeConfig(t)}, args...), "control.md")

			var stdout, stderr bytes.Buffer
			start := time.Now()
			code := cli.Main(args, strings.NewReader(""), &stdout, &stderr)
			took := time.Since(start)
			within := tc.within
			if within == 0 {
				within = 10 * time.Second
			}
			if took > within {
				t.Errorf("took %v, want under %v", took, within)
			}
			if code != tc.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			var rep hostileJSON
			if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
				t.Fatalf("output is not JSON: %v\n%.2000s", err, stdout.String())
			}
			got := map[string]bool{}
			for _, d := range rep.Diagnostics {
				got[fmt.Sprintf("%s:%d:%d %s", filepath.ToSlash(d.File), d.Line, d.Column, d.Rule)] = true
				for _, f := range tc.none {
					if filepath.ToSlash(d.File) == f {
						t.Errorf("unexpected finding in %s: %+v", f, d)
					}
				}
			}
			for _, w := range append([]string{"control.md:1:1 anonymous-source"}, tc.want...) {
				if !got[w] {
					t.Errorf("missing finding %s; got %v", w, keys(got))
				}
			}
			if rep.Summary.Files != tc.checked {
				t.Errorf("%d files checked, want %d", rep.Summary.Files, tc.checked)
			}
			for _, re := range tc.stderr {
				if !regexp.MustCompile(re).MatchString(stderr.String()) {
					t.Errorf("stderr does not match %q:\n%s", re, stderr.String())
				}
			}
			if len(tc.stderr) == 0 && stderr.Len() > 0 {
				t.Errorf("unexpected messages:\n%s", stderr.String())
			}
		})
	}
}

// writeConfig writes the config of the hostile runs, the embedded defaults,
// so that no .attrlint.yaml above the temporary directory applies.
func writeConfig(t *testing.T) string {
	t.Helper()
	if err := os.WriteFile("attrlint.yaml", []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return "attrlint.yaml"
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestFileDeletedAfterDiscovery: a draft removed between the directory walk
// and its reading (a checkout switching branches under a running hook) is
// an input error for that draft alone; the others are linted and reported.
func TestFileDeletedAfterDiscovery(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.md": control, "gone.md": control, "z.md": control} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := config.Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Dir = dir
	inputs, errs, _ := lint.Discover([]string{dir}, lint.Filter{Dir: dir, Include: cfg.Include, Exclude: cfg.Exclude}, "")
	if len(errs) > 0 || len(inputs) != 3 {
		t.Fatalf("discovered %d inputs, errors %v", len(inputs), errs)
	}
	if err := os.Remove(filepath.Join(dir, "gone.md")); err != nil {
		t.Fatal(err)
	}
	res := lint.Run(cfg, inputs, lint.Options{Jobs: 2})
	var ie *lint.InputError
	if len(res.Errors) != 1 || !errors.As(res.Errors[0], &ie) || !strings.HasSuffix(ie.Path, "gone.md") {
		t.Fatalf("errors %v, want one input error for gone.md", res.Errors)
	}
	if !strings.Contains(ie.Error(), "no such file") {
		t.Errorf("error %q does not say the file is gone", ie)
	}
	if res.Files != 2 || len(res.Findings) != 2 {
		t.Fatalf("%d files checked and %d findings, want 2 and 2 (a.md and z.md)", res.Files, len(res.Findings))
	}
	for i, want := range []string{"a.md", "z.md"} {
		if got := filepath.Base(res.Findings[i].Doc.Path); got != want {
			t.Errorf("finding %d in %s, want %s", i, got, want)
		}
	}
}
