package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

// scoringFlags say how predictions meet the gold: label maps, the labels
// scored, the tolerance of values.
type scoringFlags struct {
	mapSpec, mapTo, labels string
	valueTol               float64
	scopePath              string

	lm     *gold.LabelMap
	subset []corpus.Label // nil: every label
	scope  *eval.Scope    // nil: the documents the gold has mentions of
}

func (f *scoringFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.mapSpec, "map", "", "map labels before scoring: a built-in `map` (conll2003, prose), FROM=TO pairs (PER=PERSON,MISC=-), or a CSV file from,to; - drops a label")
	fs.StringVar(&f.mapTo, "map-to", "pred", "which side -map applies to: pred, gold or both")
	fs.StringVar(&f.labels, "labels", "", "score only these `labels` (comma-separated, after -map), on both sides")
	fs.Float64Var(&f.valueTol, "value-tol", 0, "relative `tolerance` within which two values are the same number (0.01: 1%)")
	fs.StringVar(&f.scopePath, "scope", "", "a scope `file` (CSV doc_id,start,end) saying which documents, or regions of them, the gold covers (default: the gold directory's scope.csv, if any); predictions outside are counted as out_of_scope, not scored")
}

// loadScope reads -scope against the corpus, if given.
func (f *scoringFlags) loadScope(c *corpus.Corpus, stderr io.Writer) error {
	if f == nil || f.scopePath == "" {
		return nil
	}
	regions, err := gold.ReadScopeFile(f.scopePath, c)
	var errs gold.Errors
	if errors.As(err, &errs) {
		printProblems(stderr, errs, false)
		return errFailed
	}
	if err != nil {
		return err
	}
	f.scope = eval.NewScope(regions)
	return nil
}

// splitScope drops the predictions out of scope and counts them by label.
func (f *scoringFlags) splitScope(ms []corpus.Mention) ([]corpus.Mention, map[corpus.Label]int) {
	if f == nil || f.scope == nil {
		return ms, nil
	}
	in, out := f.scope.Split(ms)
	n := map[corpus.Label]int{}
	for _, m := range out {
		n[m.Label]++
	}
	return in, n
}

// options returns the scorer's options.
func (f *scoringFlags) scorer(withErrors bool) eval.Options {
	return eval.Options{NoMistakes: !withErrors, ValueTol: f.valueTol}
}

// parseScoring parses a scoring verb's flags and checks its statistics
// and scoring flags.
func parseScoring(fs *flag.FlagSet, args []string, stdout io.Writer, verb string, st *statFlags, lf *scoringFlags) error {
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	if err := st.check(verb); err != nil {
		return err
	}
	return lf.parse(verb, false)
}

// parse checks the flags and loads the map. With free set, labels need
// not be OntoNotes names (CoNLL files).
func (f *scoringFlags) parse(verb string, free bool) error {
	if f.valueTol < 0 || f.valueTol >= 1 {
		return &usageError{fmt.Sprintf("%s: -value-tol %v: want a number from 0 up to 1", verb, f.valueTol)}
	}
	switch f.mapTo {
	case "pred", "gold", "both":
	default:
		return &usageError{fmt.Sprintf("%s: -map-to %q: want pred, gold or both", verb, f.mapTo)}
	}
	if f.mapSpec != "" {
		var err error
		if fi, serr := os.Stat(f.mapSpec); serr == nil && fi.Mode().IsRegular() {
			f.lm, err = gold.ReadLabelMap(f.mapSpec)
		} else {
			f.lm, err = gold.ParseLabelMap(f.mapSpec)
		}
		if err != nil {
			return fmt.Errorf("%s: -map: %w", verb, err)
		}
	}
	if f.labels != "" {
		for _, name := range strings.Split(f.labels, ",") {
			name = strings.TrimSpace(name)
			l, ok := corpus.ParseLabel(name)
			if free && name != "" {
				l, ok = corpus.Label(name), true
			}
			if !ok {
				return &usageError{fmt.Sprintf("%s: -labels: %q is not an OntoNotes label", verb, name)}
			}
			if !slices.Contains(f.subset, l) {
				f.subset = append(f.subset, l)
			}
		}
	}
	return nil
}

// A nil *scoringFlags maps and restricts nothing.
func (f *scoringFlags) mapsPred() bool { return f != nil && f.lm != nil && f.mapTo != "gold" }
func (f *scoringFlags) mapsGold() bool { return f != nil && f.lm != nil && f.mapTo != "pred" }

// mapsSide reports whether the map applies to the gold side (asGold) or
// to the predictions.
func (f *scoringFlags) mapsSide(asGold bool) bool {
	if asGold {
		return f.mapsGold()
	}
	return f.mapsPred()
}

// options returns how to read the gold (asGold) or predictions.
func (f *scoringFlags) options(asGold bool) []gold.Option {
	if f.mapsSide(asGold) {
		return []gold.Option{gold.WithLabelMap(f.lm)}
	}
	return nil
}

// apply maps (when the map applies to that side) and restricts mentions
// that were read without the map: the bundled gold, an extractor's.
func (f *scoringFlags) apply(ms []corpus.Mention, asGold bool) []corpus.Mention {
	if f.mapsSide(asGold) {
		ms = f.lm.Apply(ms)
	}
	return f.restrict(ms)
}

// restrict keeps the mentions of the -labels subset.
func (f *scoringFlags) restrict(ms []corpus.Mention) []corpus.Mention {
	if f == nil || f.subset == nil {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		if slices.Contains(f.subset, m.Label) {
			out = append(out, m)
		}
	}
	return out
}

// describe says what the flags did, for reports: the map and the side it
// applied to, and the labels scored; "" for none.
func (f *scoringFlags) describe() (labelMap, labels string) {
	if f.lm != nil {
		side := map[string]string{"pred": "predictions", "gold": "gold", "both": "gold and predictions"}[f.mapTo]
		labelMap = fmt.Sprintf("%s (%s) on %s", f.lm.Name, f.lm, side)
		if f.lm.Name == f.lm.String() { // an inline map: its pairs are its name
			labelMap = fmt.Sprintf("%s on %s", f.lm, side)
		}
	}
	var names []string
	for _, l := range f.subset {
		names = append(names, string(l))
	}
	return labelMap, strings.Join(names, ",")
}
