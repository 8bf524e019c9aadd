package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScoreStreams checks that score gives the same output, byte for
// byte, whether it reads its inputs one document at a time (CSV files in
// the corpus's order) or whole (the same files in directories).
func TestScoreStreams(t *testing.T) {
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
	// b's documents in reverse order: streaming gives up on it.
	data, err = os.ReadFile(preds[1])
	if err != nil {
		t.Fatal(err)
	}
	lines := slices.Collect(strings.Lines(string(data)))
	rows := lines[1:]
	slices.SortStableFunc(rows, func(a, b string) int { return -strings.Compare(a[:5], b[:5]) })
	reversed := filepath.Join(dir, "reversed.csv")
	writeTestFile(t, reversed, lines[0]+strings.Join(rows, ""))

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
		b     string // b's predictions
		flags []string
		note  bool // streaming gives up, and says why
	}{
		{"scope", preds[1], []string{"-scope", scopePath}, false},
		{"doc", preds[1], []string{"-ci", "-resamples", "300"}, false},
		{"sentence", preds[1], []string{"-ci", "-resamples", "300", "-unit", "sentence"}, false},
		{"no ci", preds[1], nil, false},
		{"order", reversed, nil, true},
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
			stdout, stderr, reports := run(goldPath, preds[0], tc.b)
			wstdout, wstderr, wreports := run(inDir(goldPath), inDir(preds[0]), inDir(tc.b))
			note := tc.b + " lists documents in another order than the corpus; reading the files whole"
			if got := strings.Contains(stderr, note); got != tc.note {
				t.Errorf("stderr has the note %v, want %v:\n%s", got, tc.note, stderr)
			}
			stderr = strings.ReplaceAll(stderr, "exbench: score: "+note+"\n", "")
			wstderr = strings.ReplaceAll(wstderr, inDir(goldPath), goldPath) // the gold, named in a warning
			if diff := cmp.Diff(wstdout, stdout); diff != "" {
				t.Errorf("stdout (-whole +streamed):\n%s", diff)
			}
			if diff := cmp.Diff(wstderr, stderr); diff != "" {
				t.Errorf("stderr (-whole +streamed):\n%s", diff)
			}
			// a, per document: 15 gold words (even w) less the 5 with
			// w%3 == 1, and the odd w with w%5 == 0 (5, 15, 25): 13.
			if tc.name == "scope" {
				if !strings.Contains(stdout, "predictions out of scope, not scored") || !strings.Contains(stderr, "outside the scope") {
					t.Errorf("with -scope: stdout %s\nstderr %s", stdout, stderr)
				}
			} else if !strings.Contains(stderr, "system a: ignored 13 predictions for 1 documents the gold does not cover (d0003)") {
				t.Errorf("stderr does not say that d0003 was skipped:\n%s", stderr)
			}
			if diff := cmp.Diff(wreports, reports); diff != "" {
				t.Errorf("reports (-whole +streamed):\n%s", diff)
			}
			if tc.name != "scope" && !strings.Contains(reports["errors.csv"], "d0039") {
				t.Error("errors.csv has no error of the last document")
			}

			st := statFlags{unit: "doc", resamples: 300, level: 0.95}
			lf := &scoringFlags{}
			if tc.name == "scope" {
				lf.scopePath = scopePath
			}
			_, err := scoreStream(context.Background(), corpusPath, goldPath, []named{{"a", preds[0]}, {"b", tc.b}}, true, true, &st, lf, io.Discard)
			if (err == errWhole) != tc.note {
				t.Errorf("scoreStream: %v, want it to read whole: %v", err, tc.note)
			}
		})
	}
}
