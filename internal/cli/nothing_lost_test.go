package cli_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/internal/cli"
)

// storySentences build the drafts of the determinism corpus: findings of
// every per-document rule among ordinary copy.
var storySentences = []string{
	"The school board met on Thursday to discuss the budget.",
	"Officials said the district would close two schools.",
	"“We cannot keep every building open,” said Superintendent Mara Lin.",
	"Critics say the plan hurts the poorest neighborhoods.",
	"Enrollment fell to 12,400 students this year.",
	"Enrollment fell to 12,900 students this year, the district said.",
	"“It is a sad day for the east side.",
	"Parents lined up for two hours to speak at the meeting.",
}

// writeStories writes n small drafts in Markdown, plain text and HTML
// under dir/desk/NN/.
func writeStories(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		var b strings.Builder
		for k := range 3 + i%5 {
			b.WriteString(storySentences[(i*7+k*3)%len(storySentences)])
			b.WriteString(" ")
			if k%2 == 1 {
				b.WriteString("\n\n")
			}
		}
		text := b.String()
		name := fmt.Sprintf("story%04d.md", i)
		switch i % 3 {
		case 1:
			name = fmt.Sprintf("story%04d.txt", i)
		case 2:
			name = fmt.Sprintf("story%04d.html", i)
			text = "<html><body><p>" + strings.ReplaceAll(text, "\n\n", "</p><p>") + "</p></body></html>"
		}
		p := filepath.Join(dir, "desk", fmt.Sprintf("%02d", i%50), name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot records every path under dir with its mode, size, modification
// time and content hash.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		sum := ""
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum = fmt.Sprintf("%x", sha256.Sum256(data))
		}
		out[p] = fmt.Sprintf("%v %d %v %s", info.Mode(), info.Size(), info.ModTime().UnixNano(), sum)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSameOutputForEveryJobCount lints 3,000 drafts with -j 1, 2 and 8, in
// every output format, and wants byte-identical output: scheduling must
// never show. It also checks that check writes nothing in the tree it
// reads: the tree is made read-only (which stops everyone but root) and
// compared, file by file, before and after (which catches root too).
func TestSameOutputForEveryJobCount(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 3,000 drafts several times: run without -short")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	writeStories(t, dir, 3000)
	if err := os.WriteFile("attrlint.yaml", []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GITHUB_STEP_SUMMARY", "") // the github format appends there in Actions
	_ = filepath.WalkDir("desk", func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			mode := os.FileMode(0o444)
			if d.IsDir() {
				mode = 0o555
			}
			_ = os.Chmod(p, mode)
		}
		return nil
	})
	t.Cleanup(func() {
		_ = filepath.WalkDir(filepath.Join(dir, "desk"), func(p string, d fs.DirEntry, err error) error {
			if err == nil {
				_ = os.Chmod(p, 0o755)
			}
			return nil
		})
	})
	before := snapshot(t, dir)

	for _, format := range []string{"text", "json", "sarif", "github", "checkstyle", "rdjsonl"} {
		var want []byte
		for _, j := range []string{"1", "2", "8"} {
			var stdout, stderr bytes.Buffer
			code := cli.Main([]string{"check", "--config", "attrlint.yaml", "--format", format, "--color", "never", "-j", j, "desk"},
				strings.NewReader(""), &stdout, &stderr)
			if code != 1 || stderr.Len() > 0 {
				t.Fatalf("%s -j %s: exit %d, stderr:\n%s", format, j, code, stderr.String())
			}
			if want == nil {
				want = stdout.Bytes()
				if len(want) < 1000 {
					t.Fatalf("%s: output too short to mean anything:\n%s", format, want)
				}
				continue
			}
			if !bytes.Equal(stdout.Bytes(), want) {
				t.Errorf("%s: -j %s output differs from -j 1", format, j)
			}
		}
	}
	after := snapshot(t, dir)
	for p, s := range before {
		if after[p] != s {
			t.Errorf("%s changed: %s -> %s", p, s, after[p])
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("%s was created in the linted tree", p)
		}
	}
}
