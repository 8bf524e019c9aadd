package cli

// This file is the command line's interface to the Beam module
// (github.com/exbench/exbench/beam), which runs exbench's extraction and
// scoring one document at a time on many machines and then merges the
// scored documents into exactly the reports of 'exbench score'. What it
// exports builds an extractor as 'exbench run' does and scores a document
// as 'exbench score' does, from the same flags, so that the two cannot
// drift apart.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/extract"
	"github.com/exbench/exbench/partial"
	"github.com/exbench/exbench/report"
)

// Version returns exbench's version, as partial results record it.
func Version() string { return exbenchVersion() }

// Builtin is the value of -corpus and -gold that names the bundled
// corpus and gold.
const Builtin = builtin

// scoreNotForBeam are score's flags that the Beam pipeline gives in its
// own way: the inputs it reads itself, and the outputs of merge.
var scoreNotForBeam = map[string]string{
	"pred": "-pred", "corpus": "-corpus", "max-doc-mb": "-max-doc-mb",
	"o": "-o", "html": "-html", "plots": "-plots", "partial": "the partial results", "shard": "the shards",
	"conll": "", "scheme": "", "name": "",
}

// runForBeam are run's flags that configure an extractor, which a worker
// of the Beam pipeline needs to build it as 'exbench run' does.
var runForBeam = []string{"extractor", "cmd", "shell", "name", "version", "timeout", "load-timeout", "batch", "ready", "map"}

// BeamFlags collects, for the Beam command, the flags of 'exbench score'
// that say how to score and those of 'exbench run' that configure an
// extractor, each registered with its own usage text and passed on as
// -name=value, in the order given.
type BeamFlags struct {
	score, run []string
	mapTo      string
}

// RegisterBeamFlags registers on fs every flag of 'exbench score' that
// says how to score (-gold, -map, -labels, -scope, -ci, -slices,
// -fail-if, ...) and those of 'exbench run' that configure an extractor
// but -extractor (-cmd, -shell, -name, -version, -timeout, -load-timeout,
// -batch, -ready; -map is both), and returns what collects their values.
// Flags that name the corpus, predictions or outputs are left to the
// caller.
func RegisterBeamFlags(fs *flag.FlagSet) *BeamFlags {
	b := &BeamFlags{}
	sfs := flag.NewFlagSet("score", flag.ContinueOnError)
	var c scoreCmd
	c.register(sfs)
	rfs := flag.NewFlagSet("run", flag.ContinueOnError)
	var x externalFlags
	x.register(rfs)
	rfs.String("map", "", "")
	sfs.VisitAll(func(f *flag.Flag) {
		if _, no := scoreNotForBeam[f.Name]; no {
			return
		}
		toRun := rfs.Lookup(f.Name) != nil
		fs.Var(&passFlag{b: b, name: f.Name, score: true, run: toRun, def: passDefault(f), isBool: isBoolFlag(f)}, f.Name, f.Usage)
		if f.Name == "map" {
			fs.Lookup("map").Usage = f.Usage + "; an external extractor may return the labels it maps from"
		}
	})
	rfs.VisitAll(func(f *flag.Flag) {
		if fs.Lookup(f.Name) != nil || !slices.Contains(runForBeam, f.Name) {
			return
		}
		fs.Var(&passFlag{b: b, name: f.Name, run: true, def: passDefault(f), isBool: isBoolFlag(f)}, f.Name, f.Usage)
	})
	return b
}

// passDefault is the default a passed-on flag shows: none for a bool
// that is false by default, as flag shows it.
func passDefault(f *flag.Flag) string {
	if isBoolFlag(f) && f.DefValue == "false" {
		return ""
	}
	return f.DefValue
}

func isBoolFlag(f *flag.Flag) bool {
	bf, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && bf.IsBoolFlag()
}

// ScoreArgs returns the score flags given, as -name=value.
func (b *BeamFlags) ScoreArgs() []string { return slices.Clone(b.score) }

// RunArgs returns the run flags given, as -name=value, without -map when
// -map-to gold says that the map is the gold's (as bench does).
func (b *BeamFlags) RunArgs() []string {
	if b.mapTo != "gold" {
		return slices.Clone(b.run)
	}
	return slices.DeleteFunc(slices.Clone(b.run), func(a string) bool { return strings.HasPrefix(a, "-map=") })
}

// passFlag is a flag passed on to score's or run's flags.
type passFlag struct {
	b          *BeamFlags
	name, def  string
	val        string
	set        bool
	score, run bool
	isBool     bool
}

func (p *passFlag) String() string {
	if p == nil || !p.set {
		if p == nil {
			return ""
		}
		return p.def
	}
	return p.val
}

func (p *passFlag) Set(v string) error {
	p.val, p.set = v, true
	a := "-" + p.name + "=" + v
	if p.score {
		p.b.score = append(p.b.score, a)
	}
	if p.run {
		p.b.run = append(p.b.run, a)
	}
	if p.name == "map-to" {
		p.b.mapTo = v
	}
	return nil
}

func (p *passFlag) IsBoolFlag() bool { return p.isBool }

// DocExtractor is an extractor built from run's flags as 'exbench run'
// builds it, that extracts one document at a time exactly as run does:
// each mention checked against the text, duplicates dropped, the
// mentions sorted as run writes them.
type DocExtractor struct {
	e      extract.Extractor
	loaded bool
	// Duplicates counts the duplicate mentions dropped so far.
	Duplicates int
}

// NewDocExtractor builds the extractor that 'exbench run' builds from
// args, its flags: -extractor (a built-in name, external, or names
// joined by +), and for an external program -cmd, -shell, -name,
// -version, -timeout, -load-timeout, -batch, -ready and -map. One copy of
// an external program runs (a worker runs one document at a time). It
// starts nothing: [DocExtractor.Load] does.
func NewDocExtractor(args []string) (*DocExtractor, error) {
	fs := newFlagSet("run", runUsage)
	spec := fs.String("extractor", "", "")
	var x externalFlags
	x.register(fs)
	mapSpec := fs.String("map", "", "")
	if err := parseFlags(fs, args, io.Discard); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, usagef("run: unexpected argument %q", fs.Arg(0))
	}
	if *spec == "" {
		return nil, usagef("run: -extractor is required")
	}
	labels, err := parseMap("run", *mapSpec)
	if err != nil {
		return nil, err
	}
	x.copies, x.labels = 1, labels
	e, err := newExtractor(*spec, x)
	if err != nil {
		return nil, err
	}
	return &DocExtractor{e: e}, nil
}

// Name and Version are the extractor's, as run's manifest records them:
// Name names the system.
func (x *DocExtractor) Name() string    { return x.e.Name() }
func (x *DocExtractor) Version() string { return x.e.Version() }

// Load gets the extractor ready (a model loaded, a program started) once.
func (x *DocExtractor) Load() error {
	if x.loaded {
		return nil
	}
	x.loaded = true
	if l, ok := x.e.(extract.Loader); ok {
		if err := l.Load(); err != nil {
			return fmt.Errorf("extractor %s: %w", x.e.Name(), err)
		}
	}
	return nil
}

// Extract returns the mentions of doc as run writes them: checked, with
// duplicates dropped, sorted by [corpus.Sort].
func (x *DocExtractor) Extract(ctx context.Context, doc corpus.Doc) ([]corpus.Mention, error) {
	if err := x.Load(); err != nil {
		return nil, err
	}
	var out []corpus.Mention
	one := func(yield func(corpus.Doc, error) bool) { yield(doc, nil) }
	st, err := extract.Stream(ctx, loaded{x.e}, one, func(_ corpus.Doc, ms []corpus.Mention, _ time.Duration) error {
		out = slices.Clone(ms)
		return nil
	}, extract.Options{Workers: 1})
	if err != nil {
		return nil, err
	}
	x.Duplicates += st.Duplicates
	corpus.Sort(out)
	return out, nil
}

// Close stops what the extractor started.
func (x *DocExtractor) Close() error { return extract.Close(x.e) }

// loaded hides Load (done once by DocExtractor.Load) and batching from
// extract.Stream, which runs one document at a time here.
type loaded struct{ e extract.Extractor }

func (l loaded) Name() string    { return l.e.Name() }
func (l loaded) Version() string { return l.e.Version() }
func (l loaded) Extract(ctx context.Context, d corpus.Doc) ([]corpus.Mention, error) {
	return l.e.Extract(ctx, d)
}

// Scoring is the scoring 'exbench score' does, set up from its flags, for
// a pipeline that scores each document apart (on many machines) and
// merges the scored documents with 'exbench merge'.
type Scoring struct {
	c         scoreCmd
	fs        *flag.FlagSet
	setup     eval.Setup
	scopePath string
	spec      ScoringSpec
}

// ScoringSpec is what a worker needs to score documents as the driver's
// Scoring does, without the driver's files: the flags, and the content
// of the label map file they name. It is plain data, for a pipeline to
// serialize.
type ScoringSpec struct {
	Args    []string // score's flags
	MapFile []byte   // the content of the -map file, when -map names one
	MapName string   // its name
	Scoped  bool     // a scope applies: each document comes with its regions
}

// NewScoring parses score's flags (those that say how to score, and
// -gold) as 'exbench score' does, and reads the files they name (a -map
// file, the scope), printing their problems on stderr. Flags that name
// the corpus, the predictions or the outputs are usage errors: the
// pipeline has its own.
func NewScoring(args []string, stderr io.Writer) (*Scoring, error) {
	s := &Scoring{}
	if err := s.parse(args); err != nil {
		return nil, err
	}
	scopePath, err := s.c.lf.scope(&s.setup, *s.c.goldArg, stderr)
	if err != nil {
		return nil, err
	}
	s.scopePath = scopePath
	s.spec = ScoringSpec{Args: slices.Clone(args), Scoped: scopePath != ""}
	if fi, err := os.Stat(s.c.lf.mapSpec); s.c.lf.mapSpec != "" && err == nil && fi.Mode().IsRegular() {
		if s.spec.MapFile, err = os.ReadFile(s.c.lf.mapSpec); err != nil {
			return nil, err
		}
		s.spec.MapName = s.c.lf.mapSpec
	}
	return s, nil
}

// parse parses args into s as score does, up to the scope.
func (s *Scoring) parse(args []string) error {
	s.fs = newFlagSet("score", scoreUsage)
	s.c.register(s.fs)
	if err := parseFlags(s.fs, args, io.Discard); err != nil {
		return err
	}
	var bad error
	s.fs.Visit(func(f *flag.Flag) {
		if what, no := scoreNotForBeam[f.Name]; no && bad == nil {
			if what == "" {
				bad = usagef("score: -%s is not for the Beam pipeline, which scores mention files", f.Name)
			} else {
				bad = usagef("score: -%s: the Beam pipeline takes %s itself", f.Name, what)
			}
		}
	})
	if bad != nil {
		return bad
	}
	setup, err := s.c.prepare(s.fs)
	if err != nil {
		return err
	}
	setup.SkipUncovered = *s.c.skip
	s.c.st.apply(&setup)
	s.setup = setup
	return nil
}

// Spec returns what a worker needs to score as s does.
func (s *Scoring) Spec() ScoringSpec { return s.spec }

// NewWorkerScoring sets up, on a worker, the scoring of spec: the flags
// parsed as the driver parsed them, the label map from its content. The
// scope comes with each document ([Scoring.Join]).
func NewWorkerScoring(spec ScoringSpec) (*Scoring, error) {
	s := &Scoring{spec: spec}
	args := spec.Args
	if spec.MapFile != nil {
		f, err := os.CreateTemp("", "exbench-map-*.csv")
		if err != nil {
			return nil, err
		}
		defer os.Remove(f.Name())
		_, err = f.Write(spec.MapFile)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		args = append(slices.Clone(args), "-map="+f.Name())
	}
	if err := s.parse(args); err != nil {
		return nil, err
	}
	if spec.MapFile != nil {
		s.setup.Map.Name = spec.MapName
	}
	return s, nil
}

// GoldArg is -gold as given: builtin, a CSV file or a directory of them.
func (s *Scoring) GoldArg() string { return *s.c.goldArg }

// ScopePath is the scope file that applies, -scope or the gold
// directory's, or "" for none.
func (s *Scoring) ScopePath() string { return s.scopePath }

// Header returns the header of a partial result of the systems, as
// 'exbench score -partial' writes it: the recorded flags and their
// fingerprint, so that 'exbench merge' scores and reports as score
// would. shard and shards are 0 for parts that are not score's shards.
func (s *Scoring) Header(systems []string, shard, shards int) (partial.Header, error) {
	h := partial.Header{
		Version: exbenchVersion(),
		Args:    recordedArgs(s.fs, s.scopePath),
		Systems: slices.Clone(systems),
		Shard:   shard,
		Shards:  shards,
		GoldArg: *s.c.goldArg,
	}
	var err error
	h.Options, err = s.c.optionsFingerprint(h.Args, s.scopePath)
	return h, err
}

// GoldCheck is what reading the whole gold finds, in reading order, as
// 'exbench score' reads it: its fingerprint, the fingerprint a partial
// result records ([partial.GoldHash]), and its problems of reading and
// of the order of its rows ([corpus.Order]), which only the whole gold
// shows. [Scoring.Join] leaves the order to it.
type GoldCheck struct {
	Fingerprint string
	// Problems holds the problems (the first corpus.MaxShown of them in
	// file order, errors and warnings); Errors and Warnings count all.
	Problems         corpus.Problems
	Errors, Warnings int
}

// CheckGold reads the gold mentions seq gives, in reading order, as
// exbench score reads them: each problem of reading is kept, mentions
// mapped and checked on their own as eval does before checking the
// order of the rows. An error that is not a problem in the file (one
// that cannot be opened) is returned.
func (s *Scoring) CheckGold(seq iter.Seq2[corpus.Mention, error]) (*GoldCheck, error) {
	var gh partial.GoldHash
	ps := corpus.ProblemSet{Max: corpus.MaxShown}
	var order corpus.Order
	for m, err := range gh.Hash(seq) {
		if err != nil {
			if !ps.Add(err) {
				return nil, err
			}
			continue
		}
		// As eval's reading of the gold: the order is checked on the
		// mentions that are kept.
		if !m.Span.Placed() {
			continue
		}
		if !slices.Contains(s.setup.Ignore, string(m.Label)) {
			if s.setup.Map != nil && s.setup.MapTo != eval.MapPred {
				l, keep := s.setup.Map.Map(string(m.Label))
				if !keep {
					continue
				}
				m.Label = corpus.Label(l)
			}
			if corpus.CheckFields(&m) != nil {
				continue
			}
		}
		if p := order.Check(&m); p != nil {
			ps.Add(p)
		}
	}
	g := &GoldCheck{Fingerprint: gh.Sum(), Problems: ps.Problems()}
	g.Errors, g.Warnings = ps.Counts()
	return g, nil
}

// Joined is one document joined with its gold and predictions and
// scored as 'exbench score' scores it.
type Joined struct {
	// Case is the document to score, at its position, after the label
	// map, the subset, the scope and the don't-care labels; nil when the
	// document is not scored (the gold does not cover it, or it has a
	// problem).
	Case *eval.Case
	// Tally counts what was left out of the document, as eval.Tally
	// counts it (with no warnings: see Problems).
	Tally *eval.Tally
	// Problems are the document's problems, errors and warnings, but the
	// gold's rows out of order ([Scoring.CheckGold] finds those).
	Problems corpus.Problems
	// Uncovered counts, by system, its predictions for a document the
	// gold does not cover, which is an error unless -skip-uncovered.
	Uncovered []int
}

// Join joins the document doc, at position pos of the corpus corpusName,
// with its gold mentions and each system's predictions, each in reading
// order, and, when a scope applies, the scope's regions of the document,
// and returns the case to score as 'exbench score' makes it: eval.Input's
// Cases run on a one-document input.
func (s *Scoring) Join(ctx context.Context, corpusName string, doc corpus.Doc, pos int, gold []corpus.Mention, preds [][]corpus.Mention, regions []corpus.Region) (*Joined, error) {
	setup := s.setup
	setup.Only = func(int, string) bool { return true } // one document: none is "no cases"
	setup.MaxProblems = 0                               // every problem of the document
	setup.SkipUncovered = true                          // count uncovered predictions by system
	if s.spec.Scoped {
		setup.Scope = eval.NewScope(regions)
	}
	in := eval.Input{Corpus: corpusName, GoldName: *s.c.goldArg, Gold: eval.Mentions(gold),
		Docs: func(yield func(corpus.Doc, error) bool) { yield(doc, nil) }}
	for i, ms := range preds {
		in.Systems = append(in.Systems, eval.System{Name: fmt.Sprint(i), Mentions: eval.Mentions(ms)})
	}
	cases, tally := in.Cases(ctx, setup)
	j := &Joined{Tally: tally}
	var ps corpus.Problems
	for c, err := range cases {
		if err != nil {
			if !ps.Add(err) {
				return nil, err
			}
			continue
		}
		c.Pos = pos
		j.Case = &c
	}
	ps = append(ps, tally.Warnings...)
	tally.Warnings, tally.MoreWarnings = nil, 0
	for _, p := range ps {
		if !errors.Is(p, corpus.ErrOrder) {
			j.Problems = append(j.Problems, p)
		}
	}
	if j.Problems.Failed() {
		j.Case = nil
	}
	if !s.setup.SkipUncovered {
		for i := range tally.Systems {
			t := &tally.Systems[i]
			if t.Skipped > 0 {
				if j.Uncovered == nil {
					j.Uncovered = make([]int, len(tally.Systems))
				}
				j.Uncovered[i] = t.Skipped
			}
			t.Skipped, t.Uncovered = 0, nil
		}
	}
	return j, nil
}

// UnknownDocument is the problem of a mention, read at src, of a
// document that corpus corpusName does not have, as eval reports it.
func UnknownDocument(src corpus.Source, id, corpusName string) *corpus.Problem {
	return src.Problem(corpus.FieldDocID, corpus.Problemf(corpus.ErrDocID, "unknown document %s (not in corpus %s)", corpus.Quote(id), corpusName))
}

// PrintProblems prints problems as exbench prints them: the first
// corpus.MaxShown a line, then how many more, and the count of errors
// and warnings.
func PrintProblems(w io.Writer, ps corpus.Problems, errs, warnings int) {
	printProblems(w, &corpus.Truncated{Problems: ps, Errors: errs, Warnings: warnings}, false, false)
}

// UncoveredError is the error of 'exbench score' when a system predicts
// for documents the gold does not cover: predictions in docs documents,
// some of whose IDs are some.
func UncoveredError(system string, predictions, docs int, some []string) error {
	some = slices.Clone(some)
	sort.Strings(some)
	list := strings.Join(some[:min(len(some), 5)], ", ")
	if docs > 5 {
		list += fmt.Sprintf(" and %d more", docs-5)
	}
	return fmt.Errorf("score: system %s has %s for %s the gold does not cover (%s); use -skip-uncovered to ignore them",
		system, report.Plural(predictions, "prediction"), report.Plural(docs, "document"), list)
}

// ExitCode reports err on stderr as the exbench command does and returns
// the exit status: 0 ok, 1 error, 2 usage, 3 a gate failed, 130
// interrupted.
func ExitCode(err error, stderr io.Writer) int { return exitCode(err, stderr) }

// Usagef returns a command-line mistake (exit status 2).
func Usagef(format string, args ...any) error { return usagef(format, args...) }

// ErrFailed means that what went wrong has been printed: exit status 1.
var ErrFailed = errFailed
