package numbers

import (
	"strings"

	"github.com/exbench/exbench/corpus"
)

// hour reads the hour of a clock time at t, in one or two digits or in
// words below a hundred, or "noon" or "midnight", and returns it and its
// end. The caller checks the range: "half past" is a time before any
// number.
func (p *parser) hour(t token) (float64, int, bool) {
	if t.nl {
		return 0, 0, false
	}
	switch t.kind {
	case digits:
		s := p.str(t)
		if len(s) > 2 || !isDigit(s[0]) || !isDigit(s[len(s)-1]) {
			return 0, 0, false
		}
		return float64(atoi(s)), t.end, true
	case word:
		if p.is(t, "noon") || p.is(t, "midnight") {
			return 12, t.end, true
		}
		s := p.spell(t, startSpell())
		return s.cur, s.end, s.last != cNone && !s.ordinal && s.total == 0 && s.cur < 100
	}
	return 0, 0, false
}

// clock reports whether the number a gives the minutes of a clock time
// ("half past ten", "ten past six", "a quarter to 6", "twenty to
// nine"), and returns the end of the hour.
func (p *parser) clock(a amount) (int, bool) {
	if !a.hasVal || a.label != corpus.CARDINAL || a.neg {
		return 0, false
	}
	v := a.value()
	w := p.lex(a.end)
	past := p.is(w, "past")
	if w.nl || v > 30 || !past && !p.is(w, "to") {
		return 0, false
	}
	h, end, ok := p.hour(p.lex(w.end))
	if !ok || h > 24 && !a.fraction || !past && !a.fraction && !(a.spelled && minutesTo(v) && v > h) {
		return 0, false
	}
	return end, true
}

// minutesTo reports whether v is said as minutes to the hour: "ten to
// six", but "seven to two" is a vote and "five to ten" a range.
func minutesTo(v float64) bool { return v == 5 || v == 10 || v == 20 || v == 25 }

// ordinalDate reports whether the ordinal a is part of a date, and
// returns the end of the date: "second quarter", "3rd-quarter", "first
// half of 2021", and a day after a date word, with or without "the",
// unless a noun follows ("on the 19th", but "on the 19th floor").
func (p *parser) ordinalDate(a amount) (int, bool) {
	if d, end, ok := p.denominatorAt(a.end); ok && !d.plural {
		switch {
		case d.den == 4:
			return end, true
		case d.den == 2:
			if of := p.lex(end); p.is(of, "of") && !of.nl {
				if y, ok := p.year(of.end); ok {
					return y, true
				}
			}
		}
	}
	if !a.day {
		return 0, false
	}
	w, ws := prevWordAt(p.text, a.start)
	if strings.EqualFold(w, "the") {
		w = prevWord(p.text, ws)
	}
	if !isIn(dayDateWords, w) {
		return 0, false
	}
	n := p.lex(a.end)
	if n.kind == word && !n.nl && !isIn(dayFollowers, p.str(n)) {
		return 0, false
	}
	return a.end, true
}

// year reads a year after byte i: four digits from 1000 to 2099, or
// "the year", "this year", "last year", "next year".
func (p *parser) year(i int) (int, bool) {
	t := p.lex(i)
	if t.nl {
		return 0, false
	}
	if t.kind == digits {
		s := p.str(t)
		return t.end, len(s) == 4 && (s[0] == '1' || s[0] == '2' && s[1] == '0') && !goesOn(p.text, t.end)
	}
	if p.is(t, "the") || p.is(t, "this") || p.is(t, "last") || p.is(t, "next") {
		if y := p.lex(t.end); !y.nl && p.is(y, "year") {
			return y.end, true
		}
	}
	return 0, false
}

// spelledYear reports whether the spelled-out number a, from 1000 to
// 2099, is a year: after a month or a date word ("in two thousand and
// nine").
func (p *parser) spelledYear(a amount) bool {
	v := a.value()
	if v < 1000 || v > 2099 || a.fraction {
		return false
	}
	w := prevWord(p.text, a.start)
	return months[w] || isIn(dateWords, w)
}

// nextToMonth reports whether the number at start:end is the day of a
// date: "April 7", "Apr. 7", "7 April", "7th of April".
func (p *parser) nextToMonth(start, end int) bool {
	if months[prevWord(p.text, start)] {
		return true
	}
	n := p.lex(end)
	if n.nl || n.kind != word {
		return false
	}
	if p.is(n, "of") {
		n = p.lex(n.end)
	}
	return !n.nl && n.kind == word && months[p.str(n)]
}
