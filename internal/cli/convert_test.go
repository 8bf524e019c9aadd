package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
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
	if code != 0 || stdout != "wrote "+conll+": 388 mentions as iob2 tags\n" || stderr != "exbench: convert: warning: 43 numbers lose their value, modifier or unit (CoNLL holds tags only)\n" {
		t.Fatalf("to CoNLL: exit %d, %q, %s", code, stdout, stderr)
	}
	back := filepath.Join(dir, "from-conll.csv")
	if code, stdout, _ := exbench(t, "convert", conll, back); code != 0 || !strings.Contains(stdout, "the texts are rebuilt from the tokens") {
		t.Fatalf("from CoNLL: exit %d, %q", code, stdout)
	}
	if code, stdout, stderr := exbench(t, "validate", "-corpus", strings.TrimSuffix(back, ".csv")+".corpus.jsonl", back); code != 0 || !strings.HasPrefix(stdout, "ok: 388 mentions") {
		t.Errorf("validate the converted CoNLL: exit %d, %s%s", code, stdout, stderr)
	}

	// validate and count read the formats as score does.
	if code, stdout, stderr := exbench(t, "validate", filepath.Join(dir, "g.jsonl"), filepath.Join(dir, "brat")); code != 0 || stdout != "ok: 776 mentions in 2 files match corpus dmeir-2016 (5 documents)\n" {
		t.Errorf("validate JSONL and brat: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, stderr := exbench(t, "count", "-csv", filepath.Join(dir, "g.jsonl")); code != 0 || !strings.HasSuffix(stdout, ",388\n") {
		t.Errorf("count JSONL: exit %d\n%s%s", code, stdout, stderr)
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
	if code != 0 || stderr != "exbench: convert: warning: 8 mentions lose their score (only CSV holds them)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// With -strict, a loss is an error and nothing is written.
	out = filepath.Join(t.TempDir(), "v1.jsonl")
	code, stdout, stderr = exbench(t, "convert", "-strict", "-corpus", "testdata/score/corpus", "testdata/score/v1-scored.csv", out)
	if code != 1 || stdout != "" || stderr != "exbench: convert: -strict: nothing written, as the conversion would lose data: 8 mentions lose their score (only CSV holds them)\n" {
		t.Errorf("-strict: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("-strict wrote %s", out)
	}
}

// iob1 is CoNLL-2003-style text of two documents: IOB1 tags, where I-
// starts most chunks, and the labels PER, LOC, ORG, MISC. By hand, as
// conlleval reads it: LOC Dmeir; PER Rami Abdulrahman; MISC Syrian; ORG
// Observatory for Human Rights; ORG Al-Badia Cement Company; MISC
// Syrians; MISC Lebanese, and MISC Lebanese again (B- splits them).
const iob1 = `-DOCSTART- -X- -X- O

Gunmen NNS I-NP O
seized VBD I-VP O
workers NNS I-NP O
near IN I-PP O
Dmeir NNP I-NP I-LOC
, , O O
said VBD I-VP O
Rami NNP I-NP I-PER
Abdulrahman NNP I-NP I-PER
of IN I-PP O
the DT I-NP O
Syrian JJ I-NP I-MISC
Observatory NNP I-NP I-ORG
for IN I-PP I-ORG
Human NNP I-NP I-ORG
Rights NNPS I-NP I-ORG
. . O O

-DOCSTART- -X- -X- O

Al-Badia NNP I-NP I-ORG
Cement NNP I-NP I-ORG
Company NNP I-NP I-ORG
employs VBZ I-VP O
Syrians NNPS I-NP I-MISC
and CC O O
Lebanese NNPS I-NP I-MISC
Lebanese NNPS I-NP B-MISC
workers NNS I-NP O
. . O O
`

// TestConvertCoNLL2003: convert reads CoNLL as score does (conlleval's
// way, IOB1 included), maps CoNLL-2003's labels with -map, and says what
// a strict scheme drops, which -strict refuses.
func TestConvertCoNLL2003(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "iob1.conll")
	if err := os.WriteFile(in, []byte(iob1), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.csv")

	// Without -map: PER and MISC (LOC and ORG are OntoNotes labels too),
	// every one with its position, and a hint.
	code, _, stderr := exbench(t, "convert", in, out)
	if code != 1 || !strings.HasPrefix(stderr, in+`:10:15: tag: unknown label "PER" in "I-PER"`) ||
		!strings.HasSuffix(stderr, "\n6 errors, 0 warnings\nexbench: convert: map other labels to OntoNotes ones with -map (-map conll2003 for PER, LOC, ORG, MISC)\n") {
		t.Errorf("without -map: exit %d, stderr:\n%s", code, stderr)
	}
	// More than 10 problems: no mention of -all, which convert does not
	// have.
	many := filepath.Join(dir, "many.conll")
	os.WriteFile(many, []byte(strings.Repeat("Rami NNP I-NP I-PER\n", 12)), 0o644)
	if code, _, stderr := exbench(t, "convert", many, out); code != 1 || !strings.HasSuffix(stderr, "\n2 more not shown\n12 errors, 0 warnings\nexbench: convert: map other labels to OntoNotes ones with -map (-map conll2003 for PER, LOC, ORG, MISC)\n") {
		t.Errorf("12 bad labels: exit %d, stderr:\n%s", code, stderr)
	}

	code, stdout, stderr := exbench(t, "convert", "-map", "PER=PERSON,LOC=GPE,MISC=NORP", in, out)
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "wrote "+out+": 8 mentions") {
		t.Fatalf("-map: exit %d\n%s%s", code, stdout, stderr)
	}
	var got []string
	for _, r := range readCSV(t, out)[1:] {
		got = append(got, r[4]+" "+r[3])
	}
	want := []string{"GPE Dmeir", "PERSON Rami Abdulrahman", "NORP Syrian", "ORG Observatory for Human Rights",
		"ORG Al-Badia Cement Company", "NORP Syrians", "NORP Lebanese", "NORP Lebanese"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("mentions:\n%q\nwant\n%q", got, want)
	}

	// conll2003 drops MISC, and says so.
	code, stdout, stderr = exbench(t, "convert", "-map", "conll2003", in, out)
	if code != 0 || stderr != "exbench: convert: -map conll2003 dropped 4 mentions of labels it maps to -\n" || !strings.HasPrefix(stdout, "wrote "+out+": 4 mentions") {
		t.Errorf("-map conll2003: exit %d\n%s%s", code, stdout, stderr)
	}

	// Read strictly as IOB2, every chunk but the one B- is ill-formed.
	code, stdout, stderr = exbench(t, "convert", "-map", "conll2003", "-scheme", "iob2", in, out)
	wantWarning := "exbench: convert: warning: " + in + ": dropped 7 chunks that tag scheme iob2 reads as ill-formed (an I- tag that continues no chunk of its type, as IOB1 files have at the start of most chunks); -scheme conlleval reads them as score does\n"
	if code != 0 || !strings.HasSuffix(stderr, wantWarning) || !strings.HasPrefix(stdout, "wrote "+out+": 0 mentions") {
		t.Errorf("-scheme iob2: exit %d\n%s%s", code, stdout, stderr)
	}
	before := readCSV(t, out)
	code, stdout, stderr = exbench(t, "convert", "-map", "conll2003", "-scheme", "iob2", "-strict", in, out)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "exbench: convert: -strict: nothing written, as the conversion would lose data: "+in+": dropped 7 chunks") {
		t.Errorf("-scheme iob2 -strict: exit %d\n%s%s", code, stdout, stderr)
	}
	if after := readCSV(t, out); len(after) != len(before) {
		t.Error("-strict replaced the output")
	}

	// A bad inline map is a mistake in the command line.
	if code, _, stderr := exbench(t, "convert", "-map", "PER=PERSONS", in, out); code != 2 || !strings.Contains(stderr, `-map: label map "PER=PERSONS": pair 1: PER=PERSONS: "PERSONS" is not an OntoNotes label`) {
		t.Errorf("bad -map: exit %d, %s", code, stderr)
	}
}

// TestScoreSpaCyJSON scores predictions in the shape of spaCy's
// Doc.to_json, without IDs: each record is matched to the corpus
// document with its text, and its "ents" are read.
func TestScoreSpaCyJSON(t *testing.T) {
	byDoc := map[string][]map[string]any{}
	for _, m := range gold.Builtin() {
		byDoc[m.DocID] = append(byDoc[m.DocID], map[string]any{"start": m.Span.Start, "end": m.Span.End, "label": string(m.Label)})
	}
	var b strings.Builder
	for _, d := range corpus.Builtin().Docs {
		line, _ := json.Marshal(map[string]any{"text": d.Text, "ents": byDoc[d.ID], "sents": []any{}, "tokens": []any{}})
		b.Write(append(line, '\n'))
	}
	path := filepath.Join(t.TempDir(), "spacy.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := exbench(t, "score", "-pred", path)
	if code != 0 || stderr != "" || !strings.Contains(stdout, "micro         388   388    100.0 100.0 100.0    100.0 100.0 100.0") {
		t.Errorf("score spaCy JSON: exit %d\n%s%s", code, stdout, stderr)
	}
}
