package gold

import (
	"cmp"
	"slices"

	"github.com/exbench/exbench/corpus"
)

// Validate checks the mentions of f against the corpus c, as [File.Check]
// does, and against the rules of a gold file, and returns every problem it
// finds, in file order:
//
//   - a doc_id that is not in c;
//   - an end past the end of the document (the message gives its length);
//   - text that differs from the document's text at the span (both shown);
//   - two rows with the same span and label (duplicate), or spans that
//     overlap (gold spans are flat);
//   - rows not sorted by doc_id, start, end (a warning).
//
// Problems in single rows are found by [Read]; Validate sees only the rows
// Read accepted.
func (f *File) Validate(c *corpus.Corpus) Errors {
	errs := append(f.Check(c), f.checkLayout()...)
	sortErrors(errs)
	return errs
}

// Check checks the mentions of f against the corpus c: an unknown doc_id,
// an end past the end of the document, text that differs from the
// document. It is what predictions must pass; gold must pass
// [File.Validate].
//
// It holds one document's offset index at a time, so a file whose rows
// are grouped by document (as files are written) costs memory for its
// largest document only.
func (f *File) Check(c *corpus.Corpus) Errors {
	var errs Errors
	var x *corpus.Index
	indexed := ""
	for i, m := range f.Mentions {
		if x == nil || m.DocID != indexed {
			d, ok := c.Doc(m.DocID)
			if !ok {
				errs = append(errs, f.errorAt(i, colDocID, problemf(ErrDocID, "unknown document %s (not in corpus %s)", quote(m.DocID), c.Name)))
				continue
			}
			x, indexed = corpus.NewIndex(d.Text), m.DocID
		}
		if m.Span.End > x.Len() {
			errs = append(errs, f.errorAt(i, colEnd, problemf(ErrOffset, "%d is past the end of document %s (length %d)", m.Span.End, quote(m.DocID), x.Len())))
			continue
		}
		if got, _ := x.Slice(m.Span); got != m.Text {
			errs = append(errs, f.errorAt(i, colText, problemf(ErrText, "%s, but the document has %s at %s", quote(m.Text), quote(got), m.Span)))
		}
		for _, a := range m.Alts {
			if a.End > x.Len() {
				errs = append(errs, f.errorAt(i, colAlt, problemf(ErrAlt, "%s ends past the end of document %s (length %d)", a, quote(m.DocID), x.Len())))
				break
			}
		}
	}
	return errs
}

// Layout checks mentions read from any format (JSONL, brat, CoNLL) for
// the rules [File.Validate] adds for gold: no duplicate and no
// overlapping spans, rows in order (a warning). Problems point at each
// mention's Source line, column 1.
func Layout(name string, ms []corpus.Mention) Errors {
	errs := (&File{Name: name, Mentions: ms}).checkLayout()
	sortErrors(errs)
	return errs
}

// checkLayout finds duplicate and overlapping spans and rows out of order.
func (f *File) checkLayout() Errors {
	var errs Errors
	order := make([]int, len(f.Mentions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return corpus.Compare(f.Mentions[a], f.Mentions[b]) })

	// In sorted order a duplicate or an overlap is with a mention of the
	// same document that starts earlier and ends after this one starts;
	// keep the one reaching furthest to find them all with one pass.
	reach := -1 // index of the mention reaching furthest so far in this document
	for k, i := range order {
		m := f.Mentions[i]
		if k > 0 && f.Mentions[order[k-1]].DocID != m.DocID {
			reach = -1
		}
		if reach >= 0 {
			r := f.Mentions[reach]
			a, b := f.laterPair(reach, i)
			switch {
			case r.Span == m.Span && r.Label == m.Label:
				errs = append(errs, f.errorAt(b, colStart, problemf(ErrDuplicate, "same span %s and label as line %d", m.Span, f.Mentions[a].Source.Line)))
			case r.Span.Overlaps(m.Span):
				errs = append(errs, f.errorAt(b, colStart, problemf(ErrOverlap, "%s %s %s overlaps %s %s %s on line %d (gold spans are flat)",
					f.Mentions[b].Span, f.Mentions[b].Label, quote(f.Mentions[b].Text), f.Mentions[a].Span, f.Mentions[a].Label, quote(f.Mentions[a].Text), f.Mentions[a].Source.Line)))
			}
		}
		if reach < 0 || m.Span.End > f.Mentions[reach].Span.End {
			reach = i
		}
	}

	for i := 1; i < len(f.Mentions); i++ {
		if comparePos(f.Mentions[i-1], f.Mentions[i]) > 0 {
			e := f.errorAt(i, colDocID, problemf(ErrOrder, "row sorts before line %d (rows are sorted by doc_id, start, end)", f.Mentions[i-1].Source.Line))
			e.Warning = true
			errs = append(errs, e)
		}
	}
	return errs
}

// laterPair returns the two mention indexes, the one on the earlier line
// first, so a problem is reported at the row that comes second.
func (f *File) laterPair(i, j int) (int, int) {
	if f.Mentions[i].Source.Line > f.Mentions[j].Source.Line {
		return j, i
	}
	return i, j
}

// comparePos orders mentions by doc_id, start and end: the order the
// guidelines ask of rows (Write also sorts by label, for determinism).
func comparePos(a, b corpus.Mention) int {
	return cmp.Or(cmp.Compare(a.DocID, b.DocID), cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(a.Span.End, b.Span.End))
}

// sortErrors puts errs in file order; see [Errors.Sort].
func sortErrors(errs Errors) { errs.Sort() }

// Sort puts the problems in file order: files in the order they first
// appear, then by line and column, keeping the order of problems at one
// position.
func (es Errors) Sort() {
	rank := map[string]int{}
	for _, e := range es {
		if _, ok := rank[e.File]; !ok {
			rank[e.File] = len(rank)
		}
	}
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(rank[a.File], rank[b.File]), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}
