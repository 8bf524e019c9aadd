package numbers

// Fractions, mixed numbers and spoken decimals. A fraction's value is
// the quotient rounded to 6 significant digits, half away from zero, as
// the guidelines say; it is computed in integers and kept as m/10^frac,
// so that it is the printed decimal exactly.

// maxWhole bounds the whole part of a mixed number, so that the integer
// arithmetic of quotient cannot overflow.
const maxWhole = 1e9

// quotient returns num/den rounded to 6 significant digits, half away
// from zero, as m/10^frac.
func quotient(num, den uint64) (float64, int) {
	m, r := num/den, num%den
	sig := ndigits(m)
	if sig > 6 {
		d := uint64(1)
		for range sig - 6 {
			d *= 10
		}
		q := m / d
		if 2*(m%d) >= d {
			q++
		}
		return float64(q * d), 0
	}
	frac := 0
	for sig < 6 && r != 0 {
		r *= 10
		m = m*10 + r/den
		r %= den
		frac++
		if m != 0 {
			sig++
		}
	}
	if 2*r >= den && r != 0 {
		m++
	}
	return float64(m), frac
}

// ndigits returns the number of decimal digits of m, 0 for 0.
func ndigits(m uint64) int {
	n := 0
	for ; m > 0; m /= 10 {
		n++
	}
	return n
}

// wholeOK reports whether w can be the whole part of a mixed number or
// the count of a fraction: an integer from 0 below maxWhole.
func wholeOK(w float64) bool { return w >= 0 && w < maxWhole && w == float64(uint64(w)) }

// setQuotient sets a's value to (w·den+num)/den.
func (a *amount) setQuotient(w float64, num, den uint64) {
	a.mant, a.frac = quotient(uint64(w)*den+num, den)
	a.fraction, a.hasVal, a.day, a.year = true, true, false, false
}

// denominatorAt reads the word that names the parts of a fraction after
// byte i, spaced or hyphenated: " thirds", "-quarters", " half".
func (p *parser) denominatorAt(i int) (denominator, int, bool) {
	n := p.lex(i)
	if p.isSym(n, "-") && n.glued {
		if n = p.lex(n.end); !n.glued {
			return denominator{}, 0, false
		}
	} else if n.nl || n.glued {
		return denominator{}, 0, false
	}
	if n.kind != word {
		return denominator{}, 0, false
	}
	d, ok := lookup(denominators, p.str(n))
	return d, n.end, ok
}

// countFraction reads a fraction made of the count c before byte i and
// a denominator, singular after one and plural after more: "one third",
// "two-sevenths", "three quarters". It sets a's value and end.
func (p *parser) countFraction(a *amount, c float64, i int) bool {
	d, end, ok := p.denominatorAt(i)
	if !ok || !wholeOK(c) || c == 0 || d.plural != (c > 1) {
		return false
	}
	a.setQuotient(0, uint64(c), uint64(d.den))
	a.end = end
	return true
}

// mixed reads the fraction that follows the whole number w ending at
// byte i: "4½", "4 ½", "4 1/2" (after digits only), "and a half", "and
// three quarters". It sets a's value and end.
func (p *parser) mixed(a *amount, w float64, i int, afterDigits bool) bool {
	if !wholeOK(w) || w >= 1000 { // "a million and a half" is not read
		return false
	}
	if num, den, size := vulgarAt(p.text, i); size > 0 && afterDigits {
		a.setQuotient(w, num, den)
		a.end = i + size
		return true
	}
	n := p.lex(i)
	if n.nl || n.glued {
		return false
	}
	if n.kind == sym {
		if num, den, size := vulgarAt(p.text, n.start); size > 0 {
			a.setQuotient(w, num, den)
			a.end = n.start + size
			return true
		}
		return false
	}
	if n.kind == digits && afterDigits {
		if num, den, end, ok := p.slashFraction(n.start); ok {
			a.setQuotient(w, num, den)
			a.end = end
			return true
		}
		return false
	}
	if !p.is(n, "and") {
		return false
	}
	c := p.lex(n.end)
	if c.nl || c.kind != word {
		return false
	}
	if p.is(c, "a") || p.is(c, "an") {
		d, end, ok := p.denominatorAt(c.end)
		if !ok || d.plural {
			return false
		}
		a.setQuotient(w, 1, uint64(d.den))
		a.end = end
		return true
	}
	s := p.spell(c, startSpell())
	d, end, ok := p.denominatorAt(s.end)
	if s.last == cNone || s.ordinal || !ok || !wholeOK(s.value()) || d.plural != (s.value() > 1) {
		return false
	}
	a.setQuotient(w, uint64(s.value()), uint64(d.den))
	a.end = end
	return true
}

// slashFraction reads "N/M" at byte i as a fraction: N below M, neither
// with a leading zero, M not a year, and nothing after that would make it
// a date or a code ("3/8", "40/100"; not "17/09", "24/7", "1/2/2016").
// Whether a date word comes before is the caller's to check.
func (p *parser) slashFraction(i int) (num, den uint64, end int, ok bool) {
	text := p.text
	j := i
	for j < len(text) && isDigit(text[j]) && j-i < 4 {
		num = num*10 + uint64(text[j]-'0')
		j++
	}
	if j == i || j >= len(text)-1 || text[j] != '/' || text[i] == '0' || text[j+1] == '0' {
		return 0, 0, 0, false
	}
	k := j + 1
	for k < len(text) && isDigit(text[k]) && k-j <= 4 {
		den = den*10 + uint64(text[k]-'0')
		k++
	}
	if k == j+1 || num >= den || den >= 1000 && den <= 2099 || goesOn(text, k) {
		return 0, 0, 0, false
	}
	return num, den, k, true
}

// goesOn reports whether the text at byte e goes on from a number before
// it, making it part of a date, a time or a code: "17:53", "7/4",
// "1.2.3", "5kx", "1-800".
func goesOn(text string, e int) bool {
	if e >= len(text) {
		return false
	}
	c := text[e]
	return isAlnum(c) || c == '_' ||
		(c == ':' || c == '/' || c == '.' || c == ',') && e+1 < len(text) && isDigit(text[e+1])
}

// vulgarAt returns the Unicode fraction character at byte i ("½") as
// numerator, denominator and length in bytes; the length is 0 if there
// is none.
func vulgarAt(text string, i int) (num, den uint64, size int) {
	if i >= len(text) || text[i] != 0xc2 && text[i] != 0xe2 {
		return 0, 0, 0
	}
	for _, n := range [...]int{2, 3} {
		if i+n <= len(text) {
			if f, ok := vulgar[text[i:i+n]]; ok {
				return f[0], f[1], n
			}
		}
	}
	return 0, 0, 0
}

// point reads a spoken decimal part after the whole number w ending at
// byte i: " point 45", " point zero five". After a whole in words the
// digits must be words too, so that "at one point 300 protesters" stays
// apart. It sets a's value and end.
func (p *parser) point(a *amount, w float64, i int, spelled bool) bool {
	n := p.lex(i)
	if n.nl || n.glued || !p.is(n, "point") || !wholeOK(w) {
		return false
	}
	if spelled && p.lex(n.end).kind == digits {
		return false
	}
	d, k, end, ok := p.decimals(n.end)
	if !ok || ndigits(uint64(w))+k > 15 {
		return false
	}
	a.mant, a.frac = w*pow10(k)+d, k
	a.end, a.hasVal, a.day, a.year = end, true, false, false
	return true
}

// decimals reads the digits after "point" at byte i: digits ("45") or
// one word for each digit ("zero five", "oh five"). It returns them as
// an integer and their count.
func (p *parser) decimals(i int) (float64, int, int, bool) {
	t := p.lex(i)
	if t.nl || t.glued {
		return 0, 0, 0, false
	}
	if t.kind == digits {
		v, k := 0.0, 0
		for j := t.start; j < t.end; j++ {
			if !isDigit(p.text[j]) {
				return 0, 0, 0, false
			}
			v, k = v*10+float64(p.text[j]-'0'), k+1
		}
		if k > 15 || goesOn(p.text, t.end) {
			return 0, 0, 0, false
		}
		return v, k, t.end, true
	}
	v, k, end := 0.0, 0, 0
	for t.kind == word && !t.nl && k < 15 {
		nw, ok := lookup(numWords, p.str(t))
		switch {
		case p.is(t, "oh"):
			nw = numWord{}
		case !ok || nw.class != cUnit || nw.ordinal:
			return v, k, end, k > 0
		}
		v, k, end = v*10+nw.val, k+1, t.end
		t = p.lex(t.end)
	}
	return v, k, end, k > 0
}
