package eval

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
)

// TestSweep works a curve out by hand: gold Ada, Bob, Dmeir; predictions
// Ada (0.9, correct), Bob (0.5, correct), Dmeir as ORG (0.5, incorrect),
// Homs (0.1, spurious).
//
//	≥ 0.9: 1 of 1 kept correct: P 1, R 1/3, F1 1/2
//	≥ 0.5: 2 of 3: P 2/3, R 2/3, F1 2/3 (best)
//	≥ 0.1: 2 of 4: P 1/2, R 2/3, F1 4/7 (the recall reachable at all)
func TestSweep(t *testing.T) {
	d, gold, pred := doc(t, "⟦Ada|PERSON⟧ and ⟦Bob|PERSON⟧ in ⟦Dmeir|GPE⟧ near Homs", "⟦Ada|PERSON⟧ and ⟦Bob|PERSON⟧ in ⟦Dmeir|ORG⟧ near ⟦Homs|GPE⟧")
	for i, s := range []float64{0.9, 0.5, 0.5, 0.1} {
		pred[i].Score, pred[i].HasScore = s, true
	}
	points, err := Sweep([]SweepDoc{{Doc: d, Gold: gold, Pred: pred}}, SweepOptions{Scheme: Strict, Label: All, Bootstrap: &BootstrapOptions{Resamples: 200}})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		t    float64
		kept int
		c    Counts
		f1   float64
	}{
		{0.9, 1, c(1, 0, 0, 2, 0), 0.5},
		{0.5, 3, c(2, 1, 0, 0, 0), 2.0 / 3},
		{0.1, 4, c(2, 1, 0, 0, 1), 4.0 / 7},
	}
	if len(points) != len(want) {
		t.Fatalf("%d points, want %d", len(points), len(want))
	}
	for i, w := range want {
		p := points[i]
		if p.Threshold != w.t || p.Kept != w.kept || p.Counts != w.c || !near(p.Counts.F1(), w.f1) {
			t.Errorf("point %d: %+v (F1 %v), want threshold %v, %d kept, %+v, F1 %v", i, p, p.Counts.F1(), w.t, w.kept, w.c, w.f1)
		}
		// One document: every resample is that document, so the band is
		// the point, to the 1e-4 bins of the bootstrap's histograms.
		if e := p.Estimates[F1]; math.Abs(e.Percentile.Low-w.f1) > 1e-4 || math.Abs(e.Percentile.High-w.f1) > 1e-4 {
			t.Errorf("point %d: F1 band %+v, want [%v, %v]", i, e.Percentile, w.f1, w.f1)
		}
	}
	if b, _ := Best(points); b.Threshold != 0.5 {
		t.Errorf("best threshold %v, want 0.5", b.Threshold)
	}
	pred[3].HasScore = false
	if _, err := Sweep([]SweepDoc{{Doc: d, Gold: gold, Pred: pred}}, SweepOptions{}); !errors.Is(err, ErrUnscored) {
		t.Errorf("an unscored prediction: %v", err)
	}
}

// randomSweep makes n documents of random gold and scored predictions
// over words, scores drawn from few values so that thresholds tie.
func randomSweep(rng *rand.Rand, n int) []SweepDoc {
	labels := []corpus.Label{corpus.PERSON, corpus.ORG, corpus.GPE}
	var docs []SweepDoc
	for d := range n {
		id := fmt.Sprintf("d%d", d)
		words := 5 + rng.IntN(30)
		text := strings.TrimSpace(strings.Repeat("word ", words))
		span := func() corpus.Span {
			w := rng.IntN(words)
			l := 1 + rng.IntN(2)
			return corpus.Span{Start: 5 * w, End: min(5*(w+l)-1, len(text))}
		}
		sd := SweepDoc{Doc: corpus.Doc{ID: id, Text: text}}
		used := map[int]bool{}
		for range rng.IntN(6) {
			s := span()
			if used[s.Start] || used[s.Start+5] {
				continue
			}
			used[s.Start], used[s.End-4] = true, true
			sd.Gold = append(sd.Gold, corpus.Mention{DocID: id, Span: s, Label: labels[rng.IntN(3)], Text: text[s.Start:s.End]})
		}
		for range rng.IntN(8) {
			s := span()
			sd.Pred = append(sd.Pred, corpus.Mention{DocID: id, Span: s, Label: labels[rng.IntN(3)], Text: text[s.Start:s.End],
				Score: float64(rng.IntN(10)) / 10, HasScore: true})
		}
		docs = append(docs, sd)
	}
	return docs
}

// rescoreAll is the sweep done the plain way: every document scored
// afresh at every threshold.
func rescoreAll(docs []SweepDoc, sc Scheme, l corpus.Label, thresholds []float64) []SweepPoint {
	var points []SweepPoint
	s := NewScorer(Options{NoMistakes: true})
	for _, t := range thresholds {
		var sum Summary
		p := SweepPoint{Threshold: t}
		for _, d := range docs {
			var pred []corpus.Mention
			for _, m := range d.Pred {
				if m.Score >= t {
					pred = append(pred, m)
				}
			}
			p.Kept += len(pred)
			sum.Add(s.Score(d.Doc, d.Gold, pred))
		}
		for _, lc := range sum.Labels() {
			if lc.Label == l {
				p.Counts = lc.Scheme[sc]
			}
		}
		points = append(points, p)
	}
	return points
}

func thresholdsOf(points []SweepPoint) []float64 {
	var ts []float64
	for _, p := range points {
		ts = append(ts, p.Threshold)
	}
	return ts
}

// TestSweepMatchesRescoring checks the sweep, which scores again only the
// documents that gain predictions, against scoring every document afresh
// at each threshold, for every scheme and label.
func TestSweepMatchesRescoring(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 30 {
		docs := randomSweep(rng, 1+rng.IntN(12))
		for _, sc := range Schemes {
			for _, l := range []corpus.Label{All, corpus.PERSON, corpus.ORG} {
				points, err := Sweep(docs, SweepOptions{Scheme: sc, Label: l})
				if err != nil {
					t.Fatal(err)
				}
				want := rescoreAll(docs, sc, l, thresholdsOf(points))
				for i, p := range points {
					if p.Counts != want[i].Counts || p.Kept != want[i].Kept {
						t.Fatalf("trial %d, %s %s, threshold %v: %+v (%d kept), want %+v (%d)", trial, sc, l, p.Threshold, p.Counts, p.Kept, want[i].Counts, want[i].Kept)
					}
				}
			}
		}
	}
}

// TestSweepBands: with more points than bands, the bands are spread, and
// the last and the best point always have one.
func TestSweepBands(t *testing.T) {
	docs := randomSweep(rand.New(rand.NewPCG(1, 2)), 20)
	points, err := Sweep(docs, SweepOptions{Scheme: Strict, Label: All, Bootstrap: &BootstrapOptions{Resamples: 100}, Bands: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(points) != 10 {
		t.Fatalf("%d points, want 10 (scores 0 to 0.9)", len(points))
	}
	best := bestIndex(points)
	for i, p := range points {
		want := i%4 == 0 || i == len(points)-1 || i == best
		if (p.Estimates != nil) != want {
			t.Errorf("point %d (best %d): band %v, want %v", i, best, p.Estimates != nil, want)
		}
	}
}

// sweepBench is 2,000 documents with about 7,000 predictions, every one
// with its own score.
func sweepBench() []SweepDoc {
	docs := randomSweep(rand.New(rand.NewPCG(3, 3)), 2000)
	for i := range docs {
		for j := range docs[i].Pred {
			docs[i].Pred[j].Score = float64(i*100+j) / 1e6
		}
	}
	return docs
}

// BenchmarkSweep sweeps sweepBench, without bands.
func BenchmarkSweep(b *testing.B) {
	docs := sweepBench()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Sweep(docs, SweepOptions{Scheme: Strict, Label: All}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSweepRescoreAll sweeps sweepBench the plain way, for
// comparison.
func BenchmarkSweepRescoreAll(b *testing.B) {
	docs := sweepBench()
	points, err := Sweep(docs, SweepOptions{Scheme: Strict, Label: All})
	if err != nil {
		b.Fatal(err)
	}
	ts := thresholdsOf(points)
	b.ReportAllocs()
	for b.Loop() {
		rescoreAll(docs, Strict, All, ts)
	}
}
