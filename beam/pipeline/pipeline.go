package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/internal/cli"
	"github.com/exbench/exbench/partial"
)

func init() {
	register.DoFn4x1[context.Context, fileRef, func(string, item), func(problem), error](&readCorpusFn{})
	register.DoFn4x1[context.Context, fileRef, func(string, item), func(problem), error](&readMentionsFn{})
	register.DoFn3x1[context.Context, fileRef, func(string, item), error](&readScopeFn{})
	register.DoFn6x1[context.Context, string, func(*item) bool, func(int, scored), func(int, predDoc), func(problem), error](&joinFn{})
	register.DoFn3x1[context.Context, int, func(*scored) bool, error](&writePartialFn{})
	register.DoFn3x1[context.Context, int, func(*predDoc) bool, error](&writePredsFn{})
	register.DoFn2x1[context.Context, summary, error](&writeSummaryFn{})
	register.DoFn2x0[int, func(int, scored)](&seedScoredFn{})
	register.DoFn2x0[int, func(int, predDoc)](&seedPredFn{})
	register.Combiner3[summary, problem, summary](&summarize{})
	register.Emitter2[string, item]()
	register.Emitter1[problem]()
	register.Emitter2[int, scored]()
	register.Emitter2[int, predDoc]()
	register.Iter1[item]()
	register.Iter1[scored]()
	register.Iter1[predDoc]()
}

// Options configure a run of the pipeline.
type Options struct {
	// Corpus is a JSONL file, or a glob of them, on any file system Beam
	// has (local; gs://, s3:// where the runner has them). The files,
	// sorted by name, make one corpus, in that order.
	Corpus string
	// MaxDocBytes is the largest document to read (0: the default, 64 MB).
	MaxDocBytes int64
	// Extractors are the extractors to run, each a system: a built-in
	// name, external, or names joined by +, as exbench run -extractor.
	Extractors []string
	// RunArgs are run's flags for the extractors (-cmd, -shell, -name,
	// -version, -timeout, ... and -map), as -name=value.
	RunArgs []string
	// Preds are predictions to score as they are, each a system:
	// NAME=PATH or PATH (named after its file), PATH a mention CSV, a
	// directory of them, or a glob.
	Preds []string
	// ScoreArgs are score's flags that say how to score, -gold among
	// them, as -name=value.
	ScoreArgs []string
	// Out is the directory of the reports, on the driver's machine, as
	// exbench score -o; "" prints the table only.
	Out string
	// Work is where predictions/ and partials/ go, on any file system
	// Beam has; "" is Out.
	Work string
	// MergeArgs are more flags for exbench merge: -html FILE, -plots DIR.
	MergeArgs []string
	// Shards is how many prediction files each extractor gets and how
	// many partial results are merged: documents go to shards by
	// corpus.Shard of their ID.
	Shards int
	// Run runs the pipeline; nil runs it with beamx.Run, on the runner
	// the --runner flag names (prism by default).
	Run func(context.Context, *beam.Pipeline) error
	// Stdout gets what exbench score prints; Stderr the notes.
	Stdout, Stderr io.Writer
}

// system is a system to score.
type system struct {
	name  string
	args  []string // an extractor's run flags
	files []string // predictions read from files
}

// Run runs the pipeline: it reads the corpus, runs the extractors, writes
// their predictions, joins the documents with the gold and the
// predictions, scores each document, writes a partial result per shard,
// and merges the partials into the reports of exbench score. It returns
// what went wrong; cli.ErrFailed when it has printed the problems.
func Run(ctx context.Context, o Options) error {
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	if o.Work == "" {
		o.Work = o.Out
	}
	switch {
	case o.Corpus == "":
		return cli.Usagef("no corpus: give -corpus FILE.jsonl (or a glob of them)")
	case o.Work == "":
		return cli.Usagef("no directory to write into: give -o DIR (or -work DIR)")
	case o.Shards < 1 || o.Shards > 1_000_000:
		return cli.Usagef("-shards %d: want 1 to 1000000", o.Shards)
	case len(o.Extractors)+len(o.Preds) == 0:
		return cli.Usagef("no system to score: give -extractor NAME or -pred NAME=PATH")
	}
	if o.Out != "" && remote(o.Out) {
		return cli.Usagef("-o %s: the reports are written on this machine; give a local directory (-work takes any file system)", o.Out)
	}
	scoring, err := cli.NewScoring(o.ScoreArgs, o.Stderr)
	if err != nil {
		return err
	}
	corpusFiles, err := list(ctx, o.Corpus)
	if err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	for _, f := range corpusFiles {
		if !strings.HasSuffix(f, ".jsonl") {
			return cli.Usagef("corpus: %s: want JSONL files (.jsonl), one {\"id\", \"text\"} a line", f)
		}
	}
	systems, err := systemsOf(ctx, o)
	if err != nil {
		return err
	}
	names := make([]string, len(systems))
	for i, s := range systems {
		names[i] = s.name
	}

	// The gold: read whole here, for its fingerprint and its problems,
	// and again by the workers, file by file.
	goldArg := scoring.GoldArg()
	goldFiles, goldSeq, err := goldInput(ctx, goldArg)
	if err != nil {
		return err
	}
	check, err := scoring.CheckGold(goldSeq)
	if err != nil {
		return err
	}
	if check.Errors > 0 {
		cli.PrintProblems(o.Stderr, check.Problems, check.Errors, check.Warnings)
		return cli.ErrFailed
	}

	// Problems are listed in the order the inputs are read: the gold,
	// the scope, each system's files.
	ranks := map[string]int{}
	rank := func(f string) {
		if _, ok := ranks[f]; !ok {
			ranks[f] = len(ranks)
		}
	}
	if goldArg == cli.Builtin {
		for _, m := range gold.Builtin() {
			rank(m.Source.File)
		}
	} else {
		for _, f := range goldFiles {
			rank(f)
		}
	}
	if p := scoring.ScopePath(); p != "" {
		rank(p)
	}
	var refs []fileRef
	for i, f := range goldFiles {
		refs = append(refs, fileRef{Index: i, Path: f, Role: roleGold})
	}
	var extractors [][]string
	for i, s := range systems {
		if s.args != nil {
			extractors = append(extractors, s.args)
		}
		for k, f := range s.files {
			rank(f)
			refs = append(refs, fileRef{Index: k, Path: f, Role: i})
		}
	}

	partials := join(o.Work, "partials")
	predictions := join(o.Work, "predictions")
	header, err := scoring.Header(names, 0, 0)
	if err != nil {
		return err
	}

	// A local run replaces the files of an earlier one (with another
	// -shards, they would not all be overwritten).
	if !remote(o.Work) {
		stale := []string{join(partials, "shard-*-of-*.exb"), join(partials, notesName), join(partials, summaryName)}
		for _, name := range names[:len(extractors)] {
			stale = append(stale, join(join(predictions, name), name+"-*-of-*.csv"))
		}
		for _, pattern := range stale {
			files, _ := filepath.Glob(pattern)
			for _, f := range files {
				if err := os.Remove(f); err != nil {
					return err
				}
			}
		}
	}

	p, s := beam.NewPipelineWithRoot()
	var corpusRefs []fileRef
	for i, f := range corpusFiles {
		corpusRefs = append(corpusRefs, fileRef{Index: i, Path: f})
	}
	docs, corpusProblems := beam.ParDo2(s.Scope("ReadCorpus"), &readCorpusFn{MaxDocBytes: o.MaxDocBytes}, beam.CreateList(s, corpusRefs))
	mentions, mentionProblems := beam.ParDo2(s.Scope("ReadMentions"), &readMentionsFn{Ranks: ranks}, beam.CreateList(s, refs))
	keyed := []beam.PCollection{docs, mentions}
	if sp := scoring.ScopePath(); sp != "" {
		keyed = append(keyed, beam.ParDo(s.Scope("ReadScope"), &readScopeFn{}, beam.CreateList(s, []fileRef{{Path: sp}})))
	}
	byDoc := beam.GroupByKey(s.Scope("JoinByDocument"), beam.Flatten(s, keyed...))
	scoredDocs, preds, joinProblems := beam.ParDo3(s.Scope("ExtractAndScore"), &joinFn{
		Spec: scoring.Spec(), Corpus: o.Corpus, CorpusFiles: corpusFiles, Extractors: extractors,
		Systems: len(systems), Shards: o.Shards, Ranks: ranks,
	}, byDoc)

	ws := s.Scope("WritePartials")
	seeds := beam.ParDo(ws, &seedScoredFn{}, beam.CreateList(ws, upTo(o.Shards)))
	beam.ParDo0(ws, &writePartialFn{Dir: partials, Shards: o.Shards, Header: header, Gold: check.Fingerprint},
		beam.GroupByKey(ws, beam.Flatten(ws, scoredDocs, seeds)))

	if len(extractors) > 0 {
		wp := s.Scope("WritePredictions")
		seeds := beam.ParDo(wp, &seedPredFn{}, beam.CreateList(wp, upTo(len(extractors)*o.Shards)))
		beam.ParDo0(wp, &writePredsFn{Dir: predictions, Systems: names[:len(extractors)], Shards: o.Shards},
			beam.GroupByKey(wp, beam.Flatten(wp, preds, seeds)))
	}

	wm := s.Scope("Problems")
	all := beam.Flatten(wm, corpusProblems, mentionProblems, joinProblems, beam.Create(wm, problem{Kind: probNone}))
	beam.ParDo0(wm, &writeSummaryFn{Path: join(partials, summaryName)}, beam.Combine(wm, &summarize{}, all))

	runner := o.Run
	if runner == nil {
		runner = beamx.Run
	}
	if err := runner(ctx, p); err != nil {
		return fmt.Errorf("the pipeline failed: %w", err)
	}

	// After the pipeline: the problems, then the single merge.
	sum, err := readSummary(ctx, join(partials, summaryName))
	if err != nil {
		return err
	}
	if sum.CorpusErrors > 0 {
		cli.PrintProblems(o.Stderr, problems(sum.Corpus), sum.CorpusErrors, 0)
		return cli.ErrFailed
	}
	goldWarnings := make([]problem, len(check.Problems))
	for i, p := range check.Problems {
		goldWarnings[i] = fromProblem(probInput, p, ranks)
	}
	sum.merge(&summary{Input: goldWarnings, Warnings: check.Warnings})
	if sum.Errors > 0 {
		cli.PrintProblems(o.Stderr, problems(sum.Input), sum.Errors, sum.Warnings)
		return cli.ErrFailed
	}
	for i, u := range sum.Uncovered {
		if u.Docs > 0 {
			return cli.UncoveredError(names[i], u.Predictions, u.Docs, u.Some)
		}
	}
	notes := eval.Tally{Systems: make([]eval.SystemTally, len(systems)), Warnings: problems(sum.Input), MoreWarnings: sum.Warnings - len(sum.Input)}
	if err := writeFile(ctx, join(partials, notesName), func(w io.Writer) error {
		pw, err := partial.NewWriter(w, header)
		if err != nil {
			return err
		}
		return pw.Close(check.Fingerprint, &notes)
	}); err != nil {
		return err
	}
	paths := []string{join(partials, notesName)}
	for i := range o.Shards {
		paths = append(paths, join(partials, partialName(i, o.Shards)))
	}
	if remote(o.Work) {
		dir, err := os.MkdirTemp("", "exbench-partials-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		for i, p := range paths {
			local := filepath.Join(dir, base(p))
			if err := download(ctx, p, local); err != nil {
				return err
			}
			paths[i] = local
		}
	}
	args := []string{"merge"}
	if o.Out != "" {
		args = append(args, "-o", o.Out)
	}
	args = append(append(args, o.MergeArgs...), "--")
	if err := cli.Run(ctx, append(args, paths...), o.Stdout, o.Stderr); err != nil {
		return err
	}
	if len(extractors) > 0 {
		fmt.Fprintf(o.Stderr, "exbench-beam: wrote the predictions of %s to %s, %d files each\n", strings.Join(names[:len(extractors)], ", "), join(predictions, "SYSTEM"), o.Shards)
	}
	fmt.Fprintf(o.Stderr, "exbench-beam: wrote %d partial results to %s (exbench merge merges them again)\n", o.Shards+1, partials)
	return nil
}

// upTo returns 0, 1, ..., n-1.
func upTo(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// systemsOf returns the systems o scores: the extractors, then the
// prediction files.
func systemsOf(ctx context.Context, o Options) ([]system, error) {
	var systems []system
	seen := map[string]bool{}
	add := func(s system) error {
		if seen[s.name] {
			return cli.Usagef("two systems named %q; name a -pred with NAME=PATH, an external extractor with -name", s.name)
		}
		seen[s.name] = true
		systems = append(systems, s)
		return nil
	}
	for _, spec := range o.Extractors {
		args := append([]string{"-extractor=" + spec}, o.RunArgs...)
		x, err := cli.NewDocExtractor(args)
		if err != nil {
			return nil, err
		}
		name := x.Name()
		x.Close()
		if name == "" || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
			return nil, cli.Usagef("extractor %q: its name %q cannot name its predictions' directory", spec, name)
		}
		if err := add(system{name: name, args: args}); err != nil {
			return nil, err
		}
	}
	for _, arg := range o.Preds {
		name, path := arg, arg
		if n, p, ok := strings.Cut(arg, "="); ok && n != "" && !strings.ContainsAny(n, `/\`) {
			name, path = n, p
		} else {
			name = strings.TrimSuffix(base(arg), ".csv")
		}
		files, err := mentionFiles(ctx, path)
		if err != nil {
			return nil, fmt.Errorf("-pred %s: %w", arg, err)
		}
		if err := add(system{name: name, files: files}); err != nil {
			return nil, err
		}
	}
	return systems, nil
}

// mentionFiles returns the mention files path names: a glob, a remote
// file, or, as exbench reads them, a local file or directory of CSV
// files (gold.Files).
func mentionFiles(ctx context.Context, path string) ([]string, error) {
	if remote(path) || hasGlob(path) {
		return list(ctx, path)
	}
	return gold.Files(path)
}

// goldInput returns the gold's files and its mentions in reading order,
// read as exbench score reads -gold.
func goldInput(ctx context.Context, goldArg string) ([]string, iter.Seq2[corpus.Mention, error], error) {
	if goldArg == cli.Builtin {
		return []string{cli.Builtin}, eval.Mentions(gold.Builtin()), nil
	}
	if !remote(goldArg) && !hasGlob(goldArg) {
		files, err := gold.Files(goldArg)
		if err != nil {
			return nil, nil, err
		}
		return files, gold.Scan(goldArg, gold.Options{AnyLabel: true}), nil
	}
	files, err := list(ctx, goldArg)
	if err != nil {
		return nil, nil, fmt.Errorf("gold: %w", err)
	}
	seq := func(yield func(corpus.Mention, error) bool) {
		for _, f := range files {
			r, err := openRead(ctx, f)
			if err != nil {
				yield(corpus.Mention{}, err)
				return
			}
			for m, err := range gold.NewReader(r, f, gold.Options{AnyLabel: true}).All() {
				if !yield(m, err) {
					r.Close()
					return
				}
			}
			r.Close()
		}
	}
	return files, seq, nil
}

// readSummary reads the problems the pipeline found.
func readSummary(ctx context.Context, path string) (*summary, error) {
	r, err := openRead(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("the pipeline wrote no summary of its problems: %w", err)
	}
	defer r.Close()
	var s summary
	if err := json.NewDecoder(r).Decode(&s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &s, nil
}

// download copies the file p to the local path local.
func download(ctx context.Context, p, local string) error {
	r, err := openRead(ctx, p)
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := os.Create(local)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return errors.Join(fmt.Errorf("%s: %w", p, err), os.Remove(local))
	}
	return nil
}
