package gold

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// ErrScope is the category of problems in a scope file.
var ErrScope = errors.New("bad scope")

// ReadScopeFile reads a scope file: the documents a gold set covers,
// and optionally regions of them, as CSV with the header doc_id,start,end
// (or doc_id alone):
//
//	doc_id,start,end
//	d1,,
//	d2,120,4000
//	d2,4100,5230
//
// A row with empty start and end covers its document whole; rows with
// code-point offsets cover those regions of it. It returns the regions in
// file order, each with its line and columns, or every problem found in
// the file. Whether the documents are in a corpus, and the regions within
// their texts, is for the one who reads the corpus (eval does, with the
// regions' positions).
func ReadScopeFile(path string) ([]corpus.Region, error) {
	f, err := corpus.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadScope(f, path)
}

// ReadScope reads a scope file from r, named path in messages; see
// [ReadScopeFile].
func ReadScope(r io.Reader, path string) ([]corpus.Region, error) {
	var errs corpus.Problems
	bad := func(line, col int, field, format string, args ...any) {
		errs = append(errs, &corpus.Problem{File: path, Line: line, Col: col, Field: field, Err: corpus.Problemf(ErrScope, format, args...)})
	}
	var scope []corpus.Region
	whole := map[string]int{}   // documents listed whole, with their line
	regions := map[string]int{} // documents listed with regions, with how many
	width := 0
	err := records(r, bad, func(rec []string, line int, col func(int) int) bool {
		if width == 0 {
			h := strings.Join(rec, ",")
			h = strings.TrimPrefix(h, "\ufeff")
			if h != "doc_id" && h != "doc_id,start,end" {
				bad(1, 1, "header", "want doc_id,start,end (or doc_id), got %s", corpus.Quote(h))
				return false
			}
			width = len(rec)
			return true
		}
		if len(rec) != width {
			bad(line, 1, "", "row has %d fields, the header has %d", len(rec), width)
			return true
		}
		reg := corpus.Region{DocID: UnescapeCell(rec[0]), Source: corpus.Source{File: path, Line: line}}
		reg.Source.Col[corpus.FieldDocID] = 1
		id := reg.DocID
		if width == 1 || rec[1] == "" && rec[2] == "" {
			if regions[id] > 0 {
				bad(line, 1, "doc_id", "document %s is listed whole and with regions", corpus.Quote(id))
				return true
			}
			whole[id] = line
			scope = append(scope, reg)
			return true
		}
		reg.Source.Col[corpus.FieldStart], reg.Source.Col[corpus.FieldEnd] = int32(col(1)), int32(col(2))
		start, err1 := strconv.Atoi(rec[1])
		end, err2 := strconv.Atoi(rec[2])
		switch {
		case err1 != nil || start < 0:
			bad(line, col(1), "start", "%s is not an offset (a non-negative integer, or empty with end for the whole document)", corpus.Quote(rec[1]))
			return true
		case err2 != nil || end < 0:
			bad(line, col(2), "end", "%s is not an offset (a non-negative integer, or empty with start for the whole document)", corpus.Quote(rec[2]))
			return true
		case end <= start:
			bad(line, col(2), "end", "end %d is not after start %d", end, start)
			return true
		}
		if first, ok := whole[id]; ok {
			bad(line, 1, "doc_id", "document %s is listed whole on line %d and with a region here", corpus.Quote(id), first)
			return true
		}
		reg.Span = corpus.Span{Start: start, End: end}
		regions[id]++
		scope = append(scope, reg)
		return true
	})
	if err != nil {
		return nil, err
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
