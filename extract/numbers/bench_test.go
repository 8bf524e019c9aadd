package numbers

import (
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
)

// BenchmarkFind runs Find over the five seed documents, concatenated and
// repeated to about 1 MB.
func BenchmarkFind(b *testing.B) {
	var seed strings.Builder
	for _, d := range corpus.Builtin().Docs {
		seed.WriteString(d.Text)
		seed.WriteString("\n\n")
	}
	text := strings.Repeat(seed.String(), 1<<20/seed.Len()+1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(Find(text))
	}
	b.ReportMetric(float64(n), "mentions/op")
}
