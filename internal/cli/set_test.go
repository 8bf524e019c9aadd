package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestConcurrentScore runs 8 scorings into one directory at once, 20
// times: each succeeds, and the five reports always come from one run.
func TestConcurrentScore(t *testing.T) {
	out := t.TempDir()
	for round := range 20 {
		errs := make(chan error, 8)
		for i := range 8 {
			go func() {
				args := []string{"score", "-corpus", "testdata/score/corpus", "-gold", "testdata/score/gold.csv",
					"-pred", fmt.Sprintf("r%dx%d=testdata/score/v1.csv", round, i), "-o", out}
				var stdout, stderr strings.Builder
				if err := run(context.Background(), args, &stdout, &stderr); err != nil {
					errs <- fmt.Errorf("%v: %s", err, stderr.String())
					return
				}
				errs <- nil
			}()
		}
		for range 8 {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		systems := map[string]bool{}
		for name, data := range reportsIn(t, out) {
			rows := readCSV(t, filepath.Join(out, name))
			for _, r := range rows[1:] {
				systems[r[0]] = true
			}
			if len(data) == 0 {
				t.Fatalf("round %d: %s is empty", round, name)
			}
		}
		if len(systems) != 1 {
			t.Fatalf("round %d: the reports hold the systems %v: a mixed set", round, systems)
		}
	}
}

// slowExternal is an external extractor in sh that finds nothing, taking
// a while per document, and exits with status code at the end.
func slowExternal(sleep string, code int) []string {
	script := fmt.Sprintf(`while read -r line; do sleep %s; id=$(printf '%%s' "$line" | sed 's/^{"doc_id":"\([^"]*\)".*/\1/'); printf '{"doc_id":"%%s","mentions":[]}\n' "$id"; done; exit %d`, sleep, code)
	return []string{"-extractor", "external", "-shell", "-cmd", script, "-name", "slow", "-version", "1"}
}

// TestRunFailsWhole: a program that answers every document and then exits
// with an error leaves the earlier prediction file and manifest as they
// were; neither is replaced.
func TestRunFailsWhole(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	out := filepath.Join(t.TempDir(), "slow.csv")
	args := append([]string{"run", "-o", out}, slowExternal("0", 0)...)
	if code, _, stderr := exbench(t, args...); code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	before := readTree(t, filepath.Dir(out))
	args = append([]string{"run", "-o", out}, slowExternal("0", 3)...)
	code, _, stderr := exbench(t, args...)
	if want := "exbench: external slow: exited with status 3 after the last document\n"; code != 1 || stderr != want {
		t.Errorf("run with a program that exits 3 = %d, stderr:\n%s", code, stderr)
	}
	if after := readTree(t, filepath.Dir(out)); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("files changed by a failed run:\nbefore %v\nafter  %v", before, after)
	}
}

// versionedExternal is an external extractor in sh, named ext, whose
// version 2 tags the first character of every document and version 1
// finds nothing, taking sleep seconds a document.
func versionedExternal(version int, sleep string) []string {
	script := fmt.Sprintf(`while read -r line; do sleep %s; id=$(printf '%%s' "$line" | sed 's/^{"doc_id":"\([^"]*\)".*/\1/'); if [ %d = 2 ]; then m='{"start":0,"end":1,"label":"PERSON"}'; else m=; fi; printf '{"doc_id":"%%s","mentions":[%%s]}\n' "$id" "$m"; done`, sleep, version)
	return []string{"-extractor", "external", "-shell", "-cmd", script, "-name", "ext", "-version", fmt.Sprint(version)}
}

// TestKillBench interrupts (SIGINT) or kills (SIGKILL) at random moments
// a bench over the output of an earlier one with another version of an
// extractor, while one extractor may have finished and another still
// runs: the directory always holds one bench's set, predictions and
// reports alike, never a mix.
func TestKillBench(t *testing.T) {
	t.Parallel() // mostly waiting for the child
	bin := shBinary(t)
	args := func(version int, out string) []string {
		return append([]string{"bench", "-ci=false", "-extractor", "numbers", "-o", out}, versionedExternal(version, "0.05")...)
	}
	// fixed drops what changes from run to run: the timings in the
	// manifests, whose versions are kept.
	fixed := func(tree map[string]string) map[string]string {
		out := map[string]string{}
		for name, data := range tree {
			if strings.HasSuffix(name, ".json") {
				var m struct{ Version string }
				if err := json.Unmarshal([]byte(data), &m); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				data = m.Version
			}
			out[name] = data
		}
		return out
	}
	var want [3]string // by version: the set, timings left out
	var took time.Duration
	for v := 1; v <= 2; v++ {
		out := filepath.Join(t.TempDir(), "want")
		start := time.Now()
		if b, err := exec.Command(bin, args(v, out)...).CombinedOutput(); err != nil {
			t.Fatalf("bench: %v\n%s", err, b)
		}
		took = max(took, time.Since(start))
		want[v] = fmt.Sprint(fixed(readTree(t, out)))
	}
	if want[1] == want[2] {
		t.Fatal("the two versions give the same set")
	}
	out := t.TempDir()
	if b, err := exec.Command(bin, args(1, out)...).CombinedOutput(); err != nil {
		t.Fatalf("bench: %v\n%s", err, b)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	counts := map[string]int{}
	for i := range 10 {
		sig, sigName := os.Signal(os.Interrupt), "SIGINT"
		if i%2 == 1 {
			sig, sigName = os.Kill, "SIGKILL"
		}
		before := fmt.Sprint(fixed(readTree(t, out)))
		version := 2 - i/2%2 // 2, 2, 1, 1, 2, ...
		cmd := exec.Command(bin, args(version, out)...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(took))))
		cmd.Process.Signal(sig)
		cmd.Wait()
		code := cmd.ProcessState.ExitCode()
		tree := readTree(t, out)
		if _, ok := tree["/.exbench-set"]; ok { // killed while renaming: the next run puts the set back
			counts["SIGKILL while renaming"]++
			if code, _, stderr := exbench(t, append([]string{"bench", "-ci=false", "-o", out}, slowExternal("0", 3)...)...); code != 1 {
				t.Fatalf("run %d: exit %d after a kill while renaming: %s", i, code, stderr)
			}
			tree = readTree(t, out)
		}
		for name := range tree {
			if isTemp(filepath.Base(name)) {
				delete(tree, name) // what a killed run left; the next one removes it
			}
		}
		after := fmt.Sprint(fixed(tree))
		switch {
		case after != want[1] && after != want[2]:
			t.Errorf("run %d: %s: exit %d: the set is not one bench's:\n%s\nstderr:\n%s", i, sigName, code, after, stderr.String())
		case code == 0 && after == want[version]:
			counts[sigName+" too late"]++
		case code != 0 && sig == os.Kill && after == want[version] && after != before:
			counts[sigName+" too late"]++ // killed after the set was in place
		case after == before && code != 0:
			counts[sigName+" in time"]++
			if sig == os.Interrupt && (code != 130 || !strings.HasSuffix(stderr.String(), "exbench: interrupted; no file was written\n")) {
				t.Errorf("run %d: exit %d after SIGINT, stderr:\n%s", i, code, stderr.String())
			}
		default:
			t.Errorf("run %d: %s: exit %d, set %v before, %v after", i, sigName, code, before == want[2], after == want[2])
		}
	}
	t.Log(counts)
}

// shBinary skips the test in -short mode or where there is no sh to run
// external programs with, and returns the exbench binary.
func shBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the binary")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	return binary(t)
}

// readTree returns every file under dir with its content.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(path)
			files[strings.TrimPrefix(path, dir)] = string(data)
		}
		return nil
	})
	return files
}

// TestKillRun interrupts (SIGINT) or kills (SIGKILL) at random moments a
// run with an external program over the output of an earlier run with
// another version of the program: the CSV and its manifest are always of
// one run, both old or both new.
func TestKillRun(t *testing.T) {
	t.Parallel() // mostly waiting for the child
	bin := shBinary(t)
	out := filepath.Join(t.TempDir(), "ext.csv")
	args := func(version int) []string {
		return append([]string{"run", "-o", out}, versionedExternal(version, "0.05")...)
	}
	// checkPair fails unless the CSV and the manifest are of one run.
	checkPair := func(i int) (version string) {
		t.Helper()
		data, err := os.ReadFile(manifestPath(out))
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		var m struct {
			Version  string
			Mentions int
		}
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("run %d: manifest: %v", i, err)
		}
		rows := readCSV(t, out)
		if len(rows)-1 != m.Mentions || m.Version == "1" && m.Mentions != 0 || m.Version == "2" && m.Mentions != 5 {
			t.Fatalf("run %d: the manifest says version %s, %d mentions; the CSV has %d", i, m.Version, m.Mentions, len(rows)-1)
		}
		return m.Version
	}
	if b, err := exec.Command(bin, args(1)...).CombinedOutput(); err != nil {
		t.Fatalf("run: %v\n%s", err, b)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	counts := map[string]int{}
	for i := range 12 {
		sig, sigName := os.Signal(os.Interrupt), "SIGINT"
		if i%2 == 1 {
			sig, sigName = os.Kill, "SIGKILL"
		}
		version := i/2%2 + 1 // the run replaces version 1 with 2, or 2 with 1
		before := checkPair(i)
		cmd := exec.Command(bin, args(version)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(600 * time.Millisecond))))
		cmd.Process.Signal(sig)
		cmd.Wait()
		if _, err := os.Stat(filepath.Join(filepath.Dir(out), ".exbench-set")); err == nil {
			// Killed while renaming: the next run puts the pair back,
			// even one that fails.
			counts["SIGKILL while renaming"]++
			args := append([]string{"run", "-o", out}, slowExternal("0", 3)...)
			if code, _, stderr := exbench(t, args...); code != 1 {
				t.Fatalf("run %d: exit %d after a kill while renaming: %s", i, code, stderr)
			}
			if after := checkPair(i); after != before {
				t.Errorf("run %d: version %s before, %s after a kill while renaming and a failed run", i, before, after)
			}
			continue
		}
		after := checkPair(i)
		code := cmd.ProcessState.ExitCode()
		switch {
		case after == fmt.Sprint(version) && (code == 0 || sig == os.Kill):
			counts[sigName+" too late"]++ // a kill may come after the files are in place
		case code != 0 && after == before:
			counts[sigName+" in time"]++
		default:
			t.Errorf("run %d: %s: exit %d, version %s before, %s after", i, sigName, code, before, after)
		}
	}
	t.Log(counts)
}

// TestRunOwnFile: run drops the duplicate mentions of an external program
// and says so, and validate -pred accepts what run wrote, overlaps and
// all (as gold, overlaps are errors).
func TestRunOwnFile(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	out := filepath.Join(t.TempDir(), "dups.csv")
	script := `while read -r line; do id=$(printf '%s' "$line" | sed 's/^{"doc_id":"\([^"]*\)".*/\1/'); printf '{"doc_id":"%s","mentions":[{"start":0,"end":3,"label":"ORG"},{"start":1,"end":4,"label":"PERSON"},{"start":0,"end":3,"label":"ORG"}]}\n' "$id"; done`
	code, _, stderr := exbench(t, "run", "-o", out, "-extractor", "external", "-shell", "-cmd", script, "-name", "dups")
	if want := "exbench: warning: dups: dropped 5 duplicate mentions (the span and label of another mention of the document)\n"; code != 0 || stderr != want {
		t.Errorf("run: exit %d, stderr %q, want %q", code, stderr, want)
	}
	if rows := readCSV(t, out); len(rows) != 11 {
		t.Errorf("run wrote %d mentions, want 10", len(rows)-1)
	}
	if code, stdout, stderr := exbench(t, "validate", "-pred", out); code != 0 || stdout != "ok: 10 mentions in 1 file match corpus dmeir-2016 (5 documents)\n" || stderr != "" {
		t.Errorf("validate -pred: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := exbench(t, "validate", out); code != 1 || !strings.Contains(stderr, `overlaps 0:3 ORG "ISI" on line 2 (gold spans are flat)`) {
		t.Errorf("validate as gold: exit %d\n%s", code, stderr)
	}
}

// TestRunOrder: run keeps the order of a corpus not sorted by ID, and
// exbench reads that file, as predictions or as gold, without a warning.
func TestRunOrder(t *testing.T) {
	dir := t.TempDir()
	var jsonl strings.Builder
	for i := range 40 {
		fmt.Fprintf(&jsonl, `{"id":"d%02d","text":"ISIS took %d workers on 4 April 2016."}`+"\n", (i*17)%40, 100+i)
	}
	corpusPath := filepath.Join(dir, "c.jsonl")
	if err := os.WriteFile(corpusPath, []byte(jsonl.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "p.csv")
	if code, _, stderr := exbench(t, "run", "-corpus", corpusPath, "-extractor", "numbers", "-o", out); code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	if rows := readCSV(t, out); rows[1][0] != "d00" || rows[len(rows)-1][0] != "d23" {
		t.Errorf("run wrote documents %s to %s, want the corpus order, d00 to d23", rows[1][0], rows[len(rows)-1][0])
	}
	for _, args := range [][]string{
		{"validate", "-corpus", corpusPath, out},
		{"validate", "-corpus", corpusPath, "-pred", out},
		{"score", "-corpus", corpusPath, "-gold", out, "-pred", out},
	} {
		if code, _, stderr := exbench(t, args...); code != 0 || stderr != "" {
			t.Errorf("%s: exit %d, stderr:\n%s", strings.Join(args, " "), code, stderr)
		}
	}
}

// TestGoldCopied: a gold directory in which a file was copied annotates
// its document twice: validate and score fail, naming both files, rather
// than count that gold twice.
func TestGoldCopied(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "gold", "dmeir-2016")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
		if strings.HasPrefix(e.Name(), "000_") {
			os.WriteFile(filepath.Join(dir, "000_x (copy).csv"), data, 0o644)
		}
	}
	want := "same span 0:4 and label as " + filepath.Join(dir, "000_579c75cdcbc092f7.csv") + ":2\n"
	for _, args := range [][]string{{"validate", dir}, {"score", "-gold", dir, "-pred", "testdata/score/v1.csv"}} {
		code, _, stderr := exbench(t, args...)
		if first, _, _ := strings.Cut(stderr, "\n"); code != 1 || !strings.HasSuffix(first+"\n", want) || !strings.Contains(first, "(copy).csv:2:") {
			t.Errorf("%s: exit %d, stderr:\n%s", args[0], code, stderr)
		}
	}
}

// TestRunCorpusProblems: run lists every problem of the corpus as
// validate does, a named pipe and a device among them, and writes
// nothing.
func TestRunCorpusProblems(t *testing.T) {
	dir := t.TempDir()
	c := filepath.Join(dir, "corpus")
	os.Mkdir(c, 0o755)
	writeTestFile(t, filepath.Join(c, "a.txt"), "ISIS took 300 workers.")
	writeTestFile(t, filepath.Join(c, "b.txt"), "bad \xff byte")
	mkfifo(t, filepath.Join(c, "c.txt"))
	devZero(t, filepath.Join(c, "d.txt"))
	os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(c, "e.txt"))
	want := c + "/b.txt:1:5: invalid UTF-8: byte 0xff at byte offset 4\n" +
		c + "/c.txt: a named pipe (FIFO): exbench reads regular files only\n" +
		c + "/d.txt: a character device: exbench reads regular files only\n" +
		c + "/e.txt: no such file or directory (broken symbolic link)\n" +
		"4 errors, 0 warnings\n"
	out := filepath.Join(dir, "out", "p.csv")
	for _, args := range [][]string{
		{"run", "-corpus", c, "-extractor", "numbers", "-o", out},
		{"validate", "-corpus", c},
	} {
		if code, _, stderr := exbench(t, args...); code != 1 || stderr != want {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant\n%s", args[0], code, stderr, want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("run wrote its output")
	}
}
