package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
)

// Counts is a document × label table of mention counts.
type Counts struct {
	docs []string
	n    map[string]map[corpus.Label]int
}

// Add counts a mention.
func (t *Counts) Add(m corpus.Mention) {
	if t.n == nil {
		t.n = map[string]map[corpus.Label]int{}
	}
	if t.n[m.DocID] == nil {
		t.n[m.DocID] = map[corpus.Label]int{}
		t.docs = append(t.docs, m.DocID)
	}
	t.n[m.DocID][m.Label]++
}

// rows returns the table as strings: a header, one row a document (by
// ID), and a total row; only labels that occur get a column, and the last
// column is the row's total.
func (t *Counts) rows() [][]string {
	slices.Sort(t.docs)
	seen := map[corpus.Label]bool{}
	for _, byLabel := range t.n {
		for l := range byLabel {
			seen[l] = true
		}
	}
	var labels []corpus.Label
	for _, l := range corpus.Labels {
		if seen[l] {
			labels = append(labels, l)
		}
	}
	header := []string{"doc_id"}
	for _, l := range labels {
		header = append(header, string(l))
	}
	header = append(header, "total")
	out := [][]string{header}
	colTotal := make([]int, len(labels)+1)
	for _, d := range t.docs {
		r := []string{d}
		sum := 0
		for i, l := range labels {
			n := t.n[d][l]
			r = append(r, strconv.Itoa(n))
			sum += n
			colTotal[i] += n
		}
		colTotal[len(labels)] += sum
		out = append(out, append(r, strconv.Itoa(sum)))
	}
	total := []string{"total"}
	for _, n := range colTotal {
		total = append(total, strconv.Itoa(n))
	}
	return append(out, total)
}

// Table writes an aligned table: the first column left-aligned, the
// counts right-aligned.
func (t *Counts) Table(w io.Writer) error {
	rows := t.rows()
	width := 0
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r[0]))
	}
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range rows {
		fmt.Fprintf(tw, "%-*s\t", width, r[0])
		for _, cell := range r[1:] {
			fmt.Fprint(tw, cell, "\t")
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	// Right alignment pads the first cell too; take that padding off.
	out := strings.ReplaceAll("\n"+buf.String(), "\n  ", "\n")
	_, err := io.WriteString(w, out[1:])
	return err
}

// CSV writes the table as CSV.
func (t *Counts) CSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.WriteAll(t.rows())
	return cw.Error()
}
