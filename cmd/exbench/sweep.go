package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

const sweepUsage = `
Usage:

	exbench sweep [-gold G] -pred P [-corpus C] [-scheme S] [-label L] [-o DIR]

Sweep scores predictions that carry a confidence (the score column of a
mention CSV, or the score an external extractor returns) at every
distinct score: at each threshold it keeps the predictions scored at
least that high and scores them. It prints the threshold of best F1, the
highest recall reachable (every prediction kept) and the precision/recall
curve, with a bootstrap band of each point unless -ci=false (of -bands
points spread along the curve, the best and the last always, when there
are more); -o writes the whole curve to DIR/curve.csv. Going down the
thresholds only the documents that gain a prediction are scored again,
so a sweep costs about one scoring of a document per prediction in it.

-scheme picks the scheme (default strict) and -label one label (default
micro, all labels together). The gold, the corpus and the flags that map
labels, restrict them and set the scope are those of score.

Example:

	exbench sweep -pred out/spacy.csv -o report
`

func runSweep(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("sweep", sweepUsage)
	goldArg := fs.String("gold", builtin, "gold mention `files`: a CSV file or a directory of them, or builtin")
	pred := fs.String("pred", "", "the scored predictions: a mention `file`, or NAME=PATH")
	corpusName := fs.String("corpus", builtin, "the corpus: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	schemeName := fs.String("scheme", "strict", "the `scheme`: strict, exact, partial, type or value")
	labelName := fs.String("label", "micro", "the `label` to sweep, or micro for all together")
	outDir := fs.String("o", "", "write curve.csv to `dir`")
	bands := fs.Int("bands", 200, "bootstrap at most `n` points of the curve, spread evenly (the best and the last always)")
	var st statFlags
	st.register(fs, true)
	var lf scoringFlags
	lf.register(fs)
	fs.Lookup("ci").Usage = "bootstrap bands of P, R and F1 along the curve"
	fs.Lookup("resamples").DefValue = "1000"
	st.resamples = 1000
	if err := parseScoring(fs, args, stdout, "sweep", &st, &lf); err != nil {
		return err
	}
	if *bands < 1 {
		return &usageError{"sweep: -bands must be at least 1"}
	}
	if *pred == "" || fs.NArg() > 0 {
		return &usageError{"sweep: want one prediction file: -pred FILE"}
	}
	scheme, ok := eval.ParseScheme(*schemeName)
	if !ok {
		return &usageError{fmt.Sprintf("sweep: -scheme %q: want strict, exact, partial, type or value", *schemeName)}
	}
	label := eval.All
	if *labelName != "micro" {
		l, ok := corpus.ParseLabel(*labelName)
		if !ok {
			return &usageError{fmt.Sprintf("sweep: -label %q: want an OntoNotes label or micro", *labelName)}
		}
		label = l
	}
	if *outDir != "" {
		if err := checkOutDir(*outDir); err != nil {
			return err
		}
	}
	name, path := splitSystem(*pred)

	c, goldByDoc, covered, err := loadCorpusGold(*corpusName, *goldArg, &lf, stderr)
	if err != nil {
		return err
	}
	ms, err := readChecked([]string{path}, c, false, &lf, stderr)
	if err != nil {
		return err
	}
	unscored := 0
	for _, m := range ms {
		if !m.HasScore {
			unscored++
		}
	}
	if unscored > 0 {
		return fmt.Errorf("sweep: %s: %s of %d have no score; sweep needs a score on every prediction (the score column)", path, plural(unscored, "prediction"), len(ms))
	}
	ms, outside := lf.splitScope(ms)
	predByDoc := groupByDoc(ms)
	if err := checkCoverage(name, predByDoc, goldByDoc, false, stderr); err != nil {
		return err
	}
	var docs []eval.SweepDoc
	for _, d := range covered {
		docs = append(docs, eval.SweepDoc{Doc: d, Gold: goldByDoc[d.ID], Pred: predByDoc[d.ID]})
	}
	opts := eval.SweepOptions{Scheme: scheme, Label: label, Score: lf.scorer(false)}
	if st.ci {
		b := st.options()
		opts.Bootstrap, opts.Bands = &b, *bands
	}
	points, err := eval.Sweep(docs, opts)
	if err != nil {
		return err
	}
	if len(points) == 0 {
		return fmt.Errorf("sweep: %s has no prediction for the documents the gold covers: no curve", path)
	}
	c0 := points[0].Counts
	setup := &system{}
	setup.labelMap, setup.labelSet = lf.describe()
	setup.printSetup(stdout)
	printSweep(stdout, name, scheme, label, c0.Possible(), points, &st, outsideCount(outside))
	if *outDir != "" {
		rows := curveRows(name, scheme, label, points, &st)
		return writeFiles(ctx, *outDir, []outFile{{"curve.csv", func(w io.Writer) error { return marshalCSV(w, rows) }}})
	}
	return nil
}

func outsideCount(m map[corpus.Label]int) int {
	n := 0
	for _, k := range m {
		n += k
	}
	return n
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

func curveRows(name string, scheme eval.Scheme, label corpus.Label, points []eval.SweepPoint, st *statFlags) []curveRow {
	var rows []curveRow
	for _, p := range points {
		c := p.Counts
		r := curveRow{System: gold.EscapeCell(name), Scheme: scheme.String(), Label: labelName(label),
			Threshold: strconv.FormatFloat(p.Threshold, 'g', -1, 64), Kept: p.Kept,
			Correct: c.Correct, Incorrect: c.Incorrect, Partial: c.Partial, Missed: c.Missed, Spurious: c.Spurious,
			Precision: decimal(c.Precision()), Recall: decimal(c.Recall()), F1: decimal(c.F1())}
		if p.Estimates != nil {
			r.IntervalCells = intervalCells(p.Estimates, st)
		}
		rows = append(rows, r)
	}
	return rows
}

// band is an estimate's interval by -ci-method.
func band(e eval.Estimate, st *statFlags) eval.Interval {
	if st.method == "percentile" {
		return e.Percentile
	}
	return e.BCa
}

// maxShown is how many points of a curve the table shows.
const maxShown = 25

// printSweep prints the best point, the reachable recall and the curve:
// every point when there are few, else maxShown of them evenly spread,
// the best and the ends always among them.
func printSweep(w io.Writer, name string, scheme eval.Scheme, label corpus.Label, gold int, points []eval.SweepPoint, st *statFlags, outside int) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s %s over %d gold mentions, %s (P, R, F1 in %%)\n", name, scheme, labelName(label), gold, plural(len(points), "threshold"))
	if outside > 0 {
		fmt.Fprintf(&b, "%s out of scope, not scored\n", plural(outside, "prediction"))
	}
	bandOf := func(p eval.SweepPoint) string {
		if p.Estimates == nil {
			return ""
		}
		iv := band(p.Estimates[eval.F1], st)
		return fmt.Sprintf(" [%s, %s]", pct(iv.Low), pct(iv.High))
	}
	best, _ := eval.Best(points)
	last := points[len(points)-1]
	fmt.Fprintf(&b, "best F1     %s%s at score >= %s (%s kept): P %s, R %s\n", pct(best.Counts.F1()), bandOf(best),
		strconv.FormatFloat(best.Threshold, 'g', -1, 64), plural(best.Kept, "prediction"), pct(best.Counts.Precision()), pct(best.Counts.Recall()))
	fmt.Fprintf(&b, "max recall  %s at score >= %s (all %s): P %s, F1 %s\n", pct(last.Counts.Recall()),
		strconv.FormatFloat(last.Threshold, 'g', -1, 64), plural(last.Kept, "prediction"), pct(last.Counts.Precision()), pct(last.Counts.F1()))
	if st.ci {
		fmt.Fprintf(&b, "bands: %s\n", st.describe())
	}
	fmt.Fprintf(&b, "%10s %6s %6s %6s %6s  %s\n", "threshold", "kept", "P", "R", "F1", map[bool]string{true: "F1 band", false: ""}[st.ci])
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
	io.WriteString(w, b.String())
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
