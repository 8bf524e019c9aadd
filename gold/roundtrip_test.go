package gold_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/gold/brat"
	"github.com/exbench/exbench/gold/conll"
	"github.com/exbench/exbench/gold/jsonl"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
)

// TestBuiltinRoundTrips converts the bundled gold from CSV to each format
// and back.
func TestBuiltinRoundTrips(t *testing.T) {
	c := corpus.Builtin()
	ms := gold.Builtin()
	var want bytes.Buffer
	if err := gold.Write(&want, ms); err != nil {
		t.Fatal(err)
	}
	check := func(format string, got []corpus.Mention, docs []corpus.Doc) {
		t.Helper()
		if diff := cmp.Diff(c.Docs, docs); diff != "" {
			t.Errorf("CSV → %s → CSV: documents (-want +got):\n%s", format, diff)
		}
		var buf bytes.Buffer
		if err := gold.Write(&buf, got); err != nil {
			t.Fatal(err)
		}
		f, err := gold.Read(buf.Bytes(), format+".csv")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), buf.String()); diff != "" {
			t.Errorf("CSV → %s → CSV (-want +got):\n%s", format, diff)
		}
		sorted := append([]corpus.Mention(nil), ms...)
		corpus.Sort(sorted)
		if diff := cmp.Diff(sorted, f, marks.CmpMentions...); diff != "" {
			t.Errorf("CSV → %s → CSV mentions (-want +got):\n%s", format, diff)
		}
		t.Logf("CSV → %s → CSV: %d mentions of %d documents, the same in every field", format, len(f), len(docs))
	}

	var js bytes.Buffer
	if err := jsonl.Write(&js, c.Docs, ms); err != nil {
		t.Fatal(err)
	}
	a, err := jsonl.Read(&js, "builtin.jsonl", gold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	check("JSONL", a.Mentions, a.Docs)

	dir := t.TempDir()
	if err := brat.Write(dir, c.Docs, ms); err != nil {
		t.Fatal(err)
	}
	if a, err = brat.Read(dir, gold.Options{}); err != nil {
		t.Fatal(err)
	}
	check("brat", a.Mentions, a.Docs) // file-name order is the corpus order here

	for _, scheme := range []conll.TagScheme{conll.IOB2, conll.IOBES} {
		var buf bytes.Buffer
		written, dropped, err := conll.Write(&buf, c.Docs, ms, scheme)
		if err != nil {
			t.Fatal(err)
		}
		a, err := conll.ReadTags(&buf, "builtin.conll", scheme, gold.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Docs) != len(c.Docs) || written != len(ms) || dropped != 0 || len(a.Mentions) != len(ms) || a.Skipped != 0 {
			t.Fatalf("CSV → CoNLL (%s) → CSV: %d documents, %d mentions written, %d dropped, %d read, %d skipped; want %d, %d, 0, %d, 0",
				scheme, len(a.Docs), written, dropped, len(a.Mentions), a.Skipped, len(c.Docs), len(ms), len(ms))
		}
		// The documents in order, each one's mentions in order.
		byDoc := map[string][]corpus.Mention{}
		for _, m := range ms {
			byDoc[m.DocID] = append(byDoc[m.DocID], m)
		}
		k, numbers := 0, 0
		for i, d := range c.Docs {
			orig := byDoc[d.ID]
			corpus.Sort(orig)
			for _, m := range orig {
				got := a.Mentions[k]
				k++
				if got.DocID != a.Docs[i].ID || got.Label != m.Label || noSpace(got.Text) != noSpace(m.Text) {
					t.Errorf("CSV → CoNLL (%s) → CSV: %s %s %q came back as %s %s %q", scheme, m.DocID, m.Label, m.Text, got.DocID, got.Label, got.Text)
				}
				if m.Label.Numeric() && (!m.Value.IsZero() || m.Modifier != "" || m.Unit != "") {
					numbers++
				}
			}
		}
		t.Logf("CSV → CoNLL (%s) → CSV: %d of %d mentions back with their labels and texts up to white space; %d lose value, modifier or unit",
			scheme, len(a.Mentions), len(ms), numbers)
	}
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
