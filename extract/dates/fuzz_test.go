package dates

import (
	"testing"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
)

// FuzzFind checks that Find never panics and that its mentions are well
// formed: spans inside the text, in code points, Text equal to the text
// at the span, sorted, not overlapping, DATE or TIME with no number.
func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		text, _ := marks.MustParse("", tc.marked)
		f.Add(text)
	}
	for _, table := range [][]string{clockCases, monthCases, numericCases, durationCases, edgeCases, holidayCases,
		quarterCases, dayPartCases, setCases, spelledYearCases, oneMentionCases, negativeCases} {
		for _, marked := range table {
			text, _ := marks.MustParse("", marked)
			f.Add(text)
		}
	}
	for _, d := range corpus.Builtin().Docs {
		f.Add(d.Text)
	}
	f.Add("\xff\xfe7 April\xc3 2016 17:53")
	f.Add("April 7,\u00a02016 at 5 p.m\u2028noon on\u0085Monday")
	f.Add("Q4-2021 H2 FY 2020 - 9-5pm to 8p 14h 2021-Sep- St. New Year’ Eid al- nineteen oh")
	f.Fuzz(func(t *testing.T, text string) {
		ms := Find(text)
		x := corpus.NewIndex(text)
		n := utf8.RuneCountInString(text)
		prev := 0
		for i, m := range ms {
			if m.Span.Start < prev || m.Span.Start >= m.Span.End || m.Span.End > n {
				t.Fatalf("Find(%q): mention %d at %v: out of range, empty, unsorted or overlapping (previous ends at %d, text has %d code points)", text, i, m.Span, prev, n)
			}
			prev = m.Span.End
			if got, ok := x.Slice(m.Span); !ok || got != m.Text {
				t.Fatalf("Find(%q): mention %d at %v has Text %q, but the text there is %q", text, i, m.Span, m.Text, got)
			}
			if m.Label != corpus.DATE && m.Label != corpus.TIME {
				t.Fatalf("Find(%q): mention %d has label %q", text, i, m.Label)
			}
			if _, err := corpus.ParseValue(m.Value.String()); err != nil || !m.Value.IsZero() || m.Modifier != "" || m.Unit != "" {
				t.Fatalf("Find(%q): mention %d has number columns %q %q %q (%v)", text, i, m.Value, m.Modifier, m.Unit, err)
			}
			if m.DocID != "" {
				t.Fatalf("Find(%q): mention %d has DocID %q", text, i, m.DocID)
			}
		}
	})
}
