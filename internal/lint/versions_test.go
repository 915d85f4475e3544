package lint

import "testing"

func TestLiteralDir(t *testing.T) {
	for src, want := range map[string]string{
		`^drafts/(?P<story>.+)\.v(?P<version>\d+)\.md$`:     "drafts",
		`^stories/(?P<story>[^/]+)/v(?P<version>\d+)\.txt$`: "stories",
		`^a/b/c(?P<story>x)(?P<version>\d)`:                 "a/b",
		`(?P<story>.+)\.v(?P<version>\d+)\.md$`:             "", // not anchored: anywhere
		`^(?P<story>.+)\.v(?P<version>\d+)\.md$`:            "",
		`(?i)^Drafts/(?P<story>.+)\.v(?P<version>\d+)`:      "", // any case
		`^\.\./up/(?P<story>.+)\.v(?P<version>\d+)`:         "",
	} {
		if got := literalDir(src); got != want {
			t.Errorf("literalDir(%q) = %q, want %q", src, got, want)
		}
	}
}
