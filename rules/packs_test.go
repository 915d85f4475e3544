package rules

import (
	"io/fs"
	"testing"
)

// TestPacksListed: every embedded pack is in packTexts, with the bytes of
// its file, and Packs gives each with those bytes.
func TestPacksListed(t *testing.T) {
	files, err := fs.Glob(packFS, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, pt := range packTexts {
		listed[pt.name] = *pt.text
	}
	for _, f := range files {
		data, err := packFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, ok := listed[f]
		switch {
		case !ok:
			t.Errorf("rules/%s is not in packTexts: Packs copies it on every run; embed it as a string there", f)
		case text != string(data):
			t.Errorf("rules/%s: packTexts holds other bytes than the file", f)
		}
		delete(listed, f)
	}
	for name := range listed {
		t.Errorf("packTexts lists %s, which is no pack", name)
	}
	pks := Packs()
	if len(pks) != len(files) {
		t.Fatalf("Packs gave %d packs, want %d", len(pks), len(files))
	}
	for i, pk := range pks {
		if data, _ := packFS.ReadFile(files[i]); pk.Name != "rules/"+files[i] || string(pk.Data) != string(data) {
			t.Errorf("Packs()[%d] = %s with %d bytes, want rules/%s with %d", i, pk.Name, len(pk.Data), files[i], len(data))
		}
	}
}
