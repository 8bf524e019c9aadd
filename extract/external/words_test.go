package external

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"ner", []string{"ner"}},
		{"  python3\t-u  ner.py\n", []string{"python3", "-u", "ner.py"}},
		{`'my ner.py' "a b"`, []string{"my ner.py", "a b"}},
		{`--model='en core'x`, []string{"--model=en corex"}},
		{`'' ""`, []string{"", ""}},
		{`'it'\''s'`, []string{"it's"}},
		{`"say \"hi\" \\ \$HOME \x"`, []string{`say "hi" \ $HOME \x`}},
		{`'$HOME * ~'`, []string{"$HOME * ~"}},
		{`a\ b c\\d \'`, []string{"a b", `c\d`, "'"}},
		{"a\\\nb", []string{"ab"}},
		{"\"a\\\nb\"", []string{"ab"}},
		{`'|' "&&" \;`, []string{"|", "&&", ";"}},
		{`é\é`, []string{"éé"}},
		{"", nil},
	} {
		got, err := splitWords(tc.in)
		if err != nil {
			t.Errorf("splitWords(%q) error: %v", tc.in, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("splitWords(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestSplitWordsErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`a 'b`, "unterminated single quote at column 3"},
		{`é "b\"`, "unterminated double quote at column 3"},
		{`a\`, "backslash at the end (column 2) escapes nothing"},
		{`ner > out.csv`, `">" at column 5 is shell syntax, but the command runs without a shell: quote it, or set Shell to run the command with sh -c`},
		{`a;b`, `";" at column 2 is shell syntax`},
		{"echo `date`", "\"`\" at column 6 is shell syntax"},
	} {
		_, err := splitWords(tc.in)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("splitWords(%q) error = %v, want %s", tc.in, err, tc.want)
		}
	}
}

// FuzzSplitWords checks that splitWords never panics and that words
// quoted with shellQuote split back into themselves.
func FuzzSplitWords(f *testing.F) {
	for _, s := range []string{`python3 "my ner.py" --x='a b'`, `'it'\''s'`, `a\`, "\"\\\n\"", `é | x`, ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words, err := splitWords(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = shellQuote(w)
		}
		again, err := splitWords(strings.Join(quoted, " "))
		if err != nil {
			t.Fatalf("splitWords(quoted %q): %v", words, err)
		}
		if !cmp.Equal(words, again) {
			t.Fatalf("round trip: %q became %q", words, again)
		}
	})
}
