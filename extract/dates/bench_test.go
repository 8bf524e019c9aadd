package dates

import (
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
)

// BenchmarkFind runs Find over the five seed documents, concatenated and
// repeated to about 1 MB.
func BenchmarkFind(b *testing.B) {
	var one strings.Builder
	for _, d := range corpus.Builtin().Docs {
		one.WriteString(d.Text)
		one.WriteString("\n")
	}
	text := strings.Repeat(one.String(), 1<<20/one.Len()+1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}
