package marks

import (
	"errors"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

// CheckProblems checks that err, returned by fn, lists exactly the
// problems want and is of the category is.
func CheckProblems(t *testing.T, fn string, err error, want []string, is error) {
	t.Helper()
	var got []string
	var errs corpus.Problems
	if errors.As(err, &errs) {
		for _, e := range errs {
			got = append(got, e.Error())
		}
	} else if err != nil {
		got = append(got, "not Problems: "+err.Error())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s problems (-want +got):\n%s", fn, diff)
	}
	if !errors.Is(err, is) {
		t.Errorf("%s error is not %v", fn, is)
	}
}
