package dates

import "github.com/exbench/exbench/corpus"

// parser matches date and time expressions in the tokens of one line.
// Every rule takes the index of the token where the expression would
// start and returns the index just after its last token.
type parser struct {
	t []tok
	// yearEnd is the token index just after the last year found on the
	// line, so that "2011 and 2016" makes the second a year too.
	yearEnd int
}

// bspan is a found expression in byte offsets.
type bspan struct {
	start, end int
	label      corpus.Label
}

// run appends the expressions of the current line to out, left to right,
// taking at each token the longest expression that starts there.
func (p *parser) run(out []bspan) []bspan {
	p.yearEnd = -1
	t := p.t
	for i := 0; i < len(t); {
		if t[i].kind == tPunct || t[i].kind == tWord && t[i].lx == (lex{}) {
			i++
			continue
		}
		end, label := p.longest(i)
		if end <= i {
			i++
			continue
		}
		out = append(out, bspan{t[i].start, t[end-1].end, label})
		if t[end-1].kind == tNum && t[end-1].nd == 4 {
			p.yearEnd = end
		}
		i = end
	}
	return out
}

// longest tries every rule at i and returns the longest match; between
// matches of one length the first rule wins.
func (p *parser) longest(i int) (int, corpus.Label) {
	end, label := i, corpus.Label("")
	try := func(e int, l corpus.Label, ok bool) {
		if ok && e > end {
			end, label = e, l
		}
	}
	try(p.dateExpr(i))
	try(p.timeExpr(i))
	try(p.duration(i))
	try(p.bareUnit(i))
	try(p.age(i))
	return end, label
}

// Token tests. Each is false past the end of the line.

func (p *parser) is(i int, c class) bool {
	return i >= 0 && i < len(p.t) && p.t[i].kind == tWord && p.t[i].lx.c&c != 0
}

func (p *parser) id(i int, w wid) bool {
	return i >= 0 && i < len(p.t) && p.t[i].kind == tWord && p.t[i].lx.id == w
}

func (p *parser) num(i int) bool { return i >= 0 && i < len(p.t) && p.t[i].kind == tNum }

func (p *parser) punct(i int, r rune) bool {
	return i >= 0 && i < len(p.t) && p.t[i].kind == tPunct && p.t[i].r == r
}

// dash reports whether token i is a hyphen or an en dash.
func (p *parser) dash(i int) bool { return p.punct(i, '-') || p.punct(i, '–') }

// sp reports whether token i exists and has whitespace before it; adj
// whether it exists and follows the previous token directly.
func (p *parser) sp(i int) bool  { return i < len(p.t) && p.t[i].gap }
func (p *parser) adj(i int) bool { return i < len(p.t) && !p.t[i].gap }

// inNumber reports whether the digits at i are part of a longer number,
// such as 2 and 016 in 2,016 or 7 in 3.7.
func (p *parser) inNumber(i int) bool {
	if p.adj(i) && i >= 2 && (p.punct(i-1, ',') || p.punct(i-1, '.')) && p.adj(i-1) && p.num(i-2) {
		return true
	}
	return p.adj(i+1) && (p.punct(i+1, ',') || p.punct(i+1, '.')) && p.adj(i+2) && p.num(i+2)
}

// numeral matches one number: digits (1,000 and 1.5 included) or a number
// word (two, twenty-four).
func (p *parser) numeral(i int) (int, bool, bool) {
	if p.num(i) {
		if p.adj(i) && i > 0 && (p.punct(i-1, '.') || p.punct(i-1, ',')) && p.num(i-2) {
			return i, false, false
		}
		e := i + 1
		for p.adj(e) && p.punct(e, ',') && p.adj(e+1) && p.num(e+1) && p.t[e+1].nd == 3 {
			e += 2
		}
		if p.adj(e) && p.punct(e, '.') && p.adj(e+1) && p.num(e+1) {
			e += 2
		}
		return e, true, true
	}
	if p.is(i, cNumWord) {
		if p.is(i, cTens) && p.adj(i+1) && p.dash(i+1) && p.adj(i+2) && p.is(i+2, cOnes) {
			return i + 3, false, true
		}
		return i + 1, false, true
	}
	return i, false, false
}

// Kinds of count.
const (
	cntNone   = iota
	cntDigits // 2, 1.5, 20-30
	cntWord   // two, twenty-four
	cntA      // a, an
	cntVague  // a few, several, a couple of, dozens of
)

// count matches what counts a unit: a number, a range of numbers, a or an,
// or a vague count.
func (p *parser) count(i int) (int, int, bool) {
	switch {
	case p.is(i, cA):
		switch {
		case p.sp(i+1) && p.id(i+1, wFew):
			return i + 2, cntVague, true
		case p.sp(i+1) && p.id(i+1, wCouple) && p.sp(i+2) && p.id(i+2, wOf):
			return i + 3, cntVague, true
		case p.sp(i+1) && p.id(i+1, wDozen):
			return i + 2, cntVague, true
		}
		return i + 1, cntA, true
	case p.is(i, cVague):
		return i + 1, cntVague, true
	case p.id(i, wCouple) && p.sp(i+1) && p.id(i+1, wOf):
		return i + 2, cntVague, true
	case p.is(i, cLots) && p.sp(i+1) && p.id(i+1, wOf):
		return i + 2, cntVague, true
	}
	e, digits, ok := p.numeral(i)
	if !ok {
		return i, cntNone, false
	}
	// A range: two to three, 20-30, two or three.
	if p.sp(e) && (p.id(e, wTo) || p.id(e, wOr)) && p.sp(e+1) {
		if e2, d2, ok := p.numeral(e + 1); ok && d2 == digits {
			e = e2
		}
	} else if p.adj(e) && p.dash(e) && p.adj(e+1) {
		if e2, d2, ok := p.numeral(e + 1); ok && d2 == digits {
			e = e2
		}
	}
	// two and a half
	if p.sp(e) && p.id(e, wAnd) && p.sp(e+1) && p.id(e+1, wA) && p.sp(e+2) && p.id(e+2, wHalf) {
		e += 3
	}
	if digits {
		return e, cntDigits, true
	}
	return e, cntWord, true
}

// approx matches a modifier before a count (about, more than, at least,
// up to, no more than) and returns where the count starts, or i if there
// is none. just and only are never part of a span.
func (p *parser) approx(i int) int {
	switch {
	case p.is(i, cApprox) && p.sp(i+1):
		return i + 1
	case (p.id(i, wMore) || p.id(i, wLess) || p.id(i, wFewer)) && p.sp(i+1) && p.id(i+1, wThan) && p.sp(i+2):
		return i + 2
	case p.id(i, wAt) && p.sp(i+1) && (p.id(i+1, wLeast) || p.id(i+1, wMost)) && p.sp(i+2):
		return i + 2
	case p.id(i, wUp) && p.sp(i+1) && p.id(i+1, wTo) && p.sp(i+2):
		return i + 2
	case p.id(i, wNo) && p.sp(i+1) && (p.id(i+1, wMore) || p.id(i+1, wLess) || p.id(i+1, wFewer)) &&
		p.sp(i+2) && p.id(i+2, wThan) && p.sp(i+3):
		return i + 3
	}
	return i
}

// unitLabel is TIME for units under a day and DATE for the others.
func (p *parser) unitLabel(u int) corpus.Label {
	if p.t[u].lx.c&cUnitTime != 0 {
		return corpus.TIME
	}
	return corpus.DATE
}

// duration matches a counted unit: two days, 24 hours, a week, about two
// weeks, two days ago, 20 years old, 2 min, 24-hour, five-year-old,
// half an hour, a year and a half.
func (p *parser) duration(i int) (int, corpus.Label, bool) {
	if p.id(i, wHalf) && p.sp(i+1) && p.is(i+1, cA) && p.sp(i+2) && p.is(i+2, cUnitDate|cUnitTime) && !p.is(i+2, cUnitAbbr|cPlural) {
		return i + 3, p.unitLabel(i + 2), true
	}
	j := p.approx(i)
	e, k, ok := p.count(j)
	if !ok || j > i && p.id(i, wSome) && k != cntDigits && k != cntWord {
		return 0, "", false
	}
	if k == cntA && j == i && (p.is(i-1, cPer) || p.is(i-1, cUnitDate|cUnitTime)) {
		return 0, "", false // once a week, 24 hours a day: a rate
	}
	u, hyphen := -1, false
	switch {
	case p.sp(e) && p.is(e, cUnitDate|cUnitTime):
		u = e
	case (k == cntDigits || k == cntWord) && p.adj(e) && p.dash(e) && p.adj(e+1) && p.is(e+1, cUnitDate|cUnitTime) && !p.is(e+1, cPlural):
		u, hyphen = e+1, true
	default:
		return 0, "", false
	}
	if p.is(u, cUnitAbbr) && k != cntDigits || p.id(u, wSecond) && k != cntDigits && k != cntWord {
		return 0, "", false // "a min" is no unit; "a second" is an ordinal
	}
	end := u + 1
	isYear := p.id(u, wYear) || p.id(u, wYears)
	switch {
	case hyphen:
		if isYear && p.adj(end) && p.dash(end) && p.adj(end+1) && p.id(end+1, wOld) {
			end += 2 // five-year-old
		}
	case p.sp(end) && p.is(end, cSuffix):
		end++
	case isYear && p.sp(end) && p.id(end, wOld):
		end++
	case isYear && p.sp(end) && p.id(end, wOf) && p.sp(end+1) && p.id(end+1, wAge):
		end += 2
	case k == cntA && p.sp(end) && p.id(end, wAnd) && p.sp(end+1) && p.id(end+1, wA) && p.sp(end+2) && p.id(end+2, wHalf):
		end += 3 // a year and a half
	}
	return end, p.unitLabel(u), true
}

// sentenceStart reports whether token i starts a sentence or a line.
func (p *parser) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	t := p.t[i-1]
	if t.kind != tPunct {
		return false
	}
	switch t.r {
	case '.', '!', '?', ':', ';', '"', '“', '‘', '\'', '—', '(':
		return true
	}
	return false
}

// bareUnit matches a plural unit with no count that stands for a
// duration: "just hours after", "for years", "days later", "Hours later".
func (p *parser) bareUnit(i int) (int, corpus.Label, bool) {
	if !p.is(i, cPlural) || !p.is(i, cUnitDate|cUnitTime) || p.is(i, cUnitAbbr) {
		return 0, "", false
	}
	end := i + 1
	suffix := p.sp(end) && p.is(end, cSuffix)
	if suffix {
		end++
	}
	trigger := p.sp(i) && p.is(i-1, cTrigger) || p.t[i].capital && p.sentenceStart(i)
	if !suffix && !trigger {
		return 0, "", false
	}
	return end, p.unitLabel(i), true
}

// dateExpr matches a date and, after a day, a time of day: the whole is
// one TIME (Saturday morning, Thursday 7 April 2016 17:53 UTC, Monday at
// noon).
func (p *parser) dateExpr(i int) (int, corpus.Label, bool) {
	e, label, anchor, ok := p.pointDate(i)
	if !ok {
		return 0, "", false
	}
	if !anchor {
		return e, label, true
	}
	if p.sp(e) && p.is(e, cPartOfDay) {
		return e + 1, corpus.TIME, true
	}
	if p.sp(e) {
		if te, ok := p.timePoint(e); ok {
			return te, corpus.TIME, true
		}
		if p.id(e, wAt) && p.sp(e+1) {
			if te, ok := p.timePoint(e + 1); ok {
				return te, corpus.TIME, true
			}
		}
	}
	return e, label, true
}

// timeExpr matches a time of day and a date that follows it, directly or
// after "on": noon on Monday, 5 p.m. Friday.
func (p *parser) timeExpr(i int) (int, corpus.Label, bool) {
	e, ok := p.timePoint(i)
	if !ok {
		return 0, "", false
	}
	k := e
	if p.sp(k) && p.id(k, wOn) {
		k++
	}
	if p.sp(k) {
		if de, _, anchor, ok := p.pointDate(k); ok && anchor {
			e = de
		}
	}
	return e, corpus.TIME, true
}

// timePoint matches a time of day: noon, midnight, tonight, early morning,
// 17:53 UTC, 5 p.m., 5.30pm, 1800 GMT, 10 o'clock.
func (p *parser) timePoint(i int) (int, bool) {
	switch {
	case p.is(i, cNoon) || p.is(i, cTonight):
		return i + 1, true
	case (p.id(i, wEarly) || p.id(i, wLate)) && p.sp(i+1) && p.is(i+1, cPartOfDay):
		return i + 2, true
	}
	return p.clock(i)
}

// clock matches a time written with digits.
func (p *parser) clock(i int) (int, bool) {
	if !p.num(i) || p.adj(i) && i > 0 && (p.t[i-1].kind != tPunct || p.punct(i-1, ':') || p.punct(i-1, '/') || p.punct(i-1, '.') || p.punct(i-1, ',')) {
		return 0, false
	}
	h := p.t[i].v
	if p.t[i].nd == 4 { // 1800 GMT
		if h/100 < 24 && h%100 < 60 && p.sp(i+1) {
			if e, ok := p.zone(i + 1); ok {
				return e, true
			}
		}
		return 0, false
	}
	if p.t[i].nd > 2 {
		return 0, false
	}
	e := i + 1
	minutes := false
	twoDigits := func(k int) bool { return p.adj(k) && p.num(k) && p.t[k].nd == 2 && p.t[k].v < 60 }
	if p.adj(e) && p.punct(e, ':') && twoDigits(e+1) && h <= 24 {
		e += 2
		minutes = true
		if p.adj(e) && p.punct(e, ':') && twoDigits(e+1) {
			e += 2
		}
	} else if p.adj(e) && p.punct(e, '.') && twoDigits(e+1) {
		if ae, ok := p.ampm(e + 2); ok && h >= 1 && h <= 12 {
			return p.zoneAfter(ae), true // 5.30pm
		}
		return 0, false
	}
	if p.adj(e) && (p.punct(e, ':') || p.punct(e, '.') || p.punct(e, ',')) && p.adj(e+1) && p.num(e+1) {
		return 0, false // 1:2:3:4, 12:345, 3.7, 2,000
	}
	if ae, ok := p.ampm(e); ok && h >= 1 && h <= 12 {
		return p.zoneAfter(ae), true
	}
	if minutes {
		if p.adj(e) && p.t[e].kind == tWord {
			return 0, false
		}
		return p.zoneAfter(e), true
	}
	// 10 o'clock
	if p.sp(e) && p.id(e, wO) && p.adj(e+1) && (p.punct(e+1, '\'') || p.punct(e+1, '’')) && p.adj(e+2) && p.id(e+2, wClock) {
		return e + 3, true
	}
	return 0, false
}

// ampm matches am or pm, written am, AM, a.m. or A.M., directly after the
// number or after a space.
func (p *parser) ampm(i int) (int, bool) {
	if i >= len(p.t) {
		return 0, false
	}
	if p.is(i, cAmPm) {
		if p.adj(i+1) && p.t[i+1].kind != tPunct {
			return 0, false
		}
		return i + 1, true
	}
	if (p.id(i, wA) || p.id(i, wP)) && p.adj(i+1) && p.punct(i+1, '.') && p.adj(i+2) && p.id(i+2, wM) {
		if p.adj(i+3) && p.punct(i+3, '.') {
			return i + 4, true
		}
		return i + 3, true
	}
	return 0, false
}

// zoneAfter extends a time ending at e with a time zone after a space.
func (p *parser) zoneAfter(e int) int {
	if p.sp(e) {
		if ze, ok := p.zone(e); ok {
			return ze
		}
	}
	return e
}

// zone matches a time zone: an upper-case UTC, GMT, EST, ... or "local
// time".
func (p *parser) zone(i int) (int, bool) {
	switch {
	case p.is(i, cTZ) && p.t[i].upper && !(p.adj(i+1) && p.t[i+1].kind != tPunct):
		return i + 1, true
	case p.id(i, wLocal) && p.sp(i+1) && p.id(i+1, wTime):
		return i + 2, true
	}
	return 0, false
}

// pointDate matches a date that is not a duration, with an optional
// earlier, later, early, late or mid before it. anchor reports a day with
// nothing before it (a weekday, today, a calendar date), which a time of
// day may follow.
func (p *parser) pointDate(i int) (end int, label corpus.Label, anchor, ok bool) {
	j := i
	var pre wid
	switch {
	case (p.id(i, wEarlier) || p.id(i, wLater) || p.id(i, wEarly) || p.id(i, wLate)) && p.sp(i+1):
		pre, j = p.t[i].lx.id, i+1
	case p.id(i, wMid) && p.adj(i+1) && p.dash(i+1) && p.adj(i+2):
		pre, j = wMid, i+2
	}
	relWord := pre == wEarlier || pre == wLater
	dayTime := pre == wEarly || pre == wLate // late Monday is a time of day
	switch {
	case p.is(j, cDayWord) || p.is(j, cWeekday):
		e := j + 1
		if p.is(j, cWeekday) {
			if e, ok = p.weekday(j); !ok {
				return 0, "", false, false
			}
		}
		switch {
		case pre == wMid:
			return 0, "", false, false
		case dayTime:
			return e, corpus.TIME, false, true
		}
		return e, corpus.DATE, pre == wNone, true
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
	case p.is(j, cMonth) || p.num(j):
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
	}
	return 0, "", false, false
}

// relative matches a relative modifier and what it modifies: this week,
// last Monday, next April, this past month, the past two days, last night
// (TIME), recent weeks.
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
	switch {
	case p.is(k, cWeekday) && !p.is(k, cPlural):
		return k + 1, corpus.DATE, true, true
	case p.is(k, cMonth) && !p.is(k, cMonthAbbr) && p.t[k].capital, p.is(k, cSeason):
		return k + 1, corpus.DATE, false, true
	case p.is(k, cPartOfDay):
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
// Thursday 7 April 2016, Monday, April 7.
func (p *parser) weekday(j int) (int, bool) {
	if p.sp(j+1) && p.is(j+1, cPress) && p.t[j+1].capital {
		return 0, false // the Sunday Times
	}
	e := j + 1
	if p.is(j, cPlural) {
		return e, true
	}
	k := e
	if p.adj(k) && p.punct(k, ',') {
		k++
	}
	if p.sp(k) && (p.num(k) || p.is(k, cMonth)) {
		if ce, ok := p.calendar(k, false); ok {
			return ce, true
		}
	}
	return e, true
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

// yearNum reports whether token i is a year after a month or a day: four
// digits, 1000 to 2999, not part of a longer number.
func (p *parser) yearNum(i int) bool {
	return p.num(i) && p.t[i].nd == 4 && p.t[i].v >= 1000 && p.t[i].v <= 2999 && !p.inNumber(i) &&
		!(p.adj(i+1) && (p.t[i+1].kind != tPunct || p.t[i+1].r == '%'))
}

// monthName matches a capitalised month name and, after a short form, its
// period. It returns the end without and with the period.
func (p *parser) monthName(i int) (int, int, bool) {
	if !p.is(i, cMonth) || !p.t[i].capital {
		return 0, 0, false
	}
	if p.is(i, cMonthAbbr) && p.adj(i+1) && p.punct(i+1, '.') {
		return i + 1, i + 2, true
	}
	return i + 1, i + 1, true
}

// calendar matches a calendar date: April 7, 2016; April 7; April 2016;
// April; 7 April 2016; 08 April, 2016; 7th of April; 2016-04-07;
// 7/4/2016. May, March and short forms (Jan) alone are months only in a
// date context (ctx: after in, since, early, ...); short forms never alone.
func (p *parser) calendar(i int, ctx bool) (int, bool) {
	if p.num(i) {
		if e, ok := p.numericDate(i); ok {
			return e, true
		}
		// 7 April 2016, 7th of April
		de, ok := p.day(i)
		if !ok {
			return 0, false
		}
		k := de
		if p.is(de-1, cOrdSuffix) && p.sp(k) && p.id(k, wOf) {
			k++
		}
		if !p.sp(k) {
			return 0, false
		}
		_, me, ok := p.monthName(k)
		if !ok {
			return 0, false
		}
		return p.yearAfter(me), true
	}
	bare, me, ok := p.monthName(i)
	if !ok {
		return 0, false
	}
	switch {
	case p.sp(me):
		if de, ok := p.day(me); ok {
			return p.yearAfter(de), true
		}
		if p.yearNum(me) {
			return me + 1, true
		}
		if p.id(me, wOf) && p.sp(me+1) && p.yearNum(me+1) {
			return me + 2, true
		}
	case p.adj(me) && p.punct(me, ',') && p.sp(me+1) && p.yearNum(me+1):
		return me + 2, true // April, 2016
	}
	if p.is(i, cMonthAbbr) || p.is(i, cMonthAmbig) && !ctx {
		return 0, false
	}
	return bare, true
}

// yearAfter extends a date ending at e with a year: ", 2016" or " 2016".
func (p *parser) yearAfter(e int) int {
	k := e
	if p.adj(k) && p.punct(k, ',') {
		k++
	}
	if p.sp(k) && p.yearNum(k) {
		return k + 1
	}
	return e
}

// numericDate matches 2016-04-07, 2016/04/07, 7/4/2016 and 7/4/16.
func (p *parser) numericDate(i int) (int, bool) {
	if p.adj(i) && i > 0 && p.t[i-1].kind != tPunct || p.adj(i) && (p.punct(i-1, '/') || p.dash(i-1) || p.punct(i-1, '.')) {
		return 0, false
	}
	sep := func(k int) bool { return p.adj(k) && (p.punct(k, '/') || p.punct(k, '-')) && p.adj(k+1) && p.num(k+1) }
	if !sep(i+1) || !sep(i+3) || p.t[i+1].r != p.t[i+3].r {
		return 0, false
	}
	a, b, c := p.t[i], p.t[i+2], p.t[i+4]
	e := i + 5
	if p.adj(e) && (p.t[e].kind != tPunct || p.punct(e, '/') || p.dash(e) || p.punct(e, ':') && p.num(e+1)) {
		return 0, false
	}
	switch {
	case a.nd == 4 && a.v >= 1000 && a.v <= 2999 && b.nd <= 2 && b.v >= 1 && b.v <= 12 && c.nd <= 2 && c.v >= 1 && c.v <= 31:
		return e, true
	case p.t[i+1].r == '/' && a.nd <= 2 && b.nd <= 2 && (c.nd == 2 || c.nd == 4) && a.v >= 1 && b.v >= 1 &&
		a.v <= 31 && b.v <= 31 && (a.v <= 12 || b.v <= 12):
		return e, true
	}
	return 0, false
}

// season matches a season with a year (summer 2015, summer of 2015), or
// alone after early, late or mid (pre).
func (p *parser) season(i int, pre bool) (int, bool) {
	if p.sp(i+1) && p.yearNum(i+1) {
		return i + 2, true
	}
	if p.sp(i+1) && p.id(i+1, wOf) && p.sp(i+2) && p.yearNum(i+2) {
		return i + 3, true
	}
	return i + 1, pre
}

// year matches a year standing alone: 2011, 1990s, 2011-2016, 2015/16,
// the 20th century.
//
// A 4-digit number from 1900 to 2099 may also count things (2000 workers),
// so alone it is a year only in a date context (ctx, or after in, since,
// until, by, during, from, before, after, ...; or before or after "and",
// "or" or "to" and another year) or when punctuation or the end of the
// line follows it (in 2011, ...; started in 2011.). After a word that makes it
// a count (than, about, some, the, of, to, over, ...) or before another
// word it is not a year. A decade (1990s) is always a date.
func (p *parser) year(i int, ctx bool) (int, bool) {
	if p.num(i) && p.t[i].nd <= 2 && p.adj(i+1) && p.is(i+1, cOrdSuffix) && p.sp(i+2) && p.id(i+2, wCentury) && !p.inNumber(i) {
		return i + 3, true // the 20th century
	}
	if !p.num(i) || p.t[i].nd != 4 || p.inNumber(i) {
		return 0, false
	}
	v := p.t[i].v
	if p.adj(i) && i > 0 && !ctx {
		switch r := p.t[i-1].r; {
		case p.t[i-1].kind != tPunct, r == '-', r == '/', r == ':', r == '.', r == ',', r == '$', r == '£', r == '€', r == '+', r == '–', r == 0:
			return 0, false
		}
	}
	e := i + 1
	if p.adj(e) && p.id(e, wS) && v%10 == 0 && v >= 1000 && v <= 2999 && !(p.adj(e+1) && p.t[e+1].kind != tPunct) {
		return e + 1, true // 1990s
	}
	if v < 1900 || v > 2099 {
		return 0, false
	}
	if p.adj(e) && (p.dash(e) || p.punct(e, '/')) && p.adj(e+1) && p.num(e+1) && !p.inNumber(e+1) {
		w := p.t[e+1]
		if w.nd == 4 && w.v > v && w.v <= 2099 || w.nd == 2 && w.v > v%100 {
			e += 2 // 2011-2016, 2015/16
		}
	}
	if p.adj(e) && (p.t[e].kind != tPunct || p.t[e].r == '%' || p.t[e].r == '-' || p.t[e].r == '/') {
		return 0, false
	}
	if ctx {
		return e, true
	}
	if p.sp(i) && i > 0 && p.t[i-1].kind == tWord {
		switch {
		case (p.id(i-1, wAnd) || p.id(i-1, wOr) || p.id(i-1, wTo)) && p.yearEnd == i-1:
			return e, true
		case p.is(i-1, cNotYear):
			return 0, false
		case p.is(i-1, cYearCtx):
			return e, true
		}
	}
	if e == i+1 && p.sp(e) && (p.id(e, wAnd) || p.id(e, wOr) || p.id(e, wTo)) && p.sp(e+1) && p.num(e+1) &&
		p.t[e+1].nd == 4 && p.t[e+1].v >= 1900 && p.t[e+1].v <= 2099 && !p.inNumber(e+1) {
		return e, true // 2011 and 2016
	}
	if e >= len(p.t) {
		return e, true
	}
	if n := p.t[e]; n.kind == tPunct {
		switch n.r {
		case '.', ',', ';', ':', '!', '?', ')', ']', '”', '"', '’', '\'', '—', '–':
			return e, true
		}
	}
	return 0, false
}

// age matches an age: "aged 20" and "aged 20 to 30" (the numbers), and
// "between 20 and 30" after men, women, people, aged, ... when no counted
// noun follows ("men between 20 and 30 who"). "20 years old" and
// "20-year-old" are durations.
func (p *parser) age(i int) (int, corpus.Label, bool) {
	if (p.num(i) || p.is(i, cNumWord)) && p.sp(i) && (p.id(i-1, wAged) || p.id(i-1, wAges)) {
		e, k, ok := p.count(i)
		if !ok || k != cntDigits && k != cntWord {
			return 0, "", false
		}
		return p.ageYears(e), corpus.DATE, true
	}
	if !p.id(i, wBetween) || !p.sp(i) || !(p.is(i-1, cPerson) || p.id(i-1, wAged)) || !p.sp(i+1) {
		return 0, "", false
	}
	a, _, ok := p.numeral(i + 1)
	if !ok || p.num(i+1) && (p.t[i+1].v < 1 || p.t[i+1].v > 120) || !p.sp(a) || !p.id(a, wAnd) || !p.sp(a+1) {
		return 0, "", false
	}
	e, _, ok := p.numeral(a + 1)
	if !ok || p.num(a+1) && (p.t[a+1].v < 1 || p.t[a+1].v > 120) {
		return 0, "", false
	}
	if ye := p.ageYears(e); ye > e {
		return ye, corpus.DATE, true
	}
	if p.sp(e) && p.t[e].kind == tWord && !p.t[e].capital && !p.is(e, cAgeNext) {
		return 0, "", false // between 20 and 30 fighters: a count
	}
	if p.adj(e) && p.t[e].kind != tPunct {
		return 0, "", false
	}
	return e, corpus.DATE, true
}

// ageYears extends an age ending at e with "years", "years old" or "years
// of age".
func (p *parser) ageYears(e int) int {
	if !p.sp(e) || !p.id(e, wYears) {
		return e
	}
	e++
	switch {
	case p.sp(e) && p.id(e, wOld):
		return e + 1
	case p.sp(e) && p.id(e, wOf) && p.sp(e+1) && p.id(e+1, wAge):
		return e + 2
	}
	return e
}
