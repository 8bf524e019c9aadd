package eval

import (
	"cmp"
	"slices"

	"github.com/exbench/exbench/corpus"
)

// preference orders the candidate pairs of a pairing: each pairing ranks
// a pair by a class (lower first) before its overlap.
type preference int8

const (
	// boundaryFirst, for Strict, Exact and Partial: same span and label,
	// then same span, then overlap with the same label, then overlap.
	boundaryFirst preference = iota
	// labelFirst, for Type: same label and span, then same label, then
	// same span, then overlap.
	labelFirst
	// valueFirst, for Value: same number and span, then same number, then
	// same span, then overlap.
	valueFirst
)

func (pref preference) class(g, p *corpus.Mention) int8 {
	sameSpan := g.Span == p.Span
	var same bool
	switch pref {
	case boundaryFirst:
		if sameSpan && g.Label == p.Label {
			return 0
		}
		if sameSpan {
			return 1
		}
		if g.Label == p.Label {
			return 2
		}
		return 3
	case labelFirst:
		same = g.Label == p.Label
	case valueFirst:
		same = sameNumber(g, p)
	}
	switch {
	case same && sameSpan:
		return 0
	case same:
		return 1
	case sameSpan:
		return 2
	}
	return 3
}

// sameNumber reports whether two mentions name the same number: value
// (compared as numbers), modifier and unit.
func sameNumber(g, p *corpus.Mention) bool {
	return g.Value.Equal(p.Value) && g.Modifier == p.Modifier && g.Unit == p.Unit
}

// candidate is an overlapping gold and predicted mention.
type candidate struct {
	g, p    int32
	class   int8
	overlap int32
}

// matcher pairs mentions, reusing its buffers from one document to the next.
// It is not safe for concurrent use.
type matcher struct {
	cands      []candidate
	goldPair   []int32 // goldPair[i]: the prediction paired with gold i, or -1
	predPair   []int32
	maxPredLen int
}

// pair pairs gold and pred one to one, both sorted by [orderMentions].
// Among all overlapping pairs it takes the most preferred first: lowest
// class, then largest overlap, then earliest gold, then earliest
// prediction, and skips a pair when either side is already taken. As the
// inputs are in a canonical order, the result does not depend on the order
// the mentions were given in. It returns, for each gold mention, the index
// of its prediction or -1, and for each prediction its gold or -1; the
// slices are reused by the next call.
func (m *matcher) pair(pref preference, gold, pred []corpus.Mention) (goldPair, predPair []int32) {
	m.goldPair = fill(m.goldPair, len(gold))
	m.predPair = fill(m.predPair, len(pred))
	m.cands = m.cands[:0]
	maxLen := 0
	for i := range pred {
		maxLen = max(maxLen, pred[i].Span.Len())
	}
	for gi := range gold {
		g := &gold[gi]
		// Predictions overlapping g start before g ends, and no earlier
		// than g.Start - maxLen.
		hi, _ := slices.BinarySearchFunc(pred, g.Span.End, func(p corpus.Mention, end int) int { return cmp.Compare(p.Span.Start, end) })
		for pi := hi - 1; pi >= 0 && pred[pi].Span.Start+maxLen > g.Span.Start; pi-- {
			p := &pred[pi]
			if ov := g.Span.Overlap(p.Span); ov > 0 {
				m.cands = append(m.cands, candidate{g: int32(gi), p: int32(pi), class: pref.class(g, p), overlap: int32(ov)})
			}
		}
	}
	slices.SortFunc(m.cands, func(a, b candidate) int {
		return cmp.Or(
			cmp.Compare(a.class, b.class),
			cmp.Compare(b.overlap, a.overlap),
			cmp.Compare(a.g, b.g),
			cmp.Compare(a.p, b.p),
		)
	})
	for _, c := range m.cands {
		if m.goldPair[c.g] < 0 && m.predPair[c.p] < 0 {
			m.goldPair[c.g] = c.p
			m.predPair[c.p] = c.g
		}
	}
	return m.goldPair, m.predPair
}

func fill(s []int32, n int) []int32 {
	s = slices.Grow(s[:0], n)[:n]
	for i := range s {
		s[i] = -1
	}
	return s
}

// orderMentions sorts mentions into the canonical order pairing relies
// on: start, end, label, then the number and text, so that only mentions
// equal in every field can swap places.
func orderMentions(ms []corpus.Mention) {
	slices.SortFunc(ms, compareMentions)
}

func compareMentions(a, b corpus.Mention) int {
	return cmp.Or(
		cmp.Compare(a.Span.Start, b.Span.Start),
		cmp.Compare(a.Span.End, b.Span.End),
		cmp.Compare(a.Label, b.Label),
		compareValues(a.Value, b.Value),
		cmp.Compare(a.Modifier, b.Modifier),
		cmp.Compare(a.Unit, b.Unit),
		cmp.Compare(a.Text, b.Text),
		cmp.Compare(a.DocID, b.DocID),
	)
}

func compareValues(a, b corpus.Value) int {
	x, okA := a.Float()
	y, okB := b.Float()
	switch {
	case okA != okB:
		if okA {
			return 1
		}
		return -1
	case !okA:
		return 0
	}
	return cmp.Compare(x, y)
}

// outcome is the outcome of a paired gold and prediction under s.
func outcome(s Scheme, g, p *corpus.Mention) Outcome {
	ok := false
	switch s {
	case Strict:
		ok = g.Span == p.Span && g.Label == p.Label
	case Exact:
		ok = g.Span == p.Span
	case Partial:
		if g.Span != p.Span {
			return PAR
		}
		ok = true
	case Type:
		ok = g.Label == p.Label
	case Value:
		ok = sameNumber(g, p)
	}
	if ok {
		return COR
	}
	return INC
}
