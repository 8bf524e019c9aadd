package report_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
	"github.com/exbench/exbench/internal/golden"
	"github.com/exbench/exbench/internal/marks"
	"github.com/exbench/exbench/report"
	"github.com/google/go-cmp/cmp"
)

// The case of the golden reports, by hand:
//
//	a  gold Ada PERSON, Bob PERSON, Dmeir GPE, 50 km QUANTITY (km)
//	   A: Ada PERSON, "Bob in Dmeir" LOC, 50 km (mi)     B: Ada, Bob, Dmeir right, 50 km (km)
//	b  gold ISIS ORG, more than 300 CARDINAL (> 300)
//	   A: ISIS GPE, 300 (300), workers ORG               B: ISIS ORG, 300 (300)
//
// A under strict: COR Ada and 50 km; INC Bob in Dmeir (on Dmeir, the
// larger overlap), ISIS, 300; MIS Bob; SPU workers: COR 2, INC 3, MIS 1,
// SPU 1, P = R = 2/6.
var (
	goldMarks = []string{
		"a", "“⟦Ada|PERSON⟧” met ⟦Bob|PERSON⟧ in ⟦Dmeir|GPE⟧, ⟦50 km|QUANTITY|50||km⟧ away.",
		"b", "⟦ISIS|ORG⟧ took ⟦more than 300|CARDINAL|300|>⟧ workers.",
	}
	aMarks = []string{
		"a", "“⟦Ada|PERSON⟧” met ⟦Bob in Dmeir|LOC⟧, ⟦50 km|QUANTITY|50||mi⟧ away.",
		"b", "⟦ISIS|GPE⟧ took more than ⟦300|CARDINAL|300⟧ ⟦workers|ORG⟧.",
	}
	bMarks = []string{
		"a", "“⟦Ada|PERSON⟧” met ⟦Bob|PERSON⟧ in ⟦Dmeir|GPE⟧, ⟦50 km|QUANTITY|50||km⟧ away.",
		"b", "⟦ISIS|ORG⟧ took more than ⟦300|CARDINAL|300⟧ workers.",
	}
)

// scored scores A and B against the gold, with intervals, keeping every
// document's result for the reports.
func scored(t *testing.T) (*eval.Result, *report.Rows, *report.Changes) {
	t.Helper()
	docs, gold := marks.Docs(goldMarks...)
	_, a := marks.Docs(aMarks...)
	_, b := marks.Docs(bMarks...)
	c, err := corpus.New("test", docs)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := report.NewRows([]string{"A", "B"}, eval.Schemes)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rows.Close() })
	changes := report.NewChanges()
	setup := eval.Setup{KeepDocs: true, Intervals: &eval.BootstrapOptions{Resamples: 200, Seed: 3}}
	setup.Each = func(c *eval.Case, sys int, r *eval.DocResult) error {
		return errors.Join(rows.Add(c, sys, r), changes.Add(c, sys, r))
	}
	in := eval.Input{Corpus: c.Name, Docs: c.All(), Gold: eval.Mentions(gold),
		Systems: []eval.System{{Name: "A", Mentions: eval.Mentions(a)}, {Name: "B", Mentions: eval.Mentions(b)}}}
	res, err := eval.Score(context.Background(), in, setup)
	if err != nil {
		t.Fatal(err)
	}
	return res, rows, changes
}

func TestReports(t *testing.T) {
	res, rows, changes := scored(t)
	dir := t.TempDir()
	if err := report.Write(context.Background(), dir, res, rows); err != nil {
		t.Fatal(err)
	}
	for _, name := range report.ScoreFiles {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, name, string(data))
		if name == "scores.csv" && !strings.Contains(string(data), "\nA,strict,micro,2,3,0,1,1,6,6,0.3333,0.3333,0.3333,,,,,") {
			t.Errorf("scores.csv has not A's strict micro counts worked out by hand:\n%s", data)
		}
	}
	var b bytes.Buffer
	if err := report.Table(&b, res); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "table.txt", b.String())

	b.Reset()
	if err := report.BenchTable(&b, res, report.Bench{Docs: 2, DocsPerSec: []float64{100, 1e6}}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "bench.txt", b.String())

	b.Reset()
	if err := report.Conlleval(&b, 20, 17, &res.Systems[0].Summary); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "conlleval.txt", b.String())

	opts := eval.BootstrapOptions{Resamples: 200, Seed: 3}
	c, err := res.Compare(0, 1, opts, 0.05)
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := report.CompareTable(&b, "A", "B", c, opts, 0.05); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "compare.txt", b.String())
	b.Reset()
	if err := report.CompareCSV(&b, c, &res.Setup, 0.05); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "compare.csv", b.String())
	b.Reset()
	if err := changes.Write(&b); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "changes.csv", b.String())
	// By hand: under strict, A's Bob (missed), Dmeir (incorrect) and ISIS
	// (incorrect) are fixed in B, and A's spurious workers is removed.
	for _, want := range []string{"fixed,strict,a,10,13,Bob,PERSON", "fixed,strict,a,17,22,Dmeir,GPE", "fixed,strict,b,0,4,ISIS,ORG", "removed spurious,strict,b,24,31,workers,ORG"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("changes.csv has no %q:\n%s", want, b.String())
		}
	}
}

func TestSweepReports(t *testing.T) {
	docs, gold := marks.Docs(goldMarks...)
	_, pred := marks.Docs(bMarks...)
	for i := range pred {
		pred[i].Score, pred[i].HasScore = float64(len(pred)-i)/10, true
	}
	var sd []eval.SweepDoc
	for _, d := range docs {
		in := func(ms []corpus.Mention) []corpus.Mention {
			return slices.DeleteFunc(slices.Clone(ms), func(m corpus.Mention) bool { return m.DocID != d.ID })
		}
		sd = append(sd, eval.SweepDoc{Doc: d, Gold: in(gold), Pred: in(pred)})
	}
	opts := eval.BootstrapOptions{Resamples: 200, Seed: 1, Method: eval.Percentile}
	points, err := eval.Sweep(sd, eval.SweepOptions{Scheme: eval.Strict, Label: eval.All, Bootstrap: &opts})
	if err != nil {
		t.Fatal(err)
	}
	s := report.Sweep{System: "B", Scheme: eval.Strict, Label: eval.All, Gold: 6, Points: points, Intervals: &opts}
	var b bytes.Buffer
	if err := s.Table(&b); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "sweep.txt", b.String())
	b.Reset()
	if err := s.Curve(&b); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "curve.csv", b.String())
}

func TestCounts(t *testing.T) {
	_, ms := marks.Docs(append(goldMarks, "c", "⟦Zoë|PERSON⟧")...)
	var c report.Counts
	for _, m := range ms {
		c.Add(m)
	}
	var b bytes.Buffer
	if err := c.Table(&b); err != nil {
		t.Fatal(err)
	}
	want := `doc_id  PERSON  ORG  GPE  QUANTITY  CARDINAL  total
a            2    0    1         1         0      4
b            0    1    0         0         1      2
c            1    0    0         0         0      1
total        3    1    1         1         1      7
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("Counts.Table (-want +got):\n%s", diff)
	}
	b.Reset()
	if err := c.CSV(&b); err != nil || !strings.HasPrefix(b.String(), "doc_id,PERSON,ORG,GPE,QUANTITY,CARDINAL,total\na,2,0,1,1,0,4\n") {
		t.Errorf("Counts.CSV = %q, %v", b.String(), err)
	}
}

// TestWriteSet checks that a set of files is written whole or not at
// all: on a failing file, on an interrupt, over a directory.
func TestWriteSet(t *testing.T) {
	dir := t.TempDir()
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	read := func() []string {
		var got []string
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			got = append(got, e.Name()+"="+string(data))
		}
		return got
	}
	ctx := context.Background()
	if err := report.WriteSet(ctx, dir, []report.File{{Name: "a.csv", Write: text("1")}, {Name: "b.csv", Write: text("2")}}); err != nil {
		t.Fatal(err)
	}
	want := []string{"a.csv=1", "b.csv=2"}
	if diff := cmp.Diff(want, read()); diff != "" {
		t.Fatalf("written (-want +got):\n%s", diff)
	}
	fail := errors.New("disk full")
	err := report.WriteSet(ctx, dir, []report.File{{Name: "a.csv", Write: text("new")}, {Name: "b.csv", Write: func(io.Writer) error { return fail }}})
	if !errors.Is(err, fail) {
		t.Errorf("WriteSet with a failing file = %v", err)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if err := report.WriteSet(canceled, dir, []report.File{{Name: "a.csv", Write: text("new")}}); !errors.Is(err, context.Canceled) {
		t.Errorf("WriteSet when interrupted = %v", err)
	}
	if diff := cmp.Diff(want, read()); diff != "" {
		t.Fatalf("after a failing and an interrupted set (-want +got):\n%s", diff)
	}
	// A killed run's temporary file is removed by the next run that
	// writes that file.
	os.WriteFile(filepath.Join(dir, ".a.csv.123.tmp"), []byte("x"), 0o644)
	if err := report.WriteSet(ctx, dir, []report.File{{Name: "b.csv", Write: text("3")}}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{".a.csv.123.tmp=x", "a.csv=1", "b.csv=3"}, read()); diff != "" {
		t.Errorf("another file's set (-want +got):\n%s", diff)
	}
	if err := report.WriteFile(filepath.Join(dir, "a.csv"), text("4")); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a.csv=4", "b.csv=3"}, read()); diff != "" {
		t.Errorf("after a.csv is written again (-want +got):\n%s", diff)
	}
	os.Mkdir(filepath.Join(dir, "c.csv"), 0o755)
	if err := report.WriteSet(ctx, dir, []report.File{{Name: "c.csv", Write: text("x")}}); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("WriteSet over a directory = %v", err)
	}
	if err := report.CheckDir(filepath.Join(dir, "a.csv")); err == nil {
		t.Error("CheckDir of a file succeeded")
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"prose+numbers+dates": "prose+numbers+dates",
		"../../etc/passwd":    "_.._.._etc_passwd",
		"":                    "_",
		"..":                  "_..",
		"a/b\x00c é":          "a_b_c___",
	} {
		if got := report.FileName(in); got != want {
			t.Errorf("report.FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteSetWholeOrNothing: when one file of a set cannot be replaced
// (a directory stands in its place), none is.
func TestWriteSetWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	ctx := context.Background()
	if err := report.WriteSet(ctx, dir, []report.File{{Name: "a.csv", Write: text("old")}, {Name: "c.csv", Write: text("old")}}); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "b.csv"), 0o755)
	err := report.WriteSet(ctx, dir, []report.File{{Name: "a.csv", Write: text("new")}, {Name: "b.csv", Write: text("new")}, {Name: "c.csv", Write: text("new")}})
	if err == nil || !strings.Contains(err.Error(), "b.csv is a directory") {
		t.Errorf("WriteSet over a directory = %v", err)
	}
	for _, name := range []string{"a.csv", "c.csv"} {
		if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) != "old" {
			t.Errorf("%s = %q after a failed set, want it old", name, data)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestWriteSetConcurrent writes 8 sets into one directory at once, 20
// times: every run succeeds, and the files always come from one run.
func TestWriteSetConcurrent(t *testing.T) {
	dir := t.TempDir()
	names := []string{"a.csv", "b.csv", "c.csv", "d.csv", "e.csv"}
	for round := range 20 {
		errs := make(chan error, 8)
		for run := range 8 {
			go func() {
				var files []report.File
				for _, n := range names {
					files = append(files, report.File{Name: n, Write: func(w io.Writer) error {
						_, err := fmt.Fprintf(w, "round %d run %d\n%s", round, run, strings.Repeat("x", 1<<16))
						return err
					}})
				}
				errs <- report.WriteSet(context.Background(), dir, files)
			}()
		}
		for range 8 {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		var first string
		for _, n := range names {
			data, err := os.ReadFile(filepath.Join(dir, n))
			if err != nil {
				t.Fatal(err)
			}
			head, _, _ := strings.Cut(string(data), "\n")
			if first == "" {
				first = head
			}
			if head != first {
				t.Fatalf("round %d: %s holds %q, a.csv %q: a mixed set", round, n, head, first)
			}
		}
	}
}

// TestWriteSetRemove: a file without Write is removed with the set, and
// put back when the set fails.
func TestWriteSetRemove(t *testing.T) {
	dir := t.TempDir()
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	ctx := context.Background()
	if err := report.WriteSet(ctx, dir, []report.File{{Name: "a.txt", Write: text("a")}, {Name: "index.json", Write: text("{}")}}); err != nil {
		t.Fatal(err)
	}
	// A set that fails: b.txt cannot go under a file.
	os.WriteFile(filepath.Join(dir, "sub"), []byte("a file"), 0o644)
	err := report.WriteSet(ctx, dir, []report.File{{Name: "a.txt", Write: text("new")}, {Name: "index.json"}, {Name: "sub/b.txt", Write: text("b")}})
	if err == nil {
		t.Fatal("WriteSet under a file succeeded")
	}
	if data, err := os.ReadFile(filepath.Join(dir, "index.json")); err != nil || string(data) != "{}" {
		t.Errorf("index.json after a failed set: %q, %v", data, err)
	}
	os.Remove(filepath.Join(dir, "sub"))
	if err := report.WriteSet(ctx, dir, []report.File{{Name: "a.txt", Write: text("new")}, {Name: "index.json"}, {Name: "none.json"}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if fmt.Sprint(got) != "[a.txt]" {
		t.Errorf("files after the set: %v", got)
	}
}

// TestWriteSetRecover: a run killed while it renamed its set into place
// left a journal, one file replaced and one file added; the next run
// puts the set before it back, even when that run itself fails.
func TestWriteSetRecover(t *testing.T) {
	dir := t.TempDir()
	put := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("a.csv", "new") // renamed into place
	put(".a.csv.old", "old")
	put("b.csv", "old") // not yet
	put(".b.csv.old", "old")
	put(".b.csv.42.tmp", "new")
	put("c.csv", "new") // added by the killed run
	put(".exbench-set", "true\ta.csv\ntrue\tb.csv\nfalse\tc.csv\n")
	fail := errors.New("disk full")
	err := report.WriteSet(context.Background(), dir, []report.File{{Name: "b.csv", Write: func(io.Writer) error { return fail }}})
	if !errors.Is(err, fail) {
		t.Fatalf("WriteSet = %v", err)
	}
	var got []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		got = append(got, e.Name()+"="+string(data))
	}
	if diff := cmp.Diff([]string{"a.csv=old", "b.csv=old"}, got); diff != "" {
		t.Errorf("after recovery (-want +got):\n%s", diff)
	}
}
