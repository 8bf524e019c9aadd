package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Span is a half-open range [Start, End) of Unicode code points in a
// document's text.
type Span struct {
	Start, End int
}

// Len returns the number of code points in s.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and t share at least one code point.
func (s Span) Overlaps(t Span) bool {
	return s.Start < t.End && t.Start < s.End
}

// Overlap returns the number of code points s and t share.
func (s Span) Overlap(t Span) int {
	n := min(s.End, t.End) - max(s.Start, t.Start)
	return max(n, 0)
}

// String formats s as "start:end".
func (s Span) String() string { return fmt.Sprintf("%d:%d", s.Start, s.End) }

// ParseOffset parses a code-point offset written as text: a non-negative
// decimal integer. Its error is in the category [ErrOffset] and says what
// is wrong: not an integer, out of range, negative.
func ParseOffset(s string) (int, error) {
	n, err := strconv.Atoi(s)
	switch {
	case err != nil && errors.Is(err, strconv.ErrRange):
		return 0, Problemf(ErrOffset, "%s is out of range", Quote(s))
	case err != nil || strings.HasPrefix(s, "+"):
		return 0, Problemf(ErrOffset, "%s is not an integer", Quote(s))
	case n < 0:
		return 0, Problemf(ErrOffset, "%d is negative", n)
	}
	return n, nil
}

// Region is a part of a document that an evaluation covers: a span of
// it, or all of it. Source says where it was read.
type Region struct {
	DocID  string
	Span   Span // the zero Span for the whole document
	Source Source
}

// Whole reports whether r covers its document whole.
func (r Region) Whole() bool { return r.Span == Span{} }
