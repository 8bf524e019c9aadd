package cli

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScoreAnyOrder checks that score gives the same output, byte for
// byte, whatever the order of the rows of its files and whether they are
// files or directories of files, with and without intervals, sentences
// and a scope.
func TestScoreAnyOrder(t *testing.T) {
	dir := t.TempDir()
	corpusPath, goldPath, preds := killInputs(t, dir, 40, 30)
	// The gold leaves out d0003, for which both systems predict.
	data, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for line := range strings.Lines(string(data)) {
		if !strings.HasPrefix(line, "d0003,") {
			kept = append(kept, line)
		}
	}
	writeTestFile(t, goldPath, strings.Join(kept, ""))
	inDir := func(path string) string { // the same file, alone in a directory
		d := filepath.Join(dir, "whole-"+filepath.Base(path))
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(d, filepath.Base(path)), string(data))
		return d
	}
	shuffled := func(path string, seed uint64) string { // the same rows in another order
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := slices.Collect(strings.Lines(string(data)))
		rows := lines[1:]
		rand.New(rand.NewPCG(seed, seed)).Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		p := filepath.Join(dir, fmt.Sprintf("shuffled-%d-%s", seed, filepath.Base(path)))
		writeTestFile(t, p, lines[0]+strings.Join(rows, ""))
		return p
	}

	// A scope: ten documents whole (d0003 among them, which has no gold),
	// ten by their first 40 characters, the rest not at all.
	var scope strings.Builder
	scope.WriteString("doc_id,start,end\n")
	for d := range 20 {
		if d < 10 {
			fmt.Fprintf(&scope, "d%04d,,\n", d)
		} else {
			fmt.Fprintf(&scope, "d%04d,0,40\n", d)
		}
	}
	scopePath := filepath.Join(dir, "scope.csv")
	writeTestFile(t, scopePath, scope.String())

	for _, tc := range []struct {
		name  string
		flags []string
	}{
		{"scope", []string{"-scope", scopePath}},
		{"doc", []string{"-ci", "-resamples", "300"}},
		{"sentence", []string{"-ci", "-resamples", "300", "-unit", "sentence"}},
		{"no ci", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			run := func(goldArg, a, b string) (string, string, map[string]string) {
				out := t.TempDir()
				args := append([]string{"score", "-corpus", corpusPath, "-gold", goldArg, "-pred", "a=" + a, "-pred", "b=" + b, "-skip-uncovered", "-o", out}, tc.flags...)
				code, stdout, stderr := exbench(t, args...)
				if code != 0 {
					t.Fatalf("exbench %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
				}
				return stdout, stderr, reportsIn(t, out)
			}
			stdout, stderr, reports := run(goldPath, preds[0], preds[1])
			for i, other := range [][3]string{
				{inDir(goldPath), inDir(preds[0]), inDir(preds[1])},
				{shuffled(goldPath, 1), shuffled(preds[0], 2), shuffled(preds[1], 3)},
				{shuffled(goldPath, 4), preds[0], shuffled(preds[1], 5)},
			} {
				ostdout, ostderr, oreports := run(other[0], other[1], other[2])
				ostderr = strings.ReplaceAll(withoutOrderWarnings(ostderr), other[0], goldPath) // the gold, named in a note
				if diff := cmp.Diff(stdout, ostdout); diff != "" {
					t.Errorf("%d: stdout (-files in order +other):\n%s", i, diff)
				}
				if diff := cmp.Diff(stderr, ostderr); diff != "" {
					t.Errorf("%d: stderr (-files in order +other):\n%s", i, diff)
				}
				if diff := cmp.Diff(reports, oreports); diff != "" {
					t.Errorf("%d: reports (-files in order +other):\n%s", i, diff)
				}
			}
			// a, per document: 15 gold words (even w) less the 5 with
			// w%3 == 1, and the odd w with w%5 == 0 (5, 15, 25): 13.
			if tc.name == "scope" {
				if !strings.Contains(stdout, "predictions out of scope, not scored") || !strings.Contains(stderr, "outside the scope") {
					t.Errorf("with -scope: stdout %s\nstderr %s", stdout, stderr)
				}
			} else if !strings.Contains(stderr, "system a: ignored 13 predictions for 1 document the gold does not cover (d0003)") {
				t.Errorf("stderr does not say that d0003 was skipped:\n%s", stderr)
			}
			if tc.name != "scope" && !strings.Contains(reports["errors.csv"], "d0039") {
				t.Error("errors.csv has no error of the last document")
			}
		})
	}
}

// withoutOrderWarnings drops the warnings about gold rows out of order,
// which a shuffled gold file rightly has, and their count.
func withoutOrderWarnings(stderr string) string {
	var kept []string
	for line := range strings.Lines(stderr) {
		if !strings.Contains(line, ": warning: doc_id: document ") && !strings.Contains(line, ": warning: start: row sorts before line") && !strings.HasSuffix(line, " more not shown\n") && !strings.HasPrefix(line, "0 errors, ") {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "")
}
