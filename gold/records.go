package gold

import (
	"encoding/csv"
	"errors"
	"io"
)

// records reads the CSV records of r, a small file of rows (a scope or
// metadata file), and calls each with every record, its line and a
// function giving the column of its i-th field; each returns false to
// stop. A malformed record stops the reading and goes to bad with its
// position; a read error is returned.
func records(r io.Reader, bad func(line, col int, field, format string, args ...any), each func(rec []string, line int, col func(int) int) bool) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				bad(max(pe.Line, 1), max(pe.Column, 1), "", "%v", pe.Err)
				return nil
			}
			return err
		}
		line, _ := cr.FieldPos(0)
		if !each(rec, line, func(i int) int { _, c := cr.FieldPos(i); return c }) {
			return nil
		}
	}
}
