package e2e

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/internal/cli"
)

// The GitHub Actions example is valid YAML, appears in the README as it is
// in examples/, and calls attrlint only with flags that exist.
func TestGitHubActionsExample(t *testing.T) {
	data, err := os.ReadFile("../../examples/github-actions.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run  string `yaml:"run"`
				Uses string `yaml:"uses"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("examples/github-actions.yml: %v", err)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(readme, data) {
		t.Error("README.md does not show examples/github-actions.yml as it is: copy the file into the README")
	}

	var help bytes.Buffer
	cli.Main([]string{"check", "-h"}, nil, &help, &help)
	flagRE := regexp.MustCompile(`\s(--?[a-z][a-z-]*)`)
	checks, uploads := 0, 0
	for _, job := range wf.Jobs {
		for _, st := range job.Steps {
			if strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif") {
				uploads++
			}
			_, call, ok := strings.Cut(st.Run, "attrlint check")
			if !ok {
				continue
			}
			checks++
			call, _, _ = strings.Cut(call, "<")
			for _, m := range flagRE.FindAllStringSubmatch(call, -1) {
				name := strings.TrimLeft(m[1], "-")
				if !strings.Contains(help.String(), "-"+name+" ") {
					t.Errorf("the example calls attrlint check with %s, which check does not have", m[1])
				}
			}
		}
	}
	if checks != 2 || uploads != 1 {
		t.Errorf("the example runs attrlint check %d times and uploads SARIF %d times; want annotations, SARIF and an upload", checks, uploads)
	}
}
