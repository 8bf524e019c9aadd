package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// perExternal is a program that speaks CoNLL's labels: after 0.3 s of
// loading it says it is ready, then tags the first character of every
// document PER.
var perExternal = []string{"-extractor", "external", "-shell", "-name", "per", "-version", "1", "-cmd",
	`sleep 0.3; echo '{"ready": true}'; while read -r line; do id=$(printf '%s' "$line" | sed 's/^{"doc_id":"\([^"]*\)".*/\1/'); printf '{"doc_id":"%s","mentions":[{"start":0,"end":1,"label":"PER"}]}\n' "$id"; done`}

// TestExternalConventions runs an external program with its own label
// set through -map, two copies with -j 2, and the ready handshake, and
// checks the manifest.
func TestExternalConventions(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	out := t.TempDir()
	args := append([]string{"bench", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "-ci=false", "-j", "2", "-ready", "-map", "conll2003", "-o", out}, perExternal...)
	code, stdout, stderr := exbench(t, args...)
	if code != 0 {
		t.Fatalf("bench -map conll2003: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "labels mapped by conll2003") {
		t.Errorf("bench does not say the labels were mapped:\n%s", stdout)
	}
	data, err := os.ReadFile(filepath.Join(out, "predictions", "per.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Command     string  `json:"command"`
		Workers     int     `json:"workers"`
		LoadSeconds float64 `json:"load_seconds"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.Command, "sh -c sleep 0.3;") || m.Workers != 2 || m.LoadSeconds < 0.3 {
		t.Errorf("manifest: command %q, workers %d, load_seconds %v; want the command, 2 workers and at least the 0.3 s of loading", m.Command, m.Workers, m.LoadSeconds)
	}
	preds, err := os.ReadFile(filepath.Join(out, "predictions", "per.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(preds), ",PER,") {
		t.Errorf("predictions do not keep the program's label PER:\n%s", preds)
	}

	// Without -map, PER is refused, with a hint.
	args = append([]string{"bench", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "-ci=false", "-o", t.TempDir()}, perExternal...)
	code, _, stderr = exbench(t, args...)
	if code != 1 || !strings.Contains(stderr, `label: unknown label "PER"`) || !strings.Contains(stderr, "needs a label map, -map") {
		t.Errorf("bench without -map = %d, stderr:\n%s", code, stderr)
	}

	// run takes -map too, and writes the labels as the program gave them.
	csv := filepath.Join(t.TempDir(), "per.csv")
	args = append([]string{"run", "-corpus", "testdata/score/corpus", "-map", "conll2003", "-o", csv}, perExternal...)
	if code, _, stderr := exbench(t, args...); code != 0 {
		t.Fatalf("run -map conll2003: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(csv); strings.Count(string(data), ",PER,") != 2 {
		t.Errorf("run -map conll2003 wrote:\n%s", data)
	}
}

// TestIntervalsOnScreen: with -ci the bench table is followed by each
// system's micro F1 with its interval, and the value scheme of a system
// that finds no number is n/a, not 0.
func TestIntervalsOnScreen(t *testing.T) {
	code, stdout, stderr := exbench(t, "bench", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv", "-extractor", "dates", "-ci", "-resamples", "200", "-o", t.TempDir())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"      n/a   n/a   n/a\n",
		"micro F1 in % and its interval (BCa 95%, 200 resamples of documents, seed 1)\nsystem  strict              exact ",
		"\ndates   ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("bench -ci printed:\n%s\nwant it to contain %q", stdout, want)
		}
	}
	_, intervals, _ := strings.Cut(stdout, "micro F1 in %")
	intervals, _, _ = strings.Cut(intervals, "\n\n")
	for _, line := range strings.Split(intervals, "\n") {
		if n := len([]rune(line)); n > 110 {
			t.Errorf("interval table line of %d columns: %q", n, line)
		}
	}
}
