package external

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// splitWords splits a command line into words as a POSIX shell would, but
// with no expansion of any kind: words are separated by unquoted spaces,
// tabs and newlines; single quotes keep everything up to the next single
// quote; double quotes keep everything up to the next unescaped double
// quote, where a backslash escapes only $, `, ", \ and a newline (and is
// kept before anything else); outside quotes a backslash escapes any
// character, and a backslash before a newline joins the lines.
//
// An unquoted shell operator character (| & ; < > or `) is an error, since
// without a shell it would be passed to the program as a plain argument,
// which is almost never what was meant. Positions in messages are 1-based
// columns in code points.
func splitWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false // a word has started, maybe with an empty quoted part
	col := func(byteOff int) int { return 1 + utf8.RuneCountInString(s[:byteOff]) }
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
			i++
		case c == '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, fmt.Errorf("unterminated single quote at column %d", col(i))
			}
			w.WriteString(s[i+1 : i+1+end])
			inWord = true
			i += end + 2
		case c == '"':
			j := i + 1
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] != '\\' || j+1 == len(s) {
					w.WriteByte(s[j])
					continue
				}
				switch s[j+1] {
				case '$', '`', '"', '\\':
					w.WriteByte(s[j+1])
					j++
				case '\n':
					j++
				default:
					w.WriteByte('\\')
				}
			}
			if j == len(s) {
				return nil, fmt.Errorf("unterminated double quote at column %d", col(i))
			}
			inWord = true
			i = j + 1
		case c == '\\':
			if i+1 == len(s) {
				return nil, fmt.Errorf("backslash at the end (column %d) escapes nothing", col(i))
			}
			_, size := utf8.DecodeRuneInString(s[i+1:])
			if s[i+1] != '\n' {
				w.WriteString(s[i+1 : i+1+size])
				inWord = true
			}
			i += 1 + size
		case strings.IndexByte("|&;<>`", c) >= 0:
			return nil, fmt.Errorf("%q at column %d is shell syntax, but the command runs without a shell: quote it, or set Shell to run the command with sh -c", string(c), col(i))
		default:
			w.WriteByte(c)
			inWord = true
			i++
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}
