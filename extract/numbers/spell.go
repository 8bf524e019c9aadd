package numbers

// spell is the state of a spelled-out number read word by word: cur is
// the part below the last scale word, total the rest.
type spell struct {
	total, cur float64
	last       class
	group      float64 // what the last scale word added to total
	scale      float64 // the last scale word
	minScale   float64 // the smallest scale word so far, 0 if none: a later one must be smaller
	mult       float64 // the product of the multipliers, for "5 to 10 million"
	additive   bool    // a word that adds ("two", "forty") after the first
	ordinal    bool
	end        int // the end of the last word read, 0 if none
}

// startSpell returns the state before the first word of a number.
func startSpell() spell { return spell{mult: 1} }

// digitSpell returns the state after the digits v that start a number
// ("3" in "3 million two hundred"), or after the article in "a hundred".
func digitSpell(v float64, last class) spell { return spell{cur: v, last: last, mult: 1} }

func (s *spell) value() float64 { return s.total + s.cur }

// add adds a number word to s. It reports false, leaving s alone, when
// the word cannot come next: "two one", "three thousand two thousand".
func (s *spell) add(nw numWord) bool {
	if !follows(s.last, nw.class) {
		return false
	}
	switch nw.class {
	case cUnit, cTeen, cTens:
		s.cur += nw.val
		s.additive = s.additive || s.last != cNone
	case cHundred:
		if s.cur >= 100 {
			return false
		}
		s.cur *= nw.val
		s.mult *= nw.val
	case cDozen, cScore:
		s.cur *= nw.val
		s.mult *= nw.val
	case cScale:
		switch {
		case s.last == cScale && nw.val > s.scale:
			// "20 thousand million": the scale multiplies the group
			s.total += s.group * (nw.val - 1)
			s.group *= nw.val
			s.minScale = nw.val
		case s.minScale != 0 && nw.val >= s.minScale, s.last == cScale:
			return false
		default:
			s.group = s.cur * nw.val
			s.total += s.group
			s.cur = 0
			s.minScale = nw.val
		}
		s.scale = nw.val
		s.mult *= nw.val
	}
	s.last = nw.class
	s.ordinal = nw.ordinal
	return true
}

// follows reports whether a number word of class c may come after one of
// class last in a spelled-out number.
func follows(last, c class) bool {
	switch last {
	case cNone:
		return c == cUnit || c == cTeen || c == cTens
	case cDigits, cUnit, cTeen:
		return c == cHundred || c == cScale || c == cDozen || c == cScore
	case cTens:
		return c == cUnit || c == cScale || c == cHundred || c == cDozen || c == cScore
	case cHundred:
		return c == cUnit || c == cTeen || c == cTens || c == cScale
	case cScore: // "four score and seven"
		return c == cUnit || c == cTeen || c == cTens
	case cScale:
		return c == cUnit || c == cTeen || c == cTens || c == cScale
	}
	return false
}

// spell reads number words from tok on into s: "twenty-four", "three
// hundred and fifty", "seven hundred, and nine", "20 thousand million".
// It stops before the first word that does not go on the number, and
// after an ordinal.
func (p *parser) spell(tok token, s spell) spell {
	for tok.kind == word {
		nw, ok := lookup(numWords, p.str(tok))
		if !ok || !s.add(nw) {
			return s
		}
		s.end = tok.end
		if nw.ordinal {
			return s
		}
		n := p.lex(tok.end)
		switch {
		case p.isSym(n, "-") && n.glued:
			// "twenty-four"; "one-third" stops at "one"
			n2 := p.lex(n.end)
			if !n2.glued {
				return s
			}
			tok = n2
		case n.nl:
			return s
		case p.is(n, "and") && s.last == cScale:
			// "a thousand and one", but "2 million and two million"
			return p.afterJoin(n, s)
		case p.is(n, "and") && (s.last == cHundred || s.last == cScore):
			// "three hundred and fifty (thousand)", "four score and seven"
			n2 := p.lex(n.end)
			if nw2, ok := lookup(numWords, p.str(n2)); n2.nl || n2.kind != word || !ok || nw2.class > cTens {
				return s
			}
			tok = n2
		case p.isSym(n, ",") && n.glued && (s.last == cHundred || s.last == cScale):
			return p.afterJoin(n, s)
		case n.kind == word && !n.glued:
			tok = n
		default:
			return s
		}
	}
	return s
}

// afterJoin reads the rest of a number after the comma or "and" at n,
// which follows "hundred" or a scale word: "seven hundred, and nine",
// "240 thousand, five hundred and six", "a thousand and one". The rest
// must be smaller than the last magnitude, so that a list ("a hundred,
// two hundred", "2 million and two million") stays apart.
func (p *parser) afterJoin(n token, s spell) spell {
	t := p.lex(n.end)
	if p.isSym(n, ",") && p.is(t, "and") && !t.nl {
		t = p.lex(t.end)
	}
	if t.nl {
		return s
	}
	limit := s.minScale
	if s.last == cHundred {
		limit = 100
	}
	rest := p.spell(t, startSpell())
	if rest.last == cNone || rest.value() >= limit {
		return s
	}
	s.total += s.cur + rest.value()
	s.cur = 0
	s.end, s.last, s.ordinal, s.additive = rest.end, rest.last, rest.ordinal, true
	return s
}
