package eval

import (
	"cmp"
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
	// Bootstrap, when not nil, adds intervals to every point.
	Bootstrap *BootstrapOptions
}

// SweepPoint is the scoring of the predictions whose score is at least
// Threshold.
type SweepPoint struct {
	Threshold float64
	Kept      int    // predictions kept, over all labels
	Counts    Counts // under the scheme, for the label
	// Intervals of precision, recall and F1, indexed by Metric, with
	// Bootstrap; as Estimate.BCa (the percentile interval when BCa is
	// undefined) and Estimate.Percentile.
	Estimates *[3]Estimate
}

// ErrUnscored is returned by [Sweep] for a prediction without a score.
var ErrUnscored = errors.New("a prediction has no score")

// Sweep scores the predictions at every distinct score they carry, from
// the highest threshold (only the surest predictions kept) down to the
// lowest (every prediction kept, the recall a system can reach at all).
// Every prediction must have a score.
func Sweep(docs []SweepDoc, opts SweepOptions) ([]SweepPoint, error) {
	var thresholds []float64
	for _, d := range docs {
		for _, p := range d.Pred {
			if !p.HasScore {
				return nil, fmt.Errorf("%w: %s %s %q at %s", ErrUnscored, p.DocID, p.Label, p.Text, p.Span)
			}
			thresholds = append(thresholds, p.Score)
		}
	}
	slices.SortFunc(thresholds, func(a, b float64) int { return cmp.Compare(b, a) })
	thresholds = slices.Compact(thresholds)

	sc := NewScorer(Options{NoErrors: true, ValueTol: opts.Score.ValueTol})
	var points []SweepPoint
	kept := make([]corpus.Mention, 0)
	for _, t := range thresholds {
		pt := SweepPoint{Threshold: t}
		var units []DocCounts
		var sum Summary
		for _, d := range docs {
			kept = kept[:0]
			for _, p := range d.Pred {
				if p.Score >= t {
					kept = append(kept, p)
				}
			}
			pt.Kept += len(kept)
			r := sc.Score(d.Doc, d.Gold, kept)
			sum.Add(r)
		}
		for _, lc := range sum.Labels() {
			if lc.Label == opts.Label {
				pt.Counts = lc.Scheme[opts.Scheme]
			}
		}
		if opts.Bootstrap != nil {
			units = sum.Docs
			rows, err := Bootstrap(units, *opts.Bootstrap)
			if err != nil {
				return nil, err
			}
			for _, row := range rows {
				if row.Key == (Key{Scheme: opts.Scheme, Label: opts.Label}) {
					est := row.Metric
					pt.Estimates = &est
				}
			}
		}
		points = append(points, pt)
	}
	return points, nil
}

// Best returns the point of highest F1, the highest threshold among
// equals, and false when there are no points.
func Best(points []SweepPoint) (SweepPoint, bool) {
	if len(points) == 0 {
		return SweepPoint{}, false
	}
	best := points[0]
	for _, p := range points[1:] {
		if p.Counts.F1() > best.Counts.F1() {
			best = p
		}
	}
	return best, true
}
