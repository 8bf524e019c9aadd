package cli

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/report"
)

// scoringFlags say how predictions meet the gold, in every verb that
// scores: label maps, the labels scored, the scope, the tolerance of
// values.
type scoringFlags struct {
	mapSpec, mapTo, labels, scopePath, ignore string
	valueTol                                  float64
	bag                                       bool
}

func (f *scoringFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.mapSpec, "map", "", "map labels before scoring: a built-in `map` (conll2003, prose), FROM=TO pairs (PER=PERSON,MISC=-), or a CSV file from,to; - drops a label")
	fs.StringVar(&f.mapTo, "map-to", "pred", "which side -map applies to: pred, gold or both")
	fs.StringVar(&f.labels, "labels", "", "score only these `labels` (comma-separated, after -map), on both sides")
	fs.BoolVar(&f.bag, "bag", false, "also score the document-level bag scheme, which needs no offsets: per document and label, predictions match gold mentions by text (by value for numbers), in any position")
	fs.StringVar(&f.ignore, "ignore", "", "gold `labels` (comma-separated, as the gold has them, before -map) that are don't care: never missed, and a prediction on one alone is not scored but counted (dont_care in scores.csv); MISC for CoNLL-2003")
	numberVar(fs, &f.valueTol, "value-tol", 0, "relative `tolerance` within which two values are the same number (0.01: 1%)")
	fs.StringVar(&f.scopePath, "scope", "", "a scope `file` (CSV doc_id,start,end) saying which documents, or regions of them, the gold covers (default: the gold directory's scope.csv, if any); predictions outside are counted as out_of_scope, not scored")
}

// parseMap returns the label map a -map flag gives: nil for "", a CSV
// file from,to (whose problems are errors), or a built-in map or FROM=TO
// pairs (whose mistakes are usage errors).
func parseMap(verb, spec string) (*corpus.LabelMap, error) {
	if spec == "" {
		return nil, nil
	}
	if strings.HasSuffix(spec, ".csv") && !strings.Contains(spec, "=") {
		m, err := gold.ReadLabelMap(spec)
		if err != nil {
			return nil, fmt.Errorf("%s: -map: %w", verb, err)
		}
		return m, nil
	}
	if fi, err := os.Stat(spec); err == nil && fi.Mode().IsRegular() {
		m, err := gold.ReadLabelMap(spec)
		if err != nil {
			return nil, fmt.Errorf("%s: -map: %w", verb, err)
		}
		return m, nil
	}
	m, err := corpus.ParseLabelMap(spec)
	if err != nil {
		return nil, usagef("%s: -map: %v", verb, err)
	}
	return m, nil
}

// setup checks the flags and returns the setup they make. With free set,
// labels need not be OntoNotes names (CoNLL files).
func (f *scoringFlags) setup(verb string, free bool) (eval.Setup, error) {
	s := eval.Setup{MaxProblems: corpus.MaxShown}
	if !(f.valueTol >= 0 && f.valueTol < 1) {
		return s, usagef("%s: -value-tol %v: want a number from 0 up to 1", verb, f.valueTol)
	}
	s.Score.ValueTol = f.valueTol
	s.Bag = f.bag
	switch f.mapTo {
	case "pred":
		s.MapTo = eval.MapPred
	case "gold":
		s.MapTo = eval.MapGold
	case "both":
		s.MapTo = eval.MapBoth
	default:
		return s, usagef("%s: -map-to %q: want pred, gold or both", verb, f.mapTo)
	}
	var err error
	if s.Map, err = parseMap(verb, f.mapSpec); err != nil {
		return s, err
	}
	if f.ignore != "" {
		for name := range strings.SplitSeq(f.ignore, ",") {
			if name = strings.TrimSpace(name); name == "" {
				return s, usagef("%s: -ignore %q: an empty label", verb, f.ignore)
			}
			if !slices.Contains(s.Ignore, name) {
				s.Ignore = append(s.Ignore, name)
			}
		}
	}
	if f.labels != "" {
		s.Labels = []corpus.Label{}
		for _, name := range strings.Split(f.labels, ",") {
			name = strings.TrimSpace(name)
			l, ok := corpus.ParseLabel(name)
			if free && name != "" {
				l, ok = corpus.Label(name), true
			}
			if !ok {
				return s, usagef("%s: -labels: %q is not an OntoNotes label", verb, name)
			}
			if !slices.Contains(s.Labels, l) {
				s.Labels = append(s.Labels, l)
			}
		}
	}
	return s, nil
}

// scope reads the scope of the gold goldArg names into s: -scope, or the
// gold directory's scope file. It returns the scope file's path, "" for
// none.
func (f *scoringFlags) scope(s *eval.Setup, goldArg string, stderr io.Writer) (string, error) {
	path := f.scopePath
	if path == "" && goldArg != builtin {
		p := goldArg + string(os.PathSeparator) + gold.ScopeFile
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			path = p // the gold declares its scope
		}
	}
	if path == "" {
		return "", nil
	}
	regions, err := gold.ReadScopeFile(path)
	if err != nil {
		return "", failed(err, stderr)
	}
	s.Scope = eval.NewScope(regions)
	return path, nil
}

// maxResamples bounds -resamples: beyond it a run takes hours for
// nothing the intervals' 4 decimals can show.
const maxResamples = 100_000_000

// statFlags configure confidence intervals and comparisons.
type statFlags struct {
	ci        bool
	method    string
	seed      uint64
	resamples int
	level     float64
	unit      string
}

func (s *statFlags) register(fs *flag.FlagSet, ciDefault bool) {
	usage := "bootstrap confidence intervals: F1's on the table, P's, R's and F1's in scores.csv"
	if !ciDefault {
		usage += " (off by default here, unlike bench: score is the verb for large prediction files, where 10,000 resamples take time)"
	}
	fs.BoolVar(&s.ci, "ci", ciDefault, usage)
	fs.StringVar(&s.method, "ci-method", "bca", "the interval: bca (bias-corrected and accelerated) or percentile")
	fs.Uint64Var(&s.seed, "seed", 1, "random seed of the resamples and permutations")
	fs.IntVar(&s.resamples, "resamples", 10000, "how many bootstrap resamples (and permutations)")
	numberVar(fs, &s.level, "level", 0.95, "confidence level of the intervals")
	fs.StringVar(&s.unit, "unit", "doc", "what to resample: doc (documents) or sentence")
}

func (s *statFlags) check(verb string) error {
	switch {
	case s.method != "bca" && s.method != "percentile":
		return usagef("%s: -ci-method %q: want bca or percentile", verb, s.method)
	case s.resamples < 100:
		return usagef("%s: -resamples %d: want at least 100", verb, s.resamples)
	case s.resamples > maxResamples:
		return usagef("%s: -resamples %d: want at most %d", verb, s.resamples, maxResamples)
	case !(s.level > 0 && s.level < 1):
		return usagef("%s: -level %v: want a number between 0 and 1", verb, s.level)
	case s.unit != "doc" && s.unit != "sentence":
		return usagef("%s: -unit %q: want doc or sentence", verb, s.unit)
	}
	return nil
}

func (s *statFlags) options() eval.BootstrapOptions {
	o := eval.BootstrapOptions{Resamples: s.resamples, Level: s.level, Seed: s.seed}
	if s.method == "percentile" {
		o.Method = eval.Percentile
	}
	return o
}

// apply sets what to resample, and, with -ci, the intervals.
func (s *statFlags) apply(setup *eval.Setup) {
	if s.unit == "sentence" {
		setup.Unit = eval.Sentences
	}
	if s.ci {
		o := s.options()
		setup.Intervals = &o
	}
}

// parseScoring parses a scoring verb's flags and checks its statistics
// and scoring flags.
func parseScoring(fs *flag.FlagSet, args []string, stdout io.Writer, verb string, st *statFlags, lf *scoringFlags) (eval.Setup, error) {
	if err := parseFlags(fs, args, stdout); err != nil {
		return eval.Setup{}, err
	}
	if err := st.check(verb); err != nil {
		return eval.Setup{}, err
	}
	return lf.setup(verb, false)
}

// gateFlags are the -fail-if conditions.
type gateFlags struct {
	exprs multiFlag
	gates []eval.Gate
}

func (g *gateFlags) register(fs *flag.FlagSet) {
	fs.Var(&g.exprs, "fail-if", "exit 3 when a condition holds, such as 'strict.micro.f1 < 0.60' (SCHEME.LABEL.METRIC OP NUMBER, METRIC p, r or f1, OP <, <=, >, >=); repeat for more")
}

// parse parses the gates, each of which must name a label the scoring
// setup can have (with free, any label: a CoNLL file's).
func (g *gateFlags) parse(verb string, setup *eval.Setup, free bool) error {
	for _, e := range g.exprs {
		gate, err := eval.ParseGate(e)
		if err == nil {
			err = gate.Check(setup, free)
		}
		if errors.Is(err, eval.ErrBagOff) {
			return usagef("%s: -fail-if %q: %v: add -bag", verb, e, err)
		}
		if err != nil {
			return usagef("%s: -fail-if %q: %v", verb, e, err)
		}
		g.gates = append(g.gates, gate)
	}
	return nil
}

// measurable returns a usage error for a gate on a label that no gold
// or predicted mention of any system has: it would measure nothing (F1 0
// of nothing) and pass or fail for no reason.
func (g *gateFlags) measurable(verb string, systems []*eval.SystemResult) error {
	for i, gate := range g.gates {
		if !slices.ContainsFunc(systems, gate.Measures) {
			return usagef("%s: -fail-if %q: no gold or predicted mention has the label %s, so the gate would measure nothing", verb, g.exprs[i], gate.Label)
		}
	}
	return nil
}

// check reports every gate that fails for a system, and returns errGate
// if one does.
func (g *gateFlags) check(stderr io.Writer, systems []*eval.SystemResult) error {
	failed := false
	for _, s := range systems {
		for _, gate := range g.gates {
			if v := gate.Measure(s); gate.Fails(v) {
				fmt.Fprintf(stderr, "exbench: gate: %s: %s.%s.%s = %s, and the gate fails if %s\n", s.Name, gate.Scheme, gate.Label, []string{"p", "r", "f1"}[gate.Metric], report.Decimal(v), gate.Text)
				failed = true
			}
		}
	}
	if failed {
		return errGate
	}
	return nil
}

// corpusFlag and goldFlag define -corpus and -gold.
// corpusArg is a corpus named on the command line, and the largest
// document to read from it.
type corpusArg struct {
	name  string
	maxMB megabytes
}

// options returns the options to read the corpus with.
func (c *corpusArg) options() corpus.Options {
	return corpus.Options{MaxDocBytes: int64(float64(c.maxMB) * 1e6)}
}

// megabytes is a flag of a size in MB, at least one byte.
type megabytes float64

func (m *megabytes) String() string { return strconv.FormatFloat(float64(*m), 'g', -1, 64) }

func (m *megabytes) Set(s string) error {
	var n number
	if err := n.Set(s); err != nil {
		return err
	}
	if !(n >= 1e-6 && n <= 1e12) {
		return errors.New("want a size in MB from 0.000001 (one byte) up")
	}
	*m = megabytes(n)
	return nil
}

// corpusFlag registers -corpus, with the usage text usage ("" for the
// usual one), and -max-doc-mb.
func corpusFlag(fs *flag.FlagSet, usage string) *corpusArg {
	c := &corpusArg{maxMB: corpus.DefaultMaxDocBytes / 1e6}
	fs.StringVar(&c.name, "corpus", builtin, cmp.Or(usage, "the corpus: a `dir`ectory of .txt files, a .jsonl file, or builtin"))
	fs.Var(&c.maxMB, "max-doc-mb", "the largest document to read from the corpus, in `MB`: a larger one is an error")
	return c
}

func goldFlag(fs *flag.FlagSet) *string {
	return fs.String("gold", builtin, "gold mention `files`: a CSV file or a directory of them, or builtin")
}

// number is a float64 flag that takes finite numbers only: NaN passes
// every range check written as x < lo || x > hi.
type number float64

func (n *number) String() string { return strconv.FormatFloat(float64(*n), 'g', -1, 64) }

func (n *number) Set(s string) error {
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil:
		return errors.New("not a number")
	case math.IsNaN(f) || math.IsInf(f, 0):
		return errors.New("not a finite number")
	}
	*n = number(f)
	return nil
}

// numberVar defines a float64 flag of finite numbers.
func numberVar(fs *flag.FlagSet, p *float64, name string, value float64, usage string) {
	*p = value
	fs.Var((*number)(p), name, usage)
}
