package gold

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
)

func TestParseLabelMap(t *testing.T) {
	m, err := ParseLabelMap("conll2003")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.String(); got != "LOC=GPE,MISC=-,ORG=ORG,PER=PERSON" || m.Name != "conll2003" {
		t.Errorf("conll2003 = %s (%s)", got, m.Name)
	}
	for in, want := range map[string][2]string{
		"PER":       {"PERSON", "true"},
		"MISC":      {"", "false"},
		"CARDINAL":  {"CARDINAL", "true"}, // not in the map: kept
		"ORG":       {"ORG", "true"},
		"WHATEVER1": {"WHATEVER1", "true"},
	} {
		got, keep := m.Map(in)
		if got != want[0] || (map[bool]string{true: "true", false: "false"})[keep] != want[1] {
			t.Errorf("Map(%s) = %q, %v; want %q, %s", in, got, keep, want[0], want[1])
		}
	}
	inline, err := ParseLabelMap(" PER = PERSON ,LOC=GPE")
	if err != nil || inline.String() != "LOC=GPE,PER=PERSON" {
		t.Errorf("inline map = %v, %v", inline, err)
	}
	for spec, want := range map[string]string{
		"conll":            `label map "conll": not a built-in map (conll2003, prose) and not FROM=TO pairs`,
		"PER=PERSON,LOC":   `label map "PER=PERSON,LOC": pair 2, "LOC": want FROM=TO`,
		"PER=Person":       `label map "PER=Person": pair 1: PER=Person: "Person" is not an OntoNotes label (or - to drop)`,
		"PER=PERSON,PER=-": `label map "PER=PERSON,PER=-": pair 2: PER is mapped twice`,
		"=PERSON":          `label map "=PERSON": pair 1: empty label to map from`,
	} {
		if _, err := ParseLabelMap(spec); err == nil || err.Error() != want {
			t.Errorf("ParseLabelMap(%q) = %v\nwant %s", spec, err, want)
		}
	}
}

func TestReadLabelMap(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "map.csv")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	m, err := ReadLabelMap(write("from,to\nPER,PERSON\nMISC,-\n"))
	if err != nil || m.String() != "MISC=-,PER=PERSON" {
		t.Errorf("map = %v, %v", m, err)
	}
	p := write("from,to\nPER,PERSON\nLOC,Place\n")
	if _, err := ReadLabelMap(p); err == nil || err.Error() != p+`:3:1: LOC=Place: "Place" is not an OntoNotes label (or - to drop)` {
		t.Errorf("bad row: %v", err)
	}
	p = write("a,b\n")
	if _, err := ReadLabelMap(p); err == nil || err.Error() != p+":1:1: header: want from,to, got a,b" {
		t.Errorf("bad header: %v", err)
	}
}

// TestReadMapped reads one set of mentions with CoNLL-2003 labels from
// CSV, JSONL and brat through the conll2003 map.
func TestReadMapped(t *testing.T) {
	m, _ := ParseLabelMap("conll2003")
	show := func(ms []corpus.Mention) string {
		var b strings.Builder
		for _, x := range ms {
			b.WriteString(strings.Join([]string{x.DocID, itoa(x.Span.Start), itoa(x.Span.End), x.Text, string(x.Label)}, " ") + "|")
		}
		return b.String()
	}
	text := "Ada saw Dmeir, Syrian"
	csvData := header + "d,0,3,Ada,PER,,,\nd,8,13,Dmeir,LOC,,,\nd,15,21,Syrian,MISC,,,\n"
	want := "d 0 3 Ada PERSON|d 8 13 Dmeir GPE|"
	f, err := Read([]byte(csvData), "f.csv", WithLabelMap(m))
	if err != nil || show(f.Mentions) != want {
		t.Errorf("CSV: %s, %v", show(f.Mentions), err)
	}
	if _, err := Read([]byte(csvData), "f.csv"); err == nil || !strings.Contains(err.Error(), `unknown label "PER"`) {
		t.Errorf("CSV without the map: %v", err)
	}
	var docs [][]corpus.Mention
	r := NewReader(strings.NewReader(csvData+"e,0,1,x,MISC,,,\n"), "f.csv", WithLabelMap(m))
	for {
		f, err := r.Next()
		if err != nil {
			break
		}
		docs = append(docs, f.Mentions)
	}
	if len(docs) != 1 || show(docs[0]) != want {
		t.Errorf("Reader: %v (document e, all dropped, must not come back)", docs)
	}
	jsonl := `{"id": "d", "text": "` + text + `", "spans": [{"start": 0, "end": 3, "label": "PER"}, {"start": 8, "end": 13, "label": "LOC"}, {"start": 15, "end": 21, "label": "MISC"}]}` + "\n"
	a, err := ReadJSONL(strings.NewReader(jsonl), "f.jsonl", WithLabelMap(m))
	if err != nil || show(a.Mentions) != want {
		t.Errorf("JSONL: %s, %v", show(a.Mentions), err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "d.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "d.ann"), []byte("T1\tPER 0 3\tAda\nT2\tLOC 8 13\tDmeir\nT3\tMISC 15 21\tSyrian\n#1\tAnnotatorNotes T3\tvalue=1\n"), 0o644)
	a, err = ReadBrat(dir, WithLabelMap(m))
	if err != nil || show(a.Mentions) != want {
		t.Errorf("brat: %s, %v", show(a.Mentions), err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, m.Apply([]corpus.Mention{{DocID: "d", Span: corpus.Span{Start: 0, End: 3}, Text: "Ada", Label: "PER"}, {DocID: "d", Span: corpus.Span{Start: 15, End: 21}, Text: "Syrian", Label: "MISC"}})); err != nil || buf.String() != header+"d,0,3,Ada,PERSON,,,\n" {
		t.Errorf("Apply then Write: %q, %v", buf.String(), err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// FuzzParseLabelMap checks that ParseLabelMap never panics and that an
// accepted map reads back the same from its String.
func FuzzParseLabelMap(f *testing.F) {
	for _, s := range []string{"conll2003", "prose", "PER=PERSON,MISC=-", " A = ORG ", "=", "A=B=C", "A=ORG,A=GPE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		m, err := ParseLabelMap(spec)
		if err != nil {
			return
		}
		if len(m.String()) == 0 {
			return // a built-in name, or pairs that trim to nothing
		}
		again, err := ParseLabelMap(m.String())
		if err != nil {
			if strings.Contains(m.String(), ",") || strings.ContainsAny(m.String(), " \t") {
				return // a label holding a comma or spaces does not survive the text form
			}
			t.Fatalf("ParseLabelMap(%q) = %v, but its String %q fails: %v", spec, m, m.String(), err)
		}
		if again.String() != m.String() {
			t.Fatalf("%q reads back as %q", m.String(), again.String())
		}
	})
}
