package eval

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

// randomMention makes a mention of document id with every field set at
// random, some of them to extremes.
func randomMention(rng *rand.Rand, id string) corpus.Mention {
	texts := []string{"", "Ada", "“Ada”", "a\nb", strings.Repeat("x", 70000), "\u00a0🙂"}
	m := corpus.Mention{
		DocID:    id,
		Span:     corpus.Span{Start: rng.IntN(1 << 20), End: rng.IntN(1 << 30)},
		Label:    corpus.Labels[rng.IntN(len(corpus.Labels))],
		Text:     texts[rng.IntN(len(texts))],
		Modifier: corpus.Modifiers[rng.IntN(len(corpus.Modifiers))],
		Source:   corpus.Source{File: []string{"", "a.csv", "b.csv"}[rng.IntN(3)], Line: rng.IntN(1 << 25), Unescaped: rng.IntN(4) == 0},
	}
	if rng.IntN(2) == 0 {
		m.Value = corpus.NewValue([]float64{0, -1, 3.5, 1e300, math.SmallestNonzeroFloat64, rng.Float64()}[rng.IntN(6)])
	}
	if rng.IntN(3) == 0 {
		m.Unit = []string{"km", "USD"}[rng.IntN(2)]
	}
	if rng.IntN(3) == 0 {
		m.Score, m.HasScore = rng.NormFloat64(), true
	}
	for range rng.IntN(3) {
		m.Alts = append(m.Alts, corpus.Span{Start: rng.IntN(100), End: 100 + rng.IntN(100)})
	}
	for f := range m.Source.Col {
		m.Source.Col[f] = int32(rng.Uint32N(1 << 31))
	}
	return m
}

// FuzzStore adds random mentions of a few documents to a store, in a
// random order, and checks that each document gives back its mentions,
// field for field, in the order they were added, and that the documents
// not taken come back from rest.
func FuzzStore(f *testing.F) {
	f.Add(uint64(1), uint16(10))
	f.Add(uint64(2), uint16(3000))
	f.Fuzz(func(t *testing.T, seed uint64, n uint16) {
		rng := rand.New(rand.NewPCG(seed, 7))
		ids := []string{"a", "b", "", "d\x00", "é"}
		want := map[string][]corpus.Mention{}
		s := newStore(newDocTable())
		for range n {
			m := randomMention(rng, ids[rng.IntN(len(ids))])
			want[m.DocID] = append(want[m.DocID], m)
			s.add(&m)
		}
		opts := cmp.AllowUnexported(corpus.Value{})
		for _, id := range ids[:3] {
			if diff := cmp.Diff(want[id], s.take(id), opts); diff != "" {
				t.Fatalf("document %q (-added +taken):\n%s", id, diff)
			}
			if s.take(id) != nil {
				t.Fatalf("document %q taken twice", id)
			}
		}
		s.rest(func(id string, ms []corpus.Mention) {
			if diff := cmp.Diff(want[id], ms, opts); diff != "" {
				t.Fatalf("rest of %q (-added +rest):\n%s", id, diff)
			}
			delete(want, id)
		})
		for _, id := range ids[3:] {
			if len(want[id]) > 0 {
				t.Fatalf("rest left out %q", id)
			}
		}
	})
}
