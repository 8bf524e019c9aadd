package external

import (
	"fmt"
	"strings"
	"testing"
)

func TestTail(t *testing.T) {
	for _, tc := range []struct {
		name   string
		writes []string
		want   string
	}{
		{"nothing", nil, ""},
		{"all kept", []string{"  one\n", "two\n\n"}, "one\ntwo"},
		{"cut at a line", []string{"the first line\nsecond\n", "third\n"}, "[the first 15 bytes are left out]\nsecond\nthird"},
		{"one long write", []string{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nlast line"}, "[the first 36 bytes are left out]\nlast line"},
		{"cut inside a character", []string{"ééééééééééééééééééé"}, "[the first 14 bytes are left out]\néééééééééééé"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := &tail{max: 25}
			for _, w := range tc.writes {
				if n, err := tl.Write([]byte(w)); n != len(w) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", w, n, err)
				}
			}
			if got := tl.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTailMany(t *testing.T) {
	tl := &tail{max: MaxStderr}
	for i := range 10000 {
		fmt.Fprintf(tl, "line %d\n", i)
	}
	got := tl.String()
	if !strings.HasSuffix(got, "\nline 9999") || len(got) > MaxStderr+100 || !strings.HasPrefix(got, "[the first ") {
		t.Errorf("String() = %.60q ... %q", got, got[len(got)-20:])
	}
}
