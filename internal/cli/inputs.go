package cli

import (
	"fmt"
	"io"
	"iter"
	"os"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/gold/brat"
	"github.com/exbench/exbench/gold/conll"
	"github.com/exbench/exbench/gold/jsonl"
	"github.com/exbench/exbench/report"
)

// builtin is the value of -corpus and -gold that names the bundled
// corpus and gold.
const builtin = "builtin"

// corpusInput returns the name and the documents of the corpus a -corpus
// flag names, read one at a time.
func corpusInput(c *corpusArg) (string, iter.Seq2[corpus.Doc, error]) {
	if c.name == builtin {
		return corpus.BuiltinName, corpus.Builtin().All()
	}
	return c.name, c.options().Scan(c.name)
}

// loadCorpus loads the corpus a -corpus flag names whole.
func loadCorpus(c *corpusArg) (*corpus.Corpus, error) {
	if c.name == builtin {
		return corpus.Builtin(), nil
	}
	return c.options().Load(c.name)
}

// mentionInput returns the mentions path names for -gold, -pred or
// another verb's input: builtin, a mention CSV file or a directory of
// them, read one row at a time with labels left to eval to map and
// check; or a file in another format, read whole, whose documents must
// be those of the corpus corpusName names, with the same texts.
func mentionInput(path string, corpusName *corpusArg, stderr io.Writer) (iter.Seq2[corpus.Mention, error], error) {
	if path == builtin {
		return eval.Mentions(gold.Builtin()), nil
	}
	f, err := inputFormat(path)
	if err != nil {
		return nil, err
	}
	if f == "csv" {
		return gold.Scan(path, gold.Options{AnyLabel: true}), nil
	}
	a, err := readAnnotated(path, f, conll.Conlleval, gold.Options{AnyLabel: true}, stderr)
	if err != nil {
		return nil, failed(err, stderr)
	}
	if note := skipped(a, f, conll.Conlleval); note != "" {
		fmt.Fprintf(stderr, "exbench: %s: %s\n", path, note)
	}
	c, err := loadCorpus(corpusName)
	if err != nil {
		return nil, err
	}
	if err := a.Match(c); err != nil {
		return nil, fmt.Errorf("%w; convert it to CSV with exbench convert and use the corpus it writes", err)
	}
	return eval.Mentions(a.Mentions), nil
}

// inputFormat is the format of the mention files at path: what
// gold.Format says, and CSV for a file of another name. A directory that
// could be read two ways is an error.
func inputFormat(path string) (string, error) {
	f, err := gold.Format(path)
	if err != nil {
		if fi, serr := os.Stat(path); serr == nil && fi.IsDir() {
			return "", err
		}
		return "csv", nil
	}
	return f, nil
}

// readAnnotated reads documents and their mentions in JSONL, brat or
// CoNLL. It prints the warnings, and returns the problems when one is an
// error; see skipped for what it left out.
func readAnnotated(path, format string, scheme conll.TagScheme, opts gold.Options, stderr io.Writer) (*gold.Annotated, error) {
	var a *gold.Annotated
	var err error
	switch format {
	case "jsonl", "conll":
		var f *os.File
		if f, err = corpus.OpenFile(path); err != nil {
			return nil, err
		}
		defer f.Close()
		if format == "jsonl" {
			a, err = jsonl.Read(f, path, opts)
		} else {
			a, err = conll.ReadTags(f, path, scheme, opts)
		}
	case "brat":
		a, err = brat.Read(path, opts)
	}
	var ps corpus.Problems
	if ps.Add(err) {
		ps.Sort()
		if ps.Failed() {
			return nil, ps
		}
		printProblems(stderr, ps, false, false)
	} else if err != nil {
		return nil, err
	}
	return a, nil
}

// skipped says in the words of format what the reader of a left out,
// or "" when it left nothing out.
func skipped(a *gold.Annotated, format string, scheme conll.TagScheme) string {
	switch {
	case format == "jsonl" && (a.Skipped > 0 || a.SkippedSpans > 0):
		return fmt.Sprintf("skipped %s and %s answered reject or ignore (only accepted annotations are read)", report.Plural(a.Skipped, "record"), report.Plural(a.SkippedSpans, "span"))
	case format == "brat" && a.Skipped > 0:
		return fmt.Sprintf("skipped %s other than entities (T) and their number notes: relations, events, attributes, normalisations, other notes", report.Plural(a.Skipped, "annotation"))
	case format == "conll" && a.Skipped > 0:
		return fmt.Sprintf("dropped %s that tag scheme %s reads as ill-formed (%s); -scheme conlleval reads them as score does", report.Plural(a.Skipped, "chunk"), scheme, illFormed[scheme])
	}
	return ""
}

// illFormed says what a strict tag scheme drops.
var illFormed = map[conll.TagScheme]string{
	conll.IOB2:  "an I- tag that continues no chunk of its type, as IOB1 files have at the start of most chunks",
	conll.IOBES: "a chunk not B- I-* E- or S-",
}

// scoringInput returns the input of a verb that scores systems against
// the gold.
func scoringInput(corpusName *corpusArg, goldArg string, systems []named, stderr io.Writer) (eval.Input, error) {
	in := eval.Input{GoldName: goldArg}
	in.Corpus, in.Docs = corpusInput(corpusName)
	var err error
	if in.Gold, err = mentionInput(goldArg, corpusName, stderr); err != nil {
		return in, err
	}
	for _, s := range systems {
		ms, err := mentionInput(s.path, corpusName, stderr)
		if err != nil {
			return in, err
		}
		in.Systems = append(in.Systems, eval.System{Name: s.name, Mentions: ms})
	}
	return in, nil
}

// named is a system to score: its name and its predictions' path.
type named struct{ name, path string }

// scoreError prints the problems in err and says what to do about
// predictions the gold does not cover.
func scoreError(err error, stderr io.Writer) error {
	if ue, ok := err.(*eval.UncoveredError); ok {
		return fmt.Errorf("score: %v; use -skip-uncovered to ignore them", ue)
	}
	return failed(err, stderr)
}

// notes prints what the scoring left out: warnings about the inputs, gold
// mentions outside the scope, skipped predictions.
func notes(stderr io.Writer, res *eval.Result, goldArg, scopePath string) {
	printProblems(stderr, warnings(res.Warnings, res.MoreWarnings), false, false)
	if res.GoldOutOfScope > 0 {
		fmt.Fprintf(stderr, "exbench: gold %s has %s outside the scope %s; they are not scored\n", goldArg, report.Plural(res.GoldOutOfScope, "mention"), scopePath)
	}
	for _, s := range res.Systems {
		if s.Skipped > 0 {
			fmt.Fprintf(stderr, "exbench: score: system %s: ignored %s for %s the gold does not cover (%s)\n", s.Name, report.Plural(s.Skipped, "prediction"), report.Plural(len(s.Uncovered), "document"), eval.ListIDs(s.Uncovered))
		}
	}
	placed(stderr, res)
}

// placed says, for each system with predictions given without offsets,
// how many there were and which were not found in their document.
func placed(stderr io.Writer, res *eval.Result) {
	for _, s := range res.Systems {
		if s.Unplaced == 0 {
			continue
		}
		fmt.Fprintf(stderr, "exbench: system %s: %s given without offsets, placed in the text by their text", s.Name, report.Plural(s.Unplaced, "prediction"))
		if s.NotFound > 0 {
			fmt.Fprintf(stderr, "; %d not found there, scored as spurious: %s", s.NotFound, strings.Join(s.NotFoundSome, ", "))
			if s.NotFound > len(s.NotFoundSome) {
				fmt.Fprintf(stderr, " and %d more", s.NotFound-len(s.NotFoundSome))
			}
		}
		fmt.Fprintln(stderr)
	}
}
