package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

// CompareTable writes a benchstat-like table: per scheme and label, A's
// and B's F1, the difference with its interval, and p; ~ marks a
// difference that is not significant at alpha.
func CompareTable(w io.Writer, a, b string, c *eval.Comparison, opts eval.BootstrapOptions, alpha float64) error {
	opts = opts.Defaults()
	test := fmt.Sprintf("an exact permutation test over all %d swaps", 1<<c.Units)
	if !c.Exact {
		test = fmt.Sprintf("%d random permutations", opts.Resamples)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "A = %s, B = %s: F1 in %%, ΔF1 = B − A with its %g%% paired bootstrap interval (%d resamples of %s, seed %d); p from %s, Holm-corrected over labels; ~ not significant at %g\n",
		a, b, 100*opts.Level, opts.Resamples, Plural(c.Units, c.Unit.String()), opts.Seed, test, alpha)
	width := len("label")
	for _, d := range c.Rows {
		width = max(width, len(rowLabel(d.Key)))
	}
	fmt.Fprintf(&sb, "%-8s %-*s %7s %7s %7s %17s %7s\n", "scheme", width, "label", "A", "B", "Δ", "interval", "p")
	for _, d := range c.Rows {
		if d.Empty {
			fmt.Fprintf(&sb, "%-8s %-*s %7s %7s %7s\n", d.Key.Scheme, width, rowLabel(d.Key), "n/a", "n/a", "n/a")
			continue
		}
		mark := ""
		if d.PHolm >= alpha {
			mark = "  ~"
		}
		fmt.Fprintf(&sb, "%-8s %-*s %7s %7s %7s %17s %7.4f%s\n", d.Key.Scheme, width, rowLabel(d.Key), pct(d.A), pct(d.B), signed(100*d.Delta),
			fmt.Sprintf("[%s, %s]", signed(100*d.CI.Low), signed(100*d.CI.High)), d.PHolm, mark)
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// Warning is the text of a caveat of the statistics: what it says, and,
// for an unreachable p-value over documents, what to do about it.
func Warning(w error) string {
	if u, ok := w.(*eval.Unreachable); ok && u.Unit == eval.Docs {
		return w.Error() + "; resample sentences with -unit sentence"
	}
	return w.Error()
}

func signed(f float64) string { return fmt.Sprintf("%+.1f", f) }

type compareRow struct {
	Scheme      string `csv:"scheme"`
	Label       string `csv:"label"`
	A           string `csv:"a_f1"`
	B           string `csv:"b_f1"`
	Delta       string `csv:"delta"`
	Low         string `csv:"delta_low"`
	High        string `csv:"delta_high"`
	P           string `csv:"p"`
	PHolm       string `csv:"p_holm"`
	Significant bool   `csv:"significant"`
	Warning     string `csv:"warning"`
	LabelMap    string `csv:"label_map"` // the label map, and the side it applied to
	Labels      string `csv:"labels"`    // the labels scored; empty for all
}

// CompareCSV writes compare.csv: a row per scheme and label of the
// comparison, with its warnings.
func CompareCSV(w io.Writer, c *eval.Comparison, setup *eval.Setup, alpha float64) error {
	var rows []compareRow
	for _, d := range c.Rows {
		var notes []string
		for _, w := range append(slices.Clone(c.Warnings), d.Warnings...) {
			notes = append(notes, Warning(w))
		}
		rows = append(rows, compareRow{
			Scheme: d.Key.Scheme.String(), Label: rowLabel(d.Key), A: Decimal(d.A), B: Decimal(d.B), Delta: Decimal(d.Delta),
			Low: Decimal(d.CI.Low), High: Decimal(d.CI.High), P: Decimal(d.P), PHolm: Decimal(d.PHolm),
			Significant: d.PHolm < alpha, Warning: strings.Join(notes, "; "),
			LabelMap: gold.EscapeCell(LabelMap(setup)), Labels: Labels(setup),
		})
	}
	return marshalCSV(w, rows)
}

// Changes gathers, as documents are scored, what changes from system A
// (0) to system B (1) under the strict and value schemes: the gold
// mentions correct for one and not the other, and the spurious
// predictions of one only.
type Changes struct {
	wrong, spurious [2]map[changeID]changeOf
}

type changeID struct {
	scheme eval.Scheme
	doc    string
	span   corpus.Span
	label  corpus.Label
	number string
}

type changeOf struct {
	m   eval.Mistake
	at  *corpus.Mention
	pos int
}

// NewChanges returns an empty Changes.
func NewChanges() *Changes {
	c := &Changes{}
	for i := range 2 {
		c.wrong[i], c.spurious[i] = map[changeID]changeOf{}, map[changeID]changeOf{}
	}
	return c
}

// Add adds a document's mistakes of system sys (0 or 1): it fits
// [eval.Setup.Each].
func (ch *Changes) Add(c *eval.Case, sys int, r *eval.DocResult) error {
	for _, m := range r.Mistakes {
		if m.Scheme != eval.Strict && m.Scheme != eval.Value {
			continue
		}
		at, into := m.Gold, ch.wrong[sys]
		if at == nil {
			at, into = m.Pred, ch.spurious[sys]
		}
		into[changeID{m.Scheme, m.DocID, at.Span, at.Label, number(at)}] = changeOf{m, at, c.Pos}
	}
	return nil
}

type changeRow struct {
	Change  string `csv:"change"`
	Scheme  string `csv:"scheme"`
	DocID   string `csv:"doc_id"`
	Start   int    `csv:"start"`
	End     int    `csv:"end"`
	Text    string `csv:"text"`
	Label   string `csv:"label"`
	Number  string `csv:"number"`
	A       string `csv:"a_outcome"`
	B       string `csv:"b_outcome"`
	Context string `csv:"context"`
	pos     int
}

// Write writes changes.csv: every gold mention that went from correct to
// wrong (broken) or back (fixed), and every spurious prediction that is
// new or removed, by scheme, corpus order and position.
func (ch *Changes) Write(w io.Writer) error { return marshalCSV(w, ch.rows()) }

// rows returns the changes in the order changes.csv lists them.
func (ch *Changes) rows() []changeRow {
	var rows []changeRow
	add := func(change string, x changeOf, a, b string) {
		rows = append(rows, changeRow{Change: change, Scheme: x.m.Scheme.String(), DocID: gold.EscapeCell(x.m.DocID),
			Start: x.at.Span.Start, End: x.at.Span.End, Text: gold.EscapeCell(x.at.Text), Label: string(x.at.Label),
			Number: gold.EscapeCell(number(x.at)), A: a, B: b, Context: gold.EscapeCell(x.m.Context), pos: x.pos})
	}
	for k, x := range ch.wrong[1] {
		if _, ok := ch.wrong[0][k]; !ok {
			add("broken", x, "correct", x.m.Outcome.String())
		}
	}
	for k, x := range ch.wrong[0] {
		if _, ok := ch.wrong[1][k]; !ok {
			add("fixed", x, x.m.Outcome.String(), "correct")
		}
	}
	for k, x := range ch.spurious[1] {
		if _, ok := ch.spurious[0][k]; !ok {
			add("new spurious", x, "", "spurious")
		}
	}
	for k, x := range ch.spurious[0] {
		if _, ok := ch.spurious[1][k]; !ok {
			add("removed spurious", x, "spurious", "")
		}
	}
	slices.SortFunc(rows, func(x, y changeRow) int {
		return cmp.Or(cmp.Compare(x.Scheme, y.Scheme), cmp.Compare(x.pos, y.pos),
			cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End), cmp.Compare(x.Change, y.Change), cmp.Compare(x.Label, y.Label))
	})
	return rows
}
