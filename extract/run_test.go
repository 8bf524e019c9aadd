package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// capitals tags each capitalised word as label, after sleeping for a
// time that depends on the document, so documents finish out of order.
type capitals struct {
	label corpus.Label
	calls atomic.Int32
}

func (c *capitals) Name() string    { return "capitals-" + strings.ToLower(string(c.label)) }
func (c *capitals) Version() string { return "1" }
func (c *capitals) Extract(ctx context.Context, d corpus.Doc) ([]corpus.Mention, error) {
	c.calls.Add(1)
	time.Sleep(time.Duration(len(d.Text)%7) * time.Millisecond)
	var ms []corpus.Mention
	runes := []rune(d.Text)
	for i := 0; i < len(runes); {
		if !unicode.IsUpper(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) && unicode.IsLetter(runes[j]) {
			j++
		}
		ms = append(ms, corpus.Mention{DocID: d.ID, Span: corpus.Span{Start: i, End: j}, Label: c.label, Text: string(runes[i:j])})
		i = j
	}
	return ms, nil
}

func testCorpus(t *testing.T, n int) *corpus.Corpus {
	t.Helper()
	var docs []corpus.Doc
	for i := range n {
		docs = append(docs, corpus.Doc{ID: fmt.Sprintf("d%02d", i), Text: strings.Repeat("x", i) + " “Ada” met Bob in Dmeir"})
	}
	c, err := corpus.New("test", docs)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRunOrder(t *testing.T) {
	c := testCorpus(t, 20)
	e := &capitals{label: corpus.PERSON}
	one, err := Run(context.Background(), e, c, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	var progress []int
	many, err := Run(context.Background(), e, c, Options{Workers: 8, Progress: func(done int) { progress = append(progress, done) }})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(one.Mentions, many.Mentions, cmp.AllowUnexported(corpus.Value{})); diff != "" {
		t.Errorf("8 workers gave another result than 1 (-one +many):\n%s", diff)
	}
	if len(progress) != 20 || progress[19] != 20 {
		t.Errorf("progress calls %v, want 1 to 20", progress)
	}
	for i, ms := range many.Mentions {
		if len(ms) != 3 || ms[0].DocID != c.Docs[i].ID || ms[0].Text != "Ada" {
			t.Errorf("document %d: %v", i, ms)
		}
		if many.Durations[i] <= 0 {
			t.Errorf("document %d: no duration", i)
		}
	}
	if many.Name != "capitals-person" || many.Version != "1" || len(many.All()) != 60 {
		t.Errorf("result %s %s with %d mentions", many.Name, many.Version, len(many.All()))
	}
}

type failing struct {
	capitals
	on   string
	bad  func(*corpus.Mention)
	hang bool
}

func (f *failing) Extract(ctx context.Context, d corpus.Doc) ([]corpus.Mention, error) {
	if d.ID != f.on {
		return f.capitals.Extract(ctx, d)
	}
	if f.hang {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	if f.bad == nil {
		return nil, errors.New("model exploded")
	}
	ms, _ := f.capitals.Extract(ctx, d)
	f.bad(&ms[0])
	return ms, nil
}

func TestRunErrors(t *testing.T) {
	c := testCorpus(t, 6)
	for _, tc := range []struct {
		name string
		e    *failing
		want string
	}{
		{"extractor error", &failing{on: "d03"}, `extractor capitals-: document "d03": model exploded`},
		{"span past the end", &failing{on: "d02", bad: func(m *corpus.Mention) { m.Span.End = 99 }}, `extractor capitals-: document "d02": mention 0: span 4:99 is not within the text (length 25)`},
		{"wrong text", &failing{on: "d02", bad: func(m *corpus.Mention) { m.Text = "Eve" }}, `extractor capitals-: document "d02": mention 0: text "Eve", but the document has "Ada" at 4:7`},
		{"wrong document", &failing{on: "d01", bad: func(m *corpus.Mention) { m.DocID = "d00" }}, `extractor capitals-: document "d01": mention 0: doc_id "d00"`},
		{"empty span", &failing{on: "d01", bad: func(m *corpus.Mention) { m.Span.End = m.Span.Start }}, `extractor capitals-: document "d01": mention 0: span 3:3 is not within the text (length 24)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Run(context.Background(), tc.e, c, Options{Workers: 3})
			if err == nil || err.Error() != tc.want || r != nil {
				t.Errorf("Run = %v, %v; want no result and %s", r, err, tc.want)
			}
		})
	}
}

func TestRunCanceled(t *testing.T) {
	c := testCorpus(t, 50)
	ctx, cancel := context.WithCancel(context.Background())
	e := &failing{on: "d05", hang: true}
	time.AfterFunc(20*time.Millisecond, cancel)
	r, err := Run(ctx, e, c, Options{Workers: 2})
	if !errors.Is(err, context.Canceled) || r != nil {
		t.Errorf("Run = %v, %v; want context.Canceled", r, err)
	}
	if n := e.calls.Load(); n >= 50 {
		t.Errorf("%d documents started after cancel, want the run to stop early", n)
	}
}

func TestCombine(t *testing.T) {
	text, want := marks.MustParse("d", "⟦Ada Lovelace|PERSON⟧ met ⟦Bob|ORG⟧ in ⟦Dmeir|GPE⟧")
	d := corpus.Doc{ID: "d", Text: text}
	people := fixed{name: "people", ms: []corpus.Mention{
		{DocID: "d", Span: corpus.Span{Start: 0, End: 3}, Label: corpus.PERSON, Text: "Ada"},
		{DocID: "d", Span: corpus.Span{Start: 17, End: 20}, Label: corpus.PERSON, Text: "Bob"},
	}}
	orgs := fixed{name: "orgs", ms: []corpus.Mention{
		{DocID: "d", Span: corpus.Span{Start: 0, End: 12}, Label: corpus.PERSON, Text: "Ada Lovelace"}, // longer: wins over "Ada"
		{DocID: "d", Span: corpus.Span{Start: 17, End: 20}, Label: corpus.ORG, Text: "Bob"},            // same length: people listed first wins...
		{DocID: "d", Span: corpus.Span{Start: 24, End: 29}, Label: corpus.GPE, Text: "Dmeir"},
	}}
	// ...unless orgs is listed first.
	got, err := Combine(orgs, people).Extract(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(corpus.Value{}), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Combine(orgs, people) (-want +got):\n%s", diff)
	}
	got, _ = Combine(people, orgs).Extract(context.Background(), d)
	if got[1].Label != corpus.PERSON {
		t.Errorf("Combine(people, orgs): Bob is %s, want PERSON from the first extractor", got[1].Label)
	}
	c := Combine(people, orgs)
	if c.Name() != "people+orgs" || c.Version() != "people@1+orgs@1" {
		t.Errorf("Name, Version = %q, %q", c.Name(), c.Version())
	}
}

type fixed struct {
	name string
	ms   []corpus.Mention
}

func (f fixed) Name() string    { return f.name }
func (f fixed) Version() string { return "1" }
func (f fixed) Extract(context.Context, corpus.Doc) ([]corpus.Mention, error) {
	return append([]corpus.Mention(nil), f.ms...), nil
}

func TestFromFunc(t *testing.T) {
	e := FromFunc("caps", "caps/1", func(text string) []corpus.Mention {
		return []corpus.Mention{{Span: corpus.Span{Start: 0, End: 3}, Label: corpus.PERSON, Text: text[:3]}}
	})
	ms, err := e.Extract(context.Background(), corpus.Doc{ID: "d", Text: "Ada met Bob"})
	if err != nil || len(ms) != 1 || ms[0].DocID != "d" || e.Name() != "caps" || e.Version() != "caps/1" {
		t.Errorf("Extract = %v, %v; name %q, version %q", ms, err, e.Name(), e.Version())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Extract(ctx, corpus.Doc{ID: "d", Text: "Ada"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Extract on a canceled context = %v", err)
	}
}
