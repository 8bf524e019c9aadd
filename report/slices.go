package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

// sliceRow is a row of slices.csv.
type sliceRow struct {
	System    string `csv:"system"`
	Scheme    string `csv:"scheme"`
	Family    string `csv:"family"`
	Slice     string `csv:"slice"`
	Gold      int    `csv:"gold"`
	Pred      int    `csv:"pred"`
	Precision string `csv:"precision"`
	Recall    string `csv:"recall"`
	F1        string `csv:"f1"`
	PLow      string `csv:"p_low"`
	PHigh     string `csv:"p_high"`
	RLow      string `csv:"r_low"`
	RHigh     string `csv:"r_high"`
	F1Low     string `csv:"f1_low"`
	F1High    string `csv:"f1_high"`
	Delta     string `csv:"delta_vs_rest"`
	P         string `csv:"p"`
	PHolm     string `csv:"p_holm"`
	Worse     bool   `csv:"significantly_worse"`
	Warning   string `csv:"warning"`
}

// SlicesCSV writes slices.csv: for every system, scheme, family and
// slice, the mentions in it, P, R and F1 with their percentile bootstrap
// intervals, F1 minus the rest of the family's with its bootstrap p
// (Holm-corrected over every slice tested), and whether the slice is
// significantly worse than the rest at alpha. A document's own slice has
// no interval or test.
func SlicesCSV(w io.Writer, rows []eval.SliceRow, alpha float64) error {
	out := make([]sliceRow, len(rows))
	for i, r := range rows {
		o := sliceRow{
			System: gold.EscapeCell(r.System), Scheme: r.Scheme.String(), Family: r.Family, Slice: gold.EscapeCell(r.Slice),
			Gold: r.Gold, Pred: r.Pred, Precision: Decimal(r.P), Recall: Decimal(r.R), F1: Decimal(r.F1), Delta: Decimal(r.Delta),
		}
		if !r.NoTest {
			o.PLow, o.PHigh, o.RLow, o.RHigh = Decimal(r.PLow), Decimal(r.PHigh), Decimal(r.RLow), Decimal(r.RHigh)
			o.F1Low, o.F1High, o.P, o.PHolm = Decimal(r.F1Low), Decimal(r.F1High), Decimal(r.PValue), Decimal(r.PHolm)
			o.Worse = r.Delta < 0 && r.PHolm < alpha
		}
		if r.Few {
			o.Warning = fmt.Sprintf("only %s: the interval is rough", Plural(r.Gold, "gold mention"))
		}
		out[i] = o
	}
	return marshalCSV(w, out)
}

// WorstSlices writes, under the strict scheme (slices.csv has them
// all), the slices that score significantly below the rest of their
// family (see [eval.Worst]), worst first, at most max of them, a line
// each:
//
//	prose  label=NORP  gold 37  F1 0.0 [0.0, 0.0]  -34.6 vs the rest  p 0.0074
//
// or a line saying there are none.
func WorstSlices(w io.Writer, rows []eval.SliceRow, alpha float64, max int) error {
	var strict []eval.SliceRow
	for _, r := range rows {
		if r.Scheme == eval.Strict {
			strict = append(strict, r)
		}
	}
	worst := eval.Worst(strict, alpha)
	var b strings.Builder
	a := strconv.FormatFloat(alpha, 'g', -1, 64)
	if len(worst) == 0 {
		fmt.Fprintf(&b, "slices (strict): none scores significantly below the rest of its family (p < %s after Holm)\n", a)
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "slices (strict) significantly below the rest of their family (p < %s after Holm), worst first; F1 in %% with its interval:\n", a)
	lines := make([][2]string, 0, len(worst))
	width := 0
	for _, r := range worst[:min(len(worst), max)] {
		name := r.System + "  " + r.Family + "=" + r.Slice
		width = maxInt(width, len([]rune(name)))
		lines = append(lines, [2]string{name, fmt.Sprintf("gold %4d  F1 %5s [%s, %s]  %s vs the rest  p %s", r.Gold, pct(r.F1), pct(r.F1Low), pct(r.F1High), signed(100*r.Delta), Decimal(r.PHolm))})
	}
	for _, l := range lines {
		fmt.Fprintf(&b, "%s%s  %s\n", l[0], strings.Repeat(" ", width-len([]rune(l[0]))), l[1])
	}
	if n := len(worst) - len(lines); n > 0 {
		fmt.Fprintf(&b, "%d more in slices.csv (significantly_worse)\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func maxInt(a, b int) int { return max(a, b) }
