package versions

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/attrlint/attrlint/prose"
	"github.com/attrlint/attrlint/rules/internal/rulestest"
)

// BenchmarkVersionAlignment is the alignment of the sentences of two
// parsed versions of a story, the second with every third paragraph
// rewritten: the first step of every cross-version rule. The sizes double,
// so that ns/op shows whether it stays linear.
func BenchmarkVersionAlignment(b *testing.B) {
	for _, n := range []int{50_000, 100_000, 200_000} {
		b.Run(fmt.Sprintf("%dKB", n/1000), func(b *testing.B) {
			data := rulestest.StageDraft(b, n)[:n]
			paras := bytes.Split(data, []byte("\n\n"))
			for i := range paras {
				if i%3 == 0 {
					paras[i] = append([]byte("Updated: "), paras[i]...)
				}
			}
			old := prose.Parse("v1.md", data)
			cur := prose.Parse("v2.md", bytes.Join(paras, []byte("\n\n")))
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				alignVersions(old, cur)
			}
		})
	}
}
