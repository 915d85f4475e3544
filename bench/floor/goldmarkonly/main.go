// Command goldmarkonly reads the Markdown files under the folders it is
// given and parses each with goldmark's CommonMark block and inline
// parsers, on all CPUs, and does nothing else (attrlint's parser adds GFM
// tables and link reference definitions). Its run time is the floor under
// attrlint's time on the same files: attrlint parses Markdown with
// goldmark, as the design card says, and then splits sentences, scans
// quotations, matches phrases, extracts figures and writes a report.
//
// Usage: goldmarkonly DIR...
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func main() {
	var files []string
	for _, dir := range os.Args[1:] {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "goldmarkonly:", err)
			os.Exit(2)
		}
	}
	var next, nodes, size atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := parser.NewParser(
				parser.WithBlockParsers(parser.DefaultBlockParsers()...),
				parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			)
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				src, err := os.ReadFile(files[i])
				if err != nil {
					fmt.Fprintln(os.Stderr, "goldmarkonly:", err)
					continue
				}
				doc := p.Parse(text.NewReader(src))
				size.Add(int64(len(src)))
				nodes.Add(int64(doc.ChildCount()))
			}
		}()
	}
	wg.Wait()
	fmt.Printf("%d Markdown files, %d bytes, %d top-level blocks\n", len(files), size.Load(), nodes.Load())
}
