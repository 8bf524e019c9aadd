package dates

// timePoint matches a time of day: noon, midnight, tonight, early morning,
// 12 noon, 17:53 UTC, 5 p.m., 5.30pm, 1800 GMT, 10 o'clock, nine am, six
// forty pm, half past ten, a quarter to 6 in the evening, 9 to 5pm.
func (p *parser) timePoint(i int) (int, bool) {
	switch {
	case p.is(i, cNoon) || p.is(i, cTonight):
		return i + 1, true
	case (p.id(i, wEarly) || p.id(i, wLate)) && p.sp(i+1) && p.is(i+1, cPartOfDay) && !p.is(i+1, cPlural):
		return i + 2, true
	case p.id(i, wMid) && p.adj(i+1) && p.dash(i+1) && p.adj(i+2) && p.is(i+2, cPartOfDay) && !p.is(i+2, cPlural):
		return i + 3, true // mid-afternoon
	case p.twelve(i) && p.sp(i+1) && p.id(i+1, wNoon):
		return i + 2, true // 12 noon, twelve midnight
	}
	best, ok := p.clock(i)
	for _, e := range [...]int{endOf(p.wordClock(i)), endOf(p.relClock(i)), endOf(p.clockRange(i))} {
		if e > best {
			best, ok = e, true
		}
	}
	return best, ok
}

// endOf is the end of a match, or 0 if there is none.
func endOf(e int, ok bool) int {
	if !ok {
		return 0
	}
	return e
}

// twelve reports whether token i is 12 or twelve.
func (p *parser) twelve(i int) bool {
	return p.num(i) && p.t[i].v == 12 && p.t[i].nd == 2 || p.is(i, cNumWord) && p.t[i].lx.val == 12
}

// hourNum reports whether the digits at i can be the hour of a clock
// time: not glued to a word or part of a longer number.
func (p *parser) hourNum(i int) bool {
	return p.num(i) && p.t[i].nd <= 2 && !(p.adj(i) && i > 0 && (p.t[i-1].kind != tPunct || p.punct(i-1, ':') ||
		p.punct(i-1, '/') || p.punct(i-1, '.') || p.punct(i-1, ',')))
}

// clock matches a time written with digits: 17:53, 5pm, 5.30pm, 415 pm,
// 8p, 14h45, 1800 GMT, 10 o'clock, 9 at night.
func (p *parser) clock(i int) (int, bool) {
	if !p.num(i) || p.adj(i) && i > 0 && (p.t[i-1].kind != tPunct || p.punct(i-1, ':') || p.punct(i-1, '/') || p.punct(i-1, '.') || p.punct(i-1, ',')) {
		return 0, false
	}
	h := p.t[i].v
	if nd := p.t[i].nd; nd == 3 || nd == 4 {
		return p.clockDigits(i)
	}
	if p.t[i].nd > 2 {
		return 0, false
	}
	e := i + 1
	minutes := false
	twoDigits := func(k int) bool { return p.adj(k) && p.num(k) && p.t[k].nd == 2 && p.t[k].v < 60 }
	switch {
	case p.adj(e) && p.punct(e, ':') && twoDigits(e+1) && h <= 24:
		e += 2
		minutes = true
		if p.adj(e) && p.punct(e, ':') && twoDigits(e+1) {
			e += 2
		}
	case p.adj(e) && p.punct(e, '.') && twoDigits(e+1):
		if ae, ok := p.ampm(e + 2); ok && h >= 1 && h <= 12 {
			return p.dayPart(p.zoneAfter(ae)), true // 5.30pm
		}
		return 0, false
	case p.adj(e) && p.id(e, wH) && twoDigits(e+1) && h <= 23 && !(p.adj(e+2) && p.t[e+2].kind != tPunct):
		return p.zoneAfter(e + 2), true // 14h45
	}
	if p.adj(e) && (p.punct(e, ':') || p.punct(e, '.') || p.punct(e, ',')) && p.adj(e+1) && p.num(e+1) {
		return 0, false // 1:2:3:4, 12:345, 3.7, 2,000
	}
	if h >= 1 && h <= 12 {
		if ae, ok := p.ampm(e); ok {
			return p.dayPart(p.zoneAfter(ae)), true
		}
		if ae, ok := p.ampmLetter(i, e); ok {
			return ae, true
		}
	}
	if minutes {
		if p.adj(e) && p.t[e].kind == tWord {
			return 0, false
		}
		return p.dayPart(p.zoneAfter(e)), true
	}
	if h >= 1 && h <= 12 && !(p.adj(i) && i > 0) {
		return p.marker(e) // 9 at night, but not the 1 of a score 3-1
	}
	return 0, false
}

// clockDigits matches three or four digits that are a time: 415 pm,
// 1130am (hours and minutes with am or pm) and 1800 GMT (with a zone).
func (p *parser) clockDigits(i int) (int, bool) {
	h, m := p.t[i].v/100, p.t[i].v%100
	if m >= 60 {
		return 0, false
	}
	if h >= 1 && h <= 12 {
		if ae, ok := p.ampm(i + 1); ok {
			return p.dayPart(p.zoneAfter(ae)), true
		}
	}
	if p.t[i].nd == 4 && h < 24 && p.sp(i+1) {
		if e, ok := p.zone(i + 1); ok {
			return e, true
		}
	}
	return 0, false
}

// ampmLetter matches p or a glued to an hour (8p, 8a-5p). A lone a is
// also a section letter (Form 8a), so it counts only after at, from, until,
// ... or before a dash.
func (p *parser) ampmLetter(i, e int) (int, bool) {
	if !p.adj(e) || !(p.id(e, wP) || p.id(e, wA)) || p.adj(e+1) && (p.t[e+1].kind != tPunct || p.punct(e+1, '.') && p.adj(e+2) && p.t[e+2].kind != tPunct) {
		return 0, false
	}
	if p.id(e, wA) && !(p.sp(i) && p.is(i-1, cClockCtx) || p.adj(e+1) && p.dash(e+1)) {
		return 0, false
	}
	return e + 1, true
}

// marker matches what makes a bare hour a clock time: o'clock, or a part
// of the day after it (6 in the evening, 9 at night).
func (p *parser) marker(e int) (int, bool) {
	if p.sp(e) && p.id(e, wO) && p.adj(e+1) && (p.punct(e+1, '\'') || p.punct(e+1, '’')) && p.adj(e+2) && p.id(e+2, wClock) {
		return p.dayPart(e + 3), true
	}
	if de := p.dayPart(e); de > e {
		return de, true
	}
	return 0, false
}

// dayPart extends a clock time ending at e with "in the morning",
// "in the afternoon", "in the evening" or "at night".
func (p *parser) dayPart(e int) int {
	switch {
	case p.sp(e) && p.id(e, wIn) && p.sp(e+1) && p.id(e+1, wThe) && p.sp(e+2) && p.is(e+2, cPartOfDay) && !p.is(e+2, cPlural):
		return e + 3
	case p.sp(e) && p.id(e, wAt) && p.sp(e+1) && p.id(e+1, wNight):
		return e + 2
	}
	return e
}

// ampm matches am or pm, written am, AM, a.m., A.M. or p m, directly
// after the number or after a space.
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
	if !p.id(i, wA) && !p.id(i, wP) {
		return 0, false
	}
	if p.adj(i+1) && p.punct(i+1, '.') && p.adj(i+2) && p.id(i+2, wM) {
		if p.adj(i+3) && p.punct(i+3, '.') {
			return i + 4, true
		}
		return i + 3, true
	}
	if p.sp(i) && p.sp(i+1) && p.id(i+1, wM) && !(p.adj(i+2) && p.t[i+2].kind != tPunct) {
		return i + 2, true // 5 p m, as transcribed speech writes it
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

// wordNum matches a number in words up to 99 (nine, forty, twenty-one,
// twenty one) and returns its value.
func (p *parser) wordNum(i int) (int, int, bool) {
	if !p.is(i, cNumWord) {
		return i, 0, false
	}
	v := int(p.t[i].lx.val)
	if p.is(i, cTens) {
		if p.adj(i+1) && p.dash(i+1) && p.adj(i+2) && p.is(i+2, cOnes) {
			return i + 3, v + int(p.t[i+2].lx.val), true
		}
		if p.sp(i+1) && p.is(i+1, cOnes) {
			return i + 2, v + int(p.t[i+1].lx.val), true
		}
	}
	return i + 1, v, true
}

// wordClock matches an hour in words with a marker: nine am, six forty
// pm, nine oh five a.m., ten o'clock, eleven at night. Without the marker
// the words are a count.
func (p *parser) wordClock(i int) (int, bool) {
	if !p.is(i, cNumWord) || p.t[i].lx.val > 12 {
		return 0, false
	}
	e := i + 1
	switch {
	case p.sp(e) && p.id(e, wOh) && p.sp(e+1) && p.is(e+1, cOnes):
		e += 2
	case p.sp(e):
		if me, m, ok := p.wordNum(e); ok && m >= 10 && m < 60 {
			e = me
		}
	}
	if p.sp(e) {
		if ae, ok := p.ampm(e); ok {
			return p.dayPart(p.zoneAfter(ae)), true
		}
	}
	if e == i+1 {
		return p.marker(e)
	}
	return 0, false
}

// hourAt matches the hour that ends a relative clock time: 6, ten, noon;
// with am or pm or a part of day after it.
func (p *parser) hourAt(k int) (int, bool) {
	switch {
	case p.is(k, cNoon):
		return k + 1, true
	case p.hourNum(k) && p.t[k].v >= 1 && p.t[k].v <= 12 && !(p.adj(k+1) && (p.t[k+1].kind == tNum || p.punct(k+1, ':') || p.punct(k+1, '.') && p.num(k+2))):
	case p.is(k, cNumWord) && p.t[k].lx.val >= 1 && p.t[k].lx.val <= 12 && !p.is(k, cTens):
	default:
		return 0, false
	}
	e := k + 1
	if ae, ok := p.ampm(e); ok && (p.sp(e) || p.num(k)) {
		return p.dayPart(p.zoneAfter(ae)), true
	}
	return p.dayPart(e), true
}

// relClock matches a clock time told from the hour: half past ten, a
// quarter to 6, twenty past nine, ten minutes past six, 5 minutes to 8.
// Before to, after and before the count needs quarter or minutes, so
// "five to ten people" stays a range of numbers.
func (p *parser) relClock(i int) (int, bool) {
	j := i
	if p.is(j, cA) && p.sp(j+1) && p.id(j+1, wQuarter) {
		j++
	}
	e, strong, half := j+1, false, false
	switch {
	case p.id(j, wQuarter):
		strong = true
	case p.id(j, wHalf):
		half = true
	case j == i && p.num(j) && p.t[j].nd <= 2 && p.t[j].v >= 1 && p.t[j].v < 60 && !p.inNumber(j):
	case j == i && p.is(j, cNumWord):
		var m int
		e, m, _ = p.wordNum(j)
		if m >= 60 {
			return 0, false
		}
	default:
		return 0, false
	}
	if p.sp(e) && p.id(e, wMinute) && !p.is(j, cA) && !strong && !half {
		e++
		strong = true
	}
	if !p.sp(e) || !p.sp(e+1) {
		return 0, false
	}
	switch {
	case p.id(e, wPast):
	case (p.id(e, wTo) || p.id(e, wAfter) || p.id(e, wBefore)) && strong:
	default:
		return 0, false
	}
	return p.hourAt(e + 1)
}

// clockRange matches a bare hour before a clock time: 9 to 5pm, 2-3pm, from
// nine to 10:30. Alone the first hour would be a number.
func (p *parser) clockRange(i int) (int, bool) {
	if !(p.hourNum(i) && p.t[i].v >= 1 && p.t[i].v <= 12 || p.is(i, cNumWord) && p.t[i].lx.val >= 1 && p.t[i].lx.val <= 12) {
		return 0, false
	}
	k := i + 1
	switch {
	case p.adj(k) && p.dash(k) && p.adj(k+1):
	case p.sp(k) && p.is(k, cRangeWord) && p.sp(k+1):
	default:
		return 0, false
	}
	k++
	if p.num(i) != p.num(k) {
		return 0, false
	}
	if !p.num(k) {
		return p.wordClock(k)
	}
	// The second hour needs minutes or am/pm: "won 3-1 in the evening" is a score.
	if _, ok := p.ampm(k + 1); !ok && !p.punct(k+1, ':') && !(p.adj(k+1) && (p.id(k+1, wP) || p.id(k+1, wA))) {
		return 0, false
	}
	return p.clock(k)
}
