package eval

import (
	"slices"

	"github.com/exbench/exbench/corpus"
)

// Scope is the part of a corpus that a gold set covers: its documents,
// and within a document, optionally, regions ("the body, not the
// headline"). A covered document is scored even when the gold has no
// mention in it, and a covered document with no predictions counts all
// its gold as missed. A mention is in scope when its document is covered
// and, where the document has regions, its span overlaps one of them;
// predictions out of scope are not scored, neither as spurious nor
// otherwise, and are counted apart.
//
// A nil *Scope covers every document whole.
type Scope struct {
	regions map[string][]corpus.Span // nil slice: the whole document
}

// NewScope returns the scope of the documents that are keys of regions,
// each whole when its slice is empty, else those spans of it.
func NewScope(regions map[string][]corpus.Span) *Scope {
	s := &Scope{regions: make(map[string][]corpus.Span, len(regions))}
	for id, spans := range regions {
		s.regions[id] = slices.Clone(spans)
	}
	return s
}

// Covers reports whether the document is in scope.
func (s *Scope) Covers(docID string) bool {
	if s == nil {
		return true
	}
	_, ok := s.regions[docID]
	return ok
}

// In reports whether m is in scope.
func (s *Scope) In(m corpus.Mention) bool {
	if s == nil {
		return true
	}
	spans, ok := s.regions[m.DocID]
	if !ok {
		return false
	}
	if len(spans) == 0 {
		return true
	}
	for _, r := range spans {
		if r.Overlaps(m.Span) {
			return true
		}
	}
	return false
}

// Split returns the mentions of ms in scope, in order, and those out.
func (s *Scope) Split(ms []corpus.Mention) (in, out []corpus.Mention) {
	for _, m := range ms {
		if s.In(m) {
			in = append(in, m)
		} else {
			out = append(out, m)
		}
	}
	return in, out
}
