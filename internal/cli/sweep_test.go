package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSweepCurve sweeps testdata/score/v1-scored.csv (v1's predictions
// with scores) against the 8 gold mentions of the small case. By hand,
// strict micro:
//
//	≥ 0.95  Ada alone: 1 correct of 1 kept, R 1/8, F1 2/9 = 0.2222
//	≥ 0.9   + Monday: 2 of 2, R 2/8, F1 0.4
//	≥ 0.8   + 50 km, Damascus: 4 of 4, R 4/8, F1 2/3 (best)
//	≥ 0.6   + ISIS as GPE: 4 of 5, F1 8/13 = 0.6154
//	≥ 0.4   + Bob in Dmeir: 4 of 6, F1 4/7 = 0.5714
//	≥ 0.3   + 300: 4 of 7, F1 8/15 = 0.5333
//	≥ 0.2   + workers (spurious): 4 of 8, P = R = F1 = 0.5, the most
//	        recall reachable
func TestSweepCurve(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := exbench(t, "sweep", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv",
		"-pred", "testdata/score/v1-scored.csv", "-resamples", "200", "-o", out)
	if code != 0 {
		t.Fatalf("sweep: %s", stderr)
	}
	for _, line := range []string{
		"v1-scored: strict micro over 8 gold mentions, 7 thresholds (P, R, F1 in %)",
		"max recall  50.0 at score >= 0.2 (all 8 predictions): P 50.0, F1 50.0",
	} {
		if !strings.Contains(stdout, line+"\n") {
			t.Errorf("stdout lacks %q:\n%s", line, stdout)
		}
	}
	if !strings.Contains(stdout, "best F1     66.7 [") || !strings.Contains(stdout, "] at score >= 0.8 (4 predictions kept): P 100.0, R 50.0\n") {
		t.Errorf("stdout lacks the best point:\n%s", stdout)
	}
	rows := readCSV(t, filepath.Join(out, "curve.csv"))
	if len(rows) != 8 {
		t.Fatalf("curve.csv has %d rows, want a header and 7 points", len(rows))
	}
	// threshold kept correct incorrect partial missed spurious P R F1
	got := func(i int) string { return strings.Join(rows[i][3:13], " ") }
	if want := "0.95 1 1 0 0 7 0 1.0000 0.1250 0.2222"; got(1) != want {
		t.Errorf("first point %s, want %s", got(1), want)
	}
	if want := "0.8 4 4 0 0 4 0 1.0000 0.5000 0.6667"; got(3) != want {
		t.Errorf("best point %s, want %s", got(3), want)
	}
	if want := "0.2 8 4 3 0 1 1 0.5000 0.5000 0.5000"; got(7) != want {
		t.Errorf("last point %s, want %s", got(7), want)
	}

	code, _, stderr = exbench(t, "sweep", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "-pred", "testdata/score/v1.csv")
	if code != 1 || !strings.Contains(stderr, "sweep: testdata/score/v1.csv: 8 predictions of 8 have no score; sweep needs a score on every prediction (the score column)") {
		t.Errorf("unscored predictions: exit %d, %s", code, stderr)
	}
	code, _, stderr = exbench(t, "sweep", "-pred", "testdata/score/v1-scored.csv", "-scheme", "loose")
	if code != 2 || !strings.Contains(stderr, `-scheme "loose"`) {
		t.Errorf("bad scheme: exit %d, %s", code, stderr)
	}
}
