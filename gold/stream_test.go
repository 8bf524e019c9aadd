package gold

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// readAll reads data with a Reader: the documents' mentions in the order
// read, or the first problem.
func readAll(data []byte) ([][]corpus.Mention, []*File, error) {
	r := NewReader(bytes.NewReader(data), "f.csv")
	var docs [][]corpus.Mention
	var files []*File
	for {
		f, err := r.Next()
		if err == io.EOF {
			return docs, files, nil
		}
		if err != nil {
			if _, again := r.Next(); again == nil || again.Error() != err.Error() {
				return nil, nil, errors.New("Next after an error returned another error")
			}
			return nil, nil, err
		}
		docs = append(docs, f.Mentions)
		files = append(files, f)
	}
}

func TestReaderDocuments(t *testing.T) {
	data := "\ufeff" + "doc_id,start,end,text,label,value,modifier,unit\r\n" +
		"a,4,7,Ada,PERSON,,,\r\n" +
		"a,0,3,Bob,PERSON,,,\r\n" +
		"b,0,9,\"Jos\u00e9,\nX\",ORG,,,\r\n" +
		"b,10,13,300,CARDINAL,300,>,\r\n" +
		"c,0,1,x,ORG,,,\r\n"
	docs, files, err := readAll([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Read([]byte(data), "f.csv")
	if err != nil {
		t.Fatal(err)
	}
	var got []corpus.Mention
	var ids []string
	for _, d := range docs {
		ids = append(ids, d[0].DocID)
		got = append(got, d...)
	}
	if !slices.Equal(ids, []string{"a", "b", "c"}) {
		t.Errorf("documents %v, want [a b c]", ids)
	}
	// Sources (file:line) too: the line of a row after a two-line field.
	if diff := cmp.Diff(want.Mentions, got, cmp.AllowUnexported(corpus.Value{})); diff != "" {
		t.Errorf("Reader and Read differ (-Read +Reader):\n%s", diff)
	}
	// Columns are those Read finds: the label after "José,\nX" on line 5.
	if diff := cmp.Diff(want.cols[3], files[1].cols[1]); diff != "" {
		t.Errorf("columns of line 5 (-Read +Reader):\n%s", diff)
	}
}

// TestReaderProblems checks that the Reader stops at the problems Read
// reports, with the same message and position.
func TestReaderProblems(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"empty", "", "f.csv:1:1: header: empty file: want a header row doc_id,start,end,text,label,value,modifier,unit"},
		{"header", "doc_id,start,end,text,lable\n", `f.csv:1:23: header: unknown column "lable" (columns are doc_id,start,end,text,label,value,modifier,unit,alt,score)`},
		{"utf8", header + "d,0,3,Jos\xe9,PERSON,,,\n", "f.csv:2:10: invalid UTF-8: byte 0xe9 at byte offset 57"},
		{"nul", header + "d,0,3,é\x00,PERSON,,,\n", "f.csv:2:8: NUL byte at byte offset 56 (is the file UTF-16? mention files are UTF-8)"},
		{"fields", header + "d,0,3,Ada,PERSON\n", "f.csv:2:1: row has 5 fields, the header has 8"},
		{"offset", header + "d,0,x,Ada,PERSON,,,\n", `f.csv:2:5: end: "x" is not an integer`},
		{"quote", header + "d,0,3,Ada,PERSON,,,\nd,4,5,\"Bé,PERSON,,,\nd,6,7,x,ORG,,,\n", "f.csv:3:7: unterminated quoted field: no closing quote before the end of the file"},
		{"syntax", header + "dé,0,3,A\"da,PERSON,,,\n", `f.csv:2:9: bare " in non-quoted-field`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := readAll([]byte(tc.data))
			var first Errors
			if !errors.As(err, &first) || first[0].Error() != tc.want {
				t.Errorf("Reader: %v\nwant:   %s", err, tc.want)
			}
			_, rerr := Read([]byte(tc.data), "f.csv")
			var errs Errors
			if !errors.As(rerr, &errs) || errs[0].Error() != tc.want {
				t.Errorf("Read's first problem: %v\nwant: %s", rerr, tc.want)
			}
		})
	}
}

func TestReaderRowsApart(t *testing.T) {
	docs, _, err := readAll([]byte(header + "a,0,1,x,ORG,,,\nb,0,1,x,ORG,,,\na,2,3,y,ORG,,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, fmt.Sprintf("%s:%d", d[0].DocID, len(d)))
	}
	if want := []string{"a:1", "b:1", "a:1"}; !slices.Equal(got, want) {
		t.Errorf("documents %v, want %v", got, want)
	}
}

// FuzzReader checks the Reader against Read: what one accepts the other
// accepts, with the same mentions in the same order.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		header + "d,0,3,Ada,PERSON,,,\ne,0,3,Ada,PERSON,,,\n",
		header + "d,0,9,\"a\nb\nc\",ORG,,,\nd,x,3,Ada,PER,,,\n",
		"\ufeffdoc_id,start,end,text,label\r\nd,0,3,Ada,PERSON\r\n",
		header + "d,0,3,\"Ada,PERSON,,,\n",
		header + "a,0,1,x,ORG,,,\nb,0,1,x,ORG,,,\na,2,3,y,ORG,,,\n",
		header,
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _, err := readAll(data)
		file, rerr := Read(data, "f.csv")
		lines := bytes.Count(data, []byte("\n")) + 1
		var errs Errors
		switch {
		case errors.As(err, &errs):
			for _, e := range errs {
				if e.Line < 1 || e.Line > lines || e.Col < 1 {
					t.Fatalf("problem with a bad position: %v", e)
				}
			}
			if rerr == nil {
				t.Fatalf("Reader failed (%v) where Read accepts the file", err)
			}
			return
		case err != nil:
			t.Fatalf("Reader error is not Errors: %v", err)
		}
		if rerr != nil {
			t.Fatalf("Reader accepts what Read rejects: %v", rerr)
		}
		var got []corpus.Mention
		for _, d := range docs {
			if len(d) == 0 {
				t.Fatal("a document with no mention")
			}
			for _, m := range d {
				if m.DocID != d[0].DocID {
					t.Fatalf("document %q holds a mention of %q", d[0].DocID, m.DocID)
				}
			}
			got = append(got, d...)
		}
		if diff := cmp.Diff(file.Mentions, got, cmp.AllowUnexported(corpus.Value{}), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("Reader and Read differ (-Read +Reader):\n%s", diff)
		}
	})
}
