package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"os"

	"github.com/exbench/exbench/eval"
	"github.com/gocarina/gocsv"
)

// spool holds report rows in a temporary file until the report is
// written, so that a report's size costs disk, not memory. The file is
// removed as soon as it is made (where the system allows it), so that
// nothing is left behind even by a killed run.
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

// spooled is a system's documents.csv rows, one spool per scheme, and its
// errors.csv rows.
type spooled struct {
	docs   []*spool[docRow] // by eval.Schemes
	errors *spool[errorRow]
}

func newSpooled() (*spooled, error) {
	s := spooled{docs: make([]*spool[docRow], len(eval.Schemes))}
	var err error
	for i := range s.docs {
		if s.docs[i], err = newSpool[docRow](); err != nil {
			s.close()
			return nil, err
		}
	}
	if s.errors, err = newSpool[errorRow](); err != nil {
		s.close()
		return nil, err
	}
	return &s, nil
}

// add adds a document's rows.
func (s *spooled) add(name string, r *eval.DocResult) error {
	d := eval.DocCounts{DocID: r.DocID, Scheme: r.Counts[0].Scheme}
	for i, sc := range eval.Schemes {
		if err := s.docs[i].add(docRowOf(name, sc, d)); err != nil {
			return err
		}
	}
	for _, e := range r.Mistakes {
		if err := s.errors.add(errorRowOf(name, e)); err != nil {
			return err
		}
	}
	return nil
}

func (s *spooled) close() error {
	var errs []error
	for _, sp := range s.docs {
		if sp != nil {
			errs = append(errs, sp.close())
		}
	}
	if s.errors != nil {
		errs = append(errs, s.errors.close())
	}
	return errors.Join(errs...)
}
