package jsonl

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/internal/golden"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
)

// sampleDocs has non-ASCII text (curly quotes, NBSP, an accent, an emoji
// outside the BMP), numbers with value, modifier and unit, a line break
// inside a mention, overlapping mentions, and a document with none.
func sampleDocs() ([]corpus.Doc, []corpus.Mention) {
	return marks.Docs(
		"d1", "“⟦Ada|PERSON⟧” saw ⟦more than 300|CARDINAL|300|>⟧ people ⟦50\u00a0km|QUANTITY|50||km⟧ from ⟦Dmeir|GPE⟧ 🙂, ⟦$5.5 million|MONEY|5500000|~|USD⟧.",
		"b/2", "⟦José|PERSON⟧ met <⟦Bob\nSmith|PERSON⟧> & ⟦dozens|CARDINAL⟧ of ⟦fighters|NORP⟧.",
		"empty", "No mentions here.",
	)
}

func TestWrite(t *testing.T) {
	docs, ms := sampleDocs()
	var buf bytes.Buffer
	if err := Write(&buf, docs, ms); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "write.jsonl", buf.String())

	a, err := Read(bytes.NewReader(buf.Bytes()), "t.jsonl", gold.Options{})
	if err != nil {
		t.Fatalf("Read(Write(...)): %v", err)
	}
	if diff := cmp.Diff(docs, a.Docs); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	corpus.Sort(ms)
	got := append([]corpus.Mention(nil), a.Mentions...)
	corpus.Sort(got)
	if diff := cmp.Diff(ms, got, marks.CmpMentions...); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
}

func TestWriteJSONLRefuses(t *testing.T) {
	docs, ms := marks.Docs("d", "⟦Ada|PERSON⟧ met Bob")
	for _, tc := range []struct {
		name string
		docs []corpus.Doc
		ms   []corpus.Mention
		want string
	}{
		{"unknown document", docs, []corpus.Mention{{DocID: "x", Span: corpus.Span{Start: 0, End: 3}, Label: corpus.PERSON}}, `gold: 0:3 PERSON "": no document "x"`},
		{"past the end", docs, []corpus.Mention{{DocID: "d", Span: corpus.Span{Start: 8, End: 20}, Label: corpus.PERSON}}, `gold: 8:20 PERSON "": span outside document "d" (length 11)`},
		{"text differs", docs, []corpus.Mention{{DocID: "d", Span: corpus.Span{Start: 0, End: 3}, Label: corpus.PERSON, Text: "Bob", Source: corpus.Source{File: "p.csv", Line: 2}}}, `gold: p.csv:2: 0:3 PERSON "Bob": document "d" has "Ada" there`},
		{"duplicate document", append(docs, docs...), ms, `gold: document ID "d" appears twice`},
		{"invalid UTF-8", []corpus.Doc{{ID: "d", Text: "Jos\xe9"}}, nil, `gold: document "d": ID or text is not valid UTF-8`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, tc.docs, tc.ms)
			if err == nil || err.Error() != tc.want {
				t.Errorf("WriteJSONL error = %v, want %s", err, tc.want)
			}
		})
	}
}

func TestRead(t *testing.T) {
	in := `{"id": "a", "text": "Ada met Bob", "spans": [{"start": 0, "end": 3, "label": "PERSON", "score": 0.9, "text": "Ada"}]}
{"id": 42, "text": "x"}
{"meta": {"id": "m1", "section": "news"}, "_input_hash": 7, "text": "y"}
{"_input_hash": -1161042347, "text": "z"}

{"text": "no ID", "answer": "accept"}
{"text": "rejected", "answer": "reject", "spans": [{"start": 0, "end": 99, "label": "NONSENSE"}]}
{"text": "ignored", "answer": "ignore"}
{"id": "a", "text": "Ada met Bob", "spans": [{"start": 8, "end": 11, "label": "PERSON"}, {"start": 0, "end": 3, "label": "PERSON"}, {"start": 4, "end": 7, "label": "ORG", "answer": "reject"}]}
{"id": "n", "text": "“300” km", "spans": [{"start": 1, "end": 4, "label": "CARDINAL", "value": 300, "modifier": "~"}, {"start": 0, "end": 8, "label": "QUANTITY", "value": "300", "unit": "km", "modifier": null}]}
`
	a, err := Read(strings.NewReader(in), "t.jsonl", gold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range a.Docs {
		ids = append(ids, d.ID)
	}
	if diff := cmp.Diff([]string{"a", "42", "m1", "-1161042347", "line-6", "n"}, ids); diff != "" {
		t.Errorf("document IDs (-want +got):\n%s", diff)
	}
	var got []string
	for _, m := range a.Mentions {
		got = append(got, fmt.Sprintf("%s %s %s %q %s %q %q line %d", m.DocID, m.Span, m.Label, m.Text, m.Value, m.Modifier, m.Unit, m.Source.Line))
	}
	want := []string{
		`a 0:3 PERSON "Ada"  "" "" line 1`,
		`a 8:11 PERSON "Bob"  "" "" line 9`, // Ada again on line 9 is read once
		`n 1:4 CARDINAL "300" 300 "~" "" line 10`,
		`n 0:8 QUANTITY "“300” km" 300 "" "km" line 10`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	if a.Skipped != 2 || a.SkippedSpans != 1 {
		t.Errorf("Skipped, SkippedSpans = %d, %d, want 2, 1", a.Skipped, a.SkippedSpans)
	}
}

// TestReadSpaCy reads records in the shape of spaCy's Doc.to_json: the
// mentions are "ents", "spans" is an object of span groups, which is not
// read, and the records have no ID.
func TestReadSpaCy(t *testing.T) {
	in := `{"text": "Ada met Bob in Dmeir", "ents": [{"start": 0, "end": 3, "label": "PERSON"}, {"start": 15, "end": 20, "label": "GPE"}], "spans": {"sc": [{"start": 8, "end": 11, "label": "ORG"}]}, "sents": [{"start": 0, "end": 20}], "tokens": [{"id": 0, "start": 0, "end": 3}]}
{"text": "nothing here", "ents": []}
`
	a, err := Read(strings.NewReader(in), "t.jsonl", gold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range a.Mentions {
		got = append(got, fmt.Sprintf("%s %s %s %s", m.DocID, m.Span, m.Label, m.Text))
	}
	if diff := cmp.Diff([]string{"line-1 0:3 PERSON Ada", "line-1 15:20 GPE Dmeir"}, got); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{0, 1}, a.Unnamed); diff != "" {
		t.Errorf("Unnamed (-want +got):\n%s", diff)
	}
}

// TestReadNoOffsets reads predictions given by their text, as an LLM
// gives them: no start or end, in the order given; a span with neither
// offsets nor text is an error.
func TestReadNoOffsets(t *testing.T) {
	in := `{"id": "d1", "text": "Ada met Ada", "spans": [{"text": "Ada", "label": "PERSON"}, {"start": 4, "end": 7, "label": "ORG"}, {"text": "Ada", "label": "PERSON"}]}
`
	a, err := Read(strings.NewReader(in), "t.jsonl", gold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range a.Mentions {
		got = append(got, fmt.Sprintf("%s %s %s %s", m.DocID, m.Span, m.Label, m.Text))
	}
	if diff := cmp.Diff([]string{"d1 -1:-1 PERSON Ada", "d1 4:7 ORG met", "d1 -1:-1 PERSON Ada"}, got); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	_, err = Read(strings.NewReader(`{"id": "d1", "text": "Ada", "spans": [{"label": "PERSON"}]}`+"\n"), "t.jsonl", gold.Options{})
	if err == nil || !strings.Contains(err.Error(), `t.jsonl:1:39: text: required, and not empty, for a span without "start" and "end"`) {
		t.Errorf("a span with no offsets and no text: %v", err)
	}
}

// TestReadNoMentions: records in no shape exbench reads are an error or,
// for a file without any mentions, a warning; never a silent empty
// annotation.
func TestReadNoMentions(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{"text": "Ada", "spans": [], "ents": []}`, `t.jsonl:1:38: ents: the record has both "spans" and "ents": keep the one that is the annotation`},
		{`{"text": "Ada", "entities": [[0, 3, "PERSON"]]}`, `t.jsonl:1:29: entities: the mentions of a record are read from "spans" (Prodigy) or "ents" (spaCy), each {"start", "end", "label"} with offsets in code points; "entities" is not read`},
		{`{"text": "Ada", "label": [[0, 3, "PERSON"]]}`, `t.jsonl:1:26: label: the mentions of a record are read from "spans" (Prodigy) or "ents" (spaCy), each {"start", "end", "label"} with offsets in code points; "label" is not read`},
		{`{"text": "Ada", "ents": {}}`, `t.jsonl:1:25: ents: want an array, got object`},
		{"{\"id\": \"a\", \"text\": \"Ada\"}\n{\"id\": \"b\", \"text\": \"Bob\"}", `t.jsonl: warning: no record has "spans" (Prodigy) or "ents" (spaCy), so no mentions were read`},
	} {
		_, err := Read(strings.NewReader(tc.in), "t.jsonl", gold.Options{})
		if err == nil || err.Error() != tc.want {
			t.Errorf("Read(%s) = %v\nwant %s", tc.in, err, tc.want)
		}
	}
}

// problemsAt reads in, whose § marks stand where each problem is
// expected, in order, and returns the positions the marks give, as
// "t.jsonl:LINE:COL: ", and in without them.
func problemsAt(in string) ([]string, string) {
	var at []string
	for i, line := range strings.Split(in, "\n") {
		for {
			k := strings.Index(line, "§")
			if k < 0 {
				break
			}
			at = append(at, fmt.Sprintf("t.jsonl:%d:%d: ", i+1, 1+utf8.RuneCountInString(line[:k])))
			line = line[:k] + line[k+len("§"):]
		}
	}
	return at, strings.ReplaceAll(in, "§", "")
}

// TestReadJSONLProblems feeds one bad input for each problem ReadJSONL
// finds; § marks where each problem is expected.
func TestReadJSONLProblems(t *testing.T) {
	const label = `label: unknown label "PER" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)`
	for _, tc := range []struct {
		name string
		in   string
		want []string // "field: problem", one a § mark
		is   error
	}{
		{"invalid UTF-8", "{\"text\": \"Jos§\xe9\"}", []string{"invalid UTF-8: byte 0xe9 at byte offset 13"}, corpus.ErrUTF8},
		{"truncated", `{"text": "Ada"§`, []string{"unexpected end of JSON input"}, ErrJSON},
		{"truncated string", `{"text": "Ada§`, []string{"unexpected end of JSON input"}, ErrJSON},
		{"bad JSON", `{"text" §1}`, []string{"invalid character '1' after object key"}, ErrJSON},
		{"two values", `{"text": "a"} §{}`, []string{"invalid character '{' after top-level value"}, ErrJSON},
		{"not an object", ` §["text"]`, []string{"want a JSON object, got array"}, ErrJSON},
		{"missing text", `§{"spans": []}`, []string{"text: missing"}, ErrField},
		{"text not a string", `{"text": §3}`, []string{"text: want a string, got number"}, ErrField},
		{"text key is case-sensitive", `§{"Text": "Ada"}`, []string{"text: missing"}, ErrField},
		{"id not an integer", `{"id": §1.5, "text": "Ada"}`, []string{"id: want a string or an integer, got 1.5"}, ErrField},
		{"empty id", `{"id": §"", "text": "Ada"}`, []string{"id: empty"}, ErrField},
		{"meta.id an object", `{"meta": {"id": §{}}, "text": "Ada"}`, []string{"meta.id: want a string or an integer, got object"}, ErrField},
		{"unknown answer", `{"text": "Ada", "answer": §"maybe"}`, []string{`answer: unknown answer "maybe" (want accept, reject or ignore)`}, ErrField},
		{"spans not an array", `{"text": "Ada", "spans": §{}}`, []string{"spans: want an array, got object"}, ErrField},
		{"span not an object", `{"text": "Ada", "spans": [§1]}`, []string{"spans: want an object, got number"}, ErrField},
		{"missing end", `{"text": "Ada", "spans": [§{"start": 0, "label": "PERSON"}]}`, []string{"end: missing"}, ErrField},
		{"start a string", `{"text": "Ada", "spans": [{"start": §"0", "end": 3, "label": "PERSON"}]}`, []string{"start: want an integer, got string"}, ErrField},
		{"missing label", `{"text": "Ada", "spans": [§{"start": 0, "end": 3}]}`, []string{"label: missing"}, ErrField},
		{"past the end", `{"text": "“Ada”", "spans": [{"start": 1, "end": §6, "label": "PERSON"}]}`, []string{"end: 6 is past the end of the text (length 5)"}, corpus.ErrOffset},
		{"reversed", `{"text": "Ada", "spans": [{"start": 3, "end": §1, "label": "PERSON"}]}`, []string{"end: end 1 is not after start 3"}, corpus.ErrOffset},
		{"negative", `{"text": "Ada", "spans": [{"start": §-1, "end": 1, "label": "PERSON"}]}`, []string{"start: -1 is negative"}, corpus.ErrOffset},
		{"fraction", `{"text": "Ada", "spans": [{"start": 0, "end": §2.0, "label": "PERSON"}]}`, []string{`end: "2.0" is not an integer`}, corpus.ErrOffset},
		// Offsets counted in UTF-8 bytes: the curly quote is 3 bytes.
		{"byte offsets", `{"text": "“Ada”", "spans": [{"start": 3, "end": 5, "label": "PERSON", "text": §"Ada"}]}`, []string{`text: "Ada", but the text has "a”" at 3:5`}, corpus.ErrText},
		{"unknown label", `{"text": "Ada", "spans": [{"start": 0, "end": 3, "label": §"PER"}]}`, []string{label}, corpus.ErrLabel},
		{"bad value", `{"text": "300", "spans": [{"start": 0, "end": 3, "label": "CARDINAL", "value": §"3OO"}]}`, []string{`value: "3OO" is not a number (want a plain decimal such as 300, 270000 or 3.5)`}, corpus.ErrValue},
		{"value in exponent form", `{"text": "300", "spans": [{"start": 0, "end": 3, "label": "CARDINAL", "value": §3e2}]}`, []string{`value: "3e2" is not a number (want a plain decimal such as 300, 270000 or 3.5)`}, corpus.ErrValue},
		{"value an array", `{"text": "300", "spans": [{"start": 0, "end": 3, "label": "CARDINAL", "value": §[300]}]}`, []string{`value: want a number or a string, got array`}, ErrField},
		{"bad modifier", `{"text": "300", "spans": [{"start": 0, "end": 3, "label": "CARDINAL", "modifier": §"about"}]}`, []string{`modifier: "about" is not a modifier (want one of: empty, ~, >, >=, <, <=, range)`}, corpus.ErrModifier},
		{"value on PERSON", `{"text": "Ada", "spans": [{"start": 0, "end": 3, "label": "PERSON", "value": §1}]}`, []string{`value: PERSON takes no value, got "1"`}, corpus.ErrNumber},
		{"bad unit", `{"text": "$5", "spans": [{"start": 0, "end": 2, "label": "MONEY", "value": 5, "unit": §"usd"}]}`, []string{`unit: "usd" is not an ISO 4217 currency code (such as USD, EUR, SYP)`}, corpus.ErrUnit},
		{"duplicate ID", "{\"id\": \"a\", \"text\": \"x\", \"spans\": []}\n{\"id\": §\"a\", \"text\": \"y\"}", []string{`id: "a" is also the ID of line 1, whose text differs`}, corpus.ErrDuplicateID},
		{"duplicate input hash", "{\"_input_hash\": 5, \"text\": \"x\", \"spans\": []}\n{\"_input_hash\": §5, \"text\": \"y\"}", []string{`_input_hash: "5" is also the ID of line 1, whose text differs`}, corpus.ErrDuplicateID},
		// Whether the label is known is looked at in a span whose fields
		// are well formed.
		{"every problem in a span", `{"text": "Ada", "spans": [§{"start": §"x", "label": "PER", "value": §"y"}]}`, []string{
			"end: missing", "start: want an integer, got string", `value: "y" is not a number (want a plain decimal such as 300, 270000 or 3.5)`,
		}, ErrField},
		{"every bad line", "{§\n{\"text\": \"a\", \"spans\": []}\n{\"text\": §1}\n", []string{"unexpected end of JSON input", "text: want a string, got number"}, ErrJSON},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at, in := problemsAt(tc.in)
			if len(at) != len(tc.want) {
				t.Fatalf("%d § marks for %d problems", len(at), len(tc.want))
			}
			var want []string
			for i := range at {
				want = append(want, at[i]+tc.want[i])
			}
			_, err := Read(strings.NewReader(in), "t.jsonl", gold.Options{})
			marks.CheckProblems(t, "ReadJSONL", err, want, tc.is)
		})
	}
}

// TestReadJSONLKeepsGood checks that bad spans and records are left out
// and the rest read.
func TestReadJSONLKeepsGood(t *testing.T) {
	in := "\ufeff{\"id\": \"a\", \"text\": \"Ada met Bob\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PER\"}, {\"start\": 8, \"end\": 11, \"label\": \"PERSON\"}]}\n{\"text\": 1}\n{\"id\": \"b\", \"text\": \"Bob\"}\n"
	a, err := Read(strings.NewReader(in), "t.jsonl", gold.Options{})
	if err == nil {
		t.Fatal("no error")
	}
	if len(a.Docs) != 2 || len(a.Mentions) != 1 || a.Mentions[0].Text != "Bob" {
		t.Errorf("ReadJSONL kept %d documents and %v, want 2 and Bob", len(a.Docs), a.Mentions)
	}
}

// TestReadJSONLProdigy reads the Prodigy annotations that prose ships
// for its NER tests (binary ner.teach answers on Reddit comments, every
// label PRODUCT), found in the module cache; it is skipped when go or
// the module is not there.
func TestReadJSONLProdigy(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goTool, "list", "-m", "-f", "{{.Dir}}", "github.com/jdkato/prose/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("github.com/jdkato/prose/v2 is not in the module cache (%v)", err)
	}
	path := filepath.Join(dir, "testdata", "reddit_product.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	a, err := Read(bytes.NewReader(data), path, gold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	records := bytes.Count(data, []byte("\n"))
	// Worked out with Python's json module: 1,800 records, 438 accepted,
	// 1,276 rejected and 86 ignored; the accepted ones are 428 texts
	// (records of one text share its _input_hash) with 446 spans, of which
	// one is itself rejected and 10 repeat a span of their text.
	if records != 1800 || a.Skipped != 1276+86 || a.SkippedSpans != 1 || len(a.Docs) != 428 || len(a.Mentions) != 435 {
		t.Errorf("%d records: %d skipped, %d spans skipped, %d documents, %d mentions; want 1800, 1362, 1, 428, 435",
			records, a.Skipped, a.SkippedSpans, len(a.Docs), len(a.Mentions))
	}
	for _, m := range a.Mentions {
		if m.Label != corpus.PRODUCT {
			t.Fatalf("mention %v has label %s, want PRODUCT", m, m.Label)
		}
	}
	t.Logf("%s: %d records, %d read, %d skipped (reject or ignore), %d spans skipped; %d documents, %d mentions",
		path, records, records-a.Skipped, a.Skipped, a.SkippedSpans, len(a.Docs), len(a.Mentions))

	var buf bytes.Buffer
	if err := Write(&buf, a.Docs, a.Mentions); err != nil {
		t.Fatal(err)
	}
	again, err := Read(&buf, "again.jsonl", gold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := append([]corpus.Mention(nil), a.Mentions...)
	corpus.Sort(want)
	got := append([]corpus.Mention(nil), again.Mentions...)
	corpus.Sort(got)
	if diff := cmp.Diff(want, got, marks.CmpMentions...); diff != "" || !cmp.Equal(a.Docs, again.Docs) {
		t.Errorf("round trip through WriteJSONL (-want +got):\n%s", diff)
	}
}

// FuzzRead checks that ReadJSONL never panics, that every
// problem has a position inside the input, and that what it accepts
// survives a round trip through WriteJSONL.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		`{"id": "a", "text": "“Ada” met Bob", "spans": [{"start": 1, "end": 4, "label": "PERSON", "text": "Ada"}]}`,
		`{"text": "300 km", "spans": [{"start": 0, "end": 6, "label": "QUANTITY", "value": 300, "modifier": "~", "unit": "km"}], "answer": "accept"}`,
		"{\"_input_hash\": 5, \"text\": \"x\"}\n{\"_input_hash\": 5, \"text\": \"y\", \"answer\": \"reject\"}\n{\"meta\": {\"id\": 3}, \"text\": \"z\"}",
		`{"text": "a", "spans": [{"start": 0, "end": 9, "label": "PER"}, 1, {"start": "0"}]}`,
		"{\"text\": \"Jos\xe9\"}\n{\"text\"",
		"\ufeff{\"id\": \"\", \"text\": 1}\r\n\r\n[]",
		`{"text": "Ada met Bob", "ents": [{"start": 0, "end": 3, "label": "PERSON"}], "spans": {"sc": []}, "tokens": []}`,
		`{"text": "Ada \ud800", "spans": [], "ents": [], "entities": [[0, 3, "PERSON"]]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Read(bytes.NewReader(data), "f.jsonl", gold.Options{})
		lines := strings.Split(string(bytes.TrimPrefix(data, []byte("\ufeff"))), "\n")
		var errs corpus.Problems
		if errors.As(err, &errs) {
			for _, e := range errs {
				if e.Line == 0 && e.Col == 0 && e.Warning && errors.Is(e, ErrField) { // no spans in the file
					continue
				}
				if e.File != "f.jsonl" || e.Line < 1 || e.Line > len(lines) || e.Col < 1 || e.Col > utf8.RuneCountInString(lines[e.Line-1])+1 {
					t.Fatalf("problem with a bad position: %#v in %q", e, data)
				}
				if e.Error() == "" {
					t.Fatal("empty message")
				}
			}
		} else if err != nil {
			t.Fatalf("ReadJSONL error is not Errors: %v", err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, a.Docs, a.Mentions); err != nil {
			t.Fatalf("Write(what ReadJSONL accepted): %v", err)
		}
		again, err := Read(bytes.NewReader(buf.Bytes()), "g.jsonl", gold.Options{})
		if err != nil {
			t.Fatalf("Read(Write(accepted)): %v\n%s", err, buf.Bytes())
		}
		want := append([]corpus.Mention(nil), a.Mentions...)
		corpus.Sort(want)
		got := append([]corpus.Mention(nil), again.Mentions...)
		corpus.Sort(got)
		if diff := cmp.Diff(want, got, marks.CmpMentions...); diff != "" {
			t.Fatalf("mentions after a round trip (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(a.Docs, again.Docs); diff != "" {
			t.Fatalf("documents after a round trip (-want +got):\n%s", diff)
		}
	})
}
