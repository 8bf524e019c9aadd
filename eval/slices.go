package eval

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"

	"github.com/exbench/exbench/corpus"
)

// A slice is a part of the mentions that share a property: a family
// ("label", "length", "shape", ...) and a value in it ("PERSON", "2
// tokens", "all caps"). A gold mention belongs to a slice by its own
// properties, which recall counts; a prediction by its own, which
// precision counts. So a slice's P is over the predictions in it and its
// R over the gold mentions in it, each with the outcome it had in the
// scoring of the whole document; F1 is their harmonic mean.
//
// A family of predictions is defined by what only a prediction has (its
// score): its slices hold predictions and no gold mention, so they have a
// precision and no recall, and neither F1. Such a slice is tested on its
// precision against the rest of its family's (see [SliceRow]).
//
// The built-in families:
//
//	label       the mention's label
//	length      tokens in the mention: 1, 2, 3, 4+
//	shape       digits, number in words, all caps, title case, lowercase, mixed
//	position    first line (a headline, a title) or body
//	document    the document
//	sentence    tokens in the mention's sentence: 1-10, 11-20, 21-40, 41+
//	frequency   how often the mention's text is a gold mention in the corpus: once, more than once
//	modifier    numbers: with a modifier, exact
//	unit        numbers: with a unit, none
//	magnitude   numbers: the value's size: <10, 10-999, 1k-999k, 1M+, no value
//	score       predictions: the prediction's score (confidence): <0.5, 0.5-0.7, 0.7-0.9, 0.9+,
//	            no score; a family of predictions (precision only), left out
//	            for a system that gives no prediction a score
var SliceFamilies = []string{"label", "length", "shape", "position", "document", "sentence", "frequency", "modifier", "unit", "magnitude", "score"}

// Slicer collects the outcome of every mention as documents are scored
// (its Add fits [Setup.Each], with Score.Outcomes set) and scores the
// slices of each system ([Slicer.Slices]).
type Slicer struct {
	systems  []string
	docs     [][]sliceDoc // by system, in the order documents come
	goldN    map[string]int
	families []string            // SliceFamilies, then the document families
	docFam   []map[string]string // the document families' values, by document ID
}

// sliceDoc is one document's mentions, each with the slices it belongs
// to and its outcome under each scheme.
type sliceDoc struct {
	id       string
	mentions []sliceMention
}

type sliceMention struct {
	gold    bool
	scheme  Scheme
	outcome Outcome
	values  []string // by family; "" where the family does not apply
	text    string   // normalised, for frequency
}

// numFamilies is how many built-in families there are; frequencyFamily
// and scoreFamily are the indexes of two in SliceFamilies.
const (
	numFamilies     = 11
	frequencyFamily = 6
	scoreFamily     = 10
)

// NewSlicer returns a Slicer for the systems named names, in order.
func NewSlicer(names []string) *Slicer {
	return &Slicer{systems: names, docs: make([][]sliceDoc, len(names)), goldN: map[string]int{}, families: slices.Clone(SliceFamilies)}
}

// Docs returns how many documents the first system has had.
func (s *Slicer) Docs() int {
	if len(s.docs) == 0 {
		return 0
	}
	return len(s.docs[0])
}

// DocFamily adds a family of slices by a property of documents, such as
// their source or genre from a metadata file: every mention of a
// document is in the slice of its document's value, "(none)" for a
// document values does not name. Call it before the first Add.
func (s *Slicer) DocFamily(name string, values map[string]string) {
	s.families = append(s.families, name)
	s.docFam = append(s.docFam, values)
}

// Add notes the outcomes of a scored document of system sys. r must have
// Outcomes (Options.Outcomes).
func (s *Slicer) Add(c *Case, sys int, r *DocResult) error {
	var sentences []corpus.Span
	if c.Sentences != nil {
		sentences = c.Sentences
	} else {
		sentences = corpus.Sentences(c.Doc.Text)
	}
	x := corpus.NewIndex(c.Doc.Text)
	firstLine := len([]rune(strings.SplitN(c.Doc.Text, "\n", 2)[0]))
	d := sliceDoc{id: c.Doc.ID}
	for _, o := range r.Outcomes {
		m := o.Mention
		sm := sliceMention{gold: o.Gold, scheme: o.Scheme, outcome: o.Outcome, text: corpus.NormalText(m.Text)}
		builtin := mentionSlices(&m, c.Doc.ID, firstLine, sentences, x)
		if !o.Gold {
			builtin[scoreFamily] = scoreSlice(&m)
		}
		sm.values = append(builtin[:], make([]string, len(s.docFam))...)
		for k, vals := range s.docFam {
			v, ok := vals[c.Doc.ID]
			if !ok {
				v = "(none)"
			}
			sm.values[numFamilies+k] = v
		}
		d.mentions = append(d.mentions, sm)
		if o.Gold && sys == 0 && o.Scheme == Strict {
			s.goldN[sm.text]++
		}
	}
	s.docs[sys] = append(s.docs[sys], d)
	return nil
}

// SliceNamer returns a function giving the slices a mention of c's
// document belongs to, as "family=value", in the built-in families that
// depend on the mention and its document alone (all but frequency, which
// needs the whole corpus, and score, which a gold mention has not): for
// reports that filter mentions by slice.
func SliceNamer(c *Case) func(m *corpus.Mention) []string {
	sentences := c.Sentences
	if sentences == nil {
		sentences = corpus.Sentences(c.Doc.Text)
	}
	x := corpus.NewIndex(c.Doc.Text)
	firstLine := len([]rune(strings.SplitN(c.Doc.Text, "\n", 2)[0]))
	return func(m *corpus.Mention) []string {
		values := mentionSlices(m, c.Doc.ID, firstLine, sentences, x)
		var out []string
		for f, v := range values {
			if v != "" && f != frequencyFamily {
				out = append(out, SliceFamilies[f]+"="+v)
			}
		}
		return out
	}
}

// mentionSlices returns the values of a mention in each family but
// frequency, which needs the whole corpus, and score, which only a
// prediction has (see scoreSlice).
func mentionSlices(m *corpus.Mention, doc string, firstLine int, sentences []corpus.Span, x *corpus.Index) [numFamilies]string {
	var v [numFamilies]string
	v[0] = string(m.Label)
	n := len(strings.Fields(m.Text))
	v[1] = fmt.Sprintf("%d tokens", n)
	switch {
	case n == 1:
		v[1] = "1 token"
	case n >= 4:
		v[1] = "4+ tokens"
	}
	v[2] = shape(m)
	v[3] = "body"
	if m.Span.Placed() && m.Span.Start < firstLine {
		v[3] = "first line"
	}
	v[4] = doc
	v[5] = "unplaced"
	if m.Span.Placed() {
		for _, s := range sentences {
			if s.Start <= m.Span.Start && m.Span.Start < s.End {
				text, _ := x.Slice(s)
				switch t := len(strings.Fields(text)); {
				case t <= 10:
					v[5] = "1-10 tokens"
				case t <= 20:
					v[5] = "11-20 tokens"
				case t <= 40:
					v[5] = "21-40 tokens"
				default:
					v[5] = "41+ tokens"
				}
				break
			}
		}
	}
	if m.Label.Numeric() {
		v[7] = "exact"
		if m.Modifier != corpus.Exact {
			v[7] = "with a modifier"
		}
		v[8] = "none"
		if m.Unit != "" {
			v[8] = "with a unit"
		}
		v[9] = "no value"
		if f, ok := m.Value.Float(); ok {
			switch a := math.Abs(f); {
			case a < 10:
				v[9] = "<10"
			case a < 1000:
				v[9] = "10-999"
			case a < 1e6:
				v[9] = "1k-999k"
			default:
				v[9] = "1M+"
			}
		}
	}
	return v
}

// scoreSlices are the slices of the score family, in report order.
var scoreSlices = []string{"<0.5", "0.5-0.7", "0.7-0.9", "0.9+", "no score"}

// scoreSlice returns a prediction's slice in the score family: one of
// scoreSlices.
func scoreSlice(m *corpus.Mention) string {
	switch {
	case !m.HasScore:
		return "no score"
	case m.Score < 0.5:
		return "<0.5"
	case m.Score < 0.7:
		return "0.5-0.7"
	case m.Score < 0.9:
		return "0.7-0.9"
	}
	return "0.9+"
}

// shape classifies a mention's text: digits, a number in words, all
// caps, title case, lowercase or mixed.
func shape(m *corpus.Mention) string {
	letters, upper, lower := 0, 0, 0
	title := true
	for _, w := range strings.Fields(m.Text) {
		first := true
		for _, r := range w {
			if unicode.IsDigit(r) {
				return "digits"
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				} else if unicode.IsLower(r) {
					lower++
					if first {
						title = false
					}
				}
				first = false
			}
		}
	}
	switch {
	case m.Label.Numeric():
		return "number in words"
	case letters > 0 && upper == letters && letters > 1:
		return "all caps"
	case letters > 0 && lower == letters:
		return "lowercase"
	case letters > 0 && title:
		return "title case"
	}
	return "mixed"
}

// SliceRow is one slice of one system under one scheme.
type SliceRow struct {
	System, Family, Slice string
	Scheme                Scheme
	Gold, Pred            int     // mentions in the slice
	P, R, F1              float64 // 0/0 is 0
	// PLow ... F1High are the percentile bootstrap intervals, over
	// documents.
	PLow, PHigh, RLow, RHigh, F1Low, F1High float64
	// Delta is F1 minus the F1 of the rest of the family (the other
	// slices together); PValue the two-sided bootstrap p of that
	// difference, PHolm after Holm's correction over every slice tested
	// for the system and scheme (all families: stricter than within each
	// family, so that alike slices are flagged in no more than alpha of
	// corpora).
	Delta, PValue, PHolm float64
	Few                  bool // fewer than 10 gold mentions (predictions, in a family of predictions): a rough interval
	NoTest               bool // no interval and no test: a document's own slice
	// Predictions is set in a family of predictions (score, see
	// [SliceFamilies]): the slice has no gold mention, so only P and
	// its interval mean something (R, F1 and theirs are 0), and Delta and
	// its p are of P: the slice's P minus the P of the rest of the family.
	Predictions bool
}

// sliceCounts are a slice's counts in one document: credit of its gold
// mentions (2 a correct one, 1 a partial), its gold mentions, credit of
// its predictions, its predictions.
type sliceCounts struct{ cg, pos, cp, act int }

func (c sliceCounts) prf() (p, r, f float64) {
	if c.act > 0 {
		p = float64(c.cp) / float64(2*c.act)
	}
	if c.pos > 0 {
		r = float64(c.cg) / float64(2*c.pos)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func (c *sliceCounts) add(o sliceCounts, w int) {
	c.cg += w * o.cg
	c.pos += w * o.pos
	c.cp += w * o.cp
	c.act += w * o.act
}

// credit is an outcome's credit in half units.
func credit(o Outcome) int {
	switch o {
	case COR:
		return 2
	case PAR:
		return 1
	}
	return 0
}

// Slices scores every slice of every family for each system under each
// of schemes, with percentile bootstrap intervals and the test of each
// slice against the rest of its family, resampling documents as opts
// says (its Resamples and Seed).
func (s *Slicer) Slices(schemes []Scheme, opts BootstrapOptions) []SliceRow {
	opts = opts.Defaults()
	var rows []SliceRow
	for sys, docs := range s.docs {
		for _, sc := range schemes {
			start := len(rows)
			for f, family := range s.families {
				rows = append(rows, s.family(s.systems[sys], docs, sc, f, family, opts)...)
			}
			holmSlices(rows[start:])
		}
	}
	return rows
}

// holmSlices applies Holm's step-down correction to the p-values of the
// slices tested: every slice of every family of one system and scheme,
// so that a corpus whose slices are all alike flags none in all but
// alpha of cases, however many families there are.
func holmSlices(rows []SliceRow) {
	var order []int
	for i, r := range rows {
		if !r.NoTest {
			order = append(order, i)
		}
	}
	holmStep(order, func(i int) *float64 { return &rows[i].PValue }, func(i int) *float64 { return &rows[i].PHolm })
}

// family scores the slices of one family.
func (s *Slicer) family(system string, docs []sliceDoc, sc Scheme, f int, family string, opts BootstrapOptions) []SliceRow {
	names, per := s.counts(docs, sc, f)
	preds := f == scoreFamily
	if len(names) == 0 || preds && !slices.ContainsFunc(names, func(n string) bool { return n != "no score" }) {
		return nil // no prediction with a score: nothing to compare
	}
	// What a slice is tested on: F1, or P in a family of predictions.
	stat := func(c sliceCounts) float64 {
		p, _, f1 := c.prf()
		if preds {
			return p
		}
		return f1
	}
	index := make(map[string]int, len(names))
	for k, n := range names {
		index[n] = k
	}
	total := func(weights []int) (in []sliceCounts, all sliceCounts) {
		in = make([]sliceCounts, len(names))
		for i, d := range per {
			w := 1
			if weights != nil {
				w = weights[i]
			}
			if w == 0 {
				continue
			}
			for n, c := range d {
				in[index[n]].add(c, w)
				all.add(c, w)
			}
		}
		return in, all
	}
	obs, all := total(nil)
	rest := func(c, all sliceCounts) sliceCounts {
		return sliceCounts{all.cg - c.cg, all.pos - c.pos, all.cp - c.cp, all.act - c.act}
	}
	// Bootstrap over documents: each slice's P, R, F1 and its F1 minus
	// the rest's. A document's slice does not vary when documents are
	// resampled: it has no interval or test.
	n := opts.Resamples
	if family == "document" {
		n = 0
	}
	ps, rs, fs, ds := make([][]float64, len(names)), make([][]float64, len(names)), make([][]float64, len(names)), make([][]float64, len(names))
	weights := make([]int, len(docs))
	for r := range n {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(r)^0x51ce))
		clear(weights)
		for range docs {
			weights[rng.IntN(len(docs))]++
		}
		in, a := total(weights)
		for k := range names {
			p, rr, f := in[k].prf()
			ps[k], rs[k], fs[k], ds[k] = append(ps[k], p), append(rs[k], rr), append(fs[k], f), append(ds[k], stat(in[k])-stat(rest(in[k], a)))
		}
	}
	level := opts.Level
	rows := make([]SliceRow, len(names))
	for k, name := range names {
		p, r, f := obs[k].prf()
		row := SliceRow{System: system, Family: family, Slice: name, Scheme: sc, Gold: obs[k].pos, Pred: obs[k].act, P: p, R: r, F1: f,
			Delta: stat(obs[k]) - stat(rest(obs[k], all)), Few: obs[k].pos < minGold, Predictions: preds}
		if preds {
			row.R, row.F1, row.Few = 0, 0, obs[k].act < minGold
		}
		if n == 0 {
			row.NoTest = true
			rows[k] = row
			continue
		}
		row.PLow, row.PHigh = percentiles(ps[k], level)
		if !preds {
			row.RLow, row.RHigh = percentiles(rs[k], level)
			row.F1Low, row.F1High = percentiles(fs[k], level)
		}
		row.PValue = bootstrapP(ds[k])
		rows[k] = row
	}
	return rows
}

// counts returns the slices of family f met in docs under scheme sc, in
// report order, and each document's counts by slice.
func (s *Slicer) counts(docs []sliceDoc, sc Scheme, f int) ([]string, []map[string]sliceCounts) {
	var names []string
	per := make([]map[string]sliceCounts, len(docs))
	for i, d := range docs {
		per[i] = map[string]sliceCounts{}
		for _, m := range d.mentions {
			if m.scheme != sc {
				continue
			}
			v := m.values[f]
			if f == frequencyFamily {
				v = "once"
				if s.goldN[m.text] > 1 {
					v = "more than once"
				}
			}
			if v == "" {
				continue
			}
			c := per[i][v]
			if m.gold {
				c.pos++
				c.cg += credit(m.outcome)
			} else {
				c.act++
				c.cp += credit(m.outcome)
			}
			per[i][v] = c
			if !slices.Contains(names, v) {
				names = append(names, v)
			}
		}
	}
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case f == scoreFamily:
			return cmp.Compare(slices.Index(scoreSlices, a), slices.Index(scoreSlices, b))
		case s.families[f] == "label":
			return CompareLabels(corpus.Label(a), corpus.Label(b))
		}
		return cmp.Compare(a, b)
	})
	return names, per
}

// SliceChange is how one slice's F1 changed from system A to system B.
type SliceChange struct {
	Family, Slice string
	Scheme        Scheme
	Gold          int     // gold mentions in the slice
	A, B, Delta   float64 // F1 of A and B, and B − A
	Low, High     float64 // the paired percentile bootstrap interval of Delta, over documents
	// PValue is the two-sided paired bootstrap p of Delta, PHolm after
	// Holm's correction over every slice of the scheme.
	PValue, PHolm float64
}

// Changes compares the slices of systems a and b (indexes of the names
// given to [NewSlicer]) under scheme sc: each slice's F1 for both, the
// difference with its paired bootstrap interval and p (the same
// resampled documents for both), Holm-corrected over every slice. A
// document's own slice is left out, as it has no test, and so is a family
// of predictions (score), which has no F1.
func (s *Slicer) Changes(a, b int, sc Scheme, opts BootstrapOptions) []SliceChange {
	opts = opts.Defaults()
	var out []SliceChange
	for f, family := range s.families {
		if family == "document" || f == scoreFamily {
			continue
		}
		na, pa := s.counts(s.docs[a], sc, f)
		nb, pb := s.counts(s.docs[b], sc, f)
		names := slices.Clone(na)
		for _, n := range nb {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		sum := func(per []map[string]sliceCounts, name string, weights []int) sliceCounts {
			var c sliceCounts
			for i, d := range per {
				w := 1
				if weights != nil {
					w = weights[i]
				}
				if w > 0 {
					c.add(d[name], w)
				}
			}
			return c
		}
		weights := make([]int, len(pa))
		deltas := make([][]float64, len(names))
		for r := range opts.Resamples {
			rng := rand.New(rand.NewPCG(opts.Seed, uint64(r)^0xc4a6))
			clear(weights)
			for range pa {
				weights[rng.IntN(len(pa))]++
			}
			for k, n := range names {
				_, _, fa := sum(pa, n, weights).prf()
				_, _, fb := sum(pb, n, weights).prf()
				deltas[k] = append(deltas[k], fb-fa)
			}
		}
		for k, n := range names {
			ca, cb := sum(pa, n, nil), sum(pb, n, nil)
			_, _, fa := ca.prf()
			_, _, fb := cb.prf()
			c := SliceChange{Family: family, Slice: n, Scheme: sc, Gold: max(ca.pos, cb.pos), A: fa, B: fb, Delta: fb - fa}
			c.Low, c.High = percentiles(deltas[k], opts.Level)
			c.PValue = bootstrapP(deltas[k])
			out = append(out, c)
		}
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	holmStep(order, func(i int) *float64 { return &out[i].PValue }, func(i int) *float64 { return &out[i].PHolm })
	return out
}

// percentiles returns the equal-tailed interval of level of xs.
func percentiles(xs []float64, level float64) (lo, hi float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	a := (1 - level) / 2
	at := func(q float64) float64 { return s[min(len(s)-1, max(0, int(math.Floor(q*float64(len(s))))))] }
	return at(a), at(1 - a)
}

// Worst returns the rows that score significantly below the rest of
// their family (Holm-corrected p below alpha and F1 below the rest's),
// worst first: the largest drop, then the smallest p.
func Worst(rows []SliceRow, alpha float64) []SliceRow {
	var out []SliceRow
	for _, r := range rows {
		if r.Delta < 0 && r.PHolm < alpha && !r.NoTest {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b SliceRow) int {
		return cmp.Or(cmp.Compare(a.Delta, b.Delta), cmp.Compare(a.PHolm, b.PHolm))
	})
	return out
}
