package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NoSpan is the span of a mention given without offsets, as extractors
// built on language models give them: a text and a label. [Align] places
// such mentions in their document.
var NoSpan = Span{Start: -1, End: -1}

// Placed reports whether s is a span of a text, not [NoSpan].
func (s Span) Placed() bool { return s != NoSpan }

// Align places, in text, the mentions of ms that have no span ([NoSpan]),
// by one rule that looks at nothing but the text and the mentions
// themselves, never at a gold standard:
//
//   - Texts are compared normalised: curly quotes and apostrophes as
//     straight ones (“ ” „ as ", ‘ ’ ‚ as '), every run of white space as
//     one space, without leading or trailing space. Letters keep their
//     case.
//   - The mentions are taken in the order of ms. Each takes the first
//     occurrence of its normalised text that starts at or after the end of
//     the previous mention with the same normalised text (any label), so
//     a name listed twice takes its first two occurrences.
//   - An occurrence must be whole words: where the mention begins or ends
//     with a letter or digit, the text must not go on with one ("Ada" is
//     not found in "Adam").
//
// A placed mention gets its span and, as Text, the document's text there
// (which may differ from what was given in quotes and spaces). Mentions
// whose text is not found keep NoSpan; Align returns how many.
func Align(text string, ms []Mention) (notFound int) {
	var nt *normalText
	var x *Index
	cursor := map[string]int{} // normalised mention text: where its next occurrence may start, in nt
	for i := range ms {
		m := &ms[i]
		if m.Span.Placed() {
			continue
		}
		if nt == nil {
			nt, x = normalise(text), NewIndex(text)
		}
		key := normalise(m.Text).s
		at, ok := nt.find(key, cursor[key])
		if !ok {
			notFound++
			continue
		}
		cursor[key] = at + len(key)
		m.Span = Span{Start: nt.pos[at], End: nt.end(at + len(key))}
		m.Text, _ = x.Slice(m.Span)
	}
	return notFound
}

// NormalText returns s as [Align] compares texts: curly quotes as
// straight ones, runs of white space as one space, no leading or trailing
// space.
func NormalText(s string) string { return normalise(s).s }

// normalText is a text normalised as [Align] compares texts, with, for
// each of its bytes, the code-point offset in the original text where
// that byte's character came from.
type normalText struct {
	s   string
	pos []int // len(s)+1 entries; the last is the original's length
}

// quotes are the characters Align reads as straight quotes.
var quotes = map[rune]byte{'“': '"', '”': '"', '„': '"', '‘': '\'', '’': '\'', '‚': '\''}

func normalise(text string) *normalText {
	var b strings.Builder
	pos := make([]int, 0, len(text)+1)
	cp := 0
	space := false // a run of white space is pending
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			if !space && b.Len() > 0 {
				space = true
				pos = append(pos, cp) // the run becomes one space, where it starts
				b.WriteByte(' ')
			}
		default:
			space = false
			if q, ok := quotes[r]; ok {
				b.WriteByte(q)
				pos = append(pos, cp)
				break
			}
			n := utf8.RuneLen(r)
			if n < 0 { // invalid UTF-8, one replacement character
				n = 3
			}
			b.WriteRune(r)
			for range n {
				pos = append(pos, cp)
			}
		}
		cp++
	}
	s := b.String()
	if space { // no trailing space
		s = s[:len(s)-1]
		pos = pos[:len(pos)-1]
	}
	return &normalText{s: s, pos: append(pos, cp)}
}

// end returns the original offset where a match ending at byte i of the
// normalised text ends: after the last character of the match.
func (t *normalText) end(i int) int {
	_, size := utf8.DecodeLastRuneInString(t.s[:i])
	return t.pos[i-size] + 1
}

// find returns the first whole-word occurrence of key in t at or after
// byte from.
func (t *normalText) find(key string, from int) (int, bool) {
	if key == "" {
		return 0, false
	}
	first, _ := utf8.DecodeRuneInString(key)
	last, _ := utf8.DecodeLastRuneInString(key)
	for from <= len(t.s) {
		j := strings.Index(t.s[from:], key)
		if j < 0 {
			return 0, false
		}
		at := from + j
		if (!wordChar(first) || !wordChar(lastRuneBefore(t.s, at))) && (!wordChar(last) || !wordChar(firstRuneAt(t.s, at+len(key)))) {
			return at, true
		}
		_, size := utf8.DecodeRuneInString(t.s[at:])
		from = at + size
	}
	return 0, false
}

func wordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lastRuneBefore returns the character before byte i of s, or a space at
// its start.
func lastRuneBefore(s string, i int) rune {
	if i == 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// firstRuneAt returns the character at byte i of s, or a space at its end.
func firstRuneAt(s string, i int) rune {
	if i >= len(s) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}
