package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/cli"
)

// joinFn takes a document ID and everything keyed by it (the document,
// its gold mentions, the predictions read from files, the scope's
// regions of it), runs the extractors on the document as exbench run
// does, and scores it as exbench score does (cli.Scoring.Join). It emits
// the scored document by shard, each extractor's predictions by file, and
// the problems it meets.
type joinFn struct {
	Spec        cli.ScoringSpec
	Corpus      string     // the corpus's name, for messages
	CorpusFiles []string   // its files, by index
	Extractors  [][]string // run's flags of each extractor, the first systems
	Systems     int        // the systems: the extractors, then the -pred ones
	Shards      int
	Ranks       map[string]int // the order of the input files, for sorting problems

	scoring    *cli.Scoring
	extractors []*cli.DocExtractor
}

func (f *joinFn) Setup() error {
	var err error
	if f.scoring, err = cli.NewWorkerScoring(f.Spec); err != nil {
		return err
	}
	for _, args := range f.Extractors {
		x, err := cli.NewDocExtractor(args)
		if err != nil {
			return err
		}
		f.extractors = append(f.extractors, x)
	}
	return nil
}

func (f *joinFn) Teardown() error {
	var first error
	for _, x := range f.extractors {
		if err := x.Close(); err != nil && first == nil {
			first = err
		}
	}
	f.extractors = nil
	return first
}

func (f *joinFn) ProcessElement(ctx context.Context, id string, values func(*item) bool, emitScored func(int, scored), emitPred func(int, predDoc), emitProblem func(problem)) error {
	var docs, mentions, regions []item
	var it item
	for values(&it) {
		switch it.Kind {
		case kindDoc:
			docs = append(docs, it)
		case kindMention:
			mentions = append(mentions, it)
		case kindRegion:
			regions = append(regions, it)
		}
		it = item{}
	}
	bySeq := func(a, b item) int { return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.Seq, b.Seq)) }
	slices.SortFunc(docs, bySeq)
	slices.SortFunc(mentions, bySeq)
	slices.SortFunc(regions, bySeq)

	if len(docs) == 0 { // mentions of a document the corpus does not have
		for _, m := range mentions {
			emitProblem(fromProblem(probInput, cli.UnknownDocument(m.M.Source, id, f.Corpus), f.Ranks))
		}
		for _, r := range regions {
			emitProblem(fromProblem(probInput, cli.UnknownDocument(r.R.Source, id, f.Corpus), f.Ranks))
		}
		return nil
	}
	if len(docs) > 1 { // in two files of the corpus (one file's duplicates are Scan's)
		first := docs[0]
		for _, d := range docs[1:] {
			p := &corpus.Problem{File: f.CorpusFiles[d.File], Line: d.Line, Field: "id",
				Err: corpus.Problemf(corpus.ErrDuplicateID, "duplicate document ID %q (first in %s on line %d)", id, f.CorpusFiles[first.File], first.Line)}
			emitProblem(fromProblem(probCorpus, p, map[string]int{p.File: d.File}))
		}
		return nil
	}
	d := docs[0]
	doc := corpus.Doc{ID: id, Text: d.Text}
	shard := corpus.Shard(id, f.Shards)

	var gold []corpus.Mention
	preds := make([][]corpus.Mention, f.Systems)
	for _, m := range mentions {
		if m.Role == roleGold {
			gold = append(gold, m.M)
		} else {
			preds[m.Role] = append(preds[m.Role], m.M)
		}
	}
	for i, x := range f.extractors {
		ms, err := x.Extract(ctx, doc)
		if err != nil {
			return err
		}
		preds[i] = ms
		emitPred(i*f.Shards+shard, predDoc{Pos: d.Seq, Mentions: ms})
	}
	var scope []corpus.Region
	for _, r := range regions {
		scope = append(scope, r.R)
	}
	j, err := f.scoring.Join(ctx, f.Corpus, doc, int(d.Seq), gold, preds, scope)
	if err != nil {
		return fmt.Errorf("document %s: %w", corpus.Quote(id), err)
	}
	for _, p := range j.Problems {
		emitProblem(fromProblem(probInput, p, f.Ranks))
	}
	for sys, n := range j.Uncovered {
		if n > 0 {
			emitProblem(problem{Kind: probUncovered, System: sys, Count: n, DocID: id})
		}
	}
	emitScored(shard, newScored(d.Seq, j.Case, j.Tally))
	return nil
}
