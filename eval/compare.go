package eval

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"sync"
)

// Difference compares the F1 of two systems on one key.
type Difference struct {
	Key   Key
	A, B  float64  // F1 of each system
	Delta float64  // B − A
	CI    Interval // paired bootstrap percentile interval of Delta
	// P is the two-sided p-value of a paired permutation test; PHolm is
	// P after Holm's correction over the labels of the key's scheme (P
	// itself for micro and macro rows).
	P, PHolm float64
	// Warnings says what makes the row rough, when [Result.Compare]
	// makes it: a [FewGold].
	Warnings []error
	// Empty, when [Result.Compare] makes the row, says that neither the
	// gold nor either system has a mention under the key (the value
	// scheme with no number anywhere): its F1s say nothing.
	Empty bool
}

// Comparison is the result of [Compare].
type Comparison struct {
	Rows []Difference
	// Exact says the permutation test enumerated all 2ⁿ assignments
	// (n ≤ MaxExact documents) instead of sampling them.
	Exact bool
	// MinP is the smallest p-value the test can reach: 2/2ⁿ when exact,
	// 1/(R+1) when sampled.
	MinP float64
	// Units and Unit say what was resampled, when [Result.Compare] makes
	// the comparison, and Warnings what limits it: an [Unreachable].
	Units    int
	Unit     Unit
	Warnings []error
}

// MaxExact is the largest number of documents for which [Compare]
// enumerates every permutation.
const MaxExact = 16

// ErrDocs is returned by [Compare] when the two systems were not scored
// on the same documents.
var ErrDocs = errors.New("the two systems were not scored on the same documents")

// Compare compares two systems scored on the same documents, in the same
// order. For every key it gives each system's F1, the difference, a
// paired bootstrap interval of the difference drawn with the same
// resample indices as [Bootstrap] with the same options, and the p-value
// of a two-sided paired permutation test (approximate randomization,
// Noreen 1989; Yeh 2000): each document's counts are swapped between the
// systems with probability ½ and p = (c + 1) / (R + 1), where c counts the
// permutations whose |ΔF1| is at least the observed one. With at most
// MaxExact documents all 2ⁿ swaps are enumerated and p = c / 2ⁿ. Holm's
// step-down correction (Holm 1979) adjusts the p-values of the labels of
// each scheme.
func Compare(a, b []DocCounts, opts BootstrapOptions) (*Comparison, error) {
	if len(a) != len(b) {
		return nil, fmt.Errorf("%w: %d and %d documents", ErrDocs, len(a), len(b))
	}
	for i := range a {
		if a[i].DocID != b[i].DocID {
			return nil, fmt.Errorf("%w: document %d is %q and %q", ErrDocs, i+1, a[i].DocID, b[i].DocID)
		}
	}
	if err := opts.Check(); err != nil {
		return nil, err
	}
	opts = opts.Defaults()
	t, bDocs, err := newPairedTable(a, b, opts.Schemes)
	if err != nil {
		return nil, err
	}
	obsA := t.metrics(t.sum(t.docs, nil), nil)
	obsB := t.metrics(t.sum(bDocs, nil), nil)
	nrows := len(obsA) / 3

	// Paired bootstrap of ΔF1, in [−1, 1].
	const stride = 2*bins + 1
	hist := resample(t, bDocs, opts, func(ma, mb []float64, h []uint32, _ int) {
		for k := range nrows {
			h[k*stride+bin(mb[3*k+2]-ma[3*k+2], -1)]++
		}
	}, nrows, stride)

	c := &Comparison{}
	counts, perms := permute(t, bDocs, obsA, obsB, opts, &c.Exact)
	if c.Exact {
		c.MinP = 2 / float64(perms)
	} else {
		c.MinP = 1 / float64(perms+1)
	}
	for k, key := range t.rowKeys() {
		x, w := compact(hist[k*stride:(k+1)*stride], -1)
		alpha := 1 - opts.Level
		d := Difference{
			Key: key, A: obsA[3*k+2], B: obsB[3*k+2], Delta: obsB[3*k+2] - obsA[3*k+2],
			CI: Interval{quantile(alpha/2, x, w), quantile(1-alpha/2, x, w)},
		}
		if c.Exact {
			d.P = float64(counts[k]) / float64(perms)
		} else {
			d.P = float64(counts[k]+1) / float64(perms+1)
		}
		d.PHolm = d.P
		c.Rows = append(c.Rows, d)
	}
	holm(c.Rows)
	slices.SortStableFunc(c.Rows, func(x, y Difference) int { return compareKeys(x.Key, y.Key) })
	return c, nil
}

// compareKeys orders rows by scheme, each scheme's micro row first and
// macro row last; rows are made in that order otherwise.
func compareKeys(x, y Key) int {
	return cmp.Or(cmp.Compare(x.Scheme, y.Scheme), boolCompare(x.Macro, y.Macro))
}

func boolCompare(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// permute runs the paired permutation test on F1 for every row and
// returns, per row, how many permutations reached the observed |ΔF1|,
// and how many permutations there were.
func permute(t *table, bDocs [][]cell, obsA, obsB []float64, opts BootstrapOptions, exact *bool) ([]int, int) {
	n := len(t.docs)
	nrows := len(obsA) / 3
	// diff[i] is document i's cells of B minus A: swapping it moves diff
	// from B's totals to A's.
	type delta struct {
		slot int
		v    int64
	}
	diffs := make([][]delta, n)
	for i := range n {
		m := map[int]int64{}
		for sign, cs := range map[int64][]cell{-1: t.docs[i], 1: bDocs[i]} {
			for _, c := range cs {
				m[2*int(c.slot)] += sign * lo(int64(c.v))
				m[2*int(c.slot)+1] += sign * hi(int64(c.v))
			}
		}
		for s, v := range m {
			if v != 0 {
				diffs[i] = append(diffs[i], delta{s, v})
			}
		}
		slices.SortFunc(diffs[i], func(x, y delta) int { return cmp.Compare(x.slot, y.slot) })
	}
	baseA := t.sum(t.docs, nil)
	baseB := t.sum(bDocs, nil)
	observed := make([]float64, nrows)
	for k := range nrows {
		observed[k] = math.Abs(obsB[3*k+2]-obsA[3*k+2]) - 1e-12
	}
	counts := make([]int, nrows)
	count := func(totA, totB []int64, ma, mb []float64) ([]float64, []float64) {
		ma = t.metrics(totA, ma)
		mb = t.metrics(totB, mb)
		for k := range nrows {
			if math.Abs(mb[3*k+2]-ma[3*k+2]) >= observed[k] {
				counts[k]++
			}
		}
		return ma, mb
	}
	swap := func(totA, totB []int64, i int, sign int64) {
		for _, c := range diffs[i] {
			totA[c.slot] += sign * c.v
			totB[c.slot] -= sign * c.v
		}
	}

	if n <= MaxExact {
		*exact = true
		// Gray code: each step swaps one document in or out.
		totA, totB := slices.Clone(baseA), slices.Clone(baseB)
		swapped := make([]bool, n)
		var ma, mb []float64
		ma, mb = count(totA, totB, ma, mb)
		for step := 1; step < 1<<n; step++ {
			i := bits.TrailingZeros(uint(step))
			sign := int64(1)
			if swapped[i] {
				sign = -1
			}
			swapped[i] = !swapped[i]
			swap(totA, totB, i, sign)
			ma, mb = count(totA, totB, ma, mb)
		}
		return counts, 1 << n
	}

	// Approximate randomization, each permutation from its own stream.
	var mu sync.Mutex
	tk := newTicker(opts.Progress, opts.Resamples)
	inParallel(opts.Resamples, opts.Workers, func(from, to int) {
		local := make([]int, nrows)
		totA, totB := make([]int64, len(baseA)), make([]int64, len(baseB))
		var ma, mb []float64
		for r := from; r < to; r++ {
			rng := rand.New(rand.NewPCG(opts.Seed^0x9e3779b97f4a7c15, uint64(r)))
			copy(totA, baseA)
			copy(totB, baseB)
			for i := range n {
				if rng.Uint64()&1 == 1 {
					swap(totA, totB, i, 1)
				}
			}
			ma = t.metrics(totA, ma)
			mb = t.metrics(totB, mb)
			for k := range nrows {
				if math.Abs(mb[3*k+2]-ma[3*k+2]) >= observed[k] {
					local[k]++
				}
			}
			if (r-from)%tickEvery == tickEvery-1 {
				tk.add(tickEvery)
			}
		}
		tk.add((to - from) % tickEvery)
		mu.Lock()
		for k, c := range local {
			counts[k] += c
		}
		mu.Unlock()
	})
	return counts, opts.Resamples
}

// holm applies Holm's step-down correction to the p-values of the label
// rows of each scheme: sorted ascending, the i-th of m is multiplied by
// m − i (from i = 0), kept monotone, capped at 1.
func holm(rows []Difference) {
	for sc := range Scheme(len(schemeNames)) {
		var idx []int
		for i, r := range rows {
			if r.Key.Scheme == sc && r.Key.Label != All && !r.Key.Macro {
				idx = append(idx, i)
			}
		}
		holmStep(idx, func(i int) *float64 { return &rows[i].P }, func(i int) *float64 { return &rows[i].PHolm })
	}
}

// holmStep applies Holm's step-down correction to the p-values of the
// items idx names: sorted ascending, the i-th of m is multiplied by
// m − i (from i = 0), kept monotone, capped at 1, and stored in adjusted.
func holmStep(idx []int, p, adjusted func(i int) *float64) {
	slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(*p(x), *p(y)) })
	prev := 0.0
	for i, j := range idx {
		prev = max(prev, min(1, float64(len(idx)-i)**p(j)))
		*adjusted(j) = prev
	}
}

// bootstrapP returns the two-sided p-value of a difference from its
// bootstrap replicates ds: twice the smaller share of them on either side
// of 0, counting the observed one, capped at 1.
func bootstrapP(ds []float64) float64 {
	below, above := 0, 0
	for _, d := range ds {
		if d <= 0 {
			below++
		}
		if d >= 0 {
			above++
		}
	}
	return min(1, 2*float64(min(below, above)+1)/float64(len(ds)+1))
}
