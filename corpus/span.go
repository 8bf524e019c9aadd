package corpus

import "fmt"

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
