package main

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/gold"
)

// errWhole says that score cannot read its inputs one document at a time
// and must read them whole: they are not all CSV files, their documents
// are not in the corpus's order, or they hold a problem, which the whole
// reading then reports in full.
var errWhole = errors.New("inputs must be read whole")

// scoreStream scores systems one document at a time: the corpus (a
// directory or a JSONL file) and the gold and prediction CSV files are
// read side by side, so memory holds one document and its mentions, not
// the corpus. Each file must list its documents in the corpus's order,
// as exbench run writes them; otherwise, or on any problem in the inputs,
// scoreStream returns errWhole having written nothing (and printed only,
// when the order is the reason, a line saying so).
//
// The documents.csv and errors.csv rows go to spools; per-document counts
// stay in memory only for -ci, which resamples them.
func scoreStream(ctx context.Context, corpusPath, goldPath string, runs []named, skip, reports bool, st *statFlags, lf *scoringFlags, stderr io.Writer) (systems []*system, err error) {
	if corpusPath == builtin || !isCSVFile(goldPath) {
		return nil, errWhole
	}
	for _, r := range runs {
		if !isCSVFile(r.path) {
			return nil, errWhole
		}
	}
	z := &streamer{
		corpusPath: corpusPath, skip: skip, st: st, lf: lf,
		sc:     eval.NewScorer(lf.scorer(reports)),
		units:  eval.NewScorer(lf.scorer(false)),
		passed: idSet{seed: maphash.MakeSeed(), set: map[uint64]struct{}{}},
	}
	defer func() {
		z.close()
		if err != nil {
			closeSpools(systems)
			systems = nil
		}
	}()
	if lf.scopePath != "" {
		if z.regions, err = gold.ReadScopeFile(lf.scopePath, nil); err != nil {
			return nil, errWhole // reported by the whole reading
		}
		z.scope = eval.NewScope(z.regions)
	}
	if z.gold, err = openStream(goldPath, lf.options(true)...); err != nil {
		return nil, errWhole
	}
	for _, n := range runs {
		s := &system{name: n.name, opts: lf.scorer(reports)}
		s.sum.NoDocs = !st.ci || st.unit != "doc"
		if z.scope != nil {
			s.outOfScope = map[corpus.Label]int{}
		}
		systems = append(systems, s)
		r := &streamedSystem{s: s}
		z.runs = append(z.runs, r)
		if r.in, err = openStream(n.path, lf.options(false)...); err != nil {
			return systems, errWhole
		}
		if reports {
			if s.spooled, err = newSpooled(); err != nil {
				return systems, err
			}
		}
	}

	var stop error // why doc stopped the scan
	err = corpus.Scan(corpusPath, func(d corpus.Doc) error {
		if stop = ctx.Err(); stop == nil {
			stop = z.doc(d)
		}
		return stop
	})
	if err != nil && stop == nil {
		err = errWhole // a problem in the corpus, which Load reports as the whole reading does
	}
	if err == nil {
		err = z.finished()
	}
	if errors.Is(err, errWhole) {
		z.sayOrder(stderr)
	}
	if err != nil {
		return systems, err
	}
	if z.goldOut > 0 {
		fmt.Fprintf(stderr, "exbench: gold %s has %s outside the scope %s; they are not scored\n", goldPath, plural(z.goldOut, "mention"), lf.scopePath)
	}
	for _, r := range z.runs {
		if len(r.outside) > 0 {
			uncovered(r.s.name, r.skipped, r.outside, true, stderr)
		}
		if st.ci {
			us := r.s.sum.Docs
			if st.unit == "sentence" {
				us = r.units.Docs
			}
			if r.s.rows, err = eval.Bootstrap(us, st.options()); err != nil {
				return systems, err
			}
			r.s.stats = st
		}
	}
	return systems, nil
}

// streamer is the state of a streamed scoring: the files read side by
// side, and what has been met so far.
type streamer struct {
	corpusPath string
	skip       bool
	st         *statFlags
	lf         *scoringFlags
	scope      *eval.Scope              // nil without -scope
	regions    map[string][]corpus.Span // the scope's, by document
	gold       *mentionStream
	runs       []*streamedSystem
	sc, units  *eval.Scorer // units scores -unit sentence's sentences

	passed  idSet // documents of the corpus read so far
	covered int   // documents scored
	scoped  int   // documents of the scope met in the corpus
	goldOut int   // gold mentions outside the scope
}

// streamedSystem is one system of a streamed scoring.
type streamedSystem struct {
	s       *system
	in      *mentionStream
	units   eval.Summary // -unit sentence: the sentences' counts
	outside []string     // documents the gold does not cover
	skipped int          // predictions for them
}

// doc scores one document of the corpus for every system.
func (z *streamer) doc(d corpus.Doc) error {
	z.passed.add(d.ID)
	one, err := corpus.New(z.corpusPath, []corpus.Doc{d})
	if err != nil {
		return err
	}
	golds, in, err := z.goldOf(d, one)
	if err != nil {
		return err
	}
	if in {
		z.covered++
	}
	for _, r := range z.runs {
		pf, err := r.in.take(d.ID, z.passed)
		if err != nil {
			return err
		}
		if pf != nil && len(pf.Check(one)) > 0 {
			return errWhole // reported by the whole reading
		}
		var pred []corpus.Mention
		if pf != nil {
			pred = pf.Mentions
			if z.scope != nil {
				var out []corpus.Mention
				pred, out = z.scope.Split(pred)
				for _, m := range out {
					r.s.outOfScope[m.Label]++
				}
			}
		}
		switch {
		case !in && len(pred) > 0:
			if !z.skip {
				return errWhole // an error, reported by the whole reading
			}
			r.outside = append(r.outside, d.ID)
			r.skipped += len(pred)
		case in:
			pred = z.lf.restrict(pred)
			res := z.sc.Score(d, golds, pred)
			r.s.sum.Add(res)
			if r.s.spooled != nil {
				if err := r.s.spooled.add(r.s.name, &res); err != nil {
					return err
				}
			}
			if z.st.ci && z.st.unit == "sentence" {
				addSentences(z.units, &r.units, d, golds, pred)
			}
		}
	}
	return nil
}

// goldOf returns the gold mentions of d that are scored, and whether d
// is scored at all: it has gold mentions, or, with a scope, the scope
// covers it.
func (z *streamer) goldOf(d corpus.Doc, one *corpus.Corpus) ([]corpus.Mention, bool, error) {
	gf, err := z.gold.take(d.ID, z.passed)
	if err != nil {
		return nil, false, err
	}
	if gf != nil && (len(gf.Validate(one)) > 0 || z.gold.prev > d.ID) {
		return nil, false, errWhole // reported, warnings too, by the whole reading
	}
	in := gf != nil
	if z.scope != nil {
		if in = z.scope.Covers(d.ID); in {
			z.scoped++
			n := corpus.NewIndex(d.Text).Len()
			for _, r := range z.regions[d.ID] {
				if r.End > n {
					return nil, false, errWhole // a region past the text, reported by the whole reading
				}
			}
		}
	}
	if gf == nil {
		return nil, in, nil
	}
	z.gold.prev = d.ID
	golds := gf.Mentions
	if z.scope != nil {
		var out []corpus.Mention
		golds, out = z.scope.Split(golds)
		z.goldOut += len(out)
	}
	return z.lf.restrict(golds), in, nil
}

// finished checks the end of the scan: something was scored, the scope
// named no document outside the corpus, and every file was read to its
// end (else a document is not in the corpus, or not in its order).
func (z *streamer) finished() error {
	if z.covered == 0 || z.scope != nil && z.scoped < len(z.regions) {
		return errWhole
	}
	for _, m := range z.streams() {
		if m.head != nil {
			return errWhole
		}
	}
	return nil
}

// sayOrder says so when a file's documents come in another order than
// the corpus's, the one reason to read whole that is no error.
func (z *streamer) sayOrder(stderr io.Writer) {
	for _, m := range z.streams() {
		if m != nil && m.head != nil && z.passed.has(m.head.Mentions[0].DocID) {
			fmt.Fprintf(stderr, "exbench: score: %s lists documents in another order than the corpus; reading the files whole\n", m.path)
			return
		}
	}
}

func (z *streamer) streams() []*mentionStream {
	ms := []*mentionStream{z.gold}
	for _, r := range z.runs {
		ms = append(ms, r.in)
	}
	return ms
}

func (z *streamer) close() {
	for _, m := range z.streams() {
		if m != nil {
			m.close()
		}
	}
}

// isCSVFile reports whether path is a mention CSV file (not a directory).
func isCSVFile(path string) bool {
	if path == builtin || !strings.EqualFold(filepath.Ext(path), ".csv") {
		return false
	}
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// idSet is a set of document IDs that holds 8 bytes an ID. Two IDs may
// share a hash, one time in 2⁶⁴: then a document is taken for one already
// read, and score reads its files whole, which costs time but no result.
type idSet struct {
	seed maphash.Seed
	set  map[uint64]struct{}
}

func (s idSet) add(id string)      { s.set[maphash.String(s.seed, id)] = struct{}{} }
func (s idSet) has(id string) bool { _, ok := s.set[maphash.String(s.seed, id)]; return ok }

// mentionStream is a mention file read one document at a time.
type mentionStream struct {
	path string
	f    *os.File
	r    *gold.Reader
	head *gold.File // the next document's rows; nil after the last
	prev string     // the last document taken
}

func openStream(path string, opts ...gold.Option) (*mentionStream, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	m := &mentionStream{path: path, f: f, r: gold.NewReader(f, path, opts...)}
	if err := m.advance(); err != nil {
		f.Close()
		return nil, err
	}
	return m, nil
}

func (m *mentionStream) advance() error {
	f, err := m.r.Next()
	switch {
	case err == io.EOF:
		m.head = nil
	case err != nil:
		return errWhole // the whole reading lists every problem
	default:
		m.head = f
	}
	return nil
}

// take returns the rows of document id if they come next, or nil. It
// fails with errWhole when the next rows are of a document already passed.
func (m *mentionStream) take(id string, passed idSet) (*gold.File, error) {
	if m.head == nil {
		return nil, nil
	}
	if next := m.head.Mentions[0].DocID; next != id {
		if passed.has(next) {
			return nil, errWhole
		}
		return nil, nil
	}
	f := m.head
	return f, m.advance()
}

func (m *mentionStream) close() { m.f.Close() }

// closeSpools removes the systems' spools.
func closeSpools(systems []*system) {
	for _, s := range systems {
		if s.spooled != nil {
			s.spooled.close()
			s.spooled = nil
		}
	}
}
