package eval_test

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/report"
	gocmp "github.com/google/go-cmp/cmp"
)

// randomCorpus makes n documents of words in sentences, a gold that tags
// some words (numbers with values among them) and two systems that get
// most of them right, miss some, mislabel some, and add some.
func randomCorpus(rng *rand.Rand, n int) (docs []corpus.Doc, gold []corpus.Mention, sys [2][]corpus.Mention) {
	labels := []corpus.Label{corpus.PERSON, corpus.GPE, corpus.ORG, corpus.CARDINAL}
	for d := range n {
		id := fmt.Sprintf("d%03d", d)
		var text strings.Builder
		at := 0
		for w := range 5 + rng.IntN(40) {
			word := fmt.Sprintf("W%d", w)
			l := labels[rng.IntN(len(labels))]
			if l == corpus.CARDINAL {
				word = fmt.Sprint(rng.IntN(500))
			}
			m := corpus.Mention{DocID: id, Span: corpus.Span{Start: at, End: at + len(word)}, Text: word, Label: l}
			if l == corpus.CARDINAL {
				v, _ := corpus.ParseValue(word)
				m.Value = v
			}
			if rng.IntN(3) == 0 {
				gold = append(gold, m)
			}
			for s := range sys {
				p := m
				switch rng.IntN(12) {
				case 0: // mislabelled
					p.Label = labels[rng.IntN(3)]
					p.Value = corpus.Value{}
				case 1, 2: // not found, or found where there is no gold
					continue
				}
				if rng.IntN(3) == 0 || rng.IntN(9) == 0 {
					sys[s] = append(sys[s], p)
				}
			}
			text.WriteString(word)
			at += len(word)
			sep := " "
			if rng.IntN(8) == 0 {
				sep = ".\n"
			}
			text.WriteString(sep)
			at += len(sep)
		}
		docs = append(docs, corpus.Doc{ID: id, Text: text.String()})
	}
	return docs, gold, sys
}

// docResult is one document's result for one system, from Setup.Each.
type docResult struct {
	c   eval.Case
	sys int
	r   eval.DocResult
}

// TestMergeShards scores random corpora whole and in random shards, and
// merges the shards in a random order: the results, and every report
// written from them (intervals included), are the same bytes.
func TestMergeShards(t *testing.T) {
	ctx := context.Background()
	for trial := range uint64(8) {
		rng := rand.New(rand.NewPCG(trial, 42))
		docs, gold, sys := randomCorpus(rng, 20+rng.IntN(40))
		c, err := corpus.New("random", docs)
		if err != nil {
			t.Fatal(err)
		}
		in := eval.Input{Corpus: c.Name, Docs: c.All(), GoldName: "gold", Gold: eval.Mentions(gold),
			Systems: []eval.System{{Name: "a", Mentions: eval.Mentions(sys[0])}, {Name: "b", Mentions: eval.Mentions(sys[1])}}}
		opts := eval.BootstrapOptions{Resamples: 300, Seed: trial, Method: eval.Method(rng.IntN(2))}
		setup := eval.Setup{KeepDocs: true, SkipUncovered: true, Unit: eval.Unit(rng.IntN(2)), Bag: rng.IntN(2) == 0}
		if rng.IntN(2) == 0 {
			setup.Scope = eval.NewScope([]corpus.Region{{DocID: docs[0].ID}, {DocID: docs[1].ID, Span: corpus.Span{Start: 0, End: 10}}, {DocID: docs[2].ID}, {DocID: docs[3].ID}})
		}

		var wholeDocs []docResult
		ws := setup
		ws.Intervals = &opts
		ws.Each = func(c *eval.Case, sys int, r *eval.DocResult) error {
			wholeDocs = append(wholeDocs, docResult{*c, sys, *r})
			return nil
		}
		whole, err := eval.Score(ctx, in, ws)
		if err != nil {
			t.Fatal(err)
		}

		k := 2 + rng.IntN(4)
		shard := make([]int, len(docs))
		for i := range shard {
			shard[i] = rng.IntN(k)
		}
		var parts []*eval.Result
		var partDocs []docResult
		for s := range k {
			ps := setup
			ps.Only = func(pos int, _ string) bool { return shard[pos] == s }
			ps.Each = func(c *eval.Case, sys int, r *eval.DocResult) error {
				partDocs = append(partDocs, docResult{*c, sys, *r})
				return nil
			}
			p, err := eval.Score(ctx, in, ps)
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, p)
		}
		rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		merged := parts[0]
		for _, p := range parts[1:] {
			if err := merged.Merge(p); err != nil {
				t.Fatal(err)
			}
		}
		merged.Setup.Intervals = &opts
		if err := merged.Bootstrap(); err != nil {
			t.Fatal(err)
		}
		// The documents' results come in corpus order, each system's in
		// turn, as Score sends them.
		slices.SortStableFunc(partDocs, func(x, y docResult) int { return cmp.Or(cmp.Compare(x.c.Pos, y.c.Pos), cmp.Compare(x.sys, y.sys)) })

		for i := range whole.Systems {
			w, m := whole.Systems[i], merged.Systems[i]
			if diff := gocmp.Diff(w.Summary.Docs, m.Summary.Docs); diff != "" {
				t.Errorf("trial %d, %s: documents (-whole +merged):\n%s", trial, w.Name, diff)
			}
			if diff := gocmp.Diff(w.Sentences, m.Sentences); diff != "" {
				t.Errorf("trial %d, %s: sentences (-whole +merged):\n%s", trial, w.Name, diff)
			}
			slices.Sort(m.Uncovered)
			if diff := gocmp.Diff(w.Uncovered, m.Uncovered); diff != "" || w.Skipped != m.Skipped {
				t.Errorf("trial %d, %s: uncovered (-whole +merged):\n%s", trial, w.Name, diff)
			}
		}
		if whole.GoldOutOfScope != merged.GoldOutOfScope {
			t.Errorf("trial %d: gold out of scope %d whole, %d merged", trial, whole.GoldOutOfScope, merged.GoldOutOfScope)
		}
		wantFiles := writeReports(t, whole, wholeDocs)
		gotFiles := writeReports(t, merged, partDocs)
		if diff := gocmp.Diff(wantFiles, gotFiles); diff != "" {
			t.Errorf("trial %d (%d shards, unit %s): reports (-whole +merged):\n%s", trial, k, setup.Unit, diff)
		}
		for a := range 2 {
			cw, err1 := whole.Compare(a, 1-a, opts, 0.05)
			cm, err2 := merged.Compare(a, 1-a, opts, 0.05)
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			if diff := gocmp.Diff(cw, cm); diff != "" {
				t.Errorf("trial %d: comparison (-whole +merged):\n%s", trial, diff)
			}
		}
	}
}

// writeReports writes the five reports of res, with the rows of every
// document's result, and returns them by name.
func writeReports(t *testing.T, res *eval.Result, docs []docResult) map[string]string {
	t.Helper()
	rows, err := report.NewRows([]string{res.Systems[0].Name, res.Systems[1].Name}, res.Setup.Schemes())
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for _, d := range docs {
		if err := rows.Add(&d.c, d.sys, &d.r); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	if err := report.Write(context.Background(), dir, res, rows); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, name := range report.ScoreFiles {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(data)
	}
	return files
}
