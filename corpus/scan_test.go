package corpus

import (
	"errors"
	"hash/maphash"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scan collects what Scan gives: "ID=text" for each document, and the
// errors, in order.
func scan(path string) (docs []string, errs []error) {
	for d, err := range Scan(path) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d.ID+"="+d.Text)
	}
	return docs, errs
}

func TestScan(t *testing.T) {
	dir := writeFiles(t, map[string]string{"b.txt": "Bob", "a.txt": "“Ada”", "x.md": "no"})
	jsonl := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(jsonl, []byte(`{"id":"z","text":"Zed"}`+"\n\n"+`{"id":"y","text":"Why"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{dir: "a=“Ada” b=Bob", jsonl: "z=Zed y=Why"} {
		got, errs := scan(path)
		if errs != nil {
			t.Fatal(errs)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Scan(%s) = %q, want %q", path, got, want)
		}
	}

	// Problems come in place of their documents, and the scan goes on.
	dup := filepath.Join(t.TempDir(), "d.jsonl")
	os.WriteFile(dup, []byte(`{"id":"a","text":"x"}`+"\n"+`{"id":"a","text":"y"}`+"\n"+`{"id":"b","text":"z"}`+"\n"), 0o644)
	got, errs := scan(dup)
	if len(errs) != 1 || !errors.Is(errs[0], ErrDuplicateID) || errs[0].Error() != dup+`:2: id: duplicate document ID "a" (first on line 1)` || strings.Join(got, " ") != "a=x b=z" {
		t.Errorf("Scan(duplicate) = %q, %v", got, errs)
	}
	bad := writeFiles(t, map[string]string{"a.txt": "ok", "b.txt": "x\n\xff", "c.txt": "\x00", "d.txt": "fine"})
	got, errs = scan(bad)
	if len(errs) != 2 || !errors.Is(errs[0], ErrUTF8) || !strings.HasSuffix(errs[0].Error(), "b.txt:2:1: invalid UTF-8: byte 0xff at byte offset 2") ||
		!errors.Is(errs[1], ErrNUL) || strings.Join(got, " ") != "a=ok d=fine" {
		t.Errorf("Scan(bad UTF-8) = %q, %v", got, errs)
	}
	var p *Problem
	if len(errs) > 0 && (!errors.As(errs[0], &p) || p.Line != 2 || p.Col != 1) {
		t.Errorf("Scan(bad UTF-8) error %#v is not a *Problem at 2:1", errs[0])
	}
	if _, errs := scan(t.TempDir()); len(errs) != 1 || !errors.Is(errs[0], ErrNoDocs) {
		t.Errorf("Scan(empty) = %v", errs)
	}
	n := 0
	for range Scan(dir) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("Scan went on after the loop broke")
	}
}

// TestScanSharedHashes makes every ID share one hash, so that each record
// goes the slow way: the ID on the earlier line is read again.
func TestScanSharedHashes(t *testing.T) {
	defer func(h func(maphash.Seed, string) uint64) { idHash = h }(idHash)
	idHash = func(maphash.Seed, string) uint64 { return 42 }
	path := filepath.Join(t.TempDir(), "c.jsonl")
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(`{"id":"a","text":"x"}` + "\n\n" + `{"id":"b","text":"y"}` + "\n" + `{"id":"c","text":"z"}` + "\n")
	if got, errs := scan(path); errs != nil || len(got) != 3 {
		t.Errorf("Scan = %v after %d documents, want 3 and no error", errs, len(got))
	}
	for in, want := range map[string]string{
		`{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}` + "\n" + `{"id":"a","text":"z"}` + "\n":   `c.jsonl:3: id: duplicate document ID "a" (first on line 1)`,
		`{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}` + "\n\n" + `{"id":"b","text":"z"}` + "\n": `c.jsonl:4: id: duplicate document ID "b" (first on line 2)`,
	} {
		write(in)
		if _, errs := scan(path); len(errs) != 1 || !errors.Is(errs[0], ErrDuplicateID) || !strings.HasSuffix(errs[0].Error(), want) {
			t.Errorf("Scan = %v, want ...%s", errs, want)
		}
	}
}
