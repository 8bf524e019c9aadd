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
// taking at each token the longest expression that starts there and
// joining to it the expressions that make one with it (a range, a date
// and a time of day).
func (p *parser) run(out []bspan) []bspan {
	p.yearEnd = -1
	t := p.t
	for i := 0; i < len(t); {
		if t[i].kind == tPunct && t[i].r != '\'' && t[i].r != '’' || t[i].kind == tWord && !t[i].lx.start {
			i++
			continue
		}
		end, label, point := p.longest(i)
		if end <= i {
			i++
			continue
		}
		if point {
			end, label = p.join(end, label)
		}
		out = append(out, bspan{t[i].start, t[end-1].end, label})
		p.markYear(end)
		i = end
	}
	return out
}

// markYear records a year that ends at end, for "2011 and 2016" and "two
// thousand and one to two thousand and four". A date or time that ends in
// a number word ends in a year or a day (July twenty one), so it counts.
func (p *parser) markYear(end int) {
	if p.t[end-1].kind == tNum && p.t[end-1].nd == 4 || p.is(end-1, cNumWord) {
		p.yearEnd = end
	}
}

// longest tries every rule at i and returns the longest match; between
// matches of one length the first rule wins. point reports a date or a
// time of day, which may join others (Monday to Friday); durations, ages
// and sets do not.
func (p *parser) longest(i int) (end int, label corpus.Label, point bool) {
	end = i
	if p.articleAlone(i) {
		return end, "", false
	}
	try := func(e int, l corpus.Label, ok, pt bool) {
		if ok && e > end {
			end, label, point = e, l, pt
		}
	}
	e, l, ok := p.dateExpr(i)
	try(e, l, ok, true)
	e, l, ok = p.timeExpr(i)
	try(e, l, ok, true)
	e, l, ok = p.named(i)
	try(e, l, ok, true)
	e, l, ok = p.duration(i)
	try(e, l, ok, false)
	e, l, ok = p.bareUnit(i)
	try(e, l, ok, false)
	e, l, ok = p.set(i)
	try(e, l, ok, false)
	e, l, ok = p.age(i)
	try(e, l, ok, false)
	return end, label, point
}

// articleAlone reports whether token i is "a", "an" or "at" with nothing
// after it that they can start (a week, a few days, a half day, a quarter
// to 6, at least): the commonest words that may start an expression, so
// checked before every rule is tried.
func (p *parser) articleAlone(i int) bool {
	switch {
	case p.is(i, cA):
		return !p.sp(i+1) || !p.is(i+1, cUnitDate|cUnitTime|cVague) && !p.id(i+1, wCouple) && !p.id(i+1, wDozen) &&
			!p.id(i+1, wHalf) && !p.id(i+1, wQuarter)
	case p.id(i, wAt):
		return !p.sp(i+1) || !p.id(i+1, wLeast) && !p.id(i+1, wMost)
	}
	return false
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
func (p *parser) sp(i int) bool  { return i >= 0 && i < len(p.t) && p.t[i].gap }
func (p *parser) adj(i int) bool { return i >= 0 && i < len(p.t) && !p.t[i].gap }

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
// half an hour, a half day, a year and a half, 5h, 14D.
func (p *parser) duration(i int) (int, corpus.Label, bool) {
	if e, l, ok := p.halfUnit(i); ok {
		return e, l, true
	}
	if e, l, ok := p.gluedUnit(i); ok {
		return e, l, true
	}
	j := p.approx(i)
	e, k, ok := p.count(j)
	if !ok || j > i && p.id(i, wSome) && k != cntDigits && k != cntWord {
		return 0, "", false
	}
	if k == cntA && j == i && (p.is(i-1, cPer) || p.is(i-1, cUnitDate|cUnitTime) || p.num(i-1)) {
		return 0, "", false // 24 hours a day, $5 a day: a rate
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
	case p.sp(end) && p.id(end, wFrom) && p.sp(end+1) && p.id(end+1, wNow):
		end += 2 // two weeks from now
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
	trigger := p.sp(i) && p.is(i-1, cTrigger) || p.t[i].capital && p.sentenceStart(i) && !p.punct(end, ':')
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
			if p.sp(e) && p.is(e, cPartOfDay) && !p.is(e, cPlural) {
				e++ // ten past six tomorrow evening
			}
		}
	}
	return e, corpus.TIME, true
}

// year matches a year standing alone: 2011, 1990s, 2011-2016, 2015/16,
// the 20th century.
//
// A 4-digit number from 1900 to 2099 may also count things (2000 workers),
// so alone it is a year only in a date context (ctx, or after in, since,
// until, by, during, from, before, after, ...; or before or after "and",
// "or", "to", "through" or a spaced dash and another year) or when
// punctuation or the end of the line follows it (in 2011, ...; started in
// 2011.). After a word that makes it a count (than, about, some, the, of,
// to, over, ...) or before another word it is not a year. A decade
// (1990s) and a range (2010-2014) are always dates.
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
	if ctx || e > i+1 {
		return e, true // a range of years is a date anywhere
	}
	if p.sp(i) && p.dash(i-1) && p.yearEnd == i-1 {
		return e, true // the end of 2010 - 2015
	}
	if p.sp(i) && i > 0 && p.t[i-1].kind == tWord {
		switch {
		case (p.id(i-1, wAnd) || p.id(i-1, wOr) || p.is(i-1, cRangeWord)) && p.yearEnd == i-1:
			return e, true
		case p.is(i-1, cNotYear):
			return 0, false
		case p.is(i-1, cYearCtx):
			return e, true
		}
	}
	if e == i+1 && p.sp(e) && (p.id(e, wAnd) || p.id(e, wOr) || p.is(e, cRangeWord)) && p.sp(e+1) && p.num(e+1) &&
		p.t[e+1].nd == 4 && p.t[e+1].v >= 1900 && p.t[e+1].v <= 2099 && !p.inNumber(e+1) {
		return e, true // 2011 and 2016
	}
	if e == i+1 && p.sp(e) && p.dash(e) && p.sp(e+1) && p.yearNum(e+1) && p.t[e+1].v >= 1900 && p.t[e+1].v <= 2099 {
		return e, true // 2010 - 2015
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
