package corpus

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultMaxDocBytes is the default of [Options.MaxDocBytes]: 64 MB, a
// thousand times a long news report.
const DefaultMaxDocBytes = 64_000_000

// Options are limits on reading a corpus. The zero Options are the
// defaults.
type Options struct {
	// MaxDocBytes is the most bytes a document may have: its .txt file,
	// or its line of a JSONL file. A larger one is a problem
	// ([ErrTooLarge]), read no further. 0 means [DefaultMaxDocBytes].
	MaxDocBytes int64
}

func (o Options) maxBytes() int64 { return cmp.Or(o.MaxDocBytes, DefaultMaxDocBytes) }

// Scan returns the documents of the corpus at path, a directory of .txt
// files or a .jsonl file, one at a time and in order (file names sorted,
// or JSONL lines), so that only one document's text is held at once (and,
// for JSONL, a hash of each ID to catch duplicates).
//
// A problem with one document (an unreadable file, one that is not a
// regular file, such as a named pipe or a device, invalid UTF-8 or a NUL
// byte with its position, a bad record, a duplicate ID, a document
// larger than opts.MaxDocBytes) comes as an error in place of the
// document, and the scan goes on. A problem with the whole corpus (it
// cannot be opened, it is no corpus, it holds no document) is the last
// error.
func (o Options) Scan(path string) iter.Seq2[Doc, error] {
	return func(yield func(Doc, error) bool) {
		fi, err := os.Stat(path)
		switch {
		case err != nil:
			yield(Doc{}, OpenError(path, err))
		case fi.IsDir():
			scanFS(os.DirFS(path), ".", path, o.maxBytes())(yield)
		case !fi.Mode().IsRegular():
			yield(Doc{}, notRegular(path, fi))
		case isJSONL(path):
			scanJSONLFile(path, o.maxBytes())(yield)
		default:
			yield(Doc{}, fmt.Errorf("%s: a corpus is a directory of .txt files or a .jsonl file", path))
		}
	}
}

// Scan is [Options.Scan] with the default options.
func Scan(path string) iter.Seq2[Doc, error] { return Options{}.Scan(path) }

// notRegular is the problem of an input at path that is not a regular
// file, which exbench does not read: a named pipe could block it for
// ever, a device (/dev/zero) never end.
func notRegular(path string, fi fs.FileInfo) error {
	kind := "not a regular file"
	switch m := fi.Mode(); {
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		kind = "a character device"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	}
	return &Problem{File: path, Err: Problemf(ErrNotRegular, "%s: exbench reads regular files only", kind)}
}

// tooLarge is the problem of a document of size bytes, over max.
func tooLarge(file string, line int, size, max int64) error {
	return &Problem{File: file, Line: line, Err: Problemf(ErrTooLarge, "a document of %s, over the limit of %s", megabytes(size), megabytes(max))}
}

// megabytes formats n bytes in MB.
func megabytes(n int64) string {
	return strconv.FormatFloat(float64(n)/1e6, 'f', -1, 64) + " MB"
}

// scanFS scans the .txt files of dir in fsys, each of at most max bytes.
// display is the directory's name in messages.
func scanFS(fsys fs.FS, dir, display string, max int64) iter.Seq2[Doc, error] {
	return func(yield func(Doc, error) bool) {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			yield(Doc{}, fmt.Errorf("corpus: %w", err))
			return
		}
		n := 0
		for _, e := range entries { // ReadDir sorts by name
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".txt") || strings.HasPrefix(name, ".") {
				continue
			}
			n++
			shown := filepath.Join(display, name)
			data, err := readDoc(fsys, path.Join(dir, name), shown, max)
			var p *Problem
			if errors.As(err, &p) {
				// said already
			} else if err != nil {
				err = unwrapPath(err)
				if e.Type()&fs.ModeSymlink != 0 && errors.Is(err, fs.ErrNotExist) {
					err = fmt.Errorf("%w (broken symbolic link)", err)
				}
				err = &Problem{File: shown, Err: err}
			} else {
				if p := CheckEncoding(shown, 1, 0, data, "text must be"); p != nil {
					err = p
				}
			}
			d := Doc{ID: strings.TrimSuffix(name, ".txt"), Text: string(data)}
			if err != nil {
				d = Doc{}
			}
			if !yield(d, err) {
				return
			}
		}
		if n == 0 {
			yield(Doc{}, fmt.Errorf("%s: %w: no .txt files in the directory", display, ErrNoDocs))
		}
	}
}

// readDoc reads the document in file name of fsys, shown as shown, when
// it is a regular file (a symbolic link is followed) of at most max
// bytes.
func readDoc(fsys fs.FS, name, shown string, max int64) ([]byte, error) {
	// Stat before opening: opening a named pipe waits for a writer.
	fi, err := fs.Stat(fsys, name)
	switch {
	case err != nil:
		return nil, err
	case !fi.Mode().IsRegular():
		return nil, notRegular(shown, fi)
	case fi.Size() > max:
		return nil, tooLarge(shown, 0, fi.Size(), max)
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(data)) > max { // it grew
		return nil, tooLarge(shown, 0, int64(len(data)), max)
	}
	return data, err
}

// CheckEncoding returns the first invalid UTF-8 sequence or NUL byte in
// data as a problem at its line and column, or nil. data starts on line
// firstLine of file, at byte offset off, which messages give. A NUL byte
// usually means a UTF-16 file: its message ends with the hint that what
// (text, mention files, ...) must be UTF-8.
func CheckEncoding(file string, firstLine, off int, data []byte, what string) *Problem {
	nul := bytes.IndexByte(data, 0)
	if nul < 0 && utf8.Valid(data) {
		return nil
	}
	at := 0
	for at < len(data) && at != nul {
		r, size := utf8.DecodeRune(data[at:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		at += size
	}
	line := firstLine + bytes.Count(data[:at], []byte("\n"))
	col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:at], '\n')+1:at])
	err := Problemf(ErrUTF8, "invalid UTF-8: byte 0x%02x at byte offset %d", data[at], off+at)
	if at == nul {
		err = Problemf(ErrNUL, "NUL byte at byte offset %d (is the file UTF-16? %s UTF-8)", off+at, what)
	}
	return &Problem{File: file, Line: line, Col: col, Err: err}
}

// scanJSONLFile scans the JSONL corpus in file, each line of at most
// max bytes.
func scanJSONLFile(file string, max int64) iter.Seq2[Doc, error] {
	return func(yield func(Doc, error) bool) {
		f, err := os.Open(file)
		if err != nil {
			yield(Doc{}, err)
			return
		}
		defer f.Close()
		scanJSONL(f, file, max, newIDLines(func(line int) (string, error) { return idOnLine(file, line) }))(yield)
	}
}

// scanJSONL scans a JSONL corpus read from r, named name in messages,
// each line of at most max bytes. A UTF-8 byte-order mark is skipped.
func scanJSONL(r io.Reader, name string, max int64, ids *idLines) iter.Seq2[Doc, error] {
	return func(yield func(Doc, error) bool) {
		br := bufio.NewReader(r)
		if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
			br.Discard(3)
		}
		n := 0
		for line := 1; ; line++ {
			data, size, err := readLine(br, max)
			if size > max {
				n++
				if !yield(Doc{}, tooLarge(name, line, size, max)) {
					return
				}
			} else if len(data) > 0 {
				d, ok, perr := parseRecord(name, line, data)
				if ok && perr == nil {
					var first int
					if first, perr = ids.add(d.ID, line); perr == nil && first > 0 {
						perr = &Problem{File: name, Line: line, Field: "id", Err: Problemf(ErrDuplicateID, "duplicate document ID %q (first on line %d)", d.ID, first)}
					}
				}
				if perr != nil || ok {
					n++
					if perr != nil {
						d = Doc{}
					}
					if !yield(d, perr) {
						return
					}
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				yield(Doc{}, fmt.Errorf("%s: %w", name, err))
				return
			}
		}
		if n == 0 {
			yield(Doc{}, fmt.Errorf("%s: %w", name, ErrNoDocs))
		}
	}
}

// readLine reads the next line of br, and its size, which is all that is
// read past max bytes: the rest is skipped, and data is nil.
func readLine(br *bufio.Reader, max int64) (data []byte, size int64, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if size <= max {
			data = append(data, chunk...)
		} else {
			data = nil
		}
		if err != bufio.ErrBufferFull {
			return data, size, err
		}
	}
}

// parseRecord decodes one JSONL line; ok is false for a blank line.
func parseRecord(name string, line int, data []byte) (Doc, bool, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Doc{}, false, nil
	}
	if p := CheckEncoding(name, line, 0, data, "text must be"); p != nil {
		return Doc{}, false, p
	}
	if p := CheckSurrogates(name, line, data); p != nil {
		return Doc{}, false, p
	}
	var rec struct {
		ID   *string `json:"id"`
		Text *string `json:"text"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	badAt := func(col int, format string, args ...any) (Doc, bool, error) {
		return Doc{}, false, &Problem{File: name, Line: line, Col: col, Err: fmt.Errorf("%w: "+format, append([]any{ErrRecord}, args...)...)}
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

// CheckSurrogates returns the first \\u escape in the JSON line data, on
// line of file, that is half of a UTF-16 surrogate pair without its
// other half, as a problem at its column, or nil. Go's JSON decoder
// would read it as U+FFFD, silently.
func CheckSurrogates(file string, line int, data []byte) *Problem {
	for i := 0; i+1 < len(data); i++ {
		k := bytes.IndexByte(data[i:], '\\')
		if k < 0 {
			return nil
		}
		if i += k; i+1 >= len(data) {
			return nil
		}
		if data[i+1] != 'u' {
			i++ // an escape of one character: \\ or \" or ...
			continue
		}
		r, ok := hex4(data[i+2:])
		if !ok || r < 0xd800 || r > 0xdfff {
			i++
			continue
		}
		if r < 0xdc00 && i+7 < len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
			if r2, ok := hex4(data[i+8:]); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
				i += 11 // a pair
				continue
			}
		}
		return &Problem{File: file, Line: line, Col: 1 + utf8.RuneCount(data[:i]), Err: Problemf(ErrSurrogate, "%s is half of a UTF-16 surrogate pair, without its other half: not a character", data[i:i+6])}
	}
	return nil
}

// hex4 decodes the 4 hexadecimal digits at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[:4]), 16, 16)
	return rune(n), err == nil
}

// idLines finds duplicate IDs in a JSONL corpus read one record at a
// time. Reading a file, it holds a 64-bit hash of each ID and its line
// rather than the ID: a few bytes an ID. When a hash comes again, the ID
// on its first line is read again from the file to tell a duplicate from
// two IDs that share a hash (kept whole from then on, which almost never
// happens). Reading a stream that cannot be read again, it holds the IDs.
type idLines struct {
	reread func(line int) (string, error) // nil: hold the IDs
	seed   maphash.Seed
	lines  map[uint64]int // the hash of an ID -> the line it is first on
	shared map[string]int // IDs whose hash an earlier ID has, or every ID without reread -> their line
}

// idHash hashes an ID; a variable so that tests can make every ID share
// one hash.
var idHash = func(seed maphash.Seed, id string) uint64 { return maphash.String(seed, id) }

func newIDLines(reread func(int) (string, error)) *idLines {
	return &idLines{reread: reread, seed: maphash.MakeSeed(), lines: map[uint64]int{}, shared: map[string]int{}}
}

// add records that id is on line, and returns the line it was first on
// when it is a duplicate, else 0.
func (x *idLines) add(id string, line int) (int, error) {
	if first, ok := x.shared[id]; ok {
		return first, nil
	}
	if x.reread == nil {
		x.shared[id] = line
		return 0, nil
	}
	h := idHash(x.seed, id)
	first, ok := x.lines[h]
	if !ok {
		x.lines[h] = line
		return 0, nil
	}
	other, err := x.reread(first)
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
