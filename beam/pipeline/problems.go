package pipeline

import (
	"cmp"
	"slices"

	"github.com/exbench/exbench/corpus"
)

// summary is every problem the workers found, as exbench keeps them: the
// first corpus.MaxShown in file order, and counts of all.
type summary struct {
	Input            []problem // problems in the gold, predictions, scope
	Errors, Warnings int
	Corpus           []problem // problems in the corpus
	CorpusErrors     int
	Uncovered        []uncovered // by system index
}

// uncovered counts a system's predictions for documents the gold does
// not cover.
type uncovered struct {
	Predictions, Docs int
	Some              []string // the smallest document IDs, at most maxSome
}

// maxSome is how many uncovered document IDs a message lists.
const maxSome = 5

// compareProblems orders problems as exbench lists them: by file, in
// the order the inputs are read, then line and column.
func compareProblems(a, b problem) int {
	return cmp.Or(cmp.Compare(a.Rank, b.Rank), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col), cmp.Compare(a.Field, b.Field), cmp.Compare(a.Msg, b.Msg))
}

// keep adds ps to the kept list, sorted, and keeps the first ones.
func keep(list []problem, ps ...problem) []problem {
	list = append(list, ps...)
	slices.SortStableFunc(list, compareProblems)
	return slices.Clip(list[:min(len(list), corpus.MaxShown)])
}

// add adds a problem found by a worker.
func (s *summary) add(p problem) {
	switch p.Kind {
	case probInput:
		s.Input = keep(s.Input, p)
		if p.Warning {
			s.Warnings++
		} else {
			s.Errors++
		}
	case probCorpus:
		s.Corpus = keep(s.Corpus, p)
		s.CorpusErrors++
	case probUncovered:
		for len(s.Uncovered) <= p.System {
			s.Uncovered = append(s.Uncovered, uncovered{})
		}
		u := &s.Uncovered[p.System]
		u.Predictions += p.Count
		u.Docs++
		u.Some = smallest(u.Some, p.DocID)
	}
}

// smallest adds ids to some and keeps the maxSome smallest.
func smallest(some []string, ids ...string) []string {
	some = append(some, ids...)
	slices.Sort(some)
	some = slices.Compact(some)
	return slices.Clip(some[:min(len(some), maxSome)])
}

// merge adds o to s.
func (s *summary) merge(o *summary) {
	s.Input = keep(s.Input, o.Input...)
	s.Errors += o.Errors
	s.Warnings += o.Warnings
	s.Corpus = keep(s.Corpus, o.Corpus...)
	s.CorpusErrors += o.CorpusErrors
	for i, u := range o.Uncovered {
		for len(s.Uncovered) <= i {
			s.Uncovered = append(s.Uncovered, uncovered{})
		}
		t := &s.Uncovered[i]
		t.Predictions += u.Predictions
		t.Docs += u.Docs
		t.Some = smallest(t.Some, u.Some...)
	}
}

// problems returns the kept problems as exbench's.
func problems(ps []problem) corpus.Problems {
	out := make(corpus.Problems, len(ps))
	for i, p := range ps {
		out[i] = p.corpusProblem()
	}
	return out
}

// summarize is the combination of every problem into a summary.
type summarize struct{}

func (summarize) CreateAccumulator() summary { return summary{} }

func (summarize) AddInput(s summary, p problem) summary {
	s.add(p)
	return s
}

func (summarize) MergeAccumulators(a, b summary) summary {
	a.merge(&b)
	return a
}

func (summarize) ExtractOutput(s summary) summary { return s }
