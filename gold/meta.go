package gold

import (
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// ErrMeta is the category of problems in a document metadata file.
var ErrMeta = errors.New("bad metadata")

// Meta is document metadata: each document's value of each key (source,
// date, genre, ...).
type Meta struct {
	Keys   []string                     // every key, in the order the file first gives them
	Values map[string]map[string]string // by document ID, then key
}

// ReadMetaFile reads a document metadata file: CSV with the header
// doc_id,key,value, a row for each document and key:
//
//	doc_id,key,value
//	d1,source,Reuters
//	d1,genre,wire
//	d2,source,tweet
//
// A document with no row for a key has no value for it. It returns every
// problem found, each with its line and column: a bad header, a row of
// another width, an empty doc_id or key, a key given twice for a
// document. Whether the documents are in a corpus is for the one who
// reads the corpus.
func ReadMetaFile(path string) (*Meta, error) {
	f, err := corpus.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadMeta(f, path)
}

// ReadMeta reads a document metadata file from r, named path in messages;
// see [ReadMetaFile].
func ReadMeta(r io.Reader, path string) (*Meta, error) {
	var errs corpus.Problems
	bad := func(line, col int, field, format string, args ...any) {
		errs = append(errs, &corpus.Problem{File: path, Line: line, Col: col, Field: field, Err: corpus.Problemf(ErrMeta, format, args...)})
	}
	meta := &Meta{Values: map[string]map[string]string{}}
	first := map[[2]string]int{} // (doc, key): the line that gave it
	header := false
	err := records(r, bad, func(rec []string, line int, col func(int) int) bool {
		if !header {
			if h := strings.TrimPrefix(strings.Join(rec, ","), "\ufeff"); h != "doc_id,key,value" {
				bad(1, 1, "header", "want doc_id,key,value, got %s", corpus.Quote(h))
				return false
			}
			header = true
			return true
		}
		if len(rec) != 3 {
			bad(line, 1, "", "row has %d fields, the header has 3", len(rec))
			return true
		}
		id, key, value := UnescapeCell(rec[0]), UnescapeCell(rec[1]), UnescapeCell(rec[2])
		switch {
		case id == "":
			bad(line, 1, "doc_id", "empty")
			return true
		case key == "":
			bad(line, col(1), "key", "empty")
			return true
		}
		if at, dup := first[[2]string{id, key}]; dup {
			bad(line, col(1), "key", "document %s has key %s already, on line %d", corpus.Quote(id), corpus.Quote(key), at)
			return true
		}
		first[[2]string{id, key}] = line
		if meta.Values[id] == nil {
			meta.Values[id] = map[string]string{}
		}
		meta.Values[id][key] = value
		if !slices.Contains(meta.Keys, key) {
			meta.Keys = append(meta.Keys, key)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	if !header && len(errs) == 0 {
		bad(1, 1, "header", "empty file: want a header row doc_id,key,value")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return meta, nil
}
