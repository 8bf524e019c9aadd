package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/report"
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
after correction) by more than -min-delta, on any scheme and label or, with
-regression-on strict.micro,value.CARDINAL, only on those. Exit status: 0
fine, 1 error, 2 usage, 3 a gate failed.

Example:

	exbench compare -fail-on-regression v1=out/v1.csv v2=out/v2.csv
`

func runCompare(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("compare", compareUsage)
	goldArg := goldFlag(fs)
	corpusName := corpusFlag(fs, "")
	outDir := fs.String("o", "", "write compare.csv and changes.csv to `dir`")
	var alpha, minDelta = new(float64), new(float64)
	numberVar(fs, alpha, "alpha", 0.05, "significance level")
	failOnRegression := fs.Bool("fail-on-regression", false, "exit 3 when B is significantly worse than A by more than -min-delta")
	numberVar(fs, minDelta, "min-delta", 0.01, "the smallest drop in F1 that -fail-on-regression counts")
	var regressionOn multiFlag
	fs.Var(&regressionOn, "regression-on", "limit -fail-on-regression to these `SCHEME.LABEL`s (LABEL micro, macro or a label), comma-separated or repeated")
	var st statFlags
	st.register(fs, true)
	var gates gateFlags
	gates.register(fs)
	var lf scoringFlags
	lf.register(fs)
	var sl sliceFlags
	sl.register(fs)
	var hf htmlFlags
	hf.register(fs)
	fs.Lookup("slices").Usage = "also compare every slice of the mentions (see score -slices): print the slices that got significantly worse or better from A to B and, with -o, write slice_changes.csv"
	setup, err := parseScoring(fs, args, stdout, "compare", &st, &lf)
	if err != nil {
		return err
	}
	if err := gates.parse("compare", &setup, false); err != nil {
		return err
	}
	watched, err := parseRegressionOn(regressionOn, &setup)
	if err != nil {
		return err
	}
	if len(watched) > 0 && !*failOnRegression {
		return usagef("compare: -regression-on needs -fail-on-regression")
	}
	if fs.NArg() != 2 {
		return usagef("compare: want two systems, A and B")
	}
	if !(*alpha > 0 && *alpha < 1) {
		return usagef("compare: -alpha %v: want a number between 0 and 1", *alpha)
	}
	if !(*minDelta >= 0 && *minDelta < 1) {
		return usagef("compare: -min-delta %v: want a number from 0 up to 1", *minDelta)
	}
	nameA, pathA := splitSystem(fs.Arg(0))
	nameB, pathB := splitSystem(fs.Arg(1))
	if nameA == nameB {
		nameA, nameB = "A:"+nameA, "B:"+nameB
	}
	scopePath, err := lf.scope(&setup, *goldArg, stderr)
	if err != nil {
		return err
	}
	st.apply(&setup)
	setup.Intervals, setup.KeepDocs = nil, true // the comparison resamples the units, but no interval of either system is shown
	setup.Score.NoMistakes = *outDir == "" && hf.path == ""
	changes := report.NewChanges()
	if *outDir != "" || hf.path != "" {
		setup.Each = changes.Add
	}
	in, err := scoringInput(corpusName, *goldArg, []named{{nameA, pathA}, {nameB, pathB}}, stderr)
	if err != nil {
		return err
	}
	slicer, err := sl.collect(&setup, in.Systems)
	if err != nil {
		return err
	}
	if err := hf.check("compare"); err != nil {
		return err
	}
	htmlErrs := hf.collect(&setup, in.Systems)
	res, err := eval.Score(ctx, in, setup)
	if err != nil {
		return scoreError(err, stderr)
	}
	if err := gates.measurable("compare", res.Systems); err != nil {
		return err
	}
	notes(stderr, res, *goldArg, scopePath)
	opts := st.options()
	opts.Progress = resampleProgress(stderr, "compare")
	c, err := res.Compare(0, 1, opts, *alpha)
	if err != nil {
		return err
	}
	for _, w := range c.Warnings {
		fmt.Fprintf(stderr, "exbench: compare: warning: %s\n", report.Warning(w))
	}
	report.Setup(stdout, &setup)
	if err := report.CompareTable(stdout, nameA, nameB, c, opts, *alpha); err != nil {
		return err
	}
	files := []report.File{
		{Name: "compare.csv", Write: func(w io.Writer) error { return report.CompareCSV(w, c, &setup, *alpha) }},
		{Name: "changes.csv", Write: changes.Write},
	}
	if slicer != nil {
		var sc []eval.SliceChange
		for _, scheme := range setup.Schemes() {
			sc = append(sc, slicer.Changes(0, 1, scheme, opts)...)
		}
		roughSlices(stderr, slicer.Docs())
		fmt.Fprintln(stdout)
		if err := report.SliceChanges(stdout, nameA, nameB, sc, sl.alpha, 10); err != nil {
			return err
		}
		files = append(files, report.File{Name: "slice_changes.csv", Write: func(w io.Writer) error { return report.SliceChangesCSV(w, sc, sl.alpha) }})
	}
	if *outDir != "" {
		if err := report.WriteSet(ctx, *outDir, files); err != nil {
			return err
		}
	}
	if err := hf.writeReport(stdout, report.HTMLReport{Result: res, Errors: htmlErrs, Compare: c, A: nameA, B: nameB, Alpha: *alpha, Changes: changes}); err != nil {
		return err
	}
	err = gates.check(stderr, res.Systems[1:])
	if *failOnRegression {
		var worse []string
		for _, d := range c.Rows {
			label := string(d.Key.Label)
			switch {
			case d.Key.Macro:
				label = "macro"
			case d.Key.Label == eval.All:
				label = "micro"
			}
			if len(watched) > 0 && !watched[d.Key.Scheme.String()+"."+label] {
				continue
			}
			if d.Delta < -*minDelta && d.PHolm < *alpha {
				worse = append(worse, fmt.Sprintf("%s %s F1 %+.1f (p %s)", d.Key.Scheme, label, 100*d.Delta, strconv.FormatFloat(d.PHolm, 'f', 4, 64)))
			}
		}
		if len(worse) > 0 {
			fmt.Fprintf(stderr, "exbench: gate: %s is significantly worse than %s: %s\n", nameB, nameA, strings.Join(worse, "; "))
			err = errGate
		}
	}
	return err
}

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
	goldArg := goldFlag(fs)
	pred := fs.String("pred", "", "the scored predictions: a mention `file`, or NAME=PATH")
	corpusName := corpusFlag(fs, "")
	schemeName := fs.String("scheme", "strict", "the `scheme`: strict, exact, partial, type or value")
	labelName := fs.String("label", "micro", "the `label` to sweep, or micro for all together")
	outDir := fs.String("o", "", "write curve.csv to `dir`")
	bands := fs.Int("bands", 200, "bootstrap at most `n` points of the curve, spread evenly (the best and the last always)")
	var st statFlags
	st.register(fs, true)
	var lf scoringFlags
	lf.register(fs)
	fs.Lookup("ci").Usage = "bootstrap bands of P, R and F1 along the curve"
	var hf htmlFlags
	hf.register(fs)
	fs.Lookup("resamples").DefValue = "1000"
	st.resamples = 1000
	setup, err := parseScoring(fs, args, stdout, "sweep", &st, &lf)
	if err != nil {
		return err
	}
	if *bands < 1 {
		return usagef("sweep: -bands must be at least 1")
	}
	if *pred == "" || fs.NArg() > 0 {
		return usagef("sweep: want one prediction file: -pred FILE")
	}
	scheme, ok := eval.ParseScheme(*schemeName)
	if !ok {
		return usagef("sweep: -scheme %q: want strict, exact, partial, type or value", *schemeName)
	}
	label := eval.All
	if *labelName != "micro" {
		l, ok := corpus.ParseLabel(*labelName)
		if !ok {
			return usagef("sweep: -label %q: want an OntoNotes label or micro", *labelName)
		}
		label = l
	}
	if *outDir != "" {
		if err := report.CheckDir(*outDir); err != nil {
			return err
		}
	}
	name, path := splitSystem(*pred)
	scopePath, err := lf.scope(&setup, *goldArg, stderr)
	if err != nil {
		return err
	}
	in, err := scoringInput(corpusName, *goldArg, []named{{name, path}}, stderr)
	if err != nil {
		return err
	}
	opts := eval.SweepOptions{Scheme: scheme, Label: label}
	sw := report.Sweep{System: name, Scheme: scheme, Label: label}
	if st.ci {
		b := st.options()
		opts.Bootstrap, opts.Bands, sw.Intervals = &b, *bands, &b
	}
	var tally *eval.Tally
	sw.Points, tally, err = in.Sweep(ctx, setup, opts)
	var ue *eval.UnscoredError
	switch {
	case errors.As(err, &ue):
		return fmt.Errorf("sweep: %s: %v; sweep needs a score on every prediction (the score column)", path, ue)
	case err != nil:
		return scoreError(err, stderr)
	case len(sw.Points) == 0:
		return fmt.Errorf("sweep: %s has no prediction for the documents the gold covers: no curve", path)
	}
	notes(stderr, &eval.Result{Warnings: tally.Warnings, MoreWarnings: tally.MoreWarnings, GoldOutOfScope: tally.GoldOutOfScope}, *goldArg, scopePath)
	sw.Gold = sw.Points[0].Counts.Possible()
	sw.OutOfScope = (&eval.SystemResult{SystemTally: tally.Systems[0]}).OutOfScopeCount(eval.All)
	report.Setup(stdout, &setup)
	if err := sw.Table(stdout); err != nil {
		return err
	}
	if err := hf.check("sweep"); err != nil {
		return err
	}
	if *outDir != "" {
		if err := report.WriteSet(ctx, *outDir, []report.File{{Name: "curve.csv", Write: sw.Curve}}); err != nil {
			return err
		}
	}
	return hf.writeReport(stdout, report.HTMLReport{Sweep: &sw})
}

const agreeUsage = `
Usage: exbench agree [-corpus C] [-seed N] [-unit doc|sentence] A.csv B.csv

Agree measures inter-annotator agreement: two annotations of the same
documents, scored against each other both ways. It prints, per scheme,
precision and recall of B against A, the F1 with A as reference and with B
as reference (the same but for rare ties in pairing), F1's bootstrap
interval, and Cohen's kappa on tokens, over all tokens and over the tokens
either annotation labels. Only documents both files have mentions of count
(with -scope, the documents it covers).

Example:

	exbench agree annotator1.csv annotator2.csv
`

func runAgree(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("agree", agreeUsage)
	corpusName := corpusFlag(fs, "")
	var st statFlags
	st.register(fs, true)
	var lf scoringFlags
	lf.register(fs)
	setup, err := parseScoring(fs, args, stdout, "agree", &st, &lf)
	if err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("agree: want two annotation files, A and B")
	}
	if _, err := lf.scope(&setup, builtin, stderr); err != nil {
		return err
	}
	// A stands for the gold and B for the predictions, for -map-to.
	a, b := fs.Arg(0), fs.Arg(1)
	in, err := scoringInput(corpusName, a, []named{{b, b}}, stderr)
	if err != nil {
		return err
	}
	st.apply(&setup)
	o := st.options()
	setup.Intervals = &o
	g, tally, err := eval.Agree(ctx, in, setup)
	switch {
	case errors.Is(err, eval.ErrNoCases):
		return fmt.Errorf("agree: %s and %s have no document in common", a, b)
	case err != nil:
		return scoreError(err, stderr)
	}
	printProblems(stderr, warnings(tally.Warnings, tally.MoreWarnings), false, false)
	return report.AgreementTable(stdout, a, b, g, o)
}

// parseRegressionOn parses the -regression-on values into a set of
// "scheme.label" keys, each naming a scheme and micro, macro or a label
// the setup can score.
func parseRegressionOn(values []string, setup *eval.Setup) (map[string]bool, error) {
	watched := map[string]bool{}
	for _, v := range values {
		for key := range strings.SplitSeq(v, ",") {
			if strings.Count(key, ".") != 1 {
				return nil, usagef("compare: -regression-on %q: want SCHEME.LABEL, such as strict.micro", key)
			}
			// A gate's check, with a metric added, says what is wrong with a key.
			g, err := eval.ParseGate(key + ".f1 < 0")
			if err == nil {
				err = g.Check(setup, false)
			}
			if errors.Is(err, eval.ErrBagOff) {
				return nil, usagef("compare: -regression-on %q: %v: add -bag", key, err)
			}
			if err != nil {
				return nil, usagef("compare: -regression-on %q: %v", key, err)
			}
			watched[g.Scheme.String()+"."+g.Label] = true
		}
	}
	return watched, nil
}
