package numbers

import (
	"strings"

	"github.com/exbench/exbench/corpus"
)

// words reads a number that starts with a word: "twenty-four", "three
// hundred and fifty", "a dozen", "half a million", "first", "minus
// two", "point 45", "two-thirds", "a couple", or a vague magnitude:
// "hundreds", "tens of thousands", "several hundred".
func (p *parser) words(t token, follow bool) (amount, verdict, int) {
	text := p.text
	if !follow && t.start > 0 {
		switch text[t.start-1] {
		case '@', '#', '_':
			return amount{}, none, t.end
		case '-':
			// "F-one" is a name, but "two-nil" a score of counts
			nw, ok := lookup(numWords, p.str(t))
			if t.start >= 2 && isAlnum(text[t.start-2]) && !(ok && nw.val == 0 && !nw.ordinal) {
				return amount{}, none, t.end
			}
		}
	}
	a := amount{start: t.start, end: t.end, factor: 1, label: corpus.CARDINAL, spelled: true}
	w := p.str(t)
	switch {
	case strings.EqualFold(w, "minus"), strings.EqualFold(w, "negative"):
		return p.negative(a, t)
	case strings.EqualFold(w, "point"):
		return p.pointAlone(a, t)
	case strings.EqualFold(w, "a"), strings.EqualFold(w, "an"):
		return p.article(a, t)
	case strings.EqualFold(w, "half"):
		return p.half(a, t)
	case strings.EqualFold(w, "several"), strings.EqualFold(w, "few"):
		// "several thousand", "few dozen": no exact value
		if n := p.lex(t.end); !n.nl && p.isScale(n) {
			a.end = n.end
			return a, found, a.end
		}
		return amount{}, none, t.end
	case strings.EqualFold(w, "tens"):
		of := p.lex(t.end)
		if n := p.lex(of.end); p.is(of, "of") && !of.nl && !n.nl && n.kind == word && isIn(vague, p.str(n)) {
			return p.vague(a, n)
		}
		return amount{}, none, t.end
	case isIn(vague, w):
		return p.vague(a, t)
	}
	s := p.spell(t, startSpell())
	if s.last == cNone {
		return amount{}, none, t.end
	}
	return p.spelled(a, s)
}

// isScale reports whether t is "hundred", "dozen" or a scale word:
// what may follow "a", "half a", "several".
func (p *parser) isScale(t token) bool {
	nw, ok := lookup(numWords, p.str(t))
	return t.kind == word && ok && !nw.ordinal && (nw.class == cHundred || nw.class == cScale || nw.class == cDozen)
}

// spelled finishes the number a whose words s has read: an ordinal, a
// fraction ("two-thirds"), a mixed number ("two and a half"), a spoken
// decimal ("ninety point zero five"), or the hour and minutes of a
// clock time or the two halves of a year ("six forty", "nineteen
// ninety-eight"), which are skipped.
func (p *parser) spelled(a amount, s spell) (amount, verdict, int) {
	a.end, a.mant, a.hasVal = s.end, s.value(), true
	a.day = a.mant >= 1 && a.mant <= 31 && a.mant == float64(int(a.mant))
	if s.ordinal {
		if s.mult == a.mant && (a.mant == 100 || a.mant == 1e3 || a.mant == 1e6) &&
			!strings.EqualFold(prevWord(p.text, a.start), "the") {
			// "one hundredth of a percent", but "the one hundredth day"
			a.setQuotient(0, 1, uint64(a.mant))
			return p.hyphenated(a)
		}
		a.label = corpus.ORDINAL
		return p.hyphenated(a)
	}
	if end, ok := p.pairOfNumbers(s); ok {
		return amount{}, skip, end
	}
	if p.countFraction(&a, a.mant, a.end) || p.mixed(&a, a.mant, a.end, false) || p.point(&a, a.mant, a.end, true) {
		p.spacedScale(&a, false) // "two and a half million"
	}
	return p.hyphenated(a)
}

// pairOfNumbers reports whether the number s, from 1 to 99, is followed
// by a tens word or "oh" and a digit, making an hour and its minutes or
// the two halves of a year ("six forty pm", "nineteen ninety-eight",
// "twenty twenty", "nineteen oh five"), and returns the end.
func (p *parser) pairOfNumbers(s spell) (int, bool) {
	if s.total != 0 || s.cur < 1 || s.cur > 99 || s.last == cHundred || s.last == cDozen || s.last == cScore {
		return 0, false
	}
	n := p.lex(s.end)
	if n.nl || n.glued || n.kind != word {
		return 0, false
	}
	if p.is(n, "oh") {
		d := p.lex(n.end)
		nw, ok := lookup(numWords, p.str(d))
		if d.nl || d.kind != word || !ok || nw.class != cUnit || nw.ordinal {
			return 0, false
		}
		return d.end, true
	}
	if nw, ok := lookup(numWords, p.str(n)); !ok || nw.class != cTens {
		return 0, false
	}
	return p.spell(n, startSpell()).end, true
}

// negative reads a number after "minus" or "negative" at t.
func (p *parser) negative(a amount, t token) (amount, verdict, int) {
	n := p.lex(t.end)
	if n.nl || n.kind == eof {
		return amount{}, none, t.end
	}
	b, v, next := p.amount(n, true)
	if v != found || !b.hasVal || b.label == corpus.ORDINAL {
		return amount{}, v, max(next, t.end)
	}
	b.start, b.neg = a.start, !b.neg
	return b, found, b.end
}

// pointAlone reads a decimal with no whole part: "point 45". After a
// determiner "point" is a noun: "at this point 300 people".
func (p *parser) pointAlone(a amount, t token) (amount, verdict, int) {
	if isIn(determiners, prevWord(p.text, t.start)) {
		return amount{}, none, t.end
	}
	d, k, end, ok := p.decimals(t.end)
	if !ok {
		return amount{}, none, t.end
	}
	a.mant, a.frac, a.end, a.hasVal = d, k, end, true
	p.spacedScale(&a, false)
	return a, found, a.end
}

// article reads a number that starts with "a" or "an": "a dozen", "a
// hundred and two", "a third of", "a quarter", "an eighth", "a
// thousandth", "a couple of", "a pair of", "a few thousand".
func (p *parser) article(a amount, t token) (amount, verdict, int) {
	n := p.lex(t.end)
	if n.nl || n.kind != word {
		return amount{}, none, t.end
	}
	a.article = true
	switch {
	case p.is(n, "few"):
		if m := p.lex(n.end); !m.nl && p.isScale(m) {
			a.end = m.end
			return a, found, a.end
		}
		return amount{}, none, t.end
	case p.is(n, "couple"), p.is(n, "pair"):
		return p.couple(a, t, n)
	case p.isScale(n):
		return p.spelled(a, p.spell(n, digitSpell(1, cUnit)))
	}
	d, ok := lookup(denominators, p.str(n))
	if !ok || d.plural {
		return amount{}, none, t.end
	}
	if d.den != 2 && d.den != 4 {
		// "a third of them", "a thousandth", but "a third time"
		if m := p.lex(n.end); m.kind == word && !m.nl && !p.is(m, "of") {
			return amount{}, none, t.end
		}
	}
	a.setQuotient(0, 1, uint64(d.den))
	a.end = n.end
	if and, at := prevWordAt(p.text, t.start); strings.EqualFold(and, "and") && isTimeWord(prevWord(p.text, at)) {
		return amount{}, skip, a.end // "an hour and a half": a duration
	}
	p.spacedScale(&a, false) // "a quarter million"
	return p.hyphenated(a)
}

// couple reads "a couple" (about 2) and "a pair" (2) at t and n: before
// "of", and for "a couple" before "more" or a scale word ("a couple
// hundred"). Before a unit of time the whole is a duration: "a couple
// of days".
func (p *parser) couple(a amount, t, n token) (amount, verdict, int) {
	a.mant, a.hasVal, a.end = 2, true, n.end
	pair := p.is(n, "pair")
	if !pair {
		a.mod = corpus.About
	}
	m := p.lex(n.end)
	switch {
	case m.nl:
		return amount{}, none, t.end
	case p.is(m, "of"):
		if end, ok := p.ofTime(n.end, false); ok {
			return amount{}, skip, end
		}
		if s := p.lex(m.end); !pair && !s.nl && p.isScale(s) {
			// "a couple of hundred"
			nw, _ := lookup(numWords, p.str(s))
			a.factor, a.end = nw.val, s.end
		}
		return a, found, a.end
	case pair:
	case p.is(m, "more"):
		return a, found, a.end
	case p.isScale(m):
		nw, _ := lookup(numWords, p.str(m))
		a.factor, a.end = nw.val, m.end
		return a, found, a.end
	default:
		if s, end, ok := p.suffix(n.end); ok && s.time {
			return amount{}, skip, end // "a couple days"
		}
	}
	return amount{}, none, t.end
}

// ofTime reports whether "of", "a" or "an" and a unit of time follow
// byte i ("a quarter of an hour", "three hundredths of a second"), and
// returns their end. With article unset it may be left out, as after a
// count ("a couple of days").
func (p *parser) ofTime(i int, article bool) (int, bool) {
	of := p.lex(i)
	if of.nl || !p.is(of, "of") {
		return 0, false
	}
	at := of.end
	if d := p.lex(at); !d.nl && (p.is(d, "a") || p.is(d, "an")) {
		at = d.end
	} else if article {
		return 0, false
	}
	s, end, ok := p.suffix(at)
	return end, ok && s.time
}

// half reads "half" at t: "half a million" (500000), "half a dozen", and
// alone a fraction ("half of them" is 0.5). "half an hour", "half past
// ten" and "half-time" are skipped, by amount, at and hyphenated, and
// "at half nine" (half past nine) here.
func (p *parser) half(a amount, t token) (amount, verdict, int) {
	a.setQuotient(0, 1, 2)
	if strings.EqualFold(prevWord(p.text, t.start), "at") {
		if h, end, ok := p.hour(p.lex(t.end)); ok && h <= 24 {
			return amount{}, skip, end
		}
	}
	if n := p.lex(t.end); (p.is(n, "a") || p.is(n, "an")) && !n.nl {
		if m := p.lex(n.end); !m.nl && p.isScale(m) {
			nw, _ := lookup(numWords, p.str(m))
			a.factor, a.end, a.fraction = nw.val, m.end, false
			return p.hyphenated(a)
		}
		if s, end, ok := p.suffix(n.end); ok && s.time {
			return amount{}, skip, end // "half an hour"
		}
	}
	return p.hyphenated(a)
}

// vague reads "hundreds", "hundreds of thousands", from the word at n
// on; a starts the span.
func (p *parser) vague(a amount, n token) (amount, verdict, int) {
	a.end = n.end
	for {
		of := p.lex(a.end)
		m := p.lex(of.end)
		if !p.is(of, "of") || of.nl || m.nl || m.kind != word || !isIn(vague, p.str(m)) {
			break
		}
		a.end = m.end
	}
	return a, found, a.end
}

// hyphenated looks at a hyphenated word after the number a:
// "two-day" and "10-year-old" (a date: skip), "2-thirds" (digits and
// a fraction word: skip), "50-kilometre" (a unit), "300-plus" (more
// than), "half-past ten" (a time: skip); a fraction before any other
// word is no number ("half-time", "a quarter-final"), and anything
// else ("300-strong") leaves the number alone.
func (p *parser) hyphenated(a amount) (amount, verdict, int) {
	text := p.text
	e := a.end
	if e+1 >= len(text) || text[e] != '-' || !isLetter(text[e+1]) {
		return a, found, a.end
	}
	we := scanWord(text, e+1)
	w := text[e+1 : we]
	if ss, ok := lookup(suffixByFirst, w); ok {
		for _, s := range ss {
			if len(s.words) != 1 {
				continue
			}
			if end, ok := p.phrase(token{start: e + 1, end: we, kind: word}, s.words, s.exact); ok {
				switch {
				case s.time:
					return amount{}, skip, skipGlued(text, a.start)
				case a.label == corpus.CARDINAL && a.hasVal && s.label == corpus.QUANTITY:
					a.label, a.unit, a.end = s.label, s.unit, end
				}
				return a, found, a.end
			}
		}
	}
	_, denom := lookup(denominators, w)
	switch {
	case denom:
		return amount{}, skip, we
	case a.fraction && strings.EqualFold(w, "past"):
		if _, end, ok := p.hour(p.lex(we)); ok {
			return amount{}, skip, end
		}
		return amount{}, none, we
	case a.fraction:
		return amount{}, none, we
	case a.spelled && a.hasVal && a.mant == 0 && !isNumberWord(w):
		return amount{}, none, we // "zero-sum", "nil-by-mouth", but "nil-nil"
	case strings.EqualFold(w, "plus") && a.label == corpus.CARDINAL:
		a.mod, a.end = corpus.Over, we
	}
	return a, found, a.end
}

// isTimeWord reports whether w is a unit of time: "hours", "day".
func isTimeWord(w string) bool {
	ss, _ := lookup(suffixByFirst, w)
	for _, s := range ss {
		if s.time && len(s.words) == 1 {
			return true
		}
	}
	return false
}

// isNumberWord reports whether w is a number word: "nil", "two".
func isNumberWord(w string) bool {
	_, ok := lookup(numWords, w)
	return ok
}

// pronoun reports whether "one" at start:end is a pronoun: "the one
// who", "no one", "one another".
func (p *parser) pronoun(start, end int) bool {
	w := prevWord(p.text, start)
	if nw, ok := lookup(numWords, w); isIn(pronounDets, w) || ok && nw.ordinal {
		return true
	}
	n := p.lex(end)
	return !n.nl && p.is(n, "another")
}
