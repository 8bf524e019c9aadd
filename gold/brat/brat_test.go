package brat

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestReadBrat reads testdata/brat: a document with every kind of .ann
// line, and one with no .ann file.
func TestRead(t *testing.T) {
	a, err := Read(filepath.Join("testdata", "brat"), gold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs, ms := marks.Docs(
		"news", "“⟦Ada|PERSON⟧” saw ⟦more than 300|CARDINAL|300|>⟧ people ⟦50 km|QUANTITY|50||km⟧ from ⟦Dmeir|GPE⟧.\n",
		"quiet", "Nothing here.\n",
	)
	if diff := cmp.Diff(docs, a.Docs); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(ms, a.Mentions, marks.CmpMentions...); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	// R1, A1, N1, *, E1, M1 and the annotator's own note #3.
	if a.Skipped != 7 {
		t.Errorf("Skipped = %d, want 7", a.Skipped)
	}
	if got := a.Mentions[3].Source; got.File != filepath.Join("testdata", "brat", "news.ann") || got.Line != 6 {
		t.Errorf("Source of Dmeir = %v, want testdata/brat/news.ann:6", got)
	}
}

func TestWrite(t *testing.T) {
	docs, ms := marks.Docs("d1", "“⟦Ada|PERSON⟧” saw ⟦more than 300|CARDINAL|300|>⟧ ⟦Bob\nSmith|PERSON⟧ with ⟦$5|MONEY|5||USD⟧.")
	dir := t.TempDir()
	if err := Write(dir, docs, ms); err != nil {
		t.Fatal(err)
	}
	ann, err := os.ReadFile(filepath.Join(dir, "d1.ann"))
	if err != nil {
		t.Fatal(err)
	}
	want := "T1\tPERSON 1 4\tAda\n" +
		"T2\tCARDINAL 10 23\tmore than 300\n" +
		"#1\tAnnotatorNotes T2\tvalue=300 modifier=>\n" +
		"T3\tPERSON 24 33\tBob Smith\n" +
		"T4\tMONEY 39 41\t$5\n" +
		"#2\tAnnotatorNotes T4\tvalue=5 unit=USD\n"
	if diff := cmp.Diff(want, string(ann)); diff != "" {
		t.Errorf("d1.ann (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(dir, Index)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s written though every ID is a safe name (%v)", Index, err)
	}
}

// TestBratRoundTrip writes documents with IDs that are not safe file
// names and checks that every file stays inside the directory and that
// ReadBrat gives back the same documents and mentions.
func TestBratRoundTrip(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "a", "b", "out")
	ids := []string{"../../etc/passwd", "a/b", "a_b", "", ".", "..", ".hidden", "x\x00y\n\x7f", "CON", "nul.txt", "Ada", "ada", `C:\Windows`, "/abs", "d1", "ünïcode", strings.Repeat("long", 100)}
	var docs []corpus.Doc
	var ms []corpus.Mention
	for i, id := range ids {
		d, dms := marks.Docs(id, fmt.Sprintf("Doc %d: “⟦Ada|PERSON⟧” saw ⟦more than 300|CARDINAL|300|>⟧.", i))
		docs = append(docs, d...)
		ms = append(ms, dms...)
	}
	if err := Write(dir, docs, ms); err != nil {
		t.Fatal(err)
	}
	var outside []string
	n := 0
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		if filepath.Dir(path) != dir || strings.HasPrefix(d.Name(), ".") {
			outside = append(outside, path)
		}
		return nil
	})
	if len(outside) > 0 || n != 2*len(ids)+1 {
		t.Errorf("WriteBrat wrote %d files (want %d), these outside %s or hidden: %q", n, 2*len(ids)+1, dir, outside)
	}

	a, err := Read(dir, gold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(docs, func(a, b corpus.Doc) int { return strings.Compare(a.ID, b.ID) })
	got := slices.Clone(a.Docs)
	slices.SortFunc(got, func(a, b corpus.Doc) int { return strings.Compare(a.ID, b.ID) })
	if diff := cmp.Diff(docs, got); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	corpus.Sort(ms)
	gotMs := slices.Clone(a.Mentions)
	corpus.Sort(gotMs)
	if diff := cmp.Diff(ms, gotMs, marks.CmpMentions...); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
}

func TestFileName(t *testing.T) {
	for id, want := range map[string]string{
		"d1":               "d1",
		"000_579c75cd.x-y": "000_579c75cd.x-y",
		"../../etc/passwd": "_._.._etc_passwd-",
		"a/b":              "a_b-",
		"":                 "-",
		".":                "_-",
		"..":               "_.-",
		"x\x00y":           "x_y-",
		"CON":              "CON-",
		"com1.txt":         "com1.txt-",
		"ünï":              "_n_-",
	} {
		got := FileName(id)
		if strings.HasSuffix(want, "-") {
			if !strings.HasPrefix(got, want) || len(got) != len(want)+8 {
				t.Errorf("FileName(%q) = %q, want %q and 8 hex digits", id, got, want)
			}
		} else if got != want {
			t.Errorf("FileName(%q) = %q, want %q", id, got, want)
		}
		if !filepath.IsLocal(got) || filepath.Base(got) != got || strings.HasPrefix(got, ".") || len(got) > 110 {
			t.Errorf("FileName(%q) = %q is not a safe name", id, got)
		}
	}
	if FileName("a/b") == FileName("a:b") {
		t.Error("a/b and a:b have one file name")
	}
}

func TestBratNames(t *testing.T) {
	got := fileNames([]corpus.Doc{{ID: "Ada"}, {ID: "ada"}, {ID: "ADA"}})
	if got[0] != "Ada" || !strings.HasPrefix(got[1], "ada-") || !strings.HasPrefix(got[2], "ADA-") ||
		strings.EqualFold(got[1], got[2]) {
		t.Errorf("fileNames(Ada, ada, ADA) = %q, want distinct names ignoring case", got)
	}
}

const bratTestText = "“Ada” saw more than 300 people 50 km from Dmeir.\n"

// TestReadBratProblems writes doc.txt (bratTestText) and doc.ann for each
// case; § marks where each problem is expected in the .ann.
func TestReadBratProblems(t *testing.T) {
	const label = `label: unknown label "PER" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)`
	for _, tc := range []struct {
		name string
		ann  string
		want []string
		is   error
	}{
		{"discontinuous", "T1\tPERSON 1 4\tAda\nT2\tCARDINAL 10 14§;20 23\tmore 300\n", []string{`span: discontinuous spans are not supported: "10 14;20 23"`}, ErrDiscontinuous},
		{"too few fields", "§T1\tPERSON 1 4\n", []string{"want T1<TAB>LABEL START END<TAB>TEXT, got 2 tab-separated fields"}, ErrBrat},
		{"three offsets", "T1\tPERSON §1 4 5\tAda\n", []string{`span: want LABEL START END, got "PERSON 1 4 5"`}, ErrBrat},
		{"unknown kind", "§X1\tPERSON 1 4\tAda\n", []string{`unknown annotation "X1" (lines start with T, R, E, A, M, N, # or *)`}, ErrBrat},
		{"repeated ID", "T1\tPERSON 1 4\tAda\n§T1\tGPE 42 47\tDmeir\n", []string{"T1 is also on line 1"}, ErrBrat},
		{"not an integer", "T1\tPERSON §one 4\tAda\n", []string{`start: "one" is not an integer`}, corpus.ErrOffset},
		{"reversed", "T1\tPERSON 4 §1\tAda\n", []string{"end: end 1 is not after start 4"}, corpus.ErrOffset},
		{"past the end", "T1\tPERSON 42 §99\tDmeir\n", []string{"end: 99 is past the end of the text (length 49)"}, corpus.ErrOffset},
		{"byte offsets", "T1\tPERSON 3 6\t§Ada\n", []string{`text: "Ada", but the text has "a” " at 3:6`}, corpus.ErrText},
		{"unknown label", "T1\t§PER 1 4\tAda\n", []string{label}, corpus.ErrLabel},
		{"bad value", "T1\tCARDINAL 10 23\tmore than 300\n#1\tAnnotatorNotes T1\tvalue=§3OO\n", []string{`value: "3OO" is not a number (want a plain decimal such as 300, 270000 or 3.5)`}, corpus.ErrValue},
		{"unit on CARDINAL", "T1\tCARDINAL 10 23\tmore than 300\n#1\tAnnotatorNotes T1\tvalue=300 unit=§km\n", []string{`unit: CARDINAL takes no unit, got "km" (only QUANTITY and MONEY have units)`}, corpus.ErrNumber},
		{"bad modifier", "T1\tCARDINAL 10 23\tmore than 300\n#1\tAnnotatorNotes T1\tmodifier=§about\n", []string{`modifier: "about" is not a modifier (want one of: empty, ~, >, >=, <, <=, range)`}, corpus.ErrModifier},
		{"note on no T", "T1\tPERSON 1 4\tAda\n§#1\tAnnotatorNotes T7\tvalue=3\n", []string{"note on T7, which is not a text-bound annotation of this file"}, ErrBrat},
		{"second note", "T1\tCARDINAL 20 23\t300\n#1\tAnnotatorNotes T1\tvalue=300\n§#2\tAnnotatorNotes T1\tvalue=301\n", []string{"second number note on T1 (the first is on line 2)"}, ErrBrat},
		{"invalid UTF-8", "T1\tPERSON 1 4\tAda\nT2\tGPE 42 47\tDm§\xe9ir\n", []string{"invalid UTF-8: byte 0xe9 at byte offset 33"}, corpus.ErrUTF8},
		{"every problem", "§X1\nT1\tPERSON §x 4\tAda\nT2\t§PER 1 4\tAda\nT3\tGPE 42 47\t§Dmeir!\n", []string{
			`unknown annotation "X1" (lines start with T, R, E, A, M, N, # or *)`, `start: "x" is not an integer`, label, `text: "Dmeir!", but the text has "Dmeir" at 42:47`,
		}, ErrBrat},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			annPath := filepath.Join(dir, "doc.ann")
			var want []string
			for i, line := range strings.Split(tc.ann, "\n") {
				for k := strings.Index(line, "§"); k >= 0; k = strings.Index(line, "§") {
					want = append(want, fmt.Sprintf("%s:%d:%d: %s", annPath, i+1, 1+utf8.RuneCountInString(line[:k]), tc.want[len(want)]))
					line = line[:k] + line[k+len("§"):]
				}
			}
			if len(want) != len(tc.want) {
				t.Fatalf("%d § marks for %d problems", len(want), len(tc.want))
			}
			writeFile(t, dir, "doc.txt", bratTestText)
			writeFile(t, dir, "doc.ann", strings.ReplaceAll(tc.ann, "§", ""))
			_, err := Read(dir, gold.Options{})
			marks.CheckProblems(t, "ReadBrat", err, want, tc.is)
		})
	}
}

func TestReadBratDirectoryProblems(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "lost.ann", "T1\tPERSON 0 3\tAda\n")
	writeFile(t, dir, "a.txt", "Ada")
	writeFile(t, dir, "b.txt", "Bob")
	writeFile(t, dir, Index, `{"b": "a"}`)
	_, err := Read(dir, gold.Options{})
	want := filepath.Join(dir, "b.txt") + `:1:1: document ID "a" is also that of ` + filepath.Join(dir, "a.txt") + " (see doc_ids.json)\n" +
		filepath.Join(dir, "lost.ann") + ":1:1: no lost.txt beside it"
	if err == nil || err.Error() != want {
		t.Errorf("ReadBrat error =\n%v\nwant\n%s", err, want)
	}
	if !errors.Is(err, corpus.ErrDuplicateID) || !errors.Is(err, corpus.ErrDocID) {
		t.Error("error is not corpus.ErrDuplicateID and corpus.ErrDocID")
	}

	writeFile(t, dir, Index, "{\n  \"b\": 3\n}")
	_, err = Read(dir, gold.Options{})
	if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, Index)+":2:8: ") {
		t.Errorf("ReadBrat with a bad index: %v", err)
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// FuzzRead reads fuzzed .ann content against a fixed text: no panic,
// every problem at a position inside the file, and what is accepted
// survives a round trip through the writer's .ann format.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"T1\tPERSON 1 4\tAda\nT2\tCARDINAL 10 23\tmore than 300\n#1\tAnnotatorNotes T2\tvalue=300 modifier=>\n",
		"T1\tCARDINAL 10 14;20 23\tmore 300\nR1\tX Arg1:T1 Arg2:T1\n#1\tAnnotatorNotes T9\tvalue=1\n",
		"T1\tQUANTITY 31 36\t50 km\n#1\tAnnotatorNotes T1\tunit=km unit=mi\n#2\tAnnotatorNotes T1\tvalue=5 unit=KM\n",
		"T1\tPER -1 99\t\xe9\r\nX\n\n*\t\n",
	} {
		f.Add(s)
	}
	doc := corpus.Doc{ID: "doc", Text: bratTestText}
	f.Fuzz(func(t *testing.T, ann string) {
		var errs corpus.Problems
		var ms []corpus.Mention
		if uerrs := encoding("f.ann", []byte(ann)); uerrs != nil {
			errs = uerrs
		} else {
			ms, _, errs = parseAnn("f.ann", []byte(ann), doc, gold.Options{})
		}
		lines := strings.Split(ann, "\n")
		for _, e := range errs {
			if e.File != "f.ann" || e.Line < 1 || e.Line > len(lines) || e.Col < 1 || e.Col > utf8.RuneCountInString(lines[e.Line-1])+1 {
				t.Fatalf("problem with a bad position: %#v in %q", e, ann)
			}
			if e.Error() == "" {
				t.Fatal("empty message")
			}
		}
		x := corpus.NewIndex(doc.Text)
		for _, m := range ms {
			if got, ok := x.Slice(m.Span); !ok || got != m.Text {
				t.Fatalf("mention %v does not fit the text", m)
			}
		}
		corpus.Sort(ms)
		again, _, errs := parseAnn("g.ann", annOf(ms), doc, gold.Options{})
		if errs != nil {
			t.Fatalf("parseAnn(annOf(accepted)): %v\n%s", errs, annOf(ms))
		}
		if diff := cmp.Diff(ms, again, append(marks.CmpMentions, cmpopts.EquateEmpty())...); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}
