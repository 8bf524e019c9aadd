package prose

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

func TestAlign(t *testing.T) {
	// Curly quotes are straight in prose's tokens; “ and ’ are one code
	// point each but three bytes.
	text := "“Ada Lovelace” met José’s friend in Dmeir\u00a0today."
	words := []string{`"`, "Ada", "Lovelace", `"`, "met", "José", "'s", "friend", "in", "Dmeir", "today", "."}
	ents := []entity{{"Ada Lovelace", "PERSON"}, {"José", "PERSON"}, {"Dmeir", "GPE"}}
	spans, err := align(text, words, ents)
	if err != nil {
		t.Fatal(err)
	}
	x := corpus.NewIndex(text)
	var got []string
	for _, s := range spans {
		sub, _ := x.Slice(s)
		got = append(got, s.String()+" "+sub)
	}
	want := []string{"1:13 Ada Lovelace", "19:23 José", "36:41 Dmeir"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("align (-want +got):\n%s", diff)
	}
	if _, err := align(text, []string{"Ada", "Bob"}, nil); err == nil {
		t.Error("align found a token that is not in the text")
	}
	if _, err := align(text, words, []entity{{"Lovelace Ada", "PERSON"}}); err == nil {
		t.Error("align found an entity that is not a run of tokens")
	}
}

// TestSeed runs prose on a seed document: every mention fits the text,
// and some entities any reader finds are found.
func TestSeed(t *testing.T) {
	d, _ := corpus.Builtin().Doc("000_579c75cdcbc092f7")
	ms, err := New().Extract(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	x := corpus.NewIndex(d.Text)
	found := map[string]corpus.Label{}
	for _, m := range ms {
		if got, ok := x.Slice(m.Span); !ok || got != m.Text {
			t.Errorf("%v %q does not match the text %q", m.Span, m.Text, got)
		}
		found[m.Text] = m.Label
	}
	for text, label := range map[string]corpus.Label{"Vladimir Putin": corpus.PERSON, "Damascus": corpus.GPE, "Jan Egeland": corpus.PERSON} {
		if found[text] != label {
			t.Errorf("%q: label %q, want %s", text, found[text], label)
		}
	}
}

// TestConcurrent shares the model between goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	c := corpus.Builtin()
	e := New()
	want := make([][]corpus.Mention, len(c.Docs))
	for i, d := range c.Docs {
		ms, err := e.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = ms
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range c.Docs {
				i := (k + g) % len(c.Docs)
				ms, err := e.Extract(context.Background(), c.Docs[i])
				if err != nil {
					t.Error(err)
					return
				}
				if diff := cmp.Diff(want[i], ms, cmp.AllowUnexported(corpus.Value{})); diff != "" {
					t.Errorf("goroutine %d, %s: result differs:\n%s", g, c.Docs[i].ID, diff)
				}
			}
		}()
	}
	wg.Wait()
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New().Extract(ctx, corpus.Doc{ID: "d", Text: "Ada met Bob."}); err == nil {
		t.Error("Extract on a canceled context succeeded")
	}
}

// FuzzExtract aligns prose's entities on arbitrary text.
func FuzzExtract(f *testing.F) {
	f.Add("“Ada Lovelace” met José’s friend in Dmeir\u00a0today.")
	f.Add("ISIS Kidnaps Hundreds Of Cement Factory Workers In Syria")
	f.Add("&rsquo;Bob&rsquo; \u2018Al\u2019 (Syria) [Iraq] $5 U.S.A. :-) \xff")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // corpora are valid UTF-8
		}
		ms, err := New().Extract(context.Background(), corpus.Doc{ID: "d", Text: text})
		if err != nil {
			t.Fatalf("Extract(%q): %v", text, err)
		}
		x := corpus.NewIndex(text)
		for _, m := range ms {
			if got, ok := x.Slice(m.Span); !ok || got != m.Text || m.Span.Len() == 0 {
				t.Fatalf("Extract(%q): %v %q does not fit the text", text, m.Span, m.Text)
			}
		}
	})
}

// BenchmarkExtract measures the fast path on the seed corpus, the model
// loaded beforehand (BenchmarkLoad measures loading);
// BenchmarkExtractReference measures prose's own pipeline.
func BenchmarkExtract(b *testing.B) { benchmarkExtract(b, New()) }

func BenchmarkExtractReference(b *testing.B) { benchmarkExtract(b, New().Reference()) }

func benchmarkExtract(b *testing.B, e *Extractor) {
	c := corpus.Builtin()
	var size int64
	for _, d := range c.Docs {
		size += int64(len(d.Text))
	}
	if err := e.Load(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		for _, d := range c.Docs {
			if _, err := e.Extract(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*len(c.Docs)), "allocs/doc")
}

// BenchmarkLoad measures loading prose's model as prose does;
// BenchmarkLoadFast loading it for the fast path.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadFast(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadFast(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtractParallel extracts the seed documents from GOMAXPROCS
// goroutines sharing one model: compare -cpu 1,2 for the gain of a
// second worker.
func BenchmarkExtractParallel(b *testing.B) {
	c := corpus.Builtin()
	var size int64
	for _, d := range c.Docs {
		size += int64(len(d.Text))
	}
	e := New()
	if err := e.Load(); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size / int64(len(c.Docs)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := e.Extract(context.Background(), c.Docs[i%len(c.Docs)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}

// TestLabelsAreTheBuiltinMap checks that the labels this extractor maps
// are those of the built-in "prose" label map, which scores prose-raw
// output the same way.
func TestLabelsAreTheBuiltinMap(t *testing.T) {
	m, err := corpus.ParseLabelMap("prose")
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for from, to := range labels {
		pairs = append(pairs, from+"="+string(to))
	}
	slices.Sort(pairs)
	if got := strings.Join(pairs, ","); got != m.String() {
		t.Errorf("prose labels %s, built-in map %s", got, m.String())
	}
}
