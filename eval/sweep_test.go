package eval

import (
	"errors"
	"math"
	"testing"
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
