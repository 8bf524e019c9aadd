package eval_test

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

// find tags every occurrence of word in the bundled corpus as label,
// with offsets in code points: a stand-in for your own extractor.
func find(word string, label corpus.Label) []corpus.Mention {
	var ms []corpus.Mention
	for _, d := range corpus.Builtin().Docs {
		for at := 0; ; at += len(word) {
			i := strings.Index(d.Text[at:], word)
			if i < 0 {
				break
			}
			at += i
			start := utf8.RuneCountInString(d.Text[:at])
			ms = append(ms, corpus.Mention{DocID: d.ID, Span: corpus.Span{Start: start, End: start + utf8.RuneCountInString(word)}, Label: label, Text: word})
		}
	}
	return ms
}

// Score your own mentions against the bundled gold, with a 95% interval
// of the strict micro F1.
func Example() {
	mine := find("ISIS", corpus.ORG)

	c := corpus.Builtin()
	in := eval.Input{Corpus: c.Name, Docs: c.All(), Gold: eval.Mentions(gold.Builtin()),
		Systems: []eval.System{{Name: "mine", Mentions: eval.Mentions(mine)}}}
	res, err := eval.Score(context.Background(), in, eval.Setup{Intervals: &eval.BootstrapOptions{Seed: 1}})
	if err != nil {
		fmt.Println(err)
		return
	}
	f1, _ := res.Systems[0].Interval(eval.Key{Scheme: eval.Strict, Label: eval.All})
	est := f1.Metric[eval.F1]
	fmt.Printf("strict micro F1 %.3f, 95%% interval [%.3f, %.3f]\n", est.Value, est.BCa.Low, est.BCa.High)
	// Output:
	// strict micro F1 0.152, 95% interval [0.000, 0.317]
}

// Compare two systems: is B better than A, and is the difference more
// than chance?
func ExampleResult_Compare() {
	a := find("ISIS", corpus.ORG)
	b := append(find("ISIS", corpus.ORG), find("Syria", corpus.GPE)...)

	c := corpus.Builtin()
	in := eval.Input{Corpus: c.Name, Docs: c.All(), Gold: eval.Mentions(gold.Builtin()),
		Systems: []eval.System{{Name: "A", Mentions: eval.Mentions(a)}, {Name: "B", Mentions: eval.Mentions(b)}}}
	res, err := eval.Score(context.Background(), in, eval.Setup{KeepDocs: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	cmp, err := res.Compare(0, 1, eval.BootstrapOptions{Seed: 1}, 0.05)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range cmp.Rows {
		if d.Key == (eval.Key{Scheme: eval.Strict, Label: eval.All}) {
			fmt.Printf("strict micro F1: A %.3f, B %.3f, B − A %+.3f [%+.3f, %+.3f], p %.4f\n", d.A, d.B, d.Delta, d.CI.Low, d.CI.High, d.PHolm)
		}
	}
	for _, w := range cmp.Warnings {
		fmt.Println("warning:", w)
	}
	// Output:
	// strict micro F1: A 0.152, B 0.221, B − A +0.069 [+0.034, +0.089], p 0.0625
	// warning: with 5 documents the smallest p-value the test can reach is 0.0625, not below alpha 0.05: no difference can be significant
}

// Sweep a system that scores its mentions: where to set the threshold.
func ExampleSweep() {
	ms := append(find("ISIS", corpus.ORG), find("Syria", corpus.GPE)...)
	for i := range ms {
		ms[i].Score, ms[i].HasScore = 0.9, true
		if ms[i].Label == corpus.GPE {
			ms[i].Score = 0.4 // less sure of places
		}
	}

	c := corpus.Builtin()
	in := eval.Input{Corpus: c.Name, Docs: c.All(), Gold: eval.Mentions(gold.Builtin()),
		Systems: []eval.System{{Name: "scored", Mentions: eval.Mentions(ms)}}}
	cases, _ := in.Cases(context.Background(), eval.Setup{})
	var docs []eval.SweepDoc
	for c, err := range cases {
		if err != nil {
			fmt.Println(err)
			return
		}
		docs = append(docs, eval.SweepDoc{Doc: c.Doc, Gold: c.Gold, Pred: c.Pred[0]})
	}
	points, err := eval.Sweep(docs, eval.SweepOptions{Scheme: eval.Strict, Label: eval.All})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range points {
		fmt.Printf("score >= %.1f: %d kept, P %.3f, R %.3f, F1 %.3f\n", p.Threshold, p.Kept, p.Counts.Precision(), p.Counts.Recall(), p.Counts.F1())
	}
	best, _ := eval.Best(points)
	fmt.Printf("best F1 at score >= %.1f\n", best.Threshold)
	// Output:
	// score >= 0.9: 33 kept, P 0.970, R 0.082, F1 0.152
	// score >= 0.4: 82 kept, P 0.634, R 0.134, F1 0.221
	// best F1 at score >= 0.4
}
