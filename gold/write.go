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
	rows := make([]row, len(sorted))
	for i, m := range sorted {
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
	cw := csv.NewWriter(w)
	if err := gocsv.MarshalCSV(rows, gocsv.NewSafeCSVWriter(cw)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
