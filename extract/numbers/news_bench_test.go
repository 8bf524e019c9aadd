package numbers

import (
	"strings"
	"testing"

	"github.com/exbench/exbench/internal/synth"
)

// BenchmarkFindNews runs Find over 100 MB of generated news, chat and
// transcript text (internal/synth), text the rules were not written
// against, in one call.
func BenchmarkFindNews(b *testing.B) {
	var sb strings.Builder
	if err := synth.News(&sb, 100<<20, 1); err != nil {
		b.Fatal(err)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(Find(text))
	}
	b.ReportMetric(float64(n)/float64(len(text))*1e6, "mentions/MB")
}
