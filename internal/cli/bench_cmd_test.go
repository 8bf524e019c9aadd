package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/extract"
	"github.com/exbench/exbench/gold"
)

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out", "numbers.csv")
	code, stdout, stderr := exbench(t, "run", "-extractor", "numbers", "-j", "2", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "numbers ") || !strings.Contains(stdout, "in 5 documents") {
		t.Errorf("stdout = %q", stdout)
	}
	f, err := gold.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	c := corpus.Builtin()
	in := eval.Input{Corpus: c.Name, Docs: c.All(), Systems: []eval.System{{Name: "numbers", Mentions: eval.Mentions(f)}}}
	if _, err := in.Check(context.Background(), eval.Setup{}); err != nil || len(f) == 0 {
		t.Errorf("predictions: %d mentions, problems: %v", len(f), err)
	}
	for _, m := range f {
		if !m.Label.Numeric() {
			t.Errorf("numbers found a %s: %q", m.Label, m.Text)
		}
	}
	data, err := os.ReadFile(strings.TrimSuffix(out, ".csv") + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m extract.Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.Extractor != "numbers" || m.Version == "" || m.Documents != 5 || m.Mentions != len(f) ||
		m.Fingerprint != fingerprint(c) || m.Workers != 2 || m.WallSeconds <= 0 {
		t.Errorf("manifest = %+v", m)
	}
}

// fingerprint is the SHA-256 of the corpus's IDs and texts, in order, each
// followed by a NUL byte.
func fingerprint(c *corpus.Corpus) string {
	h := sha256.New()
	for _, d := range c.Docs {
		h.Write([]byte(d.ID + "\x00" + d.Text + "\x00"))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

func TestRunUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "-o", "x.csv"}, "run: -extractor is required"},
		{[]string{"run", "-extractor", "numbers"}, "run: -o FILE.csv is required"},
		{[]string{"run", "-extractor", "spacy", "-o", "x.csv"}, `unknown extractor "spacy"`},
		{[]string{"run", "-extractor", "external", "-o", "x.csv"}, "-extractor external needs -cmd"},
		{[]string{"run", "-extractor", "numbers", "-j", "0", "-o", "x.csv"}, "-j must be at least 1"},
		{[]string{"bench", "-extractor", "numbers", "-extractor", "numbers"}, "extractor numbers given twice"},
	} {
		code, _, stderr := exbench(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("exbench %q = %d, %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// TestBench runs the main job with every built-in extractor on the
// bundled corpus and checks what it prints and writes.
func TestBench(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := exbench(t, "bench", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"5 documents, 388 gold mentions", "system", "prose ", "numbers ", "dates ", "prose+numbers+dates "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if want := ", report.html (open it in a browser"; !strings.Contains(stdout, want) {
		t.Errorf("stdout does not say where the HTML report is (%q):\n%s", want, stdout)
	}
	if b, err := os.ReadFile(filepath.Join(out, "report.html")); err != nil || !strings.HasPrefix(string(b), "<!DOCTYPE html>") {
		t.Errorf("report.html: %v, %.40q", err, b)
	}
	for _, name := range append([]string{"predictions/prose.csv", "predictions/prose.json", "predictions/numbers.csv", "predictions/dates.csv", "predictions/prose+numbers+dates.csv"}, reportFiles...) {
		if fi, err := os.Stat(filepath.Join(out, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	rows := readCSV(t, filepath.Join(out, "scores.csv"))
	systems := map[string]bool{}
	for _, r := range rows[1:] {
		systems[r[0]] = true
	}
	if len(systems) != 4 {
		t.Errorf("scores.csv has systems %v, want 4", systems)
	}
	// A second run replaces the files and gives the same reports.
	first, _ := os.ReadFile(filepath.Join(out, "scores.csv"))
	if code, _, stderr := exbench(t, "bench", "-o", out); code != 0 {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	second, _ := os.ReadFile(filepath.Join(out, "scores.csv"))
	if string(first) != string(second) {
		t.Error("scores.csv differs between two runs")
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestBenchSystemNameIsNotAPath runs an external extractor named like a
// path: its predictions stay inside the output directory.
func TestBenchSystemNameIsNotAPath(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	root := t.TempDir()
	out := filepath.Join(root, "out")
	code, _, stderr := exbench(t, "bench", "-ci=false", "-extractor", "external", "-cmd", "python3 ../../extract/external/testdata/capitalised.py", "-name", "../escaped", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "predictions", "_.._escaped.csv")); err != nil {
		t.Error(err)
	}
	if matches, _ := filepath.Glob(filepath.Join(root, "escaped*")); len(matches) > 0 {
		t.Errorf("wrote outside the output directory: %v", matches)
	}
}
