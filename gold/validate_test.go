package gold

import (
	"bytes"
	"errors"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
)

// testCorpus has two documents with non-ASCII text, so code-point and byte
// offsets differ.
func testCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	a, _ := marks.MustParse("a", "“Ada” met Bob in Dmeir.")
	b, _ := marks.MustParse("b", "José\u00a0saw 300.")
	c, err := corpus.New("test", []corpus.Doc{{ID: "a", Text: a}, {ID: "b", Text: b}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestValidateProblems feeds one bad file for each problem Validate finds
// and checks the exact position and message.
func TestValidateProblems(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows string // after the header, which is line 1
		want []string
		is   error
	}{
		{"valid", "a,1,4,Ada,PERSON,,,\na,17,22,Dmeir,GPE,,,\nb,0,4,José,PERSON,,,\nb,9,12,300,CARDINAL,300,,\n", nil, nil},
		{"unknown doc_id", "c,0,3,Ada,PERSON,,,\n", []string{`t.csv:2:1: doc_id: unknown document "c" (not in corpus test)`}, ErrDocID},
		{"end past the document", "b,9,14,300.,CARDINAL,300,,\n", []string{`t.csv:2:5: end: 14 is past the end of document "b" (length 13)`}, ErrOffset},
		{"text mismatch", "a,0,4,Ada,PERSON,,,\n", []string{`t.csv:2:7: text: "Ada", but the document has "“Ada" at 0:4`}, ErrText},
		// Offsets are code points: bytes 0:5 would be "José" in bytes.
		{"byte offsets", "b,0,5,José,PERSON,,,\n", []string{`t.csv:2:7: text: "José", but the document has "José\u00a0" at 0:5`}, ErrText},
		{"duplicate row", "a,1,4,Ada,PERSON,,,\na,10,13,Bob,PERSON,,,\na,1,4,Ada,PERSON,,,\n", []string{
			`t.csv:4:1: warning: doc_id: row sorts before line 3 (rows are sorted by doc_id, start, end)`,
			`t.csv:4:3: start: same span 1:4 and label as line 2`,
		}, ErrDuplicate},
		{"same span, other label", "a,1,4,Ada,PERSON,,,\na,1,4,Ada,ORG,,,\n", []string{
			`t.csv:3:3: start: 1:4 ORG "Ada" overlaps 1:4 PERSON "Ada" on line 2 (gold spans are flat)`,
		}, ErrOverlap},
		{"overlap", "a,10,22,Bob in Dmeir,LOC,,,\na,17,22,Dmeir,GPE,,,\n", []string{
			`t.csv:3:3: start: 17:22 GPE "Dmeir" overlaps 10:22 LOC "Bob in Dmeir" on line 2 (gold spans are flat)`,
		}, ErrOverlap},
		{"nested overlaps", "a,0,23,“Ada” met Bob in Dmeir.,ORG,,,\na,1,4,Ada,PERSON,,,\na,17,22,Dmeir,GPE,,,\n", []string{
			`t.csv:3:3: start: 1:4 PERSON "Ada" overlaps 0:23 ORG "“Ada” met Bob in Dmeir." on line 2 (gold spans are flat)`,
			`t.csv:4:3: start: 17:22 GPE "Dmeir" overlaps 0:23 ORG "“Ada” met Bob in Dmeir." on line 2 (gold spans are flat)`,
		}, ErrOverlap},
		{"touching spans do not overlap", "a,6,9,met,ORG,,,\na,9,13, Bob,ORG,,,\n", nil, nil},
		{"same span in two documents", "a,0,3,“Ad,ORG,,,\nb,0,3,Jos,ORG,,,\n", nil, nil},
		{"out of order", "b,0,4,José,PERSON,,,\na,1,4,Ada,PERSON,,,\n", []string{
			`t.csv:3:1: warning: doc_id: row sorts before line 2 (rows are sorted by doc_id, start, end)`,
		}, ErrOrder},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Read([]byte(header+tc.rows), "t.csv")
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			errs := f.Validate(testCorpus(t))
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Validate (-want +got):\n%s", diff)
			}
			if tc.is != nil && !errors.Is(errs, tc.is) {
				t.Errorf("Validate errors are not %v", tc.is)
			}
			if tc.is == ErrOrder && errs.Failed() {
				t.Error("a warning alone failed validation")
			}
		})
	}
}

// TestBuiltin checks the bundled gold: it validates against the bundled
// corpus with no problem at all, and its files are exactly what Write
// makes of them, so rewriting never churns them.
func TestBuiltin(t *testing.T) {
	c := corpus.Builtin()
	files := Builtin()
	if len(files) != len(c.Docs) {
		t.Fatalf("%d gold files for %d documents", len(files), len(c.Docs))
	}
	for i, f := range files {
		if errs := f.Validate(c); len(errs) > 0 {
			t.Errorf("%s:\n%v", f.Name, errs)
		}
		for _, m := range f.Mentions {
			if m.DocID != c.Docs[i].ID {
				t.Errorf("%s: mention of %q; each file covers one document", m.Source, m.DocID)
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, f.Mentions); err != nil {
			t.Fatal(err)
		}
		stored, _ := builtinFS.ReadFile(f.Name)
		if diff := cmp.Diff(string(stored), buf.String()); diff != "" {
			t.Errorf("%s differs from Write's output (-stored +written):\n%s", f.Name, diff)
		}
	}
}

// TestLayout checks mentions from another format for gold's rules.
func TestLayout(t *testing.T) {
	src := func(line int) corpus.Source { return corpus.Source{File: "g.jsonl", Line: line} }
	ms := []corpus.Mention{
		{DocID: "a", Span: corpus.Span{Start: 0, End: 5}, Label: corpus.ORG, Text: "“Ada”", Source: src(1)},
		{DocID: "a", Span: corpus.Span{Start: 1, End: 4}, Label: corpus.PERSON, Text: "Ada", Source: src(1)},
	}
	var got []string
	for _, e := range Layout("g.jsonl", ms) {
		got = append(got, e.Error())
	}
	want := []string{`g.jsonl:1:1: start: 1:4 PERSON "Ada" overlaps 0:5 ORG "“Ada”" on line 1 (gold spans are flat)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Layout (-want +got):\n%s", diff)
	}
}
