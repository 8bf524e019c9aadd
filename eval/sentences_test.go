package eval_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// TestCaseSentences: resampling sentences takes a case's own sentences
// when it has them (a CoNLL file's), not those found in the text.
func TestCaseSentences(t *testing.T) {
	doc := corpus.Doc{ID: "d", Text: "Ada left . Bob came\nCarl stayed"} // the text has 3 sentences, the file 2
	gold := []corpus.Mention{{DocID: "d", Span: corpus.Span{Start: 0, End: 3}, Label: "PERSON", Text: "Ada"}, {DocID: "d", Span: corpus.Span{Start: 20, End: 24}, Label: "PERSON", Text: "Carl"}}
	for _, tc := range []struct {
		sentences []corpus.Span
		want      []string
	}{
		{nil, []string{"d#1", "d#2", "d#3"}},
		{[]corpus.Span{{Start: 0, End: 19}, {Start: 20, End: 31}}, []string{"d#1", "d#2"}},
	} {
		cases := func(yield func(eval.Case, error) bool) {
			yield(eval.Case{Doc: doc, Gold: gold, Pred: [][]corpus.Mention{gold[:1]}, Sentences: tc.sentences}, nil)
		}
		r, err := eval.ScoreCases(context.Background(), cases, []string{"s"}, eval.Setup{Unit: eval.Sentences, KeepDocs: true})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range r.Systems[0].Sentences {
			got = append(got, s.DocID)
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("sentences %v: resampled %v, want %v", tc.sentences, got, tc.want)
		}
	}
}
