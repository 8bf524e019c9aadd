package marks

import (
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	text, ms, err := Parse("d", "“⟦Ada|PERSON⟧” saw ⟦more than 300|CARDINAL|300|>⟧ in ⟦Dmeir|GPE⟧")
	if err != nil {
		t.Fatal(err)
	}
	if want := "“Ada” saw more than 300 in Dmeir"; text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
	want := []corpus.Mention{
		{DocID: "d", Span: corpus.Span{Start: 1, End: 4}, Label: corpus.PERSON, Text: "Ada"},
		{DocID: "d", Span: corpus.Span{Start: 10, End: 23}, Label: corpus.CARDINAL, Text: "more than 300", Value: corpus.NewValue(300), Modifier: corpus.Over},
		{DocID: "d", Span: corpus.Span{Start: 27, End: 32}, Label: corpus.GPE, Text: "Dmeir"},
	}
	if diff := cmp.Diff(want, ms, cmp.AllowUnexported(corpus.Value{})); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	for _, m := range ms {
		if got, _ := corpus.NewIndex(text).Slice(m.Span); got != m.Text {
			t.Errorf("text at %v = %q, want %q", m.Span, got, m.Text)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"⟦Ada|PERSON", "Ada|PERSON⟧", "⟦Ada⟧", "⟦Ada|PER⟧", "⟦3|CARDINAL|x⟧"} {
		if _, _, err := Parse("d", s); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", s)
		}
	}
}
