package eval

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// Input is what [Score] scores: a corpus, read one document at a time,
// the gold mentions and each system's predicted mentions, each read one
// mention at a time, in any order. A sequence gives problems in its
// inputs as errors in place of mentions or documents ([*corpus.Problem]
// or [corpus.Problems]); any other error ends the scoring.
type Input struct {
	Corpus   string // the corpus's name, for messages
	Docs     iter.Seq2[corpus.Doc, error]
	GoldName string // the gold's name, for messages
	Gold     iter.Seq2[corpus.Mention, error]
	Systems  []System
}

// System is one system's predicted mentions.
type System struct {
	Name     string
	Mentions iter.Seq2[corpus.Mention, error]
	// Flat checks the mentions as gold is checked: no two with the same
	// span and label, no overlapping spans, rows in order (a warning).
	// For a second annotation compared with the gold.
	Flat bool
}

// Mentions returns ms as a sequence, for mentions held in memory.
func Mentions(ms []corpus.Mention) iter.Seq2[corpus.Mention, error] {
	return func(yield func(corpus.Mention, error) bool) {
		for _, m := range ms {
			if !yield(m, nil) {
				return
			}
		}
	}
}

// Side says which mentions a label map applies to.
type Side int8

const (
	MapPred Side = iota // the systems' predictions, the default
	MapGold             // the gold
	MapBoth             // both
)

// Cover says which documents of the corpus are scored.
type Cover int8

const (
	// CoverGold scores the documents that have a gold mention, or, with
	// a scope, those the scope covers. A prediction for another document
	// is an error, unless Setup.SkipUncovered.
	CoverGold Cover = iota
	// CoverBoth scores the documents that have both a gold mention and a
	// mention of the first system (or, with a scope, those it covers),
	// and leaves the others out: two annotations compared where both
	// annotated.
	CoverBoth
)

// Unit is what intervals and comparisons resample.
type Unit int8

const (
	Docs      Unit = iota // documents, the default
	Sentences             // sentences ([corpus.Sentences]), each scored on its own
)

// String returns the unit's noun: "document" or "sentence".
func (u Unit) String() string {
	if u == Sentences {
		return "sentence"
	}
	return "document"
}

// Setup says how to score. The zero Setup scores every document the gold
// has a mention of, as is, under every scheme, and keeps no interval.
type Setup struct {
	// Score configures the matching of each document.
	Score Options
	// Map renames labels as mentions are read, on the side MapTo says,
	// before they are checked: a system may speak another label set
	// than the gold's. A label mapped to "-" drops its mentions.
	Map   *corpus.LabelMap
	MapTo Side
	// Labels, when not nil, scores only these labels (after Map), on both
	// sides; the covered documents are still those of every label.
	Labels []corpus.Label
	// Scope, when not nil, is the part of the corpus the gold covers:
	// its documents are the ones scored, and mentions outside it are not
	// scored but counted apart.
	Scope *Scope
	Cover Cover
	// Bag adds the document-level [Bag] scheme, which needs no offsets,
	// to every report, interval and comparison.
	Bag bool
	// Ignore lists gold labels, as the gold has them before Map, whose
	// mentions are "don't care" (MUC's optional mentions, such as
	// CoNLL's MISC): such a gold mention is never missed, and a
	// prediction that overlaps one and no other gold mention is not
	// scored, but counted (SystemTally.DontCare).
	Ignore []string
	// SkipUncovered drops the predictions for documents the gold does not
	// cover, and counts them, instead of failing.
	SkipUncovered bool
	// MaxProblems, when not 0, keeps only that many problems with the
	// inputs, the first in file order, and counts the rest, so that
	// inputs with very many cost little memory (see
	// [corpus.ProblemSet]).
	MaxProblems int
	// Only, when not nil, scores only the documents it accepts: pos is a
	// document's position in the corpus, from 0. Scoring a corpus in
	// parts this way and merging the results ([Result.Merge]) gives the
	// result of scoring it whole.
	Only func(pos int, id string) bool

	// Unit is what Intervals and [Result.Compare] resample.
	Unit Unit
	// KeepDocs keeps each document's counts in the result, which
	// intervals, comparisons and merging need; Intervals keeps them.
	KeepDocs bool
	// Intervals, when not nil, adds bootstrap intervals to the result.
	Intervals *BootstrapOptions

	// Each, when not nil, is called with each scored document's result
	// for each system (sys indexes Input.Systems), in corpus order: for
	// reports of every document and every mistake, which need not be
	// held. r holds the mistakes unless Score.NoMistakes.
	Each func(c *Case, sys int, r *DocResult) error
}

// maps reports whether the map applies to the gold (gold) or to the
// predictions.
func (s *Setup) maps(gold bool) bool {
	if s.Map == nil {
		return false
	}
	if gold {
		return s.MapTo != MapPred
	}
	return s.MapTo != MapGold
}

// Apply maps the labels of ms (on the gold's side when gold is set, else
// on the predictions'), dropping mentions whose label maps to "-", and
// keeps those of Labels, as [Score] does, in ms's memory. For cases
// built by hand for [ScoreCases].
func (s *Setup) Apply(ms []corpus.Mention, gold bool) []corpus.Mention {
	if s.maps(gold) {
		ms = s.Map.Apply(ms)
	}
	return s.restrict(ms)
}

// restrict keeps the mentions of Labels, in new memory.
func (s *Setup) restrict(ms []corpus.Mention) []corpus.Mention {
	if s.Labels == nil {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		if slices.Contains(s.Labels, m.Label) {
			out = append(out, m)
		}
	}
	return out
}

// Schemes returns the schemes the setup reports: [Schemes], and [Bag]
// with Setup.Bag.
func (s *Setup) Schemes() []Scheme {
	if s.Bag {
		return append(slices.Clip(Schemes), Bag)
	}
	return Schemes
}

// SplitIgnored returns the gold mentions of ms that are not don't care
// and those that are (Setup.Ignore), for cases built by hand for
// [ScoreCases]: split the gold before [Setup.Apply], and put the second
// into Case.DontCare.
func (s *Setup) SplitIgnored(ms []corpus.Mention) (kept, dontCare []corpus.Mention) {
	if len(s.Ignore) == 0 {
		return ms, nil
	}
	for _, m := range ms {
		if slices.Contains(s.Ignore, string(m.Label)) {
			dontCare = append(dontCare, m)
		} else {
			kept = append(kept, m)
		}
	}
	return kept, dontCare
}

// dropDontCare returns the predictions of pred that overlap a mention of
// dontCare and none of gold, which are not scored, and the others.
func dropDontCare(pred, gold, dontCare []corpus.Mention) (kept, dropped []corpus.Mention) {
	if len(dontCare) == 0 {
		return pred, nil
	}
	overlaps := func(ms []corpus.Mention, sp corpus.Span) bool {
		return slices.ContainsFunc(ms, func(m corpus.Mention) bool { return m.Span.Overlaps(sp) })
	}
	kept = pred[:0:0]
	for _, p := range pred {
		if overlaps(dontCare, p.Span) && !overlaps(gold, p.Span) {
			dropped = append(dropped, p)
		} else {
			kept = append(kept, p)
		}
	}
	return kept, dropped
}

// keepsDocs reports whether each document's counts are kept.
func (s *Setup) keepsDocs() bool { return s.KeepDocs || s.Intervals != nil && s.Unit == Docs }

// Check reports a setting out of its range: a value tolerance that is not
// from 0 up to 1 (NaN among them), intervals whose options are out of
// theirs.
func (s *Setup) Check() error {
	if !(s.Score.ValueTol >= 0 && s.Score.ValueTol < 1) {
		return fmt.Errorf("eval: value tolerance %v: want a number from 0 up to 1", s.Score.ValueTol)
	}
	for _, l := range s.Ignore {
		if l == "" || strings.HasPrefix(l, dontCarePrefix) {
			return fmt.Errorf("eval: ignore %q: want a label", l)
		}
	}
	if s.Intervals != nil {
		return s.Intervals.Check()
	}
	return nil
}
