package eval

import (
	"cmp"
	"math"
	"slices"
	"strings"

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

func (pref preference) class(g, p *corpus.Mention, tol float64) int8 {
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
		same = sameNumber(g, p, tol)
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
// (see sameValue), modifier and unit.
func sameNumber(g, p *corpus.Mention, tol float64) bool {
	return sameValue(g, p, tol) && g.Modifier == p.Modifier && g.Unit == p.Unit
}

// sameValue reports whether two mentions name the same magnitude: both
// none, or numbers that differ by at most tol times the larger of the
// two (0: equal as numbers, so 270,000 equals 270000). When both are
// ranges, whose value is the low end, their high ends must agree too:
// the last number written in each text ("20 to 30", "20-30"), when both
// texts have one in digits.
func sameValue(g, p *corpus.Mention, tol float64) bool {
	if !nearValue(g.Value, p.Value, tol) {
		return false
	}
	if g.Modifier == corpus.Range && p.Modifier == corpus.Range {
		gh, okG := rangeHigh(g.Text)
		ph, okP := rangeHigh(p.Text)
		if okG && okP && !nearValue(gh, ph, tol) {
			return false
		}
	}
	return true
}

func nearValue(a, b corpus.Value, tol float64) bool {
	x, okA := a.Float()
	y, okB := b.Float()
	if okA != okB {
		return false
	}
	if !okA || x == y {
		return true
	}
	return math.Abs(x-y) <= tol*max(math.Abs(x), math.Abs(y))
}

// rangeHigh returns the last number written in digits in text, with
// comma thousands separators and a decimal fraction allowed.
func rangeHigh(text string) (corpus.Value, bool) {
	end := strings.LastIndexFunc(text, isDigit)
	if end < 0 {
		return corpus.Value{}, false
	}
	start := end
	for start > 0 && (isDigit(rune(text[start-1])) || text[start-1] == ',' || text[start-1] == '.') {
		start--
	}
	num := strings.Trim(text[start:end+1], ",.")
	v, err := corpus.ParseValue(num)
	if err != nil {
		v, err = corpus.ParseValue(strings.ReplaceAll(num, ",", ""))
	}
	return v, err == nil
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// candidate is an overlapping gold and predicted mention.
type candidate struct {
	g, p    int32
	class   int8
	overlap int32
}

// matcher pairs mentions, reusing its buffers from one document to the next.
// It is not safe for concurrent use.
type matcher struct {
	tol        float64 // relative tolerance of values
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
				m.cands = append(m.cands, candidate{g: int32(gi), p: int32(pi), class: pref.class(g, p, m.tol), overlap: int32(ov)})
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
func outcome(s Scheme, g, p *corpus.Mention, tol float64) Outcome {
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
		ok = sameNumber(g, p, tol)
	}
	if ok {
		return COR
	}
	return INC
}
