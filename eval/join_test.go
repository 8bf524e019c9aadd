package eval_test

import (
	"context"
	"errors"
	"iter"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
	"github.com/google/go-cmp/cmp"
)

// The corpus of the join tests: gold and one system, by hand.
//
//	a  “Ada” met Bob in Dmeir.   gold Ada PERSON, Dmeir GPE       pred Ada PERSON, Bob PERSON
//	b  ISIS took 300 workers.    gold ISIS ORG, 300 CARDINAL      pred ISIS ORG
//	c  Nothing here but Syria.   no gold                          pred Syria GPE
var joinDocs = []corpus.Doc{
	{ID: "a", Text: "“Ada” met Bob in Dmeir."},
	{ID: "b", Text: "ISIS took 300 workers."},
	{ID: "c", Text: "Nothing here but Syria."},
}

const (
	joinGold = "a,1,4,Ada,PERSON,,,\na,17,22,Dmeir,GPE,,,\nb,0,4,ISIS,ORG,,,\nb,10,13,300,CARDINAL,300,,\n"
	joinPred = "a,1,4,Ada,PERSON,,,\na,10,13,Bob,PERSON,,,\nb,0,4,ISIS,ORG,,,\nc,17,22,Syria,GPE,,,\n"
)

// rows reads mention CSV rows (after a header) as a mention file named
// name, labels as written, as exbench reads its inputs.
func rows(name, rows string) iter.Seq2[corpus.Mention, error] {
	const header = "doc_id,start,end,text,label,value,modifier,unit\n"
	return gold.NewReader(strings.NewReader(header+rows), name, gold.Options{AnyLabel: true}).All()
}

// shuffled returns rows in another order.
func shuffled(s string, seed uint64) string {
	lines := slices.Collect(strings.Lines(s))
	rand.New(rand.NewPCG(seed, 1)).Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return strings.Join(lines, "")
}

func joinInput(goldRows, predRows string) eval.Input {
	c, _ := corpus.New("test", joinDocs)
	return eval.Input{Corpus: "test", Docs: c.All(), GoldName: "g.csv", Gold: rows("g.csv", goldRows),
		Systems: []eval.System{{Name: "sys", Mentions: rows("p.csv", predRows)}}}
}

// micro returns a system's micro counts under strict, and how many
// documents it was scored on.
func micro(r *eval.Result) (eval.Counts, int) {
	return r.Systems[0].Summary.Micro(eval.Strict), r.Systems[0].Summary.N
}

func TestScoreCoverage(t *testing.T) {
	ctx := context.Background()
	// Document c has a prediction and no gold: an error...
	_, err := eval.Score(ctx, joinInput(joinGold, joinPred), eval.Setup{})
	var ue *eval.UncoveredError
	if !errors.As(err, &ue) || ue.System != "sys" || ue.Predictions != 1 || !slices.Equal(ue.Docs, []string{"c"}) ||
		err.Error() != "system sys has 1 prediction for 1 document the gold does not cover (c)" {
		t.Fatalf("Score = %v, want an UncoveredError for c", err)
	}
	// ...unless skipped. Strict: Ada COR; Dmeir, ISIS's 300 MIS; Bob SPU; ISIS COR.
	r, err := eval.Score(ctx, joinInput(joinGold, joinPred), eval.Setup{SkipUncovered: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, n := micro(r); got != (eval.Counts{Correct: 2, Missed: 2, Spurious: 1}) || n != 2 {
		t.Errorf("micro = %+v on %d documents, want COR 2, MIS 2, SPU 1 on a and b", got, n)
	}
	if s := r.Systems[0]; !slices.Equal(s.Uncovered, []string{"c"}) || s.Skipped != 1 {
		t.Errorf("uncovered %v, skipped %d; want c and 1", s.Uncovered, s.Skipped)
	}
	// CoverBoth: only documents both annotate; c is left out, no error.
	r, err = eval.Score(ctx, joinInput(joinGold, joinPred), eval.Setup{Cover: eval.CoverBoth})
	if got, n := micro(r); err != nil || n != 2 || got.Actual() != 3 {
		t.Errorf("CoverBoth: %+v on %d documents, %v", got, n, err)
	}
	// No gold for the corpus: nothing to score.
	if _, err := eval.Score(ctx, joinInput("", joinPred), eval.Setup{}); !errors.Is(err, eval.ErrNoCases) ||
		err.Error() != "gold g.csv has no mentions of corpus test, so it covers no document: nothing to score" {
		t.Errorf("Score with an empty gold = %v", err)
	}
}

// TestScoreAnyOrder: the rows of either file in any order give the same
// result.
func TestScoreAnyOrder(t *testing.T) {
	ctx := context.Background()
	setup := eval.Setup{SkipUncovered: true, KeepDocs: true}
	want, err := eval.Score(ctx, joinInput(joinGold, joinPred), setup)
	if err != nil {
		t.Fatal(err)
	}
	for seed := range uint64(10) {
		got, err := eval.Score(ctx, joinInput(shuffled(joinGold, seed), shuffled(joinPred, seed+100)), setup)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.Systems[0].Summary.Labels(), got.Systems[0].Summary.Labels()); diff != "" {
			t.Errorf("seed %d: counts (-in order +shuffled):\n%s", seed, diff)
		}
		if diff := cmp.Diff(want.Systems[0].Summary.Docs, got.Systems[0].Summary.Docs); diff != "" {
			t.Errorf("seed %d: documents (-in order +shuffled):\n%s", seed, diff)
		}
	}
}

func TestScoreMapAndLabels(t *testing.T) {
	ctx := context.Background()
	pred := strings.ReplaceAll(joinPred, "PERSON", "PER")
	// Labels the gold does not speak are a problem...
	_, err := eval.Score(ctx, joinInput(joinGold, pred), eval.Setup{SkipUncovered: true})
	var ps corpus.Problems
	if !errors.As(err, &ps) || len(ps) != 2 || !errors.Is(err, corpus.ErrLabel) ||
		ps[0].Error() != `p.csv:2:11: label: unknown label "PER" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)` {
		t.Fatalf("Score with PER = %v", err)
	}
	// ...until a map renames them, on the predictions' side.
	m, _ := corpus.ParseLabelMap("PER=PERSON,GPE=-")
	r, err := eval.Score(ctx, joinInput(joinGold, pred), eval.Setup{Map: m})
	if err != nil {
		t.Fatal(err) // the map drops c's GPE prediction: nothing uncovered
	}
	if got, _ := micro(r); got != (eval.Counts{Correct: 2, Missed: 2, Spurious: 1}) {
		t.Errorf("mapped: %+v", got)
	}
	// Only PERSON scored: gold Ada; predictions Ada and Bob. The covered
	// documents are still a and b, those of every label.
	r, err = eval.Score(ctx, joinInput(joinGold, joinPred), eval.Setup{Labels: []corpus.Label{corpus.PERSON}, SkipUncovered: true})
	if got, n := micro(r); err != nil || got != (eval.Counts{Correct: 1, Spurious: 1}) || n != 2 {
		t.Errorf("PERSON only: %+v on %d documents, %v", got, n, err)
	}
}

func TestScoreScope(t *testing.T) {
	// a whole, b's first four characters (ISIS), not c: the gold's 300 is
	// out of scope, and so is c's Syria, which is then not uncovered.
	scope := eval.NewScope([]corpus.Region{{DocID: "a"}, {DocID: "b", Span: corpus.Span{Start: 0, End: 4}}})
	r, err := eval.Score(context.Background(), joinInput(joinGold, joinPred), eval.Setup{Scope: scope})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Systems[0]
	if got, n := micro(r); got != (eval.Counts{Correct: 2, Missed: 1, Spurious: 1}) || n != 2 || r.GoldOutOfScope != 1 ||
		s.OutOfScopeCount(eval.All) != 1 || s.OutOfScope[corpus.GPE] != 1 {
		t.Errorf("scope: %+v on %d documents, gold out %d, predictions out %v", got, n, r.GoldOutOfScope, s.OutOfScope)
	}
	// A scope covers documents without gold too: c, with all its gold (none)
	// and a spurious prediction.
	scope = eval.NewScope([]corpus.Region{{DocID: "a"}, {DocID: "c"}})
	r, err = eval.Score(context.Background(), joinInput(joinGold, joinPred), eval.Setup{Scope: scope})
	if got, n := micro(r); err != nil || got != (eval.Counts{Correct: 1, Missed: 1, Spurious: 2}) || n != 2 {
		t.Errorf("scope a and c: %+v on %d documents, %v", got, n, err)
	}
	// A region past a document's end, and a document not in the corpus.
	bad := eval.NewScope([]corpus.Region{
		{DocID: "a", Span: corpus.Span{Start: 0, End: 99}, Source: corpus.Source{File: "s.csv", Line: 2, Col: [corpus.NumFields]int32{corpus.FieldEnd: 5}}},
		{DocID: "z", Source: corpus.Source{File: "s.csv", Line: 3}},
	})
	_, err = eval.Score(context.Background(), joinInput(joinGold, joinPred), eval.Setup{Scope: bad})
	want := "s.csv:2:5: end: 99 is past the end of document \"a\" (length 23)\ns.csv:3:1: doc_id: unknown document \"z\" (not in corpus test)"
	if err == nil || err.Error() != want {
		t.Errorf("bad scope: %v\nwant %s", err, want)
	}
}

// TestScoreProblems: every problem of every input is listed, in file
// order, and nothing is scored.
func TestScoreProblems(t *testing.T) {
	goldRows := joinGold + "a,1,4,Ada,PERSON,,,\n" + "z,0,1,x,ORG,,,\n"    // a duplicate; a document not in the corpus
	predRows := "a,0,3,“Ad,PERSON,,,\n" + "b,x,4,ISIS,ORG,,,\n" + joinPred // fine; a bad offset
	predRows = strings.Replace(predRows, "b,0,4,ISIS", "b,0,4,ISIS,ORG,,,\nb,0,4,Isis", 1)
	_, err := eval.Score(context.Background(), joinInput(goldRows, predRows), eval.Setup{SkipUncovered: true})
	var got []string
	var ps corpus.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("Score = %v, want problems", err)
	}
	for _, p := range ps {
		got = append(got, p.Error())
	}
	want := []string{
		`g.csv:6:1: warning: doc_id: document "a" has rows up to line 3 already (a document's rows come together)`,
		`g.csv:6:3: start: same span 1:4 and label as line 2`,
		`g.csv:7:1: doc_id: unknown document "z" (not in corpus test)`,
		`p.csv:3:3: start: "x" is not an integer`,
		`p.csv:7:3: warning: start: same span 0:4 and label as line 6: scored as a spurious mention`,
		`p.csv:7:7: text: "Isis", but the document has "ISIS" at 0:4`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// The problems of the corpus come alone.
	bad := func(yield func(corpus.Doc, error) bool) {
		_ = yield(joinDocs[0], nil) && yield(corpus.Doc{}, errors.New("c.txt: unreadable"))
	}
	in := joinInput(goldRows, predRows)
	in.Docs = bad
	if _, err := eval.Score(context.Background(), in, eval.Setup{}); err == nil || err.Error() != "c.txt: unreadable" {
		t.Errorf("Score with a bad corpus = %v", err)
	}
}

// TestCheck checks inputs without scoring: flat spans within a document
// across files of one input, and a warning alone is no failure.
func TestCheck(t *testing.T) {
	c, _ := corpus.New("test", joinDocs)
	twoFiles := func(yield func(corpus.Mention, error) bool) {
		for m, err := range rows("g1.csv", "b,0,4,ISIS,ORG,,,\na,1,4,Ada,PERSON,,,\n") {
			if !yield(m, err) {
				return
			}
		}
		for m, err := range rows("g2.csv", "a,0,5,“Ada”,PERSON,,,\n") {
			if !yield(m, err) {
				return
			}
		}
	}
	in := eval.Input{Corpus: "test", Docs: c.All(), Systems: []eval.System{{Name: "g", Mentions: twoFiles, Flat: true}}}
	_, err := in.Check(context.Background(), eval.Setup{})
	want := `g2.csv:2:3: start: 0:5 PERSON "“Ada”" overlaps 1:4 PERSON "Ada" at g1.csv:3 (gold spans are flat)`
	if err == nil || err.Error() != want {
		t.Errorf("Check = %v\nwant %s", err, want)
	}
	in.Systems[0].Mentions = rows("g1.csv", "b,0,4,ISIS,ORG,,,\na,10,13,Bob,PERSON,,,\na,1,4,Ada,PERSON,,,\n")
	tally, err := in.Check(context.Background(), eval.Setup{})
	if err != nil || len(tally.Warnings) != 1 || tally.Docs != 3 {
		t.Errorf("Check with a warning = %+v, %v", tally, err)
	}
}

// TestSetupChecked: settings out of range are an error, NaN among them,
// never a panic deep in the statistics.
func TestSetupChecked(t *testing.T) {
	nan := math.NaN()
	for _, s := range []eval.Setup{
		{Score: eval.Options{ValueTol: nan}},
		{Score: eval.Options{ValueTol: -1}},
		{Intervals: &eval.BootstrapOptions{Level: nan}},
		{Intervals: &eval.BootstrapOptions{Level: 1.5}},
	} {
		if _, err := eval.Score(context.Background(), joinInput(joinGold, joinPred), s); err == nil {
			t.Errorf("Score with %+v succeeded", s)
		}
	}
	if _, err := eval.Bootstrap(nil, eval.BootstrapOptions{Level: nan}); err == nil {
		t.Error("Bootstrap with a NaN level succeeded")
	}
}
