package config

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/all"
)

const examplePath = "../../config.example.yaml"

func readExample(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(examplePath)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// config.example.yaml is what `attrlint init` writes: it must load as is.
func TestExampleConfigLoads(t *testing.T) {
	data := readExample(t)
	c, err := Parse(all.Set, examplePath, data)
	if err != nil {
		t.Fatalf("config.example.yaml:\n%v", err)
	}
	if c.Rule("no-sources-said") == nil || len(c.Overrides) == 0 || len(c.Versions) == 0 {
		t.Errorf("the example lost its own rule, override or versions pattern")
	}
	first, _, _ := strings.Cut(string(data), "\n")
	if first != "# yaml-language-server: $schema=https://raw.githubusercontent.com/attrlint/attrlint/main/internal/config/attrlint.schema.json" {
		t.Errorf("first line %q does not point editors at the schema", first)
	}
	// The example shows the defaults: loading it changes no setting.
	d, err := Default(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual([]any{c.Include, c.Exclude, c.FailLevel, c.Format, c.Color, c.Jobs, c.MaxFileSize},
		[]any{d.Include, d.Exclude, d.FailLevel, d.Format, d.Color, d.Jobs, d.MaxFileSize}) {
		t.Errorf("config.example.yaml's settings differ from the defaults")
	}
	for _, r := range d.Rules {
		if got := c.Rule(r.ID).Severity; got != r.Default {
			t.Errorf("config.example.yaml gives %s the severity %v; show its default %v", r.ID, got, r.Default)
		}
	}
}

// REGISTRY: every built-in rule is listed in config.example.yaml, under
// rules:, so that a user who runs `attrlint init` sees all of them.
func TestExampleListsEveryBuiltInRule(t *testing.T) {
	var ex struct {
		Rules map[string]yaml.Node `yaml:"rules"`
	}
	if err := yaml.Unmarshal(readExample(t), &ex); err != nil {
		t.Fatal(err)
	}
	for _, pk := range all.Set.Packs {
		var pack struct {
			Rules map[string]yaml.Node `yaml:"rules"`
		}
		if err := yaml.Unmarshal(pk.Data, &pack); err != nil {
			t.Fatalf("%s: %v", pk.Name, err)
		}
		for id := range pack.Rules {
			if _, ok := ex.Rules[id]; !ok {
				t.Errorf("rule %s (%s) is missing from config.example.yaml: add it under rules: with its default severity and a comment", id, pk.Name)
			}
		}
	}
}

// REGISTRY: the JSON Schema knows every key a rule of a registered kind
// accepts, so editors do not flag a valid option as unknown.
func TestSchemaKnowsEveryRuleKey(t *testing.T) {
	var s struct {
		Defs struct {
			Rule struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"rule"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &s); err != nil {
		t.Fatal(err)
	}
	for _, key := range rules.CommonKeys {
		if _, ok := s.Defs.Rule.Properties[key]; !ok {
			t.Errorf("internal/config/attrlint.schema.json: $defs.rule.properties lacks %q", key)
		}
	}
	// What the schema says an option holds, by the option's Go type.
	wantSchema := map[string]string{"[]string": `"$ref": "#/$defs/strings"`, "bool": `"type": "boolean"`, "int": `"type": "integer"`}
	for _, k := range all.Set.Kinds {
		ty := reflect.TypeOf(k.NewOptions()).Elem()
		fs := structFields(ty)
		for i, key := range fs.names {
			prop, ok := s.Defs.Rule.Properties[key]
			if !ok {
				t.Errorf("internal/config/attrlint.schema.json: $defs.rule.properties lacks %q (an option of kind %s)", key, k.Name)
				continue
			}
			goType := ty.FieldByIndex(fs.index[i]).Type.String()
			if want, known := wantSchema[goType]; known && !strings.Contains(string(prop), want) {
				t.Errorf("internal/config/attrlint.schema.json: option %q of kind %s is a Go %s; its schema %s lacks %s", key, k.Name, goType, prop, want)
			}
		}
	}
	var top struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(Schema, &top); err != nil {
		t.Fatal(err)
	}
	var schemaTop []string
	for k := range top.Properties {
		schemaTop = append(schemaTop, k)
	}
	sort.Strings(schemaTop)
	want := append([]string(nil), topKeys...)
	sort.Strings(want)
	if !reflect.DeepEqual(schemaTop, want) {
		t.Errorf("schema top-level keys %q, loader's %q", schemaTop, want)
	}
}

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	const url = "https://raw.githubusercontent.com/attrlint/attrlint/main/internal/config/attrlint.schema.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return sch
}

// yamlToJSON converts a YAML config to the JSON value a schema validates.
func yamlToJSON(t testing.TB, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func TestSchemaAcceptsTheExample(t *testing.T) {
	sch := compileSchema(t)
	if err := sch.Validate(yamlToJSON(t, readExample(t))); err != nil {
		t.Errorf("the schema rejects config.example.yaml: %v", err)
	}
}

func TestSchemaRejectsBrokenConfigs(t *testing.T) {
	sch := compileSchema(t)
	tests := []struct{ name, yaml string }{
		{"unknown top-level key", "version: 1\nfail_level: error\n"},
		{"bad severity", "rules:\n  vague-attribution: warn\n"},
		{"bad severity in a rule", "rules:\n  vague-attribution: {severity: loud}\n"},
		{"unknown rule key", "rules:\n  vague-attribution: {severty: error}\n"},
		{"version 2", "version: 2\n"},
		{"unknown fail level", "fail-level: warn\n"},
		{"glob not in a list", "files: {include: \"**/*.md\"}\n"},
		{"override without files", "overrides:\n  - rules: {vague-attribution: off}\n"},
		{"versions without groups", "versions:\n  - match: '\\.v\\d+\\.md$'\n"},
		{"bad size", "max-file-size: ten megabytes\n"},
		{"rule id in capitals", "rules:\n  Vague: off\n"},
	}
	for _, tt := range tests {
		if err := sch.Validate(yamlToJSON(t, []byte(tt.yaml))); err == nil {
			t.Errorf("%s: the schema accepts\n%s", tt.name, tt.yaml)
		}
	}
	// And the loader rejects each of them too.
	for _, tt := range tests {
		if _, err := Parse(all.Set, "desk/.attrlint.yaml", []byte(tt.yaml)); err == nil {
			t.Errorf("%s: the loader accepts\n%s", tt.name, tt.yaml)
		}
	}
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(all.Set); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadExample(b *testing.B) {
	data := readExample(b)
	for b.Loop() {
		if _, err := Parse(all.Set, examplePath, data); err != nil {
			b.Fatal(err)
		}
	}
}
