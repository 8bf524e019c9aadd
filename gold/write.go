package gold

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

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
	if err := gocsv.MarshalCSV(rowsOf(sorted), columnsOf(sorted, cw)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// columnsWriter writes the columns of Columns that keep says.
type columnsWriter struct {
	*csv.Writer
	keep []bool
}

// columnsOf returns a writer of the basic columns, and alt and score
// when a mention of ms has one.
func columnsOf(ms []corpus.Mention, w *csv.Writer) *columnsWriter {
	keep := make([]bool, len(Columns))
	for c := range nBasic {
		keep[c] = true
	}
	for _, m := range ms {
		keep[corpus.FieldAlt] = keep[corpus.FieldAlt] || len(m.Alts) > 0
		keep[corpus.FieldScore] = keep[corpus.FieldScore] || m.HasScore
	}
	return &columnsWriter{Writer: w, keep: keep}
}

func (w *columnsWriter) Write(rec []string) error {
	out := make([]string, 0, len(rec))
	for i, f := range rec {
		if i < len(w.keep) && w.keep[i] {
			out = append(out, f)
		}
	}
	return w.Writer.Write(out)
}

// header returns the columns w writes.
func (w *columnsWriter) header() []string {
	var h []string
	for i, k := range w.keep {
		if k {
			h = append(h, Columns[i])
		}
	}
	return h
}

// rowsOf turns mentions into CSV rows, escaping text cells.
func rowsOf(ms []corpus.Mention) []row {
	rows := make([]row, len(ms))
	for i, m := range ms {
		rows[i] = row{
			DocID:    EscapeCell(m.DocID),
			Start:    offsetCell(m.Span.Start, m.Span),
			End:      offsetCell(m.Span.End, m.Span),
			Text:     EscapeCell(m.Text),
			Label:    string(m.Label),
			Value:    m.Value.String(),
			Modifier: string(m.Modifier),
			Unit:     m.Unit,
			Alt:      altsString(m.Alts),
		}
		if m.HasScore {
			rows[i].Score = strconv.FormatFloat(m.Score, 'g', -1, 64)
		}
	}
	return rows
}

// altsString formats alternative spans as START:END;START:END.
func altsString(alts []corpus.Span) string {
	parts := make([]string, len(alts))
	for i, a := range alts {
		parts[i] = strconv.Itoa(a.Start) + ":" + strconv.Itoa(a.End)
	}
	return strings.Join(parts, ";")
}

// Writer writes a mention CSV one document at a time, for runs too large
// to hold: the header first, then each call's mentions sorted as [Write]
// sorts them. Rows come in the order of the calls, so the file is sorted
// by doc_id when the documents come in ID order (a directory corpus does).
// The first call with mentions decides whether the file has the alt and
// score columns: an extractor that scores its mentions scores them all.
type Writer struct {
	cw     *csv.Writer
	cols   *columnsWriter
	header bool
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{cw: csv.NewWriter(w)} }

// Write writes the mentions of one document.
func (w *Writer) Write(ms []corpus.Mention) error {
	if len(ms) == 0 {
		return nil
	}
	sorted := slices.Clone(ms)
	corpus.Sort(sorted)
	if !w.header {
		w.header = true
		w.cols = columnsOf(sorted, w.cw)
		if err := w.cw.Write(w.cols.header()); err != nil {
			return err
		}
	}
	return gocsv.MarshalCSVWithoutHeaders(rowsOf(sorted), w.cols)
}

// Close writes the header if nothing was written, and flushes.
func (w *Writer) Close() error {
	if !w.header {
		w.header = true
		if err := w.cw.Write(Columns[:nBasic]); err != nil {
			return err
		}
	}
	w.cw.Flush()
	return w.cw.Error()
}

// offsetCell writes an offset of span sp: empty for a mention with no
// offsets ([corpus.NoSpan]).
func offsetCell(n int, sp corpus.Span) string {
	if !sp.Placed() {
		return ""
	}
	return strconv.Itoa(n)
}
