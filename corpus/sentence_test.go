package corpus

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"ISIS kidnapped 300. Reports differ! Who knows? Nobody.", []string{"ISIS kidnapped 300. ", "Reports differ! ", "Who knows? ", "Nobody."}},
		{"Headline\nBody one. Body two.\n\nEnd", []string{"Headline\n", "Body one. ", "Body two.\n", "\n", "End"}},
		{"“We have no water.” She left. Mr. Smith met J. Doe in the U.S. today.", []string{"“We have no water.” ", "She left. ", "Mr. Smith met J. Doe in the U.S. today."}},
		{"It cost 3.5 million. 250 were taken.", []string{"It cost 3.5 million. ", "250 were taken."}},
		{"", nil},
	} {
		var got []string
		prev := 0
		runes := []rune(tc.text)
		for _, s := range Sentences(tc.text) {
			if s.Start != prev {
				t.Errorf("Sentences(%q): gap before %v", tc.text, s)
			}
			prev = s.End
			got = append(got, string(runes[s.Start:s.End]))
		}
		if prev != len(runes) {
			t.Errorf("Sentences(%q) ends at %d, text has %d code points", tc.text, prev, len(runes))
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Sentences(%q) (-want +got):\n%s", tc.text, diff)
		}
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("One. Two! “Three?” Mr. Four.\nFive")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Sentences(text) {
			if s.Start != prev || s.End <= s.Start {
				t.Fatalf("Sentences(%q): bad span %v after %d", text, s, prev)
			}
			prev = s.End
		}
		if n := len([]rune(text)); prev != n {
			t.Fatalf("Sentences(%q) ends at %d of %d", text, prev, n)
		}
	})
}
