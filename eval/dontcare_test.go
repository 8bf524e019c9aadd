package eval_test

import (
	"context"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// TestDontCare scores, by hand, gold in CoNLL's labels with MISC as
// don't care, through the conll2003 map (which drops MISC):
//
//	a  “Ada” met Bob in Dmeir.   gold Ada PER, Bob MISC, Dmeir LOC
//	b  ISIS took 300 workers.    gold ISIS ORG, workers MISC
//
// The system predicts Ada PERSON, Dmeir GPE and ISIS ORG (correct), Bob
// ORG and "300 workers" CARDINAL (each on a MISC mention alone: not
// scored when MISC is don't care) and "took" ORG (spurious).
func TestDontCare(t *testing.T) {
	const goldRows = "a,1,4,Ada,PER,,,\na,10,13,Bob,MISC,,,\na,17,22,Dmeir,LOC,,,\nb,0,4,ISIS,ORG,,,\nb,14,21,workers,MISC,,,\n"
	const predRows = "a,1,4,Ada,PERSON,,,\na,10,13,Bob,ORG,,,\na,17,22,Dmeir,GPE,,,\nb,0,4,ISIS,ORG,,,\nb,5,9,took,ORG,,,\nb,10,21,300 workers,CARDINAL,300,,\n"
	conll, err := corpus.ParseLabelMap("conll2003")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		ignore []string
		want   eval.Counts
		gold   int                  // don't-care gold mentions
		drops  map[corpus.Label]int // predictions on them
	}{
		// MISC dropped by the map: Bob, "300 workers" and took are spurious.
		{"dropped", nil, eval.Counts{Correct: 3, Spurious: 3}, 0, nil},
		// MISC don't care: only took is spurious.
		{"ignored", []string{"MISC"}, eval.Counts{Correct: 3, Spurious: 1}, 2, map[corpus.Label]int{"ORG": 1, "CARDINAL": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			setup := eval.Setup{Map: conll, MapTo: eval.MapGold, Ignore: tc.ignore, KeepDocs: true}
			r, err := eval.Score(context.Background(), joinInput(goldRows, predRows), setup)
			if err != nil {
				t.Fatal(err)
			}
			s := r.Systems[0]
			if got := s.Summary.Micro(eval.Strict); got != tc.want {
				t.Errorf("strict micro = %+v, want %+v", got, tc.want)
			}
			if r.GoldDontCare != tc.gold || s.DontCareCount(eval.All) != tc.gold || s.DontCareCount("ORG") != tc.drops["ORG"] || s.DontCareCount("CARDINAL") != tc.drops["CARDINAL"] {
				t.Errorf("don't care: gold %d, predictions %v; want %d and %v", r.GoldDontCare, s.DontCare, tc.gold, tc.drops)
			}
			// Merging the two documents scored apart gives the same.
			var parts *eval.Result
			for _, doc := range []string{"a", "b"} {
				only := setup
				only.Only = func(_ int, id string) bool { return id == doc }
				p, err := eval.Score(context.Background(), joinInput(goldRows, predRows), only)
				if err != nil {
					t.Fatal(err)
				}
				if parts == nil {
					parts = p
				} else if err := parts.Merge(p); err != nil {
					t.Fatal(err)
				}
			}
			if got := parts.Systems[0].Summary.Micro(eval.Strict); got != tc.want || parts.GoldDontCare != tc.gold || parts.Systems[0].DontCareCount(eval.All) != tc.gold {
				t.Errorf("merged: %+v, don't care %d and %d", got, parts.GoldDontCare, parts.Systems[0].DontCareCount(eval.All))
			}
		})
	}
	// A prediction overlapping a don't-care mention and a gold mention
	// is scored: "Bob in Dmeir" against Dmeir is incorrect under strict,
	// and Ada and ISIS are missed.
	r, err := eval.Score(context.Background(), joinInput(goldRows, "a,10,22,Bob in Dmeir,GPE,,,\n"), eval.Setup{Map: conll, MapTo: eval.MapGold, Ignore: []string{"MISC"}, SkipUncovered: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Systems[0].Summary.Micro(eval.Strict); got != (eval.Counts{Incorrect: 1, Missed: 2}) || r.Systems[0].DontCareCount(eval.All) != 0 {
		t.Errorf("a prediction on gold and don't care: %+v, %d not scored; want INC 1, MIS 2 and none left out", got, r.Systems[0].DontCareCount(eval.All))
	}
}
