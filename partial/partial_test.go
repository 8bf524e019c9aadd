package partial

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/google/go-cmp/cmp"
)

// cases are two documents with every kind of mention field set.
func cases() []eval.Case {
	gold := []corpus.Mention{
		{DocID: "a", Span: corpus.Span{Start: 0, End: 3}, Label: corpus.CARDINAL, Text: "300", Value: corpus.NewValue(300), Modifier: corpus.Modifier("more_than")},
		{DocID: "a", Span: corpus.Span{Start: 4, End: 14}, Label: corpus.MONEY, Text: "$5 million", Value: corpus.NewValue(5e6), Unit: "USD", Alts: []corpus.Span{{Start: 5, End: 14}}},
		{DocID: "a", Span: corpus.Span{Start: 15, End: 16}, Label: corpus.CARDINAL, Text: "0", Value: corpus.NewValue(0)},
	}
	pred := []corpus.Mention{
		{DocID: "a", Span: corpus.Span{Start: 0, End: 3}, Label: corpus.CARDINAL, Text: "300", Value: corpus.NewValue(300), Score: 0.25, HasScore: true},
		{DocID: "a", Span: corpus.NoSpan, Label: corpus.PERSON, Text: "Ada"},
	}
	return []eval.Case{
		{Doc: corpus.Doc{ID: "a", Text: "300 $5 million 0 Ada"}, Pos: 2, Gold: gold, Pred: [][]corpus.Mention{pred, nil},
			DontCare:  []corpus.Mention{{DocID: "a", Span: corpus.Span{Start: 17, End: 20}, Label: "MISC", Text: "Ada"}},
			Sentences: []corpus.Span{{Start: 0, End: 20}}},
		{Doc: corpus.Doc{ID: "b", Text: ""}, Pos: 5, Pred: [][]corpus.Mention{nil, {}}},
	}
}

func tally() *eval.Tally {
	return &eval.Tally{Docs: 2, Cases: 2, GoldOutOfScope: 1, Systems: []eval.SystemTally{
		{OutOfScope: map[corpus.Label]int{corpus.GPE: 2}, Uncovered: []string{"z"}, Skipped: 3, Unplaced: 1},
		{NotFound: 1, NotFoundSome: []string{"b: Bo (PERSON)"}},
	}, Warnings: corpus.Problems{{File: "g.csv", Line: 3, Col: 2, Field: "label", Err: errors.New("odd"), Warning: true}}, MoreWarnings: 4}
}

func write(t *testing.T, h Header, cs []eval.Case, gold string, tl *eval.Tally) []byte {
	t.Helper()
	var b bytes.Buffer
	w, err := NewWriter(&b, h)
	if err != nil {
		t.Fatal(err)
	}
	for i := range cs {
		if err := w.Add(&cs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(gold, tl); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestRoundTrip writes cases and a tally and reads them back the same.
func TestRoundTrip(t *testing.T) {
	h := Header{Version: "v", Options: "o", Args: []string{"-ci=true"}, Systems: []string{"x", "y"}, Shard: 2, Shards: 3, GoldArg: "builtin"}
	b := write(t, h, cases(), "g1", tally())
	r, err := NewReader(bytes.NewReader(b), "p")
	if err != nil {
		t.Fatal(err)
	}
	h.Format = Format
	if diff := cmp.Diff(h, r.Header); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	var got []eval.Case
	for c, err := range r.Cases() {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, c)
	}
	opt := cmp.Comparer(func(a, b corpus.Value) bool { return a == b })
	errs := cmp.Comparer(func(a, b error) bool { return a.Error() == b.Error() })
	want := cases()
	want[1].Pred[1] = nil // an empty list reads back as none
	if diff := cmp.Diff(want, got, opt); diff != "" {
		t.Errorf("cases (-want +got):\n%s", diff)
	}
	gold, tl, err := r.End()
	if err != nil || gold != "g1" {
		t.Fatalf("End: %q, %v", gold, err)
	}
	if diff := cmp.Diff(tally(), tl, errs); diff != "" {
		t.Errorf("tally (-want +got):\n%s", diff)
	}
}

// TestWriterRefuses checks cases out of order and of the wrong number of
// systems.
func TestWriterRefuses(t *testing.T) {
	w, _ := NewWriter(&bytes.Buffer{}, Header{Systems: []string{"x", "y"}})
	cs := cases()
	if err := w.Add(&cs[1]); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(&cs[0]); err == nil || !strings.Contains(err.Error(), `document "a" at position 2 comes after position 5`) {
		t.Errorf("out of order: %v", err)
	}
	cs[0].Pos = 9
	cs[0].Pred = cs[0].Pred[:1]
	if err := w.Add(&cs[0]); err == nil || !strings.Contains(err.Error(), "predictions of 1 systems, not 2") {
		t.Errorf("one system: %v", err)
	}
}

// TestMerge merges two parts into corpus order and sums their tallies,
// and refuses a document twice and two golds.
func TestMerge(t *testing.T) {
	h := Header{Systems: []string{"x", "y"}}
	cs := cases()
	c3 := eval.Case{Doc: corpus.Doc{ID: "c", Text: "c"}, Pos: 3, Pred: [][]corpus.Mention{nil, nil}}
	p1 := write(t, h, []eval.Case{cs[0], cs[1]}, "g", tally())
	p2 := write(t, h, []eval.Case{c3}, "g", tally())
	open := func(b []byte, name string) *Reader {
		r, err := NewReader(bytes.NewReader(b), name)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	var tl eval.Tally
	var ids []string
	for c, err := range Merge([]*Reader{open(p1, "p1"), open(p2, "p2")}, &tl) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.Doc.ID)
	}
	if want := []string{"a", "c", "b"}; !cmp.Equal(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
	if tl.Cases != 4 || tl.Systems[0].Skipped != 6 || tl.Systems[0].OutOfScope[corpus.GPE] != 4 || len(tl.Warnings) != 1 || len(tl.Systems[1].NotFoundSome) != 2 {
		t.Errorf("tally %+v", tl)
	}

	mergeErr := func(ps ...*Reader) error {
		var tl eval.Tally
		for _, err := range Merge(ps, &tl) {
			if err != nil {
				return err
			}
		}
		return nil
	}
	if err := mergeErr(open(p1, "p1"), open(p1, "p1b")); err == nil || err.Error() != `document "a" is in p1 and in p1b: merge each part once` {
		t.Errorf("twice: %v", err)
	}
	other := write(t, h, []eval.Case{c3}, "g2", tally())
	if err := mergeErr(open(p1, "p1"), open(other, "o")); err == nil || !strings.Contains(err.Error(), "p1 and o were scored against different golds") {
		t.Errorf("two golds: %v", err)
	}
	c3.Doc.ID = "d"
	c3.Pos = 2
	moved := write(t, h, []eval.Case{c3}, "g", tally())
	if err := mergeErr(open(p1, "p1"), open(moved, "m")); err == nil || !strings.Contains(err.Error(), "both have a document at position 2") {
		t.Errorf("two corpora: %v", err)
	}
}

// FuzzRead reads arbitrary bytes as a partial: an error or cases, never
// a panic.
func FuzzRead(f *testing.F) {
	t := &testing.T{}
	good := write(t, Header{Systems: []string{"x", "y"}}, cases(), "g", tally())
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte{})
	f.Add([]byte("exbench partial result"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := NewReader(bytes.NewReader(b), "f")
		if err != nil {
			return
		}
		for _, err := range r.Cases() {
			if err != nil {
				return
			}
		}
		if _, _, err := r.End(); err != nil {
			t.Fatalf("all cases read without error, but End: %v", err)
		}
	})
}
