package eval

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
)

// synthDoc makes a document of n gold mentions and a prediction of each,
// deterministically from the seed: most predictions are right, some have a
// shifted boundary, another label or another value, some are missing, and
// some are spurious.
func synthDoc(rng *rand.Rand, id string, n int) (corpus.Doc, []corpus.Mention, []corpus.Mention) {
	labels := []corpus.Label{corpus.PERSON, corpus.ORG, corpus.GPE, corpus.DATE, corpus.CARDINAL, corpus.QUANTITY}
	text := strings.Repeat("word ", n*6)
	var gold, pred []corpus.Mention
	pos := 0
	for range n {
		pos += 5 + rng.IntN(20)
		span := corpus.Span{Start: pos, End: pos + 3 + rng.IntN(12)}
		pos = span.End
		l := labels[rng.IntN(len(labels))]
		g := corpus.Mention{DocID: id, Span: span, Label: l}
		if l.Numeric() {
			g.Value = corpus.NewValue(float64(rng.IntN(1000)))
		}
		gold = append(gold, g)
		p := g
		switch r := rng.IntN(20); {
		case r == 0: // missed
			continue
		case r == 1:
			p.Span.Start++
		case r == 2:
			p.Label = labels[rng.IntN(len(labels))]
		case r == 3 && l.Numeric():
			p.Value = corpus.NewValue(float64(rng.IntN(1000)))
		case r == 4: // spurious
			pred = append(pred, corpus.Mention{DocID: id, Span: corpus.Span{Start: span.End + 1, End: span.End + 3}, Label: l})
		}
		pred = append(pred, p)
	}
	return corpus.Doc{ID: id, Text: text[:min(len(text), pos+10)]}, gold, pred
}

type synthCorpus struct {
	docs       []corpus.Doc
	gold, pred [][]corpus.Mention
	mentions   int
}

// synth makes the benchmark corpus: docs documents of perDoc gold
// mentions each, and their predictions.
func synth(docs, perDoc int) synthCorpus {
	rng := rand.New(rand.NewPCG(2016, 4))
	var c synthCorpus
	for i := range docs {
		d, g, p := synthDoc(rng, fmt.Sprintf("doc%05d", i), perDoc)
		c.docs = append(c.docs, d)
		c.gold = append(c.gold, g)
		c.pred = append(c.pred, p)
		c.mentions += len(g) + len(p)
	}
	return c
}

// BenchmarkPair measures the matching core: pairing one document's gold
// and predictions, already in canonical order, for the boundary-first
// preference.
func BenchmarkPair(b *testing.B) {
	c := synth(10000, 50)
	for i := range c.docs {
		orderMentions(c.gold[i])
		orderMentions(c.pred[i])
	}
	var m matcher
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i := range c.docs {
			m.pair(boundaryFirst, c.gold[i], c.pred[i])
		}
		n += c.mentions
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "mentions/s")
}

// BenchmarkScore measures scoring a corpus of 10,000 documents and about
// a million mentions under every scheme, per label, with the confusion
// counts, with and without the list of errors.
func BenchmarkScore(b *testing.B) {
	c := synth(10000, 50)
	for _, errors := range []bool{false, true} {
		b.Run(fmt.Sprintf("errors=%v", errors), func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				s := NewScorer(Options{NoMistakes: !errors})
				var sum Summary
				for i := range c.docs {
					sum.Add(s.Score(c.docs[i], c.gold[i], c.pred[i]))
				}
				n += c.mentions
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "mentions/s")
		})
	}
}

// BenchmarkBootstrap draws 10,000 resamples of 10,000 documents on one
// core, for every label and scheme.
func BenchmarkBootstrap(b *testing.B) {
	c := synth(10000, 50)
	s := NewScorer(Options{NoMistakes: true})
	var sum Summary
	for i := range c.docs {
		sum.Add(s.Score(c.docs[i], c.gold[i], c.pred[i]))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Bootstrap(sum.Docs, BootstrapOptions{Seed: 1, Workers: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipeline scores the same corpus through the whole pipeline:
// mentions read as streams into the store, grouped by document, checked
// against the text, scored. The mentions come in corpus order, or
// shuffled: the store makes the order cost nearly nothing.
func BenchmarkPipeline(b *testing.B) {
	c := synth(10000, 50)
	var gold, pred []corpus.Mention
	for i, d := range c.docs {
		for _, ms := range []*[]corpus.Mention{&c.gold[i], &c.pred[i]} {
			for k := range *ms {
				m := &(*ms)[k]
				m.Text = d.Text[m.Span.Start:m.Span.End] // ASCII: code points are bytes
				if !m.Label.Numeric() {
					m.Value = corpus.Value{} // a prediction given another label keeps no number
				}
			}
		}
		gold, pred = append(gold, c.gold[i]...), append(pred, c.pred[i]...)
	}
	cp, err := corpus.New("synth", c.docs)
	if err != nil {
		b.Fatal(err)
	}
	for _, order := range []string{"sorted", "random"} {
		if order == "random" {
			rng := rand.New(rand.NewPCG(1, 2))
			rng.Shuffle(len(gold), func(i, j int) { gold[i], gold[j] = gold[j], gold[i] })
			rng.Shuffle(len(pred), func(i, j int) { pred[i], pred[j] = pred[j], pred[i] })
		}
		b.Run("order="+order, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				in := Input{Corpus: cp.Name, Docs: cp.All(), Gold: Mentions(gold), Systems: []System{{Name: "p", Mentions: Mentions(pred)}}}
				if _, err := Score(context.Background(), in, Setup{Score: Options{NoMistakes: true}}); err != nil {
					b.Fatal(err)
				}
				n += c.mentions
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "mentions/s")
		})
	}
}
