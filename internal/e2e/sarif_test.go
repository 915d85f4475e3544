package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/attrlint/attrlint/internal/cli"
)

// shared is the directory beside the repository that holds the SARIF
// schema and the seed drafts; it is not copied into the repository.
const shared = "../../../shared"

// sharedFile returns the path of a file under shared, skipping the test
// when it is absent, except in CI, where it must be there.
func sharedFile(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(shared, name)
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing; in CI it sits beside the clone", p)
		}
		t.Skipf("%s is absent", p)
	}
	return p
}

// validateSARIF fails the test unless log validates against the SARIF 2.1.0
// schema at schemaPath.
func validateSARIF(t *testing.T, schemaPath string, log []byte) {
	t.Helper()
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("the SARIF log does not validate: %v\n%s", err, log)
	}
}

// TestSARIFOfTheSeedsValidates runs `attrlint check --format sarif` on the
// seed drafts (real scraped and exported copy) and validates the log
// against the official SARIF 2.1.0 schema.
func TestSARIFOfTheSeedsValidates(t *testing.T) {
	schemaPath := "../report/testdata/sarif/sarif-schema-2.1.0.json" // ships with the repository
	seeds, err := filepath.Glob(filepath.Join(sharedFile(t, "seeds"), "0*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seed drafts: %v", err)
	}
	var stdout, stderr bytes.Buffer
	code := cli.Main(append([]string{"check", "--format", "sarif"}, seeds...), nil, &stdout, &stderr)
	if code != 0 && code != 1 {
		t.Fatalf("exit status %d\n%s", code, stderr.String())
	}

	validateSARIF(t, schemaPath, stdout.Bytes())

	var log struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
			Tool    struct {
				Driver struct {
					Rules []json.RawMessage `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 || len(log.Runs[0].Tool.Driver.Rules) == 0 {
		t.Fatalf("the log holds %d runs; want one with results and rules", len(log.Runs))
	}
	t.Logf("%d seeds, %d results, %d rules: valid SARIF 2.1.0", len(seeds), len(log.Runs[0].Results), len(log.Runs[0].Tool.Driver.Rules))
}

// TestSARIFAgainstValidates runs `attrlint check --against HEAD --format
// sarif` from a subdirectory of a real repository: the related location of
// the earlier version is the file's repository-relative URI with the
// revision and its commit in the location's properties, and the log
// validates against the SARIF 2.1.0 schema.
func TestSARIFAgainstValidates(t *testing.T) {
	schemaPath, err := filepath.Abs("../report/testdata/sarif/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	git := need(t, "git")
	repo := t.TempDir()
	draft := filepath.Join(repo, "drafts", "flood.md")
	write(t, draft, "# Flood\n\nThe river has flooded more than 1,200 homes in the valley, the county said.\n")
	mustRun(t, repo, gitEnv, git, "init", "-q")
	mustRun(t, repo, gitEnv, git, "add", ".")
	mustRun(t, repo, gitEnv, git, "commit", "-q", "-m", "first version")
	commit := strings.TrimSpace(mustRun(t, repo, gitEnv, git, "rev-parse", "HEAD"))
	write(t, draft, "# Flood\n\nThe river has flooded more than 1,500 homes in the valley, the county said.\n")

	t.Chdir(filepath.Join(repo, "drafts"))
	var stdout, stderr bytes.Buffer
	if code := cli.Main([]string{"check", "--against", "HEAD", "--format", "sarif", "flood.md"}, nil, &stdout, &stderr); code != 1 {
		t.Fatalf("exit status %d, want 1\n%s%s", code, stdout.String(), stderr.String())
	}
	validateSARIF(t, schemaPath, stdout.Bytes())

	var log struct {
		Runs []struct {
			Results []struct {
				RuleID           string `json:"ruleId"`
				RelatedLocations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
					Properties map[string]string `json:"properties"`
				} `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 || len(log.Runs[0].Results[0].RelatedLocations) != 1 {
		t.Fatalf("want one result with one related location:\n%s", stdout.String())
	}
	rel := log.Runs[0].Results[0].RelatedLocations[0]
	if got := rel.PhysicalLocation.ArtifactLocation.URI; got != "drafts/flood.md" {
		t.Errorf("related uri %q, want drafts/flood.md, relative to the repository", got)
	}
	if rel.Properties["revision"] != "HEAD" || rel.Properties["commit"] != commit {
		t.Errorf("related properties %v, want revision HEAD and commit %s", rel.Properties, commit)
	}
	if r := rel.PhysicalLocation.Region; r.StartLine != 3 || r.StartColumn != 23 {
		t.Errorf("related region %+v, want 3:23", r)
	}
}
