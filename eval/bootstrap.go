package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// BootstrapOptions configures [Bootstrap] and [Compare]. The zero value
// is the default.
type BootstrapOptions struct {
	Resamples int     // resamples (and permutations); 0 means 10,000
	Level     float64 // confidence level; 0 means 0.95
	Seed      uint64  // random seed; resample r uses the stream (Seed, r)
	Workers   int     // goroutines; 0 means GOMAXPROCS. Results do not depend on it.
	Method    Method  // the interval reports and warnings use: BCa, the default, or Percentile
	// Schemes are the schemes to make rows for; nil means [Schemes].
	// [Result.Bootstrap] and [Result.Compare] set it from the setup.
	Schemes []Scheme
	// Progress, when set, is called now and then, from one goroutine at a
	// time, with the resamples (or permutations) done so far and their
	// total, for a progress display.
	Progress func(done, total int)
}

// ticker counts the resamples done by every worker, for
// BootstrapOptions.Progress.
type ticker struct {
	mu          sync.Mutex
	done, total int
	fn          func(done, total int)
}

// newTicker returns a ticker of total resamples for fn, or nil when fn
// is nil.
func newTicker(fn func(done, total int), total int) *ticker {
	if fn == nil {
		return nil
	}
	return &ticker{total: total, fn: fn}
}

// add counts n more resamples done, and tells fn.
func (t *ticker) add(n int) {
	if t == nil || n == 0 {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.done += n
	t.fn(t.done, t.total)
}

// Method is a way to make a bootstrap interval.
type Method int8

const (
	BCa        Method = iota // bias-corrected and accelerated
	Percentile               // the plain percentile interval
)

// String returns "BCa" or "percentile".
func (m Method) String() string {
	if m == Percentile {
		return "percentile"
	}
	return "BCa"
}

// Check reports a field out of its range: a Level that is not 0 (the
// default) and not between 0 and 1, NaN among them; a negative number of
// resamples.
func (o BootstrapOptions) Check() error {
	switch {
	case o.Level != 0 && !(o.Level > 0 && o.Level < 1):
		return fmt.Errorf("eval: confidence level %v: want a number between 0 and 1", o.Level)
	case o.Resamples < 0:
		return fmt.Errorf("eval: %d resamples: want 0 (the default) or more", o.Resamples)
	}
	return nil
}

// Defaults returns o with its zero fields set to their defaults, as
// [Bootstrap] and [Compare] use it.
func (o BootstrapOptions) Defaults() BootstrapOptions {
	if o.Resamples <= 0 {
		o.Resamples = 10000
	}
	if o.Level <= 0 || o.Level >= 1 {
		o.Level = 0.95
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// Interval is a confidence interval.
type Interval struct{ Low, High float64 }

// Estimate is a metric with its bootstrap confidence intervals.
type Estimate struct {
	Value      float64
	Percentile Interval
	// BCa is the bias-corrected and accelerated interval. When it is
	// undefined (every resample on one side of Value), BCaOK is false and
	// BCa holds the percentile interval.
	BCa   Interval
	BCaOK bool
}

// Interval returns the estimate's interval made by method m.
func (e Estimate) Interval(m Method) Interval {
	if m == Percentile {
		return e.Percentile
	}
	return e.BCa
}

// Row is the precision, recall and F1 of one key, with their intervals.
type Row struct {
	Key    Key
	Metric [3]Estimate // indexed by Metric
	// Warnings says what makes the intervals rough, when [Result]
	// makes them: [ErrBCaUndefined], a [FewGold].
	Warnings []error
}

// bins is the resolution of the bootstrap distributions: metrics are
// kept in histograms of width 1/bins, so memory does not grow with the
// number of resamples and intervals are exact to the 4 decimals reports
// print.
const bins = 10000

// Bootstrap computes percentile and BCa confidence intervals for the
// precision, recall and F1 of every key (micro, each label, and macro,
// under every scheme) by resampling documents with replacement
// (Efron and Tibshirani, An Introduction to the Bootstrap, 1993, ch. 13
// and 14). Each resample re-weights the documents' counts; the metrics are
// computed from the summed counts. BCa's acceleration comes from the
// leave-one-document-out jackknife.
func Bootstrap(docs []DocCounts, opts BootstrapOptions) ([]Row, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	opts = opts.Defaults()
	t, err := newTable(docs, opts.Schemes)
	if err != nil {
		return nil, err
	}
	observed := t.metrics(t.sum(t.docs, nil), nil)
	hists := resample(t, nil, opts, func(a, _ []float64, h []uint32, stride int) {
		for s, v := range a {
			h[s*stride+bin(v, 0)]++
		}
	}, len(observed), bins+1)
	jack := jackknife(t, t.docs)
	keys := t.rowKeys()
	rows := make([]Row, len(keys))
	for k, key := range keys {
		rows[k].Key = key
		for m := range 3 {
			s := 3*k + m
			rows[k].Metric[m] = estimate(observed[s], hists[s*(bins+1):(s+1)*(bins+1)], 0, jack[s], opts)
		}
	}
	slices.SortStableFunc(rows, func(x, y Row) int { return compareKeys(x.Key, y.Key) })
	return rows, nil
}

// bin returns the histogram bin of v, for values from lo to lo + 1 + ...
// in steps of 1/bins.
func bin(v, lo float64) int { return int(math.Round((v - lo) * bins)) }

// resample draws opts.Resamples resamples of the documents, each
// from its own random stream (opts.Seed, r) so that the result does not
// depend on the number of workers, and calls add with the metrics of t
// (and of b's cells, when b is not nil) for every resample, to fill a
// worker's histograms of nstats rows of stride bins. It returns the sum
// of the workers' histograms. Memory does not grow with the number of
// resamples.
func resample(t *table, b [][]cell, opts BootstrapOptions, add func(a, b []float64, h []uint32, stride int), nstats, stride int) []uint32 {
	n := len(t.docs)
	un := uint32(n)
	var mu sync.Mutex
	total := make([]uint32, nstats*stride)
	tk := newTicker(opts.Progress, opts.Resamples)
	inParallel(opts.Resamples, opts.Workers, func(from, to int) {
		h := make([]uint32, nstats*stride)
		weights := make([]int32, n)
		packedA, packedB := new([maxSlots]int64), new([maxSlots]int64)
		totA, totB := make([]int64, t.nslots), make([]int64, t.nslots)
		cells := t.nslots / 2
		var ma, mb []float64
		for r := from; r < to; r++ {
			rng := rand.New(rand.NewPCG(opts.Seed, uint64(r)))
			clear(weights)
			for range n {
				weights[rng.Uint32N(un)]++
			}
			ma = t.metrics(unpack(weighted(t.docs, weights, packedA, cells), totA), ma)
			if b != nil {
				mb = t.metrics(unpack(weighted(b, weights, packedB, cells), totB), mb)
			}
			add(ma, mb, h, stride)
			if (r-from)%tickEvery == tickEvery-1 {
				tk.add(tickEvery)
			}
		}
		tk.add((to - from) % tickEvery)
		mu.Lock()
		for i, c := range h {
			total[i] += c
		}
		mu.Unlock()
	})
	return total
}

// tickEvery is how many resamples a worker does between two reports to
// BootstrapOptions.Progress.
const tickEvery = 100

// inParallel splits [0, n) into one contiguous range a worker, runs fn on
// each range in its own goroutine, and returns when all are done.
func inParallel(n, workers int, fn func(from, to int)) {
	var wg sync.WaitGroup
	per := (n + workers - 1) / workers
	for w := range workers {
		from, to := w*per, min((w+1)*per, n)
		if from >= to {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(from, to)
		}()
	}
	wg.Wait()
}

// weighted sums the documents' packed cells, document i counted
// weights[i] times, into acc, and returns the first n cell slots of it. acc spans every
// 16-bit slot so that the compiler drops the bounds check in the loop
// that every resample runs over every cell.
func weighted(docs [][]cell, weights []int32, acc *[maxSlots]int64, n int) []int64 {
	tot := acc[:n]
	clear(tot)
	for i, cs := range docs {
		w := int64(weights[i])
		if w == 0 {
			continue
		}
		for _, c := range cs {
			acc[c.slot] += w * int64(c.v)
		}
	}
	return tot
}

// jackknife returns, for every metric, the BCa acceleration from the
// leave-one-document-out estimates (Efron and Tibshirani, eq. 14.15):
// a = Σ(θ̄ − θ₍ᵢ₎)³ / (6 (Σ(θ̄ − θ₍ᵢ₎)²)^{3/2}), 0 when the estimates do
// not vary.
func jackknife(t *table, docs [][]cell) []float64 {
	full := t.sum(docs, nil)
	n := len(docs)
	var thetas [][]float64
	tot := make([]int64, len(full))
	for i := range n {
		copy(tot, full)
		addCells(tot, docs[i], -1)
		thetas = append(thetas, t.metrics(tot, nil))
	}
	if n == 0 {
		return nil
	}
	acc := make([]float64, len(thetas[0]))
	for s := range acc {
		var mean float64
		for i := range n {
			mean += thetas[i][s]
		}
		mean /= float64(n)
		var num, den float64
		for i := range n {
			d := mean - thetas[i][s]
			num += d * d * d
			den += d * d
		}
		if den > 0 {
			acc[s] = num / (6 * math.Pow(den, 1.5))
		}
	}
	return acc
}

// estimate computes the percentile and BCa intervals of the statistic
// observed, whose bootstrap distribution is the histogram h of bins from
// lo in steps of 1/bins, with acceleration a.
func estimate(observed float64, h []uint32, lo float64, a float64, opts BootstrapOptions) Estimate {
	x, w := compact(h, lo)
	alpha := 1 - opts.Level
	e := Estimate{Value: observed}
	e.Percentile = Interval{quantile(alpha/2, x, w), quantile(1-alpha/2, x, w)}
	e.BCa = e.Percentile

	// z0 from the share of resamples below the observed value, ties
	// counting half.
	ob := bin(observed, lo)
	var below, total float64
	for i, c := range h {
		switch {
		case i < ob:
			below += float64(c)
		case i == ob:
			below += float64(c) / 2
		}
		total += float64(c)
	}
	if total == 0 || below == 0 || below == total {
		return e
	}
	z0 := distuv.UnitNormal.Quantile(below / total)
	adjust := func(q float64) float64 {
		z := distuv.UnitNormal.Quantile(q)
		return distuv.UnitNormal.CDF(z0 + (z0+z)/(1-a*(z0+z)))
	}
	e.BCa = Interval{quantile(adjust(alpha/2), x, w), quantile(adjust(1-alpha/2), x, w)}
	e.BCaOK = true
	return e
}

// compact returns the values and weights of the non-empty bins.
func compact(h []uint32, lo float64) (x, w []float64) {
	for i, c := range h {
		if c > 0 {
			x = append(x, lo+float64(i)/bins)
			w = append(w, float64(c))
		}
	}
	return x, w
}

func quantile(p float64, x, w []float64) float64 {
	if len(x) == 0 {
		return math.NaN()
	}
	p = min(max(p, 0), 1)
	return stat.Quantile(p, stat.Empirical, x, w)
}
