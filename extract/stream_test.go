package extract

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

func TestStreamOrderAndErrors(t *testing.T) {
	c := testCorpus(t, 30)
	each := c.All()
	e := &capitals{label: corpus.PERSON}
	want, err := Run(context.Background(), e, c, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]corpus.Mention
	var ids []string
	_, err = Stream(context.Background(), e, each, func(d corpus.Doc, ms []corpus.Mention, _ time.Duration) error {
		ids = append(ids, d.ID)
		got = append(got, ms)
		return nil
	}, Options{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want.Mentions, got, cmp.AllowUnexported(corpus.Value{})); diff != "" {
		t.Errorf("Stream differs from Run (-run +stream):\n%s", diff)
	}
	for i, id := range ids {
		if id != c.Docs[i].ID {
			t.Fatalf("document %d emitted as %s", i, id)
		}
	}

	_, err = Stream(context.Background(), &failing{on: "d07"}, each, func(corpus.Doc, []corpus.Mention, time.Duration) error { return nil }, Options{Workers: 3})
	if err == nil || err.Error() != `extractor capitals-: document "d07": model exploded` {
		t.Errorf("Stream with a failing document = %v", err)
	}
	stop := errors.New("disk full")
	n := 0
	_, err = Stream(context.Background(), e, each, func(corpus.Doc, []corpus.Mention, time.Duration) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	}, Options{Workers: 3})
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("Stream with a failing emit = %v after %d", err, n)
	}
	bad := func(yield func(corpus.Doc, error) bool) {
		_ = yield(c.Docs[0], nil) && yield(corpus.Doc{}, fmt.Errorf("bad document")) && yield(c.Docs[1], nil) && yield(corpus.Doc{}, fmt.Errorf("worse document"))
	}
	st, err := Stream(context.Background(), e, bad, func(corpus.Doc, []corpus.Mention, time.Duration) error { return nil }, Options{})
	if err == nil || err.Error() != "bad document\nworse document" || st.Docs != 2 {
		t.Errorf("Stream with bad documents = %v after %d documents, want both problems after the 2 good ones", err, st.Docs)
	}
}

// TestStreamDuplicates: a mention with the span and label of an earlier
// one of its document is dropped and counted; the same span with another
// label, or the same label on another span, is kept.
func TestStreamDuplicates(t *testing.T) {
	span := func(s, e int) corpus.Span { return corpus.Span{Start: s, End: e} }
	e := fixed{name: "dups", ms: []corpus.Mention{
		{Span: span(4, 7), Label: corpus.PERSON},
		{Span: span(0, 3), Label: corpus.PERSON},
		{Span: span(4, 7), Label: corpus.PERSON}, // dropped
		{Span: span(4, 7), Label: corpus.ORG},
		{Span: span(0, 3), Label: corpus.PERSON}, // dropped
		{Span: span(0, 7), Label: corpus.PERSON},
	}}
	c, err := corpus.New("c", []corpus.Doc{{ID: "a", Text: "Ada met Bob"}, {ID: "b", Text: "Bob met Ada"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	st, err := Stream(context.Background(), e, c.All(), func(d corpus.Doc, ms []corpus.Mention, _ time.Duration) error {
		for _, m := range ms {
			got = append(got, fmt.Sprintf("%s %s %s %s", d.ID, m.Span, m.Label, m.Text))
		}
		return nil
	}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"a 4:7 PERSON met", "a 0:3 PERSON Ada", "a 4:7 ORG met", "a 0:7 PERSON Ada met",
		"b 4:7 PERSON met", "b 0:3 PERSON Bob", "b 4:7 ORG met", "b 0:7 PERSON Bob met",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	if st.Duplicates != 4 || st.Mentions != 8 {
		t.Errorf("Stats: %d duplicates, %d mentions; want 4 and 8", st.Duplicates, st.Mentions)
	}
}
