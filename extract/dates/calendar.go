package dates

import "github.com/exbench/exbench/corpus"

// pointDate matches a date that is not a duration, with an optional
// earlier, later, early, late or mid before it. anchor reports a day with
// nothing before it (a weekday, today, a named day, a calendar date),
// which a time of day may follow.
func (p *parser) pointDate(i int) (end int, label corpus.Label, anchor, ok bool) {
	j := i
	var pre wid
	switch {
	case (p.id(i, wEarlier) || p.id(i, wLater) || p.id(i, wEarly) || p.id(i, wLate)) && p.sp(i+1):
		pre, j = p.t[i].lx.id, i+1
	case (p.id(i, wMid) || p.id(i, wEarly) || p.id(i, wLate)) && p.adj(i+1) && p.dash(i+1) && p.adj(i+2) && p.num(i+2):
		pre, j = p.t[i].lx.id, i+2 // mid-2016, late-2021
	case p.id(i, wMid) && p.adj(i+1) && p.dash(i+1) && p.adj(i+2):
		pre, j = wMid, i+2
	}
	relWord := pre == wEarlier || pre == wLater
	dayTime := pre == wEarly || pre == wLate // late Monday is a time of day
	if e, named, ok := p.dayName(j, pre != wNone); ok {
		switch {
		case pre == wMid && !named:
			return 0, "", false, false
		case dayTime:
			return e, corpus.TIME, false, true
		}
		return e, corpus.DATE, pre == wNone, true
	}
	switch {
	case p.is(j, cRelMod):
		if e, l, anc, ok := p.relative(j); ok {
			return e, l, anc && pre == wNone, true
		}
	case p.is(j, cSeason):
		if relWord {
			return 0, "", false, false
		}
		if e, ok := p.season(j, pre != wNone); ok {
			return e, corpus.DATE, false, true
		}
	case p.is(j, cMonth) || p.num(j) || p.is(j, cOrdWord|cNumWord):
		ctx := pre != wNone || p.sp(i) && p.is(i-1, cMonthCtx)
		if e, ok := p.calendar(j, ctx); ok {
			return e, corpus.DATE, pre == wNone, true
		}
		if relWord {
			return 0, "", false, false
		}
		if e, ok := p.year(j, pre != wNone); ok {
			return e, corpus.DATE, false, true
		}
		yctx := pre != wNone || p.sp(i) && (p.is(i-1, cYearCtx) || p.id(i-1, wYear) ||
			(p.id(i-1, wAnd) || p.id(i-1, wOr) || p.is(i-1, cRangeWord)) && p.yearEnd == i-1)
		if e, ok := p.spelledYear(j, yctx); ok {
			return e, corpus.DATE, false, true
		}
	}
	return 0, "", false, false
}

// dayName matches a day by name: today, a weekday, a named day (Christmas,
// Labor Day). named reports a named day, which mid may come before
// (mid-Ramadan). ctx reports a word before it that makes a short weekday
// that is also a word (wed, sat) a weekday.
func (p *parser) dayName(j int, ctx bool) (end int, named, ok bool) {
	if e, ok := p.holiday(j); ok {
		return e, true, true
	}
	switch {
	case p.is(j, cDayWord):
		return j + 1, false, true
	case p.is(j, cWeekday):
		if p.is(j, cWeekAmbig) && !ctx && !p.weekdayCtx(j) {
			return 0, false, false
		}
		e, ok := p.weekday(j)
		return e, false, ok
	}
	return 0, false, false
}

// weekdayCtx reports whether a short weekday that is also a word (wed,
// sat, sun, mon) stands in a date context: after on, this, next, by,
// until, ..., or before a date, a clock time or a range of weekdays
// (Sat 5pm, wed Nov 3, Mon-Fri). "The Sun" and "they sat 3 exams" are
// not weekdays.
func (p *parser) weekdayCtx(j int) bool {
	if p.id(j-1, wThe) {
		return false
	}
	if p.sp(j) && p.is(j-1, cWeekCtx) {
		return true
	}
	k := j + 1
	if p.adj(k) && (p.punct(k, ',') || p.punct(k, '.')) {
		k++
	}
	if p.sp(k) && (p.num(k) || p.is(k, cMonth)) {
		if _, ok := p.calendar(k, false); ok {
			return true
		}
		if _, ok := p.timePoint(k); ok {
			return true
		}
		return p.num(k) && p.adj(k+1) && p.is(k+1, cOrdSuffix)
	}
	return (p.dash(k) || p.sp(k) && p.is(k, cRangeWord)) && p.is(k+1, cWeekday)
}

// relative matches a relative modifier and what it modifies: this week,
// last Monday, next April, this Feb, this Christmas, this past month, the
// past two days, last night (TIME), recent weeks.
func (p *parser) relative(j int) (int, corpus.Label, bool, bool) {
	if !p.sp(j + 1) {
		return 0, "", false, false
	}
	k := j + 1
	if p.id(j, wRecent) { // recent weeks; the recent attack is no date
		if p.is(k, cUnitDate|cUnitTime) && p.is(k, cPlural) && !p.is(k, cUnitAbbr) {
			return k + 1, p.unitLabel(k), false, true
		}
		return 0, "", false, false
	}
	if p.id(j, wThis) && p.id(k, wPast) && p.sp(k+1) {
		k++
	}
	if e, ok := p.holiday(k); ok {
		return e, corpus.DATE, false, true
	}
	switch {
	case p.is(k, cWeekday) && !p.is(k, cPlural):
		e, ok := p.weekday(k)
		return e, corpus.DATE, ok, ok
	case p.is(k, cMonth) && (p.t[k].capital || !p.is(k, cMonthAmbig)):
		_, e := p.monthName(k)
		return e, corpus.DATE, false, true
	case p.is(k, cSeason):
		return k + 1, corpus.DATE, false, true
	case p.is(k, cPartOfDay) && !p.is(k, cPlural):
		return k + 1, corpus.TIME, false, true
	case p.is(k, cUnitDate|cUnitTime):
		if p.is(k, cUnitAbbr) || p.id(k, wSecond) {
			return 0, "", false, false
		}
		return k + 1, p.unitLabel(k), false, true
	}
	e, c, ok := p.count(k)
	if !ok || c == cntA || !p.sp(e) || !p.is(e, cUnitDate|cUnitTime) || p.is(e, cUnitAbbr) && c != cntDigits {
		return 0, "", false, false
	}
	return e + 1, p.unitLabel(e), false, true
}

// weekday matches a weekday and a calendar date after it: Monday,
// Thursday 7 April 2016, Monday, April 7, Wed. Nov 3.
func (p *parser) weekday(j int) (int, bool) {
	if p.sp(j+1) && p.is(j+1, cPress) && p.t[j+1].capital {
		return 0, false // the Sunday Times
	}
	e := j + 1
	if p.is(j, cPlural) {
		return e, true
	}
	if p.is(j, cWeekAbbr) && p.adj(e) && p.punct(e, '.') {
		e++
	}
	k := e
	if p.adj(k) && p.punct(k, ',') {
		k++
	}
	if p.sp(k) && (p.num(k) || p.is(k, cMonth|cOrdWord)) {
		if ce, ok := p.calendar(k, false); ok {
			return ce, true
		}
	}
	if k == e {
		if de, ok := p.theDay(e); ok {
			return de, true // Sunday the 14th, Sun 14th
		}
	}
	return e, true
}

// theDay matches a day written as an ordinal after a weekday or a month,
// with or without the: the 14th, 14th, the third.
func (p *parser) theDay(e int) (int, bool) {
	if !p.sp(e) {
		return 0, false
	}
	k := e
	if p.id(k, wThe) && p.sp(k+1) {
		k++
	}
	if p.num(k) && p.adj(k+1) && p.is(k+1, cOrdSuffix) {
		return p.day(k)
	}
	if k > e {
		return p.ordDay(k)
	}
	return 0, false
}

// day matches a day of the month, 1 to 31 with at most two digits, with an
// ordinal suffix (7th) or a range (7-9).
func (p *parser) day(i int) (int, bool) {
	if !p.num(i) || p.t[i].nd > 2 || p.t[i].v < 1 || p.t[i].v > 31 || p.inNumber(i) {
		return 0, false
	}
	e := i + 1
	if p.adj(e) && p.is(e, cOrdSuffix) {
		e++
	} else if p.adj(e) && p.dash(e) && p.adj(e+1) && p.num(e+1) && p.t[e+1].nd <= 2 && p.t[e+1].v > p.t[i].v && p.t[e+1].v <= 31 {
		e += 2
	}
	if p.adj(e) && (p.t[e].kind != tPunct || p.t[e].r == ':' || p.t[e].r == '%') {
		return 0, false
	}
	return e, true
}

// ordDay matches a day written as an ordinal word: third, twentieth,
// twenty-first, thirty first.
func (p *parser) ordDay(i int) (int, bool) {
	if p.is(i, cOrdWord) {
		return i + 1, true
	}
	if !p.is(i, cTens) || p.t[i].lx.val > 30 {
		return 0, false
	}
	k := i + 1
	if p.adj(k) && p.dash(k) && p.adj(k+1) {
		k++
	} else if !p.sp(k) {
		return 0, false
	}
	if p.is(k, cOrdWord) && p.t[k].lx.val <= 9 && int(p.t[i].lx.val+p.t[k].lx.val) <= 31 {
		return k + 1, true
	}
	return 0, false
}

// yearNum reports whether token i is a year after a month or a day: four
// digits, 1000 to 2999, not part of a longer number.
func (p *parser) yearNum(i int) bool {
	return p.num(i) && p.t[i].nd == 4 && p.t[i].v >= 1000 && p.t[i].v <= 2999 && !p.inNumber(i) &&
		!(p.adj(i+1) && (p.t[i+1].kind != tPunct || p.t[i+1].r == '%'))
}

// monthName matches a month name and, after a short form, its period. It
// returns the end without and with the period.
func (p *parser) monthName(i int) (int, int) {
	if p.is(i, cMonthAbbr) && p.adj(i+1) && p.punct(i+1, '.') {
		return i + 1, i + 2
	}
	return i + 1, i + 1
}

// calendar matches a calendar date: April 7, 2016; April 7; April 2016;
// April; 7 April 2016; 08 April, 2016; 7th of April; third of june; july
// twenty one; Nov/5; 2016-04-07; 7/4/2016; 20170923. A month that is
// lowercase or short (jan, Nov) or also a verb (May, March) is a month
// alone only in a date context (ctx: after in, since, early, ...); a
// lowercase may or march never alone.
func (p *parser) calendar(i int, ctx bool) (int, bool) {
	if p.num(i) {
		if e, ok := p.numericDate(i); ok {
			return e, true
		}
		de, ok := p.day(i)
		if !ok {
			return 0, false
		}
		return p.monthAfterDay(de, p.is(de-1, cOrdSuffix))
	}
	if de, ok := p.ordDay(i); ok {
		return p.monthAfterDay(de, true)
	}
	if !p.is(i, cMonth) {
		return 0, false
	}
	bare, me := p.monthName(i)
	lowerAmbig := p.is(i, cMonthAmbig) && !p.t[i].capital
	if e, ok := p.dayAfterMonth(i, me); ok {
		return e, true
	}
	switch {
	case lowerAmbig:
		return 0, false
	case p.is(i, cMonthAmbig) && !ctx:
		return 0, false
	case (!p.t[i].capital || p.is(i, cMonthAbbr)) && (!ctx || p.sp(bare) && p.t[bare].kind == tWord && p.t[bare].capital):
		return 0, false // Jan Egeland, by Jan Smith
	}
	return me, true
}

// monthAfterDay matches the month after a day ending at de (7 April, 7th
// of April, third of June) and a year after it. An ordinal may take "of";
// an ordinal word must. A lowercase may or march after a day needs a year,
// punctuation or the end of the line after it: "5 may be" is no date.
func (p *parser) monthAfterDay(de int, ord bool) (int, bool) {
	k := de
	if ord && p.sp(k) && p.id(k, wOf) {
		k++
	} else if p.t[de-1].kind == tWord && !p.is(de-1, cOrdSuffix) {
		return 0, false
	}
	if !p.sp(k) || !p.is(k, cMonth) {
		return 0, false
	}
	_, me := p.monthName(k)
	if p.is(k, cMonthAmbig) && !p.t[k].capital && !(me >= len(p.t) || p.t[me].kind == tPunct || p.sp(me) && p.yearNum(me)) {
		return 0, false
	}
	return p.yearAfter(me), true
}

// dayAfterMonth matches what follows a month ending at me: a day (April 7,
// july twenty one, June third, Nov/5) or a year (April 2016, April, 2016,
// April of 2016, June nineteen ninety, Nov '21).
func (p *parser) dayAfterMonth(i, me int) (int, bool) {
	lowerAmbig := p.is(i, cMonthAmbig) && !p.t[i].capital
	switch {
	case p.sp(me):
		if ye, ok := p.spelledYear(me, true); ok {
			return ye, true
		}
		if de, ok := p.day(me); ok {
			if lowerAmbig && p.sp(de) && p.lowerUnknown(de) {
				return 0, false // they march 2 miles
			}
			return p.yearAfter(de), true
		}
		if de, ok := p.theDay(me); ok {
			return p.yearAfter(de), true // November the 5th
		}
		if de, ok := p.ordDay(me); ok {
			return p.yearAfter(de), true
		}
		if de, v, ok := p.wordNum(me); ok && !p.is(i, cMonthAmbig) && v >= 1 && v <= 31 && !(p.adj(de) && p.t[de].kind != tPunct) {
			return p.yearAfter(de), true
		}
		if p.yearNum(me) {
			return me + 1, true
		}
		if p.id(me, wOf) && p.sp(me+1) && p.yearNum(me+1) {
			return me + 2, true
		}
		if ye, ok := p.shortYear(me); ok {
			return ye, true
		}
	case p.adj(me) && p.punct(me, ',') && p.sp(me+1) && p.yearNum(me+1):
		return me + 2, true // April, 2016
	case p.adj(me) && p.punct(me, '/') && p.adj(me+1):
		if de, ok := p.day(me + 1); ok && !(p.adj(de) && p.t[de].kind != tPunct) {
			return de, true // Nov/5
		}
	}
	return 0, false
}

// lowerUnknown reports whether token i is a lowercase word the lexicon
// does not know: a noun or a verb, not a date word.
func (p *parser) lowerUnknown(i int) bool {
	return i < len(p.t) && p.t[i].kind == tWord && !p.t[i].capital && p.t[i].lx == (lex{})
}

// yearAfter extends a date ending at e with a year: ", 2016", " 2016",
// " '16" or a year in words.
func (p *parser) yearAfter(e int) int {
	k := e
	if p.adj(k) && p.punct(k, ',') {
		k++
	}
	if p.sp(k) && p.yearNum(k) {
		return k + 1
	}
	if k == e {
		if ye, ok := p.shortYear(e); ok {
			return ye
		}
		if p.sp(e) {
			if ye, ok := p.spelledYear(e, true); ok {
				return ye
			}
		}
	}
	return e
}

// shortYear matches a year with an apostrophe after a space: '21.
func (p *parser) shortYear(e int) (int, bool) {
	if p.sp(e) && (p.punct(e, '\'') || p.punct(e, '’')) && p.adj(e+1) && p.num(e+1) && p.t[e+1].nd == 2 &&
		!(p.adj(e+2) && p.t[e+2].kind != tPunct) {
		return e + 2, true
	}
	return 0, false
}

// numericDate matches dates in digits: 2016-04-07, 2018.7.21, 7/4/2016,
// 7/4/16, 03-09-2015, 2021-sep-3, 28-Feb-81, 17/09, 2013-11, 20170923.
func (p *parser) numericDate(i int) (int, bool) {
	if p.adj(i) && i > 0 && p.t[i-1].kind != tPunct || p.adj(i) && (p.punct(i-1, '/') || p.dash(i-1) || p.punct(i-1, '.') || p.punct(i-1, ':') || p.punct(i-1, ',')) {
		return 0, false
	}
	if e, ok := p.eightDigits(i); ok {
		return e, true
	}
	sepAt := func(k int) bool {
		return p.adj(k) && (p.punct(k, '/') || p.punct(k, '-') || p.punct(k, '.')) && p.adj(k+1) && (p.num(k+1) || p.is(k+1, cMonth))
	}
	if !sepAt(i + 1) {
		return 0, false
	}
	if sepAt(i+3) && p.t[i+1].r == p.t[i+3].r && p.num(i+4) {
		if e := i + 5; p.dateEnd(e) && p.threeParts(i) {
			return e, true
		}
		return 0, false
	}
	if e := i + 3; p.num(i+2) && p.dateEnd(e) && p.twoParts(i) {
		return e, true
	}
	return 0, false
}

// dateEnd reports whether a numeric date may end before token e: nothing
// glued after it but punctuation that does not continue a number.
func (p *parser) dateEnd(e int) bool {
	if !p.adj(e) {
		return true
	}
	t := p.t[e]
	return t.kind == tPunct && !p.punct(e, '/') && !p.dash(e) && !((t.r == ':' || t.r == '.' || t.r == ',') && p.adj(e+1) && p.num(e+1))
}

// threeParts checks the parts of a date a-b-c at i: year, month, day; day
// or month first with a year last (a 2-digit year only with slashes).
func (p *parser) threeParts(i int) bool {
	a, c := p.t[i], p.t[i+4]
	sep := p.t[i+1].r
	month := func(k int) bool {
		return p.is(k, cMonth) || p.num(k) && p.t[k].nd <= 2 && p.t[k].v >= 1 && p.t[k].v <= 12
	}
	dayOK := func(t tok) bool { return t.nd <= 2 && t.v >= 1 && t.v <= 31 }
	switch {
	case a.nd == 4 && a.v >= 1000 && a.v <= 2999:
		return month(i+2) && dayOK(c)
	case !dayOK(a):
		return false
	case p.is(i+2, cMonth):
		return c.nd == 2 || c.nd == 4 // 28-Feb-81
	}
	b := p.t[i+2]
	if !dayOK(b) || a.v > 12 && b.v > 12 {
		return false
	}
	return c.nd == 4 && c.v >= 1000 && c.v <= 2999 || sep == '/' && c.nd == 2
}

// twoParts checks a date of two numbers at i: a year and a month
// (2013-11), or a day and a month with a slash (17/09). N/M is a fraction
// when N < M, neither has a leading zero and no date word or weekday
// comes before it (3/8 of an inch; on 3/8 and Mon 9/12 are dates); 24/7
// is neither.
func (p *parser) twoParts(i int) bool {
	a, b := p.t[i], p.t[i+2]
	sep := p.t[i+1].r
	if a.nd == 4 {
		return (sep == '-' || sep == '/') && a.v >= 1900 && a.v <= 2099 && b.nd == 2 && b.v >= 1 && b.v <= 12
	}
	if sep != '/' || a.nd > 2 || b.nd > 2 || a.v < 1 || b.v < 1 || a.v > 31 || b.v > 31 || a.v > 12 && b.v > 12 {
		return false
	}
	if a.v == 24 && b.v == 7 {
		return false
	}
	leadingZero := a.nd == 2 && a.v < 10 || b.nd == 2 && b.v < 10
	return a.v >= b.v || leadingZero || p.sp(i) && p.is(i-1, cSlashCtx|cWeekday) || p.sp(i) && p.punct(i-1, '.') && p.is(i-2, cWeekday)
}

// eightDigits matches eight digits that are a date, year first, from 1900
// to 2099: 20170923. A number glued to anything else is an identifier.
func (p *parser) eightDigits(i int) (int, bool) {
	t := p.t[i]
	if t.nd != 8 || p.adj(i) && i > 0 || p.adj(i+1) && !(p.t[i+1].kind == tPunct && p.dateEnd(i+1)) {
		return 0, false
	}
	y, m, d := t.v/10000, t.v/100%100, t.v%100
	if y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	return i + 1, true
}

// season matches a season with a year (summer 2015, summer of 2015), or
// alone after early, late or mid (pre) or where it is no verb or noun
// (see seasonAlone).
func (p *parser) season(i int, pre bool) (int, bool) {
	if p.sp(i+1) && p.yearNum(i+1) {
		return i + 2, true
	}
	if p.sp(i+1) && p.id(i+1, wOf) && p.sp(i+2) && p.yearNum(i+2) {
		return i + 3, true
	}
	return i + 1, pre || p.seasonAlone(i)
}

// seasonAlone reports whether a season word alone is a date: summer,
// winter and autumn are, but spring and fall only after a date word (in
// the spring, by fall), and none before "of" (the fall of Rome), nor
// capitalised inside a name (Winter Olympics) or mid-sentence (Winter
// said) without a date word.
func (p *parser) seasonAlone(i int) bool {
	if p.sp(i+1) && p.id(i+1, wOf) {
		return false
	}
	ctx := p.prepBefore(i)
	if p.is(i, cSeasonAmbig) {
		return ctx
	}
	if p.t[i].capital && (p.sp(i+1) && p.t[i+1].kind == tWord && p.t[i+1].capital || !ctx && !p.sentenceStart(i)) {
		return false
	}
	return true
}

// prepBefore reports whether a date preposition comes before token i,
// directly or before a lowercase the: in the spring, by morning, at dawn.
func (p *parser) prepBefore(i int) bool {
	k := i - 1
	if p.sp(i) && p.id(k, wThe) && !p.t[k].capital {
		k--
	}
	return p.sp(k+1) && p.is(k, cPrepCtx)
}
