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
	var scope *eval.Scope
	var regions map[string][]corpus.Span
	if lf.scopePath != "" {
		if regions, err = gold.ReadScopeFile(lf.scopePath, nil); err != nil {
			return nil, errWhole // reported by the whole reading
		}
		scope = eval.NewScope(regions)
	}
	g, err := openStream(goldPath, lf.options(true)...)
	if err != nil {
		return nil, errWhole
	}
	defer g.close()
	type run struct {
		s       *system
		in      *mentionStream
		units   eval.Summary // -unit sentence: the sentences' counts
		outside []string     // documents the gold does not cover
		skipped int          // predictions for them
	}
	rs := make([]*run, len(runs))
	defer func() {
		for _, r := range rs {
			if r != nil && r.in != nil {
				r.in.close()
			}
		}
		if err != nil {
			closeSpools(systems)
			systems = nil
		}
	}()
	for i, n := range runs {
		s := &system{name: n.name, opts: lf.scorer(reports)}
		s.sum.NoDocs = !st.ci || st.unit != "doc"
		if scope != nil {
			s.outOfScope = map[corpus.Label]int{}
		}
		systems = append(systems, s)
		rs[i] = &run{s: s}
		if rs[i].in, err = openStream(n.path, lf.options(false)...); err != nil {
			return systems, errWhole
		}
		if reports {
			if s.spooled, err = newSpooled(); err != nil {
				return systems, err
			}
		}
	}

	sc := eval.NewScorer(lf.scorer(reports))
	units := eval.NewScorer(lf.scorer(false))
	passed := idSet{seed: maphash.MakeSeed(), set: map[uint64]struct{}{}} // documents of the corpus read so far
	covered := 0
	scoped := 0  // documents of the scope met in the corpus
	goldOut := 0 // gold mentions outside the scope
	scoreDoc := func(d corpus.Doc) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		passed.add(d.ID)
		one, err := corpus.New(corpusPath, []corpus.Doc{d})
		if err != nil {
			return err
		}
		gf, err := g.take(d.ID, passed)
		if err != nil {
			return err
		}
		if gf != nil && (len(gf.Validate(one)) > 0 || g.prev > d.ID) {
			return errWhole // reported, warnings too, by the whole reading
		}
		in := gf != nil // the document is scored
		if scope != nil {
			if in = scope.Covers(d.ID); in {
				scoped++
				n := corpus.NewIndex(d.Text).Len()
				for _, r := range regions[d.ID] {
					if r.End > n {
						return errWhole // a region past the text, reported by the whole reading
					}
				}
			}
		}
		var golds []corpus.Mention
		if gf != nil {
			g.prev = d.ID
			golds = gf.Mentions
			if scope != nil {
				var out []corpus.Mention
				golds, out = scope.Split(golds)
				goldOut += len(out)
			}
			golds = lf.restrict(golds)
		}
		if in {
			covered++
		}
		for _, r := range rs {
			pf, err := r.in.take(d.ID, passed)
			if err != nil {
				return err
			}
			if pf != nil && len(pf.Check(one)) > 0 {
				return errWhole
			}
			var pred []corpus.Mention
			if pf != nil {
				pred = pf.Mentions
				if scope != nil {
					var out []corpus.Mention
					pred, out = scope.Split(pred)
					for _, m := range out {
						r.s.outOfScope[m.Label]++
					}
				}
			}
			switch {
			case !in && len(pred) > 0:
				if !skip {
					return errWhole
				}
				r.outside = append(r.outside, d.ID)
				r.skipped += len(pred)
			case in:
				pred = lf.restrict(pred)
				res := sc.Score(d, golds, pred)
				r.s.sum.Add(res)
				if r.s.spooled != nil {
					if err := r.s.spooled.add(r.s.name, &res); err != nil {
						return err
					}
				}
				if st.ci && st.unit == "sentence" {
					addSentences(units, &r.units, d, golds, pred)
				}
			}
		}
		return nil
	}
	var stop error // why fn stopped the scan
	err = corpus.Scan(corpusPath, func(d corpus.Doc) error {
		stop = scoreDoc(d)
		return stop
	})
	if err != nil && stop == nil {
		err = errWhole // a problem in the corpus, which Load reports as the whole reading does
	}
	streams := []*mentionStream{g}
	for _, r := range rs {
		streams = append(streams, r.in)
	}
	if err == nil && (covered == 0 || scope != nil && scoped < len(regions)) {
		err = errWhole // nothing to score, or the scope names documents not in the corpus
	}
	for _, m := range streams {
		if err == nil && m.head != nil {
			err = errWhole
		}
		if m.head != nil && passed.has(m.head.Mentions[0].DocID) && errors.Is(err, errWhole) {
			fmt.Fprintf(stderr, "exbench: score: %s lists documents in another order than the corpus; reading the files whole\n", m.path)
			break
		}
	}
	if err != nil {
		return systems, err
	}
	if goldOut > 0 {
		fmt.Fprintf(stderr, "exbench: gold %s has %s outside the scope %s; they are not scored\n", goldPath, plural(goldOut, "mention"), lf.scopePath)
	}
	for _, r := range rs {
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
