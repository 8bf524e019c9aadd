package gold

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// ErrScope is the category of problems in a scope file.
var ErrScope = errors.New("bad scope")

// ReadScopeFile reads a scope file: the documents a gold set covers, and
// optionally regions of them, as CSV with the header doc_id,start,end
// (or doc_id alone):
//
//	doc_id,start,end
//	d1,,
//	d2,120,4000
//	d2,4100,5230
//
// A row with empty start and end covers its document whole; rows with
// code-point offsets cover those regions of it. Every document must be in
// c, and every region within its text; a nil c leaves those two checks to
// the caller (who reads the corpus one document at a time). It returns the
// regions by document (none for a whole document), or every problem found.
func ReadScopeFile(path string, c *corpus.Corpus) (map[string][]corpus.Span, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadScope(f, path, c)
}

// ReadScope reads a scope file from r, named path in messages; see
// [ReadScopeFile].
func ReadScope(r io.Reader, path string, c *corpus.Corpus) (map[string][]corpus.Span, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	var errs Errors
	bad := func(line, col int, field, format string, args ...any) {
		errs = append(errs, &Error{File: path, Line: line, Col: col, Field: field, Err: problemf(ErrScope, format, args...)})
	}
	scope := map[string][]corpus.Span{}
	whole := map[string]int{} // documents listed whole, with their line
	width := 0
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				bad(max(pe.Line, 1), max(pe.Column, 1), "", "%v", pe.Err)
				break
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if width == 0 {
			h := strings.Join(rec, ",")
			h = strings.TrimPrefix(h, "\ufeff")
			if h != "doc_id" && h != "doc_id,start,end" {
				bad(1, 1, "header", "want doc_id,start,end (or doc_id), got %s", quote(h))
				break
			}
			width = len(rec)
			continue
		}
		if len(rec) != width {
			bad(line, 1, "", "row has %d fields, the header has %d", len(rec), width)
			continue
		}
		col := func(i int) int { _, c := cr.FieldPos(i); return c }
		id := UnescapeCell(rec[0])
		var d corpus.Doc
		if c != nil {
			var ok bool
			if d, ok = c.Doc(id); !ok {
				bad(line, 1, "doc_id", "unknown document %s (not in corpus %s)", quote(id), c.Name)
				continue
			}
		}
		if width == 1 || rec[1] == "" && rec[2] == "" {
			if len(scope[id]) > 0 {
				bad(line, 1, "doc_id", "document %s is listed whole and with regions", quote(id))
				continue
			}
			whole[id] = line
			scope[id] = nil
			continue
		}
		start, err1 := strconv.Atoi(rec[1])
		end, err2 := strconv.Atoi(rec[2])
		n := math.MaxInt
		if c != nil {
			n = corpus.NewIndex(d.Text).Len()
		}
		switch {
		case err1 != nil || start < 0:
			bad(line, col(1), "start", "%s is not an offset (a non-negative integer, or empty with end for the whole document)", quote(rec[1]))
			continue
		case err2 != nil || end < 0:
			bad(line, col(2), "end", "%s is not an offset (a non-negative integer, or empty with start for the whole document)", quote(rec[2]))
			continue
		case end <= start:
			bad(line, col(2), "end", "end %d is not after start %d", end, start)
			continue
		case end > n:
			bad(line, col(2), "end", "%d is past the end of document %s (length %d)", end, quote(id), n)
			continue
		}
		if first, ok := whole[id]; ok {
			bad(line, 1, "doc_id", "document %s is listed whole on line %d and with a region here", quote(id), first)
			continue
		}
		scope[id] = append(scope[id], corpus.Span{Start: start, End: end})
	}
	if width == 0 && len(errs) == 0 {
		bad(1, 1, "header", "empty file: want a header row doc_id,start,end")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(scope) == 0 {
		return nil, fmt.Errorf("%s: the scope covers no document", path)
	}
	return scope, nil
}
