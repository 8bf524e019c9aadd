package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exbench/exbench/gold"
)

// TestConvertRoundTrips converts the bundled gold to each format and
// back: JSONL and brat keep every field, CoNLL every mention's label and
// text (the text is rebuilt, so offsets change; numbers lose their value).
func TestConvertRoundTrips(t *testing.T) {
	var orig []string
	for _, m := range gold.Builtin() {
		orig = append(orig, m.DocID+" "+m.Span.String()+" "+string(m.Label)+" "+m.Text+" "+m.Value.String()+string(m.Modifier)+m.Unit)
	}
	dir := t.TempDir()
	for _, tc := range []struct{ via, back string }{
		{filepath.Join(dir, "g.jsonl"), filepath.Join(dir, "from-jsonl.csv")},
		{filepath.Join(dir, "brat"), filepath.Join(dir, "from-brat.csv")},
	} {
		for _, args := range [][]string{{"convert", "-to", format(tc.via), "../../gold/dmeir-2016", tc.via}, {"convert", "-from", format(tc.via), tc.via, tc.back}} {
			if code, _, stderr := exbench(t, args...); code != 0 {
				t.Fatalf("exbench %q: exit %d: %s", args, code, stderr)
			}
		}
		f, err := gold.ReadFile(tc.back)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range f {
			got = append(got, m.DocID+" "+m.Span.String()+" "+string(m.Label)+" "+m.Text+" "+m.Value.String()+string(m.Modifier)+m.Unit)
		}
		if strings.Join(got, "\n") != strings.Join(orig, "\n") {
			t.Errorf("CSV → %s → CSV changed the mentions", format(tc.via))
		}
	}

	conll := filepath.Join(dir, "g.conll")
	code, stdout, stderr := exbench(t, "convert", "../../gold/dmeir-2016", conll)
	if code != 0 || stdout != "wrote "+conll+": 388 mentions as iob2 tags; 0 overlapping dropped; 43 numbers lost their value, modifier or unit\n" {
		t.Fatalf("to CoNLL: exit %d, %q, %s", code, stdout, stderr)
	}
	back := filepath.Join(dir, "from-conll.csv")
	if code, stdout, _ := exbench(t, "convert", conll, back); code != 0 || !strings.Contains(stdout, "the texts are rebuilt from the tokens") {
		t.Fatalf("from CoNLL: exit %d, %q", code, stdout)
	}
	if code, stdout, stderr := exbench(t, "validate", "-corpus", strings.TrimSuffix(back, ".csv")+".corpus.jsonl", back); code != 0 || !strings.HasPrefix(stdout, "ok: 388 mentions") {
		t.Errorf("validate the converted CoNLL: exit %d, %s%s", code, stdout, stderr)
	}

	// Scoring reads the formats directly when the texts are the corpus's.
	if code, stdout, stderr := exbench(t, "score", "-gold", filepath.Join(dir, "g.jsonl"), "-pred", filepath.Join(dir, "brat")); code != 0 || !strings.Contains(stdout, "micro         388   388    100.0 100.0 100.0") {
		t.Errorf("score JSONL gold against brat predictions: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := exbench(t, "score", "-pred", conll); code != 1 || !strings.Contains(stderr, `document "doc0001" is not in corpus dmeir-2016`) {
		t.Errorf("score CoNLL predictions against the bundled corpus: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "brat", "000_579c75cdcbc092f7.ann")); err != nil {
		t.Error(err)
	}
}

func format(path string) string {
	if strings.HasSuffix(path, ".jsonl") {
		return "jsonl"
	}
	return "brat"
}

func TestConvertUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"convert", "in.csv"}, "convert: want IN and OUT"},
		{[]string{"convert", "in.txt", "out.csv"}, "cannot tell the format of in.txt"},
		{[]string{"convert", "-to", "xml", "in.csv", "out.xml"}, `unknown format "xml"`},
		{[]string{"convert", "-scheme", "bio", "in.csv", "out.conll"}, `-scheme "bio"`},
	} {
		if code, _, stderr := exbench(t, tc.args...); code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("exbench %q = %d, %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

func TestConvertSaysScoresAreLost(t *testing.T) {
	out := filepath.Join(t.TempDir(), "v1.jsonl")
	code, stdout, stderr := exbench(t, "convert", "-corpus", "testdata/score/corpus", "testdata/score/v1-scored.csv", out)
	if code != 0 || !strings.Contains(stdout, "note: jsonl holds no alternative spans or scores: 0 mentions lose their alternatives, 8 their score\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
