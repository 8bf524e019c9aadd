package eval

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"

	"github.com/exbench/exbench/corpus"
)

// Result is the scoring of systems over a corpus: what [Score] returns.
// Every figure in it is a sum of per-document counts, so results of parts
// of a corpus merge exactly ([Result.Merge]).
type Result struct {
	Setup          Setup
	GoldOutOfScope int // gold mentions outside the scope
	GoldDontCare   int // don't-care gold mentions (Setup.Ignore)
	// Warnings are the problems in the inputs that did not stop the
	// scoring: gold rows out of order (the first ones; MoreWarnings counts
	// those not kept, see Setup.MaxProblems).
	Warnings     corpus.Problems
	MoreWarnings int
	Systems      []*SystemResult
}

// SystemResult is the scoring of one system.
type SystemResult struct {
	Name string
	// Summary holds the counts per label, micro and macro, the confusion
	// matrix and the number chains, and, when the setup keeps them, each
	// document's counts.
	Summary Summary
	// Sentences holds each sentence's counts when the setup resamples
	// sentences ([Sentences]), each named DOC#N.
	Sentences []DocCounts
	SystemTally
	// Intervals holds the bootstrap intervals of every key, when the
	// setup asks for them ([Result.Bootstrap]).
	Intervals []Row
}

// Units returns what intervals and comparisons resample: each document's
// counts, or each sentence's.
func (s *SystemResult) Units(u Unit) []DocCounts {
	if u == Sentences {
		return s.Sentences
	}
	return s.Summary.Docs
}

// Interval returns the intervals of key k, and false when there are none.
func (s *SystemResult) Interval(k Key) (Row, bool) {
	for _, r := range s.Intervals {
		if r.Key == k {
			return r, true
		}
	}
	return Row{}, false
}

// Score scores each system of in against the gold over the corpus, as
// setup says: [Input.Cases] gives the documents to score, each document
// is scored under every scheme ([Scorer]), and the counts are added up;
// with setup.Intervals, [Result.Bootstrap] adds intervals.
func Score(ctx context.Context, in Input, setup Setup) (*Result, error) {
	cases, tally := in.Cases(ctx, setup)
	names := make([]string, len(in.Systems))
	for i, s := range in.Systems {
		names[i] = s.Name
	}
	r, err := ScoreCases(ctx, cases, names, setup)
	if err != nil {
		return nil, err
	}
	r.AddTally(tally)
	return r, nil
}

// AddTally adds to r, the result of [ScoreCases], what the join of the
// inputs left out, once its cases are all scored: [Score] is
// [Input.Cases], then ScoreCases, then AddTally.
func (r *Result) AddTally(t *Tally) {
	r.GoldOutOfScope, r.Warnings, r.MoreWarnings = t.GoldOutOfScope, t.Warnings, t.MoreWarnings
	for i, s := range r.Systems {
		dontCare := s.DontCare // counted by ScoreCases
		s.SystemTally = t.Systems[i]
		s.DontCare = dontCare
	}
}

// ScoreCases scores cases, each holding the predictions of the systems
// named names, as [Score] does; it applies neither label map nor scope
// nor subset, which the cases are taken to have had (see [Setup.Apply]).
// Predictions that overlap a mention of Case.DontCare and none of
// Case.Gold are not scored, and counted in SystemResult.DontCare.
func ScoreCases(ctx context.Context, cases iter.Seq2[Case, error], names []string, setup Setup) (*Result, error) {
	r := &Result{Setup: setup}
	for _, name := range names {
		s := &SystemResult{Name: name}
		s.Summary.NoDocs = !setup.keepsDocs()
		r.Systems = append(r.Systems, s)
	}
	opts := setup.Score
	opts.Bag = setup.Bag
	sc := NewScorer(opts)
	var sentences *Scorer
	if setup.Unit == Sentences && (setup.KeepDocs || setup.Intervals != nil) {
		opts := opts
		opts.NoMistakes = true
		sentences = NewScorer(opts)
	}
	for c, err := range cases {
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r.GoldDontCare += len(c.DontCare)
		for i, s := range r.Systems {
			if len(setup.Ignore) > 0 {
				var dropped []corpus.Mention
				c.Pred[i], dropped = dropDontCare(c.Pred[i], c.Gold, c.DontCare)
				if s.DontCare == nil {
					s.DontCare = map[corpus.Label]int{}
				}
				for _, m := range dropped {
					s.DontCare[m.Label]++
				}
			}
			res := sc.Score(c.Doc, c.Gold, c.Pred[i])
			res.Pos = c.Pos
			s.Summary.Add(res)
			if sentences != nil {
				s.Sentences = appendSentences(s.Sentences, sentences, &c, i)
			}
			if setup.Each != nil {
				if err := setup.Each(&c, i, &res); err != nil {
					return nil, err
				}
			}
		}
	}
	if setup.Intervals != nil {
		if err := r.Bootstrap(); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// appendSentences scores each sentence of c on its own for system sys
// and appends its counts, named DOC#N. A mention belongs to the sentence
// it starts in.
func appendSentences(dst []DocCounts, sc *Scorer, c *Case, sys int) []DocCounts {
	sentences := c.Sentences
	if sentences == nil {
		sentences = corpus.Sentences(c.Doc.Text)
	}
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
			i = min(i, len(sentences)-1)
			by[i] = append(by[i], m)
		}
		return by
	}
	g, p := in(c.Gold), in(c.Pred[sys])
	for i := range sentences {
		r := sc.Score(c.Doc, g[i], p[i])
		dst = append(dst, DocCounts{DocID: fmt.Sprintf("%s#%d", c.Doc.ID, i+1), Pos: c.Pos, Scheme: r.Counts[0].Scheme, Labels: r.Counts})
	}
	return dst
}

// Bootstrap makes the intervals of every system ([Bootstrap]) by the
// setup's options, resampling its unit, and says what makes them rough:
// [ErrBCaUndefined] when the setup asks for BCa and it is undefined, a
// [FewGold] for a label with fewer than 10 gold mentions.
func (r *Result) Bootstrap() error {
	opts := r.Setup.Intervals
	if opts == nil {
		return errors.New("eval: the setup asks for no intervals")
	}
	o := *opts
	o.Schemes = r.Setup.Schemes()
	for _, s := range r.Systems {
		rows, err := Bootstrap(s.Units(r.Setup.Unit), o)
		if err != nil {
			return err
		}
		gold := s.goldCounts()
		for i := range rows {
			row := &rows[i]
			if opts.Method == BCa && !row.Metric[F1].BCaOK {
				row.Warnings = append(row.Warnings, ErrBCaUndefined)
			}
			if n := gold[row.Key]; !row.Key.Macro && row.Key.Label != All && n < minGold {
				row.Warnings = append(row.Warnings, &FewGold{N: n})
			}
		}
		s.Intervals = rows
	}
	return nil
}

// goldCounts returns how many gold mentions each key has.
func (s *SystemResult) goldCounts() map[Key]int {
	n := map[Key]int{}
	for _, lc := range s.Summary.Labels() {
		for sc, c := range lc.Scheme {
			n[Key{Scheme: Scheme(sc), Label: lc.Label}] = c.Possible()
		}
	}
	return n
}

// Compare compares systems a and b (indexes of Systems) by their units:
// see [Compare]. Its Warnings say when no p-value can reach alpha, each
// row's when a label has fewer than 10 gold mentions.
func (r *Result) Compare(a, b int, opts BootstrapOptions, alpha float64) (*Comparison, error) {
	ua, ub := r.Systems[a].Units(r.Setup.Unit), r.Systems[b].Units(r.Setup.Unit)
	opts.Schemes = r.Setup.Schemes()
	c, err := Compare(ua, ub, opts)
	if err != nil {
		return nil, err
	}
	c.Units, c.Unit = len(ua), r.Setup.Unit
	if c.MinP >= alpha {
		c.Warnings = append(c.Warnings, &Unreachable{Units: len(ua), Unit: r.Setup.Unit, MinP: c.MinP, Alpha: alpha})
	}
	gold := r.Systems[a].goldCounts()
	for i := range c.Rows {
		k := c.Rows[i].Key
		if n := gold[Key{Scheme: k.Scheme, Label: k.Label}]; !k.Macro && k.Label != All && n < minGold {
			c.Rows[i].Warnings = append(c.Rows[i].Warnings, &FewGold{N: n})
		}
		if k.Label == All {
			ca, cb := r.Systems[a].Summary.Micro(k.Scheme), r.Systems[b].Summary.Micro(k.Scheme)
			c.Rows[i].Empty = ca.Possible()+ca.Actual()+cb.Actual() == 0
		}
	}
	return c, nil
}

// Merge adds to r the result of scoring other documents of the same
// corpus with the same systems and setup, such as another part of a
// corpus scored apart ([Setup.Only]): the counts add up, each document's
// counts fall in corpus order, and the result is the one scoring every
// part at once gives. Intervals are dropped: call [Result.Bootstrap]
// once every part is merged. The warnings are r's: they are about the
// files, which every part reads whole.
func (r *Result) Merge(o *Result) error {
	if len(r.Systems) != len(o.Systems) {
		return fmt.Errorf("eval: cannot merge results of %d and %d systems", len(r.Systems), len(o.Systems))
	}
	for i, s := range r.Systems {
		t := o.Systems[i]
		if s.Name != t.Name {
			return fmt.Errorf("eval: cannot merge results of systems %q and %q", s.Name, t.Name)
		}
		s.Summary.Merge(&t.Summary)
		s.Sentences = mergeDocs(s.Sentences, t.Sentences)
		s.SystemTally.merge(&t.SystemTally)
		s.Intervals = nil
	}
	r.GoldOutOfScope += o.GoldOutOfScope
	r.GoldDontCare += o.GoldDontCare
	return nil
}

// OutOfScopeCount counts a system's predictions of label l outside the
// scope, or of every label for [All].
func (s *SystemResult) OutOfScopeCount(l corpus.Label) int { return count(s.OutOfScope, l) }

// DontCareCount counts a system's predictions of label l that were not
// scored because they overlap a don't-care gold mention, or of every
// label for [All].
func (s *SystemResult) DontCareCount(l corpus.Label) int { return count(s.DontCare, l) }

// count returns by[l], or the sum of by for [All].
func count(by map[corpus.Label]int, l corpus.Label) int {
	if l != All {
		return by[l]
	}
	n := 0
	for _, l := range slices.Sorted(maps.Keys(by)) {
		n += by[l]
	}
	return n
}
