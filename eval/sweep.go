package eval

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/exbench/exbench/corpus"
)

// SweepDoc is one document of a sweep: its gold mentions and its scored
// predictions.
type SweepDoc struct {
	Doc        corpus.Doc
	Gold, Pred []corpus.Mention
}

// SweepOptions configures [Sweep].
type SweepOptions struct {
	Scheme Scheme
	Label  corpus.Label // All: every label together (micro)
	Score  Options      // how each threshold is scored
	// Bootstrap, when not nil, adds intervals to points: to every point
	// when there are at most Bands of them (0 means 200), else to Bands
	// points spread evenly along the curve, the last point and the best.
	Bootstrap *BootstrapOptions
	Bands     int
}

// SweepPoint is the scoring of the predictions whose score is at least
// Threshold.
type SweepPoint struct {
	Threshold float64
	Kept      int    // predictions kept, over all labels
	Counts    Counts // under the scheme, for the label
	// Estimates of precision, recall and F1, indexed by Metric, with
	// their intervals; nil for a point without a band.
	Estimates *[3]Estimate
}

// ErrUnscored is returned by [Sweep] for a prediction without a score.
var ErrUnscored = errors.New("a prediction has no score")

// Sweep scores the predictions at every distinct score they carry, from
// the highest threshold (only the surest predictions kept) down to the
// lowest (every prediction kept, the recall a system can reach at all).
// Every prediction must have a score.
//
// Going down the thresholds, only the documents that gain a prediction
// are scored again, so a sweep costs about one scoring of each document
// per prediction in it, not one scoring of the corpus per threshold.
func Sweep(docs []SweepDoc, opts SweepOptions) ([]SweepPoint, error) {
	preds := make([][]corpus.Mention, len(docs)) // each document's, surest first
	var thresholds []float64
	for i, d := range docs {
		for _, p := range d.Pred {
			if !p.HasScore {
				return nil, fmt.Errorf("%w: %s %s %q at %s", ErrUnscored, p.DocID, p.Label, p.Text, p.Span)
			}
			thresholds = append(thresholds, p.Score)
		}
		preds[i] = slices.Clone(d.Pred)
		slices.SortStableFunc(preds[i], func(a, b corpus.Mention) int { return cmp.Compare(b.Score, a.Score) })
	}
	slices.SortFunc(thresholds, func(a, b float64) int { return cmp.Compare(b, a) })
	thresholds = slices.Compact(thresholds)
	bands := opts.Bands
	if bands <= 0 {
		bands = 200
	}
	banded := func(i int) bool {
		if opts.Bootstrap == nil {
			return false
		}
		n := len(thresholds)
		return n <= bands || i == n-1 || i%((n+bands-1)/bands) == 0
	}

	sc := NewScorer(Options{NoMistakes: true, ValueTol: opts.Score.ValueTol})
	kept := make([]int, len(docs)) // how many of preds[i] are kept
	units := make([]DocCounts, len(docs))
	var total Counts
	count := func(r DocResult) Counts {
		for _, lc := range r.Counts {
			if lc.Label == opts.Label {
				return lc.Scheme[opts.Scheme]
			}
		}
		return Counts{}
	}
	rescore := func(i int) {
		old := count(DocResult{Counts: units[i].Labels})
		r := sc.Score(docs[i].Doc, docs[i].Gold, preds[i][:kept[i]])
		units[i] = DocCounts{DocID: r.DocID, Scheme: r.Counts[0].Scheme, Labels: r.Counts}
		total = total.Minus(old).Plus(count(r))
	}
	for i := range docs {
		rescore(i)
	}
	band := func(t float64) (*[3]Estimate, error) {
		rows, err := Bootstrap(units, *opts.Bootstrap)
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			if row.Key == (Key{Scheme: opts.Scheme, Label: opts.Label}) {
				est := row.Metric
				return &est, nil
			}
		}
		return nil, fmt.Errorf("sweep: no %s %s counts at %v", opts.Scheme, opts.Label, t)
	}

	points := make([]SweepPoint, 0, len(thresholds))
	n := 0 // predictions kept
	for ti, t := range thresholds {
		for i := range docs {
			k := kept[i]
			for k < len(preds[i]) && preds[i][k].Score >= t {
				k++
			}
			if k != kept[i] {
				n += k - kept[i]
				kept[i] = k
				rescore(i)
			}
		}
		pt := SweepPoint{Threshold: t, Kept: n, Counts: total}
		if banded(ti) {
			var err error
			if pt.Estimates, err = band(t); err != nil {
				return nil, err
			}
		}
		points = append(points, pt)
	}
	// The best point gets a band even where the spread left it out.
	if best := bestIndex(points); best >= 0 && opts.Bootstrap != nil && points[best].Estimates == nil {
		t := points[best].Threshold
		for i := range docs {
			kept[i] = 0
			for kept[i] < len(preds[i]) && preds[i][kept[i]].Score >= t {
				kept[i]++
			}
			rescore(i)
		}
		var err error
		if points[best].Estimates, err = band(t); err != nil {
			return nil, err
		}
	}
	return points, nil
}

// UnscoredError says that predictions to sweep have no score.
type UnscoredError struct{ Unscored, Predictions int }

func (e *UnscoredError) Error() string {
	return fmt.Sprintf("%s of %d have no score", plural(e.Unscored, "prediction"), e.Predictions)
}

// Sweep sweeps the first system of in over the cases [Input.Cases]
// gives by setup: see [Sweep]. Every prediction it reads must have a
// score, or it fails with an [*UnscoredError] that counts them.
func (in Input) Sweep(ctx context.Context, setup Setup, opts SweepOptions) ([]SweepPoint, *Tally, error) {
	read, unscored := 0, 0
	all := in.Systems[0].Mentions
	in.Systems = []System{in.Systems[0]}
	in.Systems[0].Mentions = func(yield func(corpus.Mention, error) bool) {
		for m, err := range all {
			if err == nil {
				read++
				if !m.HasScore {
					unscored++
				}
			}
			if !yield(m, err) {
				return
			}
		}
	}
	cases, tally := in.Cases(ctx, setup)
	var docs []SweepDoc
	for c, err := range cases {
		if err != nil {
			return nil, tally, err
		}
		docs = append(docs, SweepDoc{Doc: c.Doc, Gold: c.Gold, Pred: c.Pred[0]})
	}
	if unscored > 0 {
		return nil, tally, &UnscoredError{Unscored: unscored, Predictions: read}
	}
	opts.Score.ValueTol = setup.Score.ValueTol
	points, err := Sweep(docs, opts)
	return points, tally, err
}

// Best returns the point of highest F1, the highest threshold among
// equals, and false when there are no points.
func Best(points []SweepPoint) (SweepPoint, bool) {
	i := bestIndex(points)
	if i < 0 {
		return SweepPoint{}, false
	}
	return points[i], true
}

func bestIndex(points []SweepPoint) int {
	best := -1
	for i, p := range points {
		if best < 0 || p.Counts.F1() > points[best].Counts.F1() {
			best = i
		}
	}
	return best
}
