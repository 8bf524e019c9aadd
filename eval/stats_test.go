package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

// docWith is a document whose PERSON mentions have the counts c under
// every scheme but value.
func docWith(id string, c Counts) DocCounts {
	var sc [len(schemeNames)]Counts
	for _, s := range []Scheme{Strict, Exact, Partial, Type} {
		sc[s] = c
	}
	return DocCounts{DocID: id, Scheme: sc, Labels: []LabelCounts{{Label: All, Scheme: sc}, {Label: corpus.PERSON, Scheme: sc}}}
}

// bootstrap is Bootstrap that fails the test on an error.
func bootstrap(t *testing.T, docs []DocCounts, opts BootstrapOptions) []Row {
	t.Helper()
	rows, err := Bootstrap(docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func rowOf(t *testing.T, rows []Row, k Key) Row {
	t.Helper()
	for _, r := range rows {
		if r.Key == k {
			return r
		}
	}
	t.Fatalf("no row %+v", k)
	return Row{}
}

var microStrict = Key{Scheme: Strict, Label: All}

// TestBootstrapProportion: with one gold mention and one prediction per
// document, F1 is the share of documents found, and its bootstrap
// interval is that of a proportion: p ± 1.96·sqrt(p(1 − p)/n).
func TestBootstrapProportion(t *testing.T) {
	var docs []DocCounts
	for i := range 400 {
		c := Counts{Correct: 1}
		if i%2 == 0 {
			c = Counts{Incorrect: 1}
		}
		docs = append(docs, docWith(fmt.Sprint(i), c))
	}
	rows := bootstrap(t, docs, BootstrapOptions{Seed: 1})
	f1 := rowOf(t, rows, microStrict).Metric[F1]
	half := 1.96 * math.Sqrt(0.25/400) // 0.049
	if f1.Value != 0.5 {
		t.Fatalf("F1 = %v, want 0.5", f1.Value)
	}
	for name, iv := range map[string]Interval{"percentile": f1.Percentile, "BCa": f1.BCa} {
		if math.Abs(iv.Low-(0.5-half)) > 0.01 || math.Abs(iv.High-(0.5+half)) > 0.01 {
			t.Errorf("%s interval %v, want about [%.3f, %.3f]", name, iv, 0.5-half, 0.5+half)
		}
	}
	if !f1.BCaOK {
		t.Error("BCa undefined")
	}
}

// TestBootstrapTwoDocuments works the distribution out by hand: one
// document all correct (F1 1 alone), one all wrong (F1 0 alone): a
// resample is both (F1 0.5) with probability ½, and either twice with
// probability ¼, so the 95% percentile interval is [0, 1] and the
// median 0.5.
func TestBootstrapTwoDocuments(t *testing.T) {
	docs := []DocCounts{docWith("a", Counts{Correct: 1}), docWith("b", Counts{Missed: 1, Spurious: 1})}
	f1 := rowOf(t, bootstrap(t, docs, BootstrapOptions{Seed: 3}), microStrict).Metric[F1]
	if f1.Value != 0.5 || f1.Percentile != (Interval{0, 1}) {
		t.Errorf("F1 %v, interval %v; want 0.5, [0, 1]", f1.Value, f1.Percentile)
	}
	narrow := rowOf(t, bootstrap(t, docs, BootstrapOptions{Seed: 3, Level: 0.4}), microStrict).Metric[F1]
	if narrow.Percentile != (Interval{0.5, 0.5}) {
		t.Errorf("40%% interval %v, want [0.5, 0.5]", narrow.Percentile)
	}
}

func TestBootstrapDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	var docs []DocCounts
	for i := range 60 {
		docs = append(docs, docWith(fmt.Sprint(i), Counts{Correct: rng.IntN(5), Incorrect: rng.IntN(2), Missed: rng.IntN(3), Spurious: rng.IntN(3)}))
	}
	one := bootstrap(t, docs, BootstrapOptions{Seed: 5, Resamples: 2000, Workers: 1})
	three := bootstrap(t, docs, BootstrapOptions{Seed: 5, Resamples: 2000, Workers: 3})
	if diff := cmp.Diff(one, three); diff != "" {
		t.Errorf("1 and 3 workers differ:\n%s", diff)
	}
	other := bootstrap(t, docs, BootstrapOptions{Seed: 6, Resamples: 2000})
	if cmp.Equal(one, other) {
		t.Error("another seed gave the same intervals")
	}
}

// TestCoverage simulates corpora of 50 documents from a known process and
// checks that the 95% intervals of micro F1 cover the true F1 in 93–97%
// of them. Each document has 1–6 gold mentions, each found with
// probability 0.7, and 0–2 spurious predictions (mean 1): the true F1 is
// 2·E[COR] / (E[POS] + E[ACT]) = 2·0.7·3.5 / (3.5 + 0.7·3.5 + 1).
func TestCoverage(t *testing.T) {
	// Under -short, and under the race detector (make test runs this test
	// again without it, in full), 200 corpora.
	short := testing.Short() || raceEnabled
	corpora, resamples := 1000, 1000
	if short {
		corpora = 200
	}
	truth := 2 * 0.7 * 3.5 / (3.5 + 0.7*3.5 + 1)
	rng := rand.New(rand.NewPCG(2016, 7))
	covered := map[string]int{}
	for range corpora {
		var docs []DocCounts
		for i := range 50 {
			var c Counts
			for range 1 + rng.IntN(6) {
				if rng.Float64() < 0.7 {
					c.Correct++
				} else {
					c.Missed++
				}
			}
			c.Spurious = rng.IntN(3)
			docs = append(docs, docWith(fmt.Sprint(i), c))
		}
		f1 := rowOf(t, bootstrap(t, docs, BootstrapOptions{Seed: rng.Uint64(), Resamples: resamples, Workers: 1}), microStrict).Metric[F1]
		if f1.Percentile.Low <= truth && truth <= f1.Percentile.High {
			covered["percentile"]++
		}
		if f1.BCa.Low <= truth && truth <= f1.BCa.High {
			covered["BCa"]++
		}
	}
	lo, hi := 0.93, 0.97
	if short {
		lo, hi = 0.90, 0.99 // fewer corpora, wider binomial noise
	}
	for _, method := range []string{"percentile", "BCa"} {
		n := covered[method] // a method that never covered counts 0, and fails
		if share := float64(n) / float64(corpora); share < lo || share > hi {
			t.Errorf("%s intervals covered the true F1 %.4f in %.1f%% of %d corpora, want %.0f–%.0f%%", method, truth, 100*share, corpora, 100*lo, 100*hi)
		} else {
			t.Logf("%s: %.1f%% coverage", method, 100*share)
		}
	}
}

// TestCompareExact checks the permutation test against an independent
// enumeration of all 2⁴ swaps of 4 documents, computed with Counts.
func TestCompareExact(t *testing.T) {
	a := []DocCounts{docWith("1", Counts{Correct: 2}), docWith("2", Counts{Correct: 1, Missed: 1}), docWith("3", Counts{Correct: 3, Spurious: 1}), docWith("4", Counts{Missed: 2})}
	b := []DocCounts{docWith("1", Counts{Correct: 1, Missed: 1}), docWith("2", Counts{Missed: 2, Spurious: 2}), docWith("3", Counts{Correct: 1, Missed: 2}), docWith("4", Counts{Missed: 2})}
	c, err := Compare(a, b, BootstrapOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	f1 := func(ds []DocCounts, swap int, other []DocCounts) float64 {
		var sum Counts
		for i := range ds {
			d := ds[i]
			if swap&(1<<i) != 0 {
				d = other[i]
			}
			sum = sum.Plus(d.Scheme[Strict])
		}
		return sum.F1()
	}
	obs := math.Abs(f1(b, 0, a) - f1(a, 0, b))
	hits := 0
	for mask := range 16 {
		if math.Abs(f1(b, mask, a)-f1(a, mask, b)) >= obs-1e-12 {
			hits++
		}
	}
	want := float64(hits) / 16
	var micro Difference
	for _, r := range c.Rows {
		if r.Key == microStrict {
			micro = r
		}
	}
	if !c.Exact || c.MinP != 0.125 || micro.P != want || math.Abs(micro.Delta-(f1(b, 0, a)-f1(a, 0, b))) > 1e-12 {
		t.Errorf("exact %v, min p %v, p %v, Δ %v; want exact, 0.125, %v, %v", c.Exact, c.MinP, micro.P, micro.Delta, want, f1(b, 0, a)-f1(a, 0, b))
	}
	// With every document better in A, only the identity and the full
	// swap reach |Δ|: p = 2/16.
	allA := []DocCounts{docWith("1", Counts{Correct: 1}), docWith("2", Counts{Correct: 1}), docWith("3", Counts{Correct: 1}), docWith("4", Counts{Correct: 1})}
	allB := []DocCounts{docWith("1", Counts{Missed: 1}), docWith("2", Counts{Missed: 1}), docWith("3", Counts{Missed: 1}), docWith("4", Counts{Missed: 1})}
	c, _ = Compare(allA, allB, BootstrapOptions{})
	if c.Rows[0].P != 0.125 || c.Rows[0].Delta != -1 {
		t.Errorf("all better: p %v, Δ %v; want 0.125, -1", c.Rows[0].P, c.Rows[0].Delta)
	}
	if _, err := Compare(allA, allB[:3], BootstrapOptions{}); err == nil {
		t.Error("Compare of different documents succeeded")
	}
}

// TestCompareSampled: with more than MaxExact documents the test samples
// permutations; identical systems give p = 1 and Δ = 0.
func TestCompareSampled(t *testing.T) {
	var a []DocCounts
	for i := range 40 {
		a = append(a, docWith(fmt.Sprint(i), Counts{Correct: i % 3, Missed: 1}))
	}
	c, err := Compare(a, a, BootstrapOptions{Resamples: 999})
	if err != nil {
		t.Fatal(err)
	}
	if c.Exact || c.MinP != 0.001 {
		t.Errorf("exact %v, min p %v; want sampled, 1/1000", c.Exact, c.MinP)
	}
	for _, r := range c.Rows {
		if r.P != 1 || r.Delta != 0 || r.CI != (Interval{0, 0}) {
			t.Errorf("%+v: identical systems should give p 1, Δ 0, CI [0, 0]", r)
		}
	}
}

func TestHolm(t *testing.T) {
	rows := []Difference{
		{Key: Key{Scheme: Strict, Label: corpus.PERSON}, P: 0.01},
		{Key: Key{Scheme: Strict, Label: corpus.ORG}, P: 0.04},
		{Key: Key{Scheme: Strict, Label: corpus.GPE}, P: 0.03},
		{Key: Key{Scheme: Strict, Label: All}, P: 0.02}, // micro: not adjusted
	}
	holm(rows)
	// Sorted .01, .03, .04 → ×3, ×2, ×1 → .03, .06, .04 → monotone .03, .06, .06.
	want := []float64{0.03, 0.06, 0.06, 0}
	for i, r := range rows[:3] {
		if math.Abs(r.PHolm-want[i]) > 1e-12 {
			t.Errorf("%s: Holm p %v, want %v", r.Key.Label, r.PHolm, want[i])
		}
	}
}

// TestTableMatchesCounts checks the table's few slots against the counts
// the scorer reports, for every key, on a synthetic corpus with every kind
// of mistake: the slots' derivations (see table) must hold.
func TestTableMatchesCounts(t *testing.T) {
	c := synth(300, 30)
	s := NewScorer(Options{NoMistakes: true})
	var sum Summary
	for i := range c.docs {
		sum.Add(s.Score(c.docs[i], c.gold[i], c.pred[i]))
	}
	tb, err := newTable(sum.Docs, append(slices.Clip(Schemes), Bag))
	if err != nil {
		t.Fatal(err)
	}
	got := tb.metrics(tb.sum(tb.docs, nil), nil)
	byLabel := map[corpus.Label]LabelCounts{}
	for _, lc := range sum.Labels() {
		byLabel[lc.Label] = lc
	}
	for k, key := range tb.rowKeys() {
		var want [3]float64
		if key.Macro {
			m := sum.Macro(key.Scheme)
			want = [3]float64{m.Precision, m.Recall, m.F1}
		} else {
			c := byLabel[key.Label].Scheme[key.Scheme]
			want = [3]float64{c.Precision(), c.Recall(), c.F1()}
		}
		for m := range 3 {
			if math.Abs(got[3*k+m]-want[m]) > 1e-12 {
				t.Errorf("%+v metric %d: table %v, counts %v", key, m, got[3*k+m], want[m])
			}
		}
	}
	if len(tb.keys) < 20 || !slices.ContainsFunc(tb.keys, func(k Key) bool { return k.Scheme == Bag && k.Label != All }) {
		t.Errorf("only %d keys, or none for bag", len(tb.keys))
	}
}
