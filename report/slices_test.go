package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/report"
	"github.com/google/go-cmp/cmp"
)

// sliceCase is a slice of gold mentions and one of predictions (score),
// both significantly worse than the rest at 0.05.
var sliceCase = []eval.SliceRow{
	{System: "sys", Family: "label", Slice: "PERSON", Scheme: eval.Strict, Gold: 2, Pred: 1, P: 1, R: 0.5, F1: 2.0 / 3,
		PLow: 0.5, PHigh: 1, RLow: 0, RHigh: 1, F1Low: 0, F1High: 1, Delta: -0.1, PValue: 0.02, PHolm: 0.04, Few: true},
	{System: "sys", Family: "score", Slice: "<0.5", Scheme: eval.Strict, Gold: 0, Pred: 12, P: 0.25,
		PLow: 0.1, PHigh: 0.4, Delta: -0.5, PValue: 0.001, PHolm: 0.003, Predictions: true},
}

// TestSlicesCSV: a slice of predictions has its precision and interval,
// and blank recall and F1, and says that its difference is of precision.
func TestSlicesCSV(t *testing.T) {
	var b bytes.Buffer
	if err := report.SlicesCSV(&b, sliceCase, 0.05); err != nil {
		t.Fatal(err)
	}
	want := `system,scheme,family,slice,gold,pred,precision,recall,f1,p_low,p_high,r_low,r_high,f1_low,f1_high,delta_vs_rest,p,p_holm,significantly_worse,warning
sys,strict,label,PERSON,2,1,1.0000,0.5000,0.6667,0.5000,1.0000,0.0000,1.0000,0.0000,1.0000,-0.1000,0.0200,0.0400,true,only 2 gold mentions: the interval is rough
sys,strict,score,<0.5,0,12,0.2500,,,0.1000,0.4000,,,,,-0.5000,0.0010,0.0030,true,"a slice of predictions: precision only, delta_vs_rest of precision"
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("slices.csv (-want +got):\n%s", diff)
	}
	// Few predictions say so.
	few := sliceCase[1]
	few.Pred, few.Few = 3, true
	b.Reset()
	if err := report.SlicesCSV(&b, []eval.SliceRow{few}, 0.05); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), `"a slice of predictions: precision only, delta_vs_rest of precision; only 3 predictions: the interval is rough"`+"\n") {
		t.Errorf("few predictions:\n%s", b.String())
	}
}

// TestWorstSlicesPredictions: the worst slices, the larger drop first; a
// slice of predictions shows its predictions and P, not gold and F1.
func TestWorstSlicesPredictions(t *testing.T) {
	var b bytes.Buffer
	if err := report.WorstSlices(&b, sliceCase, 0.05, 10); err != nil {
		t.Fatal(err)
	}
	want := `slices (strict) significantly below the rest of their family (p < 0.05 after Holm), worst first; F1 in % with its interval (P for a slice of predictions):
sys  score=<0.5    pred   12  P   25.0 [10.0, 40.0]  -50.0 vs the rest  p 0.0030
sys  label=PERSON  gold    2  F1  66.7 [0.0, 100.0]  -10.0 vs the rest  p 0.0400
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("WorstSlices (-want +got):\n%s", diff)
	}
}

// TestHTMLWorstSlices: the page's worst slices show a slice of
// predictions by its predictions and P.
func TestHTMLWorstSlices(t *testing.T) {
	res, _, _ := scored(t)
	var b bytes.Buffer
	if err := report.HTML(&b, res, sliceCase, nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<td class="l">score</td><td class="l">&lt;0.5</td><td>12 predicted</td><td>P 25.0</td><td>10.0–40.0</td><td>-50.0</td><td>0.0030</td>`,
		`<td class="l">label</td><td class="l">PERSON</td><td>2</td><td>66.7</td><td>0.0–100.0</td><td>-10.0</td><td>0.0400</td>`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}
