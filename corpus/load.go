package corpus

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"slices"
	"strings"
)

//go:embed dmeir-2016/*.txt
var builtinFS embed.FS

// BuiltinName is the name of the bundled corpus.
const BuiltinName = "dmeir-2016"

// Builtin returns the bundled seed corpus: five news reports, from five
// outlets, of the April 2016 kidnapping of cement workers in Dmeir, Syria.
func Builtin() *Corpus {
	c, err := collect(BuiltinName, scanFS(builtinFS, BuiltinName, BuiltinName, DefaultMaxDocBytes))
	if err != nil {
		panic("corpus: bundled corpus is broken: " + err.Error()) // a build defect, caught by tests
	}
	return c
}

// Load reads a corpus from path, a directory of .txt files ([LoadDir])
// or a .jsonl file ([LoadJSONL]): the documents [Scan] gives, or every
// problem it meets, joined.
func Load(path string) (*Corpus, error) { return Options{}.Load(path) }

// Load is [Load] with the options o.
func (o Options) Load(path string) (*Corpus, error) { return collect(path, o.Scan(path)) }

// LoadDir reads every file ending in .txt directly inside dir (not in
// subdirectories; names starting with a dot are skipped) as one document,
// its ID the file name without .txt. Documents are in file-name order.
// Every problem is reported, joined: unreadable files, invalid UTF-8 or a
// NUL byte (with its position), no .txt file at all.
func LoadDir(dir string) (*Corpus, error) {
	return collect(dir, scanFS(os.DirFS(dir), ".", dir, DefaultMaxDocBytes))
}

// LoadJSONL reads one document per line, each a JSON object with string
// fields "id" and "text" (other fields are ignored). Blank lines are
// skipped. Every bad line is reported, with its line number: invalid UTF-8
// or a NUL byte (also as \u0000 in the id or text), invalid JSON (with
// the column, and a record cut off at the end of its line said so), a
// missing or empty id, a missing text, a duplicate id.
func LoadJSONL(file string) (*Corpus, error) {
	return collect(file, scanJSONLFile(file, DefaultMaxDocBytes))
}

// ReadJSONL is [LoadJSONL] on a reader; name is the file name in messages
// and the corpus name.
func ReadJSONL(r io.Reader, name string) (*Corpus, error) {
	return collect(name, scanJSONL(r, name, DefaultMaxDocBytes, newIDLines(nil)))
}

// collect gathers the documents of a scan into a corpus named name, or
// returns every problem the scan met, joined.
func collect(name string, docs iter.Seq2[Doc, error]) (*Corpus, error) {
	var all []Doc
	var errs []error
	for d, err := range docs {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		all = append(all, d)
	}
	if len(errs) > 0 {
		return nil, Join(errs...)
	}
	return New(name, all)
}

// All returns the documents of c in order, as [Scan] does: a corpus in
// memory has no problem left to meet.
func (c *Corpus) All() iter.Seq2[Doc, error] {
	return func(yield func(Doc, error) bool) {
		for _, d := range c.Docs {
			if !yield(d, nil) {
				return
			}
		}
	}
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

// OpenError returns err, from opening path, as "PATH: problem" (no
// "open" or "stat"), with "(broken symbolic link)" added when path is a
// symbolic link to nothing, which "no such file or directory" alone does
// not tell.
func OpenError(path string, err error) error {
	if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w (broken symbolic link)", path, unwrapPath(err))
	}
	return fmt.Errorf("%s: %w", path, unwrapPath(err))
}

// IDs returns the document IDs of c in order.
func (c *Corpus) IDs() []string {
	ids := make([]string, len(c.Docs))
	for i, d := range c.Docs {
		ids[i] = d.ID
	}
	return slices.Clip(ids)
}

// isJSONL reports whether path names a JSONL corpus by its extension.
func isJSONL(path string) bool { return strings.HasSuffix(path, ".jsonl") }

// WriteJSONL writes docs as a JSONL corpus, one {"id", "text"} record a
// line, in order, without HTML escaping: what [LoadJSONL] reads.
func WriteJSONL(w io.Writer, docs []Doc) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}{d.ID, d.Text}); err != nil {
			return err
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// ReadFile reads the input file at path whole, opened by [OpenFile].
func ReadFile(path string) ([]byte, error) {
	f, err := OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// OpenFile opens the input file at path, which must be a regular file
// (or a symbolic link to one), not a directory, a named pipe or a device;
// its errors are [OpenError]'s.
func OpenFile(path string) (*os.File, error) {
	// Stat before opening: opening a named pipe waits for a writer.
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, OpenError(path, err)
	case fi.IsDir():
		return nil, fmt.Errorf("%s: is a directory, want a file", path)
	case !fi.Mode().IsRegular():
		return nil, notRegular(path, fi)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, OpenError(path, err)
	}
	return f, nil
}
