package gold

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
)

// lineFeed hands its input to encoding/csv one line at a time, so that it
// knows the bytes of the lines of the record being read (to turn byte
// columns into code-point columns), and checks each line for invalid
// UTF-8 and NUL bytes before csv sees it. A byte-order mark at the start
// is dropped.
type lineFeed struct {
	br    *bufio.Reader
	name  string
	lines [][]byte        // the lines from line first on, as read
	first int             // 1-based number of lines[0]
	rest  []byte          // what is left of the last line to hand out
	off   int             // byte offset of the next line in the file, after a byte-order mark
	n     int             // lines read
	bad   *corpus.Problem // the first invalid UTF-8 or NUL found, not yet returned
	shown bool            // bad has been returned
}

func (f *lineFeed) Read(p []byte) (int, error) {
	for len(f.rest) == 0 {
		if f.bad != nil {
			return 0, f.bad
		}
		line, err := f.readLine()
		if len(line) == 0 {
			if err == nil {
				continue // a byte-order mark alone on the first line
			}
			return 0, err
		}
		if e := f.check(f.n, line); e != nil {
			f.bad = e
			return 0, e
		}
		if f.first == 0 {
			f.first = f.n
		}
		f.lines = append(f.lines, line)
		f.rest = line
	}
	n := copy(p, f.rest)
	f.rest = f.rest[n:]
	return n, nil
}

// readLine reads the next line, counting it and its bytes; a read error
// or io.EOF comes with the last line.
func (f *lineFeed) readLine() ([]byte, error) {
	line, err := f.br.ReadBytes('\n')
	if len(line) == 0 {
		return nil, err
	}
	f.n++
	if f.n == 1 {
		line = bytes.TrimPrefix(line, []byte("\ufeff"))
	}
	f.off += len(line)
	return line, err
}

// moreBad returns the invalid UTF-8 or NUL byte that stopped the rows
// the first time, then the next line's that holds one, and io.EOF when
// no line is left: the rest of a file in another encoding is looked
// through, not parsed.
func (f *lineFeed) moreBad() error {
	if !f.shown {
		f.shown = true
		return rowProblems{corpus.Problems{f.bad}}
	}
	for {
		line, err := f.readLine()
		if e := f.check(f.n, line); e != nil {
			return rowProblems{corpus.Problems{e}}
		}
		if err != nil {
			return err
		}
	}
}

// check reports the first invalid UTF-8 or NUL byte of line, line n,
// the last line read.
func (f *lineFeed) check(n int, line []byte) *corpus.Problem {
	return corpus.CheckEncoding(f.name, n, f.off-len(line), line, "mention files are")
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
// closed, when that is what pe is about: encoding/csv reports the end of
// the file, where it gave up, but the opening quote is where the mistake
// is. The record's lines are all still held.
func (f *lineFeed) unclosedQuote(pe *csv.ParseError) *corpus.Problem {
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
	return &corpus.Problem{File: f.name, Line: pe.StartLine + l - 1, Col: 1 + utf8.RuneCount(data[starts[l-1]:starts[l-1]+c-1]),
		Err: corpus.Problemf(ErrSyntax, "unterminated quoted field: no closing quote before the end of the file")}
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
