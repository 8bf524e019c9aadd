package gold

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
)

// Reader reads a mention CSV one document at a time, so that a file of
// any size costs the memory of its largest document. The rows of each
// document are meant to be together, as [Write] and exbench run write
// them (their order within a document is free); a document whose rows
// are apart comes back once for each run of rows, and a caller that needs
// each document once must check it (exbench score does, by following the
// corpus's order).
//
// Reader stops at the first problem and returns it with its position, as
// [Read] reports it; [Read] goes on and lists every problem of the file.
type Reader struct {
	name   string
	feed   *lineFeed
	rc     runeCols
	cr     *csv.Reader
	header []string
	index  []int
	next   *record // the first row of the next document, already read
	labels *LabelMap
	err    error
}

// record is a CSV row as read, with where it stands.
type record struct {
	fields []string
	cols   []int // code-point column of each field
	line   int
}

// NewReader returns a Reader of the mention CSV r, named name in messages.
func NewReader(r io.Reader, name string, opts ...Option) *Reader {
	feed := &lineFeed{br: bufio.NewReader(r), name: name}
	cr := csv.NewReader(feed)
	cr.FieldsPerRecord = -1
	return &Reader{name: name, feed: feed, cr: cr, labels: optionsOf(opts).labels}
}

// Next returns the rows of the next document, as a File of that document
// alone, or io.EOF after the last. A file with a header and no rows has
// no document. Once Next returns an error it returns the same error.
func (r *Reader) Next() (*File, error) {
	if r.err != nil {
		return nil, r.err
	}
	f, err := r.nextDoc()
	if err != nil {
		r.err = err
	}
	return f, err
}

func (r *Reader) nextDoc() (*File, error) {
	for {
		f, err := r.nextGroup()
		if err != nil || len(f.Mentions) > 0 {
			return f, err
		}
		// Every row of the document had a label the map drops.
	}
}

func (r *Reader) nextGroup() (*File, error) {
	if r.header == nil {
		if err := r.readHeader(); err != nil {
			return nil, err
		}
	}
	group := []*record{}
	if r.next != nil {
		group, r.next = append(group, r.next), nil
	}
	for {
		rec, err := r.read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(rec.fields) != len(r.header) {
			return nil, Errors{{File: r.name, Line: rec.line, Col: 1,
				Err: problemf(ErrFields, "row has %d fields, the header has %d", len(rec.fields), len(r.header))}}
		}
		if len(group) > 0 && rec.fields[r.index[colDocID]] != group[0].fields[r.index[colDocID]] {
			r.next = rec
			break
		}
		group = append(group, rec)
	}
	if len(group) == 0 {
		return nil, io.EOF
	}
	return r.convert(group)
}

// readHeader reads and checks the header.
func (r *Reader) readHeader() error {
	rec, err := r.read()
	if err == io.EOF {
		return Errors{{File: r.name, Line: 1, Col: 1, Field: "header", Err: problemf(ErrEmpty, "empty file: want a header row %s", strings.Join(Columns[:nBasic], ","))}}
	}
	if err != nil {
		return err
	}
	index, errs := checkHeader(r.name, rec.fields, rec.cols)
	if errs != nil {
		return errs
	}
	r.header, r.index = rec.fields, index
	return nil
}

// read reads one CSV record with its positions, and forgets the lines
// before it.
func (r *Reader) read() (*record, error) {
	fields, err := r.cr.Read()
	if err != nil {
		if r.feed.err != nil {
			return nil, Errors{r.feed.err}
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			msg := pe.Err.Error()
			if pe.StartLine != pe.Line {
				msg += fmt.Sprintf(" (the field starts on line %d)", pe.StartLine)
			}
			if e := r.feed.unclosedQuote(pe); e != nil {
				return nil, Errors{e}
			}
			return nil, Errors{{File: r.name, Line: pe.Line, Col: r.feed.col(pe.Line, pe.Column), Err: problemf(ErrSyntax, "%s", msg)}}
		}
		if err == io.EOF {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %w", r.name, err)
	}
	rec := &record{fields: fields, cols: make([]int, len(fields))}
	rec.line, _ = r.cr.FieldPos(0)
	for i := range fields {
		l, c := r.cr.FieldPos(i)
		rec.cols[i] = r.feed.colFrom(&r.rc, l, c)
	}
	r.feed.forget(rec.line)
	return rec, nil
}

// convert maps a document's records to mentions, as [Read] does.
func (r *Reader) convert(group []*record) (*File, error) {
	records := make([][]string, 0, 1+len(group))
	records = append(records, r.header)
	for _, rec := range group {
		records = append(records, rec.fields)
	}
	var rows []row
	if err := gocsv.UnmarshalCSV(&recordReader{records: records}, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", r.name, err)
	}
	f := &File{Name: r.name}
	for i, rw := range rows {
		var keep bool
		if rw.Label, keep = r.labels.Map(rw.Label); !keep {
			continue
		}
		cols := make([]int, len(Columns))
		for c, at := range r.index {
			if at >= 0 {
				cols[c] = group[i].cols[at]
			}
		}
		m, errs := convert(rw, cols, r.name, group[i].line)
		if errs != nil {
			sortErrors(errs)
			return nil, errs
		}
		f.Mentions = append(f.Mentions, m)
		f.cols = append(f.cols, cols)
	}
	return f, nil
}

// lineFeed hands its input to encoding/csv one line at a time, so that it
// knows the bytes of the lines of the record being read (to turn byte
// columns into code-point columns), and checks each line for invalid
// UTF-8 and NUL bytes before csv sees it.
type lineFeed struct {
	br    *bufio.Reader
	name  string
	lines [][]byte // the lines from line first on, as read
	first int      // 1-based number of lines[0]
	rest  []byte   // what is left of the last line to hand out
	off   int      // byte offset of the next line in the file
	err   *Error   // the first invalid UTF-8 or NUL found
}

func (f *lineFeed) Read(p []byte) (int, error) {
	if len(f.rest) == 0 {
		if f.err != nil {
			return 0, f.err
		}
		line, err := f.br.ReadBytes('\n')
		if len(line) == 0 {
			return 0, err
		}
		n := f.first + len(f.lines)
		if f.first == 0 {
			f.first, n = 1, 1
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if e := f.check(n, line); e != nil {
			f.err = e
			return 0, e
		}
		f.off += len(line)
		f.lines = append(f.lines, line)
		f.rest = line
	}
	n := copy(p, f.rest)
	f.rest = f.rest[n:]
	return n, nil
}

// check reports line n's first invalid UTF-8 or NUL byte, as Read does.
func (f *lineFeed) check(n int, line []byte) *Error {
	for i := 0; i < len(line); {
		c, size := utf8.DecodeRune(line[i:])
		switch {
		case c == utf8.RuneError && size <= 1:
			return &Error{File: f.name, Line: n, Col: 1 + utf8.RuneCount(line[:i]),
				Err: problemf(ErrUTF8, "invalid UTF-8: byte 0x%02x at byte offset %d", line[i], f.off+i)}
		case c == 0:
			return &Error{File: f.name, Line: n, Col: 1 + utf8.RuneCount(line[:i]),
				Err: problemf(ErrNUL, "NUL byte at byte offset %d (is the file UTF-16? mention files are UTF-8)", f.off+i)}
		}
		i += size
	}
	return nil
}

// col turns a 1-based byte column on line n into a code-point column.
func (f *lineFeed) col(n, byteCol int) int {
	i := n - f.first
	if i < 0 || i >= len(f.lines) {
		return max(byteCol, 1)
	}
	line := f.lines[i]
	return 1 + utf8.RuneCount(line[:min(max(byteCol-1, 0), len(line))])
}

// colFrom is col, counting on from the last column rc gave on that line.
func (f *lineFeed) colFrom(rc *runeCols, n, byteCol int) int {
	i := n - f.first
	if i < 0 || i >= len(f.lines) {
		return max(byteCol, 1)
	}
	return rc.at(f.lines[i], n, byteCol)
}

// forget drops the lines before line n.
func (f *lineFeed) forget(n int) {
	if k := n - f.first; k > 0 && k <= len(f.lines) {
		f.lines = append(f.lines[:0], f.lines[k:]...)
		f.first = n
	}
}

// unclosedQuote finds the quote that opens a quoted field and is never
// closed, when that is what pe is about, as [Read] does: the record's
// lines are all still held.
func (f *lineFeed) unclosedQuote(pe *csv.ParseError) *Error {
	k := pe.StartLine - f.first
	if !errors.Is(pe.Err, csv.ErrQuote) || k < 0 || k >= len(f.lines) {
		return nil
	}
	data := bytes.Join(f.lines[k:], nil)
	starts := lineStarts(data)
	rel := *pe
	rel.StartLine, rel.Line = 1, pe.Line-pe.StartLine+1
	l, c, ok := unclosedQuote(data, starts, &rel)
	if !ok {
		return nil
	}
	return &Error{File: f.name, Line: pe.StartLine + l - 1, Col: 1 + utf8.RuneCount(data[starts[l-1]:starts[l-1]+c-1]),
		Err: problemf(ErrSyntax, "unterminated quoted field: no closing quote before the end of the file")}
}
