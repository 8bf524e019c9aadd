package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/extract"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/report"
)

const benchUsage = `
Usage: exbench bench [-corpus C] [-gold G] [-extractor NAME ...] [-j N] [-o DIR]

Bench is the main job: it runs extractors over a corpus, scores each
against the gold, prints one table (per system, micro precision, recall
and F1 under every scheme, and documents per second) and writes under DIR,
all files as one set (scores.csv with bootstrap confidence intervals
unless -ci=false):

	predictions/NAME.csv, predictions/NAME.json   each system's mentions and manifest
	scores.csv, documents.csv, confusion.csv, numbers.csv, errors.csv   the reports of 'exbench score'
	report.html   the HTML report: charts, slices, every error in its document (-html FILE: elsewhere; -html '': none)

With no flags it runs the built-in extractors prose, numbers and dates, and
their combination prose+numbers+dates, on the bundled corpus and gold.
The files are written when all is done, and replace the earlier ones all
at once: an interrupted bench leaves the last set whole. Documents the
gold does not cover are not run.

Example:

	exbench bench -extractor numbers -extractor external -cmd ./my_ner -name mine -o out
`

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench", benchUsage)
	corpusName := corpusFlag(fs, "")
	goldArg := goldFlag(fs)
	var specs multiFlag
	fs.Var(&specs, "extractor", "an extractor to run: prose, numbers, dates, external, or names joined by +; repeat for more (default: all built-in and their combination)")
	out := fs.String("o", "exbench-out", "write predictions and reports under `dir`")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "how many documents to extract at once")
	var x externalFlags
	x.register(fs)
	var st statFlags
	st.register(fs, true)
	var lf scoringFlags
	lf.register(fs)
	var sl sliceFlags
	sl.register(fs)
	var hf htmlFlags
	hf.register(fs)
	setup, err := parseScoring(fs, args, stdout, "bench", &st, &lf)
	if err != nil {
		return err
	}
	if *workers < 1 {
		return usagef("bench: -j must be at least 1")
	}
	if fs.NArg() > 0 {
		return usagef("bench: unexpected argument %q", fs.Arg(0))
	}
	x.copies = copies(fs, *workers)
	if setup.MapTo != eval.MapGold {
		x.labels = setup.Map // the program may speak the label set -map maps from
	}
	if err := report.CheckDir(*out); err != nil {
		return err
	}
	if len(specs) == 0 {
		specs = append(multiFlag{}, builtinNames...)
		specs = append(specs, strings.Join(builtinNames, "+"))
	}
	var es []extract.Extractor
	defer func() {
		for _, e := range es {
			extract.Close(e)
		}
	}()
	specOf := map[string]string{} // by extractor name
	for _, spec := range specs {
		for _, one := range strings.Split(spec, ",") {
			e, err := newExtractor(one, x)
			if err != nil {
				return err
			}
			if _, seen := specOf[e.Name()]; seen {
				return usagef("bench: extractor %s given twice", e.Name())
			}
			specOf[e.Name()] = one
			es = append(es, e)
		}
	}
	scopePath, err := lf.scope(&setup, *goldArg, stderr)
	if err != nil {
		return err
	}
	st.apply(&setup)
	if setup.Intervals != nil {
		setup.Intervals.Progress = resampleProgress(stderr, "intervals")
	}

	// The documents the gold covers are the ones to run.
	c, err := loadCorpus(corpusName)
	if err != nil {
		return failed(err, stderr)
	}
	goldIn, err := mentionInput(*goldArg, corpusName, stderr)
	if err != nil {
		return err
	}
	in := eval.Input{Corpus: c.Name, Docs: c.All(), GoldName: *goldArg, Gold: goldIn}
	covered, tally, err := in.Covered(ctx, setup)
	if err != nil {
		return scoreError(err, stderr)
	}
	notes(stderr, &eval.Result{Warnings: tally.Warnings, MoreWarnings: tally.MoreWarnings, GoldOutOfScope: tally.GoldOutOfScope}, *goldArg, scopePath)
	sub, err := corpus.New(c.Name, covered)
	if err != nil {
		return err
	}

	bench := report.Bench{Docs: len(sub.Docs)}
	var files []report.File // the predictions and the reports, written as one set
	for _, e := range es {
		r, err := extract.Run(ctx, e, sub, extract.Options{Workers: *workers, Progress: progress(stderr, e.Name(), len(sub.Docs))})
		if err != nil {
			return err
		}
		if err := extract.Close(e); err != nil {
			return err
		}
		ms := r.All()
		base := filepath.Join("predictions", report.FileName(r.Name))
		warnDuplicates(stderr, r.Name, r.Stats)
		m := newManifest(r.Name, r.Version, filepath.Base(c.Name), r.Stats)
		m.Command = x.command(specOf[r.Name])
		files = append(files,
			report.File{Name: base + ".csv", Write: func(w io.Writer) error { return gold.Write(w, ms) }},
			report.File{Name: base + ".json", Write: m.WriteJSON})
		in.Systems = append(in.Systems, eval.System{Name: r.Name, Mentions: eval.Mentions(ms)})
		bench.DocsPerSec = append(bench.DocsPerSec, float64(len(sub.Docs))/r.Wall.Seconds())
	}
	in.Docs = sub.All()
	rows, err := reportRows(*out, &setup, in.Systems)
	if err != nil {
		return err
	}
	defer rows.Close()
	slicer, err := sl.collect(&setup, in.Systems)
	if err != nil {
		return err
	}
	// The HTML report is one of the set, unless -html names another file
	// (or, empty, none).
	htmlInSet := true
	fs.Visit(func(f *flag.Flag) { htmlInSet = htmlInSet && f.Name != "html" })
	if htmlInSet {
		hf.path = filepath.Join(*out, "report.html")
	}
	if err := hf.check("bench"); err != nil {
		return err
	}
	htmlErrs := hf.collect(&setup, in.Systems)
	res, err := eval.Score(ctx, in, setup)
	if err != nil {
		return scoreError(err, stderr)
	}
	placed(stderr, res)
	if err := report.BenchTable(stdout, res, bench); err != nil {
		return err
	}
	sliceRows, sliceFiles, err := sl.report(stdout, stderr, slicer, &setup, st.options())
	if err != nil {
		return err
	}
	files = append(append(files, report.Files(res, rows)...), sliceFiles...)
	wrote := "predictions/ and scores.csv, documents.csv, confusion.csv, numbers.csv, errors.csv"
	if htmlInSet {
		h := report.HTMLReport{Result: res, Slices: sliceRows, Errors: htmlErrs}
		files = append(files, report.File{Name: "report.html", Write: h.Write})
		hf.path = "" // written in the set; -plots still apart
		wrote += ", report.html (open it in a browser: charts, slices, every error in its document)"
	}
	if err := report.WriteSet(ctx, *out, files); err != nil {
		return err
	}
	if err := hf.write(stdout, res, sliceRows, htmlErrs); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nwrote %s: %s\n", *out, wrote)
	return nil
}

const runUsage = `
Usage: exbench run -extractor NAME [-corpus C] [-j N] -o FILE.csv

Run runs an extractor over a corpus and writes its mentions as a mention
CSV (FILE.csv), and a manifest (FILE.json) with the extractor's name and
version, the exbench version, the corpus's fingerprint, and the timings.

The extractors are prose (named entities: PERSON, NORP... as prose's model
tags them), numbers (CARDINAL, ORDINAL, QUANTITY, PERCENT, MONEY with value,
modifier and unit), dates (DATE and TIME), and external (any program: see
the README); names joined by + run together as one system, where
overlapping mentions go to the longer span.

Examples:

	exbench run -extractor numbers -o out/numbers.csv
	exbench run -extractor external -cmd 'python3 my_ner.py' -name spacy-sm -version 3.7 -o out/spacy.csv
`

func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", runUsage)
	spec := fs.String("extractor", "", "the extractor: prose, numbers, dates, external, or names joined by +")
	corpusName := corpusFlag(fs, "")
	out := fs.String("o", "", "write the mentions to `file`.csv and the manifest beside it")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "how many documents to extract at once")
	var shard shardFlag
	fs.Var(&shard, "shard", "run over shard `I/N` of the corpus only (I from 1 to N): the documents whose ID hashes to it, as score -shard I/N scores")
	var x externalFlags
	x.register(fs)
	mapSpec := fs.String("map", "", "with -extractor external, the label `map` its mentions will be scored through (conll2003, prose, FROM=TO pairs or a CSV file): the program may return the labels it maps from, and they are written as returned")
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	labels, err := parseMap("run", *mapSpec)
	if err != nil {
		return err
	}
	x.copies, x.labels = copies(fs, *workers), labels
	switch {
	case *spec == "":
		return usagef("run: -extractor is required")
	case *out == "" || !strings.HasSuffix(*out, ".csv"):
		return usagef("run: -o FILE.csv is required")
	case *workers < 1:
		return usagef("run: -j must be at least 1")
	case fs.NArg() > 0:
		return usagef("run: unexpected argument %q", fs.Arg(0))
	}
	if err := report.CheckDir(filepath.Dir(*out)); err != nil {
		return err
	}
	e, err := newExtractor(*spec, x)
	if err != nil {
		return err
	}
	defer extract.Close(e)
	name, docs := corpusInput(corpusName)
	if corpusName.name != builtin {
		name = filepath.Base(name)
	}
	if shard.n > 0 {
		docs = corpus.ShardOf(docs, shard.i-1, shard.n)
	}
	// The mentions are written as they come, document by document, so
	// memory holds a few documents, not the corpus; the manifest after
	// them. The two are written as one set.
	var m extract.Manifest
	err = report.WriteSet(ctx, filepath.Dir(*out), []report.File{
		{Name: filepath.Base(*out), Write: func(w io.Writer) error {
			cw := gold.NewWriter(w)
			p := progress(stderr, e.Name(), 0)
			st, err := extract.Stream(ctx, e, docs, func(_ corpus.Doc, ms []corpus.Mention, _ time.Duration) error { return cw.Write(ms) }, extract.Options{Workers: *workers, Progress: p})
			if p != nil {
				p(-1)
			}
			if err != nil {
				return err
			}
			if err := extract.Close(e); err != nil {
				return err
			}
			warnDuplicates(stderr, e.Name(), st)
			m = newManifest(e.Name(), e.Version(), name, st)
			m.Command = x.command(*spec)
			return cw.Close()
		}},
		{Name: filepath.Base(manifestPath(*out)), Write: func(w io.Writer) error { return m.WriteJSON(w) }},
	})
	if err != nil {
		return failed(err, stderr)
	}
	fmt.Fprintf(stdout, "%s %s: %d mentions in %d documents, %.1f docs/s, %.3f MB/s; wrote %s and %s\n",
		m.Extractor, m.Version, m.Mentions, m.Documents, m.DocsPerSecond, m.MBPerSecond, *out, manifestPath(*out))
	return nil
}

// newManifest returns the manifest of a run, with exbench's version.
// warnDuplicates says on stderr how many duplicate mentions extractor
// name returned, which were dropped.
func warnDuplicates(stderr io.Writer, name string, st extract.Stats) {
	if st.Duplicates > 0 {
		fmt.Fprintf(stderr, "exbench: warning: %s: dropped %s (the span and label of another mention of the document)\n", name, report.Plural(st.Duplicates, "duplicate mention"))
	}
}

func newManifest(name, version, corpusName string, st extract.Stats) extract.Manifest {
	m := extract.NewManifest(name, version, corpusName, st)
	m.ExbenchVersion = exbenchVersion()
	return m
}

func manifestPath(csvPath string) string { return strings.TrimSuffix(csvPath, ".csv") + ".json" }
