package gold

import (
	"bytes"
	"errors"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

func TestAltAndScoreColumns(t *testing.T) {
	const h = "doc_id,start,end,text,label,value,modifier,unit,alt,score\n"
	data := h + "d,5,15,$5 million,MONEY,5000000,,USD,6:15,\n" +
		"d,20,33,more than 300,CARDINAL,300,>,,30:33;25:33,0.5\n" +
		"d,40,43,Ada,PERSON,,,,,1e-3\n"
	f, err := Read([]byte(data), "f.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]corpus.Span{{{Start: 6, End: 15}}, {{Start: 30, End: 33}, {Start: 25, End: 33}}, nil}
	for i, m := range f {
		if diff := cmp.Diff(want[i], m.Alts); diff != "" {
			t.Errorf("mention %d alts (-want +got):\n%s", i, diff)
		}
	}
	if m := f[1]; !m.HasScore || m.Score != 0.5 || f[0].HasScore || f[2].Score != 0.001 {
		t.Errorf("scores: %v %v %v", f[0].HasScore, m.Score, f[2].Score)
	}
	var buf bytes.Buffer
	if err := Write(&buf, f); err != nil {
		t.Fatal(err)
	}
	if want := h + "d,5,15,$5 million,MONEY,5000000,,USD,6:15,\n" +
		"d,20,33,more than 300,CARDINAL,300,>,,30:33;25:33,0.5\n" +
		"d,40,43,Ada,PERSON,,,,,0.001\n"; buf.String() != want {
		t.Errorf("Write:\n%s\nwant:\n%s", buf.String(), want)
	}
	// Without alternatives or scores, the columns are not written.
	buf.Reset()
	if err := Write(&buf, []corpus.Mention{{DocID: "d", Span: corpus.Span{Start: 0, End: 3}, Text: "Ada", Label: corpus.PERSON}}); err != nil || buf.String() != header+"d,0,3,Ada,PERSON,,,\n" {
		t.Errorf("Write without alt or score: %q, %v", buf.String(), err)
	}
	buf.Reset()
	if err := Write(&buf, []corpus.Mention{{DocID: "d", Span: corpus.Span{Start: 0, End: 3}, Text: "Ada", Label: corpus.PERSON, HasScore: true}}); err != nil || buf.String() != header[:len(header)-1]+",score\nd,0,3,Ada,PERSON,,,,0\n" {
		t.Errorf("Write with a score of 0: %q, %v", buf.String(), err)
	}
}

func TestAltAndScoreProblems(t *testing.T) {
	const h = "doc_id,start,end,text,label,alt,score\n"
	for _, tc := range []struct{ row, want string }{
		{"d,0,5,Hello,ORG,1-5,", `f.csv:2:17: alt: "1-5" is not START:END (alternatives are START:END;START:END, code points)`},
		{"d,0,5,Hello,ORG,3:2,", `f.csv:2:17: alt: "3:2": want 0 <= START < END`},
		{"d,0,5,Hello,ORG,0:5,", `f.csv:2:17: alt: "0:5" is the mention's own span`},
		{"d,0,5,Hello,ORG,6:9,", `f.csv:2:17: alt: "6:9" does not overlap the mention's span 0:5: an alternative is another reading of the same mention`},
		{"d,0,5,Hello,ORG,1:5;1:5,", `f.csv:2:17: alt: "1:5" is given twice`},
		{"d,0,5,Hello,ORG,,high", `f.csv:2:18: score: "high" is not a number (want a decimal such as 0.87)`},
		{"d,0,5,Hello,ORG,,NaN", `f.csv:2:18: score: "NaN" is not a number (want a decimal such as 0.87)`},
	} {
		_, err := Read([]byte(h+tc.row+"\n"), "f.csv")
		var errs corpus.Problems
		if !errors.As(err, &errs) || errs[0].Error() != tc.want {
			t.Errorf("%s: %v\nwant %s", tc.row, err, tc.want)
		}
	}
	f, err := Read([]byte(h+"d,0,5,Hello,ORG,1:9,\n"), "f.csv")
	if err != nil {
		t.Fatal(err)
	}
	if errs := corpus.CheckText(corpus.Doc{ID: "d", Text: "Hello you"[:8]}, f); len(errs) != 1 || errs[0].Error() != `f.csv:2:17: alt: 1:9 ends past the end of document "d" (length 8)` {
		t.Errorf("Check: %v", errs)
	}
}
