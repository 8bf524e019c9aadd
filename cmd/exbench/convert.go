package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/gold/brat"
	"github.com/exbench/exbench/gold/conll"
	"github.com/exbench/exbench/gold/jsonl"
	"github.com/exbench/exbench/report"
)

const convertUsage = `
Usage: exbench convert [-from F] [-to F] [-corpus C] [-scheme S] IN OUT

Convert rewrites mentions from one format into another. The formats are

	csv     the mention CSV (IN may be a directory of them)
	jsonl   Prodigy / spaCy JSONL: {"text", "spans": [{"start", "end", "label"}]} a line
	brat    brat standoff: a directory of NAME.txt and NAME.ann files
	conll   token-per-line, TOKEN ... TAG, -DOCSTART- between documents

-from and -to default to what the names say (.csv, .jsonl, .conll, a
directory of .ann files). CSV carries no text, so reading CSV takes the
texts from -corpus (bundled by default). Writing CSV from a format that
carries text also writes OUT's texts as a corpus, OUT with .corpus.jsonl
for .csv, to use with -corpus. CoNLL loses what it cannot hold: the text
is rebuilt from the tokens with single spaces (so offsets change),
overlapping mentions are dropped, and numbers lose value, modifier and
unit; convert says how many. Only CSV holds alternative spans (alt) and
scores; converting them elsewhere says how many are lost. Prodigy
records answered reject or ignore are skipped and counted.

Examples:

	exbench convert gold/dmeir-2016 gold.jsonl
	exbench convert -scheme iobes annotations.jsonl annotations.conll
	exbench convert ner.conll ner.csv
`

func runConvert(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("convert", convertUsage)
	from := fs.String("from", "", "the input `format`: csv, jsonl, brat or conll (default: by name)")
	to := fs.String("to", "", "the output `format`: csv, jsonl, brat or conll (default: by name)")
	corpusName := fs.String("corpus", builtin, "for CSV input, the corpus with the texts: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	schemeName := fs.String("scheme", "iob2", "CoNLL tags: iob2 or iobes when writing; conlleval (iob1), iob2 or iobes when reading")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("convert: want IN and OUT")
	}
	in, out := fs.Arg(0), fs.Arg(1)
	var err error
	if *from == "" {
		if *from, err = gold.Format(in); err != nil {
			return usagef("convert: %v; say -from", err)
		}
	}
	if *to == "" {
		if *to, err = gold.Format(out); err != nil {
			return usagef("convert: %v; say -to", err)
		}
	}
	for _, f := range []string{*from, *to} {
		switch f {
		case "csv", "jsonl", "brat", "conll":
		default:
			return usagef("convert: unknown format %q (csv, jsonl, brat, conll)", f)
		}
	}
	scheme, ok := conll.ParseTagScheme(*schemeName)
	if !ok {
		return usagef("convert: -scheme %q: want conlleval, iob1, iob2 or iobes", *schemeName)
	}

	var docs []corpus.Doc
	var ms []corpus.Mention
	if *from == "csv" {
		docs, ms, err = readCSVChecked(ctx, in, *corpusName, stderr)
	} else {
		var a *gold.Annotated
		a, err = readAnnotated(in, *from, scheme, gold.Options{}, stderr)
		if a != nil {
			docs, ms = a.Docs, a.Mentions
		}
	}
	if err != nil {
		return err
	}
	if *to != "csv" {
		alts, scores := 0, 0
		for _, m := range ms {
			if len(m.Alts) > 0 {
				alts++
			}
			if m.HasScore {
				scores++
			}
		}
		if alts+scores > 0 {
			fmt.Fprintf(stdout, "note: %s holds no alternative spans or scores: %d mentions lose their alternatives, %d their score\n", *to, alts, scores)
		}
	}
	switch *to {
	case "csv":
		if *from == "csv" {
			if err := report.WriteFile(out, func(w io.Writer) error { return gold.Write(w, ms) }); err != nil {
				return err
			}
			break
		}
		corpusOut := strings.TrimSuffix(out, ".csv") + ".corpus.jsonl"
		if err := report.WriteSet(ctx, filepath.Dir(out), []report.File{
			{Name: filepath.Base(out), Write: func(w io.Writer) error { return gold.Write(w, ms) }},
			{Name: filepath.Base(corpusOut), Write: func(w io.Writer) error { return corpus.WriteJSONL(w, docs) }},
		}); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s: %d mentions, and its texts to %s (use it with -corpus)\n", out, len(ms), corpusOut)
		if *from == "conll" {
			fmt.Fprintln(stdout, "note: the texts are rebuilt from the tokens, with single spaces between tokens and a line break between sentences")
		}
		return nil
	case "jsonl":
		if err := report.WriteFile(out, func(w io.Writer) error { return jsonl.Write(w, docs, ms) }); err != nil {
			return err
		}
	case "brat":
		if err := brat.Write(out, docs, ms); err != nil {
			return err
		}
	case "conll":
		if scheme == conll.Conlleval {
			scheme = conll.IOB2
		}
		var written, dropped int
		err := report.WriteFile(out, func(w io.Writer) error {
			var err error
			written, dropped, err = conll.Write(w, docs, ms, scheme)
			return err
		})
		if err != nil {
			return err
		}
		lost := 0
		for _, m := range ms {
			if m.Label.Numeric() && (!m.Value.IsZero() || m.Modifier != "" || m.Unit != "") {
				lost++
			}
		}
		fmt.Fprintf(stdout, "wrote %s: %d mentions as %s tags; %d overlapping dropped; %d numbers lost their value, modifier or unit\n", out, written, scheme, dropped, lost)
		return nil
	}
	fmt.Fprintf(stdout, "wrote %s: %d mentions in %d documents\n", out, len(ms), len(docs))
	return nil
}

// readCSVChecked reads mention CSV files whole, and the corpus that holds
// their texts, and checks the mentions against it.
func readCSVChecked(ctx context.Context, path, corpusName string, stderr io.Writer) ([]corpus.Doc, []corpus.Mention, error) {
	c, err := loadCorpus(corpusName)
	if err != nil {
		return nil, nil, err
	}
	var ms []corpus.Mention
	var ps corpus.Problems
	for m, err := range gold.Scan(path, gold.Options{AnyLabel: true}) {
		if err != nil && !ps.Add(err) {
			return nil, nil, err
		}
		if err == nil {
			ms = append(ms, m)
		}
	}
	in := eval.Input{Corpus: c.Name, Docs: c.All(), Systems: []eval.System{{Name: path, Mentions: eval.Mentions(ms)}}}
	if _, err := in.Check(ctx, eval.Setup{}); err != nil && !ps.Add(err) {
		return nil, nil, err
	}
	if len(ps) > 0 {
		ps.Sort()
		return nil, nil, failed(ps, stderr)
	}
	return c.Docs, ms, nil
}

const validateUsage = `
Usage: exbench validate [-corpus DIR|FILE.jsonl|builtin] [-pred] [-all] [FILE.csv|DIR ...]

Validate checks mention CSV files against a corpus and prints every problem
as file:line:col: field: problem. A directory stands for the .csv files in
it: one gold, checked as a whole. With no files it checks the bundled gold
against the bundled corpus. The files are checked as gold, whose spans are
flat; with -pred, as predictions, which 'exbench score' takes with spans
that overlap (a duplicate is a warning: it is scored as spurious).

It reports: malformed CSV, invalid UTF-8, a NUL byte, a missing, unknown or
duplicate column, a wrong number of fields, offsets that are not integers,
negative, reversed or past the end of the document, text that differs from
the document, an unknown doc_id or label, a value that is not a number, an
unknown modifier, number columns on a label that takes none, duplicate and
overlapping spans, and (as a warning) rows out of order.

The exit status is 1 when there is a problem other than a warning.

Example:

	exbench validate -corpus ./news gold/news/*.csv
`

func runValidate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("validate", validateUsage)
	corpusName := corpusFlag(fs)
	all := fs.Bool("all", false, "print every problem, not only the first 10")
	pred := fs.Bool("pred", false, "check the files as predictions: spans may overlap")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	in := eval.Input{}
	in.Corpus, in.Docs = corpusInput(*corpusName)
	files, mentions := 0, 0
	count := func(seq iter.Seq2[corpus.Mention, error]) iter.Seq2[corpus.Mention, error] {
		return func(yield func(corpus.Mention, error) bool) {
			for m, err := range seq {
				if err == nil {
					mentions++
				}
				if !yield(m, err) {
					return
				}
			}
		}
	}
	if fs.NArg() == 0 {
		files = gold.BuiltinFiles
		in.Systems = []eval.System{{Name: builtin, Mentions: count(eval.Mentions(gold.Builtin())), Flat: true}}
	}
	for _, arg := range fs.Args() { // each a gold: a file, or a directory of them
		paths, err := gold.Files(arg)
		if err != nil {
			return err
		}
		files += len(paths)
		in.Systems = append(in.Systems, eval.System{Name: arg, Mentions: count(gold.Scan(arg, gold.Options{AnyLabel: true})), Flat: !*pred})
	}
	setup := eval.Setup{}
	if !*all {
		setup.MaxProblems = corpus.MaxShown
	}
	tally, err := in.Check(ctx, setup)
	var ps corpus.Problems
	if errors.As(err, &ps) {
		printProblems(stderr, err, *all, true)
		return errFailed
	}
	if err != nil {
		return err
	}
	printProblems(stderr, warnings(tally.Warnings, tally.MoreWarnings), *all, true)
	fmt.Fprintf(stdout, "ok: %s in %s match corpus %s (%s)\n", report.Plural(mentions, "mention"), report.Plural(files, "file"), in.Corpus, report.Plural(tally.Docs, "document"))
	return nil
}

const countUsage = `
Usage: exbench count [-csv] [FILE.csv|DIR ...]

Count reads mention CSV files and prints how many mentions each document
has of each label, with totals. Only labels that occur get a column. With no
files it counts the bundled gold.

Example:

	exbench count -csv predictions.csv > counts.csv
`

func runCount(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("count", countUsage)
	asCSV := fs.Bool("csv", false, "write CSV instead of a table")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	inputs := []iter.Seq2[corpus.Mention, error]{eval.Mentions(gold.Builtin())}
	if fs.NArg() > 0 {
		inputs = nil
		for _, arg := range fs.Args() {
			if _, err := gold.Files(arg); err != nil {
				return err
			}
			inputs = append(inputs, gold.Scan(arg, gold.Options{}))
		}
	}
	var t report.Counts
	var ps corpus.Problems
	for _, in := range inputs {
		for m, err := range in {
			if err != nil {
				if !ps.Add(err) {
					return err
				}
				continue
			}
			t.Add(m)
		}
	}
	if len(ps) > 0 {
		ps.Sort()
		printProblems(stderr, ps, false, false)
		return errFailed
	}
	if *asCSV {
		return t.CSV(stdout)
	}
	return t.Table(stdout)
}
