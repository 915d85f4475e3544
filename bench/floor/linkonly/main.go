// Command linkonly links the libraries the design card names for attrlint
// (goldmark for Markdown, x/net/html for HTML, yaml for configs and rule
// packs, color, doublestar) and exits. Go runs every linked package's
// initialisation before main (goldmark and x/net/html build HTML-entity
// maps, goldmark and yaml compile regexps), so its run time is the floor
// under starting attrlint, before it reads a config or a draft.
package main

import (
	// Linked for their initialisation cost only.
	_ "github.com/bmatcuk/doublestar/v4"
	_ "github.com/fatih/color"
	_ "github.com/yuin/goldmark"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/net/html"
)

func main() {}
