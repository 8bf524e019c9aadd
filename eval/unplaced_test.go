package eval_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// TestUnplaced scores predictions given by their text alone, by hand, on
// the join corpus (gold: a Ada PERSON, Dmeir GPE; b ISIS ORG, 300
// CARDINAL 300):
//
//	a  "Ada" PERSON        placed at 1:4           correct
//	a  "Ada" PERSON        no second Ada: spurious
//	a  "Dmeir" GPE         17:22                   correct
//	a  "Bob" ORG           10:13, no gold there    spurious
//	b  "ISIS" ORG          0:4                     correct
//	b  "300" CARDINAL 300  10:13                   correct, value too
//	b  "300" CARDINAL 300  given twice: spurious, under value too
//	b  "Mosul" GPE         not in the text: spurious
func TestUnplaced(t *testing.T) {
	const pred = "a,,,Ada,PERSON,,,\na,,,Ada,PERSON,,,\na,,,Dmeir,GPE,,,\na,,,Bob,ORG,,,\nb,,,ISIS,ORG,,,\nb,,,300,CARDINAL,300,,\nb,,,300,CARDINAL,300,,\nb,,,Mosul,GPE,,,\n"
	r, err := eval.Score(context.Background(), joinInput(joinGold, pred), eval.Setup{Bag: true})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Systems[0]
	if got := s.Summary.Micro(eval.Strict); got != (eval.Counts{Correct: 4, Spurious: 4}) {
		t.Errorf("strict micro = %+v, want COR 4, SPU 4", got)
	}
	if got := s.Summary.Micro(eval.Value); got != (eval.Counts{Correct: 1, Spurious: 1}) {
		t.Errorf("value micro = %+v, want COR 1, SPU 1", got)
	}
	// Bag, in any position: the same, by text and by value; the second
	// 300 is a second CARDINAL 300 where the gold has one.
	if got := s.Summary.Micro(eval.Bag); got != (eval.Counts{Correct: 4, Spurious: 4}) {
		t.Errorf("bag micro = %+v, want COR 4, SPU 4", got)
	}
	want := []string{`a: "Ada" (PERSON)`, `b: "300" (CARDINAL)`, `b: "Mosul" (GPE)`}
	if s.Unplaced != 8 || s.NotFound != 3 || !slices.Equal(s.NotFoundSome, want) {
		t.Errorf("unplaced %d, not found %d %q; want 8, 3 %q", s.Unplaced, s.NotFound, s.NotFoundSome, want)
	}
	// A gold mention must have offsets.
	_, err = eval.Score(context.Background(), joinInput("a,,,Ada,PERSON,,,\n", pred), eval.Setup{})
	if err == nil || !strings.Contains(err.Error(), "g.csv:2:3: start: empty: a gold mention needs its offsets") {
		t.Errorf("gold without offsets: %v", err)
	}
}

// TestBagWithoutPositions: where placing by text goes wrong, the bag
// scheme, which ignores positions, does not. In "Bob’s Diner hired Bob."
// the gold has ORG "Bob’s Diner" and PERSON Bob (the second); a PERSON
// "Bob" given by its text is placed on the first Bob, inside the ORG:
// strict counts it incorrect against the ORG and misses the PERSON, bag
// matches it with the PERSON and misses the ORG.
func TestBagWithoutPositions(t *testing.T) {
	c, err := corpus.New("t", []corpus.Doc{{ID: "d", Text: "Bob’s Diner hired Bob."}})
	if err != nil {
		t.Fatal(err)
	}
	in := eval.Input{Corpus: "t", Docs: c.All(), GoldName: "g.csv", Gold: rows("g.csv", "d,0,11,Bob’s Diner,ORG,,,\nd,18,21,Bob,PERSON,,,\n"),
		Systems: []eval.System{{Name: "llm", Mentions: rows("p.csv", "d,,,Bob,PERSON,,,\n")}}}
	r, err := eval.Score(context.Background(), in, eval.Setup{Bag: true})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Systems[0].Summary
	if got := s.Micro(eval.Strict); got != (eval.Counts{Incorrect: 1, Missed: 1}) {
		t.Errorf("strict micro = %+v, want INC 1, MIS 1", got)
	}
	if got := s.Micro(eval.Bag); got != (eval.Counts{Correct: 1, Missed: 1}) {
		t.Errorf("bag micro = %+v, want COR 1, MIS 1", got)
	}
}
