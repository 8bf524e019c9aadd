package synth

import "testing"

// BenchNews times find, an extractor's function from a text to its
// number of mentions, over a generated corpus of 100 MB of news, chat and
// transcript text ([NewsDocs]: 10,240 documents of about 10 KB), one call
// a document, as an extractor runs; it reports MB/s and mentions a MB.
func BenchNews(b *testing.B, find func(text string) int) {
	docs := NewsDocs(10240, 10<<10, 1)
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
			n += find(d)
		}
	}
	b.ReportMetric(float64(n)/float64(size)*1e6, "mentions/MB")
}
