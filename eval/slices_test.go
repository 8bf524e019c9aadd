package eval_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// sliceRows scores cases with a Slicer and returns its strict rows by
// family and slice.
func sliceRows(t *testing.T, cases []eval.Case, seed uint64, resamples int) ([]eval.SliceRow, map[string]eval.SliceRow) {
	t.Helper()
	sl := eval.NewSlicer([]string{"sys"})
	setup := eval.Setup{Each: sl.Add}
	setup.Score.Outcomes = true
	seq := func(yield func(eval.Case, error) bool) {
		for _, c := range cases {
			if !yield(c, nil) {
				return
			}
		}
	}
	if _, err := eval.ScoreCases(context.Background(), seq, []string{"sys"}, setup); err != nil {
		t.Fatal(err)
	}
	rows := sl.Slices([]eval.Scheme{eval.Strict}, eval.BootstrapOptions{Resamples: resamples, Seed: seed})
	by := map[string]eval.SliceRow{}
	for _, r := range rows {
		by[r.Family+"/"+r.Slice] = r
	}
	return rows, by
}

func mention(doc, text string, at int, label corpus.Label) corpus.Mention {
	return corpus.Mention{DocID: doc, Span: corpus.Span{Start: at, End: at + len([]rune(text))}, Label: label, Text: text}
}

// TestSlicesByHand: in "Ada met Bob Smith in Dmeir." the gold has PERSON
// Ada, PERSON "Bob Smith", GPE Dmeir; the system has PERSON Ada and ORG
// "Bob Smith". Strict: Ada correct, Bob Smith incorrect (as gold and as
// prediction), Dmeir missed. By label, PERSON has R = 1/2 (Ada of Ada and
// Bob Smith) and P = 1 (its one prediction, Ada), F1 2/3; ORG has no gold
// and P = 0; GPE R = 0. By length, "1 token" has Ada and Dmeir in the
// gold (R 1/2) and Ada predicted (P 1); "2 tokens" has Bob Smith on both
// sides, incorrect: 0.
func TestSlicesByHand(t *testing.T) {
	doc := corpus.Doc{ID: "d", Text: "Ada met Bob Smith in Dmeir.\nNothing else."}
	gold := []corpus.Mention{mention("d", "Ada", 0, "PERSON"), mention("d", "Bob Smith", 8, "PERSON"), mention("d", "Dmeir", 21, "GPE")}
	pred := []corpus.Mention{mention("d", "Ada", 0, "PERSON"), mention("d", "Bob Smith", 8, "ORG")}
	_, by := sliceRows(t, []eval.Case{{Doc: doc, Gold: gold, Pred: [][]corpus.Mention{pred}}}, 1, 100)
	for key, want := range map[string]string{
		"label/PERSON":        "gold 2 pred 1: P 1.000 R 0.500 F1 0.667",
		"label/ORG":           "gold 0 pred 1: P 0.000 R 0.000 F1 0.000",
		"label/GPE":           "gold 1 pred 0: P 0.000 R 0.000 F1 0.000",
		"length/1 token":      "gold 2 pred 1: P 1.000 R 0.500 F1 0.667",
		"length/2 tokens":     "gold 1 pred 1: P 0.000 R 0.000 F1 0.000",
		"shape/title case":    "gold 3 pred 2: P 0.500 R 0.333 F1 0.400",
		"position/first line": "gold 3 pred 2: P 0.500 R 0.333 F1 0.400",
		"frequency/once":      "gold 3 pred 2: P 0.500 R 0.333 F1 0.400",
		"document/d":          "gold 3 pred 2: P 0.500 R 0.333 F1 0.400",
	} {
		r, ok := by[key]
		if got := fmt.Sprintf("gold %d pred %d: P %.3f R %.3f F1 %.3f", r.Gold, r.Pred, r.P, r.R, r.F1); !ok || got != want {
			t.Errorf("%s: %s, want %s", key, got, want)
		}
	}
	if _, ok := by["modifier/exact"]; ok {
		t.Error("a modifier slice without numbers")
	}
}

// plantedCases makes n documents of 10 PERSON mentions each, half in
// title case and half in capitals; the system finds a title-case one with
// probability hitTitle and a capitals one with hitCaps.
func plantedCases(n int, hitTitle, hitCaps float64, seed uint64) []eval.Case {
	rng := rand.New(rand.NewPCG(seed, 7))
	var cases []eval.Case
	for d := range n {
		id := fmt.Sprintf("d%03d", d)
		var text strings.Builder
		var gold, pred []corpus.Mention
		for k := range 10 {
			name := fmt.Sprintf("Name%c", 'a'+rng.IntN(26))
			hit := hitTitle
			if k%2 == 1 {
				name, hit = strings.ToUpper(name), hitCaps
			}
			at := len([]rune(text.String()))
			text.WriteString(name + " spoke.\n")
			m := mention(id, name, at, "PERSON")
			gold = append(gold, m)
			if rng.Float64() < hit {
				pred = append(pred, m)
			}
		}
		cases = append(cases, eval.Case{Doc: corpus.Doc{ID: id, Text: text.String()}, Pos: d, Gold: gold, Pred: [][]corpus.Mention{pred}})
	}
	return cases
}

// TestWorstSlicePlanted: when capitals are found half as often, the
// capitals slice is found worse than the rest with p < 0.05 after Holm;
// when every slice is alike, no slice is flagged in at least 95% of
// seeded runs.
func TestWorstSlicePlanted(t *testing.T) {
	rows, _ := sliceRows(t, plantedCases(40, 0.95, 0.5, 1), 1, 4000)
	worst := eval.Worst(rows, 0.05)
	if len(worst) == 0 || worst[0].Family != "shape" || worst[0].Slice != "all caps" || worst[0].PHolm >= 0.05 {
		t.Fatalf("worst slices %+v, want shape/all caps first with p < 0.05", worst)
	}
	const runs = 100
	flagged := 0
	for seed := range uint64(runs) {
		rows, _ := sliceRows(t, plantedCases(40, 0.8, 0.8, 1000+seed), seed, 1000)
		if w := eval.Worst(rows, 0.05); len(w) > 0 {
			flagged++
			t.Logf("seed %d flags %s/%s (p %.4f)", seed, w[0].Family, w[0].Slice, w[0].PHolm)
		}
	}
	t.Logf("%d of %d runs of alike slices flag one", flagged, runs)
	if flagged > runs/20 {
		t.Errorf("%d of %d runs of alike slices flag one, want at most 5%%", flagged, runs)
	}
}

// TestSliceChanges: B finds capitals half as often as A and title case as
// often: the capitals slice got significantly worse from A to B, title
// case did not change significantly.
func TestSliceChanges(t *testing.T) {
	a, b := plantedCases(40, 0.9, 0.9, 5), plantedCases(40, 0.9, 0.45, 5)
	cases := make([]eval.Case, len(a))
	for i := range a {
		cases[i] = a[i]
		cases[i].Pred = [][]corpus.Mention{a[i].Pred[0], b[i].Pred[0]} // the same gold: the same seed
	}
	sl := eval.NewSlicer([]string{"A", "B"})
	setup := eval.Setup{Each: sl.Add}
	setup.Score.Outcomes = true
	seq := func(yield func(eval.Case, error) bool) {
		for _, c := range cases {
			if !yield(c, nil) {
				return
			}
		}
	}
	if _, err := eval.ScoreCases(context.Background(), seq, []string{"A", "B"}, setup); err != nil {
		t.Fatal(err)
	}
	by := map[string]eval.SliceChange{}
	for _, c := range sl.Changes(0, 1, eval.Strict, eval.BootstrapOptions{Resamples: 2000, Seed: 1}) {
		by[c.Family+"/"+c.Slice] = c
	}
	caps, title := by["shape/all caps"], by["shape/title case"]
	if !(caps.Delta < -0.2 && caps.PHolm < 0.05 && caps.Low < caps.Delta && caps.Delta < caps.High) {
		t.Errorf("all caps: %+v, want a drop with p < 0.05 after Holm", caps)
	}
	if title.PHolm < 0.05 || title.Delta != 0 {
		t.Errorf("title case: %+v, want no change", title)
	}
}

// TestSliceNamer: a mention's slices as "family=value", frequency left out.
func TestSliceNamer(t *testing.T) {
	c := eval.Case{Doc: corpus.Doc{ID: "d", Text: "Ada met ISIS in 2016.\nMore than 300 left."}}
	name := eval.SliceNamer(&c)
	isis := mention("d", "ISIS", 8, "ORG")
	if got := strings.Join(name(&isis), " | "); got != "label=ORG | length=1 token | shape=all caps | position=first line | document=d | sentence=1-10 tokens" {
		t.Errorf("ISIS: %s", got)
	}
	n := mention("d", "More than 300", 22, "CARDINAL")
	n.Value, n.Modifier = corpus.NewValue(300), ">"
	if got := strings.Join(name(&n), " | "); got != "label=CARDINAL | length=3 tokens | shape=digits | position=body | document=d | sentence=1-10 tokens | modifier=with a modifier | unit=none | magnitude=10-999" {
		t.Errorf("More than 300: %s", got)
	}
}

// scored returns m with a score.
func scored(m corpus.Mention, score float64) corpus.Mention {
	m.Score, m.HasScore = score, true
	return m
}

// TestScoreSlicesByHand: in "Ada met Bob and Cy in Rome and Oslo." the
// gold has PERSON Ada, Bob, Cy and GPE Rome, Oslo. The predictions, with
// their scores and strict outcomes:
//
//	Ada PERSON 0.95 correct     Bob PERSON 0.92 correct    (0.9+)
//	Cy ORG 0.8 incorrect        Rome GPE 0.75 correct      (0.7-0.9)
//	"and" ORG 0.6 spurious                                 (0.5-0.7)
//	"met" ORG 0.3 spurious      "in" ORG 0.1 spurious      (<0.5)
//	Oslo GPE, no score, correct                            (no score)
//
// So P is 2/2 = 1 at 0.9+, 1/2 at 0.7-0.9, 0 at 0.5-0.7 and <0.5 (only
// spurious predictions), 1 with no score. The family is defined by the
// prediction: no gold mention is in it, so it has no recall and no F1,
// and each slice is tested on P against the rest of the family: 0.9+ has
// 1 − 2/6 (Rome, Oslo of the other six) = +2/3, 0.7-0.9 1/2 − 3/6 = 0,
// 0.5-0.7 0 − 4/7, <0.5 0 − 4/6, no score 1 − 3/7 = +4/7. With one
// document, every resample is that document: each interval is the point,
// and the p of a difference of 0 is 1, of any other 2/(100+1).
func TestScoreSlicesByHand(t *testing.T) {
	doc := corpus.Doc{ID: "d", Text: "Ada met Bob and Cy in Rome and Oslo."}
	gold := []corpus.Mention{mention("d", "Ada", 0, "PERSON"), mention("d", "Bob", 8, "PERSON"), mention("d", "Cy", 16, "PERSON"),
		mention("d", "Rome", 22, "GPE"), mention("d", "Oslo", 31, "GPE")}
	pred := []corpus.Mention{
		scored(mention("d", "Ada", 0, "PERSON"), 0.95), scored(mention("d", "met", 4, "ORG"), 0.3),
		scored(mention("d", "Bob", 8, "PERSON"), 0.92), scored(mention("d", "and", 12, "ORG"), 0.6),
		scored(mention("d", "Cy", 16, "ORG"), 0.8), scored(mention("d", "in", 19, "ORG"), 0.1),
		scored(mention("d", "Rome", 22, "GPE"), 0.75), mention("d", "Oslo", 31, "GPE"),
	}
	rows, by := sliceRows(t, []eval.Case{{Doc: doc, Gold: gold, Pred: [][]corpus.Mention{pred}}}, 1, 100)
	for key, want := range map[string]string{
		"score/0.9+":     "gold 0 pred 2: P 1.000 [1.000, 1.000] R 0.000 F1 0.000 delta +0.667 p 0.0198",
		"score/0.7-0.9":  "gold 0 pred 2: P 0.500 [0.500, 0.500] R 0.000 F1 0.000 delta +0.000 p 1.0000",
		"score/0.5-0.7":  "gold 0 pred 1: P 0.000 [0.000, 0.000] R 0.000 F1 0.000 delta -0.571 p 0.0198",
		"score/<0.5":     "gold 0 pred 2: P 0.000 [0.000, 0.000] R 0.000 F1 0.000 delta -0.667 p 0.0198",
		"score/no score": "gold 0 pred 1: P 1.000 [1.000, 1.000] R 0.000 F1 0.000 delta +0.571 p 0.0198",
	} {
		r, ok := by[key]
		got := fmt.Sprintf("gold %d pred %d: P %.3f [%.3f, %.3f] R %.3f F1 %.3f delta %+.3f p %.4f", r.Gold, r.Pred, r.P, r.PLow, r.PHigh, r.R, r.F1, r.Delta, r.PValue)
		if !ok || got != want {
			t.Errorf("%s: %s, want %s", key, got, want)
		}
		if !r.Predictions || r.RLow != 0 || r.RHigh != 0 || r.F1Low != 0 || r.F1High != 0 || !r.Few {
			t.Errorf("%s: %+v, want a slice of predictions, with no recall or F1, and few", key, r)
		}
	}
	// The buckets come in their order; the other families have gold
	// mentions and are not slices of predictions.
	var order []string
	for _, r := range rows {
		if r.Family == "score" {
			order = append(order, r.Slice)
		} else if r.Predictions {
			t.Errorf("%s/%s is marked a slice of predictions", r.Family, r.Slice)
		}
	}
	if got := strings.Join(order, " | "); got != "<0.5 | 0.5-0.7 | 0.7-0.9 | 0.9+ | no score" {
		t.Errorf("score slices in the order %s", got)
	}
	// The label family is as ever: PERSON has R 2/3 (Ada, Bob; Cy
	// incorrect) and P 1.
	if r := by["label/PERSON"]; r.P != 1 || math.Abs(r.R-2.0/3) > 1e-9 || r.Predictions {
		t.Errorf("label/PERSON: %+v", r)
	}
}

// TestScoreSlicesNone: a system that scores no prediction has no score
// family (every prediction would be in "no score", with nothing to
// compare it to), and comparing systems leaves the family out, as it has
// no F1.
func TestScoreSlicesNone(t *testing.T) {
	doc := corpus.Doc{ID: "d", Text: "Ada met Bob."}
	gold := []corpus.Mention{mention("d", "Ada", 0, "PERSON"), mention("d", "Bob", 8, "PERSON")}
	plain := []corpus.Mention{mention("d", "Ada", 0, "PERSON")}
	withScores := []corpus.Mention{scored(mention("d", "Ada", 0, "PERSON"), 0.9), scored(mention("d", "met", 4, "ORG"), 0.2)}
	rows, _ := sliceRows(t, []eval.Case{{Doc: doc, Gold: gold, Pred: [][]corpus.Mention{plain}}}, 1, 50)
	for _, r := range rows {
		if r.Family == "score" {
			t.Errorf("a score slice without scores: %+v", r)
		}
	}
	sl := eval.NewSlicer([]string{"A", "B"})
	setup := eval.Setup{Each: sl.Add}
	setup.Score.Outcomes = true
	seq := func(yield func(eval.Case, error) bool) {
		yield(eval.Case{Doc: doc, Gold: gold, Pred: [][]corpus.Mention{withScores, withScores}}, nil)
	}
	if _, err := eval.ScoreCases(context.Background(), seq, []string{"A", "B"}, setup); err != nil {
		t.Fatal(err)
	}
	scores := 0
	for _, r := range sl.Slices([]eval.Scheme{eval.Strict}, eval.BootstrapOptions{Resamples: 50, Seed: 1}) {
		if r.Family == "score" {
			scores++
		}
	}
	if scores != 4 { // <0.5 and 0.9+, for A and B
		t.Errorf("%d score slices, want 4", scores)
	}
	changes := sl.Changes(0, 1, eval.Strict, eval.BootstrapOptions{Resamples: 50, Seed: 1})
	for _, c := range changes {
		if c.Family == "score" {
			t.Errorf("a change of a score slice: %+v", c)
		}
	}
	if len(changes) == 0 {
		t.Error("no changes at all")
	}
}
