package corpus

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// labelHint ends the message of an unknown label.
const labelHint = " (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)"

// CheckFields checks a mention on its own, whatever file it came from:
// a span that starts before it ends, an OntoNotes label,
// and value, modifier and unit only where the label takes them (see
// [Label.Numeric] and [Label.HasUnit]), a unit of the right form, a score
// that is a number. Each problem points at its field through m.Source.
func CheckFields(m *Mention) Problems {
	var ps Problems
	bad := func(f Field, err error) { ps = append(ps, m.Source.Problem(f, err)) }
	switch {
	case !m.Span.Placed():
		if m.Text == "" {
			bad(FieldText, Problemf(ErrText, "empty, and a mention with no offsets is found by its text"))
		}
	case m.Span.Start < 0:
		bad(FieldStart, Problemf(ErrOffset, "%d is negative", m.Span.Start))
	case m.Span.End < 0:
		bad(FieldEnd, Problemf(ErrOffset, "%d is negative", m.Span.End))
	case m.Span.Start >= m.Span.End:
		bad(FieldEnd, Problemf(ErrOffset, "end %d is not after start %d", m.Span.End, m.Span.Start))
	}
	label, ok := ParseLabel(string(m.Label))
	if !ok {
		bad(FieldLabel, Problemf(ErrLabel, "unknown label %s"+labelHint, Quote(string(m.Label))))
	}
	if _, ok := ParseModifier(string(m.Modifier)); !ok {
		bad(FieldModifier, Problemf(ErrModifier, "%s is not a modifier (want one of: empty, ~, >, >=, <, <=, range)", Quote(string(m.Modifier))))
	}
	if m.HasScore && (math.IsNaN(m.Score) || math.IsInf(m.Score, 0)) {
		bad(FieldScore, Problemf(ErrScore, "%v is not a number (want a decimal such as 0.87)", m.Score))
	}
	if !ok {
		return ps
	}
	if !label.Numeric() {
		if !m.Value.IsZero() {
			bad(FieldValue, Problemf(ErrNumber, "%s takes no value, got %s", label, Quote(m.Value.String())))
		}
		if m.Modifier != Exact {
			bad(FieldModifier, Problemf(ErrNumber, "%s takes no modifier, got %s", label, Quote(string(m.Modifier))))
		}
	}
	if m.Unit != "" {
		if !label.HasUnit() {
			bad(FieldUnit, Problemf(ErrNumber, "%s takes no unit, got %s (only QUANTITY and MONEY have units)", label, Quote(m.Unit)))
		} else if msg := UnitProblem(label, m.Unit); msg != "" {
			bad(FieldUnit, Problemf(ErrUnit, "%s %s", Quote(m.Unit), msg))
		}
	}
	return ps
}

// CheckText checks mentions of document d against its text: each span
// and alternative ends within the text, and each mention's Text is the
// text at its span. Each problem points at its field through the
// mention's Source; a mention with a problem is left as it is.
func CheckText(d Doc, ms []Mention) Problems {
	var ps Problems
	var x *Index
	for i := range ms {
		m := &ms[i]
		if !m.Span.Placed() { // not found in the text: nothing to check
			continue
		}
		if x == nil {
			x = NewIndex(d.Text)
		}
		if m.Span.End > x.Len() {
			ps = append(ps, m.Source.Problem(FieldEnd, Problemf(ErrOffset, "%d is past the end of document %s (length %d)", m.Span.End, Quote(d.ID), x.Len())))
			continue
		}
		if got, _ := x.Slice(m.Span); got != m.Text {
			if m.Source.Unescaped && got == "'"+m.Text { // the apostrophe was the text's, not an escape
				m.Text = got
				continue
			}
			ps = append(ps, m.Source.Problem(FieldText, Problemf(ErrText, "%s, but the document has %s at %s%s", Quote(m.Text), Quote(got), m.Span, mismatch(d.Text, m, got))))
		}
		for _, a := range m.Alts {
			if a.End > x.Len() {
				ps = append(ps, m.Source.Problem(FieldAlt, Problemf(ErrAlt, "%s ends past the end of document %s (length %d)", a, Quote(d.ID), x.Len())))
				break
			}
		}
	}
	return ps
}

// mismatch explains why a mention's text differs from got, its
// document's text at its span, when the reason is a common one: the
// same letters in another Unicode normalization, or offsets counted in
// UTF-8 bytes or UTF-16 units; "" otherwise.
func mismatch(doc string, m *Mention, got string) string {
	if norm.NFC.String(m.Text) == norm.NFC.String(got) {
		return fmt.Sprintf(": same letters, different Unicode normalization (%s in the file: %s; %s in the document: %s)",
			normalForm(m.Text), codePoints(m.Text), normalForm(got), codePoints(got))
	}
	start, end := m.Span.Start, m.Span.End
	if end <= len(doc) && doc[start:end] == m.Text && utf8.ValidString(doc[start:end]) {
		return fmt.Sprintf("; the text is at %d:%d in UTF-8 bytes, which is %d:%d in code points: offsets count code points",
			start, end, utf8.RuneCountInString(doc[:start]), utf8.RuneCountInString(doc[:end]))
	}
	// The code points at UTF-16 offsets start and end, where those differ.
	cpStart, cpEnd, units := -1, -1, 0
	for i, r := range []rune(doc) {
		if units == start {
			cpStart = i
		}
		if units == end {
			cpEnd = i
		}
		units += utf16.RuneLen(r)
	}
	if units == end {
		cpEnd = utf8.RuneCountInString(doc)
	}
	if cpStart >= 0 && cpEnd > cpStart && (cpStart != start || cpEnd != end) && string([]rune(doc)[cpStart:cpEnd]) == m.Text {
		return fmt.Sprintf("; the text is at %d:%d in UTF-16 units (as JavaScript, Java and C# count), which is %d:%d in code points: offsets count code points",
			start, end, cpStart, cpEnd)
	}
	return ""
}

// normalForm names the Unicode normalization form s is in.
func normalForm(s string) string {
	switch {
	case norm.NFC.IsNormalString(s):
		return "NFC"
	case norm.NFD.IsNormalString(s):
		return "NFD"
	}
	return "neither NFC nor NFD"
}

// codePoints lists the code points of s, U+0065 U+0301, the first 8.
func codePoints(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == 8 {
			b.WriteString(" ...")
			break
		}
		if n > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "U+%04X", r)
		n++
	}
	return b.String()
}

// CheckFlat checks that the mentions of one document are flat, as gold
// must be: no two with the same span and label (a duplicate), no two
// spans that overlap. A problem is reported at the mention read second,
// and names the other by its line (and file, when it is another).
func CheckFlat(ms []Mention) Problems {
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return Compare(ms[a], ms[b]) })

	// In sorted order a duplicate or an overlap is with a mention of the
	// same document that starts earlier and ends after this one starts;
	// keep the one reaching furthest to find them all with one pass.
	var ps Problems
	reach := -1 // index of the mention reaching furthest so far in this document
	for k, i := range order {
		m := &ms[i]
		if k > 0 && ms[order[k-1]].DocID != m.DocID {
			reach = -1
		}
		if reach >= 0 {
			r := &ms[reach]
			a, b := &ms[reach], m
			if compareSources(a.Source, b.Source) > 0 {
				a, b = b, a
			}
			switch {
			case r.Span == m.Span && r.Label == m.Label:
				ps = append(ps, b.Source.Problem(FieldStart, Problemf(ErrDuplicate, "same span %s and label as %s", m.Span, lineOf(a.Source, b.Source))))
			case r.Span.Overlaps(m.Span):
				ps = append(ps, b.Source.Problem(FieldStart, Problemf(ErrOverlap, "%s %s %s overlaps %s %s %s %s (gold spans are flat)",
					b.Span, b.Label, Quote(b.Text), a.Span, a.Label, Quote(a.Text), onLine(a.Source, b.Source))))
			}
		}
		if reach < 0 || m.Span.End > ms[reach].Span.End {
			reach = i
		}
	}
	return ps
}

// CheckDuplicates returns a warning for each mention with the span and
// label of another of the same document, at the one read second: in
// predictions, where spans may overlap, a duplicate is allowed but
// scored as a spurious mention, which is seldom what was meant.
func CheckDuplicates(ms []Mention) Problems {
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	if !slices.IsSortedFunc(ms, Compare) { // as a file written by exbench is
		slices.SortStableFunc(order, func(a, b int) int { return Compare(ms[a], ms[b]) })
	}
	var ps Problems
	for k := 1; k < len(order); k++ {
		a, b := &ms[order[k-1]], &ms[order[k]]
		if a.DocID != b.DocID || a.Span != b.Span || a.Label != b.Label || !a.Span.Placed() {
			continue
		}
		if compareSources(a.Source, b.Source) > 0 {
			a, b = b, a
		}
		p := b.Source.Problem(FieldStart, Problemf(ErrDuplicate, "same span %s and label as %s: scored as a spurious mention", b.Span, lineOf(a.Source, b.Source)))
		p.Warning = true
		ps = append(ps, p)
	}
	return ps
}

// Order checks that the rows of mention files come in order: each
// document's rows together, sorted by start, then end. The documents may
// come in any order: sorted by ID, as convert writes them, or in the
// order of the corpus, as run does. The zero Order is ready to use.
type Order struct {
	file string
	doc  string         // the previous row's document,
	span Span           // span
	line int            // and line
	last map[string]int // the line of the last row of each document of file left behind
}

// Check returns a warning when m, read right after the mention last
// checked, is out of order, and nil otherwise. A mention not read from a
// file (no Source.File) is no row: it is not checked.
func (o *Order) Check(m *Mention) *Problem {
	if m.Source.File == "" {
		return nil
	}
	var p *Problem
	switch {
	case m.Source.File != o.file || o.last == nil:
		o.file, o.last = m.Source.File, map[string]int{}
	case o.doc == m.DocID:
		if cmp.Or(cmp.Compare(o.span.Start, m.Span.Start), cmp.Compare(o.span.End, m.Span.End)) > 0 {
			p = m.Source.Problem(FieldStart, &orderError{line: o.line})
		}
	default:
		o.last[o.doc] = o.line
		if line, seen := o.last[m.DocID]; seen {
			p = m.Source.Problem(FieldDocID, &orderError{doc: m.DocID, line: line})
		}
	}
	if p != nil {
		p.Warning = true
	}
	o.doc, o.span, o.line = m.DocID, m.Span, m.Source.Line
	return p
}

// orderError is a row out of order, its message made only when it is
// printed: a shuffled file has one a row.
type orderError struct {
	doc  string // the document whose rows are apart; "" for a span going back
	line int    // the line of the row before
}

func (e *orderError) Error() string {
	if e.doc == "" {
		return fmt.Sprintf("row sorts before line %d (a document's rows are sorted by start, end)", e.line)
	}
	return fmt.Sprintf("document %q has rows up to line %d already (a document's rows come together)", e.doc, e.line)
}

func (e *orderError) Unwrap() error { return ErrOrder }

// compareSources orders two places in the files read: by file, then line.
func compareSources(a, b Source) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
}

// lineOf names where the other mention is, seen from one in here: "line
// 3" in the same file, "file.csv:3" in another.
func lineOf(other, here Source) string {
	if other.File == here.File {
		return fmt.Sprintf("line %d", other.Line)
	}
	return other.String()
}

// onLine is lineOf after "on" or "at".
func onLine(other, here Source) string {
	if other.File == here.File {
		return fmt.Sprintf("on line %d", other.Line)
	}
	return "at " + other.String()
}
