package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

const compareUsage = `
Usage: exbench compare [-gold G] [-corpus C] [-seed N] [-unit doc|sentence] [-alpha A] [-o DIR] [gates] A B

Compare scores two systems on the same gold and says, for every scheme and
label, whether B's F1 differs from A's by more than chance: A's and B's F1,
the difference, its paired bootstrap interval, and the p-value of a paired
permutation test over documents (exact up to 16 documents), Holm-corrected
over the labels of each scheme; ~ marks a difference that is not
significant at -alpha. With -o it writes compare.csv and changes.csv: every
gold mention that went from correct to wrong (broken) or back (fixed), and
every spurious prediction that is new or removed, under the strict and
value schemes.

A and B are prediction files or directories of them (a run's output), or
NAME=PATH. -gold and -corpus default to the bundled gold and corpus.

Gates, for CI pipelines: -fail-if 'strict.micro.f1 < 0.60' tests B;
-fail-on-regression fails when B is significantly worse than A (p < alpha
after correction) by more than -min-delta. Exit status: 0 fine, 1 error, 2
usage, 3 a gate failed.

Example:

	exbench compare -fail-on-regression v1=out/v1.csv v2=out/v2.csv
`

func runCompare(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("compare", compareUsage)
	goldArg := fs.String("gold", builtin, "gold mention `files`: a CSV file or a directory of them, or builtin")
	corpusName := fs.String("corpus", builtin, "the corpus: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	outDir := fs.String("o", "", "write compare.csv and changes.csv to `dir`")
	alpha := fs.Float64("alpha", 0.05, "significance level")
	failOnRegression := fs.Bool("fail-on-regression", false, "exit 3 when B is significantly worse than A by more than -min-delta")
	minDelta := fs.Float64("min-delta", 0.01, "the smallest drop in F1 that -fail-on-regression counts")
	var st statFlags
	st.register(fs, true)
	var gates gateFlags
	gates.register(fs)
	var lf scoringFlags
	lf.register(fs)
	if err := parseScoring(fs, args, stdout, "compare", &st, &lf); err != nil {
		return err
	}
	if err := gates.parse("compare"); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return &usageError{"compare: want two systems, A and B"}
	}
	if *alpha <= 0 || *alpha >= 1 {
		return &usageError{fmt.Sprintf("compare: -alpha %v: want a number between 0 and 1", *alpha)}
	}
	nameA, pathA := splitSystem(fs.Arg(0))
	nameB, pathB := splitSystem(fs.Arg(1))
	if nameA == nameB {
		nameA, nameB = "A:"+nameA, "B:"+nameB
	}

	c, goldByDoc, covered, err := loadCorpusGold(*corpusName, *goldArg, &lf, stderr)
	if err != nil {
		return err
	}
	var systems []*system
	var unitsOf [][]eval.DocCounts
	for _, run := range [][2]string{{nameA, pathA}, {nameB, pathB}} {
		ms, err := readChecked([]string{run[1]}, c, false, &lf, stderr)
		if err != nil {
			return err
		}
		ms, outside := lf.splitScope(ms)
		predByDoc := groupByDoc(ms)
		if err := checkCoverage(run[0], predByDoc, goldByDoc, false, stderr); err != nil {
			return err
		}
		s, err := scoreSystem(ctx, run[0], covered, goldByDoc, predByDoc, lf.scorer(true))
		if err != nil {
			return err
		}
		s.labelMap, s.labelSet = lf.describe()
		s.outOfScope = outside
		us, err := units(ctx, s, st.unit, covered, goldByDoc, predByDoc)
		if err != nil {
			return err
		}
		systems = append(systems, s)
		unitsOf = append(unitsOf, us)
	}
	result, err := eval.Compare(unitsOf[0], unitsOf[1], st.options())
	if err != nil {
		return err
	}
	goldCounts := map[eval.Key]int{}
	for _, lc := range systems[0].sum.Labels() {
		for _, sc := range eval.Schemes {
			goldCounts[eval.Key{Scheme: sc, Label: lc.Label}] = lc.Scheme[sc].Possible()
		}
	}
	warnings := compareWarnings(result, len(unitsOf[0]), st.unit, *alpha)
	for _, w := range warnings {
		fmt.Fprintf(stderr, "exbench: compare: warning: %s\n", w)
	}
	systems[0].printSetup(stdout)
	printComparison(stdout, systems[0].name, systems[1].name, result, &st, *alpha, len(unitsOf[0]))
	if *outDir != "" {
		if err := writeComparison(*outDir, systems, result, goldCounts, warnings, *alpha, covered); err != nil {
			return err
		}
	}
	err = gates.check(stderr, systems[1:])
	if *failOnRegression {
		var worse []string
		for _, d := range result.Rows {
			if d.Delta < -*minDelta && d.PHolm < *alpha {
				worse = append(worse, fmt.Sprintf("%s %s F1 %s (p %s)", d.Key.Scheme, rowLabel(d.Key), signed(100*d.Delta), strconv.FormatFloat(d.PHolm, 'f', 4, 64)))
			}
		}
		if len(worse) > 0 {
			fmt.Fprintf(stderr, "exbench: gate: %s is significantly worse than %s: %s\n", systems[1].name, systems[0].name, strings.Join(worse, "; "))
			err = errGate
		}
	}
	return err
}

func rowLabel(k eval.Key) string {
	if k.Macro {
		return "macro"
	}
	return labelName(k.Label)
}

func unitNoun(unit string) string {
	if unit == "doc" {
		return "document"
	}
	return unit
}

func signed(f float64) string { return fmt.Sprintf("%+.1f", f) }

// compareWarnings says what limits the comparison.
func compareWarnings(c *eval.Comparison, units int, unit string, alpha float64) []string {
	var w []string
	if c.MinP >= alpha {
		hint := ""
		if unit == "doc" {
			hint = "; resample sentences with -unit sentence"
		}
		w = append(w, fmt.Sprintf("with %s the smallest p-value the test can reach is %.4f, not below alpha %g: no difference can be significant%s", plural(units, unitNoun(unit)), c.MinP, alpha, hint))
	}
	return w
}

// printComparison prints a benchstat-like table: per scheme and label,
// A's and B's F1, the difference with its interval, and p.
func printComparison(w io.Writer, a, b string, c *eval.Comparison, st *statFlags, alpha float64, units int) {
	test := fmt.Sprintf("an exact permutation test over all %d swaps", 1<<units)
	if !c.Exact {
		test = fmt.Sprintf("%d random permutations", st.resamples)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "A = %s, B = %s: F1 in %%, ΔF1 = B − A with its %g%% paired bootstrap interval (%d resamples of %s, seed %d); p from %s, Holm-corrected over labels; ~ not significant at %g\n",
		a, b, 100*st.level, st.resamples, plural(units, unitNoun(st.unit)), st.seed, test, alpha)
	width := len("label")
	for _, d := range c.Rows {
		width = max(width, len(rowLabel(d.Key)))
	}
	fmt.Fprintf(&sb, "%-8s %-*s %7s %7s %7s %17s %7s\n", "scheme", width, "label", "A", "B", "Δ", "interval", "p")
	for _, d := range c.Rows {
		mark := ""
		if d.PHolm >= alpha {
			mark = "  ~"
		}
		fmt.Fprintf(&sb, "%-8s %-*s %7s %7s %7s %17s %7.4f%s\n", d.Key.Scheme, width, rowLabel(d.Key), pct(d.A), pct(d.B), signed(100*d.Delta),
			fmt.Sprintf("[%s, %s]", signed(100*d.CI.Low), signed(100*d.CI.High)), d.PHolm, mark)
	}
	io.WriteString(w, sb.String())
}

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
	LabelMap    string `csv:"label_map"` // -map, and the side it applied to
	Labels      string `csv:"labels"`    // -labels: the labels scored; empty for all
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
}

// writeComparison writes compare.csv and changes.csv, atomically.
func writeComparison(dir string, systems []*system, c *eval.Comparison, goldCounts map[eval.Key]int, warnings []string, alpha float64, covered []corpus.Doc) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var rows []compareRow
	for _, d := range c.Rows {
		notes := slices.Clone(warnings)
		if !d.Key.Macro && d.Key.Label != eval.All {
			if n := goldCounts[eval.Key{Scheme: d.Key.Scheme, Label: d.Key.Label}]; n < 10 {
				notes = append(notes, fmt.Sprintf("only %s", plural(n, "gold mention")))
			}
		}
		rows = append(rows, compareRow{
			Scheme: d.Key.Scheme.String(), Label: rowLabel(d.Key), A: decimal(d.A), B: decimal(d.B), Delta: decimal(d.Delta),
			Low: decimal(d.CI.Low), High: decimal(d.CI.High), P: decimal(d.P), PHolm: decimal(d.PHolm),
			Significant: d.PHolm < alpha, Warning: strings.Join(notes, "; "),
			LabelMap: gold.EscapeCell(systems[0].labelMap), Labels: systems[0].labelSet,
		})
	}
	if err := writeAtomic(filepath.Join(dir, "compare.csv"), func(w io.Writer) error { return marshalCSV(w, rows) }); err != nil {
		return err
	}
	changes := changesOf(systems[0].errors, systems[1].errors, covered)
	return writeAtomic(filepath.Join(dir, "changes.csv"), func(w io.Writer) error { return marshalCSV(w, changes) })
}

// changesOf lists, under the strict and value schemes, the gold mentions
// correct for one system and not the other, and the spurious predictions
// of one system only.
func changesOf(a, b []eval.Mistake, covered []corpus.Doc) []changeRow {
	type id struct {
		scheme eval.Scheme
		doc    string
		span   corpus.Span
		label  corpus.Label
		number string
	}
	idOf := func(e eval.Mistake, m *corpus.Mention) id {
		return id{e.Scheme, e.DocID, m.Span, m.Label, number(m)}
	}
	type entry struct {
		e eval.Mistake
		m *corpus.Mention
	}
	index := func(errs []eval.Mistake) (wrong, spurious map[id]entry) {
		wrong, spurious = map[id]entry{}, map[id]entry{}
		for _, e := range errs {
			if e.Scheme != eval.Strict && e.Scheme != eval.Value {
				continue
			}
			if e.Gold != nil {
				wrong[idOf(e, e.Gold)] = entry{e, e.Gold}
			} else {
				spurious[idOf(e, e.Pred)] = entry{e, e.Pred}
			}
		}
		return wrong, spurious
	}
	wrongA, spuA := index(a)
	wrongB, spuB := index(b)
	var rows []changeRow
	add := func(change string, x entry, ao, bo string) {
		rows = append(rows, changeRow{Change: change, Scheme: x.e.Scheme.String(), DocID: gold.EscapeCell(x.e.DocID),
			Start: x.m.Span.Start, End: x.m.Span.End, Text: gold.EscapeCell(x.m.Text), Label: string(x.m.Label),
			Number: gold.EscapeCell(number(x.m)), A: ao, B: bo, Context: gold.EscapeCell(x.e.Context)})
	}
	for k, x := range wrongB {
		if _, ok := wrongA[k]; !ok {
			add("broken", x, "correct", x.e.Outcome.String())
		}
	}
	for k, x := range wrongA {
		if _, ok := wrongB[k]; !ok {
			add("fixed", x, x.e.Outcome.String(), "correct")
		}
	}
	for k, x := range spuB {
		if _, ok := spuA[k]; !ok {
			add("new spurious", x, "", "spurious")
		}
	}
	for k, x := range spuA {
		if _, ok := spuB[k]; !ok {
			add("removed spurious", x, "spurious", "")
		}
	}
	order := map[string]int{}
	for i, d := range covered {
		order[d.ID] = i
	}
	slices.SortFunc(rows, func(x, y changeRow) int {
		return cmp.Or(cmp.Compare(x.Scheme, y.Scheme), cmp.Compare(order[gold.UnescapeCell(x.DocID)], order[gold.UnescapeCell(y.DocID)]),
			cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End), cmp.Compare(x.Change, y.Change), cmp.Compare(x.Label, y.Label))
	})
	return rows
}
