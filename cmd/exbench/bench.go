package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/extract"
)

const benchUsage = `
Usage: exbench bench [-corpus C] [-gold G] [-extractor NAME ...] [-j N] [-o DIR]

Bench is the main job: it runs extractors over a corpus, scores each
against the gold, prints one table (per system, micro precision, recall
and F1 under every scheme, and documents per second) and writes under DIR
(scores.csv with bootstrap confidence intervals unless -ci=false):

	predictions/NAME.csv, predictions/NAME.json   each system's mentions and manifest
	scores.csv, documents.csv, confusion.csv, numbers.csv, errors.csv   the reports of 'exbench score'

With no flags it runs the built-in extractors prose, numbers and dates, and
their combination prose+numbers+dates, on the bundled corpus and gold.
Every file is replaced atomically. Documents the gold does not cover are
not run.

Example:

	exbench bench -extractor numbers -extractor external -cmd ./my_ner -name mine -o out
`

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("bench", benchUsage)
	corpusName := fs.String("corpus", builtin, "the corpus: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	goldArg := fs.String("gold", builtin, "gold mention `files`: a CSV file or a directory of them, or builtin")
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
	if err := parseScoring(fs, args, stdout, "bench", &st, &lf); err != nil {
		return err
	}
	if *workers < 1 {
		return &usageError{"bench: -j must be at least 1"}
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("bench: unexpected argument %q", fs.Arg(0))}
	}
	if err := checkOutDir(*out); err != nil {
		return err
	}
	if len(specs) == 0 {
		specs = append(multiFlag{}, builtinNames...)
		specs = append(specs, strings.Join(builtinNames, "+"))
	}
	var es []extract.Extractor
	seen := map[string]bool{}
	for _, spec := range specs {
		for _, one := range strings.Split(spec, ",") {
			e, err := newExtractor(one, x)
			if err != nil {
				return err
			}
			if seen[e.Name()] {
				return &usageError{fmt.Sprintf("bench: extractor %s given twice", e.Name())}
			}
			seen[e.Name()] = true
			es = append(es, e)
		}
	}
	defer func() {
		for _, e := range es {
			extract.Close(e)
		}
	}()

	c, goldByDoc, covered, err := loadCorpusGold(*corpusName, *goldArg, &lf, stderr)
	if err != nil {
		return err
	}
	sub, err := corpus.New(c.Name, covered)
	if err != nil {
		return err
	}

	var systems []*system
	var runs []*extract.Result
	for _, e := range es {
		r, err := extract.Run(ctx, e, sub, extract.Options{Workers: *workers, Progress: progress(stderr, e.Name())})
		if err != nil {
			return err
		}
		if err := extract.Close(e); err != nil {
			return err
		}
		if err := writePredictions(filepath.Join(*out, "predictions", fileName(r.Name)+".csv"), r, newManifest(r, sub, *workers)); err != nil {
			return err
		}
		preds, outside := lf.splitScope(lf.apply(r.All(), false))
		predByDoc := groupByDoc(preds)
		s, err := scoreSystem(ctx, r.Name, covered, goldByDoc, predByDoc, lf.scorer(true))
		if err != nil {
			return err
		}
		s.labelMap, s.labelSet = lf.describe()
		s.outOfScope = outside
		if st.ci {
			if err := addIntervals(ctx, s, &st, covered, goldByDoc, predByDoc); err != nil {
				return err
			}
		}
		systems = append(systems, s)
		runs = append(runs, r)
	}
	if err := writeReports(ctx, *out, systems); err != nil {
		return err
	}
	printBench(stdout, sub, systems, runs)
	fmt.Fprintf(stdout, "\nwrote %s: predictions/ and scores.csv, documents.csv, confusion.csv, numbers.csv, errors.csv\n", *out)
	return nil
}

// fileName makes a system's name, which the user chooses (-name), a safe
// file name: letters, digits and . _ + - are kept, anything else becomes
// _, and a name that is empty or starts with a dot gets a leading _, so it
// can never reach outside the output directory.
func fileName(name string) string {
	b := []byte(name)
	for i, c := range b {
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '+' || c == '-'
		if !ok {
			b[i] = '_'
		}
	}
	if len(b) == 0 || b[0] == '.' {
		b = append([]byte{'_'}, b...)
	}
	return string(b)
}

// printBench prints one row per system: micro precision, recall and F1
// under each scheme, in percent, and documents per second.
func printBench(w io.Writer, c *corpus.Corpus, systems []*system, runs []*extract.Result) {
	var gold int
	if len(systems) > 0 {
		gold = systems[0].sum.Micro(eval.Strict).Possible()
	}
	fmt.Fprintf(w, "%d documents, %d gold mentions; micro P, R, F1 in %% (value: numbers only)\n", len(c.Docs), gold)
	if len(systems) > 0 {
		systems[0].printSetup(w) // the same for every system
	}
	width := len("system")
	for _, s := range systems {
		width = max(width, len(s.name))
	}
	var b strings.Builder
	schemeHeader(&b, fmt.Sprintf("%-*s %6s %8s", width, "system", "found", "docs/s"))
	for i, s := range systems {
		docsPerSec := float64(len(c.Docs)) / runs[i].Wall.Seconds()
		cells := []string{fmt.Sprintf("%-*s %6d %8.1f", width, s.name, s.sum.Micro(eval.Strict).Actual(), docsPerSec)}
		for _, sc := range eval.Schemes {
			m := s.sum.Micro(sc)
			cells = append(cells, prf(m.Precision(), m.Recall(), m.F1()))
		}
		tableLine(&b, cells...)
	}
	printChains(&b, systems, width)
	io.WriteString(w, b.String())
}

// printChains prints, for each system that finds any gold number, how
// the gold numbers fare: found, then the value right, then the modifier
// too, then the unit too (rates over the found).
func printChains(b *strings.Builder, systems []*system, width int) {
	header := false
	for _, s := range systems {
		chains := s.sum.Numbers()
		if len(chains) == 0 || chains[0].Detected == 0 {
			continue
		}
		c := chains[0]
		if !header {
			fmt.Fprintf(b, "\ngold numbers (%d): found (%% of gold), then read right (%% of found): value, and modifier, and unit\n", c.Gold)
			fmt.Fprintf(b, "%-*s %13s %13s %13s %13s\n", width, "system", "found", "value", "+modifier", "+unit")
			header = true
		}
		pct := func(n, of int) string { return fmt.Sprintf("%4d %6.1f%%", n, 100*float64(n)/float64(max(of, 1))) }
		fmt.Fprintf(b, "%-*s %13s %13s %13s %13s\n", width, s.name, pct(c.Detected, c.Gold), pct(c.Value, c.Detected), pct(c.Modifier, c.Detected), pct(c.Unit, c.Detected))
	}
}
