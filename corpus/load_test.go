package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBuiltin(t *testing.T) {
	c := Builtin()
	if len(c.Docs) != 5 {
		t.Fatalf("Builtin() has %d documents, want 5", len(c.Docs))
	}
	d, ok := c.Doc("001_71bca7856ba8bd44")
	if !ok || !strings.HasPrefix(d.Text, "Isis announces massacre") {
		t.Errorf("Doc(001...) = %q..., %v", d.Text[:min(30, len(d.Text))], ok)
	}
	// Text is kept as stored: 003 keeps the NBSP after "Last update:".
	d, _ = c.Doc("003_288731a84ca0e35f")
	if !strings.Contains(d.Text, "Last update:\u00a0\n") {
		t.Error("document text was altered: NBSP after \"Last update:\" lost")
	}
}

// writeFiles makes a directory holding the given files.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadDir(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.txt":     " Bob \r\n",
		"a.txt":     "“Ada”",
		"notes.md":  "not a document",
		".hide.txt": "hidden",
	})
	if err := os.Mkdir(filepath.Join(dir, "sub.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Doc{{"a", "“Ada”"}, {"b", " Bob \r\n"}}
	if len(c.Docs) != len(want) {
		t.Fatalf("LoadDir: %d documents %v, want %v", len(c.Docs), c.Docs, want)
	}
	for i := range want {
		if c.Docs[i] != want[i] {
			t.Errorf("Docs[%d] = %q, want %q", i, c.Docs[i], want[i])
		}
	}
}

func TestLoadDirErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		files  map[string]string
		broken string // a .txt symlink to nowhere: unreadable
		want   []string
		is     error
	}{
		{name: "empty", files: map[string]string{}, want: []string{"no documents: no .txt files in the directory"}, is: ErrNoDocs},
		{name: "only other files", files: map[string]string{"a.md": "x"}, want: []string{"no documents"}, is: ErrNoDocs},
		{
			name:  "invalid UTF-8",
			files: map[string]string{"a.txt": "ok", "b.txt": "line one\nJos\xe9 here"},
			want:  []string{"b.txt:2:4: invalid UTF-8: byte 0xe9 at byte offset 12"},
			is:    ErrUTF8,
		},
		{
			name:  "NUL byte",
			files: map[string]string{"a.txt": "o\x00k"},
			want:  []string{"a.txt:1:2: NUL byte at byte offset 1 (is the file UTF-16? text must be UTF-8)"},
			is:    ErrNUL,
		},
		{
			name:   "unreadable",
			files:  map[string]string{"a.txt": "ok"},
			broken: "gone.txt",
			want:   []string{"gone.txt: no such file or directory"},
		},
		{
			name:   "every problem",
			files:  map[string]string{"a.txt": "\xff", "c.txt": "ok\n\xc3("},
			broken: "b.txt",
			want:   []string{"a.txt:1:1: invalid UTF-8", "b.txt: no such file", "c.txt:2:1: invalid UTF-8"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, tc.files)
			if tc.broken != "" {
				if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, tc.broken)); err != nil {
					t.Fatal(err)
				}
			}
			_, err := LoadDir(dir)
			if err == nil {
				t.Fatal("LoadDir succeeded, want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("LoadDir error = %q, want it to contain %q", err, w)
				}
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("LoadDir error %v is not %v", err, tc.is)
			}
		})
	}
}

func TestLoadNotADirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.csv": "x"})
	if _, err := Load(filepath.Join(dir, "a.csv")); err == nil || !strings.Contains(err.Error(), "a corpus is a directory of .txt files or a .jsonl file") {
		t.Errorf("Load(a.csv) error = %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing")); err == nil {
		t.Error("Load(missing) succeeded")
	}
}

func TestReadJSONL(t *testing.T) {
	in := `{"id": "a", "text": "“Ada”\n met Bob ", "meta": {"source": "x"}}

{"id":"b","text":""}
`
	c, err := ReadJSONL(strings.NewReader(in), "in.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := []Doc{{"a", "“Ada”\n met Bob "}, {"b", ""}}
	if len(c.Docs) != 2 || c.Docs[0] != want[0] || c.Docs[1] != want[1] {
		t.Errorf("ReadJSONL = %q, want %q", c.Docs, want)
	}
}

func TestReadJSONLErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		is             error
	}{
		{"empty", "", "in.jsonl: no documents", ErrNoDocs},
		{"duplicate", `{"id":"a","text":"x"}` + "\n" + `{"id":"a","text":"y"}`, `in.jsonl:2: id: duplicate document ID "a" (first on line 1)`, ErrDuplicateID},
		{"no id", `{"text":"x"}`, `in.jsonl:1: bad record: no "id" field`, ErrRecord},
		{"empty id", `{"id":"","text":"x"}`, `in.jsonl:1: bad record: empty "id"`, ErrRecord},
		{"no text", `{"id":"a"}`, `in.jsonl:1: bad record: no "text" field`, ErrRecord},
		{"number id", `{"id":7,"text":"x"}`, `in.jsonl:1: bad record: id: want a string, got JSON number`, ErrRecord},
		{"truncated", `{"id":"a","text":"x`, `in.jsonl:1:20: bad record: the record is cut off: the line ends inside the JSON object`, ErrRecord},
		{"two values", `{"id":"a","text":"x"} {}`, `in.jsonl:1: bad record: more than one JSON value on the line`, ErrRecord},
		{"invalid UTF-8", "{\"id\":\"a\",\"text\":\"\xff\"}", `in.jsonl:1:19: invalid UTF-8: byte 0xff at byte offset 18`, ErrUTF8},
		{"NUL byte", "{\"id\":\"a\",\"text\":\"\x00\"}", `in.jsonl:1:19: NUL byte at byte offset 18 (is the file UTF-16? text must be UTF-8)`, ErrNUL},
		{"NUL escape", `{"id":"a","text":"x\u0000"}`, `in.jsonl:1: bad record: text: NUL character (\u0000) at code point 1; text must not hold one`, ErrRecord},
		{"syntax", `{"id":"a" "text":"x"}`, `in.jsonl:1:11: bad record: invalid character '"' after object key:value pair`, ErrRecord},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadJSONL(strings.NewReader(tc.in), "in.jsonl")
			if err == nil || err.Error() != tc.want {
				t.Errorf("ReadJSONL error = %v, want %s", err, tc.want)
			}
			if !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
		})
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add(`{"id":"a","text":"“Ada”"}` + "\n" + `{"id":"b","text":"x"}`)
	f.Add(`{"id":"a"`)
	f.Add("\xff")
	f.Add("\ufeff" + `{"id":"a","text":"\ud83d\ude00 \\ud800 \ufffd"}`)
	f.Add(`{"id":"a","text":"\ud800"}` + "\n" + `{"id":"\udc00x","text":""}`)
	f.Fuzz(func(t *testing.T, in string) {
		c, err := ReadJSONL(strings.NewReader(in), "in.jsonl")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "in.jsonl") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		replacements := 0 // U+FFFD in the texts and IDs read
		for _, d := range c.Docs {
			if d.ID == "" || seen[d.ID] {
				t.Fatalf("empty or duplicate id %q accepted", d.ID)
			}
			seen[d.ID] = true
			replacements += strings.Count(d.ID+d.Text, "\ufffd")
		}
		// A U+FFFD read is one written, never a lone surrogate (or
		// anything else) replaced without a word.
		if written := strings.Count(in, "\ufffd") + strings.Count(strings.ToLower(in), `\ufffd`); replacements > written {
			t.Fatalf("%d U+FFFD read, %d written, in %q", replacements, written, in)
		}
	})
}
