package numbers

import (
	"math"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// verdict is what a parse found at a position.
type verdict uint8

const (
	none  verdict = iota // no number here
	found                // a number
	skip                 // a number that is part of a date, a time or an identifier: not ours
)

// amount is one number as printed, with its currency sign, scale word
// and unit, in bytes. Its value is mant·factor/10^frac, kept apart so that
// "1.2bn" is 1200000000 exactly.
type amount struct {
	start, end int
	mant       float64 // the digits as an integer: 12 for "1.2"
	frac       int     // digits after the decimal point
	factor     float64 // the product of the scale words, 1 if none
	hasVal     bool    // false for "dozens", "hundreds"
	label      corpus.Label
	unit       string
	mod        corpus.Modifier // from a trailing "-plus"
	spelled    bool            // written in words
	article    bool            // begins with "a": "a thousand"
	year       bool            // four plain digits from 1000 to 2099
	day        bool            // an integer from 1 to 31, maybe ordinal
	neg        bool            // after a minus sign or word
	fraction   bool            // a fraction or a mixed number: "3/8", "two and a half"
}

// value returns mant·factor·10^-frac; frac is negative after an
// exponent ("6.02 × 10^23").
func (a *amount) value() float64 {
	v := a.mant * a.factor
	switch {
	case a.frac > 22 || a.frac < -22:
		v = scaleExact(v, -a.frac)
	case a.frac > 0:
		v /= pow10(a.frac)
	case a.frac < 0:
		v *= pow10(-a.frac)
	}
	if a.neg {
		return -v
	}
	return v
}

// scaleExact returns v·10^e rounded once, as the decimal would be: past
// 10^22 powers of ten are not exact floats, so the product is parsed.
// Only numbers in scientific notation get here.
func scaleExact(v float64, e int) float64 {
	var buf [64]byte
	b := strconv.AppendFloat(buf[:0], v, 'f', -1, 64)
	b = append(b, 'e')
	b = strconv.AppendInt(b, int64(e), 10)
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return math.Inf(1) // out of range: no mention
	}
	return f
}

// base returns the value before the scale: 10 for "10 million".
func (a *amount) base() float64 { return a.mant / pow10(max(a.frac, 0)) }

// pow10 returns 10^n, exactly for n up to 22.
func pow10(n int) float64 { return math.Pow10(n) }

// mention is a found mention in bytes.
type mention struct {
	start, end int
	label      corpus.Label
	val        float64
	hasVal     bool
	mod        corpus.Modifier
	unit       string
}

// parser reads number mentions. It holds only the text, so each call of
// Find has its own.
type parser struct {
	text string
}

func (p *parser) lex(i int) token    { return lex(p.text, i) }
func (p *parser) str(t token) string { return p.text[t.start:t.end] }

// is reports whether t is the word w, in any case.
func (p *parser) is(t token, w string) bool {
	return t.kind == word && strings.EqualFold(p.str(t), w)
}

// isSym reports whether t is the symbol s.
func (p *parser) isSym(t token, s string) bool {
	return t.kind == sym && p.str(t) == s
}

// candidate reports whether a mention may start at t.
func (p *parser) candidate(t token) bool {
	switch t.kind {
	case digits:
		return true
	case sym:
		s := p.str(t)
		if _, ok := prefixSigns[s]; ok {
			return true
		}
		if _, ok := vulgar[s]; ok {
			return true
		}
		return p.minusSign(t) // "-$5"
	case word:
		w := p.str(t)
		if mayTrigger(w) {
			if ok, _ := lookup(triggers, w); ok {
				return true
			}
		}
		if len(w) == 3 && isUpper(w[0]) && codes[w] {
			return true
		}
		if t.end < len(p.text) && p.text[t.end] == '$' {
			_, ok := dollarPrefixes[w]
			return ok
		}
	}
	return false
}

// minusSign reports whether t is a minus sign glued to a currency sign
// and not to a word or number before it: "-$5", "−£3".
func (p *parser) minusSign(t token) bool {
	if minusLen(p.text, t.start) != t.end-t.start || t.start > 0 && isAlnum(p.text[t.start-1]) {
		return false
	}
	n := p.lex(t.end)
	_, ok := prefixSigns[p.str(n)]
	return ok && n.glued && n.kind == sym
}

// at reads the mention starting at t. It returns the mention and true,
// or false and the byte to go on from.
func (p *parser) at(t token) (mention, bool, int) {
	start := t.start
	mod := corpus.Exact
	first := t
	modified := false
	if md, end, ok := p.modifier(t); ok {
		n := p.lex(end)
		if n.nl || n.kind == eof {
			return mention{}, false, t.end
		}
		mod, first, modified = md, n, true
	}
	a, v, next := p.amount(first, modified)
	switch {
	case v == skip:
		return mention{}, false, next
	case v == none || modified && a.label == corpus.ORDINAL:
		return mention{}, false, t.end
	}
	if !modified {
		start = a.start
	}
	r := a
	end := a.end
	year := a.year
	switch mod {
	case corpus.Range: // between X and Y
		if and := p.lex(a.end); p.is(and, "and") && !and.nl {
			if n := p.lex(and.end); !n.nl {
				b, v2, next2 := p.amount(n, true)
				if v2 == skip {
					return mention{}, false, next2
				}
				if j, ok := join(a, b, false); v2 == found && ok {
					r, end, year = j, b.end, year || b.year
				}
			}
		}
		if end == a.end { // "between 20" and no more: the number alone
			mod, start = corpus.Exact, a.start
		}
	case corpus.Exact:
		if e, ok := p.clock(a); ok {
			return mention{}, false, e // "half past ten", "a quarter to 6"
		}
		// X to Y, X or Y, X-Y, X–Y
		sep := p.lex(a.end)
		hyphen := p.isSym(sep, "-") && sep.glued
		if !sep.nl && (p.is(sep, "to") || p.is(sep, "or") || hyphen || p.isSym(sep, "–")) {
			n := p.lex(sep.end)
			if !n.nl && (!hyphen || n.glued) {
				b, v2, next2 := p.amount(n, true)
				if v2 == skip {
					return mention{}, false, next2
				}
				if j, ok := join(a, b, true); v2 == found && ok {
					r, end, year, mod = j, b.end, year || b.year, corpus.Range
				}
			}
			if mod == corpus.Range && hyphen && end+1 < len(p.text) && p.text[end] == '-' && isDigit(p.text[end+1]) {
				return mention{}, false, skipGlued(p.text, a.start) // "1-800-555-0199"
			}
			if mod == corpus.Exact && hyphen && n.kind == digits && n.glued {
				// "4-3", "1-800-555", "2015-16": not a range of counts
				return mention{}, false, skipGlued(p.text, a.start)
			}
		}
		if mod == corpus.Exact {
			if md, e, ok := p.postModifier(a.end); ok {
				mod, end = md, e
			} else {
				mod = a.mod
			}
		}
	}

	if r.label == corpus.ORDINAL && mod == corpus.Exact {
		if e, ok := p.ordinalDate(r); ok {
			return mention{}, false, e
		}
	}
	if r.label == corpus.CARDINAL || r.label == corpus.ORDINAL {
		switch {
		case r.spelled && !r.article && (mod == corpus.Exact || mod == corpus.About) && p.spelledYear(r):
			return mention{}, false, end // "in two thousand and nine": DATE
		case r.spelled && r.label == corpus.ORDINAL && strings.EqualFold(prevWord(p.text, start), "per"):
			return mention{}, false, end // "metres per second": a unit
		case year && (mod == corpus.Exact || mod == corpus.About || mod == corpus.Range):
			return mention{}, false, end // a year: DATE
		case r.day && (mod == corpus.Exact || mod == corpus.Range) && p.nextToMonth(start, end):
			return mention{}, false, end // "April 7", "7 April": DATE
		case isIn(ageWords, prevWord(p.text, start)):
			return mention{}, false, end // an age: DATE
		case r.spelled && mod == corpus.Exact && strings.EqualFold(p.text[start:end], "one") && p.pronoun(start, end):
			return mention{}, false, end
		}
	}
	if inURL(p.text, start) {
		return mention{}, false, skipGlued(p.text, start)
	}
	m := mention{start: start, end: end, label: r.label, hasVal: r.hasVal, mod: mod, unit: r.unit}
	if r.hasVal {
		m.val = r.value()
		if math.IsInf(m.val, 0) || math.IsNaN(m.val) {
			return mention{}, false, end
		}
	}
	return m, true, end
}

// join makes the range from a to b. Labels and units must agree, or one
// side have none ("50 to 60 km"). A scale word on the high end only
// applies to the low end too ("5 to 10 million" starts at 5000000). When
// ordered, the low end must be below the high end.
func join(a, b amount, ordered bool) (amount, bool) {
	if !a.hasVal || !b.hasVal || a.label == corpus.ORDINAL || b.label == corpus.ORDINAL {
		return a, false
	}
	switch {
	case a.label == corpus.CARDINAL:
		a.label, a.unit = b.label, b.unit
	case b.label == corpus.CARDINAL && a.label != corpus.MONEY:
		// "1.2% to 2,750": a percent or a measure repeats its unit
		// on the high end; only money ("$5-10 million") may not
		return a, false
	case b.label != corpus.CARDINAL && (b.label != a.label || b.unit != a.unit):
		return a, false
	}
	if a.factor == 1 && b.factor > 1 && a.base() < b.base() {
		a.factor = b.factor
	}
	if ordered && !(a.value() < b.value()) {
		return a, false
	}
	a.end = b.end
	return a, true
}

// modifier reads a modifier phrase at t: "more than", "at least",
// "between". It returns the modifier and the end of the phrase.
func (p *parser) modifier(t token) (corpus.Modifier, int, bool) {
	if t.kind != word {
		return "", 0, false
	}
	ms, ok := lookup(modifiers, p.str(t))
	if !ok {
		return "", 0, false
	}
	for _, m := range ms {
		if end, ok := p.phrase(t, m.words, false); ok {
			if m.words[0] == "approx" && end < len(p.text) && p.text[end] == '.' {
				end++
			}
			return m.mod, end, true
		}
	}
	return "", 0, false
}

// postModifier reads "or more", "or so" at byte i.
func (p *parser) postModifier(i int) (corpus.Modifier, int, bool) {
	t := p.lex(i)
	if t.nl || !p.is(t, "or") {
		return "", 0, false
	}
	for _, m := range postModifiers {
		if end, ok := p.phrase(t, m.words, false); ok {
			return m.mod, end, true
		}
	}
	return "", 0, false
}

// phrase matches words from t on: words in any case (exactly, when
// exact), on one line; a symbol must be glued to what is before it. It
// returns the end of the last one.
func (p *parser) phrase(t token, words []string, exact bool) (int, bool) {
	for i, w := range words {
		if i > 0 {
			t = p.lex(t.end)
		}
		if t.nl && i > 0 {
			return 0, false
		}
		s := p.str(t)
		switch {
		case isLetter(w[0]):
			if t.kind != word || exact && s != w || !exact && !strings.EqualFold(s, w) {
				return 0, false
			}
		default:
			if s != w || i > 0 && !t.glued {
				return 0, false
			}
		}
	}
	return t.end, true
}

// amount reads a number at t with its currency sign, scale and unit.
// follow is set for a number after a modifier or inside a range, where
// what is glued before it has been looked at already.
func (p *parser) amount(t token, follow bool) (amount, verdict, int) {
	text := p.text
	start := t.start
	currency := ""
	neg := false
	if t.kind == sym && p.minusSign(t) { // "-$5"
		neg, t = true, p.lex(t.end)
	}
	switch t.kind {
	case sym:
		currency = prefixSigns[p.str(t)]
		if currency == "" {
			break // a fraction character: "½"
		}
		t = p.lex(t.end)
		follow = true
	case word:
		w := p.str(t)
		if c, ok := dollarPrefixes[w]; ok && t.end < len(text) && text[t.end] == '$' {
			currency = c
			t = p.lex(t.end + 1)
			follow = true
		} else if len(w) == 3 && codes[w] {
			currency = w
			t = p.lex(t.end)
			if t.kind != digits {
				return amount{}, none, start + 3
			}
			follow = true
		}
	}
	if currency != "" && (t.nl || t.kind != digits && t.kind != word) {
		return amount{}, none, t.start
	}
	a, v, next := p.number(t, currency != "", follow)
	if v != found {
		return a, v, next
	}
	a.start = start
	a.neg = a.neg != neg
	if currency != "" {
		a.label, a.unit = corpus.MONEY, currency
		return a, found, a.end
	}
	if a.fraction {
		if end, ok := p.ofTime(a.end, true); ok {
			return a, skip, end // "three hundredths of a second"
		}
	}
	if a.label == corpus.QUANTITY {
		if a.unit == "m" { // "5m dollars": million after all
			if s, end, ok := p.suffix(a.end); ok && s.label == corpus.MONEY {
				a.label, a.unit, a.factor, a.end = corpus.MONEY, s.unit, 1e6, end
				a.frac += s.shift
			}
		}
		return a, found, a.end
	}

	// What follows the number.
	at := a.end
	if !a.hasVal { // "millions of dollars", "hundreds of years"
		of := p.lex(a.end)
		if !p.is(of, "of") || of.nl {
			return a, found, a.end
		}
		at = of.end
	}
	s, end, ok := p.suffix(at)
	switch {
	case !ok:
	case s.time:
		return a, skip, end
	case a.label == corpus.ORDINAL:
	case !a.hasVal && s.label != corpus.MONEY:
	default:
		a.label, a.unit, a.end = s.label, s.unit, end
		a.frac += s.shift
	}
	return a, found, a.end
}

// suffix reads a suffix at byte i: "%", "percent", "dollars", "km",
// "days".
func (p *parser) suffix(i int) (*suffix, int, bool) {
	t := p.lex(i)
	if t.nl || t.kind == eof || t.kind == digits {
		return nil, 0, false
	}
	var ss []*suffix
	if t.kind == word {
		ss, _ = lookup(suffixByFirst, p.str(t))
	} else {
		ss = suffixByFirst[p.str(t)]
	}
	for _, s := range ss {
		if end, ok := p.phrase(t, s.words, s.exact); ok {
			return s, end, true
		}
	}
	return nil, 0, false
}

// number reads a bare number at t: digits with what is glued to them and
// a scale word, a spelled-out number, or a vague magnitude. money is set
// after a currency sign, where "m" means million.
func (p *parser) number(t token, money, follow bool) (amount, verdict, int) {
	switch t.kind {
	case digits:
		return p.digits(t, money, follow)
	case word:
		return p.words(t, follow)
	case sym:
		return p.vulgar(t, follow)
	}
	return amount{}, none, t.end
}

// vulgar reads a Unicode fraction character standing alone: "¾ of
// them".
func (p *parser) vulgar(t token, follow bool) (amount, verdict, int) {
	num, den, size := vulgarAt(p.text, t.start)
	if size == 0 || !follow && t.start > 0 && isAlnum(p.text[t.start-1]) {
		return amount{}, none, t.end
	}
	a := amount{start: t.start, end: t.start + size, factor: 1, label: corpus.CARDINAL}
	a.setQuotient(0, num, den)
	if goesOn(p.text, a.end) {
		return amount{}, skip, skipGlued(p.text, a.end)
	}
	p.spacedScale(&a, false)
	return a, found, a.end
}

// digits reads a number written in digits at t.
func (p *parser) digits(t token, money, follow bool) (amount, verdict, int) {
	text := p.text
	s, e := t.start, t.end
	if !follow && gluedLeft(text, s) {
		return amount{}, skip, skipGlued(text, s)
	}
	a := amount{start: s, end: e, factor: 1, hasVal: true, label: corpus.CARDINAL}
	ds := s + minusLen(text, s)
	a.neg = ds > s
	integer := true // digits only, maybe signed
	n := 0          // significant digits
	dot, exp := false, -1
scan:
	for i := ds; i < e; i++ {
		switch c := text[i]; {
		case isDigit(c):
			a.mant = a.mant*10 + float64(c-'0')
			if n > 0 || c != '0' {
				n++
			}
			if dot {
				a.frac++
			}
		case c == '.':
			integer, dot = false, true
		case c == 'e' || c == 'E':
			exp = i
			break scan
		default: // a group separator
			integer = false
		}
	}
	if n > 15 || a.frac > 15 { // no count; and past 2^53 the arithmetic is no longer exact
		return amount{}, skip, skipGlued(text, s)
	}
	plain := integer && !a.neg
	if exp >= 0 {
		if !integer && !dot || !a.exponent(text, ds, exp, e) {
			return amount{}, skip, skipGlued(text, s)
		}
		integer, plain = false, false
	}
	a.year = plain && e-s == 4 && text[s] != '0' && a.mant <= 2099
	a.day = plain && e-s <= 2 && a.mant >= 1 && a.mant <= 31
	if plain && e-s == 8 && isDate8(text[s:e]) {
		return amount{}, skip, e // "20170923"
	}

	// Letters glued on: "21st", "5km", "1.2bn", "5m", "1990s".
	if e < len(text) && isLetter(text[e]) {
		le := e
		for le < len(text) && isLetter(text[le]) {
			le++
		}
		suf := text[e:le]
		g, ok := lookup(glued, suf)
		f, scale := gluedCase[suf]
		if suf == "G" && plain && e-s == 1 { // "5G": a network
			scale = false
		}
		switch {
		case plain && isOrdinalSuffix(suf):
			a.label, a.end, a.year = corpus.ORDINAL, le, false
		case scale:
			a.factor, a.end, a.year, a.day = f, le, false, false
		case !ok || g.time || g.unit != "" && suf != strings.ToLower(suf) || g.letter && !money && integer:
			// unknown letters, a time, a decade ("1990s"), or a unit
			// in capitals ("5G"): not a count
			return amount{}, skip, skipGlued(text, s)
		case g.factor > 0 || suf == "m" && (money || !p.metres(le)):
			// "m" is million after a currency sign or unless a word
			// of size or distance follows: "1.5m barrels", but "5m
			// high", "10m-long"
			a.factor = g.factor
			if g.factor == 0 {
				a.factor = 1e6
			}
			a.end, a.year, a.day = le, false, false
		default:
			a.label, a.unit, a.end = corpus.QUANTITY, g.unit, le
			if g.square && le < len(text) {
				switch {
				case text[le] == '2':
					a.unit, a.end = g.unit+"2", le+1
				case strings.HasPrefix(text[le:], "²"):
					a.unit, a.end = g.unit+"2", le+len("²")
				}
			}
		}
	}
	if integer && a.end == e && e < len(text) && text[e] == '/' {
		// "3/8" is a fraction, "17/09" and "on 3/8" dates
		num, den, end, ok := p.slashFraction(ds)
		if !ok || isIn(dayDateWords, prevWord(text, s)) {
			return amount{}, skip, skipGlued(text, s)
		}
		a.setQuotient(0, num, den)
		a.end, integer = end, false
	}
	if goesOn(text, a.end) {
		return amount{}, skip, skipGlued(text, s)
	}
	if a.label == corpus.CARDINAL && a.factor == 1 && a.end == e {
		switch {
		case integer && (p.mixed(&a, a.mant, e, true) || p.point(&a, a.mant, e, false)):
			// "4 1/2", "4½", "2 and a half", "3 point 2"
		case integer && a.mant <= 999 && p.spellOn(&a):
			return p.hyphenated(a) // "3 million two hundred", "20 thousand million"
		}
		p.spacedScale(&a, money)
	}
	p.timesTen(&a)
	return p.hyphenated(a)
}

// exponent reads the exponent of the number whose digits start at ds and
// whose "e" is at x: "6.02e+23", "1E-3". The value is parsed from the
// text, so that it is the printed decimal exactly. It reports false for
// exponents beyond the range of a float64.
func (a *amount) exponent(text string, ds, x, e int) bool {
	ex, sign := 0, 1
	for i := x + 1; i < e; i++ {
		switch c := text[i]; c {
		case '-':
			sign = -1
		case '+':
		default:
			ex = ex*10 + int(c-'0')
		}
	}
	if ex*sign+(x-ds) > 300 || ex*sign < -300 {
		return false
	}
	v, err := strconv.ParseFloat(text[ds:e], 64)
	if err != nil {
		return false
	}
	a.mant, a.frac, a.year, a.day = v, 0, false, false
	return true
}

// timesTen reads a power of ten after the number a: "6.02 × 10^23", "5 x
// 10^-3".
func (p *parser) timesTen(a *amount) {
	if a.label != corpus.CARDINAL || a.factor != 1 || a.frac < 0 {
		return
	}
	x := p.lex(a.end)
	if x.nl || !p.isSym(x, "×") && !p.isSym(x, "*") && !p.is(x, "x") {
		return
	}
	ten := p.lex(x.end)
	i := ten.end
	if ten.nl || ten.kind != digits || p.str(ten) != "10" || i >= len(p.text) || p.text[i] != '^' {
		return
	}
	i++
	sign := 1
	if i < len(p.text) && (p.text[i] == '-' || p.text[i] == '+') {
		if p.text[i] == '-' {
			sign = -1
		}
		i++
	}
	ex, d := 0, i
	for i < len(p.text) && isDigit(p.text[i]) && i-d < 3 {
		ex = ex*10 + int(p.text[i]-'0')
		i++
	}
	if i == d || goesOn(p.text, i) {
		return
	}
	a.frac -= sign * ex
	a.end, a.year, a.day = i, false, false
}

// spellOn reads number words after the digits of a ("3 million two
// hundred", "2 hundred", "4 dozen") and reports whether there were any.
// A single scale is kept as the factor, so that "5 to 10 million" can
// pass it to the low end.
func (p *parser) spellOn(a *amount) bool {
	n := p.lex(a.end)
	if n.nl || n.glued || n.kind != word {
		return false
	}
	s := p.spell(n, digitSpell(a.mant, cDigits))
	if s.end == 0 {
		return false
	}
	if s.additive || s.ordinal {
		a.mant = s.value()
	} else {
		a.factor = s.mult
	}
	if s.ordinal {
		a.label = corpus.ORDINAL
	}
	a.end, a.year, a.day = s.end, false, false
	return true
}

// spacedScale reads a multiplier written after a number: "2.5 million",
// "$5 m", "2,310.5 G", "40 lakh".
func (p *parser) spacedScale(a *amount, money bool) {
	n := p.lex(a.end)
	if n.kind != word || n.nl || n.glued {
		return
	}
	w := p.str(n)
	f, ok := spacedCase[w]
	if ok && w == "G" && a.mant < 10 && a.frac == 0 {
		return // "5 G": a network
	}
	if !ok {
		f, ok = lookup(spacedScales, w)
		ok = ok && (w != "m" || money)
	}
	if ok {
		a.factor, a.end, a.year, a.day = f, n.end, false, false
	}
}

// isDate8 reports whether the eight digits s are a date from 1900 to
// 2099: "20170923".
func isDate8(s string) bool {
	y := atoi(s[:4])
	m := atoi(s[4:6])
	d := atoi(s[6:])
	return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// metres reports whether what follows the "m" glued to a number that
// ends at i makes it metres: a word of size or distance ("5m high", "5m
// away") or a hyphenated word ("10m-long").
func (p *parser) metres(i int) bool {
	if i < len(p.text) && p.text[i] == '-' {
		return true
	}
	n := p.lex(i)
	return !n.nl && n.kind == word && isIn(dimensions, p.str(n))
}

// gluedLeft reports whether the digits at s go on from what is before
// them: "F-16", "abc123", "#1", "24/7", "17:53" (at 53).
func gluedLeft(text string, s int) bool {
	if s == 0 {
		return false
	}
	switch c := text[s-1]; c {
	case '_', '#', '@', '+':
		return true
	case '-', '/', '.':
		return s >= 2 && isAlnum(text[s-2])
	case ':':
		return s >= 2 && isDigit(text[s-2])
	default:
		return isAlnum(c)
	}
}

func isOrdinalSuffix(s string) bool {
	switch s {
	case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
		return true
	}
	return false
}

// isIn reports whether the lower-cased word w is in the set m.
func isIn(m map[string]bool, w string) bool {
	v, _ := lookup(m, w)
	return v
}
