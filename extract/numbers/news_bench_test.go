package numbers

import (
	"testing"

	"github.com/exbench/exbench/internal/synth"
)

// BenchmarkFindNews runs Find over a generated corpus of 100 MB of news,
// chat and transcript text (internal/synth), text the rules were not
// written against: 10,240 documents of about 10 KB, one call each, as an
// extractor runs.
func BenchmarkFindNews(b *testing.B) {
	docs := synth.NewsDocs(10240, 10<<10, 1)
	size := 0
	for _, d := range docs {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for _, d := range docs {
			n += len(Find(d))
		}
	}
	b.ReportMetric(float64(n)/float64(size)*1e6, "mentions/MB")
}
