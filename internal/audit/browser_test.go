package audit

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// chromium returns the headless Chromium to test the HTML report with. It
// skips without one, except under CI=true, where .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true and no chromium: .ci/run installs the Debian package")
	}
	t.Skip("no chromium on PATH (the Debian package chromium)")
	return ""
}

// browse loads file in headless Chromium, offline, and returns the DOM it
// rendered (or, with screenshot set, also writes a screenshot there).
func browse(t *testing.T, file, screenshot string) *html.Node {
	t.Helper()
	bin := chromium(t)
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + t.TempDir()}
	run := func(extra ...string) []byte {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		abs, _ := filepath.Abs(file)
		cmd := exec.CommandContext(ctx, bin, append(append(args, extra...), "file://"+abs)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("chromium: %v\n%s", err, stderr.Bytes())
		}
		return out
	}
	if screenshot != "" {
		run("--screenshot="+screenshot, "--window-size=1280,1600", "--hide-scrollbars")
	}
	dom, err := html.Parse(bytes.NewReader(run("--dump-dom")))
	if err != nil {
		t.Fatal(err)
	}
	return dom
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// elems returns the elements under n that match.
func elems(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func byID(n *html.Node, id string) *html.Node {
	if m := elems(n, func(e *html.Node) bool { return attr(e, "id") == id }); len(m) > 0 {
		return m[0]
	}
	return nil
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// cells returns the text of a row's cells.
func cells(tr *html.Node) []string {
	var out []string
	for _, td := range elems(tr, func(n *html.Node) bool { return n.Data == "td" || n.Data == "th" }) {
		out = append(out, strings.TrimSpace(text(td)))
	}
	return out
}

// TestHTMLInChromium renders the report of the fixture story (and of the
// first seed, when ../shared is there) in headless Chromium from disk and
// reads what it rendered: one overview row per story, the desk's totals,
// every attribution highlighted with its kind, check's findings beside
// their lines, and nothing loaded from anywhere.
func TestHTMLInChromium(t *testing.T) {
	paths := []string{filepath.Join("testdata", "harbor.md")}
	if m, _ := filepath.Glob("../../../shared/seeds/000_*.txt"); len(m) > 0 {
		paths = append(paths, m[0])
	} else if m, _ := filepath.Glob("../../../../shared/seeds/000_*.txt"); len(m) > 0 {
		paths = append(paths, m[0])
	}
	d, page := audit(t, true, paths...)
	for _, bad := range []string{"<link", "src=", "http://", "https://", "@import", "url(http"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("the page refers to something outside it: %q", bad)
		}
	}
	file := filepath.Join(t.TempDir(), "sources.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	dom := browse(t, file, os.Getenv("ATTRLINT_SCREENSHOT"))

	table := byID(dom, "stories")
	if table == nil {
		t.Fatal("no overview table #stories")
	}
	body := elems(table, tag("tbody"))[0]
	rows := elems(body, tag("tr"))
	if len(rows) != len(d.Stories) {
		t.Fatalf("%d overview rows, want %d", len(rows), len(d.Stories))
	}
	head := cells(elems(table, tag("thead"))[0])
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %q in %v", name, head)
		return -1
	}
	// Stories come in path order: find the fixture's row.
	fr := rows[0]
	for _, r := range rows {
		if cells(r)[0] == paths[0] {
			fr = r
		}
	}
	first := cells(fr)
	if first[0] != paths[0] || first[col("AN")] != "1" || first[col("VG")] != "2" || first[col("UQ")] != "1" || first[col("quotes")] != "3" {
		t.Errorf("fixture row: %v (columns %v)", first, head)
	}
	if len(elems(fr, tag("svg"))) != 1 {
		t.Error("no bar in the fixture's row")
	}
	foot := cells(elems(table, tag("tfoot"))[0])
	wantAN := "1"
	if len(d.Stories) == 2 {
		wantAN = "4" // the seed's three
	}
	if foot[0] != "desk" || foot[col("AN")] != wantAN {
		t.Errorf("desk totals: %v", foot)
	}

	// The fixture's story: marks by kind, and findings beside the lines.
	story := byID(dom, strings.TrimPrefix(attr(elems(fr, tag("a"))[0], "href"), "#"))
	if story == nil {
		t.Fatal("no story section s1")
	}
	marks := map[string][]string{}
	for _, m := range elems(story, tag("mark")) {
		marks[attr(m, "class")] = append(marks[attr(m, "class")], text(m))
	}
	want := map[string][]string{
		"np": {"said Harbor Commissioner Maria L. Okafor", "she said"},
		"an": {"Officials"},
		"ar": {"A senior official"},
		"vg": {"Critics say", "Some analysts"},
		"im": {"It is widely believed"},
		"uq": {"“Every month of delay adds to the bill.”"},
	}
	for k, w := range want {
		if strings.Join(marks[k], "|") != strings.Join(w, "|") {
			t.Errorf("marks of class %s: %q, want %q", k, marks[k], w)
		}
	}
	var findings []string
	for _, i := range elems(story, func(n *html.Node) bool { return n.Data == "i" && attr(n, "class") != "" }) {
		findings = append(findings, attr(i, "class")+" "+text(i))
	}
	wantF := []string{"w anonymous-source", "n vague-attribution", "n vague-attribution", "w unattributed-quote"}
	if strings.Join(findings, "|") != strings.Join(wantF, "|") {
		t.Errorf("findings beside the text: %q, want %q", findings, wantF)
	}
	// The legend names every kind with its label, not by colour alone.
	legend := text(byID(dom, "legend"))
	for _, k := range Kinds {
		if !strings.Contains(legend, k.Short()+" "+k.Label()) {
			t.Errorf("legend lacks %s %s: %q", k.Short(), k.Label(), legend)
		}
	}
}

// TestHTMLDrafts renders the sources page of the generated drafts
// (/work/gen/drafts or $ATTRLINT_DRAFTS) and opens it in Chromium: it
// stays under 25 MB. Run with ATTRLINT_DRAFTS set or -run HTMLDrafts.
func TestHTMLDrafts(t *testing.T) {
	dir := os.Getenv("ATTRLINT_DRAFTS")
	if dir == "" {
		t.Skip("set ATTRLINT_DRAFTS to the generated drafts")
	}
	if testing.Short() {
		t.Skip("short")
	}
	d, page := audit(t, true, dir)
	t.Logf("%d stories, %d bytes of HTML", len(d.Stories), len(page))
	if len(page) >= 25<<20 {
		t.Errorf("the page is %d bytes, want under 25 MB", len(page))
	}
	file := filepath.Join(t.TempDir(), "drafts.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	dom := browse(t, file, "")
	rows := elems(elems(byID(dom, "stories"), tag("tbody"))[0], tag("tr"))
	if len(rows) != len(d.Stories) {
		t.Errorf("%d rows rendered, want %d", len(rows), len(d.Stories))
	}
}
