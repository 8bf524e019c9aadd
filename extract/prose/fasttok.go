package prose

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isSpace is unicode.IsSpace.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// tokenize is iterTokenizer.tokenize on the clean text: it splits at each
// change between space and non-space (dropping one ' ' where a space run
// starts) and splits each non-space span with doSplit.
func (s *scratch) tokenize(c string) error {
	s.toks = s.toks[:0]
	clear(s.spans)
	white := false
	start, index := 0, 0
	for index < len(c) {
		var uc rune
		size := 1
		if b := c[index]; b < utf8.RuneSelf {
			uc = rune(b)
		} else {
			uc, size = utf8.DecodeRuneInString(c[index:])
		}
		sp := isSpace(uc)
		if index == 0 {
			white = sp
		}
		if sp != white {
			if start < index && !white {
				if err := s.span(c, start, index, true); err != nil {
					return err
				}
			}
			if uc == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index && !white {
		// The last span does not go through prose's cache.
		return s.span(c, start, index, false)
	}
	return nil
}

// span splits the non-space span c[a:b], through prose's cache or not.
func (s *scratch) span(c string, a, b int, cached bool) error {
	if cached {
		if r, ok := s.spans[c[a:b]]; ok {
			shift := int32(a) - r.a
			for _, t := range s.toks[r.first : r.first+r.n] {
				s.toks = append(s.toks, ftok{a: t.a + shift, b: t.b + shift, slot: t.slot})
			}
			return nil
		}
	}
	first := len(s.toks)
	if err := s.doSplit(c, a, b); err != nil {
		return err
	}
	if cached {
		s.spans[c[a:b]] = spanRef{first: int32(first), n: int32(len(s.toks) - first), a: int32(a)}
	}
	return nil
}

// add is addToken: a piece that is not all space becomes a token.
func (s *scratch) add(c string, a, b int) {
	if strings.TrimSpace(c[a:b]) != "" {
		s.toks = append(s.toks, ftok{a: int32(a), b: int32(b), slot: int32(len(s.toks))})
	}
}

// doSplit is prose's doSplit on c[a:b]. It loops while the token's rune
// count changes: a special token (an emoticon or an abbreviation) is kept
// whole; then one prefix $ ( " [ comes off the front, or the token is cut
// before 'll 's 're 'm or n't as found in its lower case, or one suffix
// , ) " ] ! ; . ? : ' comes off the end (the suffixes follow the tokens, in
// text order); else the token is kept. A cut at index 0 leaves the token
// unchanged, which ends the loop and drops the token ("'sam" gives
// nothing), as in prose.
func (s *scratch) doSplit(c string, a, b int) error {
	s.suffs = s.suffs[:0]
	last := 0
	for a < b {
		tok := c[a:b]
		n := utf8.RuneCountInString(tok)
		if n == last {
			break
		}
		if isSpecial(tok) {
			s.add(c, a, b)
			break
		}
		last = n
		if len(tok) > 1 && (tok[0] == '$' || tok[0] == '(' || tok[0] == '"' || tok[0] == '[') {
			s.add(c, a, a+1)
			a++
			continue
		}
		if strings.IndexByte(tok, '\'') >= 0 {
			// Only an apostrophe in the lower case makes a cut, and
			// only an apostrophe lowers to one.
			s.buf = appendLower(s.buf[:0], tok)
			low := s.buf
			idx := anyIndex(low, contractions)
			if idx < 0 {
				idx = anyIndex(low, negations)
			}
			if idx >= 0 {
				if idx > len(tok) {
					return errPanics
				}
				s.add(c, a, a+idx)
				a += idx
				continue
			}
		}
		if len(tok) > 1 && isSuffix(tok[len(tok)-1]) {
			s.suffs = append(s.suffs, int32(b-1))
			b--
			continue
		}
		s.add(c, a, b)
		break
	}
	for i := len(s.suffs) - 1; i >= 0; i-- {
		s.add(c, int(s.suffs[i]), int(s.suffs[i])+1)
	}
	return nil
}

// anyIndex is hasAnyIndex: the index in s of the first of subs found in
// it, provided s is longer than that one.
func anyIndex(s []byte, subs [][]byte) int {
	for _, sub := range subs {
		if i := bytes.Index(s, sub); i >= 0 && len(s) > len(sub) {
			return i
		}
	}
	return -1
}

var (
	contractions = [][]byte{[]byte("'ll"), []byte("'s"), []byte("'re"), []byte("'m")}
	negations    = [][]byte{[]byte("n't")}
)

func isSuffix(b byte) bool {
	switch b {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		return true
	}
	return false
}

// isSpecial is prose's isSpecial: an emoticon, or a match of
// ^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$ ("U.S.", "Mr.").
func isSpecial(tok string) bool {
	if emoticons[tok] {
		return true
	}
	n := len(tok)
	if n >= 4 && n%2 == 0 {
		ok := true
		for i := 0; i < n; i += 2 {
			if !isASCIILetter(tok[i]) || tok[i+1] != '.' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if (n == 3 || n == 4) && 'A' <= tok[0] && tok[0] <= 'Z' && tok[n-1] == '.' {
		for i := 1; i < n-1; i++ {
			if tok[i] < 'a' || tok[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// emoticons are the emoticons of prose's tokenizer, kept whole by the
// tokenizer and tagged SYM by the tagger.
var emoticons = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields(`(-8 (-; (-_-) (._.) (: (= (o: (¬_¬) (ಠ_ಠ) (╯°□°）╯︵┻━┻
		-__- 8-) 8-D 8D :( :(( :((( :() :))) :-) :-)) :-))) :-* :-/ :-X :-] :-o :-p
		:-x :-| :-} :0 :3 :P :] :` + "`( :`) :`-(" + ` :o :o) =( =) =D =| @_@ O.o O_o V_V
		XDD [-: ^___^ o_0 o_O o_o v_v xD xDD ¯\(ツ)/¯`) {
		m[e] = true
	}
	return m
}()

// appendLower appends strings.ToLower(s): the lower case of each rune,
// with each invalid byte as U+FFFD.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		dst = append(dst, b)
	}
	return dst
}
