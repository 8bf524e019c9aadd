package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
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

func runConvert(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("convert", convertUsage)
	from := fs.String("from", "", "the input `format`: csv, jsonl, brat or conll (default: by name)")
	to := fs.String("to", "", "the output `format`: csv, jsonl, brat or conll (default: by name)")
	corpusName := fs.String("corpus", builtin, "for CSV input, the corpus with the texts: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	schemeName := fs.String("scheme", "iob2", "CoNLL tags: iob2 or iobes when writing; conlleval (iob1), iob2 or iobes when reading")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return &usageError{"convert: want IN and OUT"}
	}
	in, out := fs.Arg(0), fs.Arg(1)
	var err error
	if *from == "" {
		if *from, err = formatOf(in); err != nil {
			return &usageError{fmt.Sprintf("convert: %v; say -from", err)}
		}
	}
	if *to == "" {
		if *to, err = formatOf(out); err != nil {
			return &usageError{fmt.Sprintf("convert: %v; say -to", err)}
		}
	}
	for _, f := range []string{*from, *to} {
		switch f {
		case "csv", "jsonl", "brat", "conll":
		default:
			return &usageError{fmt.Sprintf("convert: unknown format %q (csv, jsonl, brat, conll)", f)}
		}
	}
	scheme, ok := gold.ParseTagScheme(*schemeName)
	if !ok {
		return &usageError{fmt.Sprintf("convert: -scheme %q: want conlleval, iob1, iob2 or iobes", *schemeName)}
	}

	docs, ms, err := readAnnotated(in, *from, *corpusName, scheme, nil, stderr)
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
		if err := writeFile(out, func(w io.Writer) error { return gold.Write(w, ms) }); err != nil {
			return err
		}
		if *from != "csv" {
			corpusOut := strings.TrimSuffix(out, ".csv") + ".corpus.jsonl"
			if err := writeFile(corpusOut, func(w io.Writer) error { return writeCorpusJSONL(w, docs) }); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s: %d mentions, and its texts to %s (use it with -corpus)\n", out, len(ms), corpusOut)
			if *from == "conll" {
				fmt.Fprintln(stdout, "note: the texts are rebuilt from the tokens, with single spaces between tokens and a line break between sentences")
			}
			return nil
		}
	case "jsonl":
		if err := writeFile(out, func(w io.Writer) error { return gold.WriteJSONL(w, docs, ms) }); err != nil {
			return err
		}
	case "brat":
		if err := gold.WriteBrat(out, docs, ms); err != nil {
			return err
		}
	case "conll":
		if scheme == gold.Conlleval {
			scheme = gold.IOB2
		}
		var written, dropped int
		err := writeFile(out, func(w io.Writer) error {
			var err error
			written, dropped, err = gold.WriteCoNLL(w, docs, ms, scheme)
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

// formatOf guesses a path's format from its name, or its content for a
// directory.
func formatOf(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv", nil
	case ".jsonl":
		return "jsonl", nil
	case ".conll", ".conllu", ".bio", ".iob":
		return "conll", nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		if anns, _ := filepath.Glob(filepath.Join(path, "*.ann")); len(anns) > 0 {
			return "brat", nil
		}
		if csvs, _ := filepath.Glob(filepath.Join(path, "*.csv")); len(csvs) > 0 {
			return "csv", nil
		}
		return "brat", nil // an empty directory to write brat into
	}
	return "", fmt.Errorf("cannot tell the format of %s from its name", path)
}

// readAnnotated reads mentions and the texts they annotate in any format;
// for CSV the texts come from the corpus and the mentions are checked
// against it.
func readAnnotated(path, format, corpusName string, scheme gold.TagScheme, opts []gold.Option, stderr io.Writer) ([]corpus.Doc, []corpus.Mention, error) {
	var a *gold.Annotated
	var err error
	switch format {
	case "csv":
		c, err := loadCorpus(corpusName)
		if err != nil {
			return nil, nil, err
		}
		ms, err := readChecked([]string{path}, c, false, nil, stderr)
		if err != nil {
			return nil, nil, err
		}
		return c.Docs, ms, nil
	case "jsonl":
		var f *os.File
		if f, err = os.Open(path); err != nil {
			return nil, nil, err
		}
		defer f.Close()
		a, err = gold.ReadJSONL(f, path, opts...)
	case "brat":
		a, err = gold.ReadBrat(path, opts...)
	case "conll":
		var f *os.File
		if f, err = os.Open(path); err != nil {
			return nil, nil, err
		}
		defer f.Close()
		a, err = gold.ReadCoNLLTags(f, path, scheme, opts...)
	}
	if errs, ok := err.(gold.Errors); ok {
		errs.Sort()
		printProblems(stderr, errs, false)
		if errs.Failed() {
			return nil, nil, errFailed
		}
	} else if err != nil {
		return nil, nil, err
	}
	if a.Skipped > 0 || a.SkippedSpans > 0 {
		fmt.Fprintf(stderr, "exbench: %s: skipped %d records and %d spans (answered reject or ignore, or ill-formed chunks)\n", path, a.Skipped, a.SkippedSpans)
	}
	return a.Docs, a.Mentions, nil
}

// writeCorpusJSONL writes documents as a corpus JSONL file.
func writeCorpusJSONL(w io.Writer, docs []corpus.Doc) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}{d.ID, d.Text}); err != nil {
			return err
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// writeFile writes a file atomically, making its directory.
func writeFile(path string, write func(io.Writer) error) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return writeAtomic(path, write)
}

// readOtherFormat reads mentions in JSONL, brat or CoNLL for -gold and
// -pred: their documents must be the corpus's, with the same texts, and
// gold must be flat, as a gold CSV must.
func readOtherFormat(path, format string, c *corpus.Corpus, asGold bool, opts []gold.Option, stderr io.Writer) ([]corpus.Mention, error) {
	docs, ms, err := readAnnotated(path, format, "", gold.Conlleval, opts, stderr)
	if err != nil {
		return nil, err
	}
	if asGold {
		errs := gold.Layout(path, ms)
		printProblems(stderr, errs, false)
		if errs.Failed() {
			return nil, errFailed
		}
	}
	for _, d := range docs {
		cd, ok := c.Doc(d.ID)
		switch {
		case !ok:
			return nil, fmt.Errorf("%s: document %q is not in corpus %s", path, d.ID, c.Name)
		case cd.Text != d.Text:
			return nil, fmt.Errorf("%s: the text of document %q differs from corpus %s; convert it to CSV with exbench convert and use the corpus it writes", path, d.ID, c.Name)
		}
	}
	return ms, nil
}
