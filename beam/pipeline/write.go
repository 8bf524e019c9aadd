package pipeline

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/partial"
)

// seedFn makes each key of 0..n-1 exist with an empty element (Pos -1),
// so that every shard's file is written, also one with no document.
type seedScoredFn struct{}

func (seedScoredFn) ProcessElement(k int, emit func(int, scored)) { emit(k, scored{Pos: -1}) }

type seedPredFn struct{}

func (seedPredFn) ProcessElement(k int, emit func(int, predDoc)) { emit(k, predDoc{Pos: -1}) }

// partialName is the name of shard i's partial result of n.
func partialName(i, n int) string { return fmt.Sprintf("shard-%05d-of-%05d.exb", i, n) }

// notesName is the name of the partial result the driver writes, with no
// document and the warnings about the inputs, which merge takes first.
const notesName = "notes.exb"

// summaryName is the name of the file that holds the problems found.
const summaryName = "problems.json"

// writePartialFn writes the partial result of one shard: its scored
// documents in corpus order, and the sum of their tallies, as 'exbench
// score -partial' writes a part, for 'exbench merge'.
type writePartialFn struct {
	Dir    string
	Shards int
	Header partial.Header
	Gold   string // the gold's fingerprint
}

func (f *writePartialFn) ProcessElement(ctx context.Context, shard int, values func(*scored) bool) error {
	type doc struct {
		pos   int64
		c     *eval.Case
		tally eval.Tally
	}
	var docs []doc
	var s scored
	for values(&s) {
		if s.Pos >= 0 {
			c, t, err := s.open()
			if err != nil {
				return err
			}
			docs = append(docs, doc{s.Pos, c, t})
		}
		s = scored{}
	}
	slices.SortFunc(docs, func(a, b doc) int { return cmp.Compare(a.pos, b.pos) })
	tally := eval.Tally{Systems: make([]eval.SystemTally, len(f.Header.Systems))}
	for i := range docs {
		tally.Merge(&docs[i].tally)
	}
	return writeFile(ctx, join(f.Dir, partialName(shard, f.Shards)), func(w io.Writer) error {
		pw, err := partial.NewWriter(w, f.Header)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if d.c == nil {
				continue
			}
			if err := pw.Add(d.c); err != nil {
				return err
			}
		}
		return pw.Close(f.Gold, &tally)
	})
}

// predFileName is the name of system's file of predictions of shard i of n.
func predFileName(system string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.csv", system, i, n)
}

// writePredsFn writes the predictions of one system on one shard of the
// corpus as a mention CSV, its documents in corpus order, as exbench run
// -shard I/N writes them.
type writePredsFn struct {
	Dir     string // each system's files go in Dir/SYSTEM/
	Systems []string
	Shards  int
}

func (f *writePredsFn) ProcessElement(ctx context.Context, key int, values func(*predDoc) bool) error {
	sys, shard := key/f.Shards, key%f.Shards
	var docs []predDoc
	var p predDoc
	for values(&p) {
		if p.Pos >= 0 {
			docs = append(docs, p)
		}
		p = predDoc{}
	}
	slices.SortFunc(docs, func(a, b predDoc) int { return cmp.Compare(a.Pos, b.Pos) })
	name := f.Systems[sys]
	return writeFile(ctx, join(join(f.Dir, name), predFileName(name, shard, f.Shards)), func(w io.Writer) error {
		cw := gold.NewWriter(w)
		for _, d := range docs {
			if err := cw.Write(d.Mentions); err != nil {
				return err
			}
		}
		return cw.Close()
	})
}

// writeSummaryFn writes the problems found, for the driver.
type writeSummaryFn struct {
	Path string
}

func (f *writeSummaryFn) ProcessElement(ctx context.Context, s summary) error {
	return writeFile(ctx, f.Path, func(w io.Writer) error { return json.NewEncoder(w).Encode(s) })
}
