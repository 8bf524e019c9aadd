package gold

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/gocarina/gocsv"
)

// Columns lists the columns of a mention file in the order they are
// written. The first five are required when reading; value, modifier and
// unit may be left out, and then every mention has none. alt (a gold
// mention's alternative spans) and score (a prediction's confidence) are
// optional, and written only when some mention has one.
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

// File is a mention file as read: its mentions in file order, and where
// each field of each mention stands, so later checks can point at it.
type File struct {
	Name     string
	Mentions []corpus.Mention
	cols     [][]int // cols[i][c]: 1-based column of field Columns[c] of Mentions[i]; 0 if absent
}

// errorAt returns a problem at field Columns[c] of mention i.
func (f *File) errorAt(i, c int, err error) *Error {
	name := f.Name
	if src := f.Mentions[i].Source.File; src != "" {
		name = src // a mention read from one file of a directory (brat)
	}
	col := 1
	if f.cols != nil {
		col = max(f.cols[i][c], 1)
	}
	return &Error{File: name, Line: f.Mentions[i].Source.Line, Col: col, Field: Columns[c], Err: err}
}

// ReadFile reads the mention file at path; see [Read].
func ReadFile(path string, opts ...Option) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(data, path, opts...)
}

// Read parses a mention CSV (see the package documentation for the format)
// named name in messages. A UTF-8 byte-order mark and CRLF line endings are
// accepted.
//
// Problems that make the whole file unreadable (invalid UTF-8, malformed
// CSV, a bad header) return a nil File. Problems in single rows (a
// non-integer offset, an unknown label, ...) leave those rows out of the
// File and are all returned as [Errors]; the File holds the good rows, so
// a caller can go on to report further problems with [File.Validate].
func Read(data []byte, name string, opts ...Option) (*File, error) {
	o := optionsOf(opts)
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if errs := append(checkUTF8(name, data), checkNUL(name, data)...); errs != nil {
		sortErrors(errs)
		return nil, errs
	}
	lines := lineStarts(data)
	colOf := func(line, byteCol int) int { // byte column to code-point column
		start := lines[line-1]
		end := min(start+byteCol-1, len(data))
		return 1 + utf8.RuneCount(data[start:end])
	}
	var rc runeCols

	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // counted below, so one bad row does not stop the rest
	var errs Errors
	var records [][]string // the header and the rows with the right field count
	var recordCols [][]int // code-point column of each field
	var recordLines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line := pe.Line
				col := 1
				if line >= 1 && line <= len(lines) {
					col = colOf(line, pe.Column)
				}
				msg := pe.Err.Error()
				if pe.StartLine != pe.Line {
					msg += fmt.Sprintf(" (the field starts on line %d)", pe.StartLine)
				}
				if ql, qc, ok := unclosedQuote(data, lines, pe); ok {
					line, col, msg = ql, colOf(ql, qc), "unterminated quoted field: no closing quote before the end of the file"
				}
				return nil, append(errs, &Error{File: name, Line: line, Col: col, Err: problemf(ErrSyntax, "%s", msg)})
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		cols := make([]int, len(rec))
		for i := range rec {
			l, c := cr.FieldPos(i)
			cols[i] = rc.at(data[lines[l-1]:], l, c)
		}
		if len(records) > 0 && len(rec) != len(records[0]) {
			errs = append(errs, &Error{File: name, Line: line, Col: 1,
				Err: problemf(ErrFields, "row has %d fields, the header has %d", len(rec), len(records[0]))})
			continue
		}
		records = append(records, rec)
		recordCols = append(recordCols, cols)
		recordLines = append(recordLines, line)
	}
	if len(records) == 0 {
		return nil, Errors{{File: name, Line: 1, Col: 1, Field: "header", Err: problemf(ErrEmpty, "empty file: want a header row %s", strings.Join(Columns[:nBasic], ","))}}
	}
	index, herrs := checkHeader(name, records[0], recordCols[0])
	if herrs != nil {
		return nil, herrs
	}

	var rows []row
	if err := gocsv.UnmarshalCSV(&recordReader{records: records}, &rows); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	f := &File{Name: name}
	for i, r := range rows {
		var keep bool
		if r.Label, keep = o.labels.Map(r.Label); !keep {
			continue
		}
		cols := make([]int, len(Columns))
		for c, at := range index {
			if at >= 0 {
				cols[c] = recordCols[i+1][at]
			}
		}
		m, rerrs := convert(r, cols, name, recordLines[i+1])
		if rerrs != nil {
			errs = append(errs, rerrs...)
			continue
		}
		f.Mentions = append(f.Mentions, m)
		f.cols = append(f.cols, cols)
	}
	sortErrors(errs)
	if len(errs) > 0 {
		return f, errs
	}
	return f, nil
}

// recordReader hands records that were already read to gocsv.
type recordReader struct {
	records [][]string
	next    int
}

func (r *recordReader) Read() ([]string, error) {
	if r.next == len(r.records) {
		return nil, io.EOF
	}
	r.next++
	return r.records[r.next-1], nil
}

func (r *recordReader) ReadAll() ([][]string, error) {
	rest := r.records[r.next:]
	r.next = len(r.records)
	return rest, nil
}

// checkHeader checks the header names exactly (gocsv alone would trim
// them, and decode a missing column as empty without a word) and returns,
// for each of Columns, its index in the header or -1.
func checkHeader(name string, header []string, cols []int) ([]int, Errors) {
	index := make([]int, len(Columns))
	for i := range index {
		index[i] = -1
	}
	var errs Errors
	for i, h := range header {
		c := columnIndex(h)
		switch {
		case c < 0:
			errs = append(errs, &Error{File: name, Line: 1, Col: cols[i], Field: "header",
				Err: problemf(ErrHeader, "unknown column %s (columns are %s)", quote(h), strings.Join(Columns, ","))})
		case index[c] >= 0:
			errs = append(errs, &Error{File: name, Line: 1, Col: cols[i], Field: "header",
				Err: problemf(ErrHeader, "duplicate column %s (also column %d)", quote(h), index[c]+1)})
		default:
			index[c] = i
		}
	}
	for c := range nRequired {
		if index[c] < 0 {
			errs = append(errs, &Error{File: name, Line: 1, Col: 1, Field: "header",
				Err: problemf(ErrHeader, "missing column %q", Columns[c])})
		}
	}
	return index, errs
}

func columnIndex(name string) int {
	for i, c := range Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// Column indexes into Columns.
const (
	colDocID = iota
	colStart
	colEnd
	colText
	colLabel
	colValue
	colModifier
	colUnit
	colAlt
	colScore
)

// convert turns one row into a mention, or returns every problem in it.
func convert(r row, cols []int, file string, line int) (corpus.Mention, Errors) {
	var errs Errors
	bad := func(c int, err error) {
		errs = append(errs, &Error{File: file, Line: line, Col: max(cols[c], 1), Field: Columns[c], Err: err})
	}
	m := corpus.Mention{DocID: UnescapeCell(r.DocID), Text: UnescapeCell(r.Text), Source: corpus.Source{File: file, Line: line}}
	if r.DocID == "" {
		bad(colDocID, problemf(ErrDocID, "empty"))
	}
	start, okStart := parseOffset(r.Start, colStart, bad)
	end, okEnd := parseOffset(r.End, colEnd, bad)
	if okStart && okEnd && start >= end {
		bad(colEnd, problemf(ErrOffset, "end %d is not after start %d", end, start))
	}
	m.Span = corpus.Span{Start: start, End: end}

	label, ok := corpus.ParseLabel(r.Label)
	if !ok {
		bad(colLabel, problemf(ErrLabel, "unknown label %s (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)", quote(r.Label)))
	}
	m.Label = label

	if v, err := corpus.ParseValue(r.Value); err != nil {
		bad(colValue, problemf(ErrValue, "%s is not a number (want a plain decimal such as 300, 270000 or 3.5)", quote(r.Value)))
	} else {
		m.Value = v
	}
	if mod, ok := corpus.ParseModifier(r.Modifier); !ok {
		bad(colModifier, problemf(ErrModifier, "%s is not a modifier (want one of: empty, ~, >, >=, <, <=, range)", quote(r.Modifier)))
	} else {
		m.Modifier = mod
	}
	m.Unit = r.Unit
	if r.Alt != "" {
		m.Alts = parseAlts(r.Alt, m.Span, okStart && okEnd && start < end, func(err error) { bad(colAlt, err) })
	}
	if r.Score != "" {
		f, err := strconv.ParseFloat(r.Score, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			bad(colScore, problemf(ErrScore, "%s is not a number (want a decimal such as 0.87)", quote(r.Score)))
		}
		m.Score, m.HasScore = f, true
	}
	if label != "" {
		if !label.Numeric() {
			if r.Value != "" {
				bad(colValue, problemf(ErrNumber, "%s takes no value, got %s", label, quote(r.Value)))
			}
			if r.Modifier != "" {
				bad(colModifier, problemf(ErrNumber, "%s takes no modifier, got %s", label, quote(r.Modifier)))
			}
		}
		if r.Unit != "" {
			if !label.HasUnit() {
				bad(colUnit, problemf(ErrNumber, "%s takes no unit, got %s (only QUANTITY and MONEY have units)", label, quote(r.Unit)))
			} else if msg := corpus.UnitProblem(label, r.Unit); msg != "" {
				bad(colUnit, problemf(ErrUnit, "%s %s", quote(r.Unit), msg))
			}
		}
	}
	return m, errs
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
			bad(problemf(ErrAlt, "%s is not START:END (alternatives are START:END;START:END, code points)", quote(part)))
			return nil
		case start < 0 || end <= start:
			bad(problemf(ErrAlt, "%s: want 0 <= START < END", quote(part)))
			return nil
		}
		alt := corpus.Span{Start: start, End: end}
		switch {
		case spanOK && alt == span:
			bad(problemf(ErrAlt, "%s is the mention's own span", quote(part)))
			return nil
		case spanOK && !alt.Overlaps(span):
			bad(problemf(ErrAlt, "%s does not overlap the mention's span %s: an alternative is another reading of the same mention", quote(part), span))
			return nil
		case slices.Contains(alts, alt):
			bad(problemf(ErrAlt, "%s is given twice", quote(part)))
			return nil
		}
		alts = append(alts, alt)
	}
	return alts
}

// parseOffset parses a code-point offset: a non-negative decimal integer.
func parseOffset(s string, c int, bad func(int, error)) (int, bool) {
	n, err := strconv.Atoi(s)
	switch {
	case err != nil && errors.Is(err, strconv.ErrRange):
		bad(c, problemf(ErrOffset, "%s is out of range", quote(s)))
	case err != nil || strings.HasPrefix(s, "+"):
		bad(c, problemf(ErrOffset, "%s is not an integer", quote(s)))
	case n < 0:
		bad(c, problemf(ErrOffset, "%d is negative", n))
	default:
		return n, true
	}
	return 0, false
}

// checkUTF8 reports every line holding invalid UTF-8.
func checkUTF8(name string, data []byte) Errors {
	if utf8.Valid(data) {
		return nil
	}
	var errs Errors
	line, col := 1, 1
	lastLine := 0
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		switch {
		case r == utf8.RuneError && size <= 1:
			if line != lastLine { // one report a line is enough
				errs = append(errs, &Error{File: name, Line: line, Col: col,
					Err: problemf(ErrUTF8, "invalid UTF-8: byte 0x%02x at byte offset %d", data[off], off)})
				lastLine = line
			}
			col++
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		off += max(size, 1)
	}
	return errs
}

// ErrNUL is the category of a NUL byte in a mention file: no field may
// hold one, and a file full of them is usually UTF-16, not UTF-8.
var ErrNUL = errors.New("NUL byte")

// checkNUL reports every line holding a NUL byte, the first on the line.
func checkNUL(name string, data []byte) Errors {
	var errs Errors
	line, counted := 1, 0 // the line that byte counted is on
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], 0)
		if i < 0 {
			return errs
		}
		off += i
		start := bytes.LastIndexByte(data[:off], '\n') + 1
		line += bytes.Count(data[counted:start], []byte("\n"))
		counted = start
		errs = append(errs, &Error{File: name, Line: line, Col: 1 + utf8.RuneCount(data[start:off]),
			Err: problemf(ErrNUL, "NUL byte at byte offset %d (is the file UTF-16? mention files are UTF-8)", off)})
		next := bytes.IndexByte(data[off:], '\n') // one report a line
		if next < 0 {
			return errs
		}
		off += next
	}
}

// unclosedQuote finds the quote that opens a quoted field and is never
// closed, when that is what the ParseError pe is about: encoding/csv
// reports the end of the file, where it gave up, but the opening quote is
// where the mistake is. It returns the quote's line and byte column.
func unclosedQuote(data []byte, lines []int, pe *csv.ParseError) (line, col int, ok bool) {
	if !errors.Is(pe.Err, csv.ErrQuote) || pe.StartLine < 1 || pe.StartLine > len(lines) || pe.Line < 1 || pe.Line > len(lines) {
		return 0, 0, false
	}
	// Read the quoting from the start of the record as encoding/csv does:
	// a quote opens a field only as its first byte, "" inside is a quote.
	open, field := -1, true
	l := pe.StartLine
	for i := lines[pe.StartLine-1]; i < len(data); i++ {
		c := data[i]
		switch {
		case open >= 0:
			if c == '"' {
				if i+1 < len(data) && data[i+1] == '"' {
					i++
				} else {
					open = -1
				}
			}
			field = false
		case c == '"' && field:
			open, line = i, l
			field = false
		default:
			field = c == ',' || c == '\n'
		}
		if c == '\n' {
			l++
		}
	}
	// A quote left open at the end of the file is the culprit if it
	// opened before the place the reader gave up.
	if open < 0 || open >= lines[pe.Line-1]+pe.Column-1 {
		return 0, 0, false
	}
	return line, open - lines[line-1] + 1, true
}

// maxQuoted is how many bytes of a value a message quotes.
const maxQuoted = 60

// quote returns s quoted as %q does; a value longer than maxQuoted bytes
// is cut, at a character boundary, and its length given, so that a huge
// field cannot flood the terminal.
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q... (%d bytes)", s[:cut], len(s))
}

// runeCols turns the byte columns of a record's fields, which come in
// order, into code-point columns, counting the runes of each line once:
// counting from the line's start for every field would take time
// quadratic in the line's length for a line of many fields.
type runeCols struct {
	line, byteCol, col int // the last position asked for
}

// at returns the code-point column of byte column byteCol (1-based) of
// line, whose bytes (and maybe more) are rest.
func (rc *runeCols) at(rest []byte, line, byteCol int) int {
	if line != rc.line || byteCol < rc.byteCol || rc.byteCol == 0 {
		rc.line, rc.byteCol, rc.col = line, 1, 1
	}
	end := min(max(byteCol-1, 0), len(rest))
	from := min(rc.byteCol-1, end)
	rc.col += utf8.RuneCount(rest[from:end])
	rc.byteCol = end + 1
	return rc.col
}

// lineStarts returns the byte offset at which each line starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}
