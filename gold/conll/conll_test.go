package conll

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

// conllOf writes one token per tag, token i named by the letter 'a'+i, the
// tag as both gold and prediction; "|" in tags is a sentence break.
func conllOf(tags string) string {
	var b strings.Builder
	i := 0
	for _, t := range strings.Fields(tags) {
		if t == "|" {
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(&b, "%c %s %s\n", 'a'+i, t, t)
		i++
	}
	return b.String()
}

// chunksOf reads a file and returns its gold chunks as "TYPE:text".
func chunksOf(t *testing.T, in string, scheme TagScheme) ([]string, int) {
	t.Helper()
	cr := NewReader(strings.NewReader(in), "t.conll", scheme)
	var got []string
	for {
		d, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range d.Gold {
			got = append(got, string(m.Label)+":"+m.Text)
		}
	}
	return got, cr.Dropped
}

// TestChunks reads the corners of each tag scheme; the chunks are worked
// out by hand from conlleval.pl's startOfChunk and endOfChunk rules, or
// the strict readings.
func TestChunks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		tags    string
		scheme  TagScheme
		want    []string
		dropped int // in both columns: conllOf writes each tag twice
	}{
		{"IOB2", "B-PER I-PER O B-LOC", Conlleval, []string{"PER:a b", "LOC:d"}, 0},
		{"IOB1: B- splits same-type chunks", "I-PER I-PER B-PER", Conlleval, []string{"PER:a b", "PER:c"}, 0},
		{"I- after O starts a chunk", "O I-PER I-PER", Conlleval, []string{"PER:b c"}, 0},
		{"type change splits a chunk", "B-PER I-LOC I-LOC", Conlleval, []string{"PER:a", "LOC:b c"}, 0},
		{"sentence break ends a chunk", "I-PER | I-PER", Conlleval, []string{"PER:a", "PER:b"}, 0},
		{"conlleval does not know S-", "S-PER S-PER O S-PER", Conlleval, []string{"PER:a b", "PER:d"}, 0},
		{"conlleval: E- then B- of one type continue", "E-PER B-PER", Conlleval, []string{"PER:a b"}, 0},
		{"conlleval reads B- E- S-", "B-PER E-PER S-LOC", Conlleval, []string{"PER:a b", "LOC:c"}, 0},
		{"IOBES", "B-PER I-PER E-PER S-PER S-PER O", IOBES, []string{"PER:a b c", "PER:d", "PER:e"}, 0},
		{"BILOU", "B-PER L-PER U-LOC", IOBES, []string{"PER:a b", "LOC:c"}, 0},
		{"IOBES drops ill-formed chunks", "E-PER B-PER O B-LOC I-LOC S-ORG I-ORG", IOBES, []string{"ORG:f"}, 2 * 4},
		{"IOB2 drops a stray I-", "I-PER I-PER B-LOC I-LOC I-PER", IOB2, []string{"LOC:c d"}, 2 * 2},
		{"IOB2 drops a run of stray I- as one chunk a type and sentence", "I-PER I-PER I-LOC | I-LOC", IOB2, nil, 2 * 3},
		{"IOBES drops a stray I- E- as one chunk", "I-PER E-PER O E-PER", IOBES, nil, 2 * 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, dropped := chunksOf(t, conllOf(tc.tags), tc.scheme)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("chunks of %q (-want +got):\n%s", tc.tags, diff)
			}
			if dropped != tc.dropped {
				t.Errorf("dropped %d chunks, want %d", dropped, tc.dropped)
			}
		})
	}
}

func TestDocuments(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nAda NNP B-PER B-PER\nLovelace NNP I-PER O\n\nmet VBD O O\n-DOCSTART- -X- O O\r\nBob NNP B-PER B-ORG\r\n"
	cr := NewReader(strings.NewReader(in), "t.conll", Conlleval)
	var texts, sentences []string
	var gold, pred []string
	for {
		d, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, d.Doc.ID+"="+d.Doc.Text)
		sentences = append(sentences, fmt.Sprint(d.Sentences))
		for _, m := range d.Gold {
			gold = append(gold, fmt.Sprintf("%s %s %s %q", m.DocID, m.Span, m.Label, m.Text))
		}
		for _, m := range d.Pred {
			pred = append(pred, fmt.Sprintf("%s %s %s %q", m.DocID, m.Span, m.Label, m.Text))
		}
	}
	if diff := cmp.Diff([]string{"doc0001=Ada Lovelace\nmet", "doc0002=Bob"}, texts); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"[0:12 13:16]", "[0:3]"}, sentences); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`doc0001 0:12 PER "Ada Lovelace"`, `doc0002 0:3 PER "Bob"`}, gold); diff != "" {
		t.Errorf("gold (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`doc0001 0:3 PER "Ada"`, `doc0002 0:3 ORG "Bob"`}, pred); diff != "" {
		t.Errorf("pred (-want +got):\n%s", diff)
	}
	// conlleval counts -DOCSTART- lines as tokens: 2 + 4.
	if cr.Tokens != 6 || cr.CorrectTags != 4 {
		t.Errorf("Tokens, CorrectTags = %d, %d, want 6, 4", cr.Tokens, cr.CorrectTags)
	}
}

func TestCoNLLErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		scheme   TagScheme
		want     string
	}{
		{"bad prefix", "Ada NNP X-PER O\n", Conlleval, `t.conll:1:9: tag: bad tag "X-PER" (want O, or B-, I-, E-, S- followed by a type, in scheme conlleval)`},
		{"no type", "Ada NNP B- O\n", Conlleval, `t.conll:1:9: tag: bad tag "B-" (want O, or B-, I-, E-, S- followed by a type, in scheme conlleval)`},
		{"E- in IOB2", "Ada\tO\tE-PER\tx\n", IOB2, `t.conll:1:7: tag: bad tag "E-PER" (want O, or B-, I- followed by a type, in scheme iob2)`},
		{"prediction column", "Ada NNP O B_PER\n", Conlleval, `t.conll:1:11: tag: bad tag "B_PER" (want O, or B-, I-, E-, S- followed by a type, in scheme conlleval)`},
		{"column count", "Ada NNP B-PER O\nBob B-PER O\n", Conlleval, `t.conll:2:1: 3 columns, want 4 as on the first line`},
		{"too few columns", "B-PER O\n", Conlleval, `t.conll:1:1: 2 columns, want at least 3: token, ..., gold tag, predicted tag`},
		{"tagged DOCSTART", "-DOCSTART- -X- B-PER O\n", Conlleval, `t.conll:1:1: -DOCSTART- line tagged B-PER O, want O O`},
		{"invalid UTF-8", "Ada NNP O O\nJos\xe9 NNP O O\n", Conlleval, `t.conll:2:4: invalid UTF-8: byte 0xe9`},
		{"NUL byte", "A\x00d\x00a\x00 \x00O\x00 \x00O\x00\n", Conlleval, `t.conll:1:2: NUL byte (is the file UTF-16? CoNLL files are UTF-8)`},
		{"tab after spaces", "Ada NNP O O\n\nBob NNP\tO O\n", Conlleval, `t.conll:3:8: a tab between columns, but line 1 separates columns with spaces: use one kind of separator in a file`},
		{"space after tabs", "Ada\tNNP\tO\tO\nBob\tNNP \tO\tO\n", Conlleval, `t.conll:2:8: a space between columns, but line 1 separates columns with tabs: use one kind of separator in a file`},
		{"both on one line", "  Ada  NNP\tO O\n", Conlleval, `t.conll:1:11: a tab between columns, but line 1 separates columns with spaces: use one kind of separator in a file`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cr := NewReader(strings.NewReader(tc.in), "t.conll", tc.scheme)
			var err error
			for err == nil {
				_, err = cr.Next()
			}
			if err == io.EOF || err.Error() != tc.want {
				t.Errorf("error = %v, want %s", err, tc.want)
			}
			if !errors.Is(err, ErrCoNLL) {
				t.Errorf("error is not ErrCoNLL")
			}
		})
	}
}

func TestDetectTagScheme(t *testing.T) {
	for in, want := range map[string]TagScheme{
		"a B-PER I-PER\nb O O\n":   Conlleval,
		"a B-PER E-PER\n":          IOBES,
		"a O O\n\nb U-LOC U-LOC\n": IOBES,
	} {
		if got, err := DetectTagScheme(strings.NewReader(in)); err != nil || got != want {
			t.Errorf("DetectTagScheme(%q) = %v, %v, want %v", in, got, err, want)
		}
	}
}

func FuzzReader(f *testing.F) {
	f.Add(conllOf("B-PER I-PER O B-LOC | S-PER E-PER"), 0)
	f.Add("-DOCSTART- -X- O O\n\nAda NNP B-PER B-PER\n", 2)
	f.Add("a B-X\n", 1)
	f.Fuzz(func(t *testing.T, in string, scheme int) {
		s := TagScheme(uint(scheme) % 3)
		cr := NewReader(strings.NewReader(in), "f.conll", s)
		for {
			d, err := cr.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var e *corpus.Problem
				if !errors.As(err, &e) || e.Line < 1 || e.Col < 1 {
					t.Fatalf("error without a position: %v", err)
				}
				return
			}
			for _, ms := range [][]corpus.Mention{d.Gold, d.Pred} {
				prevEnd := -1
				for _, m := range ms {
					got, ok := d.Doc.Slice(m.Span)
					if !ok || got != m.Text || m.Span.Start < prevEnd || m.Span.Len() == 0 {
						t.Fatalf("chunk %v %q does not fit the text %q, or overlaps", m.Span, m.Text, d.Doc.Text)
					}
					prevEnd = m.Span.End
				}
			}
		}
	})
}
