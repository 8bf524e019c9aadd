// Command exbench-beam runs exbench's extractors and scoring as an Apache
// Beam pipeline, for corpora too large for one machine, and writes
// exactly the reports that 'exbench run' and 'exbench score' write on the
// whole corpus.
//
// It reads a corpus of JSONL files ({"id": ..., "text": ...} a line; one
// file or a glob of shards, on the local disk or, where the runner has
// them, gs:// or s3://), runs each -extractor on every document as
// 'exbench run -extractor' does, writes the predictions as mention CSVs
// sharded by document ID, joins each document with its gold mentions and
// predictions, scores it as 'exbench score' does, writes one partial
// result per shard, and then merges the partials with 'exbench merge'
// on this machine: the same table on stdout and, with -o, the same CSV
// reports, byte for byte, intervals (-ci) and slices (-slices) included.
// With -pred NAME=PATH instead of -extractor, it scores existing
// prediction files.
//
// By default the pipeline runs on Prism, Beam's runner in this process:
// nothing to install or start. --runner=flink, spark, dataflow or
// universal sends it to a cluster; see the README of the module.
//
// Usage:
//
//	exbench-beam -corpus 'DIR/part-*.jsonl' -gold GOLD -extractor numbers -o out [score flags] [beam flags]
//	exbench-beam -corpus corpus.jsonl -gold GOLD -pred mine='preds/*.csv' -o out
//
// It writes:
//
//	out/predictions/SYSTEM/SYSTEM-00000-of-00016.csv   each extractor's mentions, one file a shard
//	out/partials/shard-00000-of-00016.exb, notes.exb  the scored documents, for exbench merge
//	out/scores.csv, documents.csv, ...                the reports of exbench score -o
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/exbench/exbench/beam/pipeline"
	"github.com/exbench/exbench/internal/cli"
)

const usage = `Usage: exbench-beam -corpus FILES -extractor NAME [-extractor NAME2 ...] [-gold G] [-o DIR] [flags]
       exbench-beam -corpus FILES -pred NAME=PATH [-pred ...] [-gold G] [-o DIR] [flags]

exbench-beam runs exbench's extractors over a corpus and scores them
against the gold as an Apache Beam pipeline: each document is extracted
and scored on a worker, and the scored documents are merged at the end,
on this machine, into exactly what 'exbench score' prints and writes on
the whole corpus (the table; with -o, scores.csv, documents.csv,
confusion.csv, numbers.csv, errors.csv, and slices.csv with -slices).

The corpus is JSONL ({"id": ..., "text": ...} a line): one file or a glob
of files, read in name order as one corpus, on the local disk or on gs://
or s3:// where the runner has them. Each -extractor (prose, numbers,
dates, prose-raw, external with -cmd, or names joined by +, as 'exbench
run -extractor') is a system; its predictions are written, sharded by
document ID, to WORK/predictions/SYSTEM/SYSTEM-00000-of-000NN.csv (exbench
score -pred SYSTEM=WORK/predictions/SYSTEM reads them back). Each -pred
NAME=PATH (a mention CSV, a directory or a glob of them) is a system scored
as it is. The gold is -gold: a mention CSV, a directory or a glob of
them, or builtin.

The scoring flags are exbench score's (-map, -labels, -ignore, -scope,
-ci, -seed, -slices, -fail-if, ...), and so are the exit status (0 ok, 1
error, 2 command-line mistake, 3 a gate failed) and the problems listed
when an input is bad.

By default the pipeline runs on Prism, Beam's runner, in this process.
--runner=flink, spark, dataflow or universal (with --endpoint,
--environment_type, ...) sends it to a cluster; the workers need the
extractor's program for -extractor external. See the module's README.

Examples:

	exbench-beam -corpus corpus.jsonl -gold gold.csv -extractor numbers -o out
	exbench-beam -corpus 'shards/*.jsonl' -gold gold/ -extractor numbers+dates -ci -slices -shards 64 -o out
	exbench-beam -corpus corpus.jsonl -gold gold.csv -pred v1=out/v1.csv -pred v2='out/v2-*.csv' -o cmp

`

// multi is a flag that may be given more than once.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// beamFlags are the Beam SDK's flags the usage lists (it has many more).
var beamFlags = []string{"runner", "endpoint", "environment_type", "environment_config", "job_name", "parallelism",
	"project", "region", "temp_location", "staging_location", "worker_binary", "sdk_container_image", "worker_harness_container_image"}

func main() {
	// exbench's flags are parsed apart from the Beam SDK's, which live in
	// flag.CommandLine: both have a -labels (exbench's label subset; the
	// Dataflow job's labels), and exbench's wins: Beam's is -beam_labels.
	fs := flag.NewFlagSet("exbench-beam", flag.ContinueOnError)
	var extractors, preds multi
	corpusGlob := fs.String("corpus", "", "the corpus: a JSONL `file` or a glob of them (quoted), on any Beam file system")
	maxMB := fs.Float64("max-doc-mb", 64, "the largest document to read from the corpus, in `MB`: a larger one is an error")
	fs.Var(&extractors, "extractor", "an extractor to run: prose, numbers, dates, prose-raw, external, or names joined by +; repeat for more systems")
	fs.Var(&preds, "pred", "predictions to score as they are: `NAME=PATH`, PATH a mention CSV, a directory or a glob of them; repeat for more systems")
	out := fs.String("o", "", "write the reports of exbench score to `dir` (on this machine), and, unless -work, the predictions and partial results")
	work := fs.String("work", "", "write predictions/ and partials/ to `dir`, on any Beam file system (default: -o)")
	shards := fs.Int("shards", 16, "how many prediction files each extractor gets and how many partial results the merge reads (documents go by a hash of their ID)")
	html := fs.String("html", "", "also write the HTML report to `file`.html, as exbench score -html")
	plots := fs.String("plots", "", "also write each chart as SVG and PNG to `dir`, as exbench score -plots")
	verbose := fs.Bool("v", false, "show the Beam runner's log (jobs, stages) on stderr")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of this process to `file` (on Prism, the workers run in it too)")
	bf := cli.RegisterBeamFlags(fs)
	if bl := flag.CommandLine.Lookup("labels"); bl != nil {
		fs.Func("beam_labels", "Beam's --labels: "+bl.Usage, func(v string) error { return bl.Value.Set(v) })
	}

	fs.Usage = func() {
		w := os.Stdout
		fmt.Fprint(w, usage)
		fmt.Fprintln(w, "Flags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fmt.Fprintln(w, "\nBeam flags (some of them; see the Beam Go SDK):")
		var bb flag.FlagSet
		flag.CommandLine.VisitAll(func(f *flag.Flag) {
			if slices.Contains(beamFlags, f.Name) {
				bb.Var(f.Value, f.Name, f.Usage)
			}
		})
		bb.SetOutput(w)
		bb.PrintDefaults()
	}
	own, beams := split(os.Args[1:], fs)
	fs.SetOutput(io.Discard)
	if err := fs.Parse(own); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage()
			os.Exit(0)
		}
		os.Exit(cli.ExitCode(cli.Usagef("%v; run 'exbench-beam -h' for usage", err), os.Stderr))
	}
	if err := flag.CommandLine.Parse(beams); err != nil {
		os.Exit(2)
	}
	if !*verbose {
		beamlog.LogLevel = "warn"
	}
	// On a worker of a remote runner, Init runs the worker and does not
	// return: everything below is the driver's.
	beam.Init()

	if fs.NArg() > 0 {
		os.Exit(cli.ExitCode(cli.Usagef("unexpected argument %q", fs.Arg(0)), os.Stderr))
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			os.Exit(cli.ExitCode(err, os.Stderr))
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			os.Exit(cli.ExitCode(err, os.Stderr))
		}
		defer pprof.StopCPUProfile()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var merge []string
	if *html != "" {
		merge = append(merge, "-html", *html)
	}
	if *plots != "" {
		merge = append(merge, "-plots", *plots)
	}
	code := cli.ExitCode(pipeline.Run(ctx, pipeline.Options{
		Corpus:      *corpusGlob,
		MaxDocBytes: int64(*maxMB * 1e6),
		Extractors:  extractors,
		RunArgs:     bf.RunArgs(),
		Preds:       preds,
		ScoreArgs:   bf.ScoreArgs(),
		Out:         *out,
		Work:        *work,
		MergeArgs:   merge,
		Shards:      *shards,
		Stdout:      os.Stdout,
		Stderr:      os.Stderr,
	}), os.Stderr)
	pprof.StopCPUProfile()
	os.Exit(code)
}

// split splits args into exbench's flags (and the arguments), which fs
// defines, and the Beam SDK's, which flag.CommandLine defines; a flag
// both define is exbench's.
func split(args []string, fs *flag.FlagSet) (own, beams []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(own, args[i:]...), beams
		}
		if len(a) < 2 || a[0] != '-' {
			own = append(own, a)
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := fs.Lookup(name)
		to := &own
		if f == nil && name != "h" && name != "help" {
			if f = flag.CommandLine.Lookup(name); f != nil {
				to = &beams
			}
		}
		*to = append(*to, a)
		if f != nil && !hasValue && !isBool(f) && i+1 < len(args) {
			i++
			*to = append(*to, args[i])
		}
	}
	return own, beams
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
