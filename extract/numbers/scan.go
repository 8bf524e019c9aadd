package numbers

import (
	"unicode"
	"unicode/utf8"
)

// kind is the kind of a token.
type kind uint8

const (
	eof    kind = iota
	word        // a run of letters
	digits      // 300, 270,000, 3.5
	sym         // any other single character
)

// token is a word, a number or a symbol of the text, in bytes.
type token struct {
	start, end int
	kind       kind
	glued      bool // nothing between the position lex started from and start
	nl         bool // a line break between them
}

// lex returns the token at or after byte i, skipping white space (NBSP
// and the other Unicode spaces included). Letters are ASCII letters and
// Unicode letters; a word holds no digits, hyphens or apostrophes.
func lex(text string, i int) token {
	t := token{glued: true}
space:
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ', '\t':
			case '\n', '\r', '\v', '\f':
				t.nl = true
			default:
				break space
			}
			t.glued = false
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		t.glued = false
		if r == 0x85 || r == 0x2028 || r == 0x2029 {
			t.nl = true
		}
		i += size
	}
	t.start = i
	if i >= len(text) {
		t.kind, t.end = eof, i
		return t
	}
	c := text[i]
	switch {
	case isDigit(c):
		t.kind, t.end = digits, scanDigits(text, i)
	case isLetter(c):
		t.kind, t.end = word, scanWord(text, i)
	case c >= utf8.RuneSelf:
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) {
			t.kind, t.end = word, scanWord(text, i)
		} else {
			t.kind, t.end = sym, i+size
		}
	default:
		t.kind, t.end = sym, i+1
	}
	return t
}

// scanWord returns the end of the run of letters at i.
func scanWord(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if isLetter(c) {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += size
	}
	return i
}

// scanDigits returns the end of the number at i: digits, then, after at
// most three leading digits, comma groups of exactly three digits, then
// a decimal point and digits.
func scanDigits(text string, i int) int {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j-i <= 3 {
		for j+3 < len(text) && text[j] == ',' && isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) &&
			(j+4 == len(text) || !isDigit(text[j+4])) {
			j += 4
		}
	}
	if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
		j++
		for j < len(text) && isDigit(text[j]) {
			j++
		}
	}
	return j
}

// skipGlued returns the end of the identifier-like run at i: letters,
// digits and the punctuation that joins them in dates, times, versions
// and codes ("17:53", "F-16", "7/4/2016", "1.2.3").
func skipGlued(text string, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case isAlnum(c) || c == '_':
			i++
		case (c == '.' || c == ',' || c == ':' || c == '/' || c == '-') && i+1 < len(text) && isAlnum(text[i+1]):
			i++
		default:
			return i
		}
	}
	return i
}

// prevWord returns the word that ends just before byte i, across spaces
// and tabs but not line breaks, and across one full stop after it ("Apr.
// 7"). It returns "" when there is none.
func prevWord(text string, i int) string {
	j := i
	for j > 0 {
		switch {
		case text[j-1] == ' ' || text[j-1] == '\t':
			j--
			continue
		case j >= 2 && text[j-2] == 0xc2 && text[j-1] == 0xa0: // NBSP
			j -= 2
			continue
		}
		break
	}
	if j == i { // glued to what is before: no separate word
		return ""
	}
	if j > 0 && text[j-1] == '.' {
		j--
	}
	end := j
	for j > 0 && isLetter(text[j-1]) {
		j--
	}
	if j > 0 && isAlnum(text[j-1]) || end-j > 16 {
		return ""
	}
	return text[j:end]
}

// inURL reports whether byte i lies in a URL, an e-mail address or an
// @handle: the run of non-space characters around it holds "://",
// "www.", "@", or a dotted host name followed by a slash. Only 256 bytes
// either side are looked at.
func inURL(text string, i int) bool {
	lo, hi := i, i
	for lo > 0 && i-lo < 256 && !isSpaceByte(text[lo-1]) {
		lo--
	}
	for hi < len(text) && hi-i < 256 && !isSpaceByte(text[hi]) {
		hi++
	}
	run := text[lo:hi]
	dotted := false
	for k := 0; k < len(run); k++ {
		switch run[k] {
		case '@':
			return true
		case ':':
			if k+2 < len(run) && run[k+1] == '/' && run[k+2] == '/' {
				return true
			}
		case 'w', 'W':
			if k+4 <= len(run) && (run[k:k+4] == "www." || run[k:k+4] == "WWW.") {
				return true
			}
		case '.':
			if k > 0 && k+1 < len(run) && isLetter(run[k-1]) && isLetter(run[k+1]) {
				dotted = true
			}
		case '/':
			if dotted {
				return true
			}
		}
	}
	return false
}

// isSpaceByte reports whether c is ASCII white space or the second byte
// of an NBSP; other Unicode spaces count as part of a run.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xa0
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }
