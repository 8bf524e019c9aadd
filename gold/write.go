package gold

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"

	"github.com/exbench/exbench/corpus"
	"github.com/gocarina/gocsv"
)

// Write writes ms as a mention CSV: the header of [Columns], then one row
// a mention sorted by doc_id, start, end and label, values as plain
// decimals ("270000"), "\n" line endings, and doc_id and text cells that
// a spreadsheet could take for a formula escaped by [EscapeCell] (Read
// undoes it). The same mentions always give the same bytes. ms is not
// modified.
func Write(w io.Writer, ms []corpus.Mention) error {
	sorted := slices.Clone(ms)
	corpus.Sort(sorted)
	cw := csv.NewWriter(w)
	if err := gocsv.MarshalCSV(rowsOf(sorted), gocsv.NewSafeCSVWriter(cw)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// rowsOf turns mentions into CSV rows, escaping text cells.
func rowsOf(ms []corpus.Mention) []row {
	rows := make([]row, len(ms))
	for i, m := range ms {
		rows[i] = row{
			DocID:    EscapeCell(m.DocID),
			Start:    strconv.Itoa(m.Span.Start),
			End:      strconv.Itoa(m.Span.End),
			Text:     EscapeCell(m.Text),
			Label:    string(m.Label),
			Value:    m.Value.String(),
			Modifier: string(m.Modifier),
			Unit:     m.Unit,
		}
	}
	return rows
}

// Writer writes a mention CSV one document at a time, for runs too large
// to hold: the header first, then each call's mentions sorted as [Write]
// sorts them. Rows come in the order of the calls, so the file is sorted
// by doc_id when the documents come in ID order (a directory corpus does).
type Writer struct {
	cw     *csv.Writer
	header bool
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{cw: csv.NewWriter(w)} }

// Write writes the mentions of one document.
func (w *Writer) Write(ms []corpus.Mention) error {
	if !w.header {
		w.header = true
		if err := w.cw.Write(Columns); err != nil {
			return err
		}
	}
	if len(ms) == 0 {
		return nil
	}
	sorted := slices.Clone(ms)
	corpus.Sort(sorted)
	return gocsv.MarshalCSVWithoutHeaders(rowsOf(sorted), gocsv.NewSafeCSVWriter(w.cw))
}

// Close writes the header if nothing was written, and flushes.
func (w *Writer) Close() error {
	if !w.header {
		if err := w.Write(nil); err != nil {
			return err
		}
	}
	w.cw.Flush()
	return w.cw.Error()
}
