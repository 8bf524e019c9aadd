package gold

import (
	"bytes"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
)

const header = "doc_id,start,end,text,label,value,modifier,unit\n"

func TestWriteRead(t *testing.T) {
	_, ms := marks.MustParse("d1", "“⟦Ada|PERSON⟧” met ⟦more than 300|CARDINAL|300|>⟧ people, ⟦50 km|QUANTITY|50||km⟧ from ⟦Dmeir|GPE⟧, “⟦$5, million|MONEY|5000000|~|USD⟧”")
	_, ms2 := marks.MustParse("a0", "⟦=SUM(A1)|ORG⟧ and ⟦line\nbreak|ORG⟧")
	ms = append(ms2, ms...)
	ms = append(ms, corpus.Mention{DocID: "d1", Span: corpus.NoSpan, Label: "PERSON", Text: "Bob"}) // given by its text

	var buf bytes.Buffer
	if err := Write(&buf, ms); err != nil {
		t.Fatal(err)
	}
	want := header +
		"a0,0,8,'=SUM(A1),ORG,,,\n" +
		"a0,13,23,\"line\nbreak\",ORG,,,\n" +
		"d1,1,4,Ada,PERSON,,,\n" +
		"d1,10,23,more than 300,CARDINAL,300,>,\n" +
		"d1,32,37,50 km,QUANTITY,50,,km\n" +
		"d1,43,48,Dmeir,GPE,,,\n" +
		"d1,51,62,\"$5, million\",MONEY,5000000,~,USD\n" +
		"d1,,,Bob,PERSON,,,\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("Write (-want +got):\n%s", diff)
	}

	f, err := Read(buf.Bytes(), "t.csv")
	if err != nil {
		t.Fatal(err)
	}
	corpus.Sort(ms)
	if diff := cmp.Diff(ms, f, marks.CmpMentions...); diff != "" {
		t.Errorf("Read(Write(ms)) (-want +got):\n%s", diff)
	}
	// Lines count the newline inside the quoted field.
	var lines []int
	for _, m := range f {
		lines = append(lines, m.Source.Line)
	}
	if diff := cmp.Diff([]int{2, 3, 5, 6, 7, 8, 9, 10}, lines); diff != "" {
		t.Errorf("source lines (-want +got):\n%s", diff)
	}
}

func TestReadAccepts(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     int // mentions
	}{
		{"header only", header, 0},
		{"BOM and CRLF", "\ufeff" + strings.ReplaceAll(header+"d,0,3,Ada,PERSON,,,\n", "\n", "\r\n"), 1},
		{"required columns only, any order", "label,text,end,start,doc_id\nPERSON,Ada,3,0,d\n", 1},
		{"no final newline", header + "d,0,3,Ada,PERSON,,,", 1},
		{"thousands separator", header + "d,0,7,\"270,000\",CARDINAL,\"270,000\",,\n", 1},
		{"no offsets, a text", header + "d,,,Ada,PERSON,,,\nd,,,Ada,PERSON,,,\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Read([]byte(tc.in), "t.csv")
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(f) != tc.want {
				t.Errorf("Read: %d mentions, want %d", len(f), tc.want)
			}
		})
	}
}

// TestReadProblems feeds one bad file for each problem Read finds and
// checks the exact position and message.
func TestReadProblems(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want []string
		is   error
	}{
		{"empty file", "", []string{"t.csv:1:1: header: empty file: want a header row doc_id,start,end,text,label,value,modifier,unit"}, ErrEmpty},
		{"missing column", "doc_id,start,text,label\n", []string{`t.csv:1:1: header: missing column "end"`}, ErrHeader},
		{"unknown column", "doc_id,start,end,text,label,strat\n", []string{`t.csv:1:29: header: unknown column "strat" (columns are doc_id,start,end,text,label,value,modifier,unit,alt,score)`}, ErrHeader},
		{"duplicate column", "doc_id,start,end,text,label,text\n", []string{`t.csv:1:29: header: duplicate column "text" (also column 4)`}, ErrHeader},
		{"padded column name", "doc_id, start,end,text,label\n", []string{`t.csv:1:1: header: missing column "start"`, `t.csv:1:8: header: unknown column " start" (columns are doc_id,start,end,text,label,value,modifier,unit,alt,score)`}, ErrHeader},
		{"wrong field count", header + "d,0,3,Ada\n", []string{"t.csv:2:1: row has 4 fields, the header has 8"}, ErrFields},
		{"non-integer offset", header + "d,zero,3,Ada,PERSON,,,\n", []string{`t.csv:2:3: start: "zero" is not an integer`}, corpus.ErrOffset},
		{"decimal offset", header + "d,0,3.0,Ada,PERSON,,,\n", []string{`t.csv:2:5: end: "3.0" is not an integer`}, corpus.ErrOffset},
		{"plus sign", header + "d,+0,3,Ada,PERSON,,,\n", []string{`t.csv:2:3: start: "+0" is not an integer`}, corpus.ErrOffset},
		{"negative offset", header + "d,-1,3,Ada,PERSON,,,\n", []string{`t.csv:2:3: start: -1 is negative`}, corpus.ErrOffset},
		{"no offsets, no text", header + "d,,,,PERSON,,,\n", []string{`t.csv:2:3: start: "" is not an integer`, `t.csv:2:4: end: "" is not an integer`}, corpus.ErrOffset},
		{"one offset", header + "d,,3,Ada,PERSON,,,\n", []string{`t.csv:2:3: start: "" is not an integer`}, corpus.ErrOffset},
		{"huge offset", header + "d,0,99999999999999999999,Ada,PERSON,,,\n", []string{`t.csv:2:5: end: "99999999999999999999" is out of range`}, corpus.ErrOffset},
		{"start equals end", header + "d,3,3,,PERSON,,,\n", []string{`t.csv:2:5: end: end 3 is not after start 3`}, corpus.ErrOffset},
		{"reversed", header + "d,5,3,Ada,PERSON,,,\n", []string{`t.csv:2:5: end: end 3 is not after start 5`}, corpus.ErrOffset},
		{"empty doc_id", header + ",0,3,Ada,PERSON,,,\n", []string{`t.csv:2:1: doc_id: empty`}, corpus.ErrDocID},
		{"unknown label", header + "d,0,3,Ada,PER,,,\n", []string{`t.csv:2:11: label: unknown label "PER" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)`}, corpus.ErrLabel},
		{"lowercase label", header + "d,0,3,Ada,person,,,\n", []string{`t.csv:2:11: label: unknown label "person" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)`}, corpus.ErrLabel},
		// Columns count code points: “ and ” are one column each.
		{"value not a number", header + "d,0,5,“300”,CARDINAL,3OO,,\n", []string{`t.csv:2:22: value: "3OO" is not a number (want a plain decimal such as 300, 270000 or 3.5)`}, corpus.ErrValue},
		{"bad modifier", header + "d,0,5,about,CARDINAL,,about,\n", []string{`t.csv:2:23: modifier: "about" is not a modifier (want one of: empty, ~, >, >=, <, <=, range)`}, corpus.ErrModifier},
		{"value on a non-numeric label", header + "d,0,3,Ada,PERSON,1,,\n", []string{`t.csv:2:18: value: PERSON takes no value, got "1"`}, corpus.ErrNumber},
		{"modifier on a non-numeric label", header + "d,0,3,Ada,DATE,,~,\n", []string{`t.csv:2:17: modifier: DATE takes no modifier, got "~"`}, corpus.ErrNumber},
		{"unit on CARDINAL", header + "d,0,3,300,CARDINAL,300,,km\n", []string{`t.csv:2:25: unit: CARDINAL takes no unit, got "km" (only QUANTITY and MONEY have units)`}, corpus.ErrNumber},
		{"money unit not ISO 4217", header + "d,0,2,$5,MONEY,5,,usd\n", []string{`t.csv:2:19: unit: "usd" is not an ISO 4217 currency code (such as USD, EUR, SYP)`}, corpus.ErrUnit},
		{"quantity unit not canonical", header + "d,0,5,50 km,QUANTITY,50,,Km\n", []string{`t.csv:2:26: unit: "Km" is not a canonical unit (a lowercase symbol such as km, mi, kg, km2)`}, corpus.ErrUnit},
		// Every problem of the row's cells; whether the label is known is
		// looked at in a row whose cells are well formed.
		{"every problem in a row", header + "d,x,y,Ada,PER,,,\n", []string{
			`t.csv:2:3: start: "x" is not an integer`,
			`t.csv:2:5: end: "y" is not an integer`,
		}, corpus.ErrOffset},
		{"every problem of the fields", header + "d,4,3,Ada,PERSON,2,~,\n", []string{
			`t.csv:2:5: end: end 3 is not after start 4`,
			`t.csv:2:18: value: PERSON takes no value, got "2"`,
			`t.csv:2:20: modifier: PERSON takes no modifier, got "~"`,
		}, corpus.ErrOffset},
		// A quoted field over three lines: the next row is on line 5.
		{"after a multi-line field", header + "d,0,9,\"a\nb\nc\",ORG,,,\nd,x,3,Ada,PERSON,,,\n", []string{`t.csv:5:3: start: "x" is not an integer`}, corpus.ErrOffset},
		{"unterminated quote", header + "d,0,3,\"Ada,PERSON,,,\nd,4,7,Bob,PERSON,,,\n", []string{`t.csv:2:7: unterminated quoted field: no closing quote before the end of the file`}, ErrSyntax},
		{"extraneous quote", header + "d,0,3,\"Ada\"x,PERSON,,,\n", []string{`t.csv:2:11: extraneous or missing " in quoted-field`}, ErrSyntax},
		{"bare quote", header + "d,0,3,A\"da,PERSON,,,\n", []string{`t.csv:2:8: bare " in non-quoted-field`}, ErrSyntax},
		{"invalid UTF-8", header + "d,0,3,Jos\xe9,PERSON,,,\nd,0,3,ok,PERSON,,,\nd,0,3,\xff\xfe,PERSON,,,\n", []string{
			"t.csv:2:10: invalid UTF-8: byte 0xe9 at byte offset 57",
			"t.csv:4:7: invalid UTF-8: byte 0xff at byte offset 94",
		}, corpus.ErrUTF8},
		{"NUL byte", header + "d,0,3,A\x00a,PERSON,,,\nd,\x000,3,Ada,PERSON,,,\n", []string{
			"t.csv:2:8: NUL byte at byte offset 55 (is the file UTF-16? mention files are UTF-8)",
			"t.csv:3:3: NUL byte at byte offset 70 (is the file UTF-16? mention files are UTF-8)",
		}, corpus.ErrNUL},
		{"huge field", header + "d,0,3," + strings.Repeat("A", 1<<20) + ",PER,,,\n", []string{
			`t.csv:2:1048584: label: unknown label "PER" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)`,
		}, corpus.ErrLabel},
		{"huge value quoted short", header + "d,0,3,Ada,PER" + strings.Repeat("S", 100) + ",,,\n", []string{
			`t.csv:2:11: label: unknown label "PER` + strings.Repeat("S", 57) + `"... (103 bytes) (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)`,
		}, corpus.ErrLabel},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read([]byte(tc.in), "t.csv")
			marks.CheckProblems(t, "Read", err, tc.want, tc.is)
		})
	}
}

// TestReadKeepsGoodRows checks that a bad row is left out and the rest
// are read.
func TestReadKeepsGoodRows(t *testing.T) {
	f, err := Read([]byte(header+"d,0,3,Ada,PERSON,,,\nd,x,3,Ada,PERSON,,,\nd,4,7,Bob,PERSON,,,\n"), "t.csv")
	if err == nil || len(f) != 2 {
		t.Fatalf("Read = %v, %v; want the 2 good rows and an error", f, err)
	}
	if f[1].Text != "Bob" || f[1].Source.Line != 4 {
		t.Errorf("second good row = %+v, want Bob on line 4", f[1])
	}
}

func TestErrorsList(t *testing.T) {
	var in strings.Builder
	in.WriteString(header)
	for range 12 {
		in.WriteString("d,x,3,Ada,PERSON,,,\n")
	}
	_, err := Read([]byte(in.String()), "t.csv")
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 11 || lines[10] != "2 more" {
		t.Errorf("Errors.Error() = %d lines ending %q, want 10 problems and \"2 more\"", len(lines), lines[len(lines)-1])
	}
}

func TestEscapeCell(t *testing.T) {
	for _, s := range []string{"", "Ada", "=SUM(A1)", "+1", "-", "@x", "\tx", "\rx", "'", "''", "'=", "'a", "a=b"} {
		e := EscapeCell(s)
		if e != "" && strings.IndexByte("=+-@\t\r", e[0]) >= 0 {
			t.Errorf("EscapeCell(%q) = %q starts a formula", s, e)
		}
		if got := UnescapeCell(e); got != s {
			t.Errorf("UnescapeCell(EscapeCell(%q)) = %q", s, got)
		}
	}
}

// TestWriterStreams writes document by document: the same bytes as Write
// for documents in ID order.
func TestWriterStreams(t *testing.T) {
	var all []corpus.Mention
	var streamed bytes.Buffer
	w := NewWriter(&streamed)
	ms := Builtin()
	for i := 0; i < len(ms); {
		j := i
		for j < len(ms) && ms[j].DocID == ms[i].DocID {
			j++
		}
		all = append(all, ms[i:j]...)
		if err := w.Write(ms[i:j]); err != nil {
			t.Fatal(err)
		}
		i = j
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var whole bytes.Buffer
	if err := Write(&whole, all); err != nil {
		t.Fatal(err)
	}
	if streamed.String() != whole.String() {
		t.Error("Writer and Write wrote different bytes")
	}
	var empty bytes.Buffer
	NewWriter(&empty).Close()
	if empty.String() != header {
		t.Errorf("an empty Writer wrote %q, want the header", empty.String())
	}
}

// BenchmarkReadManyFields reads a row of 100,000 empty fields, which
// took time quadratic in the line's length when each field's column was
// counted from the line's start (2.9 s, against 15 ms now).
func BenchmarkReadManyFields(b *testing.B) {
	data := []byte(header + strings.Repeat(",", 100_000) + "\n")
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read(data, "f.csv"); err == nil {
			b.Fatal("no error for a row of 100,001 fields")
		}
	}
}
