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
	for _, class := range classCases {
		for _, marked := range class.cases {
			f.Add(marked)
		}
	}
	for _, d := range corpus.Builtin().Docs {
		f.Add(d.Text)
	}
	for _, s := range []string{"", "1", "$", "$$5", "5-", "-5", "1,", "1.", "1,000,", "9999999999999999999999", "0.0000000000000000001",
		"between 1 and", "half a", "a few", "tens of", "5km\xff", "\xff5\xfe", "€", "5 km ²", "US$", "USD", "the one", "one-",
		"-", "−", "-.", ".5", "-$", "−£.5", "minus", "minus minus 5", "negative -5", "point", "point five point",
		"1e", "1e+", "1e999", "9e300", "1.5e-400", "5 × 10^", "5 x 10^-999", "1/0", "0/0", "3/", "/8", "4 1/", "4½½",
		"½", "a ½", "45,67,", "1,23,45", "1 000 ", "1\u2009000\u2009", "1\u00a0", "two and a", "and a half",
		"a couple of", "a pair", "half past", "a quarter to", "nineteen oh", "twenty twenty", "seven hundred, and",
		"a hundred,", "20 thousand million billion trillion", "nine trillion trillion", "three score and",
		"999999999999999 trillion trillion", "on the", "the 19th", "2.5G", "5G", "3mil", "12 lakh crore"} {
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
