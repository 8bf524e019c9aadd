package dates

import (
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/extract"
)

// version changes whenever the output could change.
const version = "dates/1"

// New returns the dates extractor: [Find] on each document's text. It
// holds no state, so it is safe for concurrent use.
func New() extract.Extractor { return extract.FromFunc("dates", version, Find) }

// Find returns the DATE and TIME mentions of text, sorted by start, never
// overlapping, with spans in code points and an empty DocID. See the
// package documentation for the rules.
func Find(text string) []corpus.Mention {
	s := scanner{text: text}
	var p parser
	var found []bspan
	toks := make([]tok, 0, 256)
	for {
		var more bool
		toks, more = s.next(toks[:0])
		if !more {
			break
		}
		p.t = toks
		found = p.run(found)
	}
	if len(found) == 0 {
		return nil
	}
	// Byte offsets to code points: count the runes between one offset and
	// the next, as corpus.Index does (an invalid byte counts as one).
	ms := make([]corpus.Mention, len(found))
	b, cp := 0, 0
	for i, f := range found {
		cp += utf8.RuneCountInString(text[b:f.start])
		start := cp
		cp += utf8.RuneCountInString(text[f.start:f.end])
		b = f.end
		ms[i] = corpus.Mention{Span: corpus.Span{Start: start, End: cp}, Label: f.label, Text: text[f.start:f.end]}
	}
	return ms
}
