package dates

import (
	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/extract"
)

// version changes whenever the output could change.
const version = "dates/2"

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
	ms := make([]corpus.Mention, len(found))
	cp := corpus.NewCounter(text)
	for i, f := range found {
		span := corpus.Span{Start: cp.At(f.start), End: cp.At(f.end)}
		ms[i] = corpus.Mention{Span: span, Label: f.label, Text: text[f.start:f.end]}
	}
	return ms
}
