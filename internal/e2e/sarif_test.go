package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
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

// TestSARIFOfTheSeedsValidates runs `attrlint check --format sarif` on the
// seed drafts (real scraped and exported copy) and validates the log
// against the official SARIF 2.1.0 schema.
func TestSARIFOfTheSeedsValidates(t *testing.T) {
	schemaPath := sharedFile(t, "schemas/sarif-schema-2.1.0.json")
	seeds, err := filepath.Glob(filepath.Join(sharedFile(t, "seeds"), "0*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seed drafts: %v", err)
	}
	var stdout, stderr bytes.Buffer
	code := cli.Main(append([]string{"check", "--format", "sarif"}, seeds...), nil, &stdout, &stderr)
	if code != 0 && code != 1 {
		t.Fatalf("exit status %d\n%s", code, stderr.String())
	}

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
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(stdout.Bytes()))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("the SARIF log of the seeds does not validate: %v", err)
	}

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
