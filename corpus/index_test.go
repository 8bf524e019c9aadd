package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestIndex(t *testing.T) {
	text := "“Ada” met José\u00a0in Dmeir"
	x := NewIndex(text)
	if got, want := x.Len(), utf8.RuneCountInString(text); got != want {
		t.Fatalf("Len() = %d, want %d", got, want)
	}
	for _, tc := range []struct {
		span Span
		want string
	}{
		{Span{0, 1}, "“"},
		{Span{1, 4}, "Ada"},
		{Span{10, 14}, "José"},
		{Span{14, 15}, "\u00a0"},
		{Span{18, 23}, "Dmeir"},
		{Span{0, 23}, text},
		{Span{23, 23}, ""},
	} {
		got, ok := x.Slice(tc.span)
		if !ok || got != tc.want {
			t.Errorf("Slice(%v) = %q, %v, want %q, true", tc.span, got, ok, tc.want)
		}
	}
	for _, s := range []Span{{-1, 2}, {3, 2}, {0, 24}} {
		if got, ok := x.Slice(s); ok {
			t.Errorf("Slice(%v) = %q, true, want false", s, got)
		}
	}
	// "“" is 3 bytes, so code point 1 is byte 3.
	if b, ok := x.Byte(1); !ok || b != 3 {
		t.Errorf("Byte(1) = %d, %v, want 3, true", b, ok)
	}
	if cp, ok := x.CodePoint(3); !ok || cp != 1 {
		t.Errorf("CodePoint(3) = %d, %v, want 1, true", cp, ok)
	}
	if cp, ok := x.CodePoint(1); ok {
		t.Errorf("CodePoint(1) = %d, true inside a character, want false", cp)
	}
}

// TestIndexSeed checks offsets on the seed text, whose curly quotes, dashes,
// NBSP and é make byte and code-point offsets differ.
func TestIndexSeed(t *testing.T) {
	c := Builtin()
	for _, tc := range []struct {
		doc, find string
		wantStart int // code points, as Python's str.find gives
	}{
		{"000_579c75cdcbc092f7", "José Miguel Sardo", 1120},
		{"002_989e2592fe66ef2e", "Palmyra", 1501},
		{"004_27d7c022eea5a797", "Palestinians", 2225},
	} {
		d, _ := c.Doc(tc.doc)
		x := NewIndex(d.Text)
		b := strings.Index(d.Text, tc.find)
		start, ok := x.CodePoint(b)
		if !ok || start != tc.wantStart {
			t.Errorf("%s: %q starts at code point %d, %v, want %d", tc.doc, tc.find, start, ok, tc.wantStart)
		}
		if start == b {
			t.Errorf("%s: %q: byte offset equals code-point offset %d; the test needs non-ASCII text before it", tc.doc, tc.find, b)
		}
		span := Span{start, start + utf8.RuneCountInString(tc.find)}
		if got, _ := x.Slice(span); got != tc.find {
			t.Errorf("%s: Slice(%v) = %q, want %q", tc.doc, span, got, tc.find)
		}
	}
}

func FuzzIndex(f *testing.F) {
	f.Add("“Ada” met José\u00a0in Dmeir")
	f.Add("")
	f.Add("\xff\xfeab\xc3")
	f.Fuzz(func(t *testing.T, text string) {
		x := NewIndex(text)
		runes := []rune(text)
		if x.Len() != len(runes) {
			t.Fatalf("Len() = %d, want %d", x.Len(), len(runes))
		}
		for cp := 0; cp <= x.Len(); cp++ {
			b, ok := x.Byte(cp)
			if !ok {
				t.Fatalf("Byte(%d) not ok", cp)
			}
			back, ok := x.CodePoint(b)
			if !ok || back != cp {
				t.Fatalf("CodePoint(Byte(%d)) = %d, %v", cp, back, ok)
			}
		}
		if utf8.ValidString(text) {
			for i := 0; i+1 < len(runes) && i < 50; i++ {
				if got, _ := x.Slice(Span{i, i + 2}); got != string(runes[i:i+2]) {
					t.Fatalf("Slice(%d:%d) = %q, want %q", i, i+2, got, string(runes[i:i+2]))
				}
			}
		}
	})
}

func TestCounter(t *testing.T) {
	text := "“Ada” met José\u00a0in \xffDmeir"
	x := NewIndex(text)
	c := NewCounter(text)
	for b := 0; b <= len(text); b++ {
		if want, ok := x.CodePoint(b); ok {
			if got := c.At(b); got != want {
				t.Fatalf("At(%d) = %d, want %d", b, got, want)
			}
		}
	}
}
