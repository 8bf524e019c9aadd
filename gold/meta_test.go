package gold

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReadMeta(t *testing.T) {
	m, err := ReadMeta(strings.NewReader("\ufeffdoc_id,key,value\nd1,source,Reuters\nd1,genre,wire\nd2,source,\"tweet, reply\"\n"), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"source", "genre"}, m.Keys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	if m.Values["d1"]["genre"] != "wire" || m.Values["d2"]["source"] != "tweet, reply" || m.Values["d2"]["genre"] != "" {
		t.Errorf("values %v", m.Values)
	}
	for _, tc := range []struct{ in, want string }{
		{"", "m.csv:1:1: header: empty file: want a header row doc_id,key,value"},
		{"doc_id,key\n", `m.csv:1:1: header: want doc_id,key,value, got "doc_id,key"`},
		{"doc_id,key,value\nd1,source\n", "m.csv:2:1: row has 2 fields, the header has 3"},
		{"doc_id,key,value\n,source,x\n", "m.csv:2:1: doc_id: empty"},
		{"doc_id,key,value\nd1,,x\n", "m.csv:2:4: key: empty"},
		{"doc_id,key,value\nd1,source,a\nd1,source,b\n", `m.csv:3:4: key: document "d1" has key "source" already, on line 2`},
		{"doc_id,key,value\nd1,\"source,x\n", `m.csv:2:14: extraneous or missing " in quoted-field`},
	} {
		_, err := ReadMeta(strings.NewReader(tc.in), "m.csv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ReadMeta(%q) = %v, want %q", tc.in, err, tc.want)
		}
	}
}

func FuzzReadMeta(f *testing.F) {
	f.Add("doc_id,key,value\nd1,source,Reuters\n")
	f.Add("doc_id,key,value\nd1,\"a\nb\",c\n")
	f.Add("\ufeffdoc_id,key,value\n,,\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ReadMeta(strings.NewReader(in), "m.csv")
		if err != nil {
			return
		}
		for id, kv := range m.Values {
			if id == "" {
				t.Fatalf("empty document ID read from %q", in)
			}
			for k := range kv {
				if k == "" || !slices.Contains(m.Keys, k) {
					t.Fatalf("key %q not among %q", k, m.Keys)
				}
			}
		}
	})
}
