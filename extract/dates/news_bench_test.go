package dates

import (
	"testing"

	"github.com/exbench/exbench/internal/synth"
)

// BenchmarkFindNews runs Find over 100 MB of generated news, chat and
// transcript text, text the rules were not written against.
func BenchmarkFindNews(b *testing.B) {
	synth.BenchNews(b, func(text string) int { return len(Find(text)) })
}
