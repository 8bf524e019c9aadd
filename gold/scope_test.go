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
	c, _ := corpus.New("c", []corpus.Doc{{ID: "a", Text: "Héllo world"}, {ID: "b", Text: "Bye"}})
	path := filepath.Join(t.TempDir(), "scope.csv")
	read := func(s string) (map[string][]corpus.Span, error) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return ReadScopeFile(path, c)
	}
	got, err := read("doc_id,start,end\na,6,11\nb,,\na,0,5\n")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]corpus.Span{"a": {{Start: 6, End: 11}, {Start: 0, End: 5}}, "b": nil}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("scope (-want +got):\n%s", diff)
	}
	if got, err := read("doc_id\nb\n"); err != nil || len(got) != 1 {
		t.Errorf("doc_id alone: %v, %v", got, err)
	}
	for in, want := range map[string]string{
		"":                               path + ":1:1: header: empty file: want a header row doc_id,start,end",
		"id,start,end\n":                 path + `:1:1: header: want doc_id,start,end (or doc_id), got "id,start,end"`,
		"doc_id,start,end\nc,,\n":        path + `:2:1: doc_id: unknown document "c" (not in corpus c)`,
		"doc_id,start,end\na,x,3\n":      path + `:2:3: start: "x" is not an offset (a non-negative integer, or empty with end for the whole document)`,
		"doc_id,start,end\na,3,3\n":      path + ":2:5: end: end 3 is not after start 3",
		"doc_id,start,end\na,3,12\n":     path + `:2:5: end: 12 is past the end of document "a" (length 11)`,
		"doc_id,start,end\na,,\na,1,2\n": path + `:3:1: doc_id: document "a" is listed whole on line 2 and with a region here`,
		"doc_id,start,end\na,1\n":        path + ":2:1: row has 2 fields, the header has 3",
	} {
		if _, err := read(in); err == nil || err.Error() != want {
			t.Errorf("%q: %v\nwant %s", in, err, want)
		}
	}
}

// FuzzReadScope checks that ReadScope never panics, that its problems
// have positions inside the input, and that what it accepts is within the
// corpus.
func FuzzReadScope(f *testing.F) {
	for _, s := range []string{"doc_id,start,end\na,6,11\nb,,\n", "doc_id\nb\n", "doc_id,start,end\na,x,3\n", "doc_id,start,end\na,,\na,1,2\n", "\"doc_id"} {
		f.Add([]byte(s))
	}
	c, _ := corpus.New("c", []corpus.Doc{{ID: "a", Text: "Héllo world"}, {ID: "b", Text: "Bye"}})
	f.Fuzz(func(t *testing.T, data []byte) {
		scope, err := ReadScope(bytes.NewReader(data), "s.csv", c)
		lines := bytes.Count(data, []byte("\n")) + 1
		var errs Errors
		if errors.As(err, &errs) {
			for _, e := range errs {
				if e.Line < 1 || e.Line > lines || e.Col < 1 {
					t.Fatalf("bad position: %v", e)
				}
			}
			return
		}
		for id, spans := range scope {
			d, ok := c.Doc(id)
			if !ok {
				t.Fatalf("document %q is not in the corpus", id)
			}
			for _, s := range spans {
				if s.Start < 0 || s.End <= s.Start || s.End > len([]rune(d.Text)) {
					t.Fatalf("region %v of %q", s, id)
				}
			}
		}
	})
}
