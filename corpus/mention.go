package corpus

import (
	"cmp"
	"fmt"
	"slices"
)

// Mention is one labelled span of a document: an entity, a date or a
// number, from a gold file or from an extractor.
type Mention struct {
	DocID string
	Span  Span // code points into the document's text, or NoSpan for a prediction given by its text alone
	Label Label
	Text  string // the document's text at Span

	// Value, Modifier and Unit are set only for numeric labels (see
	// [Label.Numeric]); Unit only for QUANTITY and MONEY, as a canonical
	// code: a lowercase symbol ("km", "mi", "km2") or an ISO 4217 currency
	// code ("USD").
	Value    Value
	Modifier Modifier
	Unit     string

	// Alts lists other spans of a gold mention that are equally right
	// ("5 million" beside "$5 million"): a prediction that matches one
	// of them matches the mention. Each overlaps Span.
	Alts []Span

	// Score is a prediction's confidence, when HasScore: higher is
	// surer. Sweeps score at every threshold of it.
	Score    float64
	HasScore bool

	// Source is where the mention was read from, for messages; it is
	// the zero Source for mentions an extractor made.
	Source Source
}

// Source is where a mention was read: its file, its line, and the
// column of each of its fields, so that a problem found later still
// points at the field at fault.
type Source struct {
	File string
	Line int // 1-based; 0 when unknown
	// Col holds the 1-based code-point column of each field on the line,
	// by [Field]; 0 where unknown.
	Col [NumFields]int32
	// Unescaped is set when the text cell began with an apostrophe that
	// was read as an escape and taken off (see gold.UnescapeCell): if the
	// text then differs from the document's by that apostrophe,
	// [CheckText] takes the apostrophe as the text's own.
	Unescaped bool
}

// Field names a field of a mention, as the columns of a mention file do.
type Field int8

// The fields of a mention, in the order of a mention file's columns.
const (
	FieldDocID Field = iota
	FieldStart
	FieldEnd
	FieldText
	FieldLabel
	FieldValue
	FieldModifier
	FieldUnit
	FieldAlt
	FieldScore
	NumFields // how many fields there are
)

var fieldNames = [NumFields]string{"doc_id", "start", "end", "text", "label", "value", "modifier", "unit", "alt", "score"}

// String returns the field's column name: "doc_id", "start", ...
func (f Field) String() string {
	if f < 0 || f >= NumFields {
		return fmt.Sprintf("Field(%d)", int(f))
	}
	return fieldNames[f]
}

// Problem returns a problem with field f of the mention read at s: at
// its column, or column 1 when that is not known.
func (s Source) Problem(f Field, err error) *Problem {
	p := &Problem{File: s.File, Line: s.Line, Field: f.String(), Err: err}
	if s.Line > 0 {
		p.Col = max(int(s.Col[f]), 1)
	}
	return p
}

// String formats s as "file:line", or "" for the zero Source.
func (s Source) String() string {
	switch {
	case s.File == "" && s.Line == 0:
		return ""
	case s.Line == 0:
		return s.File
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// Compare orders mentions by document ID, start, end and label, the order
// mention files are written in; a document's mentions without offsets
// ([NoSpan]) come after the others and compare equal among themselves,
// so that a stable sort keeps the order they were given in, which
// [Align] goes by. It returns -1, 0 or +1.
func Compare(a, b Mention) int {
	if c := cmp.Compare(a.DocID, b.DocID); c != 0 {
		return c
	}
	switch pa, pb := a.Span.Placed(), b.Span.Placed(); {
	case !pa && !pb:
		return 0
	case !pa:
		return 1
	case !pb:
		return -1
	}
	return cmp.Or(
		cmp.Compare(a.Span.Start, b.Span.Start),
		cmp.Compare(a.Span.End, b.Span.End),
		cmp.Compare(a.Label, b.Label),
	)
}

// Sort sorts ms in place by [Compare]. The sort is stable, so mentions
// that compare equal keep their order.
func Sort(ms []Mention) { slices.SortStableFunc(ms, Compare) }
