package corpus

import "unicode/utf8"

// Index converts between the code-point offsets exbench uses and the byte
// offsets of a Go string. Build one per text and reuse it: NewIndex is
// O(n), each lookup O(1).
type Index struct {
	text  string
	bytes []int // bytes[i] is the byte offset of code point i; bytes[n] = len(text)
}

// NewIndex returns the index of text. Invalid UTF-8 bytes count as one
// code point each, as they do in a Go range loop.
func NewIndex(text string) *Index {
	x := &Index{text: text, bytes: make([]int, 0, len(text)+1)}
	for i := range text {
		x.bytes = append(x.bytes, i)
	}
	x.bytes = append(x.bytes, len(text))
	return x
}

// Len returns the length of the text in code points.
func (x *Index) Len() int { return len(x.bytes) - 1 }

// Byte returns the byte offset of code point offset cp, which may equal
// Len. It reports false when cp is out of range.
func (x *Index) Byte(cp int) (int, bool) {
	if cp < 0 || cp >= len(x.bytes) {
		return 0, false
	}
	return x.bytes[cp], true
}

// CodePoint returns the code-point offset of byte offset b. It reports
// false when b is out of range or falls inside a multi-byte character.
func (x *Index) CodePoint(b int) (int, bool) {
	lo, hi := 0, len(x.bytes)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.bytes[m] < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(x.bytes) || x.bytes[lo] != b {
		return 0, false
	}
	return lo, true
}

// Slice returns the text covered by s. It reports false when s is not
// within the text or is reversed.
func (x *Index) Slice(s Span) (string, bool) {
	if s.Start < 0 || s.Start > s.End || s.End >= len(x.bytes) {
		return "", false
	}
	return x.text[x.bytes[s.Start]:x.bytes[s.End]], true
}

// runeLen returns the length of text in code points, counting an invalid
// byte as one, like [NewIndex].
func runeLen(text string) int { return utf8.RuneCountInString(text) }

// Counter converts byte offsets of a text to code-point offsets when they
// come in order, as a scanner finds spans, without the memory of an
// [Index]: each call counts only from the previous offset. Invalid bytes
// count as one code point each, as in an Index.
type Counter struct {
	text  string
	b, cp int
}

// NewCounter returns a Counter at the start of text.
func NewCounter(text string) *Counter { return &Counter{text: text} }

// At returns the code-point offset of byte offset b, which must not be
// less than the b of the previous call.
func (c *Counter) At(b int) int {
	c.cp += utf8.RuneCountInString(c.text[c.b:b])
	c.b = b
	return c.cp
}
