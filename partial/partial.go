// Package partial reads and writes partial results: the scored documents
// of one part of a corpus, so that parts scored apart, on several
// processes or machines, merge into the result of the whole corpus.
//
// A partial holds what scoring a part needs and nothing of the inputs'
// files: a [Header] (the exbench version, the scoring options, the
// systems, which shard), then each document of the part as an
// [eval.Case] (its text, its gold mentions and each system's predictions,
// after the label map, the subset and the scope), in corpus order, then a
// trailer with the fingerprint of the whole gold and the [eval.Tally] of
// what the part left out. Scoring the cases of every part, merged in
// corpus order by [Merge], with the same setup, is scoring the whole
// corpus: every count, interval and report comes out the same.
//
// The encoding is encoding/gob, versioned by [Format]. A file that ends
// before its trailer is refused as truncated.
package partial

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// Format is the version of the encoding; a partial of another format is
// refused.
const Format = 1

// magic starts every partial.
const magic = "exbench partial result"

// Header says what a partial holds and how it was scored.
type Header struct {
	Format  int
	Version string // exbench's version
	// Options fingerprints the scoring options (see [Fingerprint]);
	// Args are those options as command-line flags, to score the merged
	// cases as the parts were.
	Options string
	Args    []string
	Systems []string // the systems' names, in order
	// Shard and Shards say which part of the corpus this is: shard
	// Shard of Shards, from 1; both 0 for a part chosen otherwise.
	Shard, Shards int
	// GoldArg names the gold as the command line did, for messages.
	GoldArg string
}

// Fingerprint returns a short hex digest of parts, which must be given in
// a fixed order: what identifies the gold or the options.
func Fingerprint(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:", len(p))
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// GoldHash fingerprints a gold as it is read, mention by mention: feed it
// each gold mention in reading order with Add, then call Sum. The zero
// GoldHash is ready to use.
type GoldHash struct {
	h   hash.Hash
	buf []byte
	n   int
}

// Add adds a gold mention.
func (g *GoldHash) Add(m *corpus.Mention) {
	if g.h == nil {
		g.h = sha256.New()
	}
	v, ok := m.Value.Float()
	g.buf = fmt.Appendf(g.buf[:0], "%q %d %d %q %q %v %v %q %q %v %v %v\n", m.DocID, m.Span.Start, m.Span.End, m.Label, m.Text, v, ok, m.Modifier, m.Unit, m.Alts, m.Score, m.HasScore)
	g.h.Write(g.buf)
	g.n++
}

// Sum returns the fingerprint of the mentions added so far: a digest
// and their number.
func (g *GoldHash) Sum() string {
	if g.h == nil {
		g.h = sha256.New()
	}
	return fmt.Sprintf("%x/%d", g.h.Sum(nil)[:16], g.n)
}

// Hash wraps a sequence of gold mentions so that each mention read is
// added to g.
func (g *GoldHash) Hash(seq iter.Seq2[corpus.Mention, error]) iter.Seq2[corpus.Mention, error] {
	return func(yield func(corpus.Mention, error) bool) {
		for m, err := range seq {
			if err == nil {
				g.Add(&m)
			}
			if !yield(m, err) {
				return
			}
		}
	}
}

// record is one value of the stream after the header: a case, or the
// trailer.
type record struct {
	Case *caseRec
	End  *trailer
}

type caseRec struct {
	ID, Text  string
	Pos       int
	Gold      []mention
	Pred      [][]mention
	DontCare  []mention
	Sentences []corpus.Span
}

type mention struct {
	DocID          string
	Start, End     int
	Label, Text    string
	Value          float64
	HasValue       bool
	Modifier, Unit string
	Alts           []corpus.Span
	Score          float64
	HasScore       bool
}

type trailer struct {
	Gold           string
	Cases          int
	Docs           int
	GoldOutOfScope int
	GoldDontCare   int
	Systems        []eval.SystemTally
	Warnings       []problem
	MoreWarnings   int
}

type problem struct {
	File      string
	Line, Col int
	Field     string
	Msg       string
	Warning   bool
}

func toRec(ms []corpus.Mention) []mention {
	if ms == nil {
		return nil
	}
	out := make([]mention, len(ms))
	for i, m := range ms {
		v, ok := m.Value.Float()
		out[i] = mention{DocID: m.DocID, Start: m.Span.Start, End: m.Span.End, Label: string(m.Label), Text: m.Text,
			Value: v, HasValue: ok, Modifier: string(m.Modifier), Unit: m.Unit, Alts: m.Alts, Score: m.Score, HasScore: m.HasScore}
	}
	return out
}

func fromRec(ms []mention) []corpus.Mention {
	if ms == nil {
		return nil
	}
	out := make([]corpus.Mention, len(ms))
	for i, m := range ms {
		out[i] = corpus.Mention{DocID: m.DocID, Span: corpus.Span{Start: m.Start, End: m.End}, Label: corpus.Label(m.Label), Text: m.Text,
			Modifier: corpus.Modifier(m.Modifier), Unit: m.Unit, Alts: m.Alts, Score: m.Score, HasScore: m.HasScore}
		if m.HasValue {
			out[i].Value = corpus.NewValue(m.Value)
		}
	}
	return out
}

// Writer writes a partial.
type Writer struct {
	bw    *bufio.Writer
	enc   *gob.Encoder
	n     int
	last  int
	sys   int
	ended bool
}

// NewWriter writes the header h to w and returns the writer of the rest.
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	h.Format = Format
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := gob.NewEncoder(bw)
	if err := enc.Encode(magic); err != nil {
		return nil, err
	}
	if err := enc.Encode(h); err != nil {
		return nil, err
	}
	return &Writer{bw: bw, enc: enc, sys: len(h.Systems)}, nil
}

// Add writes a case; cases come in increasing Pos, each with the
// predictions of every system.
func (w *Writer) Add(c *eval.Case) error {
	if w.ended {
		return errors.New("partial: Add after Close")
	}
	if w.n > 0 && c.Pos <= w.last {
		return fmt.Errorf("partial: document %s at position %d comes after position %d", corpus.Quote(c.Doc.ID), c.Pos, w.last)
	}
	if len(c.Pred) != w.sys {
		return fmt.Errorf("partial: document %s has predictions of %d systems, not %d", corpus.Quote(c.Doc.ID), len(c.Pred), w.sys)
	}
	rec := &caseRec{ID: c.Doc.ID, Text: c.Doc.Text, Pos: c.Pos, Gold: toRec(c.Gold), DontCare: toRec(c.DontCare), Sentences: c.Sentences}
	rec.Pred = make([][]mention, len(c.Pred))
	for i, p := range c.Pred {
		rec.Pred[i] = toRec(p)
	}
	w.n++
	w.last = c.Pos
	return w.enc.Encode(record{Case: rec})
}

// Close writes the trailer (the gold's fingerprint and the part's tally)
// and flushes; it does not close the underlying writer.
func (w *Writer) Close(gold string, t *eval.Tally) error {
	if w.ended {
		return errors.New("partial: Close twice")
	}
	w.ended = true
	end := &trailer{Gold: gold, Cases: t.Cases, Docs: t.Docs, GoldOutOfScope: t.GoldOutOfScope, GoldDontCare: t.GoldDontCare,
		Systems: t.Systems, MoreWarnings: t.MoreWarnings}
	for _, p := range t.Warnings {
		msg := ""
		if p.Err != nil {
			msg = p.Err.Error()
		}
		end.Warnings = append(end.Warnings, problem{File: p.File, Line: p.Line, Col: p.Col, Field: p.Field, Msg: msg, Warning: p.Warning})
	}
	if err := w.enc.Encode(record{End: end}); err != nil {
		return err
	}
	return w.bw.Flush()
}

// Reader reads a partial.
type Reader struct {
	Header Header
	name   string
	dec    *gob.Decoder
	done   bool
	gold   string
	tally  *eval.Tally
	err    error
}

// NewReader reads the header of the partial r, named name in messages.
func NewReader(r io.Reader, name string) (*Reader, error) {
	dec := gob.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	var m string
	if err := dec.Decode(&m); err != nil || m != magic {
		return nil, fmt.Errorf("%s: not a partial result of exbench score -partial", name)
	}
	pr := &Reader{name: name, dec: dec}
	if err := dec.Decode(&pr.Header); err != nil {
		return nil, fmt.Errorf("%s: reading the header: %v", name, err)
	}
	if pr.Header.Format != Format {
		return nil, fmt.Errorf("%s: a partial of format %d; this exbench reads format %d", name, pr.Header.Format, Format)
	}
	return pr, nil
}

// Cases yields the partial's cases, in corpus order; once they are all
// read, [Reader.End] has the trailer. A partial cut short is an error.
func (r *Reader) Cases() iter.Seq2[eval.Case, error] {
	return func(yield func(eval.Case, error) bool) {
		for !r.done {
			c, err := r.next()
			if err != nil {
				r.err = err
				yield(eval.Case{}, err)
				return
			}
			if c == nil {
				return
			}
			if !yield(*c, nil) {
				return
			}
		}
	}
}

// next returns the next case, or nil at the trailer.
func (r *Reader) next() (*eval.Case, error) {
	var rec record
	if err := r.dec.Decode(&rec); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("%s: truncated: the partial ends before its last record", r.name)
		}
		return nil, fmt.Errorf("%s: %v", r.name, err)
	}
	switch {
	case rec.End != nil:
		e := rec.End
		t := &eval.Tally{Docs: e.Docs, Cases: e.Cases, GoldOutOfScope: e.GoldOutOfScope, GoldDontCare: e.GoldDontCare,
			Systems: e.Systems, MoreWarnings: e.MoreWarnings}
		if len(t.Systems) != len(r.Header.Systems) {
			return nil, fmt.Errorf("%s: the tally has %d systems, the header %d", r.name, len(t.Systems), len(r.Header.Systems))
		}
		for _, p := range e.Warnings {
			t.Warnings = append(t.Warnings, &corpus.Problem{File: p.File, Line: p.Line, Col: p.Col, Field: p.Field, Err: errors.New(p.Msg), Warning: p.Warning})
		}
		r.done, r.gold, r.tally = true, e.Gold, t
		return nil, nil
	case rec.Case != nil:
		cr := rec.Case
		if len(cr.Pred) != len(r.Header.Systems) {
			return nil, fmt.Errorf("%s: document %s has predictions of %d systems, not %d", r.name, corpus.Quote(cr.ID), len(cr.Pred), len(r.Header.Systems))
		}
		c := &eval.Case{Doc: corpus.Doc{ID: cr.ID, Text: cr.Text}, Pos: cr.Pos, Gold: fromRec(cr.Gold), DontCare: fromRec(cr.DontCare), Sentences: cr.Sentences,
			Pred: make([][]corpus.Mention, len(cr.Pred))}
		for i, p := range cr.Pred {
			c.Pred[i] = fromRec(p)
		}
		return c, nil
	}
	return nil, fmt.Errorf("%s: an empty record", r.name)
}

// End returns the gold's fingerprint and the part's tally, once every
// case is read.
func (r *Reader) End() (gold string, t *eval.Tally, err error) {
	if !r.done {
		return "", nil, fmt.Errorf("%s: the trailer is not read yet", r.name)
	}
	return r.gold, r.tally, nil
}

// Compatible checks that partials can merge: the same format, exbench
// version, options and systems; names name them in messages.
func Compatible(hs []Header, names []string) error {
	if len(hs) == 0 {
		return errors.New("no partial results to merge")
	}
	a := hs[0]
	for i, h := range hs[1:] {
		b, name := h, names[i+1]
		switch {
		case b.Version != a.Version:
			return fmt.Errorf("%s was written by exbench %s, %s by exbench %s: merge partials of one version", names[0], a.Version, name, b.Version)
		case b.Options != a.Options || !slices.Equal(a.Args, b.Args):
			return fmt.Errorf("%s and %s were scored with other options (%s; %s)", names[0], name, argsText(a.Args), argsText(b.Args))
		case !slices.Equal(a.Systems, b.Systems):
			return fmt.Errorf("%s and %s score other systems (%v; %v)", names[0], name, a.Systems, b.Systems)
		case a.Shards != b.Shards:
			return fmt.Errorf("%s is a shard of %d, %s of %d", names[0], a.Shards, name, b.Shards)
		}
	}
	seen := map[int]string{}
	for i, h := range hs {
		if h.Shards == 0 {
			continue
		}
		if prev, dup := seen[h.Shard]; dup {
			return fmt.Errorf("%s and %s are both shard %d/%d: merge each shard once", prev, names[i], h.Shard, h.Shards)
		}
		seen[h.Shard] = names[i]
	}
	return nil
}

func argsText(args []string) string {
	if len(args) == 0 {
		return "none"
	}
	return strings.Join(args, " ")
}

// Merge yields the cases of every partial in corpus order, as the whole
// corpus's scoring meets them, and then fills tally with their sum. It
// stops with an error when a document appears in two partials, or when
// the partials' golds differ.
func Merge(rs []*Reader, tally *eval.Tally) iter.Seq2[eval.Case, error] {
	return func(yield func(eval.Case, error) bool) {
		type head struct {
			c    eval.Case
			ok   bool
			next func() (eval.Case, error, bool)
			stop func()
		}
		heads := make([]*head, len(rs))
		for i, r := range rs {
			next, stop := iter.Pull2(r.Cases())
			heads[i] = &head{next: next, stop: stop}
			defer stop()
		}
		advance := func(i int) error {
			c, err, ok := heads[i].next()
			if err != nil {
				return err
			}
			heads[i].c, heads[i].ok = c, ok
			return nil
		}
		for i := range heads {
			if err := advance(i); err != nil {
				yield(eval.Case{}, err)
				return
			}
		}
		for {
			min := -1
			for i, h := range heads {
				if !h.ok {
					continue
				}
				if min >= 0 && h.c.Pos == heads[min].c.Pos {
					a, b := heads[min].c.Doc.ID, h.c.Doc.ID
					if a == b {
						yield(eval.Case{}, fmt.Errorf("document %s is in %s and in %s: merge each part once", corpus.Quote(a), rs[min].name, rs[i].name))
					} else {
						yield(eval.Case{}, fmt.Errorf("%s and %s both have a document at position %d (%s, %s): parts of different corpora", rs[min].name, rs[i].name, h.c.Pos, corpus.Quote(a), corpus.Quote(b)))
					}
					return
				}
				if min < 0 || h.c.Pos < heads[min].c.Pos {
					min = i
				}
			}
			if min < 0 {
				break
			}
			if !yield(heads[min].c, nil) {
				return
			}
			if err := advance(min); err != nil {
				yield(eval.Case{}, err)
				return
			}
		}
		var gold string
		for i, r := range rs {
			g, t, err := r.End()
			if err != nil {
				yield(eval.Case{}, err)
				return
			}
			if i == 0 {
				gold = g
				*tally = *t
				tally.Systems = slices.Clone(t.Systems)
				continue
			}
			if g != gold {
				yield(eval.Case{}, fmt.Errorf("%s and %s were scored against different golds: merge parts scored against one gold", rs[0].name, r.name))
				return
			}
			tally.Merge(t)
		}
	}
}
