package numbers

import (
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
	year       bool            // four plain digits from 1000 to 2099
	day        bool            // an integer from 1 to 31, maybe ordinal
}

func (a *amount) value() float64 { return a.mant * a.factor / pow10(a.frac) }

func pow10(n int) float64 {
	p := 1.0
	for range n {
		p *= 10
	}
	return p
}

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
		_, ok := prefixSigns[p.str(t)]
		return ok
	case word:
		w := p.str(t)
		if ok, _ := lookup(triggers, w); ok {
			return true
		}
		if len(w) == 3 && codes[w] {
			return true
		}
		if _, ok := dollarPrefixes[w]; ok && t.end < len(p.text) && p.text[t.end] == '$' {
			return true
		}
	}
	return false
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

	if r.label == corpus.CARDINAL || r.label == corpus.ORDINAL {
		switch {
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
	if a.factor == 1 && b.factor > 1 && a.mant/pow10(a.frac) < b.mant/pow10(b.frac) {
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
	switch t.kind {
	case sym:
		currency = prefixSigns[p.str(t)]
		if currency == "" {
			return amount{}, none, t.end
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
	if currency != "" {
		a.label, a.unit = corpus.MONEY, currency
		return a, found, a.end
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
	}
	return amount{}, none, t.end
}

// digits reads a number written in digits at t.
func (p *parser) digits(t token, money, follow bool) (amount, verdict, int) {
	text := p.text
	s, e := t.start, t.end
	if !follow && gluedLeft(text, s) {
		return amount{}, skip, skipGlued(text, s)
	}
	a := amount{start: s, end: e, factor: 1, hasVal: true, label: corpus.CARDINAL}
	plain := true
	n := 0 // significant digits
	dot := false
	for i := s; i < e; i++ {
		switch c := text[i]; c {
		case '.':
			plain, dot = false, true
		case ',':
			plain = false
		default:
			a.mant = a.mant*10 + float64(c-'0')
			if n > 0 || c != '0' {
				n++
			}
			if dot {
				a.frac++
			}
		}
	}
	if n > 15 || a.frac > 15 { // no count; and past 2^53 the arithmetic is no longer exact
		return amount{}, skip, skipGlued(text, s)
	}
	a.year = plain && e-s == 4 && text[s] != '0' && a.mant <= 2099
	a.day = plain && e-s <= 2 && a.mant >= 1 && a.mant <= 31

	// Letters glued on: "21st", "5km", "1.2bn", "5m", "1990s".
	if e < len(text) && isLetter(text[e]) {
		le := e
		for le < len(text) && isLetter(text[le]) {
			le++
		}
		suf := text[e:le]
		g, ok := lookup(glued, suf)
		switch {
		case plain && isOrdinalSuffix(suf):
			a.label, a.end, a.year = corpus.ORDINAL, le, false
		case !ok || g.time || g.moneyOnly && !money || g.unit != "" && suf != "M" && suf != strings.ToLower(suf):
			// unknown letters, a time, a decade ("1990s"), or a unit
			// in capitals ("5G"): not a count
			return amount{}, skip, skipGlued(text, s)
		case g.factor > 0 || suf == "M" || suf == "m" && (money || !p.metres(le)):
			// "M" is million; so is "m" after a currency sign or
			// unless a word of size or distance follows: "1.5m
			// barrels", but "5m high", "10m-long"
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
	// What follows must not go on with the token: "17:53", "7/4",
	// "1.2.3", "5kx".
	if e := a.end; e < len(text) {
		c := text[e]
		if isAlnum(c) || c == '_' ||
			(c == ':' || c == '/' || c == '.' || c == ',') && e+1 < len(text) && isDigit(text[e+1]) {
			return amount{}, skip, skipGlued(text, s)
		}
	}
	// A scale word: "2.5 million", "$5 m".
	if a.label == corpus.CARDINAL && a.factor == 1 {
		if n := p.lex(a.end); n.kind == word && !n.nl {
			w := p.str(n)
			if f, ok := lookup(spacedScales, w); ok && (w != "m" || money) {
				a.factor, a.end, a.year, a.day = f, n.end, false, false
			}
		}
	}
	return p.hyphenated(a)
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

// words reads a spelled-out number at t: "twenty-four", "three hundred
// and fifty", "a dozen", "half a million", "first", or a vague magnitude:
// "hundreds", "tens of thousands", "several hundred".
func (p *parser) words(t token, follow bool) (amount, verdict, int) {
	text := p.text
	if !follow && t.start > 0 {
		switch text[t.start-1] {
		case '@', '#', '_':
			return amount{}, none, t.end
		case '-':
			if t.start >= 2 && isAlnum(text[t.start-2]) {
				return amount{}, none, t.end
			}
		}
	}
	a := amount{start: t.start, end: t.end, factor: 1, label: corpus.CARDINAL, spelled: true}
	w := p.str(t)
	switch {
	case strings.EqualFold(w, "a"), strings.EqualFold(w, "half"),
		strings.EqualFold(w, "several"), strings.EqualFold(w, "few"):
		// "a dozen", "a hundred", "half a million"; and with no exact
		// value "a few hundred", "several thousand", "few dozen"
		exact := true
		n := p.lex(t.end)
		switch {
		case strings.EqualFold(w, "half"):
			if !p.is(n, "a") || n.nl {
				return amount{}, none, t.end
			}
			a.mant, a.frac = 5, 1
			n = p.lex(n.end)
		case strings.EqualFold(w, "a"):
			a.mant = 1
			if p.is(n, "few") && !n.nl {
				exact = false
				n = p.lex(n.end)
			}
		default:
			exact = false
		}
		nw, ok := lookup(numWords, p.str(n))
		if n.nl || n.kind != word || !ok || nw.ordinal || nw.class != cHundred && nw.class != cScale && nw.class != cDozen {
			return amount{}, none, t.end
		}
		a.end = n.end
		if !exact {
			a.mant = 0
			return a, found, a.end
		}
		a.factor, a.hasVal = nw.val, true
		return p.hyphenated(a)
	case strings.EqualFold(w, "tens"):
		of := p.lex(t.end)
		if n := p.lex(of.end); p.is(of, "of") && !of.nl && !n.nl && n.kind == word && isIn(vague, p.str(n)) {
			return p.vague(a, n)
		}
		return amount{}, none, t.end
	case isIn(vague, w):
		return p.vague(a, t)
	}

	// The number words one by one: cur is the part below a thousand,
	// total the rest.
	var total, cur float64
	last := cNone
	tok := t
loop:
	for {
		nw, ok := lookup(numWords, p.str(tok))
		if tok.kind != word || !ok || !follows(last, nw.class) {
			break
		}
		switch nw.class {
		case cUnit, cTeen, cTens:
			cur += nw.val
		case cHundred, cDozen:
			cur = max(cur, 1) * nw.val
		case cScale:
			total += max(cur, 1) * nw.val
			cur = 0
		}
		a.end, last = tok.end, nw.class
		if nw.ordinal {
			a.label = corpus.ORDINAL
			break
		}
		n := p.lex(tok.end)
		switch {
		case p.isSym(n, "-") && n.glued:
			// "twenty-four"; "one-third" stops at "one"
			n2 := p.lex(n.end)
			if n2.kind != word || !n2.glued {
				break loop
			}
			tok = n2
		case p.is(n, "and") && !n.nl && (last == cHundred || last == cScale):
			// "three hundred and fifty"
			n2 := p.lex(n.end)
			if nw2, ok := lookup(numWords, p.str(n2)); n2.nl || !ok || nw2.class > cTens {
				break loop
			}
			tok = n2
		case n.kind == word && !n.glued && !n.nl:
			tok = n
		default:
			break loop
		}
	}
	if last == cNone {
		return amount{}, none, t.end
	}
	a.mant, a.hasVal = total+cur, true
	a.day = a.mant >= 1 && a.mant <= 31
	return p.hyphenated(a)
}

// follows reports whether a number word of class c may come after one of
// class last in a spelled-out number.
func follows(last, c class) bool {
	switch last {
	case cNone:
		return c == cUnit || c == cTeen || c == cTens
	case cUnit, cTeen:
		return c == cHundred || c == cScale || c == cDozen
	case cTens:
		return c == cUnit || c == cScale || c == cHundred
	case cHundred:
		return c == cUnit || c == cTeen || c == cTens || c == cScale
	case cScale:
		return c == cUnit || c == cTeen || c == cTens
	}
	return false
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
// "two-day" and "10-year-old" (a date: skip), "two-thirds" (a fraction:
// skip), "50-kilometre" (a unit), "300-plus" (more than); anything else
// ("300-strong") leaves the number alone.
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
	switch {
	case isIn(fractions, w):
		return amount{}, skip, we
	case strings.EqualFold(w, "plus") && a.label == corpus.CARDINAL:
		a.mod, a.end = corpus.Over, we
	}
	return a, found, a.end
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

// isIn reports whether the lower-cased word w is in the set m.
func isIn(m map[string]bool, w string) bool {
	v, _ := lookup(m, w)
	return v
}
