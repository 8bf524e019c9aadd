package eval

import (
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
)

// altSpan returns the span of the one mark in marked.
func altSpan(t *testing.T, marked string) corpus.Span {
	t.Helper()
	_, ms := marks.MustParse("d", marked)
	if len(ms) != 1 {
		t.Fatalf("want one mark in %q", marked)
	}
	return ms[0].Span
}

// TestAlternatives scores predictions against gold mentions with and
// without an alternative span, under every scheme.
func TestAlternatives(t *testing.T) {
	for _, tc := range []struct {
		name, gold, alt, pred string
		want                  map[Scheme]Counts
	}{
		{
			name: "money without its sign",
			gold: "paid ⟦$5 million|MONEY|5000000||USD⟧ in ransom", alt: "paid $⟦5 million|MONEY⟧ in ransom",
			pred: "paid $⟦5 million|MONEY|5000000||USD⟧ in ransom",
			want: map[Scheme]Counts{Strict: c(1, 0, 0, 0, 0), Exact: c(1, 0, 0, 0, 0), Partial: c(1, 0, 0, 0, 0), Type: c(1, 0, 0, 0, 0), Value: c(1, 0, 0, 0, 0)},
		},
		{
			name: "no alternative",
			gold: "paid ⟦$5 million|MONEY|5000000||USD⟧ in ransom",
			pred: "paid $⟦5 million|MONEY|5000000||USD⟧ in ransom",
			want: map[Scheme]Counts{Strict: c(0, 1, 0, 0, 0), Exact: c(0, 1, 0, 0, 0), Partial: c(0, 0, 1, 0, 0), Type: c(1, 0, 0, 0, 0), Value: c(1, 0, 0, 0, 0)},
		},
		{
			// The span may be the alternative, but the number is the
			// mention's: 300 without "more than" is still misread.
			name: "number without its modifier",
			gold: "⟦more than 300|CARDINAL|300|>⟧ workers", alt: "more than ⟦300|CARDINAL⟧ workers",
			pred: "more than ⟦300|CARDINAL|300⟧ workers",
			want: map[Scheme]Counts{Strict: c(1, 0, 0, 0, 0), Exact: c(1, 0, 0, 0, 0), Partial: c(1, 0, 0, 0, 0), Type: c(1, 0, 0, 0, 0), Value: c(0, 1, 0, 0, 0)},
		},
		{
			// The alternative fits the prediction's span, not its label.
			name: "other label",
			gold: "in ⟦Deir ez-Zor province|GPE⟧ today", alt: "in ⟦Deir ez-Zor|GPE⟧ province today",
			pred: "in ⟦Deir ez-Zor|LOC⟧ province today",
			want: map[Scheme]Counts{Strict: c(0, 1, 0, 0, 0), Exact: c(1, 0, 0, 0, 0), Partial: c(1, 0, 0, 0, 0), Type: c(0, 1, 0, 0, 0)},
		},
		{
			// Nothing fits the alternative better: the mention keeps its span.
			name: "main span fits better",
			gold: "in ⟦Deir ez-Zor province|GPE⟧ today", alt: "in ⟦Deir ez-Zor|GPE⟧ province today",
			pred: "in ⟦Deir ez-Zor province|GPE⟧ today",
			want: map[Scheme]Counts{Strict: c(1, 0, 0, 0, 0), Exact: c(1, 0, 0, 0, 0), Partial: c(1, 0, 0, 0, 0), Type: c(1, 0, 0, 0, 0)},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, gold, pred := doc(t, tc.gold, tc.pred)
			if tc.alt != "" {
				gold[0].Alts = []corpus.Span{altSpan(t, tc.alt)}
			}
			r := NewScorer(Options{}).Score(d, gold, pred)
			for sc, want := range tc.want {
				if got := r.Micro(sc); got != want {
					t.Errorf("%s: %+v, want %+v", sc, got, want)
				}
			}
			if len(gold[0].Alts) > 0 && gold[0].Span == altSpan(t, tc.alt) {
				t.Error("Score changed its input")
			}
		})
	}
}
