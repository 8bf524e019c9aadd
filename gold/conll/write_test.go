package conll

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/internal/golden"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
)

func TestWrite(t *testing.T) {
	docs, ms := marks.Docs(
		"d1", "“⟦Ada Lovelace|PERSON⟧” met ⟦270,000|CARDINAL|270000⟧ people in ⟦Dmeir|GPE⟧. ⟦Bob|PERSON⟧ left.\nNext line: ⟦U.S.|GPE⟧ troops, ⟦3.5 km|QUANTITY|3.5||km⟧ (⟦50%|PERCENT|50⟧) don't ⟦DOCSTART|ORG⟧-X-",
		"d2", "⟦Sentence one.\nTwo|WORK_OF_ART⟧ ⟦a|ORG⟧⟦b|ORG⟧ ⟦c|ORG⟧",
	)
	for _, tc := range []struct {
		scheme TagScheme
		file   string
	}{{IOB2, "write_iob2.conll"}, {IOBES, "write_iobes.conll"}} {
		t.Run(tc.scheme.String(), func(t *testing.T) {
			var buf bytes.Buffer
			written, dropped, err := Write(&buf, docs, ms, tc.scheme)
			if err != nil || written != len(ms) || dropped != 0 {
				t.Fatalf("WriteCoNLL = %d, %d, %v, want %d, 0, nil", written, dropped, err, len(ms))
			}
			golden.Check(t, tc.file, buf.String())

			a, err := ReadTags(&buf, tc.file, tc.scheme, gold.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got, want []string
			for _, m := range a.Mentions {
				got = append(got, fmt.Sprintf("%s %s %q", m.DocID, m.Label, m.Text))
			}
			for _, m := range ms {
				id := map[string]string{"d1": "doc0001", "d2": "doc0002"}[m.DocID]
				want = append(want, fmt.Sprintf("%s %s %q", id, m.Label, m.Text))
			}
			want[3] = `doc0001 PERSON "Bob"`
			want[4] = `doc0001 GPE "U.S ."`
			want[5] = `doc0001 QUANTITY "3.5 km"`
			want[6] = `doc0001 PERCENT "50 %"`
			want[8] = `doc0002 WORK_OF_ART "Sentence one . Two"`
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("ReadTags(Write(...)) (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteCoNLLDrops(t *testing.T) {
	docs := []corpus.Doc{{ID: "d", Text: "Ada Lovelace met  Bob"}}
	m := func(start, end int, label corpus.Label) corpus.Mention {
		return corpus.Mention{DocID: "d", Span: corpus.Span{Start: start, End: end}, Label: label}
	}
	ms := []corpus.Mention{
		m(0, 12, corpus.PERSON),
		m(4, 12, corpus.PERSON),      // inside the first
		m(0, 12, corpus.WORK_OF_ART), // same span, a label that sorts after PERSON
		m(16, 17, corpus.ORG),        // white space only
		m(15, 16, corpus.ORG),        // the "t" of "met": the token is cut
		m(11, 14, corpus.GPE),        // overlaps the first
		m(18, 21, corpus.PERSON),
	}
	var buf bytes.Buffer
	written, dropped, err := Write(&buf, docs, ms, IOB2)
	if err != nil || written != 3 || dropped != 4 {
		t.Errorf("WriteCoNLL = %d, %d, %v; want 3 written, 4 dropped", written, dropped, err)
	}
	want := "-DOCSTART- O\n\nAda B-PERSON\nLovelace I-PERSON\nme O\nt B-ORG\nBob B-PERSON\n\n"
	if got := buf.String(); got != want {
		t.Errorf("WriteCoNLL wrote\n%s\nwant\n%s", got, want)
	}
}

func TestReadTags(t *testing.T) {
	in := "-DOCSTART- -X- O\n\nAda NNP B-PERSON\nLovelace NNP I-PERSON\n\nmet VBD O\n-X- -X- O\nBob NNP B-PERSON\r\n-DOCSTART- -X- O\n\n\n-DOCSTART- -X- O\nx NN B-GPE\n"
	a, err := ReadTags(strings.NewReader(in), "t.conll", Conlleval, gold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []corpus.Doc{{ID: "doc0001", Text: "Ada Lovelace\nmet\nBob"}, {ID: "doc0002", Text: "x"}}
	if diff := cmp.Diff(want, a.Docs); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	var got []string
	for _, m := range a.Mentions {
		got = append(got, fmt.Sprintf("%s %s %s %q line %d", m.DocID, m.Span, m.Label, m.Text, m.Source.Line))
	}
	if diff := cmp.Diff([]string{`doc0001 0:12 PERSON "Ada Lovelace" line 3`, `doc0001 17:20 PERSON "Bob" line 8`, `doc0002 0:1 GPE "x" line 13`}, got); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}

	// The same text and chunks as CoNLLReader gives for the gold column.
	var four strings.Builder // in with a prediction column
	for _, line := range strings.SplitAfter(in, "\n") {
		if strings.TrimSpace(line) != "" {
			line = strings.TrimRight(line, "\r\n") + " O\n"
		}
		four.WriteString(line)
	}
	cr := NewReader(strings.NewReader(four.String()), "t.conll", Conlleval)
	d, err := cr.Next()
	if err != nil || d.Doc != a.Docs[0] || len(d.Gold) != 2 {
		t.Errorf("CoNLLReader gives %v, %v, %v", d.Doc, d.Gold, err)
	}

	a, err = ReadTags(strings.NewReader("a B-ORG\nb E-ORG\nc I-ORG\n"), "t.conll", IOBES, gold.Options{})
	if err != nil || len(a.Mentions) != 1 || a.Skipped != 1 {
		t.Errorf("IOBES: %v, %v, skipped %d; want the chunk a b, 1 skipped", a.Mentions, err, a.Skipped)
	}
}

func TestReadCoNLLTagsProblems(t *testing.T) {
	in := "Ada B-PER\nBob B-PERSON extra\nJos\xe9 O\nx X-ORG\nOK B-GPE\n-DOCSTART- B-ORG\ny\tB-NORP\n"
	a, err := ReadTags(strings.NewReader(in), "t.conll", IOB2, gold.Options{})
	want := []string{
		`t.conll:1:5: tag: unknown label "PER" in "B-PER" (labels are the 18 OntoNotes names in upper case: PERSON, NORP, ORG, GPE, DATE, CARDINAL, ...)`,
		"t.conll:2:1: 3 columns, want 2 as on the first line",
		"t.conll:3:1: invalid UTF-8",
		`t.conll:4:3: tag: bad tag "X-ORG" (want O, or B-, I- followed by a type, in scheme iob2)`,
		"t.conll:6:1: -DOCSTART- line tagged B-ORG, want O",
	}
	var got []string
	var errs corpus.Problems
	if errors.As(err, &errs) {
		for _, e := range errs {
			got = append(got, e.Error())
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if !errors.Is(err, corpus.ErrLabel) || !errors.Is(err, ErrCoNLL) {
		t.Error("error is not corpus.ErrLabel and ErrCoNLL")
	}
	if len(a.Docs) != 1 || a.Docs[0].Text != "OK y" || len(a.Mentions) != 2 {
		t.Errorf("good lines read: %v %v, want the text \"OK y\" and two chunks", a.Docs, a.Mentions)
	}
	if _, err := ReadTags(strings.NewReader("Ada\n"), "t.conll", IOB2, gold.Options{}); err == nil || err.Error() != "t.conll:1:1: 1 column, want at least 2: token, ..., tag" {
		t.Errorf("one column: %v", err)
	}
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// FuzzWrite writes random mentions of a random text and checks that
// Write does not panic and that ReadTags gives back the mentions
// it kept, with their labels and texts up to white space.
func FuzzWrite(f *testing.F) {
	f.Add("“Ada Lovelace” met 270,000 people in Dmeir. Bob left.\nU.S. troops (50%)", uint64(1), uint8(5), false)
	f.Add("a b\u00a0c\td\u2028e -DOCSTART- -X- x", uint64(2), uint8(20), true)
	f.Add("", uint64(3), uint8(3), false)
	f.Fuzz(func(t *testing.T, text string, seed uint64, n uint8, iobes bool) {
		if !utf8.ValidString(text) {
			return
		}
		r := rand.New(rand.NewPCG(seed, 0))
		length := utf8.RuneCountInString(text)
		x := corpus.NewIndex(text)
		var ms []corpus.Mention
		for range n {
			start := r.IntN(length + 1)
			end := start + r.IntN(length-start+1)
			s := corpus.Span{Start: start, End: end}
			m := corpus.Mention{DocID: "d", Span: s, Label: corpus.Labels[r.IntN(len(corpus.Labels))]}
			m.Text, _ = x.Slice(s)
			ms = append(ms, m)
		}
		scheme := IOB2
		if iobes {
			scheme = IOBES
		}
		docs := []corpus.Doc{{ID: "d", Text: text}}
		var buf bytes.Buffer
		written, dropped, err := Write(&buf, docs, ms, scheme)
		if err != nil {
			t.Fatal(err)
		}
		if written+dropped != len(ms) {
			t.Fatalf("written %d + dropped %d != %d mentions", written, dropped, len(ms))
		}
		a, err := ReadTags(bytes.NewReader(buf.Bytes()), "f.conll", scheme, gold.Options{})
		if err != nil {
			t.Fatalf("ReadTags(Write(...)): %v\n%s", err, buf.Bytes())
		}
		sorted := append([]corpus.Mention(nil), ms...)
		corpus.Sort(sorted)
		_, kept, _ := conllTokens(text, sorted)
		if len(a.Mentions) != len(kept) || a.Skipped != 0 {
			t.Fatalf("read %d mentions (%d skipped), wrote %d\n%s", len(a.Mentions), a.Skipped, len(kept), buf.Bytes())
		}
		for i, m := range kept {
			got := a.Mentions[i]
			if got.Label != m.Label || noSpace(got.Text) != noSpace(m.Text) {
				t.Fatalf("mention %d: wrote %s %q, read %s %q\n%s", i, m.Label, m.Text, got.Label, got.Text, buf.Bytes())
			}
		}
		if len(a.Docs) > 1 || (len(a.Docs) == 1 && noSpace(a.Docs[0].Text) != noSpace(text)) {
			t.Fatalf("documents read %q, text %q", a.Docs, text)
		}
	})
}
