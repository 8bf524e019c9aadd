package numbers

import (
	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/extract"
)

// Version changes whenever the output of [Find] could change.
const Version = "numbers/2"

// New returns the numbers extractor: [Find] on each document's text. It
// holds no state, so it is safe for concurrent use.
func New() extract.Extractor { return extract.FromFunc("numbers", Version, Find) }

// Find returns the CARDINAL, ORDINAL, QUANTITY, PERCENT and MONEY
// mentions of text, sorted by start, never overlapping, with code-point
// spans, Text the text at the span, and Value, Modifier and Unit set as
// the gold guidelines say. DocID is empty. See the package documentation
// for the rules.
func Find(text string) []corpus.Mention {
	p := parser{text: text}
	var found []mention
	for pos := 0; pos < len(text); {
		t := lex(text, pos)
		if t.kind == eof {
			break
		}
		if !p.candidate(t) {
			pos = t.end
			continue
		}
		m, ok, next := p.at(t)
		if ok {
			found = append(found, m)
			next = m.end
		}
		pos = max(next, t.end)
	}
	return mentions(text, found)
}

// mentions converts byte spans, sorted and not overlapping, to mentions
// with code-point spans, counting code points as corpus.Index does (an
// invalid byte is one).
func mentions(text string, found []mention) []corpus.Mention {
	if len(found) == 0 {
		return nil
	}
	ms := make([]corpus.Mention, len(found))
	cp := corpus.NewCounter(text)
	for i, f := range found {
		ms[i] = corpus.Mention{
			Span:     corpus.Span{Start: cp.At(f.start), End: cp.At(f.end)},
			Label:    f.label,
			Text:     text[f.start:f.end],
			Modifier: f.mod,
			Unit:     f.unit,
		}
		if f.hasVal {
			ms[i].Value = corpus.NewValue(f.val)
		}
	}
	return ms
}
