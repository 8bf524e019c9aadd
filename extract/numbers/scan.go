package numbers

import (
	"strings"
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
	case isDigit(c) || (c == '-' || c == '.' || c == 0xe2) && signed(text, i):
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

// signed reports whether a number starts at i with a minus sign or a
// decimal point before its digits ("-42", "−3.75", ".45", "-.5"). The
// sign must not be glued to a letter or digit before it: "F-16" and
// "20-30" are not negatives, "v.45" is no decimal.
func signed(text string, i int) bool {
	if i > 0 && (isAlnum(text[i-1]) || text[i-1] == '.' || text[i-1] == ',') {
		return false
	}
	j := i + minusLen(text, i)
	if j < len(text) && isDigit(text[j]) {
		return j > i
	}
	return j+1 < len(text) && text[j] == '.' && isDigit(text[j+1])
}

// minusLen returns the length of the minus sign at i ("-" or U+2212),
// or 0.
func minusLen(text string, i int) int {
	switch {
	case i < len(text) && text[i] == '-':
		return 1
	case strings.HasPrefix(text[i:], "−"):
		return len("−")
	}
	return 0
}

// scanDigits returns the end of the number at i: a minus sign, digits,
// then the groups of a thousands separator, then a decimal point and
// digits, then an exponent ("6.02e+23").
func scanDigits(text string, i int) int {
	j := i + minusLen(text, i)
	lead := j
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if n := j - lead; n > 0 && n <= 3 {
		j = scanGroups(text, lead, j)
	}
	if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
		j++
		for j < len(text) && isDigit(text[j]) {
			j++
		}
	}
	return scanExponent(text, j)
}

// scanGroups returns the end of the thousands groups after the leading
// digits lead:j: commas with groups of three ("270,000"), Indian commas
// ("45,67,890"), or groups of three after a thin, narrow or no-break
// space, or after ordinary spaces where two groups or one with a
// decimal part follow ("7 654 321.5", but "in 2016 300 workers").
func scanGroups(text string, lead, j int) int {
	if k := scanIndian(text, lead, j); k > j {
		return k
	}
	if j < len(text) && text[j] == ',' {
		for j < len(text) && text[j] == ',' && group3(text, j+1) {
			j += 4
		}
		return j
	}
	k, groups, ordinary := j, 0, false
	for {
		sep := spaceSep(text, k)
		if sep == 0 || !group3(text, k+sep) {
			break
		}
		ordinary = ordinary || sep == 1
		k += sep + 3
		groups++
	}
	if ordinary && groups < 2 && !(k+1 < len(text) && text[k] == '.' && isDigit(text[k+1])) {
		return j
	}
	return k
}

// scanIndian returns the end of Indian grouping after the one or two
// leading digits lead:j, groups of two then a last group of three
// ("45,67,890", "1,23,456"), or j.
func scanIndian(text string, lead, j int) int {
	if j-lead > 2 {
		return j
	}
	k := j
	for k+3 < len(text) && text[k] == ',' && isDigit(text[k+1]) && isDigit(text[k+2]) && text[k+3] == ',' {
		k += 3
	}
	if k == j || !group3(text, k+1) || text[k] != ',' {
		return j
	}
	return k + 4
}

// group3 reports whether three digits, and no fourth, start at i.
func group3(text string, i int) bool {
	return i+3 <= len(text) && isDigit(text[i]) && isDigit(text[i+1]) && isDigit(text[i+2]) &&
		(i+3 == len(text) || !isDigit(text[i+3]))
}

// spaceSep returns the length of the space that separates thousands
// groups at i: a space, a no-break space, a thin space or a narrow
// no-break space; or 0.
func spaceSep(text string, i int) int {
	switch {
	case i >= len(text):
		return 0
	case text[i] == ' ':
		return 1
	case strings.HasPrefix(text[i:], "\u00a0"):
		return 2
	case strings.HasPrefix(text[i:], "\u2009"), strings.HasPrefix(text[i:], "\u202f"):
		return 3
	}
	return 0
}

// scanExponent returns the end of the exponent at i, "e" or "E" with an
// optional sign and up to three digits, when nothing alphanumeric
// follows it; or i.
func scanExponent(text string, i int) int {
	if i >= len(text) || text[i] != 'e' && text[i] != 'E' {
		return i
	}
	j := i + 1
	if j < len(text) && (text[j] == '+' || text[j] == '-') {
		j++
	}
	d := j
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j == d || j-d > 3 || j < len(text) && isAlnum(text[j]) {
		return i
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
	w, _ := prevWordAt(text, i)
	return w
}

// prevWordAt is prevWord that also returns where the word starts.
func prevWordAt(text string, i int) (string, int) {
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
		return "", i
	}
	if j > 0 && text[j-1] == '.' {
		j--
	}
	end := j
	for j > 0 && isLetter(text[j-1]) {
		j--
	}
	if j > 0 && isAlnum(text[j-1]) || end-j > 16 {
		return "", i
	}
	return text[j:end], j
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
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
