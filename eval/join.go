package eval

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// Case is one document to score: its text, its position in the corpus,
// its gold mentions and each system's predictions, by Input.Systems.
type Case struct {
	Doc  corpus.Doc
	Pos  int
	Gold []corpus.Mention
	Pred [][]corpus.Mention
	// DontCare holds the gold mentions of Setup.Ignore's labels: never
	// missed, and a prediction that overlaps one and no mention of Gold
	// is not scored.
	DontCare []corpus.Mention
	// Sentences, when not nil, are the document's sentences as its input
	// marks them (a CoNLL file's blank lines), which resampling sentences
	// ([Sentences]) then uses instead of finding them in the text
	// ([corpus.Sentences]).
	Sentences []corpus.Span
}

// dontCarePrefix marks, in the store, the label of a gold mention that
// is don't care, which is kept as the gold has it and not checked.
const dontCarePrefix = "\x00"

// Tally counts what the scoring left out, as [Input.Cases] goes. It is
// complete when the sequence ends.
type Tally struct {
	Docs           int // documents of the corpus read (those Setup.Only accepts)
	Cases          int // documents scored
	GoldOutOfScope int // gold mentions outside the scope
	GoldDontCare   int // gold mentions of Setup.Ignore's labels
	Systems        []SystemTally
	// Warnings are the problems in the inputs that do not stop the
	// scoring: gold rows out of order; with Setup.MaxProblems, the first
	// ones, and MoreWarnings counts the rest.
	Warnings     corpus.Problems
	MoreWarnings int
}

// SystemTally counts one system's predictions that were not scored.
type SystemTally struct {
	// OutOfScope counts the predictions outside the scope, by label; nil
	// without a scope.
	OutOfScope map[corpus.Label]int
	// Uncovered lists the documents the gold does not cover that the
	// system predicts for, in corpus order, when Setup.SkipUncovered;
	// Skipped counts its predictions there.
	Uncovered []string
	Skipped   int
	// DontCare counts the predictions not scored because they overlap a
	// don't-care gold mention (Setup.Ignore), by label; nil without
	// Setup.Ignore.
	DontCare map[corpus.Label]int
	// Unplaced counts the predictions given without offsets, which
	// [corpus.Align] placed by their text; NotFound counts those whose
	// text it did not find, which are scored as spurious, and NotFoundSome
	// shows the first few ("doc: text (LABEL)").
	Unplaced, NotFound int
	NotFoundSome       []string
}

// Merge adds to t the tally of other documents of the same corpus with
// the same systems and setup, as [Result.Merge] does. The warnings are
// t's: they are about the files, which every part reads whole.
func (t *Tally) Merge(o *Tally) {
	t.Docs += o.Docs
	t.Cases += o.Cases
	t.GoldOutOfScope += o.GoldOutOfScope
	t.GoldDontCare += o.GoldDontCare
	for i := range t.Systems {
		t.Systems[i].merge(&o.Systems[i])
	}
}

// merge adds o's counts to t's.
func (t *SystemTally) merge(o *SystemTally) {
	if o.OutOfScope != nil && t.OutOfScope == nil {
		t.OutOfScope = map[corpus.Label]int{}
	}
	for l, n := range o.OutOfScope {
		t.OutOfScope[l] += n
	}
	if o.DontCare != nil && t.DontCare == nil {
		t.DontCare = map[corpus.Label]int{}
	}
	for l, n := range o.DontCare {
		t.DontCare[l] += n
	}
	t.Uncovered = append(t.Uncovered, o.Uncovered...)
	t.Skipped += o.Skipped
	t.Unplaced += o.Unplaced
	t.NotFound += o.NotFound
	for _, x := range o.NotFoundSome {
		if len(t.NotFoundSome) < maxShownNotFound {
			t.NotFoundSome = append(t.NotFoundSome, x)
		}
	}
}

// maxShownNotFound is how many predictions not found SystemTally shows.
const maxShownNotFound = 5

// UncoveredError says that a system predicts for documents the gold does
// not cover (see [CoverGold]).
type UncoveredError struct {
	System      string
	Predictions int
	Docs        []string // in corpus order
}

func (e *UncoveredError) Error() string {
	return fmt.Sprintf("system %s has %s for %s the gold does not cover (%s)", e.System, plural(e.Predictions, "prediction"), plural(len(e.Docs), "document"), ListIDs(e.Docs))
}

// ListIDs lists document IDs for a message: sorted, the first five, and
// how many more.
func ListIDs(ids []string) string {
	ids = slices.Sorted(slices.Values(ids))
	list := strings.Join(ids[:min(len(ids), 5)], ", ")
	if len(ids) > 5 {
		list += fmt.Sprintf(" and %d more", len(ids)-5)
	}
	return list
}

// ErrNoCases is returned when the gold covers no document of the corpus.
var ErrNoCases = errors.New("it covers no document: nothing to score")

// Cases reads the inputs and returns the documents to score, one at a
// time in corpus order, and the tally of what is left out.
//
// It reads the gold and each system's mentions first, whole, in any
// order, into a compact store grouped by document (about 40 bytes a
// mention), checking each mention on its own ([corpus.CheckFields])
// after mapping its label; then it reads the corpus one document at a
// time, checks the document's mentions against its text
// ([corpus.CheckText]) and the gold's for flat spans
// ([corpus.CheckFlat]), and applies the scope, the coverage rule and
// the label subset.
//
// Every problem is listed as it is met and reading goes on; once there
// is one, no more cases come, and the sequence ends with all of them,
// in file order, as [corpus.Problems] (or, past Setup.MaxProblems, as a
// [*corpus.Truncated]): the result would be wrong. A
// problem with the corpus ends it with the corpus's problems instead.
// Mentions of documents that are not in the corpus are problems too.
// A prediction for a document the gold does not cover ends it with an
// [*UncoveredError], unless Setup.SkipUncovered.
func (in Input) Cases(ctx context.Context, s Setup) (iter.Seq2[Case, error], *Tally) {
	t := &Tally{Systems: make([]SystemTally, len(in.Systems))}
	return func(yield func(Case, error) bool) {
		if err := s.Check(); err != nil {
			yield(Case{}, err)
			return
		}
		j := &joiner{in: in, s: &s, t: t, docs: newDocTable(), problems: corpus.ProblemSet{Max: s.MaxProblems}}
		if err := j.read(); err != nil {
			yield(Case{}, err)
			return
		}
		if err := j.walk(ctx, yield); err != nil {
			yield(Case{}, err)
		}
	}, t
}

// Covered returns the documents of the corpus that setup scores, in
// order, as [Input.Cases] gives them, and its tally: the documents to
// run an extractor on. The input's systems are not read.
func (in Input) Covered(ctx context.Context, s Setup) ([]corpus.Doc, *Tally, error) {
	in.Systems = nil
	cases, tally := in.Cases(ctx, s)
	var docs []corpus.Doc
	for c, err := range cases {
		if err != nil {
			return nil, tally, err
		}
		docs = append(docs, c.Doc)
	}
	return docs, tally, nil
}

// Check reads the inputs and checks every mention as [Input.Cases]
// does, without scoring anything: each input on its own, against the
// corpus, the gold's (and flat systems') spans flat and in order. The
// setup's label map, subset and scope apply as in Cases; nothing else of
// it does. It returns the tally, whose Warnings hold the problems that
// are only warnings, or every problem as [corpus.Problems], or the
// corpus's problems.
func (in Input) Check(ctx context.Context, s Setup) (*Tally, error) {
	t := &Tally{Systems: make([]SystemTally, len(in.Systems))}
	j := &joiner{in: in, s: &s, t: t, docs: newDocTable(), problems: corpus.ProblemSet{Max: s.MaxProblems}, checkOnly: true}
	if err := j.read(); err != nil {
		return nil, err
	}
	if err := j.walk(ctx, func(Case, error) bool { return true }); err != nil {
		return nil, err
	}
	return t, nil
}

// joiner is the state of one Cases.
type joiner struct {
	checkOnly bool // Check: no coverage, no cases
	in        Input
	s         *Setup
	t         *Tally
	docs      *docTable
	gold      *store
	preds     []*store
	problems  corpus.ProblemSet
	corpus    []error // problems with the corpus
	uncov     []int   // by system: uncovered predictions, when not skipped
}

// read reads every input into its store.
func (j *joiner) read() error {
	j.gold = newStore(j.docs)
	if err := j.readInput(j.in.Gold, j.gold, true, true); err != nil {
		return err
	}
	for _, sys := range j.in.Systems {
		st := newStore(j.docs)
		j.preds = append(j.preds, st)
		if err := j.readInput(sys.Mentions, st, false, sys.Flat); err != nil {
			return err
		}
	}
	return nil
}

// readInput reads one input into st: each mention mapped, checked on its
// own, and, for flat inputs, checked to come in order.
func (j *joiner) readInput(seq iter.Seq2[corpus.Mention, error], st *store, gold, flat bool) error {
	if seq == nil {
		return nil
	}
	var order corpus.Order
	for m, err := range seq {
		if err != nil {
			if !j.problems.Add(err) {
				if j.problems.Failed() {
					return j.problems.Err() // the problems found so far say more than a file not found after them
				}
				return err
			}
			continue
		}
		if (gold || flat) && !m.Span.Placed() { // gold, or checked as gold
			j.problems.Add(m.Source.Problem(corpus.FieldStart, corpus.Problemf(corpus.ErrOffset, "empty: a gold mention needs its offsets (only predictions may be given by their text)")))
			continue
		}
		if gold && slices.Contains(j.s.Ignore, string(m.Label)) {
			m.Label = dontCarePrefix + m.Label // apart from the map and the label checks
			if flat {
				if p := order.Check(&m); p != nil {
					j.problems.Add(p)
				}
			}
			st.add(&m)
			continue
		}
		if j.s.maps(gold) {
			l, keep := j.s.Map.Map(string(m.Label))
			if !keep {
				continue
			}
			m.Label = corpus.Label(l)
		}
		if ps := corpus.CheckFields(&m); ps != nil {
			j.problems.Add(ps)
			continue
		}
		if flat {
			if p := order.Check(&m); p != nil {
				j.problems.Add(p)
			}
		}
		st.add(&m)
	}
	return nil
}

// walk reads the corpus and yields the cases.
func (j *joiner) walk(ctx context.Context, yield func(Case, error) bool) error {
	s := j.s
	j.uncov = make([]int, len(j.preds))
	seen := map[string]bool{} // scope documents met
	pos := 0
	for d, err := range j.in.Docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err != nil {
			j.corpus = append(j.corpus, err)
			continue
		}
		p := pos
		pos++
		c := Case{Doc: d, Pos: p, Gold: j.gold.take(d.ID), Pred: make([][]corpus.Mention, len(j.preds))}
		for i, st := range j.preds {
			c.Pred[i] = st.take(d.ID)
		}
		if s.Scope != nil && s.Scope.Covers(d.ID) {
			seen[d.ID] = true
		}
		if s.Only != nil && !s.Only(p, d.ID) {
			continue
		}
		j.t.Docs++
		for i := range c.Pred {
			j.place(d, c.Pred[i], &j.t.Systems[i])
		}
		j.check(&c)
		if !j.checkOnly && j.cover(&c) && !j.problems.Failed() && len(j.corpus) == 0 {
			j.t.Cases++
			if !yield(c, nil) {
				return nil
			}
		}
	}
	if len(j.corpus) > 0 {
		return corpus.Join(j.corpus...)
	}
	j.unknown()
	if s.Scope != nil {
		for _, r := range s.Scope.list {
			if !seen[r.DocID] {
				j.problems.Add(r.Source.Problem(corpus.FieldDocID, corpus.Problemf(corpus.ErrDocID, "unknown document %s (not in corpus %s)", corpus.Quote(r.DocID), j.in.Corpus)))
				seen[r.DocID] = true // once a document
			}
		}
	}
	if j.problems.Failed() {
		return j.problems.Err()
	}
	j.t.Warnings = j.problems.Problems()
	_, warnings := j.problems.Counts()
	j.t.MoreWarnings = warnings - len(j.t.Warnings)
	if j.checkOnly {
		return nil
	}
	if j.t.Cases == 0 && s.Only == nil {
		return fmt.Errorf("gold %s has no mentions of corpus %s, so %w", j.in.GoldName, j.in.Corpus, ErrNoCases)
	}
	for i, n := range j.uncov {
		if n > 0 {
			return &UncoveredError{System: j.in.Systems[i].Name, Predictions: n, Docs: j.t.Systems[i].Uncovered}
		}
	}
	return nil
}

// place places in d's text the predictions ms given without offsets
// ([corpus.Align]), and counts them in t.
func (j *joiner) place(d corpus.Doc, ms []corpus.Mention, t *SystemTally) {
	unplaced := 0
	for i := range ms {
		if !ms[i].Span.Placed() {
			unplaced++
		}
	}
	if unplaced == 0 {
		return
	}
	t.Unplaced += unplaced
	t.NotFound += corpus.Align(d.Text, ms)
	for _, m := range ms {
		if !m.Span.Placed() && len(t.NotFoundSome) < maxShownNotFound {
			t.NotFoundSome = append(t.NotFoundSome, fmt.Sprintf("%s: %s (%s)", d.ID, corpus.Quote(m.Text), m.Label))
		}
	}
}

// check checks the mentions of a case against its text, the gold's (and
// flat systems') for flat spans, and the scope's regions of it.
func (j *joiner) check(c *Case) {
	j.problems.Add(corpus.CheckText(c.Doc, c.Gold))
	j.problems.Add(corpus.CheckFlat(c.Gold))
	for i, ms := range c.Pred {
		j.problems.Add(corpus.CheckText(c.Doc, ms))
		if j.in.Systems[i].Flat {
			j.problems.Add(corpus.CheckFlat(ms))
		} else {
			j.problems.Add(corpus.CheckDuplicates(ms))
		}
	}
	if j.s.Scope == nil {
		return
	}
	n := -1
	for _, r := range j.s.Scope.list {
		if r.DocID != c.Doc.ID || r.Whole() {
			continue
		}
		if n < 0 {
			n = corpus.NewIndex(c.Doc.Text).Len()
		}
		if r.Span.End > n {
			j.problems.Add(r.Source.Problem(corpus.FieldEnd, corpus.Problemf(corpus.ErrOffset, "%d is past the end of document %s (length %d)", r.Span.End, corpus.Quote(c.Doc.ID), n)))
		}
	}
}

// cover applies the scope and the coverage rule to a case, and reports
// whether it is scored; its mentions are then those of the label subset.
func (j *joiner) cover(c *Case) bool {
	s := j.s
	if len(s.Ignore) > 0 {
		kept := c.Gold[:0:0]
		for _, m := range c.Gold {
			if l, ok := strings.CutPrefix(string(m.Label), dontCarePrefix); ok {
				m.Label = corpus.Label(l)
				c.DontCare = append(c.DontCare, m)
			} else {
				kept = append(kept, m)
			}
		}
		c.Gold = kept
	}
	if s.Scope != nil {
		var out []corpus.Mention
		c.Gold, out = s.Scope.Split(c.Gold)
		c.DontCare, _ = s.Scope.Split(c.DontCare)
		j.t.GoldOutOfScope += len(out)
		for i := range c.Pred {
			c.Pred[i], out = s.Scope.Split(c.Pred[i])
			if len(out) > 0 && j.t.Systems[i].OutOfScope == nil {
				j.t.Systems[i].OutOfScope = map[corpus.Label]int{}
			}
			for _, m := range out {
				j.t.Systems[i].OutOfScope[m.Label]++
			}
		}
	}
	var in bool
	switch {
	case s.Scope != nil:
		in = s.Scope.Covers(c.Doc.ID)
	case s.Cover == CoverBoth: // both annotate some label scored
		in = len(s.restrict(c.Gold)) > 0 && len(c.Pred) > 0 && len(s.restrict(c.Pred[0])) > 0
	default:
		in = len(c.Gold)+len(c.DontCare) > 0
	}
	if !in {
		if s.Cover == CoverGold {
			for i, ms := range c.Pred {
				if len(ms) == 0 {
					continue
				}
				t := &j.t.Systems[i]
				t.Uncovered = append(t.Uncovered, c.Doc.ID)
				if s.SkipUncovered {
					t.Skipped += len(ms)
				} else {
					j.uncov[i] += len(ms)
				}
			}
		}
		return false
	}
	c.Gold = s.restrict(c.Gold)
	for i := range c.Pred {
		c.Pred[i] = s.restrict(c.Pred[i])
	}
	return true
}

// unknown reports the mentions of documents the corpus does not have.
func (j *joiner) unknown() {
	report := func(id string, ms []corpus.Mention) {
		for _, m := range ms {
			j.problems.Add(m.Source.Problem(corpus.FieldDocID, corpus.Problemf(corpus.ErrDocID, "unknown document %s (not in corpus %s)", corpus.Quote(id), j.in.Corpus)))
		}
	}
	j.gold.rest(report)
	for _, st := range j.preds {
		st.rest(report)
	}
}
