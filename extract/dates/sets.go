package dates

import "github.com/exbench/exbench/corpus"

// set matches a recurring time, labelled by its unit: every week, every
// other day, every 5 minutes (TIME), every Monday, every morning (TIME),
// monthly, nightly (TIME), twice a day, three times a week, once every two
// weeks, twice daily; and a whole period: all month, all night long (TIME).
func (p *parser) set(i int) (int, corpus.Label, bool) {
	switch {
	case p.is(i, cSetDate|cSetTime):
		if p.t[i].capital && !p.sentenceStart(i) || p.adj(i+1) && p.t[i+1].kind != tPunct {
			return 0, "", false // the Daily Mail
		}
		if p.is(i, cSetTime) {
			return i + 1, corpus.TIME, true
		}
		return i + 1, corpus.DATE, true
	case p.id(i, wEvery):
		return p.every(i + 1)
	case p.id(i, wAll) && p.sp(i+1):
		return p.allOf(i + 1)
	}
	k := i
	if p.id(i, wOnce) {
		k++
	} else if e, c, ok := p.count(i); ok && c != cntA && p.sp(e) && p.id(e, wTimes) {
		k = e + 1
	} else {
		return 0, "", false
	}
	if !p.sp(k) {
		return 0, "", false
	}
	switch {
	case p.is(k, cSetDate|cSetTime) && !p.t[k].capital:
		return p.set(k) // twice daily
	case p.id(k, wEvery):
		return p.every(k + 1)
	case (p.is(k, cA) || p.id(k, wPer)) && p.sp(k+1):
		return p.setUnit(k + 1)
	}
	return 0, "", false
}

// every matches what follows every or each: a unit with or without a
// count (day, two weeks, few days, other week, second Tuesday), a weekday,
// a part of the day, a month, a season or a named day.
func (p *parser) every(k int) (int, corpus.Label, bool) {
	if !p.sp(k) {
		return 0, "", false
	}
	if (p.id(k, wOther) || p.id(k, wSingle) || p.id(k, wSecond)) && p.sp(k+1) {
		k++
	}
	if e, ok := p.holiday(k); ok {
		return e, corpus.DATE, true
	}
	switch {
	case p.is(k, cWeekday) || p.is(k, cMonth) && p.t[k].capital || p.is(k, cSeason):
		return k + 1, corpus.DATE, true
	case p.is(k, cPartOfDay):
		return k + 1, corpus.TIME, true
	}
	if e, c, ok := p.count(k); ok && c != cntA && p.sp(e) && p.is(e, cUnitDate|cUnitTime) && !(p.is(e, cUnitAbbr) && c != cntDigits) {
		return e + 1, p.unitLabel(e), true
	}
	return p.setUnit(k)
}

// setUnit matches the unit of a set: day, week, hour (TIME), night (TIME).
func (p *parser) setUnit(k int) (int, corpus.Label, bool) {
	switch {
	case p.is(k, cPartOfDay) && !p.is(k, cPlural):
		return k + 1, corpus.TIME, true
	case p.is(k, cUnitDate|cUnitTime) && !p.is(k, cUnitAbbr|cPlural) && !p.id(k, wSecond):
		return k + 1, p.unitLabel(k), true
	}
	return 0, "", false
}

// allOf matches a whole period after all: all day, all month, all summer,
// all night (TIME), all week long.
func (p *parser) allOf(k int) (int, corpus.Label, bool) {
	e, label, ok := p.setUnit(k)
	if !ok && p.is(k, cSeason) && !p.is(k, cSeasonAmbig) {
		e, label, ok = k+1, corpus.DATE, true
	}
	if !ok || p.id(k, wMinute) || p.id(k, wSecond) {
		return 0, "", false
	}
	if p.sp(e) && p.id(e, wLong) {
		e++
	}
	return e, label, true
}

// halfUnit matches half a unit: half an hour, a half day, half-day. A
// bare "half day" needs the article or the hyphen; the article stays out
// of a hyphenated word (a half-day strike, as a two-day visit).
func (p *parser) halfUnit(i int) (int, corpus.Label, bool) {
	j := i
	if p.is(i, cA) && p.sp(i+1) {
		j++
	}
	if !p.id(j, wHalf) {
		return 0, "", false
	}
	u := j + 1
	switch {
	case j == i && p.sp(u) && p.is(u, cA) && p.sp(u+1):
		u++ // half an hour
	case p.adj(u) && p.dash(u) && p.adj(u+1):
		if j > i {
			return 0, "", false // a hyphenated half-day is an adjective, as in a two-day visit
		}
		u++
	case j == i || !p.sp(u):
		return 0, "", false
	}
	if !p.is(u, cUnitDate|cUnitTime) || p.is(u, cUnitAbbr|cPlural) {
		return 0, "", false
	}
	return u + 1, p.unitLabel(u), true
}

// gluedUnit matches a count with a unit glued to it: 5h, 14D, 48hrs,
// 2min, 3wks. A d after 2, 3 or 4 names dimensions (3D), so d needs 5 or
// more.
func (p *parser) gluedUnit(i int) (int, corpus.Label, bool) {
	if !p.num(i) || p.adj(i) && i > 0 && p.t[i-1].kind != tPunct {
		return 0, "", false
	}
	u, digits, ok := p.numeral(i)
	if !ok || !digits || !p.adj(u) || p.adj(u+1) && p.t[u+1].kind != tPunct {
		return 0, "", false
	}
	switch {
	case p.id(u, wH):
		return u + 1, corpus.TIME, true
	case p.id(u, wD):
		if u != i+1 || p.t[i].v < 5 {
			return 0, "", false
		}
		return u + 1, corpus.DATE, true
	case p.is(u, cUnitDate|cUnitTime) && !p.id(u, wSecond):
		return u + 1, p.unitLabel(u), true
	}
	return 0, "", false
}

// holiday matches a named day and a year after it: Christmas, New Year's
// Eve, Labor Day, St. Patrick's Day, Cyber Monday 2012, Yom Kippur, Eid
// al-Fitr, Labor Day weekend. A capitalised word after it that is no date
// word makes it part of a name: Easter Island, Thanksgiving Day Parade.
func (p *parser) holiday(i int) (int, bool) {
	j := i
	if p.id(j, wSt) && p.t[j].capital {
		j++
		if p.adj(j) && p.punct(j, '.') {
			j++
		}
		if !p.sp(j) {
			return 0, false
		}
	}
	e, ok := p.holidayName(j)
	if !ok || j > i && e == j+1 {
		return 0, false // St. alone is a saint or a street
	}
	if p.sp(e) && p.t[e].kind == tWord && p.t[e].capital && p.t[e].lx.c&(cWeekday|cMonth|cPartOfDay|cUnitDate) == 0 {
		return 0, false
	}
	if p.sp(e) && p.id(e, wWeekend) {
		e++
	}
	return p.yearAfter(e), true
}

// holidayName matches the name of a named day; see holiday.
func (p *parser) holidayName(j int) (int, bool) {
	cap := func(k int) bool { return k < len(p.t) && p.t[k].kind == tWord && p.t[k].capital }
	if p.id(j, wLunar) && cap(j) && p.sp(j+1) && p.id(j+1, wNew) {
		j++ // Chinese New Year
	}
	switch {
	case p.id(j, wNew) && cap(j) && p.sp(j+1) && p.id(j+1, wYear) && cap(j+1):
		e := p.possessive(j + 2)
		if p.sp(e) && (p.id(e, wDay) || p.id(e, wEve)) && cap(e) {
			e++
		}
		return e, true
	case p.id(j, wYom) && cap(j) && p.sp(j+1) && p.is(j+1, cHoliday) && cap(j+1):
		return j + 2, true
	case p.is(j, cHolHead|cHolWkHead) && cap(j):
		k := p.possessive(j + 1)
		if p.sp(k) && cap(k) && (p.is(j, cHolHead) && (p.id(k, wDay) || p.id(k, wEve)) || p.is(j, cHolWkHead) && p.is(k, cWeekday) && !p.is(k, cWeekAbbr|cPlural)) {
			return k + 1, true
		}
	}
	if !p.is(j, cHoliday) {
		return 0, false
	}
	if p.id(j, wEid) && p.sp(j+1) && p.id(j+1, wAl) {
		switch {
		case p.adj(j+2) && p.dash(j+2) && cap(j+3):
			return j + 4, true // Eid al-Fitr
		case p.sp(j+2) && cap(j+2):
			return j + 3, true
		}
	}
	return j + 1, true
}

// possessive skips ’s, 's or a bare apostrophe glued before k.
func (p *parser) possessive(k int) int {
	if p.adj(k) && (p.punct(k, '\'') || p.punct(k, '’')) {
		k++
		if p.adj(k) && p.id(k, wS) {
			k++
		}
	}
	return k
}

// spelledYear matches a year in words. Written as a year (nineteen
// ninety-eight, twenty twenty-one, nineteen oh five) it is a date
// anywhere; as a count (two thousand and nine) only in a date context
// (ctx: after in, since, the year, a month), and not before a noun.
func (p *parser) spelledYear(i int, ctx bool) (int, bool) {
	if !p.is(i, cNumWord) {
		return 0, false
	}
	e := 0
	switch v := p.t[i].lx.val; {
	case v >= 17 && v <= 20 && p.sp(i+1):
		if p.id(i+1, wOh) && p.sp(i+2) && p.is(i+2, cOnes) {
			e = i + 3
		} else if ctx && p.id(i+1, wHundred) {
			e = i + 2 // in nineteen hundred
		} else if ne, n, ok := p.wordNum(i + 1); ok && n >= 10 {
			e = ne
		}
	case v == 2 && ctx && p.sp(i+1) && p.id(i+1, wThousand):
		e = i + 2
		k := e
		if p.sp(k) && p.id(k, wAnd) {
			k++
		}
		if p.sp(k) {
			if ne, _, ok := p.wordNum(k); ok {
				e = ne
			}
		}
		if e == i+2 && p.sp(e) && p.lowerUnknown(e) {
			return 0, false // in two thousand cases
		}
	}
	if e == 0 || p.adj(e) && (p.t[e].kind != tPunct || p.dash(e)) {
		return 0, false
	}
	return e, true
}
