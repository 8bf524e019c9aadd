package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

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
	corpusName := fs.String("corpus", builtin, "the corpus: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	var st statFlags
	st.register(fs, true)
	var lf scoringFlags
	lf.register(fs)
	if err := parseScoring(fs, args, stdout, "agree", &st, &lf); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return &usageError{"agree: want two annotation files, A and B"}
	}
	c, err := loadCorpus(*corpusName)
	if err != nil {
		return err
	}
	if err := lf.loadScope(c, stderr); err != nil {
		return err
	}
	var byDoc [2]map[string][]corpus.Mention
	for i := range 2 {
		// A stands for the gold and B for the predictions for -map-to;
		// both are read as gold.
		side := &scoringFlags{subset: lf.subset}
		if lf.mapsSide(i == 0) {
			side.lm, side.mapTo = lf.lm, "gold"
		}
		ms, err := readChecked([]string{fs.Arg(i)}, c, true, side, stderr)
		if err != nil {
			return err
		}
		ms, _ = lf.splitScope(ms)
		byDoc[i] = groupByDoc(ms)
	}
	var docs []corpus.Doc
	var a, b []corpus.Mention
	for _, d := range c.Docs {
		both := len(byDoc[0][d.ID]) > 0 && len(byDoc[1][d.ID]) > 0
		if lf.scope != nil {
			both = lf.scope.Covers(d.ID) // -scope says which documents count
		}
		if both {
			docs = append(docs, d)
			a = append(a, byDoc[0][d.ID]...)
			b = append(b, byDoc[1][d.ID]...)
		}
	}
	if len(docs) == 0 {
		return fmt.Errorf("agree: %s and %s have no document in common", fs.Arg(0), fs.Arg(1))
	}
	ab, err := scoreSystem(ctx, "B against A", docs, byDoc[0], byDoc[1], lf.scorer(false))
	if err != nil {
		return err
	}
	ba, err := scoreSystem(ctx, "A against B", docs, byDoc[1], byDoc[0], lf.scorer(false))
	if err != nil {
		return err
	}
	if err := addIntervals(ctx, ab, &st, docs, byDoc[0], byDoc[1]); err != nil {
		return err
	}
	f1CI := map[eval.Scheme]eval.Estimate{}
	for _, r := range ab.rows {
		if r.Key.Label == eval.All && !r.Key.Macro {
			f1CI[r.Key.Scheme] = r.Metric[eval.F1]
		}
	}

	var sb strings.Builder
	fmt.Fprintf(&sb, "A = %s (%d mentions), B = %s (%d mentions), %d documents in common; in %%, %s\n",
		fs.Arg(0), len(a), fs.Arg(1), len(b), len(docs), st.describe())
	fmt.Fprintf(&sb, "%-8s %7s %7s %7s %17s %9s\n", "scheme", "P(B|A)", "R(B|A)", "F1", "interval", "F1(A|B)")
	for _, sc := range eval.Schemes {
		m := ab.sum.Micro(sc)
		e := f1CI[sc]
		iv := e.BCa
		if st.method == "percentile" {
			iv = e.Percentile
		}
		fmt.Fprintf(&sb, "%-8s %7s %7s %7s %17s %9s\n", sc, pct(m.Precision()), pct(m.Recall()), pct(m.F1()),
			fmt.Sprintf("[%s, %s]", pct(iv.Low), pct(iv.High)), pct(ba.sum.Micro(sc).F1()))
	}
	all := eval.TokenKappa(docs, a, b, false)
	marked := eval.TokenKappa(docs, a, b, true)
	fmt.Fprintf(&sb, "Cohen's kappa on tokens: %.4f over all %d tokens, %.4f over the %d tokens either annotation labels\n",
		all.Kappa, all.Tokens, marked.Kappa, marked.Tokens)
	_, err = io.WriteString(stdout, sb.String())
	return err
}
