package eval

import (
	"context"

	"github.com/exbench/exbench/corpus"
)

// Agreement is how two annotations of the same documents agree, A (the
// input's gold) and B (its first system).
type Agreement struct {
	Docs                 int // documents both annotate (or the scope's)
	AMentions, BMentions int // their mentions there
	// BA scores B against A, with intervals when the setup asks for
	// them; AB scores A against B. F1 is the same both ways but for rare
	// ties in pairing.
	BA, AB *Result
	// Kappa is Cohen's kappa on tokens over all tokens; KappaMarked over
	// the tokens either annotation labels.
	Kappa, KappaMarked Kappa
}

// Agree scores two annotations against each other: in.Gold as A and
// in.Systems[0] as B, both checked as gold is ([System.Flat]), on the
// documents both annotate ([CoverBoth]) or, with a scope, those it
// covers. Setup's map applies to A as the gold's side and to B as the
// predictions'. It fails with [ErrNoCases] when the two share no
// document.
func Agree(ctx context.Context, in Input, s Setup) (*Agreement, *Tally, error) {
	in.Systems = []System{in.Systems[0]}
	in.Systems[0].Flat = true
	s.Cover = CoverBoth
	cases, tally := in.Cases(ctx, s)
	var ab []Case
	var docs []corpus.Doc
	var a, b []corpus.Mention
	ba := func(yield func(Case, error) bool) {
		for c, err := range cases {
			if err == nil {
				docs = append(docs, c.Doc)
				a, b = append(a, c.Gold...), append(b, c.Pred[0]...)
				ab = append(ab, Case{Doc: c.Doc, Pos: c.Pos, Gold: c.Pred[0], Pred: [][]corpus.Mention{c.Gold}})
			}
			if !yield(c, err) {
				return
			}
		}
	}
	s.Score.NoMistakes, s.Each = true, nil
	g := &Agreement{}
	var err error
	if g.BA, err = ScoreCases(ctx, ba, []string{"B against A"}, s); err != nil {
		return nil, tally, err
	}
	s.Intervals = nil
	if g.AB, err = ScoreCases(ctx, Cases(ab), []string{"A against B"}, s); err != nil {
		return nil, tally, err
	}
	g.Docs, g.AMentions, g.BMentions = len(docs), len(a), len(b)
	g.Kappa = TokenKappa(docs, a, b, false)
	g.KappaMarked = TokenKappa(docs, a, b, true)
	return g, tally, nil
}

// Cases returns cases held in memory as a sequence, for [ScoreCases].
func Cases(cs []Case) func(func(Case, error) bool) {
	return func(yield func(Case, error) bool) {
		for _, c := range cs {
			if !yield(c, nil) {
				return
			}
		}
	}
}
