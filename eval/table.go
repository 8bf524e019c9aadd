package eval

import (
	"fmt"
	"math"
	"slices"

	"github.com/exbench/exbench/corpus"
)

// Key names a row of the statistics: a scheme and a label, [All] for
// the micro counts, or the macro average of a scheme (Macro true, Label
// All).
type Key struct {
	Scheme Scheme
	Label  corpus.Label
	Macro  bool
}

// Metric is one of precision, recall and F1.
type Metric int

// The metrics, in report order.
const (
	Precision Metric = iota
	Recall
	F1
)

// table holds a corpus's per-document sufficient statistics: for every
// document, the counts every metric is computed from, as a sparse list of
// integer cells in slots. Every resample and permutation re-weights these
// cells; nothing is matched again.
//
// A key's precision, recall and F1 come from c2 = 2·COR + PAR, pos and
// act: P = c2 / 2·act, R = c2 / 2·pos, F1 = c2 / (pos + act). Few slots
// are stored, because within one label the four entity schemes share one
// pairing: with COR and INC its counts under strict, strict and exact
// have c2 = 2·COR, partial 2·COR + INC (its PAR), and type 2·(COR + INC);
// and all labels together have the sum of the labels' pos, act and strict
// COR (strict pairs within a label first). So a label stores pos, act,
// 2·COR, INC (and the value scheme's 2·COR for numeric labels), and the
// micro counts only what pairs across labels: exact's 2·COR and INC,
// type's 2·COR and value's 2·COR.
type table struct {
	schemes []Scheme
	keys    []Key // the non-macro keys, in report order
	cols    []keyCols
	macro   [][]int // per scheme of schemes, the indexes of the keys averaged by its macro row
	nslots  int
	docs    [][]cell
}

// keyCols says how a key's c2, pos and act are summed from slots.
type keyCols struct{ c2, pos, act []term }

type term struct {
	slot int32
	coef int64
}

// cell holds two counts of one document, in the two 32-bit halves of v:
// logical slot 2·slot in the low half, 2·slot + 1 in the high half. The
// sweep over every document's cells is what a resample costs, and a
// weighted sum of packed cells adds both halves at once: no carry crosses
// between them while every total stays below 2³² (newPairedTable checks).
type cell struct {
	slot uint16
	v    uint64
}

// maxSlots is how many cells a document can have: some 26,000 labels.
const maxSlots = 1 << 16

// lo and hi split a packed total into its two counts.
func lo(v int64) int64 { return v & 0xffffffff }
func hi(v int64) int64 { return v >> 32 }

// newTable builds the table of docs, with rows for schemes (nil for
// [Schemes]).
func newTable(docs []DocCounts, schemes []Scheme) (*table, error) {
	t, _, err := newPairedTable(docs, nil, schemes)
	return t, err
}

// newPairedTable builds one table whose keys cover both a and b (the same
// documents, scored for two systems): the table holds a's cells, and b's
// cells, in the same slots, come second. The labels are those present in
// any document; a label's key is kept when it has a mention under its
// scheme, micro keys always.
func newPairedTable(a []DocCounts, b []DocCounts, schemes []Scheme) (*table, [][]cell, error) {
	t := &table{schemes: schemes}
	if t.schemes == nil {
		t.schemes = Schemes
	}
	withBag := slices.Contains(t.schemes, Bag)
	var labels []corpus.Label
	for _, docs := range [][]DocCounts{a, b} {
		for _, d := range docs {
			for _, lc := range d.Labels {
				if lc.Label != All && !slices.Contains(labels, lc.Label) {
					labels = append(labels, lc.Label)
				}
			}
		}
	}
	slices.SortFunc(labels, CompareLabels)

	// Logical slots come in pairs that share a cell.
	pair := func() (int32, int32) { t.nslots += 2; return int32(t.nslots - 2), int32(t.nslots - 1) }
	// A bag's pos and act are its label's (every mention counts), so a
	// label stores only its 2·COR for it.
	type labelSlots struct{ pos, act, cor2, inc, cor2V, cor2B int32 }
	type microSlots struct{ cor2E, incE, cor2T, cor2V int32 }
	ls := map[corpus.Label]labelSlots{}
	for _, l := range labels {
		var s labelSlots
		s.pos, s.act = pair()
		s.cor2, s.inc = pair()
		s.cor2V, s.cor2B = -1, -1
		switch {
		case withBag && l.Numeric():
			s.cor2V, s.cor2B = pair()
		case withBag:
			s.cor2B, _ = pair()
		case l.Numeric():
			s.cor2V, _ = pair()
		}
		ls[l] = s
	}
	var ms microSlots
	ms.cor2E, ms.incE = pair()
	ms.cor2T, ms.cor2V = pair()
	if t.nslots/2 > maxSlots {
		return nil, nil, fmt.Errorf("eval: %d labels are more than the statistics can count", len(labels))
	}
	var overflow error

	// fill lays every document's cells out one after the other in one
	// array, so that a resample's sweep reads memory in order.
	fill := func(docs []DocCounts) [][]cell {
		var cs []cell
		ends := make([]int, len(docs))
		// No total may reach 2³², even with every resampled document the
		// largest: len(docs) times the largest count.
		limit := int64(math.MaxUint32) / int64(max(len(docs), 1))
		for i, d := range docs {
			packed := map[int32]uint64{}
			add := func(s int32, v int) {
				if int64(v) > limit {
					overflow = fmt.Errorf("eval: a count of %d in document %q is too large for the statistics", v, d.DocID)
				}
				packed[s/2] += uint64(v) << (32 * (s % 2))
			}
			for _, lc := range d.Labels {
				if lc.Label == All {
					add(ms.cor2E, 2*lc.Scheme[Exact].Correct)
					add(ms.incE, lc.Scheme[Partial].Partial)
					add(ms.cor2T, 2*lc.Scheme[Type].Correct)
					add(ms.cor2V, 2*lc.Scheme[Value].Correct)
					continue
				}
				s := ls[lc.Label]
				strict := lc.Scheme[Strict]
				add(s.pos, strict.Possible())
				add(s.act, strict.Actual())
				add(s.cor2, 2*strict.Correct)
				add(s.inc, strict.Incorrect)
				if s.cor2V >= 0 {
					add(s.cor2V, 2*lc.Scheme[Value].Correct)
				}
				if s.cor2B >= 0 {
					add(s.cor2B, 2*lc.Scheme[Bag].Correct)
				}
			}
			start := len(cs)
			for slot, v := range packed {
				if v != 0 {
					cs = append(cs, cell{uint16(slot), v})
				}
			}
			slices.SortFunc(cs[start:], func(x, y cell) int { return int(x.slot) - int(y.slot) })
			ends[i] = len(cs)
		}
		out := make([][]cell, len(docs))
		start := 0
		for i, end := range ends {
			out[i] = cs[start:end:end]
			start = end
		}
		return out
	}
	t.docs = fill(a)
	bDocs := fill(b)
	if overflow != nil {
		return nil, nil, overflow
	}

	one := func(s int32) []term { return []term{{s, 1}} }
	labelCols := func(sc Scheme, l corpus.Label) keyCols {
		s := ls[l]
		kc := keyCols{pos: one(s.pos), act: one(s.act)}
		switch sc {
		case Strict, Exact:
			kc.c2 = one(s.cor2)
		case Partial:
			kc.c2 = []term{{s.cor2, 1}, {s.inc, 1}}
		case Type:
			kc.c2 = []term{{s.cor2, 1}, {s.inc, 2}}
		case Value:
			kc.c2 = one(s.cor2V)
		case Bag:
			kc.c2 = one(s.cor2B)
		}
		return kc
	}
	microCols := func(sc Scheme) keyCols {
		var kc keyCols
		for _, l := range labels {
			if sc == Value && !l.Numeric() {
				continue
			}
			kc.pos = append(kc.pos, term{ls[l].pos, 1})
			kc.act = append(kc.act, term{ls[l].act, 1})
			switch sc {
			case Strict:
				kc.c2 = append(kc.c2, term{ls[l].cor2, 1})
			case Bag:
				kc.c2 = append(kc.c2, term{ls[l].cor2B, 1})
			}
		}
		switch sc {
		case Exact:
			kc.c2 = one(ms.cor2E)
		case Partial:
			kc.c2 = []term{{ms.cor2E, 1}, {ms.incE, 1}}
		case Type:
			kc.c2 = one(ms.cor2T)
		case Value:
			kc.c2 = one(ms.cor2V)
		}
		return kc
	}

	// Keys: per scheme, micro then the labels with a mention under it.
	present := t.sum(t.docs, nil)
	for i, v := range t.sum(bDocs, nil) {
		present[i] += v
	}
	t.macro = make([][]int, len(t.schemes))
	for i, sc := range t.schemes {
		t.keys = append(t.keys, Key{Scheme: sc, Label: All})
		t.cols = append(t.cols, microCols(sc))
		for _, l := range labels {
			if sc == Value && !l.Numeric() {
				continue
			}
			if present[ls[l].pos]+present[ls[l].act] == 0 {
				continue
			}
			t.macro[i] = append(t.macro[i], len(t.keys))
			t.keys = append(t.keys, Key{Scheme: sc, Label: l})
			t.cols = append(t.cols, labelCols(sc, l))
		}
	}
	return t, bDocs, nil
}

func total(tot []int64, ts []term) float64 {
	var s int64
	for _, t := range ts {
		s += t.coef * tot[t.slot]
	}
	return float64(s)
}

// sum adds the cells of every document into tot, by logical slot, and
// returns it.
func (t *table) sum(docs [][]cell, tot []int64) []int64 {
	tot = resize(tot, t.nslots)
	for _, cs := range docs {
		addCells(tot, cs, 1)
	}
	return tot
}

// addCells adds sign times the counts of cs into the logical totals tot.
func addCells(tot []int64, cs []cell, sign int64) {
	for _, c := range cs {
		v := int64(c.v)
		tot[2*int(c.slot)] += sign * lo(v)
		tot[2*int(c.slot)+1] += sign * hi(v)
	}
}

// unpack spreads packed totals, one a cell slot, into logical totals.
func unpack(packed []int64, tot []int64) []int64 {
	for i, v := range packed {
		tot[2*i], tot[2*i+1] = lo(v), hi(v)
	}
	return tot
}

func resize(s []int64, n int) []int64 {
	if cap(s) < n {
		return make([]int64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// metrics computes every key's precision, recall and F1 from slot
// totals, then every scheme's macro averages, into out: three values a
// key, keys first, then three a scheme. 0/0 is 0, as everywhere.
func (t *table) metrics(tot []int64, out []float64) []float64 {
	n := 3 * (len(t.keys) + len(t.schemes))
	if cap(out) < n {
		out = make([]float64, n)
	}
	out = out[:n]
	for k, kc := range t.cols {
		c2, pos, act := total(tot, kc.c2), total(tot, kc.pos), total(tot, kc.act)
		p, r, f := 0.0, 0.0, 0.0
		if act > 0 {
			p = c2 / (2 * act)
		}
		if pos > 0 {
			r = c2 / (2 * pos)
		}
		if pos+act > 0 {
			f = c2 / (pos + act)
		}
		out[3*k], out[3*k+1], out[3*k+2] = p, r, f
	}
	base := 3 * len(t.keys)
	for i, ks := range t.macro {
		var p, r, f float64
		for _, k := range ks {
			p += out[3*k]
			r += out[3*k+1]
			f += out[3*k+2]
		}
		if n := float64(len(ks)); n > 0 {
			p, r, f = p/n, r/n, f/n
		}
		out[base+3*i], out[base+3*i+1], out[base+3*i+2] = p, r, f
	}
	return out
}

// rowKeys lists the keys of the metrics' rows: t.keys, then each
// scheme's macro row.
func (t *table) rowKeys() []Key {
	keys := slices.Clone(t.keys)
	for _, sc := range t.schemes {
		keys = append(keys, Key{Scheme: sc, Label: All, Macro: true})
	}
	return keys
}
