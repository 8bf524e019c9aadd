package report

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"os"

	"github.com/exbench/exbench/eval"
	"github.com/gocarina/gocsv"
)

// Rows holds the rows of documents.csv and errors.csv as documents are
// scored, in temporary files rather than memory, so that a report of a
// large corpus costs disk, not memory. The files are removed as soon as
// they are made (where the system allows it), so that nothing is left
// behind even by a killed run. Close removes the rest.
type Rows struct {
	names   []string
	schemes []eval.Scheme
	docs    [][]*spool[docRow] // by system, then scheme
	errors  []*spool[errorRow] // by system
}

// NewRows returns an empty Rows for the systems named names, in order,
// with documents.csv rows for schemes (see [eval.Setup.Schemes]).
func NewRows(names []string, schemes []eval.Scheme) (*Rows, error) {
	r := &Rows{names: names, schemes: schemes}
	for range names {
		docs := make([]*spool[docRow], len(schemes))
		r.docs = append(r.docs, docs)
		for i := range docs {
			var err error
			if docs[i], err = newSpool[docRow](); err != nil {
				r.Close()
				return nil, err
			}
		}
		errs, err := newSpool[errorRow]()
		if err != nil {
			r.Close()
			return nil, err
		}
		r.errors = append(r.errors, errs)
	}
	return r, nil
}

// Add adds a document's rows for system sys: it fits [eval.Setup.Each].
func (r *Rows) Add(_ *eval.Case, sys int, res *eval.DocResult) error {
	c := res.Counts[0]
	for i, sc := range r.schemes {
		if err := r.docs[sys][i].add(docRowOf(r.names[sys], sc, res.DocID, c.Scheme[sc])); err != nil {
			return err
		}
	}
	for _, m := range res.Mistakes {
		if err := r.errors[sys].add(errorRowOf(r.names[sys], m)); err != nil {
			return err
		}
	}
	return nil
}

// Close removes the temporary files.
func (r *Rows) Close() error {
	var errs []error
	for _, docs := range r.docs {
		for _, s := range docs {
			if s != nil {
				errs = append(errs, s.close())
			}
		}
	}
	for _, s := range r.errors {
		errs = append(errs, s.close())
	}
	return errors.Join(errs...)
}

// writeDocs writes documents.csv: every system, every scheme, every
// document in corpus order.
func (r *Rows) writeDocs(w io.Writer) error {
	if err := marshalCSV(w, []docRow{}); err != nil { // the header
		return err
	}
	for _, docs := range r.docs {
		for _, s := range docs {
			if err := s.copyTo(w); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeErrors writes errors.csv: every outcome that is not correct, by
// system, scheme and position.
func (r *Rows) writeErrors(w io.Writer) error {
	if err := marshalCSV(w, []errorRow{}); err != nil { // the header
		return err
	}
	for _, s := range r.errors {
		if err := s.copyTo(w); err != nil {
			return err
		}
	}
	return nil
}

// spool holds report rows in a temporary file until the report is
// written.
type spool[T any] struct {
	f       *os.File
	w       *bufio.Writer
	pending []T
	removed bool
}

const spoolBatch = 1024 // rows marshalled at once

func newSpool[T any]() (*spool[T], error) {
	f, err := os.CreateTemp("", "exbench-*.rows")
	if err != nil {
		return nil, err
	}
	return &spool[T]{f: f, w: bufio.NewWriter(f), removed: os.Remove(f.Name()) == nil}, nil
}

// add adds a row.
func (s *spool[T]) add(row T) error {
	s.pending = append(s.pending, row)
	if len(s.pending) == spoolBatch {
		return s.flush()
	}
	return nil
}

func (s *spool[T]) flush() error {
	if len(s.pending) == 0 {
		return nil
	}
	cw := csv.NewWriter(s.w)
	if err := gocsv.MarshalCSVWithoutHeaders(s.pending, cw); err != nil {
		return err
	}
	cw.Flush()
	s.pending = s.pending[:0]
	return cw.Error()
}

// copyTo writes the rows added so far, as CSV without a header, to w.
func (s *spool[T]) copyTo(w io.Writer) error {
	if err := s.flush(); err != nil {
		return err
	}
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, s.f)
	if _, serr := s.f.Seek(0, io.SeekEnd); err == nil {
		err = serr
	}
	return err
}

func (s *spool[T]) close() error {
	err := s.f.Close()
	if !s.removed {
		err = errors.Join(err, os.Remove(s.f.Name()))
	}
	return err
}
