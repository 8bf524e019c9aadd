package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Scan calls fn with each document of the corpus at path, a directory of
// .txt files or a .jsonl file, one at a time and in the order [Load]
// gives, so that only one document's text is held at once (and, for
// JSONL, a hash of each ID to catch duplicates). It stops at the first
// problem, with the same messages as Load (invalid UTF-8 with its
// position, a bad record, a duplicate ID, no document at all), or at fn's
// first error, and returns it.
func Scan(path string, fn func(Doc) error) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	n := 0
	count := func(d Doc) error { n++; return fn(d) }
	switch {
	case fi.IsDir():
		err = scanDir(path, count)
	case strings.HasSuffix(path, ".jsonl"):
		err = scanJSONL(path, count)
	default:
		return fmt.Errorf("%s: a corpus is a directory of .txt files or a .jsonl file", path)
	}
	if err == nil && n == 0 {
		err = fmt.Errorf("%s: %w", path, ErrNoDocs)
	}
	return err
}

func scanDir(dir string, fn func(Doc) error) error {
	fsys := os.DirFS(dir)
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	for _, e := range entries { // sorted by name
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".txt") || strings.HasPrefix(name, ".") {
			continue
		}
		shown := filepath.Join(dir, name)
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("%s: %w", shown, unwrapPath(err))
		}
		if err := checkUTF8(shown, 1, data); err != nil {
			return err
		}
		if err := fn(Doc{ID: strings.TrimSuffix(name, ".txt"), Text: string(data)}); err != nil {
			return err
		}
	}
	return nil
}

func scanJSONL(file string, fn func(Doc) error) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	ids := newIDLines(file)
	for line := 1; ; line++ {
		data, err := br.ReadBytes('\n')
		if len(data) > 0 {
			d, ok, perr := parseRecord(file, line, data)
			if perr != nil {
				return perr
			}
			if ok {
				first, err := ids.add(d.ID, line)
				if err != nil {
					return err
				}
				if first > 0 {
					return &Error{File: file, Line: line, Err: fmt.Errorf("id: %w %q (first on line %d)", ErrDuplicateID, d.ID, first)}
				}
				if err := fn(d); err != nil {
					return err
				}
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("%s: %w", file, err)
		}
	}
}

// idLines finds duplicate IDs in a JSONL corpus read one record at a
// time, holding a 64-bit hash of each ID and its line rather than the ID:
// a few bytes an ID. When a hash comes again, the ID on its first line is
// read again from the file to tell a duplicate from two IDs that share a
// hash (kept whole from then on, which almost never happens).
type idLines struct {
	file   string
	seed   maphash.Seed
	lines  map[uint64]int // the hash of an ID -> the line it is first on
	shared map[string]int // IDs whose hash an earlier ID has -> their line
}

// idHash hashes an ID; a variable so that tests can make every ID share
// one hash.
var idHash = func(seed maphash.Seed, id string) uint64 { return maphash.String(seed, id) }

func newIDLines(file string) *idLines {
	return &idLines{file: file, seed: maphash.MakeSeed(), lines: map[uint64]int{}, shared: map[string]int{}}
}

// add records that id is on line, and returns the line it was first on
// when it is a duplicate, else 0.
func (x *idLines) add(id string, line int) (int, error) {
	if first, ok := x.shared[id]; ok {
		return first, nil
	}
	h := idHash(x.seed, id)
	first, ok := x.lines[h]
	if !ok {
		x.lines[h] = line
		return 0, nil
	}
	other, err := idOnLine(x.file, first)
	if err != nil {
		return 0, err
	}
	if other == id {
		return first, nil
	}
	x.shared[id] = line
	return 0, nil
}

// idOnLine reads again the ID of the record on line n of a JSONL file.
func idOnLine(file string, n int) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	for line := 1; ; line++ {
		data, err := br.ReadBytes('\n')
		if line == n {
			d, _, perr := parseRecord(file, line, data)
			return d.ID, perr
		}
		if err != nil {
			return "", fmt.Errorf("%s: line %d is gone: %w", file, n, err)
		}
	}
}
