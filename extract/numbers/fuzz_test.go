package numbers

import (
	"slices"
	"testing"

	"github.com/exbench/exbench/corpus"
)

func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.marked) // marks and all: odd text is good fuzz input
	}
	for _, d := range corpus.Builtin().Docs {
		f.Add(d.Text)
	}
	for _, s := range []string{"", "1", "$", "$$5", "5-", "-5", "1,", "1.", "1,000,", "9999999999999999999999", "0.0000000000000000001",
		"between 1 and", "half a", "a few", "tens of", "5km\xff", "\xff5\xfe", "€", "5 km ²", "US$", "USD", "the one", "one-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := Find(text)
		x := corpus.NewIndex(text)
		for i, m := range ms {
			got, ok := x.Slice(m.Span)
			if !ok || got != m.Text {
				t.Fatalf("Find(%q): mention %d at %v has Text %q, the text there is %q (in range: %v)", text, i, m.Span, m.Text, got, ok)
			}
			if m.Span.Len() == 0 {
				t.Fatalf("Find(%q): mention %d at %v is empty", text, i, m.Span)
			}
			if i > 0 && ms[i-1].Span.End > m.Span.Start {
				t.Fatalf("Find(%q): mentions %d (%v) and %d (%v) overlap or are out of order", text, i-1, ms[i-1].Span, i, m.Span)
			}
			if !m.Label.Numeric() {
				t.Fatalf("Find(%q): mention %d has label %s", text, i, m.Label)
			}
			if v, err := corpus.ParseValue(m.Value.String()); err != nil || !v.Equal(m.Value) {
				t.Fatalf("Find(%q): mention %d value %q does not parse back: %v", text, i, m.Value, err)
			}
			if _, ok := corpus.ParseModifier(string(m.Modifier)); !ok {
				t.Fatalf("Find(%q): mention %d has modifier %q", text, i, m.Modifier)
			}
			if (m.Unit != "") != m.Label.HasUnit() {
				t.Fatalf("Find(%q): mention %d %s has unit %q", text, i, m.Label, m.Unit)
			}
		}
		if !slices.IsSortedFunc(ms, corpus.Compare) {
			t.Fatalf("Find(%q): mentions not sorted", text)
		}
	})
}
