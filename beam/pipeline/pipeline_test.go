package pipeline

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/internal/cli"
	"github.com/exbench/exbench/internal/synth"
)

// The tests run the pipeline on Prism, in this process, and check it
// against exbench run and exbench score, run in this process too.

func TestMain(m *testing.M) {
	flag.Parse()
	beamlog.LogLevel = "warn" // not Prism's every step
	beam.Init()
	os.Exit(m.Run())
}

// exbench runs the exbench command and returns its stdout.
func exbench(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := cli.Run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("exbench %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// run runs the pipeline and returns its stdout and stderr.
func run(t *testing.T, o Options) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	o.Stdout, o.Stderr = &stdout, &stderr
	err := Run(context.Background(), o)
	return stdout.String(), stderr.String(), err
}

// writeCorpus writes docs as JSONL files in dir: the whole corpus as
// all.jsonl, and, in part/, as parts files of consecutive documents.
func writeCorpus(t *testing.T, dir string, docs []corpus.Doc, parts int) (whole, glob string) {
	t.Helper()
	write := func(path string, docs []corpus.Doc) {
		var b bytes.Buffer
		if err := corpus.WriteJSONL(&b, docs); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	whole = filepath.Join(dir, "all.jsonl")
	write(whole, docs)
	for i := range parts {
		lo, hi := i*len(docs)/parts, (i+1)*len(docs)/parts
		write(filepath.Join(dir, "part", fmt.Sprintf("c%02d.jsonl", i)), docs[lo:hi])
	}
	return whole, filepath.Join(dir, "part", "c*.jsonl")
}

// sameReports checks that the reports exbench score wrote to want are
// in got, byte for byte, and that got holds no other report.
func sameReports(t *testing.T, want, got string) {
	t.Helper()
	entries, err := os.ReadDir(want)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		n++
		a, err := os.ReadFile(filepath.Join(want, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(got, e.Name()))
		if err != nil {
			t.Errorf("report %s: %v", e.Name(), err)
			continue
		}
		if !bytes.Equal(a, b) {
			t.Errorf("report %s differs from exbench score's (%d and %d bytes)\n%s", e.Name(), len(a), len(b), firstDiff(a, b))
		}
	}
	gotEntries, _ := os.ReadDir(got)
	for _, e := range gotEntries {
		if !e.IsDir() && !slices.ContainsFunc(entries, func(w os.DirEntry) bool { return w.Name() == e.Name() }) {
			t.Errorf("report %s: exbench score writes none", e.Name())
		}
	}
	if n < 5 {
		t.Errorf("exbench score wrote %d reports", n)
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines and %d lines", len(la), len(lb))
}

// mentionsOf reads mention files, their sources left out, sorted.
func mentionsOf(t *testing.T, paths ...string) []corpus.Mention {
	t.Helper()
	var all []corpus.Mention
	for _, p := range paths {
		ms, err := gold.ReadFile(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		all = append(all, ms...)
	}
	for i := range all {
		all[i].Source = corpus.Source{}
	}
	corpus.Sort(all)
	return all
}

// checkPredictions checks that the prediction files of system, read
// back, are the mentions exbench run wrote to ref, and that shard i's
// file is what exbench run -shard i+1/shards writes.
func checkPredictions(t *testing.T, dir, system, ref, corpusPath string, shards int, everyShard bool) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "predictions", system, system+"-*-of-*.csv"))
	if err != nil || len(files) != shards {
		t.Fatalf("%s: %d prediction files (%v), want %d", system, len(files), err, shards)
	}
	got, want := mentionsOf(t, files...), mentionsOf(t, ref)
	if len(got) != len(want) {
		t.Fatalf("%s: %d predictions read back, exbench run wrote %d", system, len(got), len(want))
	}
	for i := range got {
		if corpus.Compare(got[i], want[i]) != 0 || got[i].Text != want[i].Text || !got[i].Value.Equal(want[i].Value) ||
			got[i].Modifier != want[i].Modifier || got[i].Unit != want[i].Unit {
			t.Fatalf("%s: prediction %d read back is %+v, exbench run wrote %+v", system, i, got[i], want[i])
		}
	}
	for i, f := range files {
		if !everyShard && i > 0 {
			break
		}
		shardRef := filepath.Join(t.TempDir(), "shard.csv")
		exbench(t, "run", "-corpus", corpusPath, "-extractor", system, "-shard", fmt.Sprintf("%d/%d", i+1, shards), "-o", shardRef)
		a, _ := os.ReadFile(shardRef)
		b, _ := os.ReadFile(f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s is not what exbench run -shard %d/%d writes\n%s", f, i+1, shards, firstDiff(a, b))
		}
	}
}

// TestBuiltin runs the built-in extractors over the bundled corpus
// against the bundled gold, and checks the table, the reports and the
// predictions against exbench run and exbench score: plain, and with
// intervals and slices.
func TestBuiltin(t *testing.T) {
	dir := t.TempDir()
	whole, _ := writeCorpus(t, dir, corpus.Builtin().Docs, 1)
	systems := []string{"numbers", "dates", "numbers+dates"}
	for _, flags := range [][]string{nil, {"-ci", "-seed=3", "-resamples=500", "-slices"}} {
		t.Run(strings.Join(append([]string{"flags"}, flags...), ""), func(t *testing.T) {
			ref := t.TempDir()
			args := []string{"score", "-corpus", whole, "-o", filepath.Join(ref, "reports")}
			for _, s := range systems {
				p := filepath.Join(ref, "run", s+".csv")
				exbench(t, "run", "-corpus", whole, "-extractor", s, "-o", p)
				args = append(args, "-pred", s+"="+p)
			}
			want := exbench(t, append(args, flags...)...)

			out := filepath.Join(t.TempDir(), "out")
			stdout, stderr, err := run(t, Options{Corpus: whole, Extractors: systems, ScoreArgs: flags, Out: out, Shards: 3})
			if err != nil {
				t.Fatalf("%v\n%s", err, stderr)
			}
			if stdout != want {
				t.Errorf("stdout:\n%s\nexbench score's:\n%s", stdout, want)
			}
			sameReports(t, filepath.Join(ref, "reports"), out)
			for _, s := range systems {
				checkPredictions(t, out, s, filepath.Join(ref, "run", s+".csv"), whole, 3, flags == nil)
			}
			// The partials merge again into the same table.
			parts, _ := filepath.Glob(filepath.Join(out, "partials", "*.exb"))
			if again := exbench(t, append([]string{"merge"}, parts...)...); again != want {
				t.Errorf("exbench merge of the partials:\n%s", again)
			}
			// The predictions score again into the same table.
			args = []string{"score", "-corpus", whole}
			for _, s := range systems {
				args = append(args, "-pred", s+"="+filepath.Join(out, "predictions", s))
			}
			if again := exbench(t, append(args, flags...)...); again != want {
				t.Errorf("exbench score of the predictions:\n%s", again)
			}
		})
	}
}

// generated writes a generated corpus of n news documents, whole and in
// parts, and its gold: the numbers extractor's output.
func generated(t *testing.T, n, parts int) (dir, whole, glob, goldPath string) {
	t.Helper()
	dir = t.TempDir()
	texts := synth.NewsDocs(n, 1500, 7)
	docs := make([]corpus.Doc, len(texts))
	for i, text := range texts {
		docs[i] = corpus.Doc{ID: fmt.Sprintf("n%05d", (i*7919)%n), Text: text} // IDs out of corpus order
	}
	whole, glob = writeCorpus(t, dir, docs, parts)
	goldPath = filepath.Join(dir, "gold", "numbers.csv")
	exbench(t, "run", "-corpus", whole, "-extractor", "numbers", "-o", goldPath)
	return dir, whole, glob, goldPath
}

// TestGenerated runs dates and numbers+dates over a generated corpus of
// 2,000 documents in 3 files against the numbers extractor's output as
// gold (misses and spurious mentions), with intervals and slices, and
// checks the table, the reports and the predictions against exbench run
// and exbench score on the whole corpus in one file; then scores the
// predictions alone (-pred).
func TestGenerated(t *testing.T) {
	dir, whole, glob, goldPath := generated(t, 2000, 3)
	systems := []string{"dates", "numbers+dates"}
	flags := []string{"-gold=" + goldPath, "-skip-uncovered", "-ci", "-seed=5", "-resamples=200", "-slices"}
	ref := filepath.Join(dir, "ref")
	args := []string{"score", "-corpus", whole, "-o", filepath.Join(ref, "reports")}
	for _, s := range systems {
		p := filepath.Join(ref, "run", s+".csv")
		exbench(t, "run", "-corpus", whole, "-extractor", s, "-o", p)
		args = append(args, "-pred", s+"="+p)
	}
	want := exbench(t, append(args, flags...)...)

	out := filepath.Join(dir, "out")
	stdout, stderr, err := run(t, Options{Corpus: glob, Extractors: systems, ScoreArgs: flags, Out: out, Shards: 8})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if stdout != want {
		t.Errorf("stdout:\n%s\nexbench score's:\n%s", stdout, want)
	}
	sameReports(t, filepath.Join(ref, "reports"), out)
	for _, s := range systems {
		checkPredictions(t, out, s, filepath.Join(ref, "run", s+".csv"), whole, 8, false)
	}

	t.Run("pred", func(t *testing.T) {
		// Scoring only: the predictions exbench run wrote, and the
		// pipeline's own, as a directory and as a glob.
		out := filepath.Join(dir, "out-pred")
		preds := []string{"dates=" + filepath.Join(ref, "run", "dates.csv"),
			"numbers+dates=" + filepath.Join(dir, "out", "predictions", "numbers+dates", "*.csv")}
		stdout, stderr, err := run(t, Options{Corpus: glob, Preds: preds, ScoreArgs: flags, Out: out, Shards: 5})
		if err != nil {
			t.Fatalf("%v\n%s", err, stderr)
		}
		if stdout != want {
			t.Errorf("stdout:\n%s\nexbench score's:\n%s", stdout, want)
		}
		sameReports(t, filepath.Join(ref, "reports"), out)
		if _, err := os.Stat(filepath.Join(out, "predictions")); err == nil {
			t.Errorf("scoring only wrote predictions")
		}
	})

	t.Run("uncovered", func(t *testing.T) {
		// A gold of half the documents, without -skip-uncovered: the
		// error of exbench score.
		ms := mentionsOf(t, goldPath)
		ms = slices.DeleteFunc(ms, func(m corpus.Mention) bool { return m.DocID[len(m.DocID)-1]%2 == 1 })
		half := filepath.Join(dir, "gold-half.csv")
		var b bytes.Buffer
		if err := gold.Write(&b, ms); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(half, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		_, stderr, err := run(t, Options{Corpus: glob, Extractors: []string{"dates"}, ScoreArgs: []string{"-gold=" + half}, Out: filepath.Join(dir, "out-unc"), Shards: 2})
		var want bytes.Buffer
		werr := cli.Run(context.Background(), []string{"score", "-corpus", whole, "-gold", half, "-pred", "dates=" + filepath.Join(ref, "run", "dates.csv")}, &bytes.Buffer{}, &want)
		if err == nil || werr == nil || err.Error() != werr.Error() {
			t.Errorf("error %v\nexbench score's %v\n%s", err, werr, stderr)
		}
	})
}

// TestBadInput checks that a malformed JSONL line, a duplicate document
// ID in one file and in two, and a gold mention of no document fail with
// the file and line.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	c1 := write("c1.jsonl", `{"id": "a", "text": "300 people"}`+"\n\n"+`{"id": "b", "text": "5 km"}`+"\n")
	goldPath := write("gold.csv", "doc_id,start,end,text,label,value,modifier,unit\na,0,3,300,CARDINAL,300,,\n")
	for _, tc := range []struct {
		name, file, text string
		want             []string
	}{
		{"malformed", "c2.jsonl", `{"id": "c", "text": "x"}` + "\n" + `{"id": "d", "text": "y"` + "\n",
			[]string{"c2.jsonl:2:24: bad record: the record is cut off: the line ends inside the JSON object", "1 error, 0 warnings"}},
		{"duplicate in a file", "c2.jsonl", `{"id": "c", "text": "x"}` + "\n\n\n" + `{"id": "c", "text": "y"}` + "\n",
			[]string{`c2.jsonl:4: id: duplicate document ID "c" (first on line 1)`}},
		{"duplicate in two files", "c2.jsonl", "\n" + `{"id": "c", "text": "x"}` + "\n" + `{"id": "b", "text": "y"}` + "\n",
			[]string{`c2.jsonl:3: id: duplicate document ID "b" (first in ` + c1 + ` on line 3)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			write(tc.file, tc.text)
			_, stderr, err := run(t, Options{Corpus: filepath.Join(dir, "c*.jsonl"), Extractors: []string{"numbers"},
				ScoreArgs: []string{"-gold=" + goldPath}, Out: filepath.Join(dir, "out"), Shards: 2})
			if !errors.Is(err, cli.ErrFailed) {
				t.Errorf("error %v, want the problems listed", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, filepath.Join(dir, w)) && !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
		})
	}
	t.Run("unknown document", func(t *testing.T) {
		os.Remove(filepath.Join(dir, "c2.jsonl"))
		g := write("gold2.csv", "doc_id,start,end,text,label,value,modifier,unit\na,0,3,300,CARDINAL,300,,\nzz,0,1,3,CARDINAL,3,,\n")
		_, stderr, err := run(t, Options{Corpus: c1, Extractors: []string{"numbers"}, ScoreArgs: []string{"-gold=" + g}, Out: filepath.Join(dir, "out"), Shards: 2})
		want := g + `:3:1: doc_id: unknown document "zz" (not in corpus ` + c1 + ")"
		if !errors.Is(err, cli.ErrFailed) || !strings.Contains(stderr, want) {
			t.Errorf("error %v; stderr does not say %q:\n%s", err, want, stderr)
		}
	})
}
