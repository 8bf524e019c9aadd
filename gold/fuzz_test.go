package gold

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
)

// FuzzRead checks that Read never panics, that every problem it reports
// has a position inside the input and formats as file:line:col, and that
// what it accepts survives a round trip through Write.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		header + "d,0,3,Ada,PERSON,,,\n",
		header + "d,0,7,\"270,000\",CARDINAL,\"270,000\",>,\n",
		header + "d,0,9,\"a\nb\nc\",ORG,,,\nd,x,3,Ada,PER,,,\n",
		"\ufeffdoc_id,start,end,text,label\r\nd,0,3,Ada,PERSON\r\n",
		header + "d,0,3,\"Ada,PERSON,,,\n",
		header + "d,0,3,Jos\xe9,PERSON,,,\n",
		"doc_id,doc_id,x\n",
		header + "d,0,5,''Tis,ORG,,,\n'=x,0,2,'''=,ORG,,,\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(data, "f.csv")
		lines := bytes.Count(data, []byte("\n")) + 1
		var errs corpus.Problems
		if errors.As(err, &errs) {
			for _, e := range errs {
				if e.File != "f.csv" || e.Line < 1 || e.Line > lines || e.Col < 1 {
					t.Fatalf("problem with a bad position (input has %d lines): %#v", lines, e)
				}
				if e.Error() == "" {
					t.Fatal("empty message")
				}
			}
		} else if err != nil {
			t.Fatalf("Read error is not Problems: %v", err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, file); err != nil {
			t.Fatal(err)
		}
		again, err := Read(buf.Bytes(), "g.csv")
		if err != nil {
			t.Fatalf("Read(Write(accepted rows)): %v\n%s", err, buf.Bytes())
		}
		want := append(file[:0:0], file...)
		corpus.Sort(want)
		for i := range want {
			// encoding/csv drops the CR of a CRLF inside a quoted field
			// (see the package documentation).
			want[i].Text = strings.ReplaceAll(want[i].Text, "\r\n", "\n")
		}
		if diff := cmp.Diff(want, again, marks.CmpMentions...); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}
