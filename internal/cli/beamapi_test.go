package cli

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/partial"
	"github.com/google/go-cmp/cmp"
)

// TestBeamJoin joins each bundled document apart, as the Beam pipeline
// does, and checks that the cases, their tallies and the partial header
// are what exbench score -partial makes of the whole corpus, with a
// label subset, don't-care labels and a scope.
func TestBeamJoin(t *testing.T) {
	dir := t.TempDir()
	c := corpus.Builtin()
	pred := filepath.Join(dir, "numbers.csv")
	var stdout, stderr bytes.Buffer
	if err := Run(context.Background(), []string{"run", "-extractor", "numbers+dates", "-o", pred}, &stdout, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	scope := filepath.Join(dir, "scope.csv")
	ids := c.IDs()
	os.WriteFile(scope, []byte("doc_id,start,end\n"+ids[0]+",,\n"+ids[2]+",0,900\n"+ids[3]+",,\n"), 0o644)
	args := []string{"-labels=CARDINAL,DATE,GPE", "-ignore=NORP", "-scope=" + scope, "-ci"}

	// exbench score -partial of the whole corpus.
	part := filepath.Join(dir, "whole.exb")
	if err := Run(context.Background(), append([]string{"score", "-pred", "n=" + pred, "-partial", part}, args...), &stdout, &stderr); err != nil {
		t.Fatal(err, stderr.String())
	}
	f, err := os.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := partial.NewReader(f, part)
	if err != nil {
		t.Fatal(err)
	}
	var want []eval.Case
	for c, err := range r.Cases() {
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, c)
	}
	wantGold, wantTally, _ := r.End()
	if len(want) != 3 || wantTally.GoldOutOfScope == 0 || len(want[0].DontCare) == 0 {
		t.Fatalf("score -partial: %d cases, tally %+v: the test tests too little", len(want), wantTally)
	}

	s, err := NewScoring(args, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.Header([]string{"n"}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Format = 0
	if diff := cmp.Diff(r.Header, h); diff != "" {
		t.Errorf("header (-score +beam):\n%s", diff)
	}
	check, err := s.CheckGold(eval.Mentions(gold.Builtin()))
	if err != nil || check.Fingerprint != wantGold || check.Errors+check.Warnings != 0 {
		t.Errorf("gold %+v, %v; want fingerprint %s", check, err, wantGold)
	}

	// On a worker, from the spec, each document apart.
	ws, err := NewWorkerScoring(s.Spec())
	if err != nil {
		t.Fatal(err)
	}
	preds, err := gold.ReadFile(pred)
	if err != nil {
		t.Fatal(err)
	}
	regions, err := gold.ReadScopeFile(scope)
	if err != nil {
		t.Fatal(err)
	}
	var got []eval.Case
	tally := eval.Tally{Systems: make([]eval.SystemTally, 1)}
	for pos, d := range c.Docs {
		of := func(m corpus.Mention) bool { return m.DocID != d.ID }
		g := slices.DeleteFunc(gold.Builtin(), of)
		p := slices.DeleteFunc(slices.Clone(preds), of)
		reg := slices.DeleteFunc(slices.Clone(regions), func(r corpus.Region) bool { return r.DocID != d.ID })
		j, err := ws.Join(context.Background(), c.Name, d, 100+10*pos, g, [][]corpus.Mention{p}, reg)
		if err != nil {
			t.Fatal(err)
		}
		if len(j.Problems) > 0 {
			t.Errorf("%s: problems %v", d.ID, j.Problems)
		}
		if j.Case != nil {
			j.Case.Pos -= 100 + 9*pos // back to the corpus's positions
			got = append(got, *j.Case)
		}
		tally.Merge(j.Tally)
	}
	strip := cmp.Transformer("source", func(m corpus.Mention) corpus.Mention { m.Source = corpus.Source{}; return m })
	values := cmp.Comparer(func(a, b corpus.Value) bool { return a.Equal(b) })
	empty := cmp.Transformer("empty", func(ms []corpus.Mention) []corpus.Mention {
		if len(ms) == 0 {
			return nil
		}
		return ms
	})
	if diff := cmp.Diff(want, got, strip, values, empty); diff != "" {
		t.Errorf("cases (-score +beam):\n%s", diff)
	}
	tally.Warnings = wantTally.Warnings
	if diff := cmp.Diff(wantTally, &tally, cmp.Comparer(func(a, b error) bool { return a.Error() == b.Error() })); diff != "" {
		t.Errorf("tally (-score +beam):\n%s", diff)
	}
}

// TestBeamUncovered counts, by system, the predictions for a document
// the gold does not cover, and says it as score does.
func TestBeamUncovered(t *testing.T) {
	s, err := NewScoring(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	d := corpus.Doc{ID: "x", Text: "300 and 5"}
	p := []corpus.Mention{{DocID: "x", Span: corpus.Span{Start: 0, End: 3}, Label: corpus.CARDINAL, Text: "300", Value: corpus.NewValue(300)}}
	j, err := s.Join(context.Background(), "c", d, 0, nil, [][]corpus.Mention{nil, p}, nil)
	if err != nil || j.Case != nil || !slices.Equal(j.Uncovered, []int{0, 1}) {
		t.Errorf("join %+v, %v", j, err)
	}
	want := "score: system v has 7 predictions for 6 documents the gold does not cover (a, b, c, d, e and 1 more); use -skip-uncovered to ignore them"
	if err := UncoveredError("v", 7, 6, []string{"e", "d", "c", "b", "a"}); err.Error() != want {
		t.Errorf("%v\nwant %s", err, want)
	}
}

// TestBeamFlags passes score's and run's flags on, and refuses score's
// flags that the pipeline gives itself.
func TestBeamFlags(t *testing.T) {
	fs := flag.NewFlagSet("beam", flag.ContinueOnError)
	b := RegisterBeamFlags(fs)
	err := fs.Parse([]string{"-ci", "-labels", "CARDINAL", "-map=PER=PERSON", "-cmd", "./x", "-name", "mine", "-fail-if", "strict.micro.f1 < 0.5", "-fail-if=exact.micro.f1 < 0.6"})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"-ci=true", "-labels=CARDINAL", "-map=PER=PERSON", "-fail-if=strict.micro.f1 < 0.5", "-fail-if=exact.micro.f1 < 0.6"}; !slices.Equal(b.ScoreArgs(), want) {
		t.Errorf("score args %q, want %q", b.ScoreArgs(), want)
	}
	if want := []string{"-map=PER=PERSON", "-cmd=./x", "-name=mine"}; !slices.Equal(b.RunArgs(), want) {
		t.Errorf("run args %q, want %q", b.RunArgs(), want)
	}
	for _, name := range []string{"pred", "o", "partial", "shard", "conll", "corpus", "extractor", "j"} {
		if fs.Lookup(name) != nil {
			t.Errorf("-%s is registered", name)
		}
	}
	if _, err := NewScoring([]string{"-o=x"}, io.Discard); err == nil || !strings.Contains(err.Error(), "-o") {
		t.Errorf("-o: %v", err)
	}
	x, err := NewDocExtractor(append([]string{"-extractor=external"}, b.RunArgs()...))
	if err != nil || x.Name() != "mine" {
		t.Errorf("external: %v", err)
	}
}
