package dates

import "github.com/exbench/exbench/corpus"

// Links between two parts of one expression.
const (
	linkNone  = iota
	linkNext  // next week Friday, ten past six tomorrow evening
	linkRange // 9:00 to 10:30, Monday - Friday, 2015 through 2017
	linkAt    // tonight at 11pm
	linkOn    // 11pm on Monday
	linkPart  // Monday in the morning
)

// join extends a date or time point ending at end with the points that
// make one expression with it: a range (Monday to Friday, March 3, 2015 -
// 03/09/2015), a day and a time (tonight at 11pm), or two points side by
// side (next week Friday). A range takes TIME if either end is a time.
// Durations never join: "on Monday to 10 years" stays apart.
func (p *parser) join(end int, label corpus.Label) (int, corpus.Label) {
	for end < len(p.t) {
		p.markYear(end)
		k, link := p.link(end)
		if link == linkNone {
			break
		}
		if link == linkPart {
			end, label = k+1, corpus.TIME
			continue
		}
		e, l, point := p.longest(k)
		if e <= k || !point || link == linkAt && l != corpus.TIME || link == linkOn && (label != corpus.TIME || l != corpus.DATE) {
			break
		}
		end = e
		if l == corpus.TIME {
			label = corpus.TIME
		}
	}
	return end, label
}

// link finds what joins the expression ending at e to the next one and
// returns where the next one starts.
func (p *parser) link(e int) (int, int) {
	switch {
	case e+1 < len(p.t) && p.dash(e) && p.sp(e) == p.sp(e+1):
		return e + 1, linkRange
	case !p.sp(e) || p.t[e].kind == tPunct:
		return 0, linkNone
	case p.is(e, cRangeWord) || p.id(e, wAt) || p.id(e, wOn) || p.id(e, wIn):
		if !p.sp(e + 1) {
			return 0, linkNone
		}
		switch {
		case p.is(e, cRangeWord):
			return e + 1, linkRange
		case p.id(e, wAt):
			return e + 1, linkAt
		case p.id(e, wOn):
			return e + 1, linkOn
		case p.id(e+1, wThe) && p.sp(e+2) && p.is(e+2, cPartOfDay) && !p.is(e+2, cPlural):
			return e + 2, linkPart
		}
		return 0, linkNone
	}
	return e, linkNext
}
