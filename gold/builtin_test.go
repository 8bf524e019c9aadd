package gold

import (
	"bytes"
	"testing"

	"github.com/exbench/exbench/corpus"
	"github.com/google/go-cmp/cmp"
)

// TestBuiltin checks the bundled gold: one file a document, each passes
// every check against the bundled corpus, and each is exactly what Write
// makes of it, so rewriting never churns them.
func TestBuiltin(t *testing.T) {
	c := corpus.Builtin()
	byFile := map[string][]corpus.Mention{}
	var files []string
	for _, m := range Builtin() {
		if byFile[m.Source.File] == nil {
			files = append(files, m.Source.File)
		}
		byFile[m.Source.File] = append(byFile[m.Source.File], m)
	}
	if len(files) != len(c.Docs) || len(files) != BuiltinFiles {
		t.Fatalf("%d gold files for %d documents", len(files), len(c.Docs))
	}
	for i, name := range files {
		ms := byFile[name]
		d := c.Docs[i]
		var ps corpus.Problems
		var order corpus.Order
		for k := range ms {
			if ms[k].DocID != d.ID {
				t.Errorf("%s: mention of %q; each file covers one document", ms[k].Source, ms[k].DocID)
			}
			ps = append(ps, corpus.CheckFields(&ms[k])...)
			if p := order.Check(&ms[k]); p != nil {
				ps = append(ps, p)
			}
		}
		ps = append(ps, corpus.CheckText(d, ms)...)
		ps = append(ps, corpus.CheckFlat(ms)...)
		if len(ps) > 0 {
			t.Errorf("%s:\n%v", name, ps)
		}
		var buf bytes.Buffer
		if err := Write(&buf, ms); err != nil {
			t.Fatal(err)
		}
		stored, _ := builtinFS.ReadFile(name)
		if diff := cmp.Diff(string(stored), buf.String()); diff != "" {
			t.Errorf("%s differs from Write's output (-stored +written):\n%s", name, diff)
		}
	}
}
