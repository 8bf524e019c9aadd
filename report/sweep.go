package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

// Sweep is a system's sweep, for its table and curve.csv.
type Sweep struct {
	System     string
	Scheme     eval.Scheme
	Label      corpus.Label // eval.All for micro
	Gold       int          // gold mentions under the scheme, for the label
	Points     []eval.SweepPoint
	Intervals  *eval.BootstrapOptions // how the bands were made; nil for none
	OutOfScope int                    // predictions outside the scope
}

// curveRow is a row of curve.csv.
type curveRow struct {
	System    string `csv:"system"`
	Scheme    string `csv:"scheme"`
	Label     string `csv:"label"`
	Threshold string `csv:"threshold"`
	Kept      int    `csv:"kept"`
	Correct   int    `csv:"correct"`
	Incorrect int    `csv:"incorrect"`
	Partial   int    `csv:"Partial"` // renamed by headerWriter
	Missed    int    `csv:"missed"`
	Spurious  int    `csv:"spurious"`
	Precision string `csv:"precision"`
	Recall    string `csv:"recall"`
	F1        string `csv:"f1"`
	IntervalCells
}

// Curve writes curve.csv: every point of the sweep, with its band.
func (s *Sweep) Curve(w io.Writer) error {
	var rows []curveRow
	for _, p := range s.Points {
		c := p.Counts
		r := curveRow{System: gold.EscapeCell(s.System), Scheme: s.Scheme.String(), Label: labelName(s.Label),
			Threshold: strconv.FormatFloat(p.Threshold, 'g', -1, 64), Kept: p.Kept,
			Correct: c.Correct, Incorrect: c.Incorrect, Partial: c.Partial, Missed: c.Missed, Spurious: c.Spurious,
			Precision: Decimal(c.Precision()), Recall: Decimal(c.Recall()), F1: Decimal(c.F1())}
		if p.Estimates != nil {
			r.IntervalCells = intervalCellsOf(p.Estimates, s.Intervals.Method, Intervals(*s.Intervals, eval.Docs))
		}
		rows = append(rows, r)
	}
	return marshalCSV(w, rows)
}

// maxShown is how many points of a curve the table shows.
const maxShown = 25

// Table writes the best point, the reachable recall and the curve: every
// point when there are few, else 25 of them evenly spread, the best and
// the ends always among them.
func (s *Sweep) Table(w io.Writer) error {
	var b strings.Builder
	points := s.Points
	fmt.Fprintf(&b, "%s: %s %s over %d gold mentions, %s (P, R, F1 in %%)\n", s.System, s.Scheme, labelName(s.Label), s.Gold, Plural(len(points), "threshold"))
	if s.OutOfScope > 0 {
		fmt.Fprintf(&b, "%s out of scope, not scored\n", Plural(s.OutOfScope, "prediction"))
	}
	bandOf := func(p eval.SweepPoint) string {
		if p.Estimates == nil {
			return ""
		}
		iv := p.Estimates[eval.F1].Interval(s.Intervals.Method)
		return fmt.Sprintf(" [%s, %s]", pct(iv.Low), pct(iv.High))
	}
	best, _ := eval.Best(points)
	last := points[len(points)-1]
	fmt.Fprintf(&b, "best F1     %s%s at score >= %s (%s kept): P %s, R %s\n", pct(best.Counts.F1()), bandOf(best),
		strconv.FormatFloat(best.Threshold, 'g', -1, 64), Plural(best.Kept, "prediction"), pct(best.Counts.Precision()), pct(best.Counts.Recall()))
	fmt.Fprintf(&b, "max recall  %s at score >= %s (all %s): P %s, F1 %s\n", pct(last.Counts.Recall()),
		strconv.FormatFloat(last.Threshold, 'g', -1, 64), Plural(last.Kept, "prediction"), pct(last.Counts.Precision()), pct(last.Counts.F1()))
	band := ""
	if s.Intervals != nil {
		fmt.Fprintf(&b, "bands: %s\n", Intervals(*s.Intervals, eval.Docs))
		band = "F1 band"
	}
	fmt.Fprintf(&b, "%10s %6s %6s %6s %6s  %s\n", "threshold", "kept", "P", "R", "F1", band)
	step := max(1, (len(points)+maxShown-1)/maxShown)
	for i, p := range points {
		if i%step != 0 && i != len(points)-1 && p.Threshold != best.Threshold {
			continue
		}
		mark := ""
		if p.Threshold == best.Threshold {
			mark = "  best"
		}
		fmt.Fprintf(&b, "%10s %6d %6s %6s %6s %s%s\n", strconv.FormatFloat(p.Threshold, 'g', 4, 64), p.Kept,
			pct(p.Counts.Precision()), pct(p.Counts.Recall()), pct(p.Counts.F1()), strings.TrimSpace(bandOf(p)), mark)
	}
	if step > 1 {
		fmt.Fprintf(&b, "(every %s point shown; -o DIR writes all %d to curve.csv)\n", ordinal(step), len(points))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func ordinal(n int) string {
	switch n {
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return strconv.Itoa(n) + "th"
}

// AgreementTable writes, per scheme, precision and recall of B against
// A, F1 with A as reference with its interval (made as o says), F1 with B
// as reference, and Cohen's kappa on tokens.
func AgreementTable(w io.Writer, a, b string, g *eval.Agreement, o eval.BootstrapOptions) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "A = %s (%d mentions), B = %s (%d mentions), %d documents in common; in %%, %s\n",
		a, g.AMentions, b, g.BMentions, g.Docs, Intervals(o, g.BA.Setup.Unit))
	fmt.Fprintf(&sb, "%-8s %7s %7s %7s %17s %9s\n", "scheme", "P(B|A)", "R(B|A)", "F1", "interval", "F1(A|B)")
	ba, ab := g.BA.Systems[0], g.AB.Systems[0]
	for _, sc := range eval.Schemes {
		m := ba.Summary.Micro(sc)
		row, _ := ba.Interval(eval.Key{Scheme: sc, Label: eval.All})
		iv := row.Metric[eval.F1].Interval(o.Method)
		fmt.Fprintf(&sb, "%-8s %7s %7s %7s %17s %9s\n", sc, pct(m.Precision()), pct(m.Recall()), pct(m.F1()),
			fmt.Sprintf("[%s, %s]", pct(iv.Low), pct(iv.High)), pct(ab.Summary.Micro(sc).F1()))
	}
	fmt.Fprintf(&sb, "Cohen's kappa on tokens: %.4f over all %d tokens, %.4f over the %d tokens either annotation labels\n",
		g.Kappa.Kappa, g.Kappa.Tokens, g.KappaMarked.Kappa, g.KappaMarked.Tokens)
	_, err := io.WriteString(w, sb.String())
	return err
}
