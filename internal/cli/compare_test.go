package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var smallCase = []string{"-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv"}

func compareArgs(more ...string) []string {
	return append(append([]string{"compare"}, smallCase...), more...)
}

// TestCompare compares the gold with v1 on the two-document case. By
// hand: F1 strict micro is 1 for the gold and 0.5 for v1 (see
// TestScoreByHand). Of the 4 swaps of documents, the identity and the
// full swap give |ΔF1| = 0.5; swapping one document gives 12/17 against
// 12/15, |ΔF1| = 0.094; so p = 2/4.
func TestCompare(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := exbench(t, compareArgs("-o", out, "gold=testdata/score/gold.csv", "v1=testdata/score/v1.csv")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "p from an exact permutation test over all 4 swaps") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if !strings.Contains(stderr, "warning: with 2 documents the smallest p-value the test can reach is 0.5000") {
		t.Errorf("stderr lacks the warning about the smallest p:\n%s", stderr)
	}
	rows := readCSV(t, filepath.Join(out, "compare.csv"))
	if diff := cmp.Diff([]string{"scheme", "label", "a_f1", "b_f1", "delta", "delta_low", "delta_high", "p", "p_holm", "significant", "warning", "label_map", "labels"}, rows[0]); diff != "" {
		t.Errorf("compare.csv header (-want +got):\n%s", diff)
	}
	if got := strings.Join(rows[1][:5], ",") + "," + rows[1][7]; got != "strict,micro,1.0000,0.5000,-0.5000,0.5000" {
		t.Errorf("compare.csv strict micro = %s", got)
	}

	// v1's strict errors on gold mentions are Bob (missed), Dmeir, ISIS
	// and "more than 300" (incorrect), and workers is a new spurious; under
	// value, "50 km" and "more than 300" are read wrong.
	var changes []string
	for _, r := range readCSV(t, filepath.Join(out, "changes.csv"))[1:] {
		changes = append(changes, strings.Join([]string{r[0], r[1], r[2], r[5], r[8], r[9]}, " "))
	}
	want := []string{
		"broken strict a Bob correct missed",
		"broken strict a Dmeir correct incorrect",
		"broken strict b ISIS correct incorrect",
		"broken strict b more than 300 correct incorrect",
		"new spurious strict b workers  spurious",
		"broken value a 50 km correct incorrect",
		"broken value b more than 300 correct incorrect",
	}
	if diff := cmp.Diff(want, changes); diff != "" {
		t.Errorf("changes.csv (-want +got):\n%s", diff)
	}

	// Same inputs and seed: the same bytes.
	out2 := t.TempDir()
	_, stdout2, _ := exbench(t, compareArgs("-o", out2, "gold=testdata/score/gold.csv", "v1=testdata/score/v1.csv")...)
	for _, f := range []string{"compare.csv", "changes.csv"} {
		a, _ := os.ReadFile(filepath.Join(out, f))
		b, _ := os.ReadFile(filepath.Join(out2, f))
		if string(a) != string(b) {
			t.Errorf("%s differs between two runs", f)
		}
	}
	if stdout != stdout2 {
		t.Error("stdout differs between two runs")
	}
}

func TestGates(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		wantStderr string
	}{
		{compareArgs("-fail-if", "strict.micro.f1 < 0.99", "testdata/score/gold.csv", "testdata/score/v1.csv"), 3, "gate: v1: strict.micro.f1 = 0.5000, and the gate fails if strict.micro.f1 < 0.99"},
		{compareArgs("-fail-if", "strict.micro.f1 < 0.40", "testdata/score/gold.csv", "testdata/score/v1.csv"), 0, ""},
		{compareArgs("-fail-on-regression", "-alpha", "0.6", "testdata/score/gold.csv", "testdata/score/v1.csv"), 3, "gate: v1 is significantly worse than gold: strict micro F1 -50.0 (p 0.5000)"},
		{compareArgs("-fail-on-regression", "testdata/score/gold.csv", "testdata/score/v1.csv"), 0, "no difference can be significant"},
		// -regression-on: only the keys named fail; value.micro drops by 100 points, value.PERSON has no gold.
		{compareArgs("-fail-on-regression", "-alpha", "0.6", "-regression-on", "value.micro", "testdata/score/gold.csv", "testdata/score/v1.csv"), 3, "gate: v1 is significantly worse than gold: value micro F1 -100.0 (p 0.5000)\n"},
		{compareArgs("-fail-on-regression", "-alpha", "0.6", "-regression-on", "strict.macro,partial.micro", "testdata/score/gold.csv", "testdata/score/v1.csv"), 3, "gold: strict macro F1 -40.5 (p 0.5000); partial micro F1 -25.0 (p 0.5000)\n"},
		{compareArgs("-fail-on-regression", "-alpha", "0.6", "-regression-on", "strict.PERSON", "testdata/score/gold.csv", "testdata/score/v1.csv"), 0, ""},
		{compareArgs("-fail-on-regression", "-regression-on", "strict.micro.f1", "a.csv", "b.csv"), 2, `-regression-on "strict.micro.f1": want SCHEME.LABEL, such as strict.micro`},
		{compareArgs("-fail-on-regression", "-regression-on", "strict.PER", "a.csv", "b.csv"), 2, `-regression-on "strict.PER": unknown label "PER"`},
		{compareArgs("-regression-on", "strict.micro", "a.csv", "b.csv"), 2, "-regression-on needs -fail-on-regression"},
		{append(append([]string{"score"}, smallCase...), "-pred", "testdata/score/v1.csv", "-fail-if", "value.micro.f1 <= 0"), 3, "gate: v1: value.micro.f1 = 0.0000"},
		{append(append([]string{"score"}, smallCase...), "-pred", "testdata/score/v1.csv", "-fail-if", "strict.micro.f2 < 1"), 2, `unknown metric "f2"`},
		{append(append([]string{"score"}, smallCase...), "-pred", "testdata/score/v1.csv", "-fail-if", "strict.micro.f1 <"), 2, "want SCHEME.LABEL.METRIC OP NUMBER"},
		{compareArgs("testdata/score/v1.csv"), 2, "compare: want two systems"},
		{compareArgs("-unit", "word", "a.csv", "b.csv"), 2, `-unit "word": want doc or sentence`},
	} {
		code, _, stderr := exbench(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.wantStderr) {
			t.Errorf("exbench %q = %d, stderr:\n%s\nwant %d and %q", tc.args, code, stderr, tc.code, tc.wantStderr)
		}
	}
}

// TestScoreCI checks the interval columns of scores.csv and that the same
// seed gives the same bytes.
func TestScoreCI(t *testing.T) {
	var files []string
	for range 2 {
		out := t.TempDir()
		code, _, stderr := exbench(t, append(append([]string{"score"}, smallCase...), "-pred", "testdata/score/v1.csv", "-ci", "-seed", "7", "-o", out)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		data, _ := os.ReadFile(filepath.Join(out, "scores.csv"))
		files = append(files, string(data))
	}
	if files[0] != files[1] {
		t.Error("scores.csv differs between two runs with one seed")
	}
	lines := strings.Split(files[0], "\n")
	if !strings.HasSuffix(lines[0], ",warning,label_map,labels,out_of_scope,dont_care,p_low,p_high,r_low,r_high,f1_low,f1_high,ci") {
		t.Errorf("header %q", lines[0])
	}
	// Two documents with strict micro F1 0.6667 (a) and 0.2857 (b): every
	// resample's F1 lies between, and the interval too.
	row := strings.Split(lines[1], ",")
	if row[2] != "micro" || row[19] < "0.2857" || row[20] > "0.6667" || !strings.Contains(lines[1], "BCa 95%, 10000 resamples of documents, seed 7") {
		t.Errorf("strict micro row %q", lines[1])
	}
}

// TestAgree checks the gold against v1 as two annotations. κ by hand:
// 22 tokens, 15 labelled alike; the labels' shares give an expected
// agreement of 136/484; κ = (15/22 − 136/484) / (1 − 136/484) = 0.5575.
func TestAgree(t *testing.T) {
	code, stdout, stderr := exbench(t, "agree", "-corpus", "testdata/score/corpus", "testdata/score/gold.csv", "testdata/score/v1.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"strict      50.0    50.0    50.0",
		"partial     75.0    75.0    75.0",
		"Cohen's kappa on tokens: 0.5575 over all 22 tokens",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

// TestCompareNoNumbers: scored on PERSON alone, the value scheme has no
// mention on either side: its rows say n/a, not 0.0 against 0.0.
func TestCompareNoNumbers(t *testing.T) {
	code, stdout, stderr := exbench(t, compareArgs("-labels", "PERSON", "testdata/score/gold.csv", "testdata/score/v1.csv")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"\nvalue    micro      n/a     n/a     n/a\n", "\nvalue    macro      n/a     n/a     n/a\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("compare printed:\n%s\nwant a line %q", stdout, want)
		}
	}
}

// TestCompareSlices: -slices adds the slices that changed from A to B, and
// slice_changes.csv; with two documents it warns that the tests are rough.
// By hand, label=PERSON goes from F1 1 (the gold against itself) to 2/3
// (v1 finds Ada of Ada and Bob).
func TestCompareSlices(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := exbench(t, compareArgs("-slices", "-resamples", "500", "-o", out, "testdata/score/gold.csv", "testdata/score/v1.csv")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"\nslices (strict) significantly worse from gold to v1", "\nslices (strict) significantly better from gold to v1"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "exbench: warning: slices: with 2 documents the bootstrap tests of slices are rough (want 20 or more)") {
		t.Errorf("stderr: %s", stderr)
	}
	for _, r := range readCSV(t, filepath.Join(out, "slice_changes.csv"))[1:] {
		if r[0] == "strict" && r[1] == "label" && r[2] == "PERSON" {
			if got := strings.Join(r[3:7], ","); got != "2,1.0000,0.6667,-0.3333" {
				t.Errorf("strict label=PERSON: %s, want 2,1.0000,0.6667,-0.3333", got)
			}
			return
		}
	}
	t.Error("no strict label=PERSON row in slice_changes.csv")
}
