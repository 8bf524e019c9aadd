package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/gocarina/gocsv"
)

// marshalCSV writes rows, a slice of structs with csv tags, as CSV.
func marshalCSV(w io.Writer, rows any) error {
	cw := &headerWriter{Writer: csv.NewWriter(w)}
	if err := gocsv.MarshalCSV(rows, cw); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// headerWriter names the "partial" column: gocsv reads the word partial
// in a csv tag as an option, not a name, and heads the column with the Go
// field name instead.
type headerWriter struct {
	*csv.Writer
	wroteHeader bool
}

func (w *headerWriter) Write(row []string) error {
	if !w.wroteHeader {
		w.wroteHeader = true
		row = slices.Clone(row)
		for i, h := range row {
			if h == "Partial" {
				row[i] = "partial"
			}
		}
	}
	return w.Writer.Write(row)
}

// Decimal formats a figure with the fixed 4 decimals of every report.
func Decimal(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

// labelName is the label column's value: "micro" for all labels together.
func labelName(l corpus.Label) string {
	if l == eval.All {
		return "micro"
	}
	return string(l)
}

// rowLabel is the label column of a statistics row: micro, macro or a
// label.
func rowLabel(k eval.Key) string {
	if k.Macro {
		return "macro"
	}
	return labelName(k.Label)
}

// undefinedWarning explains a 0/0 metric.
func undefinedWarning(c eval.Counts) string {
	switch c.Undefined() {
	case "precision and recall":
		return "precision and recall are 0/0 (no gold, no predictions), reported as 0"
	case "precision":
		return "precision is 0/0 (no predictions), reported as 0"
	case "recall":
		return "recall is 0/0 (no gold), reported as 0"
	}
	return ""
}

// schemesOf returns the schemes of schemes a label is scored under:
// Value only for the numeric labels and micro.
func schemesOf(l corpus.Label, schemes []eval.Scheme) []eval.Scheme {
	if l == eval.All || l.Numeric() {
		return schemes
	}
	out := make([]eval.Scheme, 0, len(schemes))
	for _, sc := range schemes {
		if sc != eval.Value {
			out = append(out, sc)
		}
	}
	return out
}

func countCells(c eval.Counts) [10]string {
	return [10]string{
		strconv.Itoa(c.Correct), strconv.Itoa(c.Incorrect), strconv.Itoa(c.Partial), strconv.Itoa(c.Missed), strconv.Itoa(c.Spurious),
		strconv.Itoa(c.Possible()), strconv.Itoa(c.Actual()),
		Decimal(c.Precision()), Decimal(c.Recall()), Decimal(c.F1()),
	}
}

// number formats a mention's number: modifier, value and unit, as
// ">300", "~30 mi", "range 20"; "" when it has none.
func number(m *corpus.Mention) string {
	if m == nil || !m.Label.Numeric() {
		return ""
	}
	s := string(m.Modifier)
	if m.Modifier == corpus.Range {
		s += " "
	}
	s += m.Value.String()
	if m.Unit != "" {
		s += " " + m.Unit
	}
	return s
}

// Plural returns "1 noun" or "N nouns".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// LabelMap says how a setup maps labels, for reports and tables: the
// map's name, its pairs and the side it applies to; "" for none.
func LabelMap(s *eval.Setup) string {
	if s.Map == nil {
		return ""
	}
	side := [...]string{eval.MapPred: "predictions", eval.MapGold: "gold", eval.MapBoth: "gold and predictions"}[s.MapTo]
	if s.Map.Name == s.Map.String() { // an inline map: its pairs are its name
		return fmt.Sprintf("%s on %s", s.Map, side)
	}
	return fmt.Sprintf("%s (%s) on %s", s.Map.Name, s.Map, side)
}

// Labels says which labels a setup scores, comma-separated; "" for all.
func Labels(s *eval.Setup) string {
	names := make([]string, len(s.Labels))
	for i, l := range s.Labels {
		names[i] = string(l)
	}
	return strings.Join(names, ",")
}

// Intervals says how the intervals were made: "BCa 95%, 10000 resamples
// of documents, seed 1".
func Intervals(o eval.BootstrapOptions, u eval.Unit) string {
	o = o.Defaults()
	return fmt.Sprintf("%s %g%%, %d resamples of %ss, seed %d", o.Method, 100*o.Level, o.Resamples, u, o.Seed)
}
