package corpus_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
	"github.com/google/go-cmp/cmp"
)

// docs are two documents with non-ASCII text, so code-point and byte
// offsets differ.
var docs = map[string]corpus.Doc{
	"a": {ID: "a", Text: "“Ada” met Bob in Dmeir."},
	"b": {ID: "b", Text: "José\u00a0saw 300."},
	"c": {ID: "c", Text: "😀 Ada's ''Tis"},
}

// check reads rows of a mention CSV and checks them as gold: each on its
// own, against its document's text, flat within each document, in order.
func check(t *testing.T, rows string) corpus.Problems {
	t.Helper()
	ms, err := gold.Read([]byte("doc_id,start,end,text,label,value,modifier,unit\n"+rows), "t.csv")
	var ps corpus.Problems
	if err != nil && !ps.Add(err) {
		t.Fatal(err)
	}
	byDoc := map[string][]corpus.Mention{}
	var order corpus.Order
	for i := range ms {
		if p := order.Check(&ms[i]); p != nil {
			ps = append(ps, p)
		}
		byDoc[ms[i].DocID] = append(byDoc[ms[i].DocID], ms[i])
	}
	for _, id := range []string{"a", "b", "c"} {
		ps = append(ps, corpus.CheckText(docs[id], byDoc[id])...)
		ps = append(ps, corpus.CheckFlat(byDoc[id])...)
	}
	ps.Sort()
	return ps
}

// TestChecks feeds one bad file for each problem the checks find and
// checks the exact position and message.
func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows string // after the header, which is line 1
		want []string
		is   error
	}{
		{"valid", "a,1,4,Ada,PERSON,,,\na,17,22,Dmeir,GPE,,,\nb,0,4,José,PERSON,,,\nb,9,12,300,CARDINAL,300,,\n", nil, nil},
		{"end past the document", "b,9,14,300.,CARDINAL,300,,\n", []string{`t.csv:2:5: end: 14 is past the end of document "b" (length 13)`}, corpus.ErrOffset},
		{"text mismatch", "a,0,4,Ada,PERSON,,,\n", []string{`t.csv:2:7: text: "Ada", but the document has "“Ada" at 0:4`}, corpus.ErrText},
		// Offsets are code points: bytes 0:5 would be "José" in bytes.
		{"byte offsets", "b,0,5,José,PERSON,,,\n", []string{`t.csv:2:7: text: "José", but the document has "José\u00a0" at 0:5; the text is at 0:5 in UTF-8 bytes, which is 0:4 in code points: offsets count code points`}, corpus.ErrText},
		// 😀 is one code point, two UTF-16 units.
		{"UTF-16 offsets", "c,3,6,Ada,PERSON,,,\n", []string{`t.csv:2:7: text: "Ada", but the document has "da'" at 3:6; the text is at 3:6 in UTF-16 units (as JavaScript, Java and C# count), which is 2:5 in code points: offsets count code points`}, corpus.ErrText},
		// The document has é as one code point; the file as e and a
		// combining accent.
		{"normalization", "b,0,4,Jose\u0301,PERSON,,,\n", []string{`t.csv:2:7: text: "Jose` + "\u0301" + `", but the document has "José" at 0:4: same letters, different Unicode normalization (NFD in the file: U+004A U+006F U+0073 U+0065 U+0301; NFC in the document: U+004A U+006F U+0073 U+00E9)`}, corpus.ErrText},
		// A text that starts with apostrophes reads right, written by
		// hand or escaped by exbench.
		{"leading apostrophes", "c,8,13,''Tis,ORG,,,\n", nil, nil},
		{"leading apostrophes escaped", "c,8,13,'''Tis,ORG,,,\n", nil, nil},
		{"an apostrophe too few", "c,8,13,'Tis,ORG,,,\n", []string{`t.csv:2:8: text: "'Tis", but the document has "''Tis" at 8:13`}, corpus.ErrText},
		{"duplicate row", "a,1,4,Ada,PERSON,,,\na,10,13,Bob,PERSON,,,\na,1,4,Ada,PERSON,,,\n", []string{
			`t.csv:4:3: warning: start: row sorts before line 3 (a document's rows are sorted by start, end)`,
			`t.csv:4:3: start: same span 1:4 and label as line 2`,
		}, corpus.ErrDuplicate},
		{"same span, other label", "a,1,4,Ada,PERSON,,,\na,1,4,Ada,ORG,,,\n", []string{
			`t.csv:3:3: start: 1:4 ORG "Ada" overlaps 1:4 PERSON "Ada" on line 2 (gold spans are flat)`,
		}, corpus.ErrOverlap},
		{"overlap", "a,10,22,Bob in Dmeir,LOC,,,\na,17,22,Dmeir,GPE,,,\n", []string{
			`t.csv:3:3: start: 17:22 GPE "Dmeir" overlaps 10:22 LOC "Bob in Dmeir" on line 2 (gold spans are flat)`,
		}, corpus.ErrOverlap},
		{"nested overlaps", "a,0,23,“Ada” met Bob in Dmeir.,ORG,,,\na,1,4,Ada,PERSON,,,\na,17,22,Dmeir,GPE,,,\n", []string{
			`t.csv:3:3: start: 1:4 PERSON "Ada" overlaps 0:23 ORG "“Ada” met Bob in Dmeir." on line 2 (gold spans are flat)`,
			`t.csv:4:3: start: 17:22 GPE "Dmeir" overlaps 0:23 ORG "“Ada” met Bob in Dmeir." on line 2 (gold spans are flat)`,
		}, corpus.ErrOverlap},
		{"touching spans do not overlap", "a,6,9,met,ORG,,,\na,9,13, Bob,ORG,,,\n", nil, nil},
		{"same span in two documents", "a,0,3,“Ad,ORG,,,\nb,0,3,Jos,ORG,,,\n", nil, nil},
		// Documents come in any order (as the corpus has them, say), each
		// with its rows together.
		{"documents in any order", "b,0,4,José,PERSON,,,\na,1,4,Ada,PERSON,,,\n", nil, nil},
		{"a document apart", "a,1,4,Ada,PERSON,,,\nb,0,4,José,PERSON,,,\na,10,13,Bob,PERSON,,,\n", []string{
			`t.csv:4:1: warning: doc_id: document "a" has rows up to line 2 already (a document's rows come together)`,
		}, corpus.ErrOrder},
		{"spans out of order", "a,10,13,Bob,PERSON,,,\na,1,4,Ada,PERSON,,,\n", []string{
			`t.csv:3:3: warning: start: row sorts before line 2 (a document's rows are sorted by start, end)`,
		}, corpus.ErrOrder},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := check(t, tc.rows)
			var got []string
			for _, p := range ps {
				got = append(got, p.Error())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
			if tc.is != nil && !errors.Is(ps, tc.is) {
				t.Errorf("problems are not %v", tc.is)
			}
			if tc.is == corpus.ErrOrder && ps.Failed() {
				t.Error("a warning alone failed")
			}
		})
	}
}

// TestCheckFlatAcrossFiles: mentions of one document from two files are
// checked together, and a problem names the other file.
func TestCheckFlatAcrossFiles(t *testing.T) {
	src := func(file string, line int) corpus.Source { return corpus.Source{File: file, Line: line} }
	ms := []corpus.Mention{
		{DocID: "a", Span: corpus.Span{Start: 0, End: 5}, Label: corpus.ORG, Text: "“Ada”", Source: src("g1.csv", 2)},
		{DocID: "a", Span: corpus.Span{Start: 1, End: 4}, Label: corpus.PERSON, Text: "Ada", Source: src("g2.csv", 2)},
		{DocID: "a", Span: corpus.Span{Start: 0, End: 5}, Label: corpus.ORG, Text: "“Ada”", Source: src("g2.csv", 3)},
	}
	var got []string
	for _, p := range corpus.CheckFlat(ms) {
		got = append(got, p.Error())
	}
	want := []string{
		`g2.csv:3:1: start: same span 0:5 and label as g1.csv:2`,
		`g2.csv:2:1: start: 1:4 PERSON "Ada" overlaps 0:5 ORG "“Ada”" at g1.csv:2 (gold spans are flat)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckFlat (-want +got):\n%s", diff)
	}
}

// TestCheckFields checks mentions made in memory, without a file.
func TestCheckFields(t *testing.T) {
	m := corpus.Mention{DocID: "a", Span: corpus.Span{Start: 4, End: 2}, Label: "PER", Value: corpus.NewValue(3)}
	var got []string
	for _, p := range corpus.CheckFields(&m) {
		got = append(got, p.Error())
	}
	want := []string{
		"end: end 2 is not after start 4",
		`label: unknown label "PER" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CheckFields (-want +got):\n%s", diff)
	}
}

// TestProblemSet keeps the first problems in file order whatever order
// they come in, and counts every one.
func TestProblemSet(t *testing.T) {
	p := func(file string, line int, warn bool) *corpus.Problem {
		return &corpus.Problem{File: file, Line: line, Col: 1, Err: corpus.ErrText, Warning: warn}
	}
	all := []*corpus.Problem{p("b.csv", 9, false), p("b.csv", 2, true), p("a.csv", 5, false), p("b.csv", 1, false), p("a.csv", 1, true), p("c.csv", 1, false)}
	var whole corpus.Problems
	for _, x := range all {
		whole = append(whole, x)
	}
	whole.Sort() // b.csv first: its problems came first
	for max := range len(all) + 2 {
		s := corpus.ProblemSet{Max: max}
		for _, x := range all {
			s.Add(x)
		}
		want := whole
		if max > 0 && max < len(all) {
			want = whole[:max]
		}
		if diff := cmp.Diff(want.Error(), s.Problems().Error()); diff != "" {
			t.Errorf("Max %d (-want +got):\n%s", max, diff)
		}
		errs, warnings := s.Counts()
		var tr *corpus.Truncated
		truncated := errors.As(s.Err(), &tr)
		if errs != 4 || warnings != 2 || !s.Failed() || truncated != (max > 0 && max < len(all)) || !errors.Is(s.Err(), corpus.ErrText) {
			t.Errorf("Max %d: %d errors, %d warnings, truncated %v, Err %v", max, errs, warnings, truncated, s.Err())
		}
	}
}

func TestCheckSurrogates(t *testing.T) {
	for in, want := range map[string]string{
		`{"text": "a \ud83d\ude00 b"}`: "",   // a pair: 😀
		`{"text": "a \\ud800 b"}`:      "",   // an escaped backslash, then text
		`{"text": "\u00e9\ud800"}`:     "17", // a high half alone
		`{"text": "\ud800\u0041"}`:     "11", // a high half before another escape
		`{"text": "é \udc00"}`:         "13", // a low half alone; é is one column
		`{"text": "\ud800`:             "11", // at the end of a cut line
		`{"text": "\ud8"}`:             "",   // not an escape: for the JSON decoder to report
	} {
		p := corpus.CheckSurrogates("t.jsonl", 1, []byte(in))
		got := ""
		if p != nil {
			got = fmt.Sprint(p.Col)
			if !errors.Is(p, corpus.ErrSurrogate) || !strings.Contains(p.Error(), "is half of a UTF-16 surrogate pair") {
				t.Errorf("%s: %v", in, p)
			}
		}
		if got != want {
			t.Errorf("CheckSurrogates(%s) at column %q, want %q", in, got, want)
		}
	}
}
