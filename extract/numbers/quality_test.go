package numbers

import (
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

// TestQuality scores Find on the bundled corpus against the numbers of
// the bundled gold and asserts that it scores full marks on every scheme,
// so that a rule change that loses ground fails here.
func TestQuality(t *testing.T) {
	var golds []corpus.Mention
	for _, m := range gold.Builtin() {
		if m.Label.Numeric() {
			golds = append(golds, m)
		}
	}
	byDoc := map[string][]corpus.Mention{}
	for _, m := range golds {
		byDoc[m.DocID] = append(byDoc[m.DocID], m)
	}
	scorer := eval.NewScorer(eval.Options{})
	var sum eval.Summary
	for _, d := range corpus.Builtin().Docs {
		pred := Find(d.Text)
		for i := range pred {
			pred[i].DocID = d.ID
		}
		r := scorer.Score(d, byDoc[d.ID], pred)
		sum.Add(r)
		for _, e := range r.Mistakes {
			if e.Scheme == eval.Strict || e.Scheme == eval.Value {
				t.Logf("%s %s %s: %s", e.Scheme, e.Outcome, e.DocID, e.Context)
			}
		}
	}
	floors := map[eval.Scheme]float64{eval.Strict: 1, eval.Exact: 1, eval.Partial: 1, eval.Type: 1, eval.Value: 1}
	for _, sc := range eval.Schemes {
		c := sum.Micro(sc)
		t.Logf("%-7s P %.4f R %.4f F1 %.4f (%d gold, %d predicted)", sc, c.Precision(), c.Recall(), c.F1(), c.Possible(), c.Actual())
		if c.F1() < floors[sc] {
			t.Errorf("%s micro F1 = %.4f, want at least %.2f", sc, c.F1(), floors[sc])
		}
	}
}
