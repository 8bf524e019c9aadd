package corpus

import (
	"errors"
	"hash/maphash"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	dir := writeFiles(t, map[string]string{"b.txt": "Bob", "a.txt": "“Ada”", "x.md": "no"})
	jsonl := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(jsonl, []byte(`{"id":"z","text":"Zed"}`+"\n\n"+`{"id":"y","text":"Why"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{dir: "a=“Ada” b=Bob", jsonl: "z=Zed y=Why"} {
		var got []string
		if err := Scan(path, func(d Doc) error { got = append(got, d.ID+"="+d.Text); return nil }); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Scan(%s) = %q, want %q", path, got, want)
		}
	}
	dup := filepath.Join(t.TempDir(), "d.jsonl")
	os.WriteFile(dup, []byte(`{"id":"a","text":"x"}`+"\n"+`{"id":"a","text":"y"}`+"\n"), 0o644)
	if err := Scan(dup, func(Doc) error { return nil }); !errors.Is(err, ErrDuplicateID) || !strings.Contains(err.Error(), "d.jsonl:2: id: duplicate document ID \"a\" (first on line 1)") {
		t.Errorf("Scan(duplicate) = %v", err)
	}
	bad := writeFiles(t, map[string]string{"a.txt": "ok", "b.txt": "x\n\xff"})
	if err := Scan(bad, func(Doc) error { return nil }); !errors.Is(err, ErrUTF8) || !strings.Contains(err.Error(), "b.txt:2:1: invalid UTF-8") {
		t.Errorf("Scan(bad UTF-8) = %v", err)
	}
	if err := Scan(t.TempDir(), func(Doc) error { return nil }); !errors.Is(err, ErrNoDocs) {
		t.Errorf("Scan(empty) = %v", err)
	}
	stop := errors.New("stop")
	if err := Scan(dir, func(Doc) error { return stop }); err != stop {
		t.Errorf("Scan did not return fn's error: %v", err)
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
	n := 0
	if err := Scan(path, func(Doc) error { n++; return nil }); err != nil || n != 3 {
		t.Errorf("Scan = %v after %d documents, want 3 and no error", err, n)
	}
	for in, want := range map[string]string{
		`{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}` + "\n" + `{"id":"a","text":"z"}` + "\n":   `c.jsonl:3: id: duplicate document ID "a" (first on line 1)`,
		`{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}` + "\n\n" + `{"id":"b","text":"z"}` + "\n": `c.jsonl:4: id: duplicate document ID "b" (first on line 2)`,
	} {
		write(in)
		if err := Scan(path, func(Doc) error { return nil }); !errors.Is(err, ErrDuplicateID) || !strings.HasSuffix(err.Error(), want) {
			t.Errorf("Scan = %v, want ...%s", err, want)
		}
	}
}
