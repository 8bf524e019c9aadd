package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The adapters of examples/, each run end to end where its runtime is
// present, and skipped with a message where not.

func TestExampleCompromise(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("no node on $PATH: the compromise adapter is not tested")
	}
	dir := filepath.Join("..", "..", "examples", "compromise")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "compromise")); err != nil {
		t.Skip("compromise is not installed: run npm install --prefix examples/compromise (.ci/run does)")
	}
	// A character outside the Basic Multilingual Plane is two UTF-16
	// units and one code point: Paris starts at code point 24.
	corpusDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(corpusDir, "d1.txt"), []byte("😀 “Bob Smith” flew to Paris."), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "compromise.csv")
	code, _, stderr := exbench(t, "run", "-corpus", corpusDir, "-extractor", "external", "-cmd", "node "+filepath.Join(dir, "ner.mjs"), "-name", "compromise", "-ready", "-o", out)
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"d1,3,12,Bob Smith,PERSON,,,\n", "d1,22,27,Paris,GPE,,,\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("compromise found:\n%s\nwant a row %q", data, want)
		}
	}
	// On the bundled corpus, as the README shows it.
	code, _, stderr = exbench(t, "bench", "-ci=false", "-extractor", "external", "-cmd", "node "+filepath.Join(dir, "ner.mjs"), "-name", "compromise", "-ready", "-j", "2", "-o", t.TempDir())
	if code != 0 {
		t.Fatalf("bench: exit %d: %s", code, stderr)
	}
}

func TestExampleSpaCy(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 on $PATH: the spaCy adapter is not tested")
	}
	if err := exec.Command(python, "-c", "import spacy; spacy.load('en_core_web_sm')").Run(); err != nil {
		t.Skip("spaCy or its en_core_web_sm pipeline is not installed: the spaCy adapter is not tested")
	}
	out := filepath.Join(t.TempDir(), "spacy.csv")
	script := filepath.Join("..", "..", "examples", "spacy", "ner.py")
	code, _, stderr := exbench(t, "run", "-extractor", "external", "-cmd", "python3 "+script+" en_core_web_sm", "-name", "spacy-sm", "-ready", "-o", out)
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
}

// TestExampleLLM runs the canned LLM-style adapter, whose mentions have a
// text and a label and no offsets, on the two-document case. By hand:
// Ada, Bob, Dmeir, Damascus, 50 km, ISIS and "more than 300" are placed on
// their gold mentions (7 correct); the second Bob (one Bob in a) and
// Tuesday (not in b) are not found, so spurious; Monday is missed. Strict
// P = 7/9, R = 7/8; the two numbers are read right.
func TestExampleLLM(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 on $PATH: the LLM-style adapter is not tested")
	}
	out := t.TempDir()
	script := filepath.Join("..", "..", "examples", "llm", "canned.py")
	code, stdout, stderr := exbench(t, "bench", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "-ci=false", "-bag",
		"-extractor", "external", "-cmd", python+" "+script+" testdata/llm/answers.jsonl", "-name", "llm", "-ready", "-o", out)
	if code != 0 {
		t.Fatalf("bench: exit %d: %s", code, stderr)
	}
	if want := `exbench: system llm: 9 predictions given without offsets, placed in the text by their text; 2 not found there, scored as spurious: a: "Bob" (PERSON), b: "Tuesday" (DATE)` + "\n"; stderr != want {
		t.Errorf("stderr:\n%s\nwant\n%s", stderr, want)
	}
	rows := readCSV(t, filepath.Join(out, "scores.csv"))
	got := map[string]string{}
	for _, r := range rows[1:] {
		if r[2] == "micro" {
			got[r[1]] = strings.Join(r[3:13], ",")
		}
	}
	// The bag scheme, by text within each label (by value for the two
	// numbers), agrees here: PERSON matches Ada and Bob and has a Bob
	// more, DATE misses Monday and has Tuesday.
	for scheme, want := range map[string]string{
		"strict": "7,0,0,1,2,8,9,0.7778,0.8750,0.8235",
		"value":  "2,0,0,0,0,2,2,1.0000,1.0000,1.0000",
		"bag":    "7,0,0,1,2,8,9,0.7778,0.8750,0.8235",
	} {
		if got[scheme] != want {
			t.Errorf("%s micro = %s, want %s", scheme, got[scheme], want)
		}
	}
	if !strings.Contains(stdout, "value                bag\n") {
		t.Errorf("the bench table has no bag column:\n%s", stdout)
	}
	// Sent two documents a request (-batch 2), the same scores.
	out2 := t.TempDir()
	code, _, stderr = exbench(t, "bench", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "-ci=false", "-bag", "-batch", "2",
		"-extractor", "external", "-cmd", python+" "+script+" testdata/llm/answers.jsonl", "-name", "llm", "-ready", "-o", out2)
	if code != 0 {
		t.Fatalf("bench -batch 2: exit %d: %s", code, stderr)
	}
	for _, name := range []string{"scores.csv", "predictions/llm.csv"} {
		a, _ := os.ReadFile(filepath.Join(out, name))
		b, _ := os.ReadFile(filepath.Join(out2, name))
		if string(a) != string(b) || len(a) == 0 {
			t.Errorf("%s differs with -batch 2", name)
		}
	}
	// The predictions keep no offsets: they are written as given.
	data, err := os.ReadFile(filepath.Join(out, "predictions", "llm.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\nb,,,Tuesday,DATE,,,\n") {
		t.Errorf("predictions:\n%s", data)
	}
}
