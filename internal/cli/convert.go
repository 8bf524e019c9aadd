package cli

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
Usage: exbench convert [-from F] [-to F] [-corpus C] [-scheme S] [-map M] [-strict] IN OUT

Convert rewrites mentions from one format into another. The formats are

	csv     the mention CSV (IN may be a directory of them)
	jsonl   Prodigy JSONL, {"text", "spans": [{"start", "end", "label"}]} a line, or spaCy's Doc.to_json, with "ents"
	brat    brat standoff: a directory of NAME.txt and NAME.ann files
	conll   token-per-line, TOKEN ... TAG, -DOCSTART- between documents

-from and -to default to what the names say (.csv, .jsonl, .conll, a
directory of .ann files). CSV carries no text, so reading CSV takes the
texts from -corpus (bundled by default). Writing CSV from a format that
carries text also writes OUT's texts as a corpus, OUT with .corpus.jsonl
for .csv, to use with -corpus.

CoNLL tags are read as conlleval reads them, as score does (IOB1 and IOB2
alike), unless -scheme says iob2 or iobes, which drop ill-formed chunks;
they are written as IOB2, or IOBES with -scheme iobes. Labels must be
OntoNotes ones; -map maps others (-map conll2003 for PER, LOC, ORG, MISC).

Whatever the conversion leaves out is counted on stderr, with why: chunks
dropped by a strict tag scheme, brat annotations other than entities,
overlapping mentions (CoNLL cannot hold them), numbers' value, modifier
and unit (nor these), alternative spans and scores (only CSV holds them).
With -strict, any of these is an error and nothing is written. Prodigy
records and spans answered reject or ignore are not annotations: they are
skipped and counted, never an error.

Examples:

	exbench convert gold/dmeir-2016 gold.jsonl
	exbench convert -scheme iobes annotations.jsonl annotations.conll
	exbench convert -map conll2003 -strict eng.testb.conll testb.csv
`

func runConvert(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("convert", convertUsage)
	from := fs.String("from", "", "the input `format`: csv, jsonl, brat or conll (default: by name)")
	to := fs.String("to", "", "the output `format`: csv, jsonl, brat or conll (default: by name)")
	corpusName := corpusFlag(fs, "for CSV input, the corpus with the texts: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	schemeName := fs.String("scheme", "", "CoNLL `tags`: reading, conlleval (default; also iob1), iob2 or iobes; writing, iob2 (default) or iobes")
	mapSpec := fs.String("map", "", "map labels: a built-in `map` (conll2003, prose), FROM=TO pairs (PER=PERSON,MISC=-), or a CSV file from,to; - drops a label")
	strict := fs.Bool("strict", false, "fail, writing nothing, if the conversion would leave out anything")
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
	readScheme, writeScheme := conll.Conlleval, conll.IOB2
	if *schemeName != "" {
		scheme, ok := conll.ParseTagScheme(*schemeName)
		if !ok {
			return usagef("convert: -scheme %q: want conlleval, iob1, iob2 or iobes", *schemeName)
		}
		if *to == "conll" && scheme != conll.Conlleval {
			writeScheme = scheme
		}
		if *from == "conll" {
			readScheme = scheme
		} else if scheme == conll.Conlleval {
			return usagef("convert: -scheme %s: CoNLL is written as iob2 or iobes", *schemeName)
		}
	}
	labels, err := parseMap("convert", *mapSpec)
	if err != nil {
		return err
	}
	opts := gold.Options{AnyLabel: labels != nil}

	// Read, and count what reading left out.
	var docs []corpus.Doc
	var ms []corpus.Mention
	var losses []string // what -strict refuses
	dropped := 0        // by -map
	if *from == "csv" {
		docs, ms, dropped, err = readCSVChecked(ctx, in, corpusName, labels)
	} else {
		var a *gold.Annotated
		if a, err = readAnnotated(in, *from, readScheme, opts, stderr); err == nil {
			docs, ms = a.Docs, a.Mentions
			if note := skipped(a, *from, readScheme); note != "" {
				if *from == "jsonl" {
					fmt.Fprintf(stderr, "exbench: convert: %s: %s\n", in, note)
				} else {
					losses = append(losses, in+": "+note)
				}
			}
			ms, dropped, err = mapLabels(ms, labels)
		}
	}
	if err != nil {
		if errors.Is(err, corpus.ErrLabel) && labels == nil {
			defer fmt.Fprintln(stderr, "exbench: convert: map other labels to OntoNotes ones with -map (-map conll2003 for PER, LOC, ORG, MISC)")
		}
		return failed(err, stderr)
	}
	if dropped > 0 {
		fmt.Fprintf(stderr, "exbench: convert: -map %s dropped %s of labels it maps to -\n", labels.Name, report.Plural(dropped, "mention"))
	}

	// Count what writing will leave out.
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
		if alts > 0 {
			losses = append(losses, fmt.Sprintf("%s lose their alternative spans (only CSV holds them)", report.Plural(alts, "mention")))
		}
		if scores > 0 {
			losses = append(losses, fmt.Sprintf("%s lose their score (only CSV holds them)", report.Plural(scores, "mention")))
		}
	}
	if *to == "brat" || *to == "conll" {
		placed := ms[:0:0]
		for _, m := range ms {
			if m.Span.Placed() {
				placed = append(placed, m)
			}
		}
		if n := len(ms) - len(placed); n > 0 {
			losses = append(losses, fmt.Sprintf("%s given without offsets are left out (%s needs offsets)", report.Plural(n, "mention"), *to))
			ms = placed
		}
	}
	if *to == "conll" {
		numbers := 0
		for _, m := range ms {
			if m.Label.Numeric() && (!m.Value.IsZero() || m.Modifier != "" || m.Unit != "") {
				numbers++
			}
		}
		if numbers > 0 {
			losses = append(losses, fmt.Sprintf("%s lose their value, modifier or unit (CoNLL holds tags only)", report.Plural(numbers, "number")))
		}
	}
	lost := func(what []string) error {
		if *strict {
			return fmt.Errorf("convert: -strict: nothing written, as the conversion would lose data: %s", strings.Join(what, "; "))
		}
		for _, l := range what {
			fmt.Fprintf(stderr, "exbench: convert: warning: %s\n", l)
		}
		return nil
	}
	if *to != "conll" { // CoNLL's overlaps are known as it is written
		if err := lost(losses); err != nil {
			return err
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
		files, err := brat.Encode(docs, ms)
		if err != nil {
			return err
		}
		var set []report.File
		index := false
		for _, f := range files {
			index = index || f.Name == brat.Index
			set = append(set, report.File{Name: f.Name, Write: func(w io.Writer) error { _, err := w.Write(f.Data); return err }})
		}
		if !index {
			set = append(set, report.File{Name: brat.Index}) // no Write: an earlier index goes
		}
		if err := report.WriteSet(ctx, out, set); err != nil {
			return err
		}
	case "conll":
		var written int
		err := report.WriteFile(out, func(w io.Writer) error {
			n, dropped, err := conll.Write(w, docs, ms, writeScheme)
			if err != nil {
				return err
			}
			written = n
			if dropped > 0 {
				losses = append(losses, fmt.Sprintf("dropped %s that overlap another (CoNLL tags one chunk a token)", report.Plural(dropped, "mention")))
			}
			return lost(losses)
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s: %d mentions as %s tags\n", out, written, writeScheme)
		return nil
	}
	fmt.Fprintf(stdout, "wrote %s: %d mentions in %d documents\n", out, len(ms), len(docs))
	return nil
}

// mapLabels maps the labels of ms with m (nil: none) and checks that
// every label left is an OntoNotes one. It returns the mentions kept and
// how many the map dropped.
func mapLabels(ms []corpus.Mention, m *corpus.LabelMap) ([]corpus.Mention, int, error) {
	if m == nil {
		return ms, 0, nil
	}
	n := len(ms)
	ms = m.Apply(ms)
	var ps corpus.Problems
	for i := range ms {
		if _, ok := corpus.ParseLabel(string(ms[i].Label)); !ok {
			ps = append(ps, ms[i].Source.Problem(corpus.FieldLabel, corpus.Problemf(corpus.ErrLabel, "label %s is not an OntoNotes label, and -map %s does not map it", corpus.Quote(string(ms[i].Label)), m.Name)))
		}
	}
	if len(ps) > 0 {
		return nil, 0, ps
	}
	return ms, n - len(ms), nil
}

// readCSVChecked reads mention CSV files whole, maps their labels with m
// (nil: none), and checks the mentions against the corpus that holds
// their texts. It returns the corpus's documents, the mentions, and how
// many the map dropped.
func readCSVChecked(ctx context.Context, path string, corpusName *corpusArg, m *corpus.LabelMap) ([]corpus.Doc, []corpus.Mention, int, error) {
	c, err := loadCorpus(corpusName)
	if err != nil {
		return nil, nil, 0, err
	}
	var ms []corpus.Mention
	var ps corpus.Problems
	for m, err := range gold.Scan(path, gold.Options{AnyLabel: true}) {
		if err != nil && !ps.Add(err) {
			return nil, nil, 0, err
		}
		if err == nil {
			ms = append(ms, m)
		}
	}
	n := len(ms)
	ms = m.Apply(ms)
	in := eval.Input{Corpus: c.Name, Docs: c.All(), Systems: []eval.System{{Name: path, Mentions: eval.Mentions(ms)}}}
	if _, err := in.Check(ctx, eval.Setup{}); err != nil && !ps.Add(err) {
		return nil, nil, 0, err
	}
	if len(ps) > 0 {
		ps.Sort()
		return nil, nil, 0, ps
	}
	// A text read as escaped may be the document's with its apostrophe
	// (see corpus.Source.Unescaped): take the document's.
	for i := range ms {
		if m := &ms[i]; m.Source.Unescaped {
			d, _ := c.Doc(m.DocID)
			m.Text, _ = corpus.NewIndex(d.Text).Slice(m.Span)
		}
	}
	return c.Docs, ms, n - len(ms), nil
}

const validateUsage = `
Usage: exbench validate [-corpus DIR|FILE.jsonl|builtin] [-pred] [-all] [FILE.csv|DIR ...]

Validate checks mention files against a corpus and prints every problem
as file:line:col: field: problem. A directory stands for the .csv files in
it: one gold, checked as a whole. JSONL, brat (a directory of .ann files)
and CoNLL files are read as their names say, as score reads them. With no files it checks the bundled gold
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
	corpusName := corpusFlag(fs, "")
	all := fs.Bool("all", false, "print every problem, not only the first 10")
	pred := fs.Bool("pred", false, "check the files as predictions: spans may overlap")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	in := eval.Input{}
	in.Corpus, in.Docs = corpusInput(corpusName)
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
		f, err := inputFormat(arg)
		if err != nil {
			return err
		}
		if f != "csv" { // JSONL, brat, CoNLL
			ms, err := mentionInput(arg, corpusName, stderr)
			if err != nil {
				return err
			}
			files++
			in.Systems = append(in.Systems, eval.System{Name: arg, Mentions: count(ms), Flat: !*pred})
			continue
		}
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

Count reads mention files (CSV, or JSONL, brat or CoNLL, as their names
say) and prints how many mentions each document has of each label, with
totals. Only labels that occur get a column. With no
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
			f, err := inputFormat(arg)
			if err != nil {
				return err
			}
			if f != "csv" {
				a, err := readAnnotated(arg, f, conll.Conlleval, gold.Options{}, stderr)
				if err != nil {
					return failed(err, stderr)
				}
				inputs = append(inputs, eval.Mentions(a.Mentions))
				continue
			}
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
