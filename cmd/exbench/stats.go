package main

import (
	"context"
	"flag"
	"fmt"
	"slices"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// statFlags configure confidence intervals and comparisons.
type statFlags struct {
	ci        bool
	method    string
	seed      uint64
	resamples int
	level     float64
	unit      string
}

func (s *statFlags) register(fs *flag.FlagSet, ciDefault bool) {
	fs.BoolVar(&s.ci, "ci", ciDefault, "add bootstrap confidence intervals of P, R and F1 to scores.csv")
	fs.StringVar(&s.method, "ci-method", "bca", "the interval: bca (bias-corrected and accelerated) or percentile")
	fs.Uint64Var(&s.seed, "seed", 1, "random seed of the resamples and permutations")
	fs.IntVar(&s.resamples, "resamples", 10000, "how many bootstrap resamples (and permutations)")
	fs.Float64Var(&s.level, "level", 0.95, "confidence level of the intervals")
	fs.StringVar(&s.unit, "unit", "doc", "what to resample: doc (documents) or sentence")
}

func (s *statFlags) check(verb string) error {
	switch {
	case s.method != "bca" && s.method != "percentile":
		return &usageError{fmt.Sprintf("%s: -ci-method %q: want bca or percentile", verb, s.method)}
	case s.resamples < 100:
		return &usageError{fmt.Sprintf("%s: -resamples %d: want at least 100", verb, s.resamples)}
	case s.level <= 0 || s.level >= 1:
		return &usageError{fmt.Sprintf("%s: -level %v: want a number between 0 and 1", verb, s.level)}
	case s.unit != "doc" && s.unit != "sentence":
		return &usageError{fmt.Sprintf("%s: -unit %q: want doc or sentence", verb, s.unit)}
	}
	return nil
}

func (s *statFlags) options() eval.BootstrapOptions {
	return eval.BootstrapOptions{Resamples: s.resamples, Level: s.level, Seed: s.seed}
}

// describe says how the intervals were made, for the reports.
func (s *statFlags) describe() string {
	method := "BCa"
	if s.method == "percentile" {
		method = "percentile"
	}
	return fmt.Sprintf("%s %g%%, %d resamples of %ss, seed %d", method, 100*s.level, s.resamples, unitNoun(s.unit), s.seed)
}

// units returns the resampling units of a system's scoring: its documents'
// counts, or, for -unit sentence, each sentence of each covered document
// scored on its own, a mention belonging to the sentence where it starts.
func units(ctx context.Context, s *system, unit string, covered []corpus.Doc, goldByDoc, predByDoc map[string][]corpus.Mention) ([]eval.DocCounts, error) {
	if unit == "doc" {
		return s.sum.Docs, nil
	}
	opts := s.opts
	opts.NoMistakes = true
	sc := eval.NewScorer(opts)
	var sum eval.Summary
	for _, d := range covered {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		addSentences(sc, &sum, d, goldByDoc[d.ID], predByDoc[d.ID])
	}
	return sum.Docs, nil
}

// addSentences scores each sentence of d on its own and adds it to sum,
// named DOC#N. A mention belongs to the sentence it starts in.
func addSentences(sc *eval.Scorer, sum *eval.Summary, d corpus.Doc, gold, pred []corpus.Mention) {
	sentences := corpus.Sentences(d.Text)
	in := func(ms []corpus.Mention) [][]corpus.Mention {
		by := make([][]corpus.Mention, len(sentences))
		for _, m := range ms {
			i, _ := slices.BinarySearchFunc(sentences, m.Span.Start, func(s corpus.Span, at int) int {
				switch {
				case s.End <= at:
					return -1
				case s.Start > at:
					return 1
				}
				return 0
			})
			by[min(i, len(sentences)-1)] = append(by[min(i, len(sentences)-1)], m)
		}
		return by
	}
	g, p := in(gold), in(pred)
	for i := range sentences {
		r := sc.Score(d, g[i], p[i])
		r.DocID = fmt.Sprintf("%s#%d", d.ID, i+1)
		sum.Add(r)
	}
}
