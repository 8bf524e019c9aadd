package dates

import "github.com/exbench/exbench/corpus"

// named matches the dates and times that are neither a calendar date nor
// a clock time: edges of periods (end of the week, EOM), quarters and
// halves (Q2, second quarter, 2021 H1), a day as an ordinal (on the 19th)
// and a part of the day alone (in the afternoon).
func (p *parser) named(i int) (int, corpus.Label, bool) {
	end, label := 0, corpus.Label("")
	try := func(e int, l corpus.Label, ok bool) {
		if ok && e > end {
			end, label = e, l
		}
	}
	try(p.edge(i))
	try(p.ordUnit(i))
	try(p.quarter(i))
	try(p.theOrdinal(i))
	try(p.dayPartAlone(i))
	try(p.earlyHours(i))
	try(p.shortDecade(i))
	return end, label, end > i
}

// earlyHours matches the first hours of a day: the early hours of Monday,
// in the small hours, the wee hours.
func (p *parser) earlyHours(i int) (int, corpus.Label, bool) {
	if !(p.id(i, wEarly) || p.id(i, wSmall)) || !p.sp(i+1) || !p.id(i+1, wHours) {
		return 0, "", false
	}
	if oe, l, ok := p.ofDate(i + 2); ok && l == corpus.DATE {
		return oe, corpus.TIME, true
	}
	return i + 2, corpus.TIME, p.prepBefore(i)
}

// shortDecade matches a decade written with an apostrophe: '90s, ’80s.
// The apostrophe must not close a word (rock ’n’ roll, the 90s' music).
func (p *parser) shortDecade(i int) (int, corpus.Label, bool) {
	if !(p.punct(i, '\'') || p.punct(i, '’')) || p.adj(i) && i > 0 && p.t[i-1].kind != tPunct ||
		!p.adj(i+1) || !p.num(i+1) || p.t[i+1].nd != 2 || p.t[i+1].v%10 != 0 ||
		!p.adj(i+2) || !p.id(i+2, wS) || p.adj(i+3) && p.t[i+3].kind != tPunct {
		return 0, "", false
	}
	return i + 3, corpus.DATE, true
}

// dateAfter matches a date that may follow "of", "commencing" and the
// like, where a bare year needs no other context: March, 2019, this year,
// next week, the 1990s.
func (p *parser) dateAfter(k int) (int, corpus.Label, bool) {
	if p.id(k, wThe) && p.sp(k+1) {
		k++
	}
	if e, l, _, ok := p.pointDate(k); ok {
		return e, l, true
	}
	if e, ok := p.year(k, true); ok {
		return e, corpus.DATE, true
	}
	return 0, "", false
}

// ofDate matches "of" and a period after an edge or a unit: of the week,
// of day, of the night (TIME), of March, of 2019, of next year.
func (p *parser) ofDate(e int) (int, corpus.Label, bool) {
	if !p.sp(e) || !p.id(e, wOf) || !p.sp(e+1) {
		return 0, "", false
	}
	k := e + 1
	u := k
	if p.id(k, wThe) && p.sp(k+1) {
		u = k + 1
	}
	switch {
	case p.is(u, cUnitDate) && !p.is(u, cPlural|cUnitAbbr):
		return u + 1, corpus.DATE, true
	case p.is(u, cPartOfDay) && !p.is(u, cPlural):
		return u + 1, corpus.TIME, true
	case u > k && (p.id(u, wQuarter) || p.id(u, wHalf)):
		return u + 1, corpus.DATE, true // end of the quarter
	}
	return p.dateAfter(k)
}

// edge matches the edge of a period: end of the week, rest of the month,
// beginning of 2019, the middle of the night (TIME), the week commencing
// March 9, the week of March 9, EOM, EOD (TIME).
func (p *parser) edge(i int) (int, corpus.Label, bool) {
	switch {
	case p.is(i, cEndDate|cEndTime) && !(p.adj(i+1) && p.t[i+1].kind != tPunct):
		switch {
		case p.id(i, wCob) && !p.t[i].upper:
			return 0, "", false // a corn cob; COB is close of business
		case p.is(i, cEndTime):
			return i + 1, corpus.TIME, true
		}
		return i + 1, corpus.DATE, true
	case p.is(i, cEdge):
		return p.ofDate(i + 1)
	case p.id(i, wWeek) || p.id(i, wWeekend):
		if p.sp(i+1) && (p.is(i+1, cWeekOf) || p.id(i+1, wOf)) && p.sp(i+2) {
			if e, _, ok := p.dateAfter(i + 2); ok {
				return e, corpus.DATE, true
			}
		}
	}
	return 0, "", false
}

// ordUnit matches an ordinal unit of a period: the first week of April,
// the last day of 2019, the second half of the year. Without the period
// the ordinal is an ORDINAL (the first week).
func (p *parser) ordUnit(i int) (int, corpus.Label, bool) {
	k, ok := p.ordinal(i)
	if !ok || !p.sp(k) || !(p.is(k, cUnitDate) && !p.is(k, cPlural|cUnitAbbr) || p.id(k, wHalf)) {
		return 0, "", false
	}
	return p.ofDate(k + 1)
}

// ordinal matches an ordinal before a unit: first, 2nd, last, final.
func (p *parser) ordinal(i int) (int, bool) {
	switch {
	case p.is(i, cOrdWord) || p.id(i, wLast) || p.id(i, wFinal):
		return i + 1, true
	case p.num(i) && p.t[i].nd <= 2 && p.adj(i+1) && p.is(i+1, cOrdSuffix) && !p.inNumber(i):
		return i + 2, true
	}
	return 0, false
}

// quarter matches a quarter or a half of a year: Q2, Q2 2021, Q3 FY22,
// 2020-Q4, 2021 H1, H1 2021, FY2021, fiscal 2021, second quarter,
// third-quarter, last quarter, the fourth quarter of 2020, first half of
// 2021. A half alone (H1, first half) is a date only with a year.
func (p *parser) quarter(i int) (int, corpus.Label, bool) {
	if e, half, ok := p.qForm(i); ok {
		if ye, ok := p.fiscalAfter(e); ok {
			return ye, corpus.DATE, true
		}
		return e, corpus.DATE, !half
	}
	if e, ok := p.fiscal(i); ok {
		return e, corpus.DATE, true
	}
	if p.yearNum(i) && p.t[i].v >= 1900 && p.t[i].v <= 2099 && !(p.adj(i) && i > 0) {
		k := i + 1
		switch {
		case p.adj(k) && p.dash(k) && p.adj(k+1):
			k++
		case !p.sp(k):
			return 0, "", false
		}
		if e, _, ok := p.qForm(k); ok {
			return e, corpus.DATE, true
		}
		return 0, "", false
	}
	k, ok := p.quarterOrd(i)
	if !ok {
		return 0, "", false
	}
	switch {
	case p.adj(k) && p.dash(k) && p.adj(k+1) && p.id(k+1, wQuarter) && !(p.adj(k+2) && p.t[k+2].kind != tPunct):
		return k + 2, corpus.DATE, true // third-quarter profits
	case !p.sp(k):
		return 0, "", false
	case p.id(k, wQuarter):
		return p.periodYear(k+1, true)
	case p.id(k, wHalf) && p.is(i, cOrdWord) && p.t[i].lx.val <= 2:
		return p.periodYear(k+1, false)
	}
	return 0, "", false
}

// quarterOrd matches what may come before quarter: first to fourth, 1st
// to 4th, final, this, last, next, past, previous, coming.
func (p *parser) quarterOrd(i int) (int, bool) {
	switch {
	case p.is(i, cOrdWord) && p.t[i].lx.val <= 4:
		return i + 1, true
	case p.is(i, cRelMod) && !p.id(i, wRecent) || p.id(i, wFinal):
		return i + 1, true
	case p.num(i) && p.t[i].nd == 1 && p.t[i].v >= 1 && p.t[i].v <= 4 && p.adj(i+1) && p.is(i+1, cOrdSuffix) && !p.inNumber(i):
		return i + 2, true
	}
	return 0, false
}

// periodYear extends a quarter or a half ending at e with its year: 2020,
// of 2020, of the year, of next year. alone reports whether it is a date
// without one.
func (p *parser) periodYear(e int, alone bool) (int, corpus.Label, bool) {
	if ye, ok := p.fiscalAfter(e); ok {
		return ye, corpus.DATE, true
	}
	if oe, l, ok := p.ofDate(e); ok && l == corpus.DATE {
		return oe, corpus.DATE, true
	}
	if p.sp(e) && p.id(e, wOf) {
		return 0, "", false // the second quarter of the pie
	}
	return e, corpus.DATE, alone
}

// qForm matches Q1 to Q4 and H1, H2 (then half is true), glued to
// nothing after: not Q&A, H1B.
func (p *parser) qForm(i int) (int, bool, bool) {
	half := p.id(i, wH)
	if !(p.id(i, wQ) || half && p.t[i].capital) || !p.adj(i+1) || !p.num(i+1) || p.t[i+1].nd != 1 ||
		p.t[i+1].v < 1 || p.t[i+1].v > 4 || half && p.t[i+1].v > 2 {
		return 0, false, false
	}
	if p.adj(i+2) && (p.t[i+2].kind != tPunct || p.punct(i+2, '&') || p.punct(i+2, '.') && p.num(i+3)) {
		return 0, false, false
	}
	if i == 0 && p.adj(i+2) && p.punct(i+2, ':') {
		return 0, false, false // Q1: a numbered question
	}
	return i + 2, half, true
}

// fiscalAfter extends a quarter ending at e with a year after a space:
// 2021, FY22, '21.
func (p *parser) fiscalAfter(e int) (int, bool) {
	if p.sp(e) && p.yearNum(e) {
		return e + 1, true
	}
	if p.sp(e) {
		if fe, ok := p.fiscal(e); ok {
			return fe, true
		}
	}
	return p.shortYear(e)
}

// fiscal matches a fiscal year: FY2021, FY21, FY 2021, fiscal 2021,
// fiscal year 2021.
func (p *parser) fiscal(i int) (int, bool) {
	switch {
	case p.id(i, wFY) && p.t[i].upper:
		k := i + 1
		if p.adj(k) && p.num(k) && (p.t[k].nd == 2 || p.yearNum(k)) || p.sp(k) && p.yearNum(k) {
			if !(p.adj(k+1) && p.t[k+1].kind != tPunct) {
				return k + 1, true
			}
		}
	case p.id(i, wFiscal) && p.sp(i+1):
		k := i + 1
		if p.id(k, wYear) && p.sp(k+1) {
			k++
		}
		if p.yearNum(k) {
			return k + 1, true
		}
	}
	return 0, false
}

// theOrdinal matches a day written as an ordinal after "the" and a date
// word: on the 19th, by the 3rd. Before a noun it is an ordinal (on the
// 19th floor), so only a word that may follow a date can come after it.
func (p *parser) theOrdinal(i int) (int, corpus.Label, bool) {
	if !p.num(i) || !p.adj(i+1) || !p.is(i+1, cOrdSuffix) || !p.sp(i) || !p.id(i-1, wThe) || !p.sp(i-1) ||
		!(p.is(i-2, cSlashCtx|cRangeWord) || p.id(i-2, wAnd) || p.id(i-2, wOr)) {
		return 0, "", false
	}
	e, ok := p.day(i)
	if !ok || p.sp(e) && p.t[e].kind == tWord && !p.is(e, cOrdNext) {
		return 0, "", false
	}
	return e, corpus.DATE, true
}

// dayPartAlone matches a part of the day with nothing before it but a
// date word and a lowercase the: in the afternoon, at dawn, by morning,
// during the night; and one followed by its date: the morning of March 3.
// The weekend goes the same way, as a DATE: over the weekend.
// "Good morning" is a greeting and "a morning person" no time.
func (p *parser) dayPartAlone(i int) (int, corpus.Label, bool) {
	if p.id(i, wWeekend) && !p.t[i].capital && p.prepBefore(i) {
		return i + 1, corpus.DATE, true // over the weekend
	}
	if !p.is(i, cPartOfDay) || p.t[i].capital && !p.sentenceStart(i) {
		return 0, "", false
	}
	if oe, l, ok := p.ofDate(i + 1); ok && l == corpus.DATE {
		return oe, corpus.TIME, true
	}
	if !p.prepBefore(i) {
		return 0, "", false
	}
	return i + 1, corpus.TIME, true
}
