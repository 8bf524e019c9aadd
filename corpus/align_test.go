package corpus

import (
	"fmt"
	"testing"
)

// TestAlign places mentions given without offsets, by hand.
func TestAlign(t *testing.T) {
	//          0         1         2         3         4         5
	//          0123456789012345678901234567890123456789012345678901234
	text := "“Ada” met Bob  Smith.\nAda and Adam saw Ada’s dog, 2 dogs."
	un := func(label, text string) Mention { return Mention{Span: NoSpan, Label: Label(label), Text: text} }
	ms := []Mention{
		un("PERSON", "Ada"),       // 1:4, inside the curly quotes
		un("PERSON", "Bob Smith"), // 10:20, over two spaces
		un("PERSON", "Ada"),       // the second Ada, 22:25; not "Adam"
		un("PERSON", "Ada"),       // the third, before ’s: 39:42
		un("PERSON", "Ada"),       // no fourth: not found
		un("ORG", "Ada’s dog"),    // its own text, quotes normalised: 39:48
		un("CARDINAL", "2"),       // 50:51
		un("PERSON", "Carl"),      // not in the text
		un("PERSON", "da"),        // only inside words: not found
		{Span: Span{Start: 0, End: 1}, Label: "PERSON", Text: "“"}, // placed already: kept
		un("PERSON", "  \n"), // nothing but space: not found
	}
	if n := Align(text, ms); n != 4 {
		t.Errorf("Align = %d not found, want 4", n)
	}
	want := []string{"1:4 Ada", "10:20 Bob  Smith", "22:25 Ada", "39:42 Ada", "-1:-1 Ada", "39:48 Ada’s dog", "50:51 2", "-1:-1 Carl", "-1:-1 da", "0:1 “", "-1:-1   \n"}
	for i, m := range ms {
		if got := fmt.Sprintf("%s %s", m.Span, m.Text); got != want[i] {
			t.Errorf("mention %d: %q, want %q", i, got, want[i])
		}
	}
	if NoSpan.Placed() || !(Span{}).Placed() {
		t.Error("Placed is wrong")
	}
}

// FuzzAlign checks that every mention Align places gets a span of the
// text whose normalised text is the mention's, and that the others keep
// NoSpan.
func FuzzAlign(f *testing.F) {
	f.Add("“Ada” met Bob  Smith.\nAda and Adam", "Ada", "Bob Smith")
	f.Add("", "x", "")
	f.Add("a\xffb a", "a", "\xff")
	f.Add("’’’", "'", "''")
	f.Fuzz(func(t *testing.T, text, a, b string) {
		ms := []Mention{{Span: NoSpan, Text: a}, {Span: NoSpan, Text: b}, {Span: NoSpan, Text: a}}
		notFound := Align(text, ms)
		x := NewIndex(text)
		n := 0
		for i, m := range ms {
			given := []string{a, b, a}[i]
			if !m.Span.Placed() {
				n++
				continue
			}
			got, ok := x.Slice(m.Span)
			if !ok || got != m.Text || m.Span.Len() <= 0 {
				t.Fatalf("Align(%q): mention %d at %v has %q, the text there is %q (%v)", text, i, m.Span, m.Text, got, ok)
			}
			if normalise(got).s != normalise(given).s {
				t.Fatalf("Align(%q): mention %d %q placed on %q", text, i, given, got)
			}
		}
		if n != notFound {
			t.Fatalf("Align(%q) = %d not found, but %d have no span", text, notFound, n)
		}
	})
}
