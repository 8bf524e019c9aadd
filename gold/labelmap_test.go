package gold_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/gold/brat"
	"github.com/exbench/exbench/gold/jsonl"
)

func TestReadLabelMap(t *testing.T) {
	dir := t.TempDir()
	write := func(s string) string {
		p := filepath.Join(dir, "map.csv")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	m, err := gold.ReadLabelMap(write("from,to\nPER,PERSON\nMISC,-\n"))
	if err != nil || m.String() != "MISC=-,PER=PERSON" {
		t.Errorf("map = %v, %v", m, err)
	}
	p := write("from,to\nPER,PERSON\nLOC,Place\n")
	if _, err := gold.ReadLabelMap(p); err == nil || err.Error() != p+`:3:1: LOC=Place: "Place" is not an OntoNotes label (or - to drop)` {
		t.Errorf("bad row: %v", err)
	}
	p = write("a,b\n")
	if _, err := gold.ReadLabelMap(p); err == nil || err.Error() != p+":1:1: header: want from,to, got a,b" {
		t.Errorf("bad header: %v", err)
	}
}

// TestAnyLabel reads one set of mentions with CoNLL-2003 labels from CSV,
// JSONL and brat, labels as they are, and maps them with conll2003.
func TestAnyLabel(t *testing.T) {
	m, _ := corpus.ParseLabelMap("conll2003")
	show := func(ms []corpus.Mention) string {
		var b strings.Builder
		for _, x := range ms {
			b.WriteString(strings.Join([]string{x.DocID, strconv.Itoa(x.Span.Start), strconv.Itoa(x.Span.End), x.Text, string(x.Label)}, " ") + "|")
		}
		return b.String()
	}
	const header = "doc_id,start,end,text,label,value,modifier,unit\n"
	text := "Ada saw Dmeir, Syrian"
	csvData := header + "d,0,3,Ada,PER,,,\nd,8,13,Dmeir,LOC,,,\nd,15,21,Syrian,MISC,,,\n"
	want := "d 0 3 Ada PERSON|d 8 13 Dmeir GPE|"
	var ms []corpus.Mention
	for x, err := range gold.NewReader(strings.NewReader(csvData), "f.csv", gold.Options{AnyLabel: true}).All() {
		if err != nil {
			t.Fatal(err)
		}
		ms = append(ms, x)
	}
	if got := show(m.Apply(ms)); got != want {
		t.Errorf("CSV: %s", got)
	}
	if _, err := gold.Read([]byte(csvData), "f.csv"); err == nil || !strings.Contains(err.Error(), `unknown label "PER"`) {
		t.Errorf("CSV with the labels checked: %v", err)
	}
	line := `{"id": "d", "text": "` + text + `", "spans": [{"start": 0, "end": 3, "label": "PER"}, {"start": 8, "end": 13, "label": "LOC"}, {"start": 15, "end": 21, "label": "MISC"}]}` + "\n"
	a, err := jsonl.Read(strings.NewReader(line), "f.jsonl", gold.Options{AnyLabel: true})
	if err != nil || show(m.Apply(a.Mentions)) != want {
		t.Errorf("JSONL: %v, %v", a, err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "d.txt"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(dir, "d.ann"), []byte("T1\tPER 0 3\tAda\nT2\tLOC 8 13\tDmeir\nT3\tMISC 15 21\tSyrian\n"), 0o644)
	a, err = brat.Read(dir, gold.Options{AnyLabel: true})
	if err != nil || show(m.Apply(a.Mentions)) != want {
		t.Errorf("brat: %v, %v", a, err)
	}
	var buf bytes.Buffer
	if err := gold.Write(&buf, m.Apply([]corpus.Mention{{DocID: "d", Span: corpus.Span{Start: 0, End: 3}, Text: "Ada", Label: "PER"}, {DocID: "d", Span: corpus.Span{Start: 15, End: 21}, Text: "Syrian", Label: "MISC"}})); err != nil || buf.String() != header+"d,0,3,Ada,PERSON,,,\n" {
		t.Errorf("Apply then Write: %q, %v", buf.String(), err)
	}
}
