package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
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
// no interval or test. A slice of a family of predictions (score) has no
// gold mention: its recall and F1 are left blank, and its delta_vs_rest
// and p are of precision, as its warning says.
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
		var warnings []string
		if r.Predictions {
			o.Recall, o.F1, o.RLow, o.RHigh, o.F1Low, o.F1High = "", "", "", "", "", ""
			warnings = append(warnings, "a slice of predictions: precision only, delta_vs_rest of precision")
		}
		switch {
		case r.Few && r.Predictions:
			warnings = append(warnings, fmt.Sprintf("only %s: the interval is rough", Plural(r.Pred, "prediction")))
		case r.Few:
			warnings = append(warnings, fmt.Sprintf("only %s: the interval is rough", Plural(r.Gold, "gold mention")))
		}
		o.Warning = strings.Join(warnings, "; ")
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
// or a line saying there are none. A slice of a family of predictions
// (score) has its predictions and precision instead:
//
//	prose  score=<0.5  pred 52  P 21.2 [10.0, 33.3]  -40.1 vs the rest  p 0.0010
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
	fmt.Fprintf(&b, "slices (strict) significantly below the rest of their family (p < %s after Holm), worst first; F1 in %% with its interval (P for a slice of predictions):\n", a)
	lines := make([][2]string, 0, len(worst))
	width := 0
	for _, r := range worst[:min(len(worst), max)] {
		name := r.System + "  " + r.Family + "=" + r.Slice
		width = maxInt(width, len([]rune(name)))
		if r.Predictions {
			lines = append(lines, [2]string{name, fmt.Sprintf("pred %4d  P  %5s [%s, %s]  %s vs the rest  p %s", r.Pred, pct(r.P), pct(r.PLow), pct(r.PHigh), signed(100*r.Delta), Decimal(r.PHolm))})
			continue
		}
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

// sliceChangeRow is a row of slice_changes.csv.
type sliceChangeRow struct {
	Scheme      string `csv:"scheme"`
	Family      string `csv:"family"`
	Slice       string `csv:"slice"`
	Gold        int    `csv:"gold"`
	A           string `csv:"a_f1"`
	B           string `csv:"b_f1"`
	Delta       string `csv:"delta"`
	Low         string `csv:"delta_low"`
	High        string `csv:"delta_high"`
	P           string `csv:"p"`
	PHolm       string `csv:"p_holm"`
	Significant bool   `csv:"significant"`
}

// SliceChangesCSV writes slice_changes.csv: for every scheme, family and
// slice, A's and B's F1, the difference with its paired bootstrap interval
// and p, Holm-corrected over every slice of the scheme.
func SliceChangesCSV(w io.Writer, changes []eval.SliceChange, alpha float64) error {
	out := make([]sliceChangeRow, len(changes))
	for i, c := range changes {
		out[i] = sliceChangeRow{Scheme: c.Scheme.String(), Family: c.Family, Slice: gold.EscapeCell(c.Slice), Gold: c.Gold,
			A: Decimal(c.A), B: Decimal(c.B), Delta: Decimal(c.Delta), Low: Decimal(c.Low), High: Decimal(c.High),
			P: Decimal(c.PValue), PHolm: Decimal(c.PHolm), Significant: c.PHolm < alpha}
	}
	return marshalCSV(w, out)
}

// SliceChanges writes the strict slices whose F1 changed significantly
// from A to B, those that got worse first (the largest drop first), then
// those that got better (the largest gain first), at most max of each.
func SliceChanges(w io.Writer, a, b string, changes []eval.SliceChange, alpha float64, max int) error {
	var worse, better []eval.SliceChange
	for _, c := range changes {
		switch {
		case c.Scheme != eval.Strict || c.PHolm >= alpha:
		case c.Delta < 0:
			worse = append(worse, c)
		case c.Delta > 0:
			better = append(better, c)
		}
	}
	slices.SortStableFunc(worse, func(x, y eval.SliceChange) int { return cmp.Compare(x.Delta, y.Delta) })
	slices.SortStableFunc(better, func(x, y eval.SliceChange) int { return cmp.Compare(y.Delta, x.Delta) })
	var sb strings.Builder
	al := strconv.FormatFloat(alpha, 'g', -1, 64)
	for _, part := range []struct {
		what string
		cs   []eval.SliceChange
	}{{"worse", worse}, {"better", better}} {
		if len(part.cs) == 0 {
			fmt.Fprintf(&sb, "slices (strict) significantly %s from %s to %s (p < %s after Holm): none\n", part.what, a, b, al)
			continue
		}
		fmt.Fprintf(&sb, "slices (strict) significantly %s from %s to %s (p < %s after Holm); F1 in %%, ΔF1 with its interval:\n", part.what, a, b, al)
		width := 0
		for _, c := range part.cs[:min(len(part.cs), max)] {
			width = maxInt(width, len([]rune(c.Family+"="+c.Slice)))
		}
		for _, c := range part.cs[:min(len(part.cs), max)] {
			name := c.Family + "=" + c.Slice
			fmt.Fprintf(&sb, "%s%s  gold %4d  %5s -> %5s  %s [%s, %s]  p %s\n", name, strings.Repeat(" ", width-len([]rune(name))), c.Gold,
				pct(c.A), pct(c.B), signed(100*c.Delta), signed(100*c.Low), signed(100*c.High), Decimal(c.PHolm))
		}
		if n := len(part.cs) - max; n > 0 {
			fmt.Fprintf(&sb, "%d more in slice_changes.csv\n", n)
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
