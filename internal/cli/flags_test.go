package cli

import (
	"strings"
	"testing"
)

// TestNumericFlags gives every numeric flag and gate a value that is not
// a number, an infinity or out of range: each is a command-line mistake,
// exit 2 with a message naming it, before any work; never a panic, never
// a silently wrong run.
func TestNumericFlags(t *testing.T) {
	small := []string{"-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv"}
	score := func(more ...string) []string {
		return append(append([]string{"score"}, small...), append([]string{"-pred", "testdata/score/v1.csv"}, more...)...)
	}
	compare := func(more ...string) []string {
		return append(append(append([]string{"compare"}, small...), more...), "testdata/score/gold.csv", "testdata/score/v1.csv")
	}
	sweep := func(more ...string) []string {
		return append(append([]string{"sweep"}, small...), append([]string{"-pred", "testdata/score/v1-scored.csv"}, more...)...)
	}
	agree := func(more ...string) []string {
		return append(append([]string{"agree", "-corpus", "testdata/score/corpus"}, more...), "testdata/score/gold.csv", "testdata/score/v1.csv")
	}
	bench := func(more ...string) []string {
		return append([]string{"bench", "-extractor", "numbers", "-o", t.TempDir()}, more...)
	}
	for _, tc := range []struct {
		args []string
		want string // in stderr
	}{
		{score("-ci", "-level", "NaN"), `invalid value "NaN" for flag -level: not a finite number`},
		{score("-ci", "-level", "+Inf"), `invalid value "+Inf" for flag -level: not a finite number`},
		{score("-ci", "-level", "1"), "-level 1: want a number between 0 and 1"},
		{compare("-level", "NaN"), `invalid value "NaN" for flag -level`},
		{sweep("-level", "NaN"), `invalid value "NaN" for flag -level`},
		{agree("-level", "NaN"), `invalid value "NaN" for flag -level`},
		{bench("-level", "NaN"), `invalid value "NaN" for flag -level`},
		{score("-value-tol", "NaN"), `invalid value "NaN" for flag -value-tol: not a finite number`},
		{score("-value-tol", "-0.5"), "-value-tol -0.5: want a number from 0 up to 1"},
		{compare("-unit", "sentence", "-fail-on-regression", "-alpha", "NaN"), `invalid value "NaN" for flag -alpha: not a finite number`},
		{compare("-alpha", "Inf"), `invalid value "Inf" for flag -alpha`},
		{compare("-alpha", "1.5"), "-alpha 1.5: want a number between 0 and 1"},
		{compare("-unit", "sentence", "-fail-on-regression", "-min-delta", "NaN"), `invalid value "NaN" for flag -min-delta: not a finite number`},
		{compare("-min-delta", "2"), "-min-delta 2: want a number from 0 up to 1"},
		{score("-resamples", "0"), "-resamples 0: want at least 100"},
		{score("-resamples", "100000001"), "-resamples 100000001: want at most 100000000"},
		{sweep("-bands", "0"), "-bands must be at least 1"},
		{bench("-j", "0"), "-j must be at least 1"},
		{bench("-extractor", "external", "-cmd", "true", "-timeout", "0s"), "-timeout 0s: want a time longer than 0"},
		{score("-fail-if", "value.micro.f1 < NaN"), `-fail-if "value.micro.f1 < NaN": "NaN" is not a number`},
		{score("-fail-if", "strict.micro.f1 < Inf"), `-fail-if "strict.micro.f1 < Inf": "Inf" is not a number`},
		{score("-fail-if", "strict.micro.f1 < 60"), `-fail-if "strict.micro.f1 < 60": 60 is not from 0 to 1: metrics are fractions (for 60%, write 0.60)`},
		{score("-fail-if", "strict.person.f1 < 0.9"), `-fail-if "strict.person.f1 < 0.9": unknown label "person" (did you mean PERSON?)`},
		{score("-fail-if", "strict.FOO.f1 < 0.9"), `-fail-if "strict.FOO.f1 < 0.9": unknown label "FOO" (labels are micro, macro or an OntoNotes label such as PERSON)`},
		{score("-labels", "PERSON,GPE", "-fail-if", "strict.ORG.f1 < 0.9"), `-fail-if "strict.ORG.f1 < 0.9": ORG is not scored (-labels PERSON,GPE)`},
		{score("-fail-if", "value.PERSON.f1 < 0.9"), `-fail-if "value.PERSON.f1 < 0.9": the value scheme scores numeric labels only (CARDINAL, ORDINAL, QUANTITY, PERCENT, MONEY)`},
		{compare("-fail-if", "strict.person.f1 < 0.9"), `unknown label "person" (did you mean PERSON?)`},
	} {
		t.Run(strings.Join(tc.args[1:], " "), func(t *testing.T) {
			code, stdout, stderr := exbenchSafe(t, tc.args...)
			if code != 2 || stdout != "" || !strings.Contains(stderr, tc.want) {
				t.Errorf("exbench %q = %d\nstdout: %s\nstderr: %s\nwant 2 and a message holding %q", tc.args, code, stdout, stderr, tc.want)
			}
		})
	}
}
