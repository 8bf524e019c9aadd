package dates

import (
	"context"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

// TestBundledGold scores the extractor on the bundled corpus against the
// DATE and TIME mentions of the bundled gold, and fails unless it is
// perfect on every scheme: the rules were written on these documents.
func TestBundledGold(t *testing.T) {
	c := corpus.Builtin()
	byDoc := map[string][]corpus.Mention{}
	for _, m := range gold.Builtin() {
		if m.Label == corpus.DATE || m.Label == corpus.TIME {
			byDoc[m.DocID] = append(byDoc[m.DocID], m)
		}
	}
	x := New()
	scorer := eval.NewScorer(eval.Options{})
	var sum eval.Summary
	for _, doc := range c.Docs {
		pred, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		r := scorer.Score(doc, byDoc[doc.ID], pred)
		for _, e := range r.Mistakes {
			if e.Scheme != eval.Strict {
				continue
			}
			g, p := "-", "-"
			if e.Gold != nil {
				g = string(e.Gold.Label) + " " + e.Gold.Text
			}
			if e.Pred != nil {
				p = string(e.Pred.Label) + " " + e.Pred.Text
			}
			t.Logf("%s %s: gold %q, pred %q: %s", e.DocID, e.Outcome, g, p, e.Context)
		}
		sum.Add(r)
	}
	for _, lc := range sum.Labels() {
		name := string(lc.Label)
		if lc.Label == eval.All {
			name = "micro"
		}
		for _, sc := range []eval.Scheme{eval.Strict, eval.Exact, eval.Partial, eval.Type} {
			c := lc.Scheme[sc]
			t.Logf("%-5s %-7s P %.4f R %.4f F1 %.4f (gold %d, pred %d)", name, sc, c.Precision(), c.Recall(), c.F1(), c.Possible(), c.Actual())
		}
	}
	for _, sc := range []eval.Scheme{eval.Strict, eval.Exact, eval.Partial, eval.Type} {
		c := sum.Micro(sc)
		if c.Precision() != 1 || c.Recall() != 1 {
			t.Errorf("%s micro P %.4f R %.4f, want 1 and 1", sc, c.Precision(), c.Recall())
		}
	}
}
