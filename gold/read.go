package gold

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// Columns lists the columns of a mention file in the order they are
// written, which is the order of [corpus.Field]. The first five are
// required when reading; value, modifier and unit may be left out, and
// then every mention has none. alt (a gold mention's alternative spans)
// and score (a prediction's confidence) are optional, and written only
// when some mention has one.
var Columns = []string{"doc_id", "start", "end", "text", "label", "value", "modifier", "unit", "alt", "score"}

// nBasic is how many of Columns every written file has.
const nBasic = 8

const nRequired = 5

// row is one CSV record, every field as written; gocsv maps the columns
// by name, and conversion with positions is done here.
type row struct {
	DocID    string `csv:"doc_id"`
	Start    string `csv:"start"`
	End      string `csv:"end"`
	Text     string `csv:"text"`
	Label    string `csv:"label"`
	Value    string `csv:"value"`
	Modifier string `csv:"modifier"`
	Unit     string `csv:"unit"`
	Alt      string `csv:"alt"`
	Score    string `csv:"score"`
}

// ReadFile reads the mention file at path whole; see [Read].
func ReadFile(path string) ([]corpus.Mention, error) {
	f, err := corpus.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return collect(NewReader(f, path, Options{}).All())
}

// Read reads a mention CSV whole (see the package documentation for the
// format), named name in messages: the mentions a [Reader] gives, in file
// order, and every problem it meets, as [corpus.Problems] in file order.
// Rows with a problem are left out; the mentions of the others come back
// beside the problems, so that a caller can go on to look for more.
func Read(data []byte, name string) ([]corpus.Mention, error) {
	return collect(NewReader(bytes.NewReader(data), name, Options{}).All())
}

// collect gathers a sequence of mentions and its problems. An error that
// is no problem at a position (a failed read) ends it.
func collect(seq iter.Seq2[corpus.Mention, error]) ([]corpus.Mention, error) {
	var ms []corpus.Mention
	var ps corpus.Problems
	for m, err := range seq {
		if err != nil {
			if !ps.Add(err) {
				return nil, err
			}
			continue
		}
		ms = append(ms, m)
	}
	if len(ps) > 0 {
		ps.Sort()
		return ms, ps
	}
	return ms, nil
}

// Reader reads a mention CSV one row at a time, so that a file of any
// size costs the memory of its longest record. Each mention remembers
// where it was read: file, line and the column of each field (see
// [corpus.Source]).
//
// A problem in a row (an offset that is not an integer, an unknown
// label, a wrong number of fields, ...) is returned for that row, and
// reading goes on with the next. A problem that leaves the rest of the
// file unreadable (a bad header, malformed CSV) ends it. Invalid UTF-8
// or a NUL byte ends the rows too, but the rest of the file is still
// looked through for more of them, one report a line, so that a file in
// another encoding says so at every line as it should.
type Reader struct {
	name   string
	feed   *lineFeed
	rc     runeCols
	cr     *csv.Reader
	header []string
	index  []int // index[f]: the header column of field f, or -1
	opts   Options
	done   bool
}

// NewReader returns a Reader of the mention CSV r, named name in messages.
func NewReader(r io.Reader, name string, opts Options) *Reader {
	feed := &lineFeed{br: bufio.NewReader(r), name: name}
	cr := csv.NewReader(feed)
	cr.FieldsPerRecord = -1 // counted here, so one bad row does not stop the rest
	cr.ReuseRecord = true
	return &Reader{name: name, feed: feed, cr: cr, opts: opts}
}

// Read returns the next mention. A problem with a row comes back as
// [corpus.Problems], and the next call reads on; after a problem that
// ends the file, and after the last row, Read returns io.EOF. Any other
// error is a failed read.
func (r *Reader) Read() (corpus.Mention, error) {
	if r.done {
		return corpus.Mention{}, io.EOF
	}
	m, err := r.next()
	if rp, ok := err.(rowProblems); ok {
		return m, rp.Problems // the next row is read on the next call
	}
	if err != nil {
		r.done = true
	}
	return m, err
}

// All returns the mentions of the rest of the file as a sequence: a
// mention, or a problem in its place (as [Reader.Read] returns them). It
// ends at the end of the file.
func (r *Reader) All() iter.Seq2[corpus.Mention, error] {
	return func(yield func(corpus.Mention, error) bool) {
		for {
			m, err := r.Read()
			if err == io.EOF || !yield(m, err) {
				return
			}
		}
	}
}

// rowProblems are the problems of one row, after which reading goes on.
type rowProblems struct{ corpus.Problems }

// next reads the next mention; errors that end the file are returned as
// they are, a row's problems wrapped in rowProblems.
func (r *Reader) next() (corpus.Mention, error) {
	if r.feed.bad != nil {
		return corpus.Mention{}, r.feed.moreBad()
	}
	if r.header == nil {
		if err := r.readHeader(); err != nil {
			return corpus.Mention{}, err
		}
	}
	for {
		fields, line, cols, err := r.read()
		if err != nil {
			return corpus.Mention{}, err
		}
		if len(fields) != len(r.header) {
			return corpus.Mention{}, rowProblems{corpus.Problems{{File: r.name, Line: line, Col: 1,
				Err: corpus.Problemf(ErrFields, "row has %d fields, the header has %d", len(fields), len(r.header))}}}
		}
		m, ps := r.mention(fields, line, cols)
		if ps != nil {
			ps.Sort()
			return corpus.Mention{}, rowProblems{ps}
		}
		return m, nil
	}
}

// readHeader reads and checks the header.
func (r *Reader) readHeader() error {
	fields, _, cols, err := r.read()
	if err == io.EOF {
		return corpus.Problems{{File: r.name, Line: 1, Col: 1, Field: "header", Err: corpus.Problemf(ErrEmpty, "empty file: want a header row %s", strings.Join(Columns[:nBasic], ","))}}
	}
	if err != nil {
		return err
	}
	index, errs := checkHeader(r.name, fields, cols)
	if errs != nil {
		return errs
	}
	r.header, r.index = slices.Clone(fields), index
	return nil
}

// read reads one CSV record with its first line and the code-point
// column of each field, and forgets the lines before it.
func (r *Reader) read() (fields []string, line int, cols []int, err error) {
	fields, err = r.cr.Read()
	if err != nil {
		if r.feed.bad != nil {
			return nil, 0, nil, r.feed.moreBad()
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			msg := pe.Err.Error()
			if pe.StartLine != pe.Line {
				msg += fmt.Sprintf(" (the field starts on line %d)", pe.StartLine)
			}
			if e := r.feed.unclosedQuote(pe); e != nil {
				return nil, 0, nil, corpus.Problems{e}
			}
			return nil, 0, nil, corpus.Problems{{File: r.name, Line: pe.Line, Col: r.feed.col(pe.Line, pe.Column), Err: corpus.Problemf(ErrSyntax, "%s", msg)}}
		}
		if err == io.EOF {
			return nil, 0, nil, err
		}
		return nil, 0, nil, fmt.Errorf("%s: %w", r.name, err)
	}
	cols = make([]int, len(fields))
	line, _ = r.cr.FieldPos(0)
	for i := range fields {
		l, c := r.cr.FieldPos(i)
		cols[i] = r.feed.colFrom(&r.rc, l, c)
	}
	r.feed.forget(line)
	return fields, line, cols, nil
}

// checkHeader checks the header names exactly (gocsv alone would trim
// them, and decode a missing column as empty without a word) and returns,
// for each of Columns, its index in the header or -1.
func checkHeader(name string, header []string, cols []int) ([]int, corpus.Problems) {
	index := make([]int, len(Columns))
	for i := range index {
		index[i] = -1
	}
	var errs corpus.Problems
	for i, h := range header {
		c := slices.Index(Columns, h)
		switch {
		case c < 0:
			errs = append(errs, &corpus.Problem{File: name, Line: 1, Col: cols[i], Field: "header",
				Err: corpus.Problemf(ErrHeader, "unknown column %s (columns are %s)", corpus.Quote(h), strings.Join(Columns, ","))})
		case index[c] >= 0:
			errs = append(errs, &corpus.Problem{File: name, Line: 1, Col: cols[i], Field: "header",
				Err: corpus.Problemf(ErrHeader, "duplicate column %s (also column %d)", corpus.Quote(h), index[c]+1)})
		default:
			index[c] = i
		}
	}
	for c := range nRequired {
		if index[c] < 0 {
			errs = append(errs, &corpus.Problem{File: name, Line: 1, Col: 1, Field: "header",
				Err: corpus.Problemf(ErrHeader, "missing column %q", Columns[c])})
		}
	}
	return index, errs
}

// mention turns one record into a mention, or returns every problem in
// it: those of each field on its own, then, unless the labels are left
// to the caller ([AnyLabel]), those [corpus.CheckFields] finds.
func (r *Reader) mention(fields []string, line int, cols []int) (corpus.Mention, corpus.Problems) {
	var rw row
	var rowCols [corpus.NumFields]int32
	for f, at := range r.index {
		if at < 0 {
			continue
		}
		rowCols[f] = int32(cols[at])
		*rw.field(corpus.Field(f)) = fields[at]
	}
	src := corpus.Source{File: r.name, Line: line, Col: rowCols}
	m, ps := parseRow(&rw, src)
	if ps != nil {
		return m, ps
	}
	return m, r.opts.Check(&m)
}

// field returns a pointer to the cell of field f.
func (rw *row) field(f corpus.Field) *string {
	return [...]*string{&rw.DocID, &rw.Start, &rw.End, &rw.Text, &rw.Label, &rw.Value, &rw.Modifier, &rw.Unit, &rw.Alt, &rw.Score}[f]
}

// parseRow parses the cells of a row read at src: a document ID, and
// offsets, value, modifier, alternatives and score each well formed. Cells that
// a spreadsheet could run as a formula come back unescaped. Whether the
// fields fit together and the label is known is [corpus.CheckFields]'s.
func parseRow(rw *row, src corpus.Source) (corpus.Mention, corpus.Problems) {
	var ps corpus.Problems
	bad := func(f corpus.Field, err error) { ps = append(ps, src.Problem(f, err)) }
	m := corpus.Mention{DocID: UnescapeCell(rw.DocID), Text: UnescapeCell(rw.Text), Label: corpus.Label(rw.Label), Unit: rw.Unit, Source: src}
	m.Source.Unescaped = len(m.Text) < len(rw.Text)
	if rw.DocID == "" {
		bad(corpus.FieldDocID, corpus.Problemf(corpus.ErrDocID, "empty"))
	}
	start, okStart, end, okEnd := 0, false, 0, false
	if rw.Start == "" && rw.End == "" && rw.Text != "" {
		m.Span = corpus.NoSpan // a prediction given by its text: placed when scored
	} else {
		start, okStart = parseOffset(rw.Start, corpus.FieldStart, bad)
		end, okEnd = parseOffset(rw.End, corpus.FieldEnd, bad)
		m.Span = corpus.Span{Start: start, End: end}
	}
	if v, err := corpus.ParseValue(rw.Value); err != nil {
		bad(corpus.FieldValue, corpus.Problemf(corpus.ErrValue, "%s is not a number (want a plain decimal such as 300, 270000 or 3.5)", corpus.Quote(rw.Value)))
	} else {
		m.Value = v
	}
	if mod, ok := corpus.ParseModifier(rw.Modifier); !ok {
		bad(corpus.FieldModifier, corpus.Problemf(corpus.ErrModifier, "%s is not a modifier (want one of: empty, ~, >, >=, <, <=, range)", corpus.Quote(rw.Modifier)))
	} else {
		m.Modifier = mod
	}
	if rw.Alt != "" {
		m.Alts = parseAlts(rw.Alt, m.Span, okStart && okEnd && start < end, func(err error) { bad(corpus.FieldAlt, err) })
	}
	if rw.Score != "" {
		f, err := strconv.ParseFloat(rw.Score, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			bad(corpus.FieldScore, corpus.Problemf(corpus.ErrScore, "%s is not a number (want a decimal such as 0.87)", corpus.Quote(rw.Score)))
		}
		m.Score, m.HasScore = f, true
	}
	return m, ps
}

// parseAlts parses alternative spans, START:END separated by semicolons;
// each must overlap span (when span is good) and differ from it.
func parseAlts(s string, span corpus.Span, spanOK bool, bad func(error)) []corpus.Span {
	var alts []corpus.Span
	for _, part := range strings.Split(s, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(part), ":")
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(b)
		switch {
		case !ok || err1 != nil || err2 != nil:
			bad(corpus.Problemf(corpus.ErrAlt, "%s is not START:END (alternatives are START:END;START:END, code points)", corpus.Quote(part)))
			return nil
		case start < 0 || end <= start:
			bad(corpus.Problemf(corpus.ErrAlt, "%s: want 0 <= START < END", corpus.Quote(part)))
			return nil
		}
		alt := corpus.Span{Start: start, End: end}
		switch {
		case spanOK && alt == span:
			bad(corpus.Problemf(corpus.ErrAlt, "%s is the mention's own span", corpus.Quote(part)))
			return nil
		case spanOK && !alt.Overlaps(span):
			bad(corpus.Problemf(corpus.ErrAlt, "%s does not overlap the mention's span %s: an alternative is another reading of the same mention", corpus.Quote(part), span))
			return nil
		case slices.Contains(alts, alt):
			bad(corpus.Problemf(corpus.ErrAlt, "%s is given twice", corpus.Quote(part)))
			return nil
		}
		alts = append(alts, alt)
	}
	return alts
}

// parseOffset parses a code-point offset, reporting a problem to bad.
func parseOffset(s string, f corpus.Field, bad func(corpus.Field, error)) (int, bool) {
	n, err := corpus.ParseOffset(s)
	if err != nil {
		bad(f, err)
		return 0, false
	}
	return n, true
}
