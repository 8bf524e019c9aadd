package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/partial"
	"github.com/exbench/exbench/report"
)

// shardFlag is -shard I/N: shard I of N, from 1. The zero value is no
// sharding.
type shardFlag struct{ i, n int }

func (s *shardFlag) String() string {
	if s.n == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.i, s.n)
}

func (s *shardFlag) Set(v string) error {
	a, b, ok := strings.Cut(v, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	switch {
	case !ok || err1 != nil || err2 != nil:
		return errors.New("want I/N, such as 2/8")
	case n < 1 || n > 1_000_000:
		return fmt.Errorf("%d shards: want 1 to 1000000", n)
	case i < 1 || i > n:
		return fmt.Errorf("shard %d of %d: want I from 1 to %d", i, n, n)
	}
	s.i, s.n = i, n
	return nil
}

// notRecorded are score's flags that a partial does not record: those
// that name inputs, whose content the gold's fingerprint and the cases
// hold, and those that say where reports go, which merge takes.
var notRecorded = map[string]bool{
	"gold": true, "pred": true, "corpus": true, "max-doc-mb": true, "scope": true,
	"o": true, "html": true, "plots": true, "partial": true, "shard": true,
	"conll": true, "scheme": true, "name": true,
}

// recordedArgs returns the flags set on fs that say how to score, as
// -name=value, in the order of their names, and the scope's path (given
// or the gold directory's), so that merge can score the same way.
func recordedArgs(fs *flag.FlagSet, scopePath string) []string {
	var args []string
	fs.Visit(func(f *flag.Flag) {
		if !notRecorded[f.Name] {
			args = append(args, "-"+f.Name+"="+f.Value.String())
		}
	})
	if scopePath != "" {
		args = append(args, "-scope="+scopePath)
	}
	return args
}

// optionsFingerprint fingerprints the recorded flags and the files they
// name (a label map, the scope, the document metadata), whose content
// makes the setup as much as the flags do.
func (c *scoreCmd) optionsFingerprint(args []string, scopePath string) (string, error) {
	parts := [][]byte{[]byte(strings.Join(args, "\n"))}
	var files []string
	if fi, err := os.Stat(c.lf.mapSpec); c.lf.mapSpec != "" && err == nil && fi.Mode().IsRegular() {
		files = append(files, c.lf.mapSpec)
	}
	if scopePath != "" {
		files = append(files, scopePath)
	}
	if c.sl.meta != "" {
		files = append(files, c.sl.meta)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		parts = append(parts, []byte(f), b)
	}
	return partial.Fingerprint(parts...), nil
}

// writePartial writes the cases of in (of one shard, with -shard) to the
// -partial file, with the flags that say how to score them.
func (c *scoreCmd) writePartial(ctx context.Context, fs *flag.FlagSet, in eval.Input, setup eval.Setup, scopePath string, stdout, stderr io.Writer) error {
	h := partial.Header{
		Version: exbenchVersion(),
		Args:    recordedArgs(fs, scopePath),
		Shard:   c.shard.i,
		Shards:  c.shard.n,
		GoldArg: *c.goldArg,
	}
	var err error
	if h.Options, err = c.optionsFingerprint(h.Args, scopePath); err != nil {
		return err
	}
	for _, s := range in.Systems {
		h.Systems = append(h.Systems, s.Name)
	}
	var gh partial.GoldHash
	in.Gold = gh.Hash(in.Gold)
	cases, tally := in.Cases(ctx, setup)
	path := *c.partial
	n := 0
	err = report.WriteSet(ctx, filepath.Dir(path), []report.File{{Name: filepath.Base(path), Write: func(w io.Writer) error {
		pw, err := partial.NewWriter(w, h)
		if err != nil {
			return err
		}
		for cs, err := range cases {
			if err != nil {
				return err
			}
			if err := pw.Add(&cs); err != nil {
				return err
			}
			n++
		}
		return pw.Close(gh.Sum(), tally)
	}}})
	if err != nil {
		return scoreError(err, stderr)
	}
	part := "all the corpus"
	if c.shard.n > 0 {
		part = "shard " + c.shard.String()
	}
	fmt.Fprintf(stdout, "wrote %s: %s scored of %s; merge the parts with exbench merge\n", path, report.Plural(n, "document"), part)
	return nil
}

const mergeUsage = `
Usage: exbench merge [-o DIR] [-html FILE.html] [-plots DIR] PARTIAL...

Merge merges the partial results that 'exbench score -partial' wrote for
parts of a corpus (usually its shards: score -shard I/N) and reports on
the whole corpus exactly as 'exbench score' would: the same table on
stdout and, with -o, the same reports, byte for byte, intervals and
slices included.

The partials must come from one exbench version, one gold, and the same
scoring flags (which they record, and merge uses: -map, -labels, -ci,
-slices...); each document may be in one partial only. Flags that name a
file (a -map file, -scope, -slice-meta) are read again from the same
path, which must still hold the same content.

Example, with four processes (or a SLURM array, or a Kubernetes Job):

	seq 1 4 | xargs -P 4 -I{} sh -c 'exbench run -extractor numbers -shard {}/4 -o out/numbers-{}.csv &&
		exbench score -shard {}/4 -pred numbers=out/numbers-{}.csv -partial out/part-{}.exb'
	exbench merge -o report out/part-*.exb
`

func runMerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("merge", mergeUsage)
	outDir := fs.String("o", "", "write the CSV reports to `dir`")
	var hf htmlFlags
	hf.register(fs)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		return usagef("merge: no partial results: give the files exbench score -partial wrote")
	}
	var readers []*partial.Reader
	var headers []partial.Header
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		r, err := partial.NewReader(f, p)
		if err != nil {
			return err
		}
		readers = append(readers, r)
		headers = append(headers, r.Header)
	}
	if err := partial.Compatible(headers, paths); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	h := headers[0]
	if v := exbenchVersion(); h.Version != v {
		return fmt.Errorf("merge: %s was written by exbench %s; this is exbench %s: merge with the version that scored", paths[0], h.Version, v)
	}

	// Score's flags, as the partials recorded them, make the setup.
	sfs := newFlagSet("score", scoreUsage)
	var c scoreCmd
	c.register(sfs)
	if err := sfs.Parse(h.Args); err != nil {
		return fmt.Errorf("merge: %s: the recorded flags %v: %w", paths[0], h.Args, err)
	}
	*c.goldArg, *c.outDir, c.hf = h.GoldArg, *outDir, hf
	setup, err := c.prepare(sfs)
	if err != nil {
		return err
	}
	scopePath, err := c.lf.scope(&setup, builtin, stderr) // a scope is among the recorded flags
	if err != nil {
		return err
	}
	if fp, err := c.optionsFingerprint(h.Args, scopePath); err != nil {
		return fmt.Errorf("merge: the partials' options name a file: %w", err)
	} else if fp != h.Options {
		return fmt.Errorf("merge: a file the scoring flags name (-map, -scope or -slice-meta) is not what it was when %s was written", paths[0])
	}
	setup.SkipUncovered = *c.skip
	c.st.apply(&setup)
	if setup.Intervals != nil {
		setup.Intervals.Progress = resampleProgress(stderr, "intervals")
	}
	systems := make([]eval.System, len(h.Systems))
	for i, name := range h.Systems {
		systems[i].Name = name
	}
	score := func(setup eval.Setup) (*eval.Result, error) {
		var tally eval.Tally
		res, err := eval.ScoreCases(ctx, partial.Merge(readers, &tally), h.Systems, setup)
		if err != nil {
			return nil, err
		}
		if tally.Cases == 0 {
			return nil, fmt.Errorf("merge: the partials hold no scored document, so %w", eval.ErrNoCases)
		}
		res.AddTally(&tally)
		return res, nil
	}
	return c.report(ctx, setup, systems, scopePath, score, stdout, stderr)
}
