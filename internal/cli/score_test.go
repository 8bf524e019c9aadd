package cli

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/internal/golden"
	"github.com/exbench/exbench/internal/synth"
	"github.com/google/go-cmp/cmp"
)

var reportFiles = []string{"scores.csv", "documents.csv", "confusion.csv", "numbers.csv", "errors.csv"}

// score runs exbench score on the small test corpus with the given gold
// and predictions, writing reports to a new directory, and returns the
// directory and stdout.
func score(t *testing.T, goldPath string, preds ...string) (string, string) {
	t.Helper()
	out := t.TempDir()
	args := []string{"score", "-corpus", "testdata/score/corpus", "-gold", goldPath, "-o", out}
	for _, p := range preds {
		args = append(args, "-pred", p)
	}
	code, stdout, stderr := exbench(t, args...)
	if code != 0 {
		t.Fatalf("exbench %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
	}
	return out, stdout
}

// TestScoreGolden checks every report of a small case against golden
// files (go test -update rewrites them). The counts were worked out by
// hand: see the comments in TestScoreByHand.
func TestScoreGolden(t *testing.T) {
	out, stdout := score(t, "testdata/score/gold.csv", "testdata/score/v1.csv")
	files := map[string]string{"stdout.txt": stdout}
	for _, name := range reportFiles {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(data)
	}
	for name, got := range files {
		golden.Check(t, filepath.Join("score", "want", name), got)
	}
}

// TestScoreByHand checks the micro and macro rows against counts worked
// out by hand from the definitions:
//
// Document a, gold Ada, Bob, Dmeir, "50 km" (km), Damascus; predicted Ada,
// "Bob in Dmeir" LOC, "50 km" (mi), Damascus. "Bob in Dmeir" overlaps
// Dmeir more than Bob, so it pairs with Dmeir: strict COR 3 (Ada, 50 km,
// Damascus), INC 1, MIS 1 (Bob).
//
// Document b, gold ISIS ORG, "more than 300", Monday; predicted ISIS GPE,
// "300", workers ORG, Monday: strict COR 1, INC 2, SPU 1; exact and type
// COR 2, INC 1, SPU 1; partial COR 2, PAR 1, SPU 1.
//
// Value: "50 km" against "50 mi" and "more than 300" against "300" are
// both INC.
func TestScoreByHand(t *testing.T) {
	out, _ := score(t, "testdata/score/gold.csv", "testdata/score/v1.csv")
	rows := readCSV(t, filepath.Join(out, "scores.csv"))
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[1]+"."+r[2]] = strings.Join(r[3:13], ",")
	}
	for key, want := range map[string]string{
		"strict.micro":  "4,3,0,1,1,8,8,0.5000,0.5000,0.5000",
		"exact.micro":   "5,2,0,1,1,8,8,0.6250,0.6250,0.6250",
		"partial.micro": "5,0,2,1,1,8,8,0.7500,0.7500,0.7500", // (5 + 0.5·2) / 8
		"type.micro":    "5,2,0,1,1,8,8,0.6250,0.6250,0.6250",
		"value.micro":   "0,2,0,0,0,2,2,0.0000,0.0000,0.0000",
		"strict.PERSON": "1,0,0,1,0,2,1,1.0000,0.5000,0.6667",
		"strict.GPE":    "1,0,0,1,1,2,2,0.5000,0.5000,0.5000", // ISIS predicted GPE is spurious in GPE
		// Seven labels: P (1 + 0 + .5 + 0 + 1 + 1 + 0) / 7 = .5, R (.5 + 0 + .5 + 0 + 1 + 1 + 0) / 7,
		// F1 (2/3 + 0 + .5 + 0 + 1 + 1 + 0) / 7.
		"strict.macro": ",,,,,,,0.5000,0.4286,0.4524",
	} {
		if got[key] != want {
			t.Errorf("scores.csv %s = %s, want %s", key, got[key], want)
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestScoreShuffled shuffles the rows of both input files: no output byte
// may change.
func TestScoreShuffled(t *testing.T) {
	want, wantStdout := score(t, "testdata/score/gold.csv", "testdata/score/v1.csv")
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 5 {
		dir := t.TempDir()
		var paths []string
		for _, name := range []string{"gold.csv", "v1.csv"} {
			data, err := os.ReadFile(filepath.Join("testdata", "score", name))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
			rows := lines[1:]
			rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(lines[0]+"\n"+strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
		}
		got, gotStdout := score(t, paths[0], "v1="+paths[1])
		if gotStdout != wantStdout {
			t.Errorf("shuffle %d: stdout differs", i)
		}
		for _, name := range reportFiles {
			a, _ := os.ReadFile(filepath.Join(want, name))
			b, _ := os.ReadFile(filepath.Join(got, name))
			if !bytes.Equal(a, b) {
				t.Errorf("shuffle %d: %s differs", i, name)
			}
		}
	}
}

// TestScoreBundledGold scores the bundled gold against itself (every
// metric 1) and against a copy with four known mistakes.
func TestScoreBundledGold(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := exbench(t, "score", "-gold", "../../gold/dmeir-2016", "-pred", "../../gold/dmeir-2016", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, r := range readCSV(t, filepath.Join(out, "scores.csv"))[1:] {
		if r[10] != "1.0000" || r[11] != "1.0000" || r[12] != "1.0000" {
			t.Errorf("gold against itself: %v, want P = R = F1 = 1", r)
		}
	}

	// Four mistakes in document 000: ISIS (ORG) left out, Hundreds
	// (CARDINAL) labelled ORG, Syria (GPE) started one character late,
	// "more than 300" read as 250.
	ms := gold.Builtin()
	var pred []corpus.Mention
	for _, m := range ms {
		switch {
		case m.DocID == "000_579c75cdcbc092f7" && m.Span == corpus.Span{Start: 0, End: 4}:
			continue
		case m.DocID == "000_579c75cdcbc092f7" && m.Text == "Hundreds":
			m.Label, m.Value = corpus.ORG, corpus.Value{}
		case m.DocID == "000_579c75cdcbc092f7" && m.Span.Start == 51 && m.Text == "Syria":
			m.Span.Start++
			m.Text = "yria"
		case m.DocID == "000_579c75cdcbc092f7" && m.Text == "more than 300":
			m.Value = corpus.NewValue(250)
		}
		pred = append(pred, m)
	}
	if len(pred) != len(ms)-1 {
		t.Fatalf("perturbation removed %d mentions, want 1", len(ms)-len(pred))
	}
	predPath := filepath.Join(t.TempDir(), "perturbed.csv")
	var buf bytes.Buffer
	if err := gold.Write(&buf, pred); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(predPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = exbench(t, "score", "-pred", predPath, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "scores.csv"))[1:] {
		if r[2] == "micro" {
			got[r[1]] = strings.Join(r[3:10], ",")
		}
	}
	// 388 gold mentions, 48 of them numeric.
	want := map[string]string{
		"strict":  "385,2,0,1,0,388,387", // relabel and shift INC, ISIS MIS
		"exact":   "386,1,0,1,0,388,387", // shift INC
		"partial": "386,0,1,1,0,388,387", // shift PAR
		"type":    "386,1,0,1,0,388,387", // relabel INC
		"value":   "46,1,0,1,0,48,47",    // 250 INC; Hundreds, now ORG, MIS
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("micro counts COR,INC,PAR,MIS,SPU,POS,ACT (-want +got):\n%s", diff)
	}
}

func TestScoreCoNLL(t *testing.T) {
	path := filepath.Join("testdata", "score", "ner.conll")
	// By hand: 7 tokens (conlleval counts the -DOCSTART- line), 5 with
	// equal tags; gold chunks PER "Ada Lovelace", PER Bob, LOC Dmeir;
	// predicted PER Ada, PER Bob, ORG Dmeir; one correct (Bob).
	want := `processed 7 tokens with 3 phrases; found: 3 phrases; correct: 1.
accuracy:  71.43%; precision:  33.33%; recall:  33.33%; FB1:  33.33
              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  0
              ORG: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
              PER: precision:  50.00%; recall:  50.00%; FB1:  50.00  2
`
	code, stdout, stderr := exbench(t, "score", "-conll", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if diff := cmp.Diff(want, stdout); diff != "" {
		t.Errorf("conlleval report (-want +got):\n%s", diff)
	}
}

// TestScoreGates checks -fail-if on mention files and on a CoNLL file, and
// that a gate on a label no mention has is a usage error. The CoNLL
// file's strict micro F1 is 1/3 and PER's 1/2 (TestScoreCoNLL).
func TestScoreGates(t *testing.T) {
	conll := filepath.Join("testdata", "score", "ner.conll")
	for _, tc := range []struct {
		args       []string
		code       int
		wantStderr string
	}{
		{[]string{"-conll", conll, "-fail-if", "strict.micro.f1 < 0.34"}, 3, "exbench: gate: ner: strict.micro.f1 = 0.3333, and the gate fails if strict.micro.f1 < 0.34\n"},
		{[]string{"-conll", conll, "-fail-if", "strict.micro.f1 < 0.33"}, 0, ""},
		{[]string{"-conll", conll, "-fail-if", "strict.PER.f1 <= 0.5"}, 3, "strict.PER.f1 = 0.5000"},
		{[]string{"-conll", conll, "-fail-if", "strict.MISC.f1 < 0.5"}, 2, `exbench: score: -fail-if "strict.MISC.f1 < 0.5": no gold or predicted mention has the label MISC, so the gate would measure nothing`},
		{append(smallCase, "-pred", "testdata/score/v1.csv", "-fail-if", "strict.PRODUCT.f1 < 0.5"), 2, "no gold or predicted mention has the label PRODUCT"},
		{append(smallCase, "-pred", "testdata/score/v1.csv", "-fail-if", "strict.micro.f1 < 0.5"), 0, ""},
		{append(smallCase, "-pred", "testdata/score/v1.csv", "-fail-if", "strict.micro.f1 <= 0.5"), 3, "strict.micro.f1 = 0.5000"},
	} {
		args := append([]string{"score"}, tc.args...)
		code, stdout, stderr := exbench(t, args...)
		if code != tc.code || !strings.Contains(stderr, tc.wantStderr) {
			t.Errorf("exbench %q = %d\nstdout: %s\nstderr: %s\nwant %d, stderr containing %q", args, code, stdout, stderr, tc.code, tc.wantStderr)
		}
		if code == 2 && stdout != "" {
			t.Errorf("exbench %q printed a table before its usage error:\n%s", args, stdout)
		}
	}
}

func TestScoreProblems(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "outside.csv")
	if err := os.WriteFile(outside, []byte("doc_id,start,end,text,label\na,1,4,Ada,PERSON\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	onlyB := filepath.Join(dir, "only-b.csv")
	if err := os.WriteFile(onlyB, []byte("doc_id,start,end,text,label\nb,0,4,ISIS,ORG\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := func(more ...string) []string {
		return append([]string{"score", "-corpus", "testdata/score/corpus", "-gold", onlyB}, more...)
	}
	for _, tc := range []struct {
		args       []string
		code       int
		wantStderr string
	}{
		{base("-pred", outside), 1, "exbench: score: system outside has 1 prediction for 1 document the gold does not cover (a); use -skip-uncovered to ignore them\n"},
		{base("-skip-uncovered", "-pred", outside), 0, "exbench: score: system outside: ignored 1 prediction for 1 document the gold does not cover (a)\n"},
		{base("-pred", "x="+outside, "-pred", "x="+onlyB), 2, `two systems named "x"`},
		{[]string{"score"}, 2, "no predictions"},
		{[]string{"score", "-conll", "x.conll", "-pred", "p.csv"}, 2, "-conll and -pred do not go together"},
		{[]string{"score", "-conll", "x.conll", "-scheme", "bio"}, 2, `-scheme "bio"`},
		{[]string{"score", "-pred", "testdata/score/v1.csv"}, 1, `testdata/score/v1.csv:2:1: doc_id: unknown document "a" (not in corpus dmeir-2016)`},
	} {
		code, _, stderr := exbench(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.wantStderr) {
			t.Errorf("exbench %q = %d, stderr:\n%s\nwant %d, stderr containing %q", tc.args, code, stderr, tc.code, tc.wantStderr)
		}
	}
}

// TestReportCellsAreText: a system name that a spreadsheet would run as a
// formula is written escaped.
func TestReportCellsAreText(t *testing.T) {
	out, _ := score(t, "testdata/score/gold.csv", "-cmd=testdata/score/v1.csv")
	rows := readCSV(t, filepath.Join(out, "scores.csv"))
	if rows[1][0] != "'-cmd" {
		t.Errorf("system cell = %q, want it escaped as '-cmd", rows[1][0])
	}
	if got := gold.UnescapeCell(rows[1][0]); got != "-cmd" {
		t.Errorf("UnescapeCell(%q) = %q, want -cmd", rows[1][0], got)
	}
}

// TestScoreIgnore scores the CoNLL file with LOC as don't care: its one
// LOC mention, Dmeir, is not missed, and the ORG predicted on it is not
// scored, so 1 of 2 phrases is correct each way (TestScoreCoNLL).
func TestScoreIgnore(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := exbench(t, "score", "-conll", filepath.Join("testdata", "score", "ner.conll"), "-ignore", "LOC", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "processed 7 tokens with 2 phrases; found: 2 phrases; correct: 1.\n"; !strings.HasPrefix(stdout, want) {
		t.Errorf("report:\n%s\nwant it to start %q", stdout, want)
	}
	rows := readCSV(t, filepath.Join(out, "scores.csv"))
	if h := rows[0][len(rows[0])-1]; h != "dont_care" {
		t.Fatalf("last column %q", h)
	}
	for _, r := range rows[1:] {
		if r[1] == "strict" && (r[2] == "micro" || r[2] == "ORG") && r[len(r)-1] != "1" {
			t.Errorf("strict %s dont_care = %q, want 1", r[2], r[len(r)-1])
		}
	}
}

// TestIgnoreMISC scores a generated CoNLL file the size of CoNLL-2003's
// test set, whose gold has MISC mentions, through the conll2003 map on
// both sides: with MISC dropped, the predictions of other types on MISC
// spans are spurious; with -ignore MISC they are not scored, so recall
// stays and precision rises, and scores.csv counts them in dont_care.
func TestIgnoreMISC(t *testing.T) {
	path := filepath.Join(t.TempDir(), "test.conll")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := synth.CoNLL(f, 46435, 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	micro := func(args ...string) (row []string) {
		out := t.TempDir()
		code, _, stderr := exbench(t, append([]string{"score", "-conll", path, "-map", "conll2003", "-map-to", "both", "-o", out}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		for _, r := range readCSV(t, filepath.Join(out, "scores.csv"))[1:] {
			if r[1] == "strict" && r[2] == "micro" {
				return r
			}
		}
		t.Fatal("no strict micro row")
		return nil
	}
	dropped, ignored := micro(), micro("-ignore", "MISC")
	// system, scheme, label, correct 3, incorrect, partial, missed 6,
	// spurious 7, possible, actual, precision 10, recall 11, f1, ...,
	// dont_care 17. Each spurious prediction of the first is on a MISC
	// span (the generator adds no other), so none is left.
	if dropped[3] != ignored[3] || dropped[6] != ignored[6] || dropped[11] != ignored[11] {
		t.Errorf("correct, missed or recall changed: %v and %v", dropped, ignored)
	}
	if ignored[7] != "0" || ignored[17] != dropped[7] || dropped[17] != "" || !(ignored[10] > dropped[10]) {
		t.Errorf("spurious %s -> %s, dont_care %q -> %q, precision %s -> %s; want every spurious one counted as don't care", dropped[7], ignored[7], dropped[17], ignored[17], dropped[10], ignored[10])
	}
}

// TestScoreSlices: -slices prints the worst slices and writes slices.csv
// beside the other reports. By hand, v1's slice label=PERSON has the two
// gold PERSONs, Ada found and Bob missed, and one prediction, Ada: P 1,
// R 1/2, F1 2/3.
func TestScoreSlices(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := exbench(t, append([]string{"score"}, append(smallCase, "-pred", "testdata/score/v1.csv", "-slices", "-resamples", "500", "-o", out)...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "\nslices (strict)") {
		t.Errorf("no slices on the screen:\n%s", stdout)
	}
	rows := readCSV(t, filepath.Join(out, "slices.csv"))
	if got := strings.Join(rows[0][:9], ","); got != "system,scheme,family,slice,gold,pred,precision,recall,f1" {
		t.Errorf("header %s", got)
	}
	found := false
	for _, r := range rows[1:] {
		if r[1] == "strict" && r[2] == "label" && r[3] == "PERSON" {
			found = true
			if got := strings.Join(r[4:9], ","); got != "2,1,1.0000,0.5000,0.6667" {
				t.Errorf("strict label=PERSON: %s, want 2,1,1.0000,0.5000,0.6667", got)
			}
		}
	}
	if !found {
		t.Error("no strict label=PERSON row")
	}
}

// TestSliceMeta: each key of a metadata file is a family of slices by
// document: source=wire is document a alone (strict F1 2/3, see
// TestCompare) and source=blog document b (2/7).
func TestSliceMeta(t *testing.T) {
	meta := filepath.Join(t.TempDir(), "meta.csv")
	if err := os.WriteFile(meta, []byte("doc_id,key,value\na,source,wire\nb,source,blog\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, _, stderr := exbench(t, append([]string{"score"}, append(smallCase, "-pred", "testdata/score/v1.csv", "-slices", "-slice-meta", meta, "-resamples", "200", "-o", out)...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := map[string]string{}
	for _, r := range readCSV(t, filepath.Join(out, "slices.csv"))[1:] {
		if r[1] == "strict" && r[2] == "source" {
			got[r[3]] = r[8]
		}
	}
	if got["wire"] != "0.6667" || got["blog"] != "0.2857" {
		t.Errorf("strict F1 by source = %v, want wire 0.6667, blog 0.2857", got)
	}
	code, _, stderr = exbench(t, append([]string{"score"}, append(smallCase, "-pred", "testdata/score/v1.csv", "-slice-meta", meta)...)...)
	if code != 2 || !strings.Contains(stderr, "-slice-meta needs -slices") {
		t.Errorf("-slice-meta without -slices = %d: %s", code, stderr)
	}
}
