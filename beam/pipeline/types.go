package pipeline

import (
	"encoding/json"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// fileRef is a file to read: its index in the sorted list it belongs to
// (which orders what it holds before the next file's), its path, and for
// mention files whose they are (roleGold or a system's index).
type fileRef struct {
	Index int
	Path  string
	Role  int
}

// roleGold marks the gold's mentions; a system's are marked with its
// index.
const roleGold = -1

// The kinds of item.
const (
	kindDoc uint8 = iota
	kindMention
	kindRegion
)

// item is one value joined by document ID: the document, one of its
// mentions (gold or a system's), or one region of the scope.
type item struct {
	Kind uint8
	Role int   // a mention's: roleGold or the system's index
	Seq  int64 // a document's position; a mention's or region's place in the reading order
	File int   // a document's file, by index
	Line int   // a document's line in its file
	Text string
	M    corpus.Mention
	R    corpus.Region
}

func encodeItem(it item) []byte {
	e := enc{b: make([]byte, 0, 64+len(it.Text))}
	e.b = append(e.b, it.Kind)
	e.int(int64(it.Role))
	e.int(it.Seq)
	switch it.Kind {
	case kindDoc:
		e.int(int64(it.File))
		e.int(int64(it.Line))
		e.str(it.Text)
	case kindMention:
		e.mention(&it.M, true)
	case kindRegion:
		e.str(it.R.DocID)
		e.int(int64(it.R.Span.Start))
		e.int(int64(it.R.Span.End))
		e.source(&it.R.Source)
	}
	return e.b
}

func decodeItem(b []byte) (item, error) {
	var it item
	if len(b) == 0 {
		return it, errShort
	}
	it.Kind = b[0]
	d := dec{b: b[1:]}
	it.Role = int(d.int())
	it.Seq = d.int()
	switch it.Kind {
	case kindDoc:
		it.File = int(d.int())
		it.Line = int(d.int())
		it.Text = d.str()
	case kindMention:
		it.M = d.mention()
	case kindRegion:
		it.R.DocID = d.str()
		it.R.Span = corpus.Span{Start: int(d.int()), End: int(d.int())}
		it.R.Source = d.source()
	}
	return it, d.err
}

// scored is a document scored: its case (none when it is not scored)
// and its tally, encoded (eval's types hold interfaces, which Beam does
// not take as element types). Pos -1 marks the empty element that makes
// a shard exist.
type scored struct {
	Pos  int64
	Data []byte
}

// newScored encodes a scored document.
func newScored(pos int64, c *eval.Case, t *eval.Tally) scored {
	e := enc{b: make([]byte, 0, 256)}
	e.bool(c != nil)
	if c != nil {
		e.kase(c)
	}
	e.tally(t)
	return scored{Pos: pos, Data: e.b}
}

// open decodes a scored document.
func (s scored) open() (*eval.Case, eval.Tally, error) {
	d := dec{b: s.Data}
	var c *eval.Case
	if d.bool() {
		c = d.kase()
	}
	t := d.tally()
	return c, t, d.err
}

func encodeScored(s scored) []byte {
	e := enc{b: make([]byte, 0, 16+len(s.Data))}
	e.int(s.Pos)
	e.uint(uint64(len(s.Data)))
	e.b = append(e.b, s.Data...)
	return e.b
}

func decodeScored(b []byte) (scored, error) {
	d := dec{b: b}
	var s scored
	s.Pos = d.int()
	n := d.len()
	if d.err == nil {
		s.Data = d.b[:n:n]
	}
	return s, d.err
}

// predDoc is one document's predictions by one system, to write. Pos -1
// marks the empty element that makes a file exist.
type predDoc struct {
	Pos      int64
	Mentions []corpus.Mention
}

func encodePredDoc(p predDoc) []byte {
	e := enc{b: make([]byte, 0, 64)}
	e.int(p.Pos)
	e.mentions(p.Mentions, false)
	return e.b
}

func decodePredDoc(b []byte) (predDoc, error) {
	d := dec{b: b}
	var p predDoc
	p.Pos = d.int()
	p.Mentions = d.mentions()
	return p, d.err
}

// The kinds of problem.
const (
	probNone      uint8 = iota // nothing: makes the combination exist
	probInput                  // a problem in the gold, the predictions or the scope
	probCorpus                 // a problem in the corpus, which stops all else
	probUncovered              // predictions for a document the gold does not cover
)

// problem is something wrong that a worker found, for the driver to
// report: a problem at a position in a file, or a system's predictions
// for a document the gold does not cover.
type problem struct {
	Kind    uint8
	Rank    int // the file's place in the order of the inputs, for sorting
	File    string
	Line    int
	Col     int
	Field   string
	Msg     string
	Warning bool
	System  int    // probUncovered: the system
	Count   int    // probUncovered: its predictions
	DocID   string // probUncovered: the document
}

// fromProblem returns p as a problem of kind, ranked by ranks.
func fromProblem(kind uint8, p *corpus.Problem, ranks map[string]int) problem {
	r, ok := ranks[p.File]
	if !ok {
		r = len(ranks)
	}
	msg := ""
	if p.Err != nil {
		msg = p.Err.Error()
	}
	return problem{Kind: kind, Rank: r, File: p.File, Line: p.Line, Col: p.Col, Field: p.Field, Msg: msg, Warning: p.Warning}
}

// corpusProblem returns p again.
func (p problem) corpusProblem() *corpus.Problem {
	return &corpus.Problem{File: p.File, Line: p.Line, Col: p.Col, Field: p.Field, Err: msgError(p.Msg), Warning: p.Warning}
}

// msgError is an error that is its message.
type msgError string

func (e msgError) Error() string { return string(e) }

// The small elements are JSON. (Generic coders would share one symbol
// name, which remote workers look functions up by.)

func encodeProblem(v problem) ([]byte, error) { return json.Marshal(v) }
func decodeProblem(b []byte) (v problem, err error) {
	err = json.Unmarshal(b, &v)
	return v, err
}

func encodeSummary(v summary) ([]byte, error) { return json.Marshal(v) }
func decodeSummary(b []byte) (v summary, err error) {
	err = json.Unmarshal(b, &v)
	return v, err
}

func encodeFileRef(v fileRef) ([]byte, error) { return json.Marshal(v) }
func decodeFileRef(b []byte) (v fileRef, err error) {
	err = json.Unmarshal(b, &v)
	return v, err
}

func init() {
	beam.RegisterCoder(reflect.TypeFor[item](), encodeItem, decodeItem)
	beam.RegisterCoder(reflect.TypeFor[scored](), encodeScored, decodeScored)
	beam.RegisterCoder(reflect.TypeFor[predDoc](), encodePredDoc, decodePredDoc)
	beam.RegisterCoder(reflect.TypeFor[problem](), encodeProblem, decodeProblem)
	beam.RegisterCoder(reflect.TypeFor[summary](), encodeSummary, decodeSummary)
	beam.RegisterCoder(reflect.TypeFor[fileRef](), encodeFileRef, decodeFileRef)
}
