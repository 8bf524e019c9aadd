package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
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
	src, err := os.ReadFile("../../cmd/exbench/doc.go")
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
		t.Fatalf("found %d examples in cmd/exbench/doc.go", len(examples))
	}
	for _, ex := range examples {
		t.Run(strings.Join(ex.args, " "), func(t *testing.T) {
			code, stdout, stderr := exbench(t, ex.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			if diff := cmp.Diff(ex.want, stdout); diff != "" {
				t.Errorf("output differs from cmd/exbench/doc.go (-doc +run):\n%s", diff)
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
	if code != 0 || stdout != "ok: 2 mentions in 1 file match corpus "+dir+" (1 document)\n" || stderr != "" {
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

// fullWriter fails every write, as stdout on /dev/full does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// TestLostStdout: output that cannot be written is an error, exit 1,
// whatever the verb.
func TestLostStdout(t *testing.T) {
	out := t.TempDir()
	for _, args := range [][]string{
		{"validate"},
		{"count"},
		{"score", "-conll", "testdata/score/ner.conll"},
		{"score", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "-pred", "testdata/score/v1.csv"},
		{"compare", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "testdata/score/gold.csv", "testdata/score/v1.csv"},
		{"sweep", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "-pred", "testdata/score/v1-scored.csv"},
		{"agree", "-corpus", "testdata/score/corpus", "testdata/score/gold.csv", "testdata/score/v1.csv"},
		{"run", "-extractor", "numbers", "-o", filepath.Join(out, "n.csv")},
		{"convert", "../../gold/dmeir-2016", filepath.Join(out, "g.jsonl")},
		{"-h"},
		{"score", "-h"},
	} {
		var stderr bytes.Buffer
		code := exitCode(run(context.Background(), args, fullWriter{}, &stderr), &stderr)
		if code != 1 || !strings.Contains(stderr.String(), "exbench: writing to standard output: no space left on device") {
			t.Errorf("exbench %q with stdout full = %d, stderr:\n%s", args, code, stderr.String())
		}
	}
}

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

// TestMain removes the binary that tests built, if any.
func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// binary builds exbench once for the tests that run it as a process,
// and returns its path; it skips the test under -short or without go.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build exbench with")
	}
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "exbench-test-"); binErr != nil {
			return
		}
		out, err := exec.Command(goTool, "build", "-buildvcs=false", "-o", filepath.Join(binDir, "exbench"), "../../cmd/exbench").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "exbench")
}

// TestStdoutProcess runs the binary with stdout on /dev/full (an error,
// exit 1) and into a pipe closed after the first byte (quiet).
func TestStdoutProcess(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs /dev/full")
	}
	bin := binary(t)
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	cmd := exec.Command(bin, "count")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = full, &stderr
	err = cmd.Run()
	if cmd.ProcessState.ExitCode() != 1 || stderr.String() != "exbench: writing to standard output: write /dev/stdout: no space left on device\n" {
		t.Errorf("count > /dev/full: %v, stderr %q", err, stderr.String())
	}

	// Enough rows that count's table is larger than a pipe's buffer.
	var rows strings.Builder
	rows.WriteString("doc_id,start,end,text,label\n")
	for d := range 20000 {
		fmt.Fprintf(&rows, "d%05d,0,3,Ada,PERSON\n", d)
	}
	big := filepath.Join(t.TempDir(), "big.csv")
	writeTestFile(t, big, rows.String())
	cmd = exec.Command(bin, "count", big)
	stderr.Reset()
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out.Read(make([]byte, 1))
	out.Close()
	err = cmd.Wait()
	if stderr.Len() > 0 || err == nil {
		t.Errorf("count | head -c 1: %v, stderr %q; want it stopped by the closed pipe, quietly", err, stderr.String())
	}
}

// TestConventions checks help VERB, version and flags given after the
// arguments.
func TestConventions(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		wantStdout string // a prefix
	}{
		{[]string{"help", "compare"}, 0, "Usage: exbench compare "},
		{[]string{"help", "count"}, 0, "Usage: exbench count "},
		{[]string{"help"}, 0, "exbench evaluates"},
		{[]string{"version"}, 0, "exbench " + release + "\nmodule github.com/exbench/exbench "},
		{[]string{"-version"}, 0, "exbench " + release + "\n"},
		{[]string{"help", "frobnicate"}, 2, ""},
		{[]string{"help", "score", "compare"}, 2, ""},
		{[]string{"version", "x"}, 2, ""},
	} {
		code, stdout, stderr := exbench(t, tc.args...)
		if code != tc.code || !strings.HasPrefix(stdout, tc.wantStdout) {
			t.Errorf("exbench %q = %d\nstdout: %s\nstderr: %s\nwant %d, stdout starting %q", tc.args, code, stdout, stderr, tc.code, tc.wantStdout)
		}
	}

	// The same comparison, with its flags before, after and among the
	// two systems, and a file named like a flag after "--".
	want := ""
	for i, args := range [][]string{
		compareArgs("-labels", "PERSON", "-seed", "3", "testdata/score/gold.csv", "testdata/score/v1.csv"),
		{"compare", "testdata/score/gold.csv", "testdata/score/v1.csv", "-labels", "PERSON", "-seed", "3", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv"},
		append(compareArgs("testdata/score/gold.csv", "-labels", "PERSON"), "testdata/score/v1.csv", "-seed", "3"),
	} {
		code, stdout, stderr := exbench(t, args...)
		if code != 0 {
			t.Fatalf("exbench %q = %d: %s", args, code, stderr)
		}
		if i == 0 {
			want = stdout
		} else if stdout != want {
			t.Errorf("exbench %q printed\n%s\nwant, as with the flags first:\n%s", args, stdout, want)
		}
	}
	code, _, stderr := exbench(t, compareArgs("testdata/score/gold.csv", "--", "-labels")...)
	if code != 1 || !strings.Contains(stderr, "-labels: no such file or directory") {
		t.Errorf(`compare A -- -labels = %d, want 1 (two systems, the second the missing file "-labels"); stderr: %s`, code, stderr)
	}
}
