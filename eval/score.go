package eval

import (
	"cmp"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// All is the label of the counts over all labels together, the micro
// counts; every other label's counts score that label's mentions alone.
const All corpus.Label = ""

// LabelCounts holds the counts of one label, or of [All], under every
// scheme. Value counts exist only for the numeric labels and for All,
// where they count the numeric mentions.
type LabelCounts struct {
	Label  corpus.Label
	Scheme [len(schemeNames)]Counts
}

// Mistake is one outcome that is not correct, with what a person needs to
// see it: both mentions and the text around them.
type Mistake struct {
	Scheme  Scheme
	Outcome Outcome
	DocID   string
	Gold    *corpus.Mention // nil for a spurious prediction
	Pred    *corpus.Mention // nil for a missed gold mention
	Context string          // the text around both, the span in [brackets], line breaks as spaces
}

// Missed and Spurious are the rows and columns of the confusion matrix
// that count unpaired mentions.
const (
	Missed   corpus.Label = "MISSED"
	Spurious corpus.Label = "SPURIOUS"
)

// Confusion counts pairs of a gold and a predicted label.
type Confusion struct {
	Gold, Pred corpus.Label // Gold is Spurious for a spurious prediction; Pred is Missed for a missed gold mention
	N          int
}

// DocResult is the scoring of one document.
type DocResult struct {
	DocID string
	// Pos is the document's position in its corpus, from 0, when it was
	// scored as part of one ([ScoreCases] sets it).
	Pos int
	// Counts per label, All first, then labels in [LabelOrder], each label
	// present in the document's gold or predictions.
	Counts []LabelCounts
	// Mistakes lists every outcome that is not correct under each scheme,
	// over all labels together, by scheme and then position.
	Mistakes []Mistake
	// Confusion counts gold × predicted labels over the pairs of the
	// Strict pairing, with Missed and Spurious for unpaired mentions.
	Confusion []Confusion
	// Numbers follows the gold numbers through reading: [All] (every
	// numeric label) first, then each numeric label of the gold.
	Numbers []NumberChain
	// Outcomes, with Options.Outcomes, gives every mention's outcome
	// under each scheme of the pairing over all labels (numeric mentions
	// only under Value), a gold mention's and its paired prediction's
	// alike.
	Outcomes []MentionOutcome
}

// MentionOutcome is what became of one gold or predicted mention under a
// scheme.
type MentionOutcome struct {
	Scheme  Scheme
	Outcome Outcome
	Gold    bool // a gold mention, else a prediction
	Mention corpus.Mention
}

// NumberChain follows gold numbers through an extractor's reading of
// them, over the pairs of the Value pairing: how many were found (a
// numeric prediction overlaps them), and of those, how many have the
// right value, then also the right modifier, then also the right unit.
// Each step counts a subset of the one before.
type NumberChain struct {
	Label                                 corpus.Label
	Gold, Detected, Value, Modifier, Unit int
}

// Plus returns the sum of two chains' counts, with c's label.
func (c NumberChain) Plus(d NumberChain) NumberChain {
	c.Gold += d.Gold
	c.Detected += d.Detected
	c.Value += d.Value
	c.Modifier += d.Modifier
	c.Unit += d.Unit
	return c
}

// chain counts the chain of gold numbers over a Value pairing.
func (s *Scorer) chain(l corpus.Label, gold, pred []corpus.Mention, gp []int32) NumberChain {
	c := NumberChain{Label: l, Gold: len(gold)}
	for gi, pi := range gp {
		if pi < 0 {
			continue
		}
		g, p := &gold[gi], &pred[pi]
		c.Detected++
		if !sameValue(g, p, s.m.tol) {
			continue
		}
		c.Value++
		if g.Modifier != p.Modifier {
			continue
		}
		c.Modifier++
		if g.Unit == p.Unit {
			c.Unit++
		}
	}
	return c
}

// Micro returns the counts over all labels under s.
func (r *DocResult) Micro(s Scheme) Counts { return r.Counts[0].Scheme[s] }

// Options configures a [Scorer]. The zero Options is the default.
type Options struct {
	// Context is how many characters of text either side of a mention an
	// Mistake shows; 0 means 40, a negative value none.
	Context int
	// NoMistakes leaves DocResult.Mistakes empty, which saves the work of
	// making them when only the counts are wanted.
	NoMistakes bool
	// ValueTol is the relative tolerance within which two values are the
	// same number (0.01: within 1% of the larger); 0 asks for equal
	// numbers.
	ValueTol float64
	// Bag counts the [Bag] scheme too ([Score] sets it from Setup.Bag).
	Bag bool
	// Outcomes fills DocResult.Outcomes, which slices are made from
	// ([Slicer]).
	Outcomes bool
}

// Scorer scores documents. It reuses buffers between documents, so it is
// not safe for concurrent use: use one per goroutine.
type Scorer struct {
	opts         Options
	m            matcher
	gold, pred   []corpus.Mention
	fgold, fpred []corpus.Mention  // one label's, or the numeric, mentions
	bagLeft      map[string]int    // the bag scheme's unmatched gold keys
	outcomes     *[]MentionOutcome // where the pairings over all labels record each mention's outcome, or nil
}

// NewScorer returns a Scorer with the given options.
func NewScorer(opts Options) *Scorer {
	if opts.Context == 0 {
		opts.Context = 40
	}
	return &Scorer{opts: opts, m: matcher{tol: opts.ValueTol}}
}

// Score matches the gold and predicted mentions of doc under every scheme
// and counts the outcomes. The mentions must belong to doc and have spans
// within its text (the gold package checks this). Neither slice is
// modified, and their order does not matter.
//
// How mentions are paired: see the package documentation.
func (s *Scorer) Score(doc corpus.Doc, gold, pred []corpus.Mention) DocResult {
	s.gold = append(s.gold[:0], gold...)
	s.pred = append(s.pred[:0], pred...)
	var x *corpus.Index
	for i := range s.gold {
		if len(s.gold[i].Alts) > 0 {
			if x == nil {
				x = corpus.NewIndex(doc.Text)
			}
			chooseAlt(&s.gold[i], s.pred, x)
		}
	}
	orderMentions(s.gold)
	orderMentions(s.pred)
	r := DocResult{DocID: doc.ID}

	labels := presentLabels(s.gold, s.pred)
	r.Counts = make([]LabelCounts, 1, 1+len(labels))
	all := &r.Counts[0]
	context := func(g, p *corpus.Mention) string {
		if s.opts.Context < 0 {
			return ""
		}
		if x == nil {
			x = corpus.NewIndex(doc.Text)
		}
		return contextOf(x, g, p, s.opts.Context)
	}
	addMistake := func(sc Scheme, o Outcome, g, p *corpus.Mention) {
		r.Mistakes = append(r.Mistakes, Mistake{Scheme: sc, Outcome: o, DocID: doc.ID, Gold: clone(g), Pred: clone(p), Context: context(g, p)})
	}
	if s.opts.NoMistakes {
		addMistake = nil
	}
	if s.opts.Outcomes {
		s.outcomes = &r.Outcomes
	} else {
		s.outcomes = nil
	}

	// All labels together: Strict, Exact and Partial share one pairing.
	gp, pp := s.m.pair(boundaryFirst, s.gold, s.pred)
	confusion := map[[2]corpus.Label]int{}
	for _, sc := range []Scheme{Strict, Exact, Partial} {
		s.tally(&all.Scheme[sc], sc, s.gold, s.pred, gp, pp, addMistake)
		s.record(sc, s.gold, s.pred, gp, pp)
	}
	for gi, pi := range gp {
		if pi >= 0 {
			confusion[[2]corpus.Label{s.gold[gi].Label, s.pred[pi].Label}]++
		} else {
			confusion[[2]corpus.Label{s.gold[gi].Label, Missed}]++
		}
	}
	for pi, gi := range pp {
		if gi < 0 {
			confusion[[2]corpus.Label{Spurious, s.pred[pi].Label}]++
		}
	}
	gp, pp = s.m.pair(labelFirst, s.gold, s.pred)
	s.tally(&all.Scheme[Type], Type, s.gold, s.pred, gp, pp, addMistake)
	s.record(Type, s.gold, s.pred, gp, pp)
	s.fgold = filter(s.fgold[:0], s.gold, func(l corpus.Label) bool { return l.Numeric() })
	s.fpred = filter(s.fpred[:0], s.pred, func(l corpus.Label) bool { return l.Numeric() })
	gp, pp = s.m.pair(valueFirst, s.fgold, s.fpred)
	s.tally(&all.Scheme[Value], Value, s.fgold, s.fpred, gp, pp, addMistake)
	s.record(Value, s.fgold, s.fpred, gp, pp)
	if len(s.fgold) > 0 {
		r.Numbers = append(r.Numbers, s.chain(All, s.fgold, s.fpred, gp))
	}

	// Each label alone. Within one label the boundary-first and
	// label-first pairings are the same.
	for _, l := range labels {
		lc := LabelCounts{Label: l}
		s.fgold = filter(s.fgold[:0], s.gold, func(m corpus.Label) bool { return m == l })
		s.fpred = filter(s.fpred[:0], s.pred, func(m corpus.Label) bool { return m == l })
		gp, pp := s.m.pair(boundaryFirst, s.fgold, s.fpred)
		for _, sc := range []Scheme{Strict, Exact, Partial, Type} {
			s.tally(&lc.Scheme[sc], sc, s.fgold, s.fpred, gp, pp, nil)
		}
		if l.Numeric() {
			gp, pp = s.m.pair(valueFirst, s.fgold, s.fpred)
			s.tally(&lc.Scheme[Value], Value, s.fgold, s.fpred, gp, pp, nil)
			if len(s.fgold) > 0 {
				r.Numbers = append(r.Numbers, s.chain(l, s.fgold, s.fpred, gp))
			}
		}
		if s.opts.Bag {
			lc.Scheme[Bag] = s.bag(s.fgold, s.fpred)
			all.Scheme[Bag] = all.Scheme[Bag].Plus(lc.Scheme[Bag])
		}
		r.Counts = append(r.Counts, lc)
	}

	slices.SortStableFunc(r.Mistakes, func(a, b Mistake) int {
		return cmp.Or(cmp.Compare(a.Scheme, b.Scheme), compareMistakes(a, b))
	})
	r.Confusion = make([]Confusion, 0, len(confusion))
	for k, n := range confusion {
		r.Confusion = append(r.Confusion, Confusion{Gold: k[0], Pred: k[1], N: n})
	}
	slices.SortFunc(r.Confusion, func(a, b Confusion) int {
		return cmp.Or(CompareLabels(a.Gold, b.Gold), CompareLabels(a.Pred, b.Pred))
	})
	return r
}

// bag counts one label's mentions of a document under the [Bag] scheme:
// matched by text, or by value for a number that has one.
func (s *Scorer) bag(gold, pred []corpus.Mention) Counts {
	key := func(m *corpus.Mention) string {
		if v := m.Value; m.Label.Numeric() && !v.IsZero() {
			return "v" + v.String()
		}
		return "t" + corpus.NormalText(m.Text)
	}
	if s.bagLeft == nil {
		s.bagLeft = map[string]int{}
	}
	left := s.bagLeft
	clear(left)
	for i := range gold {
		left[key(&gold[i])]++
	}
	var c Counts
	for i := range pred {
		k := key(&pred[i])
		if left[k] > 0 {
			left[k]--
			c.Correct++
		} else {
			c.Spurious++
		}
	}
	c.Missed = len(gold) - c.Correct
	return c
}

// chooseAlt gives a gold mention with alternative spans the span, its own
// or an alternative, that best fits a prediction: the same span with the
// same label, then the same span, then an overlap with the same label,
// then any overlap, the larger overlap first, its own span on a tie. The
// pairing then goes on as for any mention.
func chooseAlt(g *corpus.Mention, pred []corpus.Mention, x *corpus.Index) {
	type fit struct{ class, overlap int }
	fitOf := func(sp corpus.Span) fit {
		best := fit{class: 4}
		for i := range pred {
			p := &pred[i]
			ov := sp.Overlap(p.Span)
			if ov == 0 {
				continue
			}
			f := fit{class: 3, overlap: ov}
			switch {
			case p.Span == sp && p.Label == g.Label:
				f.class = 0
			case p.Span == sp:
				f.class = 1
			case p.Label == g.Label:
				f.class = 2
			}
			if f.class < best.class || f.class == best.class && f.overlap > best.overlap {
				best = f
			}
		}
		return best
	}
	span, best := g.Span, fitOf(g.Span)
	for _, a := range g.Alts {
		if f := fitOf(a); f.class < best.class || f.class == best.class && f.overlap > best.overlap {
			span, best = a, f
		}
	}
	if span != g.Span {
		g.Span = span
		g.Text, _ = x.Slice(span)
	}
}

// tally counts the outcomes of a pairing under sc, and reports the ones
// that are not correct to addMistake when it is not nil.
func (s *Scorer) tally(c *Counts, sc Scheme, gold, pred []corpus.Mention, gp, pp []int32, addMistake func(Scheme, Outcome, *corpus.Mention, *corpus.Mention)) {
	for gi, pi := range gp {
		o := MIS
		var p *corpus.Mention
		if pi >= 0 {
			p = &pred[pi]
			o = outcome(sc, &gold[gi], p, s.m.tol)
		}
		c.Add(o)
		if o != COR && addMistake != nil {
			addMistake(sc, o, &gold[gi], p)
		}
	}
	for pi, gi := range pp {
		if gi < 0 {
			c.Add(SPU)
			if addMistake != nil {
				addMistake(sc, SPU, nil, &pred[pi])
			}
		}
	}
}

// record notes, when outcomes are asked for, the outcome of every
// mention of a pairing under sc.
func (s *Scorer) record(sc Scheme, gold, pred []corpus.Mention, gp, pp []int32) {
	if s.outcomes == nil {
		return
	}
	for gi, pi := range gp {
		o := MIS
		if pi >= 0 {
			o = outcome(sc, &gold[gi], &pred[pi], s.m.tol)
		}
		*s.outcomes = append(*s.outcomes, MentionOutcome{Scheme: sc, Outcome: o, Gold: true, Mention: gold[gi]})
	}
	for pi, gi := range pp {
		o := SPU
		if gi >= 0 {
			o = outcome(sc, &gold[gi], &pred[pi], s.m.tol)
		}
		*s.outcomes = append(*s.outcomes, MentionOutcome{Scheme: sc, Outcome: o, Mention: pred[pi]})
	}
}

func filter(dst, ms []corpus.Mention, keep func(corpus.Label) bool) []corpus.Mention {
	for _, m := range ms {
		if keep(m.Label) {
			dst = append(dst, m)
		}
	}
	return dst
}

func clone(m *corpus.Mention) *corpus.Mention {
	if m == nil {
		return nil
	}
	c := *m
	return &c
}

// presentLabels returns the labels of gold and pred in LabelOrder.
func presentLabels(gold, pred []corpus.Mention) []corpus.Label {
	var ls []corpus.Label
	for _, ms := range [][]corpus.Mention{gold, pred} {
		for _, m := range ms {
			if !slices.Contains(ls, m.Label) {
				ls = append(ls, m.Label)
			}
		}
	}
	slices.SortFunc(ls, CompareLabels)
	return ls
}

// CompareLabels orders labels for reports: [All] first, then the
// OntoNotes labels in the order of [corpus.Labels], then any other label
// (a CoNLL file's PER, LOC, ...) in byte order, then [Spurious] and
// [Missed].
func CompareLabels(a, b corpus.Label) int {
	return cmp.Or(cmp.Compare(labelRank(a), labelRank(b)), cmp.Compare(a, b))
}

func labelRank(l corpus.Label) int {
	switch l {
	case All:
		return -1
	case Spurious:
		return 1000
	case Missed:
		return 1001
	}
	if i := slices.Index(corpus.Labels, l); i >= 0 {
		return i
	}
	return len(corpus.Labels)
}

// compareMistakes orders mistakes by the position of their gold mention, or
// prediction when there is none.
func compareMistakes(a, b Mistake) int {
	ma, mb := a.Gold, b.Gold
	if ma == nil {
		ma = a.Pred
	}
	if mb == nil {
		mb = b.Pred
	}
	return cmp.Or(compareMentions(*ma, *mb), cmp.Compare(a.Outcome, b.Outcome), comparePred(a.Pred, b.Pred))
}

func comparePred(a, b *corpus.Mention) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return compareMentions(*a, *b)
}

// contextOf returns the text around the union of g's and p's spans, n
// characters either side, with the union in brackets and line breaks and
// tabs as spaces.
func contextOf(x *corpus.Index, g, p *corpus.Mention, n int) string {
	if p != nil && !p.Span.Placed() { // spurious, given by a text not in the document
		return "(not found in the text: " + oneLine.Replace(p.Text) + ")"
	}
	var span corpus.Span
	switch {
	case g == nil:
		span = p.Span
	case p == nil:
		span = g.Span
	default:
		span = corpus.Span{Start: min(g.Span.Start, p.Span.Start), End: max(g.Span.End, p.Span.End)}
	}
	left, _ := x.Slice(corpus.Span{Start: max(0, span.Start-n), End: span.Start})
	mid, _ := x.Slice(span)
	right, _ := x.Slice(corpus.Span{Start: span.End, End: min(x.Len(), span.End+n)})
	return oneLine.Replace(left + "[" + mid + "]" + right)
}

var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")
