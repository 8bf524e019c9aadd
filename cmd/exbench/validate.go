package main

import (
	"context"
	"fmt"
	"io"

	"github.com/exbench/exbench/gold"
)

const validateUsage = `
Usage: exbench validate [-corpus DIR|FILE.jsonl|builtin] [-all] [FILE.csv|DIR ...]

Validate checks mention CSV files (gold or predictions) against a corpus and
prints every problem as file:line:col: field: problem. A directory stands for
the .csv files in it. With no files it checks the bundled gold against the
bundled corpus.

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

func runValidate(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("validate", validateUsage)
	corpusName := fs.String("corpus", builtin, "the corpus: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	all := fs.Bool("all", false, "print every problem, not only the first 10")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	c, err := loadCorpus(*corpusName)
	if err != nil {
		return err
	}
	files, errs, err := readMentionFiles(fs.Args())
	if err != nil {
		return err
	}
	mentions := 0
	for _, f := range files {
		errs = append(errs, f.Validate(c)...)
		mentions += len(f.Mentions)
	}
	errs.Sort()
	printProblems(stderr, errs, *all)
	if errs.Failed() {
		return errFailed
	}
	fmt.Fprintf(stdout, "ok: %d mentions in %d files match corpus %s (%d documents)\n", mentions, len(files), c.Name, len(c.Docs))
	return nil
}

// printProblems prints errs a line each, only the first gold.MaxShown
// unless all is set, and a closing count.
func printProblems(w io.Writer, errs gold.Errors, all bool) {
	if len(errs) == 0 {
		return
	}
	for i, e := range errs {
		if i == gold.MaxShown && !all {
			fmt.Fprintf(w, "%d more (use -all)\n", len(errs)-i)
			break
		}
		fmt.Fprintln(w, e)
	}
	warnings := 0
	for _, e := range errs {
		if e.Warning {
			warnings++
		}
	}
	fmt.Fprintf(w, "%s, %s\n", plural(len(errs)-warnings, "error"), plural(warnings, "warning"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
