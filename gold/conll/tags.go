package conll

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

// ReadTags reads a CoNLL file that holds one annotation: a token in
// the first column and its tag in the last, at least two columns, as
// many on every line, separated by spaces or tabs; a blank line (or a
// first column -X-) ends a sentence and a line "-DOCSTART- ... O" starts
// a document. It reads tags into chunks as [Reader] does in the
// given scheme, and rebuilds each document's text the same way (one space
// between tokens, a line break between sentences), with the same IDs
// (doc0001, doc0002, ... for the documents that have a token). Chunk
// types must be one of the 18 OntoNotes labels, unless opts.AnyLabel
// leaves labels to the caller. Skipped counts the chunks a strict scheme
// dropped as ill-formed.
//
// Every bad line is reported in [corpus.Problems] with its position: invalid
// UTF-8, a wrong number of columns, a bad tag, an unknown label, a tagged
// -DOCSTART- line. The line is left out, and the Annotated holds the rest.
func ReadTags(r io.Reader, name string, scheme TagScheme, opts gold.Options) (*gold.Annotated, error) {
	cr := NewReader(r, name, scheme) // for its text, chunking and tag parsing
	a := &gold.Annotated{Name: name}
	var errs corpus.Problems
	var lines []tokenLine // of the document being read
	bad := func(err error) { errs = append(errs, err.(*corpus.Problem)) }
	flush := func() {
		d, ok := cr.flush()
		if !ok {
			return
		}
		a.Docs = append(a.Docs, d.Doc)
		for _, m := range d.Gold {
			k := sort.Search(len(lines), func(i int) bool { return lines[i].start >= m.Span.Start })
			at := lines[min(k, len(lines)-1)]
			m.Source = corpus.Source{File: name, Line: at.line}
			m.Source.Col[corpus.FieldLabel] = int32(at.tagCol)
			a.Mentions = append(a.Mentions, m)
		}
		lines = lines[:0]
	}
	for cr.sc.Scan() {
		cr.line++
		line := bytes.TrimSuffix(cr.sc.Bytes(), []byte("\r"))
		if !utf8.Valid(line) {
			bad(cr.errorf(1, "invalid UTF-8"))
			continue
		}
		fields := splitFields(cr.fields[:0], line)
		cr.fields = fields
		if len(fields) == 0 || string(fields[0]) == "-X-" {
			cr.boundary()
			continue
		}
		if cr.columns == 0 {
			if len(fields) < 2 {
				bad(cr.errorf(1, "%d column, want at least 2: token, ..., tag", len(fields)))
				continue
			}
			cr.columns = len(fields)
		} else if len(fields) != cr.columns {
			bad(cr.errorf(1, "%d columns, want %d as on the first line", len(fields), cr.columns))
			continue
		}
		tagField := fields[len(fields)-1]
		if string(fields[0]) == "-DOCSTART-" {
			if string(tagField) != "O" {
				bad(cr.errorf(1, "-DOCSTART- line tagged %s, want O", tagField))
				continue
			}
			cr.boundary()
			flush()
			continue
		}
		t, err := cr.parseTag(tagField, line, len(fields)-1)
		if err != nil {
			bad(err)
			continue
		}
		col := 1 + utf8.RuneCount(line[:cap(line)-cap(tagField)])
		if _, ok := corpus.ParseLabel(t.typ); t.prefix != 'O' && !ok && !opts.AnyLabel {
			errs = append(errs, &corpus.Problem{File: name, Line: cr.line, Col: col, Field: "tag",
				Err: corpus.Problemf(corpus.ErrLabel, "unknown label %q in %q (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)", t.typ, tagField)})
			continue
		}
		start, end := cr.appendToken(fields[0])
		lines = append(lines, tokenLine{start.runes, cr.line, col})
		cr.Dropped += cr.gold.add(cr.scheme, t, start, end)
	}
	if err := cr.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, cr.line+1, err)
	}
	cr.boundary()
	flush()
	a.Skipped = cr.Dropped
	if len(errs) > 0 {
		return a, errs
	}
	return a, nil
}

// tokenLine is where a token starts in its document (code points), the
// line it was read from and the column of its tag.
type tokenLine struct{ start, line, tagCol int }
