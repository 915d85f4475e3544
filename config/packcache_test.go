package config

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"testing"

	"github.com/attrlint/attrlint/rules"
)

var writePackCache = flag.Bool("write-pack-cache", false, "rewrite packs.cache from the embedded packs (go generate ./config)")

// TestPackCacheDecodesAsParsed: a pack read from the cache is the node tree
// the YAML parser gives, field for field, for every embedded pack (the
// cache is encoded afresh here, so that this holds whether or not the
// committed cache is stale).
func TestPackCacheDecodesAsParsed(t *testing.T) {
	pks := rules.Packs()
	enc, err := encodePackCache(pks)
	if err != nil {
		t.Fatal(err)
	}
	old := packCache
	packCache = string(enc)
	defer func() { packCache = old }()
	for _, pk := range pks {
		l := &loader{}
		want := l.parseDocument(pk.Name, pk.Data)
		got := cachedPack(pk.Name, pk.Data)
		if got == nil {
			t.Errorf("%s: not in a cache just written", pk.Name)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the cached node tree differs from the parsed one", pk.Name)
		}
		edited := append(append([]byte(nil), pk.Data...), "\n# edited\n"...)
		if cachedPack(pk.Name, edited) != nil {
			t.Errorf("%s: the cache answered for bytes it does not hold", pk.Name)
		}
	}
}

// TestPackCacheCorrupt: a truncated cache is never used, whatever the cut.
func TestPackCacheCorrupt(t *testing.T) {
	pks := rules.Packs()
	enc, err := encodePackCache(pks)
	if err != nil {
		t.Fatal(err)
	}
	old := packCache
	defer func() { packCache = old }()
	last := pks[len(pks)-1]
	for _, cut := range []int{0, 5, len(packCacheMagic) + 1, len(enc) / 2, len(enc) - 1} {
		packCache = string(enc[:cut])
		if cachedPack(last.Name, last.Data) != nil {
			t.Errorf("a cache cut at %d of %d bytes answered", cut, len(enc))
		}
	}
}

// TestPackCacheFresh: the committed packs.cache holds every embedded pack as
// it is now. A stale cache only costs start-up time, so outside CI it is
// reported and skipped; with CI=true it fails. `go generate ./config`
// rewrites it.
func TestPackCacheFresh(t *testing.T) {
	pks := rules.Packs()
	if *writePackCache {
		enc, err := encodePackCache(pks)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("packs.cache", enc, 0o644); err != nil {
			t.Fatal(err)
		}
		packCache = string(enc)
	}
	var stale []string
	for _, pk := range pks {
		if len(bytes.TrimSpace(pk.Data)) > 0 && cachedPack(pk.Name, pk.Data) == nil {
			stale = append(stale, pk.Name)
		}
	}
	if len(stale) == 0 {
		return
	}
	msg := "packs.cache is stale for %v: start-up parses them; run go generate ./config"
	if os.Getenv("CI") == "true" {
		t.Fatalf(msg, stale)
	}
	t.Skipf(msg, stale)
}
