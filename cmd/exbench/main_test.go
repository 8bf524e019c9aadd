package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// exbench runs the command with args and returns its exit status, stdout
// and stderr.
func exbench(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := exitCode(run(context.Background(), args, &stdout, &stderr), &stderr)
	return code, stdout.String(), stderr.String()
}

// TestDocExamples runs every "$ exbench" example of the command's doc
// comment and checks the output shown under it.
func TestDocExamples(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	type example struct {
		args []string
		want string
	}
	var examples []example
	var cur *example
	for _, line := range strings.Split(string(src), "\n") {
		body, code := strings.CutPrefix(line, "//\t")
		switch {
		case code && strings.HasPrefix(body, "$ exbench "):
			examples = append(examples, example{args: strings.Fields(body)[2:]})
			cur = &examples[len(examples)-1]
		case code && cur != nil:
			cur.want += body + "\n"
		default:
			cur = nil
		}
	}
	if len(examples) < 2 {
		t.Fatalf("found %d examples in doc.go", len(examples))
	}
	for _, ex := range examples {
		t.Run(strings.Join(ex.args, " "), func(t *testing.T) {
			code, stdout, stderr := exbench(t, ex.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			if diff := cmp.Diff(ex.want, stdout); diff != "" {
				t.Errorf("output differs from doc.go (-doc +run):\n%s", diff)
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		wantStdout string // a substring
		wantStderr string // a substring
	}{
		{nil, 2, "", "exbench: no verb given"},
		{[]string{"-h"}, 0, "Verbs:\n\tbench", ""},
		{[]string{"frobnicate"}, 2, "", "exbench: unknown verb \"frobnicate\"; run 'exbench -h' for the list\n"},
		{[]string{"validate", "-x"}, 2, "", "exbench: validate: flag provided but not defined: -x; run 'exbench validate -h' for usage\n"},
		{[]string{"validate", "-h"}, 0, "Example:\n\n\texbench validate -corpus ./news gold/news/*.csv", ""},
		{[]string{"count", "-h"}, 0, "Example:", ""},
		{[]string{"bench", "-h"}, 0, "Bench is the main job", ""},
		{[]string{"run", "-h"}, 0, "Examples:", ""},
		{[]string{"score", "-h"}, 0, "Examples:", ""},
		{[]string{"validate", "-corpus", "no/such/dir"}, 1, "", "no/such/dir: no such file or directory"},
		{[]string{"validate", "no/such.csv"}, 1, "", "no/such.csv: no such file or directory"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stdout, stderr := exbench(t, tc.args...)
			if code != tc.code || !strings.Contains(stdout, tc.wantStdout) || !strings.Contains(stderr, tc.wantStderr) {
				t.Errorf("exbench %q = %d\nstdout: %s\nstderr: %s\nwant %d, stdout containing %q, stderr containing %q",
					tc.args, code, stdout, stderr, tc.code, tc.wantStdout, tc.wantStderr)
			}
		})
	}
}

func TestValidateFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "doc.txt"), []byte("“Ada” met Bob in Dmeir."), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.csv")
	bad := filepath.Join(dir, "bad.csv")
	write := func(path, rows string) {
		if err := os.WriteFile(path, []byte("doc_id,start,end,text,label,value,modifier,unit\n"+rows), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(good, "doc,1,4,Ada,PERSON,,,\ndoc,17,22,Dmeir,GPE,,,\n")
	var rows strings.Builder
	rows.WriteString("doc,0,4,Ada,PERSON,,,\n") // text mismatch
	rows.WriteString("doc,x,3,Ada,PERSON,,,\n") // bad offset
	for range 11 {
		rows.WriteString("doc,10,13,Bob,PER,,,\n") // unknown label
	}
	write(bad, rows.String())

	code, stdout, stderr := exbench(t, "validate", "-corpus", dir, good)
	if code != 0 || stdout != "ok: 2 mentions in 1 files match corpus "+dir+" (1 documents)\n" || stderr != "" {
		t.Errorf("validate good.csv = %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}

	code, stdout, stderr = exbench(t, "validate", "-corpus", dir, good, bad)
	wantPrefix := bad + `:2:9: text: "Ada", but the document has "“Ada" at 0:4` + "\n" +
		bad + `:3:5: start: "x" is not an integer` + "\n" +
		bad + `:4:15: label: unknown label "PER"`
	if code != 1 || stdout != "" || !strings.HasPrefix(stderr, wantPrefix) || !strings.HasSuffix(stderr, "\n3 more (use -all)\n13 errors, 0 warnings\n") {
		t.Errorf("validate bad.csv = %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	// A directory is one gold, every .csv in it: its files annotate the
	// same document twice, and their spans overlap.
	code, _, stderr = exbench(t, "validate", "-all", "-corpus", dir, dir)
	overlap := good + `:2:5: start: 1:4 PERSON "Ada" overlaps 0:4 PERSON "Ada" at ` + bad + `:2 (gold spans are flat)` + "\n"
	if code != 1 || strings.Count(stderr, "\n") != 15 || strings.Contains(stderr, "more (use -all)") || !strings.Contains(stderr, overlap) {
		t.Errorf("validate -all = %d, %d lines:\n%s", code, strings.Count(stderr, "\n"), stderr)
	}
}

// TestGoldREADME checks that the bundled gold's README shows the counts
// exbench count prints.
func TestGoldREADME(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "gold", "dmeir-2016", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	code, table, stderr := exbench(t, "count")
	if code != 0 || !strings.Contains(table, "total") {
		t.Fatalf("exbench count = %d, stdout:\n%s\nstderr:\n%s", code, table, stderr)
	}
	if !strings.Contains(string(readme), table) {
		t.Errorf("gold/dmeir-2016/README.md does not show the output of 'exbench count':\n%s", table)
	}
}
