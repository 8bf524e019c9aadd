package dates

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord  = iota + 1 // a run of letters
	tNum              // a run of ASCII digits
	tPunct            // one other character, or a skipped hashtag, @handle or URL
)

// tok is a token of one line: a word, a run of digits or one punctuation
// character. Offsets are bytes into the document text.
type tok struct {
	start, end int
	lx         lex  // words: what the lexicon knows of the word
	v          int  // numbers: the value, for up to 9 digits
	r          rune // punctuation: the character (0 for a skipped hashtag, handle or URL)
	kind       uint8
	nd         uint8 // numbers: the count of digits, up to 255
	gap        bool  // whitespace comes before the token
	capital    bool  // words: the first letter is an ASCII capital
	upper      bool  // words: every letter is an ASCII capital
}

// scanner splits a text into lines and lines into tokens. Line breaks end
// a line, so no expression spans two lines.
type scanner struct {
	text string
	pos  int
}

// isSpace reports whether r is whitespace that does not end a line: the
// ASCII blanks, NBSP and the other Unicode space separators.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f', 0x85:
		return true
	case '\n', '\r', 0x2028, 0x2029:
		return false
	}
	return r >= 0x80 && unicode.IsSpace(r)
}

// isBreak reports whether r ends a line.
func isBreak(r rune) bool { return r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// isHandleByte reports whether c can continue a hashtag or an @handle.
func isHandleByte(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' || c >= 0x80 }

// next appends the tokens of the next line to toks and returns them, or
// returns false at the end of the text.
func (s *scanner) next(toks []tok) ([]tok, bool) {
	text := s.text
	if s.pos >= len(text) {
		return toks, false
	}
	gap := false
	i := s.pos
	for i < len(text) {
		c := text[i]
		switch {
		case c == '\n' || c == '\r':
			s.pos = i + 1
			return toks, true
		case c == ' ' || c == '\t' || c == '\v' || c == '\f':
			gap = true
			i++
			continue
		case isLetter(c) || c >= 0x80:
			if c >= 0x80 {
				r, size := utf8.DecodeRuneInString(text[i:])
				if isBreak(r) {
					s.pos = i + size
					return toks, true
				}
				if isSpace(r) {
					gap = true
					i += size
					continue
				}
				if !unicode.IsLetter(r) {
					toks = append(toks, tok{start: i, end: i + size, kind: tPunct, r: r, gap: gap})
					gap = false
					i += size
					continue
				}
			}
			j, t := s.word(i)
			t.gap = gap
			gap = false
			if j+3 <= len(text) && text[j:j+3] == "://" || j < len(text) && text[j] == '@' ||
				j-i == 3 && text[i:j] == "www" && j < len(text) && text[j] == '.' {
				// A URL or an e-mail address: skip it to the next space.
				j = s.skipNonSpace(j)
				toks = append(toks, tok{start: i, end: j, kind: tPunct})
				i = j
				continue
			}
			toks = append(toks, t)
			i = j
		case isDigit(c):
			j := i
			v := 0
			for j < len(text) && isDigit(text[j]) {
				if j-i < 9 {
					v = v*10 + int(text[j]-'0')
				}
				j++
			}
			nd := min(j-i, 255)
			if nd > 9 {
				v = -1
			}
			toks = append(toks, tok{start: i, end: j, kind: tNum, v: v, nd: uint8(nd), gap: gap})
			gap = false
			i = j
		case (c == '#' || c == '@') && i+1 < len(text) && isHandleByte(text[i+1]):
			// A hashtag or an @handle: one opaque token.
			j := i + 1
			for j < len(text) && isHandleByte(text[j]) {
				if text[j] >= 0x80 {
					r, size := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
						break
					}
					j += size
					continue
				}
				j++
			}
			toks = append(toks, tok{start: i, end: j, kind: tPunct, gap: gap})
			gap = false
			i = j
		case c == ':' && i+2 < len(text) && text[i+1] == '/' && text[i+2] == '/':
			j := s.skipNonSpace(i)
			toks = append(toks, tok{start: i, end: j, kind: tPunct, gap: gap})
			gap = false
			i = j
		default:
			toks = append(toks, tok{start: i, end: i + 1, kind: tPunct, r: rune(c), gap: gap})
			gap = false
			i++
		}
	}
	s.pos = len(text)
	return toks, true
}

// word scans the word starting at i, a run of letters, and looks it up.
func (s *scanner) word(i int) (int, tok) {
	text := s.text
	var buf [maxWordLen]byte
	n := 0
	ascii := true
	upper := true
	j := i
	for j < len(text) {
		c := text[j]
		if c < 0x80 {
			if !isLetter(c) {
				break
			}
			if c >= 'a' {
				upper = false
			}
			if n < len(buf) {
				buf[n] = c | 0x20
			}
			n++
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		ascii = false
		j += size
	}
	t := tok{start: i, end: j, kind: tWord, capital: text[i] >= 'A' && text[i] <= 'Z', upper: upper && ascii}
	if ascii && n <= len(buf) {
		t.lx = lookup(buf[:n])
	}
	return j, t
}

// skipNonSpace returns the offset of the first whitespace or line break at
// or after i.
func (s *scanner) skipNonSpace(i int) int {
	text := s.text
	for i < len(text) {
		c := text[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			return i
		}
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isSpace(r) || isBreak(r) {
				return i
			}
			i += size
			continue
		}
		i++
	}
	return i
}
