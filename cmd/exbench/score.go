package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

const scoreUsage = `
Usage:

	exbench score [-gold G] -pred P [-pred P2 ...] [-corpus C] [-o DIR] [-skip-uncovered]
	exbench score -conll FILE [-scheme S] [-name N] [-o DIR]

Score matches predicted mentions against gold mentions under five schemes
(strict, exact, partial, type, and value for numbers), and prints precision,
recall and F1 per label, micro and macro. With -o it writes scores.csv,
documents.csv, confusion.csv, numbers.csv and errors.csv to DIR.

Gold and predictions are mention CSV files, or directories of them; -gold
and -corpus default to the bundled gold and corpus. Each -pred is a system:
PATH, or NAME=PATH to name it (the default name is the file's, without
.csv). The gold covers the documents it has mentions of (or those its
scope says: -scope, or scope.csv in a gold directory): a covered document
with no prediction counts all its gold as missed, and a prediction for a
document the gold does not cover is an error, unless -skip-uncovered
(with a scope, it is counted as out of scope instead).

To make systems comparable, -map renames labels (built-in maps conll2003
and prose, FROM=TO pairs, or a CSV file; -map-to says which side), -labels
scores only some labels, and -value-tol compares values within a relative
tolerance. scores.csv records the map and the labels.

When the corpus is a directory or a .jsonl file and the gold and each
-pred are CSV files listing documents in the corpus's order (as exbench
run writes them), score reads them one document at a time, so memory
does not grow with the corpus; otherwise it reads them whole.

With -conll, FILE is a token-per-line file whose last two columns are the
gold and the predicted tag (blank lines between sentences, -DOCSTART- lines
between documents). Stdout then gets conlleval's report, the same numbers
conlleval.pl prints. -scheme says how tags make chunks: conlleval (the
default, also iob1: exactly as conlleval.pl, IOB1 and IOB2 both work), iob2
or iobes (strict: ill-formed chunks are dropped and counted), or auto (iobes
when the file has E-, S-, L- or U- tags, else conlleval).

Examples:

	exbench score -pred run1=out/v1.csv -pred run2=out/v2.csv -o report
	exbench score -pred out/prose-raw.csv -map prose -labels PERSON,GPE,ORG
	exbench score -conll ner.conll -map conll2003 -map-to both
`

// multiFlag is a flag that may be given more than once.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runScore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("score", scoreUsage)
	goldArg := fs.String("gold", builtin, "gold mention `files`: a CSV file or a directory of them, or builtin")
	var preds multiFlag
	fs.Var(&preds, "pred", "predicted mentions: a CSV `file` or directory, or NAME=PATH; repeat for more systems")
	corpusName := fs.String("corpus", builtin, "the corpus: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	outDir := fs.String("o", "", "write the CSV reports to `dir`")
	skip := fs.Bool("skip-uncovered", false, "ignore predictions for documents the gold does not cover, instead of failing")
	conll := fs.String("conll", "", "score a CoNLL token-per-line `file` instead")
	scheme := fs.String("scheme", "conlleval", "with -conll, how tags make chunks: conlleval, iob1, iob2, iobes or auto")
	name := fs.String("name", "", "with -conll, the system `name` (default: the file's name)")
	var st statFlags
	st.register(fs, false)
	var gates gateFlags
	gates.register(fs)
	var lf scoringFlags
	lf.register(fs)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if err := lf.parse("score", *conll != ""); err != nil {
		return err
	}
	if err := st.check("score"); err != nil {
		return err
	}
	if err := gates.parse("score"); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("score: unexpected argument %q; predictions go in -pred", fs.Arg(0))}
	}
	if *outDir != "" {
		if err := checkOutDir(*outDir); err != nil {
			return err
		}
	}
	if *conll != "" {
		if len(preds) > 0 {
			return &usageError{"score: -conll and -pred do not go together"}
		}
		if *scheme != "auto" {
			if _, ok := gold.ParseTagScheme(*scheme); !ok {
				return &usageError{fmt.Sprintf("score: -scheme %q: want conlleval, iob1, iob2, iobes or auto", *scheme)}
			}
		}
		return scoreCoNLL(ctx, *conll, *scheme, *name, *outDir, &lf, stdout, stderr)
	}
	if *name != "" || *scheme != "conlleval" {
		return &usageError{"score: -name and -scheme go with -conll; name a system with -pred NAME=PATH"}
	}
	if len(preds) == 0 {
		return &usageError{"score: no predictions: give -pred FILE (or -conll FILE)"}
	}

	var runs []named
	seen := map[string]string{}
	for _, p := range preds {
		name, path := splitSystem(p)
		if prev, dup := seen[name]; dup {
			return &usageError{fmt.Sprintf("score: two systems named %q (%s and %s); name them with -pred NAME=PATH", name, prev, path)}
		}
		seen[name] = path
		runs = append(runs, named{name, path})
	}

	systems, err := scoreStream(ctx, *corpusName, *goldArg, runs, *skip, *outDir != "", &st, &lf, stderr)
	if errors.Is(err, errWhole) {
		systems, err = scoreWhole(ctx, *corpusName, *goldArg, runs, *skip, *outDir != "", &st, &lf, stderr)
	}
	defer closeSpools(systems)
	if err != nil {
		return err
	}
	for _, s := range systems {
		s.labelMap, s.labelSet = lf.describe()
	}
	if err := printScores(stdout, systems); err != nil {
		return err
	}
	if *outDir != "" {
		if err := writeReports(ctx, *outDir, systems); err != nil {
			return err
		}
	}
	return gates.check(stderr, systems)
}

// named is a system to score: its name and its predictions' path.
type named struct{ name, path string }

// scoreWhole scores systems with the corpus and every mention file read
// whole into memory: any inputs, in any order.
func scoreWhole(ctx context.Context, corpusName, goldArg string, runs []named, skip, withErrors bool, st *statFlags, lf *scoringFlags, stderr io.Writer) ([]*system, error) {
	c, byDoc, covered, err := loadCorpusGold(corpusName, goldArg, lf, stderr)
	if err != nil {
		return nil, err
	}
	var systems []*system
	for _, run := range runs {
		ms, err := readChecked([]string{run.path}, c, false, lf, stderr)
		if err != nil {
			return nil, err
		}
		ms, outside := lf.splitScope(ms)
		predByDoc := groupByDoc(ms)
		if err := checkCoverage(run.name, predByDoc, byDoc, skip, stderr); err != nil {
			return nil, err
		}
		s, err := scoreSystem(ctx, run.name, covered, byDoc, predByDoc, lf.scorer(withErrors))
		if err != nil {
			return nil, err
		}
		s.outOfScope = outside
		if st.ci {
			if err := addIntervals(ctx, s, st, covered, byDoc, predByDoc); err != nil {
				return nil, err
			}
		}
		systems = append(systems, s)
	}
	return systems, nil
}

// addIntervals computes a system's bootstrap intervals.
func addIntervals(ctx context.Context, s *system, st *statFlags, covered []corpus.Doc, goldByDoc, predByDoc map[string][]corpus.Mention) error {
	us, err := units(ctx, s, st.unit, covered, goldByDoc, predByDoc)
	if err != nil {
		return err
	}
	rows, err := eval.Bootstrap(us, st.options())
	if err != nil {
		return err
	}
	s.rows, s.stats = rows, st
	return nil
}

// scoreSystem scores a system's predictions on the covered documents,
// keeping its errors unless opts.NoMistakes.
func scoreSystem(ctx context.Context, name string, covered []corpus.Doc, goldByDoc, predByDoc map[string][]corpus.Mention, opts eval.Options) (*system, error) {
	s := &system{name: name, opts: opts}
	sc := eval.NewScorer(opts)
	for _, d := range covered {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r := sc.Score(d, goldByDoc[d.ID], predByDoc[d.ID])
		s.sum.Add(r)
		s.errors = append(s.errors, r.Mistakes...)
	}
	return s, nil
}

// loadCorpusGold loads the corpus a -corpus flag names and the gold a
// -gold flag names; see loadGold.
func loadCorpusGold(corpusName, goldArg string, lf *scoringFlags, stderr io.Writer) (*corpus.Corpus, map[string][]corpus.Mention, []corpus.Doc, error) {
	c, err := loadCorpus(corpusName)
	if err != nil {
		return nil, nil, nil, err
	}
	byDoc, covered, err := loadGold(goldArg, c, lf, stderr)
	return c, byDoc, covered, err
}

// loadGold reads and validates the gold a -gold flag names (builtin for
// the bundled gold) and returns its mentions by document and the
// documents of c it covers, those it has mentions of, in corpus order.
func loadGold(arg string, c *corpus.Corpus, lf *scoringFlags, stderr io.Writer) (map[string][]corpus.Mention, []corpus.Doc, error) {
	var paths []string
	if arg != builtin {
		paths = []string{arg}
	}
	ms, err := readChecked(paths, c, true, &scoringFlags{lm: lf.lm, mapTo: lf.mapTo}, stderr) // mapped, not restricted: the covered documents are those of all labels
	if err != nil {
		return nil, nil, err
	}
	if lf.scopePath == "" && arg != builtin {
		if fi, err := os.Stat(filepath.Join(arg, scopeFile)); err == nil && fi.Mode().IsRegular() {
			lf.scopePath = filepath.Join(arg, scopeFile) // the gold declares its scope
		}
	}
	if err := lf.loadScope(c, stderr); err != nil {
		return nil, nil, err
	}
	if lf.scope != nil {
		in, out := lf.scope.Split(ms)
		if len(out) > 0 {
			fmt.Fprintf(stderr, "exbench: gold %s has %s outside the scope %s; they are not scored\n", arg, plural(len(out), "mention"), lf.scopePath)
		}
		ms = in
	}
	byDoc := groupByDoc(ms)
	var covered []corpus.Doc
	for _, d := range c.Docs {
		_, hasGold := byDoc[d.ID]
		if lf.scope == nil && !hasGold || lf.scope != nil && !lf.scope.Covers(d.ID) {
			continue
		}
		covered = append(covered, d)
		if !hasGold {
			byDoc[d.ID] = nil // covered by the scope: scored, with no gold mention
		}
	}
	if len(covered) == 0 {
		return nil, nil, fmt.Errorf("gold %s has no mentions of corpus %s, so it covers no document: nothing to score", arg, c.Name)
	}
	for id, ms := range byDoc {
		byDoc[id] = lf.restrict(ms)
	}
	return byDoc, covered, nil
}

// splitSystem splits NAME=PATH; a plain PATH is named after its file.
func splitSystem(arg string) (name, path string) {
	if n, p, ok := strings.Cut(arg, "="); ok && n != "" && !strings.ContainsAny(n, `/\`) {
		return n, p
	}
	return strings.TrimSuffix(filepath.Base(arg), ".csv"), arg
}

// readChecked reads mention files (the bundled gold when paths is empty)
// and checks them against c: as gold (Validate) or as predictions (Check).
// Problems are printed; any problem that is not a warning fails.
//
// lf maps and restricts the labels; nil leaves them as read.
func readChecked(paths []string, c *corpus.Corpus, asGold bool, lf *scoringFlags, stderr io.Writer) ([]corpus.Mention, error) {
	if len(paths) == 1 {
		if f, _ := formatOf(paths[0]); f != "" && f != "csv" {
			ms, err := readOtherFormat(paths[0], f, c, asGold, lf.options(asGold), stderr)
			return lf.restrict(ms), err
		}
	}
	files, errs, err := readMentionFiles(paths, lf.options(asGold)...)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if asGold {
			errs = append(errs, f.Validate(c)...)
		} else {
			errs = append(errs, f.Check(c)...)
		}
	}
	errs.Sort()
	printProblems(stderr, errs, false)
	if errs.Failed() {
		return nil, errFailed
	}
	if len(paths) == 0 { // the bundled gold, read without the map
		return lf.apply(gold.Mentions(files), asGold), nil
	}
	return lf.restrict(gold.Mentions(files)), nil
}

func groupByDoc(ms []corpus.Mention) map[string][]corpus.Mention {
	by := map[string][]corpus.Mention{}
	for _, m := range ms {
		by[m.DocID] = append(by[m.DocID], m)
	}
	return by
}

// checkCoverage fails when a system predicts for a document the gold does
// not cover, or, with skip, drops those predictions and says so.
func checkCoverage(name string, pred, goldByDoc map[string][]corpus.Mention, skip bool, stderr io.Writer) error {
	var outside []string
	n := 0
	for id, ms := range pred {
		if _, ok := goldByDoc[id]; !ok {
			outside = append(outside, id)
			n += len(ms)
		}
	}
	if len(outside) == 0 {
		return nil
	}
	if !skip {
		return uncovered(name, n, outside, false, stderr)
	}
	for _, id := range outside {
		delete(pred, id)
	}
	return uncovered(name, n, outside, true, stderr)
}

// uncovered returns the error of a system's n predictions for documents
// outside the gold, or, when they are skipped, says so on stderr.
func uncovered(name string, n int, outside []string, skip bool, stderr io.Writer) error {
	slices.Sort(outside)
	list := strings.Join(outside[:min(len(outside), 5)], ", ")
	if len(outside) > 5 {
		list += fmt.Sprintf(" and %d more", len(outside)-5)
	}
	if !skip {
		return fmt.Errorf("score: system %s has %d predictions for %d documents the gold does not cover (%s); use -skip-uncovered to ignore them", name, n, len(outside), list)
	}
	fmt.Fprintf(stderr, "exbench: score: system %s: ignored %d predictions for %d documents the gold does not cover (%s)\n", name, n, len(outside), list)
	return nil
}

// scoreCoNLL scores a CoNLL file, one document at a time.
func scoreCoNLL(ctx context.Context, path, schemeName, name, outDir string, lf *scoringFlags, stdout, stderr io.Writer) error {
	var scheme gold.TagScheme
	if schemeName == "auto" {
		f, err := openFile(path)
		if err != nil {
			return err
		}
		scheme, err = gold.DetectTagScheme(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	} else {
		scheme, _ = gold.ParseTagScheme(schemeName)
	}
	f, err := openFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	s := &system{name: name}
	cr := gold.NewCoNLLReader(f, path, scheme)
	sc := eval.NewScorer(lf.scorer(outDir != ""))
	docs := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := cr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		docs++
		r := sc.Score(d.Doc, lf.apply(d.Gold, true), lf.apply(d.Pred, false))
		s.sum.Add(r)
		if outDir != "" {
			s.errors = append(s.errors, r.Mistakes...)
		}
	}
	if docs == 0 {
		return fmt.Errorf("%s: no tokens to score: want a token a line, its gold and predicted tags in the last two columns", path)
	}
	if cr.Dropped > 0 {
		fmt.Fprintf(stderr, "exbench: score: scheme %s dropped %s\n", scheme, plural(cr.Dropped, "ill-formed chunk"))
	}
	printConlleval(stdout, cr.Tokens, cr.CorrectTags, &s.sum)
	if outDir != "" {
		return writeReports(ctx, outDir, []*system{s})
	}
	return nil
}
