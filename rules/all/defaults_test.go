package all_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/attrlint/attrlint/internal/config"
	"github.com/attrlint/attrlint/rules"
	"github.com/attrlint/attrlint/rules/all"
)

// TestDefaultsFresh: defaults_gen.go holds the packs as they are, decoded
// as the loader decodes them now. Stale defaults cost start-up time, never
// correctness (the loader parses packs whose hash differs), but they are
// a mistake to commit.
func TestDefaultsFresh(t *testing.T) {
	const fix = "; run `go generate ./rules/all`"
	d := all.Set.Defaults
	if d == nil {
		t.Skip("built with -tags attrlint_nocache: no decoded defaults")
	}
	if got := rules.PackHash(all.Set.Packs); d.Hash != got {
		t.Fatalf("defaults_gen.go was generated from other packs (hash %s, the packs' is %s)%s", d.Hash, got, fix)
	}
	fresh, err := config.DecodeDefaults(all.Set)
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh.Rules) != len(d.Rules) || len(fresh.Settings) != len(d.Settings) {
		t.Fatalf("defaults_gen.go holds %d rules and %d settings, the packs decode to %d and %d%s",
			len(d.Rules), len(d.Settings), len(fresh.Rules), len(fresh.Settings), fix)
	}
	for i := range d.Rules {
		if !reflect.DeepEqual(d.Rules[i], fresh.Rules[i]) {
			t.Errorf("rule %s in defaults_gen.go is not what the packs decode to%s", d.Rules[i].ID, fix)
		}
	}
	for i := range d.Settings {
		if !reflect.DeepEqual(d.Settings[i], fresh.Settings[i]) {
			t.Errorf("settings of %s in defaults_gen.go are not what the packs decode to%s", d.Settings[i].Analyzer, fix)
		}
	}
}

// TestStaleDefaultsAreIgnored: with a pack that is not the one the
// defaults were decoded from, the loader reads the pack itself.
func TestStaleDefaultsAreIgnored(t *testing.T) {
	const old, edited = `message: 'vague attribution "{match}": say who'`, `message: 'vague "{match}": who?'`
	set := *all.Set
	set.Packs = append([]rules.Pack(nil), all.Set.Packs...)
	for i, p := range set.Packs {
		if p.Name == "rules/sourcing/vague-attribution.yaml" {
			if !strings.Contains(string(p.Data), old) {
				t.Fatalf("%s has no %s", p.Name, old)
			}
			set.Packs[i] = rules.NewPack(p.Name, strings.Replace(string(p.Data), old, edited, 1))
		}
	}
	cfg, err := config.Default(&set)
	if err != nil {
		t.Fatal(err)
	}
	if r := cfg.Rule("vague-attribution"); r == nil || r.Message != `vague "{match}": who?` {
		t.Fatalf("vague-attribution = %+v, want the edited pack's message", r)
	}
}
