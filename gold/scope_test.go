package gold

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

func TestReadScope(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scope.csv")
	read := func(s string) ([]corpus.Region, error) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return ReadScopeFile(path)
	}
	got, err := read("doc_id,start,end\na,6,11\nb,,\na,0,5\n")
	if err != nil {
		t.Fatal(err)
	}
	var spans []string
	for _, r := range got {
		spans = append(spans, r.DocID+" "+r.Span.String()+" "+r.Source.String())
	}
	want := []string{"a 6:11 " + path + ":2", "b 0:0 " + path + ":3", "a 0:5 " + path + ":4"}
	if diff := cmp.Diff(want, spans); diff != "" {
		t.Errorf("scope (-want +got):\n%s", diff)
	}
	if !got[1].Whole() || got[0].Whole() || got[0].Source.Col[corpus.FieldEnd] != 5 {
		t.Errorf("regions %+v", got)
	}
	if got, err := read("doc_id\nb\n"); err != nil || len(got) != 1 {
		t.Errorf("doc_id alone: %v, %v", got, err)
	}
	for in, want := range map[string]string{
		"":                               path + ":1:1: header: empty file: want a header row doc_id,start,end",
		"id,start,end\n":                 path + `:1:1: header: want doc_id,start,end (or doc_id), got "id,start,end"`,
		"doc_id,start,end\na,x,3\n":      path + `:2:3: start: "x" is not an offset (a non-negative integer, or empty with end for the whole document)`,
		"doc_id,start,end\na,3,3\n":      path + ":2:5: end: end 3 is not after start 3",
		"doc_id,start,end\na,,\na,1,2\n": path + `:3:1: doc_id: document "a" is listed whole on line 2 and with a region here`,
		"doc_id,start,end\na,1,2\na,,\n": path + `:3:1: doc_id: document "a" is listed whole and with regions`,
		"doc_id,start,end\na,1\n":        path + ":2:1: row has 2 fields, the header has 3",
		"doc_id,start,end\n":             path + ": the scope covers no document",
	} {
		if _, err := read(in); err == nil || err.Error() != want {
			t.Errorf("%q: %v\nwant %s", in, err, want)
		}
	}
}

// FuzzReadScope checks that ReadScope never panics, that its problems
// have positions inside the input, and that the regions it accepts are
// well formed.
func FuzzReadScope(f *testing.F) {
	for _, s := range []string{"doc_id,start,end\na,6,11\nb,,\n", "doc_id\nb\n", "doc_id,start,end\na,x,3\n", "doc_id,start,end\na,,\na,1,2\n", "\"doc_id"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		scope, err := ReadScope(bytes.NewReader(data), "s.csv")
		lines := bytes.Count(data, []byte("\n")) + 1
		var errs corpus.Problems
		if errors.As(err, &errs) {
			for _, e := range errs {
				if e.Line < 1 || e.Line > lines || e.Col < 1 {
					t.Fatalf("bad position: %v", e)
				}
			}
			return
		}
		for _, r := range scope {
			if !r.Whole() && (r.Span.Start < 0 || r.Span.End <= r.Span.Start) || r.Source.Line < 2 || r.Source.Line > lines {
				t.Fatalf("region %+v", r)
			}
		}
	})
}
