package corpus

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// Errors from loading, for use with [errors.Is].
var (
	ErrNoDocs      = errors.New("no documents")
	ErrDuplicateID = errors.New("duplicate document ID")
	ErrUTF8        = errors.New("invalid UTF-8")
	ErrNUL         = errors.New("NUL byte")
	ErrRecord      = errors.New("bad record")
)

// Error is a problem at a position in a corpus file.
type Error struct {
	File string
	Line int // 1-based; 0 when the problem is the whole file
	Col  int // 1-based, in code points; 0 when unknown
	Err  error
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

//go:embed dmeir-2016/*.txt
var builtinFS embed.FS

// BuiltinName is the name of the bundled corpus.
const BuiltinName = "dmeir-2016"

// Builtin returns the bundled seed corpus: five news reports, from five
// outlets, of the April 2016 kidnapping of cement workers in Dmeir, Syria.
func Builtin() *Corpus {
	c, err := loadFS(builtinFS, BuiltinName, BuiltinName)
	if err != nil {
		panic("corpus: bundled corpus is broken: " + err.Error()) // a build defect, caught by tests
	}
	return c
}

// Load reads a corpus from path: a directory of .txt files ([LoadDir]) or
// a .jsonl file ([LoadJSONL]).
func Load(path string) (*Corpus, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, brokenLink(path, err)
	}
	switch {
	case fi.IsDir():
		return LoadDir(path)
	case strings.HasSuffix(path, ".jsonl"):
		return LoadJSONL(path)
	}
	return nil, fmt.Errorf("%s: a corpus is a directory of .txt files or a .jsonl file", path)
}

// LoadDir reads every file ending in .txt directly inside dir (not in
// subdirectories; names starting with a dot are skipped) as one document,
// its ID the file name without .txt. Documents are in file-name order.
// Every problem is reported, joined: unreadable files, invalid UTF-8 or a
// NUL byte (with its position), no .txt file at all.
func LoadDir(dir string) (*Corpus, error) {
	return loadFS(os.DirFS(dir), ".", dir)
}

// loadFS reads the .txt files of dir in fsys. display is the directory's
// name in messages and the corpus name.
func loadFS(fsys fs.FS, dir, display string) (*Corpus, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	var docs []Doc
	var errs []error
	for _, e := range entries { // ReadDir sorts by name
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".txt") || strings.HasPrefix(name, ".") {
			continue
		}
		shown := filepath.Join(display, name)
		data, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			err = unwrapPath(err)
			if e.Type()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist) {
				err = fmt.Errorf("%w (broken symbolic link)", err)
			}
			errs = append(errs, fmt.Errorf("%s: %w", shown, err))
			continue
		}
		if err := checkUTF8(shown, 1, data); err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, Doc{ID: strings.TrimSuffix(name, ".txt"), Text: string(data)})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: %w: no .txt files in the directory", display, ErrNoDocs)
	}
	return New(display, docs)
}

// unwrapPath drops the *fs.PathError wrapper, whose path is the in-FS
// name, so messages show the user's path once.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// brokenLink adds "(broken symbolic link)" to err, from opening path, when
// path is a symbolic link to nothing, which "no such file or directory"
// alone does not tell.
func brokenLink(path string, err error) error {
	if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w (broken symbolic link)", path, unwrapPath(err))
	}
	return err
}

// checkUTF8 reports the position of the first invalid UTF-8 sequence or
// NUL byte in data, whose first byte is on line firstLine. A document is
// UTF-8 text: a NUL byte in it usually means the file is UTF-16.
func checkUTF8(file string, firstLine int, data []byte) error {
	nul := bytes.IndexByte(data, 0)
	if nul < 0 && utf8.Valid(data) {
		return nil
	}
	off := 0
	for off < len(data) && off != nul {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	line := firstLine + bytes.Count(data[:off], []byte("\n"))
	col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off])
	err := fmt.Errorf("%w: byte 0x%02x at byte offset %d", ErrUTF8, data[off], off)
	if off == nul {
		err = fmt.Errorf("%w at byte offset %d (is the file UTF-16? text must be UTF-8)", ErrNUL, off)
	}
	return &Error{File: file, Line: line, Col: col, Err: err}
}

// LoadJSONL reads one document per line, each a JSON object with string
// fields "id" and "text" (other fields are ignored). Blank lines are
// skipped. Every bad line is reported, with its line number: invalid UTF-8
// or a NUL byte (also as \u0000 in the id or text), invalid JSON (with
// the column, and a record cut off at the end of its line said so), a
// missing or empty id, a missing text, a duplicate id.
func LoadJSONL(file string) (*Corpus, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadJSONL(f, file)
}

// ReadJSONL is [LoadJSONL] on a reader; name is the file name in messages
// and the corpus name.
func ReadJSONL(r io.Reader, name string) (*Corpus, error) {
	br := bufio.NewReader(r)
	var docs []Doc
	var errs []error
	firstLine := map[string]int{}
	for line := 1; ; line++ {
		data, err := br.ReadBytes('\n')
		if len(data) > 0 {
			if d, ok, perr := parseRecord(name, line, data); perr != nil {
				errs = append(errs, perr)
			} else if ok {
				if first, dup := firstLine[d.ID]; dup {
					errs = append(errs, &Error{File: name, Line: line, Err: fmt.Errorf("id: %w %q (first on line %d)", ErrDuplicateID, d.ID, first)})
				} else {
					firstLine[d.ID] = line
					docs = append(docs, d)
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return New(name, docs)
}

// parseRecord decodes one JSONL line; ok is false for a blank line.
func parseRecord(name string, line int, data []byte) (Doc, bool, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Doc{}, false, nil
	}
	if err := checkUTF8(name, line, data); err != nil {
		return Doc{}, false, err
	}
	var rec struct {
		ID   *string `json:"id"`
		Text *string `json:"text"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	badAt := func(col int, format string, args ...any) (Doc, bool, error) {
		return Doc{}, false, &Error{File: name, Line: line, Col: col, Err: fmt.Errorf("%w: "+format, append([]any{ErrRecord}, args...)...)}
	}
	bad := func(format string, args ...any) (Doc, bool, error) { return badAt(0, format, args...) }
	if err := dec.Decode(&rec); err != nil {
		var typeErr *json.UnmarshalTypeError
		var syntaxErr *json.SyntaxError
		switch {
		case errors.As(err, &typeErr):
			return bad("%s: want a string, got JSON %s", typeErr.Field, typeErr.Value)
		case errors.Is(err, io.ErrUnexpectedEOF):
			// Where more was expected: the end of the line.
			end := bytes.TrimRight(data, " \t\r\n")
			return badAt(utf8.RuneCount(end)+1, "the record is cut off: the line ends inside the JSON object")
		case errors.As(err, &syntaxErr) && syntaxErr.Offset > 0:
			return badAt(utf8.RuneCount(data[:min(syntaxErr.Offset-1, int64(len(data)))])+1, "%v", err)
		}
		return bad("%v", err)
	}
	if dec.More() {
		return bad("more than one JSON value on the line")
	}
	switch {
	case rec.ID == nil:
		return bad(`no "id" field`)
	case *rec.ID == "":
		return bad(`empty "id"`)
	case rec.Text == nil:
		return bad(`no "text" field`)
	}
	// A \u0000 escape makes the NUL byte that a .txt file may not hold.
	for _, f := range []struct{ name, s string }{{"id", *rec.ID}, {"text", *rec.Text}} {
		if i := strings.IndexByte(f.s, 0); i >= 0 {
			return bad("%s: NUL character (\\u0000) at code point %d; text must not hold one", f.name, utf8.RuneCountInString(f.s[:i]))
		}
	}
	return Doc{ID: *rec.ID, Text: *rec.Text}, true, nil
}

// IDs returns the document IDs of c in order.
func (c *Corpus) IDs() []string {
	ids := make([]string, len(c.Docs))
	for i, d := range c.Docs {
		ids[i] = d.ID
	}
	return slices.Clip(ids)
}
