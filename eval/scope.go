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
	list    []corpus.Region          // as given, for checks against the corpus
}

// NewScope returns the scope made of regions: documents whole, or spans
// of them.
func NewScope(regions []corpus.Region) *Scope {
	s := &Scope{regions: map[string][]corpus.Span{}, list: slices.Clone(regions)}
	for _, r := range regions {
		spans := s.regions[r.DocID]
		if !r.Whole() {
			spans = append(spans, r.Span)
		}
		s.regions[r.DocID] = spans
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
