package pipeline

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// The elements that cross the pipeline's stages are encoded by hand, in a
// compact binary form (varints, length-prefixed strings), rather than by
// Beam's schema or JSON coders: a mention is a dozen fields, and a
// corpus has millions of them.

// enc appends values to a buffer.
type enc struct{ b []byte }

func (e *enc) uint(u uint64) { e.b = binary.AppendUvarint(e.b, u) }
func (e *enc) int(i int64)   { e.b = binary.AppendVarint(e.b, i) }
func (e *enc) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *enc) f64(f float64) { e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f)) }
func (e *enc) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// dec reads values back; the first error sticks.
type dec struct {
	b   []byte
	err error
}

var errShort = errors.New("exbench-beam: element cut short")

func (d *dec) uint() uint64 {
	if d.err != nil {
		return 0
	}
	u, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.b = d.b[n:]
	return u
}

func (d *dec) int() int64 {
	if d.err != nil {
		return 0
	}
	i, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errShort
		return 0
	}
	d.b = d.b[n:]
	return i
}

// len reads a length, which must fit in what is left.
func (d *dec) len() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.err = errShort
		return 0
	}
	return int(n)
}

func (d *dec) str() string {
	n := d.len()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *dec) f64() float64 {
	if d.err != nil || len(d.b) < 8 {
		d.err = errShort
		return 0
	}
	f := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return f
}

func (d *dec) bool() bool {
	if d.err != nil || len(d.b) < 1 {
		d.err = errShort
		return false
	}
	v := d.b[0] != 0
	d.b = d.b[1:]
	return v
}

func (e *enc) strs(ss []string) {
	e.bool(ss != nil)
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

func (d *dec) strs() []string {
	isSet := d.bool()
	n := d.len()
	if d.err != nil || !isSet {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (e *enc) spans(ss []corpus.Span) {
	e.bool(ss != nil)
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.int(int64(s.Start))
		e.int(int64(s.End))
	}
}

func (d *dec) spans() []corpus.Span {
	isSet := d.bool()
	n := d.len()
	if d.err != nil || !isSet {
		return nil
	}
	out := make([]corpus.Span, n)
	for i := range out {
		out[i] = corpus.Span{Start: int(d.int()), End: int(d.int())}
	}
	return out
}

// mention encodes m, with where it was read when source is set.
func (e *enc) mention(m *corpus.Mention, source bool) {
	e.str(m.DocID)
	e.int(int64(m.Span.Start))
	e.int(int64(m.Span.End))
	e.str(string(m.Label))
	e.str(m.Text)
	v, ok := m.Value.Float()
	e.bool(ok)
	if ok {
		e.f64(v)
	}
	e.str(string(m.Modifier))
	e.str(m.Unit)
	e.spans(m.Alts)
	e.bool(m.HasScore)
	if m.HasScore {
		e.f64(m.Score)
	}
	e.bool(source)
	if source {
		e.source(&m.Source)
	}
}

func (d *dec) mention() corpus.Mention {
	var m corpus.Mention
	m.DocID = d.str()
	m.Span = corpus.Span{Start: int(d.int()), End: int(d.int())}
	m.Label = corpus.Label(d.str())
	m.Text = d.str()
	if d.bool() {
		m.Value = corpus.NewValue(d.f64())
	}
	m.Modifier = corpus.Modifier(d.str())
	m.Unit = d.str()
	m.Alts = d.spans()
	if m.HasScore = d.bool(); m.HasScore {
		m.Score = d.f64()
	}
	if d.bool() {
		m.Source = d.source()
	}
	return m
}

func (e *enc) source(s *corpus.Source) {
	e.str(s.File)
	e.int(int64(s.Line))
	for _, c := range s.Col {
		e.int(int64(c))
	}
	e.bool(s.Unescaped)
}

func (d *dec) source() corpus.Source {
	var s corpus.Source
	s.File = d.str()
	s.Line = int(d.int())
	for i := range s.Col {
		s.Col[i] = int32(d.int())
	}
	s.Unescaped = d.bool()
	return s
}

func (e *enc) mentions(ms []corpus.Mention, source bool) {
	e.bool(ms != nil)
	e.uint(uint64(len(ms)))
	for i := range ms {
		e.mention(&ms[i], source)
	}
}

func (d *dec) mentions() []corpus.Mention {
	isSet := d.bool()
	n := d.len()
	if d.err != nil || !isSet {
		return nil
	}
	out := make([]corpus.Mention, n)
	for i := range out {
		out[i] = d.mention()
	}
	return out
}

// kase encodes a case to score. The mentions' sources are left out, as
// partial results leave them out.
func (e *enc) kase(c *eval.Case) {
	e.str(c.Doc.ID)
	e.str(c.Doc.Text)
	e.int(int64(c.Pos))
	e.mentions(c.Gold, false)
	e.uint(uint64(len(c.Pred)))
	for _, p := range c.Pred {
		e.mentions(p, false)
	}
	e.mentions(c.DontCare, false)
	e.spans(c.Sentences)
}

func (d *dec) kase() *eval.Case {
	c := &eval.Case{}
	c.Doc.ID = d.str()
	c.Doc.Text = d.str()
	c.Pos = int(d.int())
	c.Gold = d.mentions()
	n := d.len()
	if d.err != nil {
		return nil
	}
	c.Pred = make([][]corpus.Mention, n)
	for i := range c.Pred {
		c.Pred[i] = d.mentions()
	}
	c.DontCare = d.mentions()
	c.Sentences = d.spans()
	return c
}

func (e *enc) counts(m map[corpus.Label]int) {
	e.bool(m != nil)
	e.uint(uint64(len(m)))
	for l, n := range m { // order does not matter: it is read into a map
		e.str(string(l))
		e.int(int64(n))
	}
}

func (d *dec) counts() map[corpus.Label]int {
	isSet := d.bool()
	n := d.len()
	if d.err != nil || !isSet {
		return nil
	}
	m := make(map[corpus.Label]int, n)
	for range n {
		l := corpus.Label(d.str())
		m[l] = int(d.int())
	}
	return m
}

// tally encodes what a document's scoring left out; its warnings travel
// as problems.
func (e *enc) tally(t *eval.Tally) {
	e.int(int64(t.Docs))
	e.int(int64(t.Cases))
	e.int(int64(t.GoldOutOfScope))
	e.int(int64(t.GoldDontCare))
	e.uint(uint64(len(t.Systems)))
	for i := range t.Systems {
		s := &t.Systems[i]
		e.counts(s.OutOfScope)
		e.strs(s.Uncovered)
		e.int(int64(s.Skipped))
		e.counts(s.DontCare)
		e.int(int64(s.Unplaced))
		e.int(int64(s.NotFound))
		e.strs(s.NotFoundSome)
	}
}

func (d *dec) tally() eval.Tally {
	var t eval.Tally
	t.Docs = int(d.int())
	t.Cases = int(d.int())
	t.GoldOutOfScope = int(d.int())
	t.GoldDontCare = int(d.int())
	n := d.len()
	if d.err != nil {
		return t
	}
	t.Systems = make([]eval.SystemTally, n)
	for i := range t.Systems {
		s := &t.Systems[i]
		s.OutOfScope = d.counts()
		s.Uncovered = d.strs()
		s.Skipped = int(d.int())
		s.DontCare = d.counts()
		s.Unplaced = int(d.int())
		s.NotFound = int(d.int())
		s.NotFoundSome = d.strs()
	}
	return t
}
