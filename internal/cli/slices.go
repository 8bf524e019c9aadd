package cli

import (
	"flag"
	"fmt"
	"io"

	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/report"
)

// sliceFlags are -slices, -slice-meta and -slices-alpha.
type sliceFlags struct {
	on    bool
	alpha float64
	meta  string
}

func (f *sliceFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.on, "slices", false, "score every slice of the mentions (label, length, shape, position, document, sentence length, frequency; numbers: modifier, unit, magnitude; predictions: score, in <0.5, 0.5-0.7, 0.7-0.9, 0.9+ and no score, a family defined by the prediction that has a precision and no recall), print the slices significantly worse than the rest of their family and, with -o, write slices.csv")
	fs.StringVar(&f.meta, "slice-meta", "", "with -slices, a document metadata `file` (CSV doc_id,key,value: source, date, genre) whose every key is one more family of slices")
	numberVar(fs, &f.alpha, "slices-alpha", 0.05, "the level below which a slice's Holm-corrected p makes it significantly worse")
}

// collect, with -slices, makes a Slicer that setup feeds as documents
// are scored, beside whatever setup.Each did already.
func (f *sliceFlags) collect(setup *eval.Setup, systems []eval.System) (*eval.Slicer, error) {
	if !f.on {
		if f.meta != "" {
			return nil, usagef("-slice-meta needs -slices")
		}
		return nil, nil
	}
	sl := eval.NewSlicer(systemNames(systems))
	setup.Score.Outcomes = true
	addEach(setup, sl.Add)
	if f.meta != "" {
		meta, err := gold.ReadMetaFile(f.meta)
		if err != nil {
			return nil, err
		}
		for _, key := range meta.Keys {
			values := map[string]string{}
			for id, kv := range meta.Values {
				if v, ok := kv[key]; ok {
					values[id] = v
				}
			}
			sl.DocFamily(key, values)
		}
	}
	return sl, nil
}

// addEach makes setup also call each with every scored document, after
// whatever it called before.
func addEach(setup *eval.Setup, each func(c *eval.Case, sys int, r *eval.DocResult) error) {
	prev := setup.Each
	if prev == nil {
		setup.Each = each
		return
	}
	setup.Each = func(c *eval.Case, sys int, r *eval.DocResult) error {
		if err := prev(c, sys, r); err != nil {
			return err
		}
		return each(c, sys, r)
	}
}

// report prints the worst slices and returns the slices and slices.csv
// to write, or nothing without -slices.
func (f *sliceFlags) report(stdout, stderr io.Writer, sl *eval.Slicer, setup *eval.Setup, opts eval.BootstrapOptions) ([]eval.SliceRow, []report.File, error) {
	if sl == nil {
		return nil, nil, nil
	}
	if !(f.alpha > 0 && f.alpha < 1) {
		return nil, nil, usagef("-slices-alpha %v: want a number between 0 and 1", f.alpha)
	}
	rows := sl.Slices(setup.Schemes(), opts)
	roughSlices(stderr, sl.Docs())
	fmt.Fprintln(stdout)
	if err := report.WorstSlices(stdout, rows, f.alpha, 10); err != nil {
		return nil, nil, err
	}
	return rows, []report.File{{Name: "slices.csv", Write: func(w io.Writer) error { return report.SlicesCSV(w, rows, f.alpha) }}}, nil
}

// minSliceDocs is how many documents the bootstrap tests of slices want
// before their p-values mean much.
const minSliceDocs = 20

// roughSlices warns when the slices' tests rest on few documents: with
// fewer than minSliceDocs, resampling them cannot show how a slice would
// vary, and a slice a system never tags is "significant" by default.
func roughSlices(stderr io.Writer, docs int) {
	if docs < minSliceDocs {
		fmt.Fprintf(stderr, "exbench: warning: slices: with %s the bootstrap tests of slices are rough (want %d or more)\n", report.Plural(docs, "document"), minSliceDocs)
	}
}
