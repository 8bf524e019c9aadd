package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold/conll"
	"github.com/exbench/exbench/report"
)

const scoreUsage = `
Usage:

	exbench score [-gold G] -pred P [-pred P2 ...] [-corpus C] [-o DIR] [-skip-uncovered]
	exbench score [-shard I/N] -pred P ... -partial FILE
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

Score reads the corpus one document at a time, and the gold and each
-pred one row at a time, in any order, keeping their mentions grouped by
document in about 40 bytes each: memory grows with the mentions, not
with the texts.

With -conll, FILE is a token-per-line file whose last two columns are the
gold and the predicted tag (blank lines between sentences, -DOCSTART- lines
between documents). Stdout then gets conlleval's report, the same numbers
conlleval.pl prints. -scheme says how tags make chunks: conlleval (the
default, also iob1: exactly as conlleval.pl, IOB1 and IOB2 both work), iob2
or iobes (strict: ill-formed chunks are dropped and counted), or auto (iobes
when the file has E-, S-, L- or U- tags, else conlleval).

To score a corpus too large for one machine in parts, -shard I/N scores
only the documents of shard I of N (chosen by a hash of the document ID,
as run -shard chooses them), and -partial FILE writes, instead of
reports, a partial result: the scored documents with the scoring flags,
the gold's fingerprint and the exbench version. 'exbench merge' merges
the partials into exactly the reports score gives on the whole corpus.

Examples:

	exbench score -pred run1=out/v1.csv -pred run2=out/v2.csv -o report
	exbench score -pred out/prose-raw.csv -map prose -labels PERSON,GPE,ORG
	exbench score -conll ner.conll -map conll2003 -map-to both
	exbench score -shard 3/8 -pred out/numbers-3.csv -ci -partial parts/3.exb
`

// scoreCmd holds score's flags. merge rebuilds it from the flags a
// partial result recorded, so that merged parts are scored and reported
// by the same code as a whole corpus.
type scoreCmd struct {
	goldArg    *string
	preds      multiFlag
	corpusName *corpusArg
	outDir     *string
	skip       *bool
	conllPath  *string
	scheme     *string
	name       *string
	partial    *string
	shard      shardFlag
	sl         sliceFlags
	hf         htmlFlags
	st         statFlags
	gates      gateFlags
	lf         scoringFlags
}

func (c *scoreCmd) register(fs *flag.FlagSet) {
	c.goldArg = goldFlag(fs)
	fs.Var(&c.preds, "pred", "predicted mentions: a CSV `file` or directory, or NAME=PATH; repeat for more systems")
	c.corpusName = corpusFlag(fs, "")
	c.outDir = fs.String("o", "", "write the CSV reports to `dir`")
	c.skip = fs.Bool("skip-uncovered", false, "ignore predictions for documents the gold does not cover, instead of failing")
	c.conllPath = fs.String("conll", "", "score a CoNLL token-per-line `file` instead")
	c.scheme = fs.String("scheme", "conlleval", "with -conll, how tags make chunks: conlleval, iob1, iob2, iobes or auto")
	c.name = fs.String("name", "", "with -conll, the system `name` (default: the file's name)")
	fs.Var(&c.shard, "shard", "score only shard `I/N` of the corpus (I from 1 to N): the documents whose ID hashes to it")
	c.partial = fs.String("partial", "", "write a partial result to `file` instead of reports, for exbench merge")
	c.sl.register(fs)
	c.hf.register(fs)
	c.st.register(fs, false)
	c.gates.register(fs)
	c.lf.register(fs)
}

// prepare checks the flags that do not name inputs and returns the
// setup they make.
func (c *scoreCmd) prepare(fs *flag.FlagSet) (eval.Setup, error) {
	conll := *c.conllPath != ""
	setup, err := c.lf.setup("score", conll)
	if err != nil {
		return setup, err
	}
	if err := c.st.check("score"); err != nil {
		return setup, err
	}
	if err := c.gates.parse("score", &setup, conll); err != nil {
		return setup, err
	}
	if fs.NArg() > 0 {
		return setup, usagef("score: unexpected argument %q; predictions go in -pred", fs.Arg(0))
	}
	if *c.outDir != "" {
		if err := report.CheckDir(*c.outDir); err != nil {
			return setup, err
		}
	}
	if err := c.hf.check("score"); err != nil {
		return setup, err
	}
	if *c.partial != "" {
		switch {
		case conll:
			return setup, usagef("score: -partial goes with -pred, not -conll")
		case *c.outDir != "" || c.hf.path != "" || c.hf.plots != "":
			return setup, usagef("score: -partial writes a partial result, not reports: give -o, -html and -plots to exbench merge")
		}
		if err := report.CheckDir(filepath.Dir(*c.partial)); err != nil {
			return setup, err
		}
	}
	if c.shard.n > 0 {
		if conll {
			return setup, usagef("score: -shard goes with -pred, not -conll")
		}
		i, n := c.shard.i, c.shard.n
		setup.Only = func(_ int, id string) bool { return corpus.Shard(id, n) == i-1 }
	}
	setup.Score.NoMistakes = *c.outDir == ""
	return setup, nil
}

func runScore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("score", scoreUsage)
	var c scoreCmd
	c.register(fs)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	setup, err := c.prepare(fs)
	if err != nil {
		return err
	}
	if *c.conllPath != "" {
		if len(c.preds) > 0 {
			return usagef("score: -conll and -pred do not go together")
		}
		if *c.scheme != "auto" {
			if _, ok := conll.ParseTagScheme(*c.scheme); !ok {
				return usagef("score: -scheme %q: want conlleval, iob1, iob2, iobes or auto", *c.scheme)
			}
		}
		return scoreCoNLL(ctx, *c.conllPath, *c.scheme, *c.name, *c.outDir, setup, &c.gates, stdout, stderr)
	}
	if *c.name != "" || *c.scheme != "conlleval" {
		return usagef("score: -name and -scheme go with -conll; name a system with -pred NAME=PATH")
	}
	if len(c.preds) == 0 {
		return usagef("score: no predictions: give -pred FILE (or -conll FILE)")
	}
	var systems []named
	seen := map[string]string{}
	for _, p := range c.preds {
		name, path := splitSystem(p)
		if prev, dup := seen[name]; dup {
			return usagef("score: two systems named %q (%s and %s); name them with -pred NAME=PATH", name, prev, path)
		}
		seen[name] = path
		systems = append(systems, named{name, path})
	}

	scopePath, err := c.lf.scope(&setup, *c.goldArg, stderr)
	if err != nil {
		return err
	}
	setup.SkipUncovered = *c.skip
	c.st.apply(&setup)
	in, err := scoringInput(c.corpusName, *c.goldArg, systems, stderr)
	if err != nil {
		return err
	}
	if *c.partial != "" {
		return c.writePartial(ctx, fs, in, setup, scopePath, stdout, stderr)
	}
	if setup.Intervals != nil {
		setup.Intervals.Progress = resampleProgress(stderr, "intervals")
	}
	score := func(setup eval.Setup) (*eval.Result, error) { return eval.Score(ctx, in, setup) }
	return c.report(ctx, setup, in.Systems, scopePath, score, stdout, stderr)
}

// report scores with score, which setup configures, and prints and
// writes what the flags ask for: the table, the worst slices, the CSV
// reports, the HTML report; then checks the gates.
func (c *scoreCmd) report(ctx context.Context, setup eval.Setup, systems []eval.System, scopePath string, score func(eval.Setup) (*eval.Result, error), stdout, stderr io.Writer) error {
	rows, err := reportRows(*c.outDir, &setup, systems)
	if err != nil {
		return err
	}
	defer rows.Close()
	slicer, err := c.sl.collect(&setup, systems)
	if err != nil {
		return err
	}
	htmlErrs := c.hf.collect(&setup, systems)
	res, err := score(setup)
	if err != nil {
		return scoreError(err, stderr)
	}
	if err := c.gates.measurable("score", res.Systems); err != nil {
		return err
	}
	notes(stderr, res, *c.goldArg, scopePath)
	if err := report.Table(stdout, res); err != nil {
		return err
	}
	sliceRows, files, err := c.sl.report(stdout, stderr, slicer, &setup, c.st.options())
	if err != nil {
		return err
	}
	if *c.outDir != "" {
		if err := report.WriteSet(ctx, *c.outDir, append(report.Files(res, rows), files...)); err != nil {
			return err
		}
	}
	if err := c.hf.write(stdout, res, sliceRows, htmlErrs); err != nil {
		return err
	}
	return c.gates.check(stderr, res.Systems)
}

// reportRows returns where the rows of documents.csv and errors.csv go
// as documents are scored, when reports are written to dir ("" for
// none), and sets setup to send them there.
func reportRows(dir string, setup *eval.Setup, systems []eval.System) (*report.Rows, error) {
	rows, err := report.NewRows(systemNames(systems), setup.Schemes())
	if err != nil {
		return nil, err
	}
	if dir != "" {
		setup.Each = rows.Add
	}
	return rows, nil
}

// scoreCoNLL scores a CoNLL file, one document at a time.
func scoreCoNLL(ctx context.Context, path, schemeName, name, outDir string, setup eval.Setup, gates *gateFlags, stdout, stderr io.Writer) error {
	var scheme conll.TagScheme
	if schemeName == "auto" {
		f, err := corpus.OpenFile(path)
		if err != nil {
			return err
		}
		scheme, err = conll.DetectTagScheme(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	} else {
		scheme, _ = conll.ParseTagScheme(schemeName)
	}
	f, err := corpus.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	cr := conll.NewReader(f, path, scheme)
	cases := func(yield func(eval.Case, error) bool) {
		for pos := 0; ; pos++ {
			d, err := cr.Next()
			if errors.Is(err, io.EOF) {
				if pos == 0 {
					yield(eval.Case{}, fmt.Errorf("%s: no tokens to score: want a token a line, its gold and predicted tags in the last two columns", path))
				}
				return
			}
			gold, dontCare := setup.SplitIgnored(d.Gold)
			c := eval.Case{Doc: d.Doc, Pos: pos, Gold: setup.Apply(gold, true), Pred: [][]corpus.Mention{setup.Apply(d.Pred, false)}, DontCare: dontCare, Sentences: d.Sentences}
			if err != nil || !yield(c, nil) {
				if err != nil {
					yield(eval.Case{}, err)
				}
				return
			}
		}
	}
	rows, err := reportRows(outDir, &setup, []eval.System{{Name: name}})
	if err != nil {
		return err
	}
	defer rows.Close()
	res, err := eval.ScoreCases(ctx, iter.Seq2[eval.Case, error](cases), []string{name}, setup)
	if err != nil {
		return err
	}
	if err := gates.measurable("score", res.Systems); err != nil {
		return err
	}
	if cr.Dropped > 0 {
		fmt.Fprintf(stderr, "exbench: score: scheme %s dropped %s\n", scheme, report.Plural(cr.Dropped, "ill-formed chunk"))
	}
	if err := report.Conlleval(stdout, cr.Tokens, cr.CorrectTags, &res.Systems[0].Summary); err != nil {
		return err
	}
	if outDir != "" {
		if err := report.Write(ctx, outDir, res, rows); err != nil {
			return err
		}
	}
	return gates.check(stderr, res.Systems)
}

// systemNames returns the names of systems, in order.
func systemNames(systems []eval.System) []string {
	names := make([]string, len(systems))
	for i, s := range systems {
		names[i] = s.Name
	}
	return names
}
