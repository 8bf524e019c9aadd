package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Scan calls fn with each document of the corpus at path, a directory of
// .txt files or a .jsonl file, one at a time and in the order [Load]
// gives, so that only one document's text is held at once (and the set of
// IDs). It stops at the first problem, with the same messages as Load
// (invalid UTF-8 with its position, a bad record, a duplicate ID, no
// document at all), or at fn's first error, and returns it.
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
	firstLine := map[string]int{}
	for line := 1; ; line++ {
		data, err := br.ReadBytes('\n')
		if len(data) > 0 {
			d, ok, perr := parseRecord(file, line, data)
			if perr != nil {
				return perr
			}
			if ok {
				if first, dup := firstLine[d.ID]; dup {
					return &Error{File: file, Line: line, Err: fmt.Errorf("id: %w %q (first on line %d)", ErrDuplicateID, d.ID, first)}
				}
				firstLine[d.ID] = line
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
