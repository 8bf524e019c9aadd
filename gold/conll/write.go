package conll

import (
	"bufio"
	"io"
	"strings"
	"unicode"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

// Write writes docs and their mentions ms as a CoNLL file of one tag
// column, which [ReadTags] reads back: for each document a line
// "-DOCSTART- O" and a blank line, then its sentences ([corpus.Sentences])
// one token a line, "TOKEN TAG", a blank line after each sentence. Tags
// are IOB2 (B-PERSON, I-PERSON, O), or IOBES when scheme is [IOBES]
// (S- for a one-token mention, E- for the last token of a longer one).
//
// Tokens are runs of letters, digits and other characters that are not
// white space, punctuation or symbols; each punctuation mark or symbol is
// a token of its own, except . , ' ’ - / : between two letters or digits
// ("3.5", "270,000", "don't" stay whole). Tokens are also cut at every
// mention's start and end, so every mention kept is a run of whole
// tokens, and a sentence break never falls inside a mention.
//
// CoNLL cannot hold everything a mention has, so some is lost:
//
//   - CoNLL is flat: a mention that overlaps one before it, in
//     [corpus.Compare] order, is dropped, and so is one that covers no
//     token (only white space); dropped counts both.
//   - Value, modifier and unit are not written.
//   - Document IDs are not written: ReadTags numbers documents
//     doc0001, doc0002, ..., and skips a document with no token.
//   - Text is rebuilt from tokens: one space between tokens, a line break
//     between sentences; white space inside a mention becomes one space,
//     and one appears between a word and the punctuation mark after it.
//
// written counts the mentions written. Every mention must belong to one
// of docs and fit its text, and texts must be valid UTF-8.
func Write(w io.Writer, docs []corpus.Doc, ms []corpus.Mention, scheme TagScheme) (written, dropped int, err error) {
	groups, err := gold.MentionsByDoc(docs, ms, false)
	if err != nil {
		return 0, 0, err
	}
	bw := bufio.NewWriter(w)
	for i, d := range docs {
		sentences, kept, drop := conllTokens(d.Text, groups[i])
		written += len(kept)
		dropped += drop
		bw.WriteString("-DOCSTART- O\n\n")
		for _, s := range sentences {
			for _, t := range s {
				bw.WriteString(t.text)
				bw.WriteByte(' ')
				bw.WriteString(t.tag(scheme))
				bw.WriteByte('\n')
			}
			bw.WriteByte('\n')
		}
	}
	return written, dropped, bw.Flush()
}

// conllToken is a token of a text and its place in a mention.
type conllToken struct {
	text        string
	start       int          // code points
	label       corpus.Label // "" outside mentions
	first, last bool         // the mention's first and last token
}

func (t conllToken) tag(scheme TagScheme) string {
	switch {
	case t.label == "":
		return "O"
	case scheme == IOBES && t.first && t.last:
		return "S-" + string(t.label)
	case t.first:
		return "B-" + string(t.label)
	case scheme == IOBES && t.last:
		return "E-" + string(t.label)
	}
	return "I-" + string(t.label)
}

// conllTokens tokenises text as Write says, with the mentions ms of
// it (sorted by corpus.Compare), and returns the sentences of tokens, the
// mentions kept, in order, and how many were dropped.
func conllTokens(text string, ms []corpus.Mention) (sentences [][]conllToken, kept []corpus.Mention, dropped int) {
	runes := []rune(text)
	n := len(runes)
	owner := make([]int, n) // index into kept of the mention covering each code point, or -1
	for i := range owner {
		owner[i] = -1
	}
	cut := make([]bool, n+1) // a token must end before code point i
	prevEnd := 0
	for _, m := range ms {
		if m.Span.Start < prevEnd || !hasToken(runes[m.Span.Start:m.Span.End]) {
			dropped++
			continue
		}
		for i := m.Span.Start; i < m.Span.End; i++ {
			owner[i] = len(kept)
		}
		cut[m.Span.Start], cut[m.Span.End] = true, true
		prevEnd = m.Span.End
		kept = append(kept, m)
	}

	word := func(r rune) bool { return !unicode.IsSpace(r) && !isMark(r) }
	var tokens []conllToken
	for i := 0; i < n; {
		if unicode.IsSpace(runes[i]) {
			i++
			continue
		}
		j := i + 1
		if word(runes[i]) {
			for j < n && !cut[j] {
				if word(runes[j]) || strings.ContainsRune(".,'’-/:", runes[j]) && j+1 < n && !cut[j+1] && word(runes[j-1]) && word(runes[j+1]) {
					j++
					continue
				}
				break
			}
		}
		t := conllToken{text: string(runes[i:j]), start: i}
		if k := owner[i]; k >= 0 {
			t.label = kept[k].Label
			t.first = len(tokens) == 0 || owner[tokens[len(tokens)-1].start] != k
		}
		if len(tokens) > 0 {
			prev := &tokens[len(tokens)-1]
			prev.last = prev.label != "" && owner[prev.start] != owner[i]
		}
		tokens = append(tokens, t)
		i = j
	}
	if len(tokens) > 0 {
		tokens[len(tokens)-1].last = tokens[len(tokens)-1].label != ""
	}

	// Sentences, with no break inside a mention.
	var breaks []int
	for _, s := range corpus.Sentences(text) {
		if b := s.End; b < n && (owner[b-1] < 0 || owner[b-1] != owner[b]) {
			breaks = append(breaks, b)
		}
	}
	var cur []conllToken
	for _, t := range tokens {
		if len(breaks) > 0 && t.start >= breaks[0] {
			for len(breaks) > 0 && t.start >= breaks[0] {
				breaks = breaks[1:]
			}
			if len(cur) > 0 {
				sentences = append(sentences, cur)
				cur = nil
			}
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		sentences = append(sentences, cur)
	}
	return sentences, kept, dropped
}

// isMark reports whether r is punctuation or a symbol: a token of its own.
func isMark(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// hasToken reports whether rs holds something other than white space.
func hasToken(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsSpace(r) {
			return true
		}
	}
	return false
}
