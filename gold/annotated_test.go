package gold_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

// TestMatch: documents read without an ID take the ID of the corpus
// document with their text, mentions and all; a text no document has,
// or that several have, or two records with one text, is an error.
func TestMatch(t *testing.T) {
	c, err := corpus.New("news", []corpus.Doc{{ID: "d1", Text: "Ada met Bob"}, {ID: "d2", Text: "same"}, {ID: "d3", Text: "same"}})
	if err != nil {
		t.Fatal(err)
	}
	annotated := func(docs ...corpus.Doc) *gold.Annotated {
		a := &gold.Annotated{Name: "p.jsonl", Docs: docs}
		for i, d := range docs {
			a.Unnamed = append(a.Unnamed, i)
			a.Mentions = append(a.Mentions, corpus.Mention{DocID: d.ID, Span: corpus.Span{Start: 0, End: 3}, Label: corpus.PERSON})
		}
		return a
	}
	a := annotated(corpus.Doc{ID: "line-1", Text: "Ada met Bob"})
	if err := a.Match(c); err != nil || a.Docs[0].ID != "d1" || a.Mentions[0].DocID != "d1" {
		t.Errorf("Match = %v: documents %v, mentions %v", err, a.Docs, a.Mentions)
	}
	for _, tc := range []struct {
		a    *gold.Annotated
		want string
	}{
		{annotated(corpus.Doc{ID: "line-2", Text: "Bob"}), `p.jsonl: the record on line 2 has no ID, and no document of corpus news has its text`},
		{annotated(corpus.Doc{ID: "line-3", Text: "same"}), `p.jsonl: the record on line 3 has no ID, and 2 documents of corpus news have its text (d2, d3); give the record an "id"`},
		{annotated(corpus.Doc{ID: "line-1", Text: "Ada met Bob"}, corpus.Doc{ID: "line-4", Text: "Ada met Bob"}), `p.jsonl: the record on line 1 and the record on line 4 have no ID and the same text, that of document "d1" of corpus news; give the records an "id"`},
	} {
		if err := tc.a.Match(c); err == nil || err.Error() != tc.want {
			t.Errorf("Match = %v\nwant %s", err, tc.want)
		}
	}
}

// TestFormat: the format of mention files is told by their name, or, for
// a directory, by the files in it; a directory that holds both brat and
// CSV files could be read two ways, which is an error.
func TestFormat(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, files ...string) string {
		p := filepath.Join(dir, name)
		os.Mkdir(p, 0o755)
		for _, f := range files {
			os.WriteFile(filepath.Join(p, f), nil, 0o644)
		}
		return p
	}
	for path, want := range map[string]string{
		"g.csv": "csv", "g.JSONL": "jsonl", "g.conll": "conll", "g.bio": "conll",
		mk("empty"): "brat", mk("brat", "a.txt", "a.ann"): "brat", mk("csvs", "a.csv", "scope.csv"): "csv",
		mk("both", "a.ann", "a.csv"): "", "g.txt": "",
	} {
		got, err := gold.Format(path)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("Format(%s) = %q, %v; want %q", path, got, err, want)
		}
	}
}
