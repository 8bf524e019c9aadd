package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

const countUsage = `
Usage: exbench count [-csv] [FILE.csv|DIR ...]

Count reads mention CSV files and prints how many mentions each document
has of each label, with totals. Only labels that occur get a column. With no
files it counts the bundled gold.

Example:

	exbench count -csv predictions.csv > counts.csv
`

func runCount(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("count", countUsage)
	asCSV := fs.Bool("csv", false, "write CSV instead of a table")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	files, errs, err := readMentionFiles(fs.Args())
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		printProblems(stderr, errs, false)
		return errFailed
	}
	t := countTable(gold.Mentions(files))
	if *asCSV {
		return t.writeCSV(stdout)
	}
	return t.writeText(stdout)
}

// counts is a document × label table of mention counts.
type counts struct {
	docs   []string
	labels []corpus.Label
	n      map[string]map[corpus.Label]int
}

func countTable(ms []corpus.Mention) counts {
	t := counts{n: map[string]map[corpus.Label]int{}}
	seen := map[corpus.Label]bool{}
	for _, m := range ms {
		if t.n[m.DocID] == nil {
			t.n[m.DocID] = map[corpus.Label]int{}
			t.docs = append(t.docs, m.DocID)
		}
		t.n[m.DocID][m.Label]++
		seen[m.Label] = true
	}
	slices.Sort(t.docs)
	for _, l := range corpus.Labels {
		if seen[l] {
			t.labels = append(t.labels, l)
		}
	}
	return t
}

// rows returns the table as strings: a header, one row a document, and a
// total row; the last column is the row's total.
func (t counts) rows() [][]string {
	header := []string{"doc_id"}
	for _, l := range t.labels {
		header = append(header, string(l))
	}
	header = append(header, "total")
	out := [][]string{header}
	colTotal := make([]int, len(t.labels)+1)
	for _, d := range t.docs {
		r := []string{d}
		sum := 0
		for i, l := range t.labels {
			n := t.n[d][l]
			r = append(r, strconv.Itoa(n))
			sum += n
			colTotal[i] += n
		}
		colTotal[len(t.labels)] += sum
		out = append(out, append(r, strconv.Itoa(sum)))
	}
	total := []string{"total"}
	for _, n := range colTotal {
		total = append(total, strconv.Itoa(n))
	}
	return append(out, total)
}

// writeText writes an aligned table: the first column left-aligned, the
// counts right-aligned.
func (t counts) writeText(w io.Writer) error {
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

func (t counts) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.WriteAll(t.rows())
	return cw.Error()
}
