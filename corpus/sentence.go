package corpus

import (
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into sentences and returns their spans, in code
// points, covering the text without gaps: a sentence ends at a line break,
// and after ., ! or ? (and any closing quotes or brackets) followed by
// white space and then an upper-case letter, a digit or an opening quote.
// A single capital letter before the period ("J. Smith") and the common
// abbreviations Mr, Mrs, Ms, Dr, St, Gen, Lt, Col, Sgt, Gov, Sen, Rep, Jr,
// Sr, vs, etc, e.g and i.e do not end a sentence. It is simple on purpose:
// sentences are a resampling unit, and a rare wrong split only makes units
// a little smaller.
func Sentences(text string) []Span {
	var spans []Span
	start, cp := 0, 0
	runes := []rune(text)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		cp = i + 1
		end := false
		switch r {
		case '\n':
			end = true
		case '.', '!', '?':
			j := i + 1
			for j < len(runes) && isCloser(runes[j]) {
				j++
			}
			if j < len(runes) && unicode.IsSpace(runes[j]) && runes[j] != '\n' {
				k := j
				for k < len(runes) && unicode.IsSpace(runes[k]) && runes[k] != '\n' {
					k++
				}
				if k < len(runes) && startsSentence(runes[k]) && !(r == '.' && abbreviation(runes[:i])) {
					i, cp, end = k-1, k, true
				}
			}
		}
		if end {
			spans = append(spans, Span{Start: start, End: cp})
			start = cp
		}
	}
	if start < len(runes) {
		spans = append(spans, Span{Start: start, End: len(runes)})
	}
	return spans
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '”', '’', '»':
		return true
	}
	return false
}

func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '['
}

var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Gen": true, "Lt": true, "Col": true, "Sgt": true,
	"Gov": true, "Sen": true, "Rep": true, "Jr": true, "Sr": true, "vs": true, "etc": true, "e.g": true, "i.e": true,
}

// abbreviation reports whether the word before a period is an initial or
// a known abbreviation.
func abbreviation(before []rune) bool {
	j := len(before)
	for j > 0 && !unicode.IsSpace(before[j-1]) {
		j--
	}
	word := string(before[j:])
	if n := utf8.RuneCountInString(word); n == 1 && unicode.IsUpper(before[j]) {
		return true
	}
	return abbreviations[word]
}
