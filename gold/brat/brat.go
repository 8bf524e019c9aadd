package brat

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

// Problem categories of brat files, for use with [errors.Is] on a
// [*corpus.Problem], beside the categories every reader shares
// (corpus.ErrUTF8, corpus.ErrOffset, corpus.ErrText, ...).
var (
	ErrBrat          = errors.New("malformed brat annotation")
	ErrDiscontinuous = errors.New("discontinuous span")
	ErrIndex         = errors.New("malformed index")
)

// Index is the file in a brat directory that records the document IDs
// that are not their file names: a JSON object from file name (without
// .txt) to document ID. [Write] writes it only when some ID needed a
// new name.
const Index = "doc_ids.json"

// Read reads a directory of brat standoff files: NAME.txt holds a
// document's text, NAME.ann its annotations. The document ID is NAME,
// unless the directory's [Index] gives another for NAME; documents
// come in file-name order. A .txt file without an .ann is a document with
// no mentions; names starting with a dot and subdirectories are skipped.
//
// The lines of an .ann file that Read reads:
//
//	T1	CARDINAL 10 23	more than 300
//	#1	AnnotatorNotes T1	value=300 modifier=>
//
// A text-bound annotation (T) has an ID, a label (one of the 18 OntoNotes
// labels), start and end offsets in code points of the .txt file (every
// code point counts, \r too; end exclusive), and the text at the span,
// with line breaks written as spaces. A note (#) of type AnnotatorNotes on
// a T whose text is only value=, modifier= and unit= fields gives that
// mention's number, by the rules of the mention CSV columns; [Write]
// writes these. Relations (R), events (E), attributes (A, M),
// normalisations (N), equivalences (*) and other notes are skipped and
// counted in Skipped.
//
// Every problem is returned in [corpus.Problems], with the file, line and column:
// a discontinuous span ("T2	ORG 0 5;7 10	...": not supported, reported
// rather than dropped), a malformed line, an unknown annotation kind, a
// repeated ID, offsets that are not integers, reversed or past the end of
// the text, text that differs, an unknown label, a bad number note,
// invalid UTF-8, an .ann file without its .txt, a malformed index, two
// files with one document ID. The Annotated holds what was read without a
// problem.
func Read(dir string, opts gold.Options) (*gold.Annotated, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	a := &gold.Annotated{Name: dir}
	var errs corpus.Problems
	ids, ierrs := readIndex(dir)
	errs = append(errs, ierrs...)

	txt, ann := map[string]bool{}, map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		stem, ext := strings.TrimSuffix(name, filepath.Ext(name)), filepath.Ext(name)
		switch ext {
		case ".txt":
			txt[stem] = true
		case ".ann":
			ann[stem] = true
		}
	}
	var names []string
	for stem := range txt {
		names = append(names, stem)
	}
	for stem := range ann {
		if !txt[stem] {
			names = append(names, stem)
		}
	}
	slices.Sort(names)

	firstFile := map[string]string{} // document ID -> the file it was first read from
	for _, stem := range names {
		txtPath, annPath := filepath.Join(dir, stem+".txt"), filepath.Join(dir, stem+".ann")
		if !txt[stem] {
			errs = append(errs, &corpus.Problem{File: annPath, Line: 1, Col: 1, Err: corpus.Problemf(corpus.ErrDocID, "no %s beside it", stem+".txt")})
			continue
		}
		id := stem
		if orig, ok := ids[stem]; ok {
			id = orig
		}
		if first, dup := firstFile[id]; dup {
			errs = append(errs, &corpus.Problem{File: txtPath, Line: 1, Col: 1, Err: corpus.Problemf(corpus.ErrDuplicateID, "document ID %q is also that of %s (see %s)", id, first, Index)})
			continue
		}
		firstFile[id] = txtPath
		data, err := corpus.ReadFile(txtPath)
		if err != nil {
			return nil, err
		}
		if uerrs := encoding(txtPath, data); uerrs != nil {
			errs = append(errs, uerrs...)
			continue
		}
		doc := corpus.Doc{ID: id, Text: string(data)}
		a.Docs = append(a.Docs, doc)
		if !ann[stem] {
			continue
		}
		data, err = corpus.ReadFile(annPath)
		if err != nil {
			return nil, err
		}
		if uerrs := encoding(annPath, data); uerrs != nil {
			errs = append(errs, uerrs...)
			continue
		}
		ms, skipped, aerrs := parseAnn(annPath, data, doc, opts)
		a.Mentions = append(a.Mentions, ms...)
		a.Skipped += skipped
		errs = append(errs, aerrs...)
	}
	if len(errs) > 0 {
		errs.Sort()
		return a, errs
	}
	return a, nil
}

// encoding reports every line of data, the file path, that holds invalid
// UTF-8 or a NUL byte.
func encoding(path string, data []byte) corpus.Problems {
	var ps corpus.Problems
	off := 0
	for i, line := range bytes.SplitAfter(data, []byte("\n")) {
		if p := corpus.CheckEncoding(path, i+1, off, line, "brat files are"); p != nil {
			ps = append(ps, p)
		}
		off += len(line)
	}
	return ps
}

// readIndex reads dir's Index, if it has one.
func readIndex(dir string) (map[string]string, corpus.Problems) {
	path := filepath.Join(dir, Index)
	data, err := corpus.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, corpus.Problems{{File: path, Line: 1, Col: 1, Err: corpus.Problemf(ErrIndex, "%v", unwrapPathError(err))}}
	}
	var ids map[string]string
	if err := json.Unmarshal(data, &ids); err != nil {
		off := 0
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = int(se.Offset) - 1
		case errors.As(err, &te):
			off = int(te.Offset) - 1
		}
		off = min(max(off, 0), len(data))
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:off], '\n')+1:off])
		return nil, corpus.Problems{{File: path, Line: line, Col: col, Err: corpus.Problemf(ErrIndex, "%v (want an object from file name to document ID)", err)}}
	}
	return ids, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// note is a number note: value, modifier and unit of a mention.
type note struct {
	target string
	line   int
	fields [3]string // value, modifier, unit
	cols   [3]int    // 1-based columns of fields; 0 if absent
}

// parseAnn reads the .ann file at path, data, of doc, and returns its
// mentions in file order, the number of lines skipped, and its problems.
func parseAnn(path string, data []byte, doc corpus.Doc, opts gold.Options) ([]corpus.Mention, int, corpus.Problems) {
	var errs corpus.Problems
	x := corpus.NewIndex(doc.Text)
	tLine := map[string]int{} // T id -> its line
	mention := map[string]int{}
	var ms []corpus.Mention
	var notes []note
	skipped := 0
	for i, raw := range bytes.Split(data, []byte("\n")) {
		line := string(bytes.TrimSuffix(raw, []byte("\r")))
		p := corpus.Line{File: path, N: i + 1, Data: []byte(line)}
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch line[0] {
		case 'T':
			m, ok, terrs := parseT(p, line, x, doc, tLine, opts)
			errs = append(errs, terrs...)
			if ok {
				mention[strings.SplitN(line, "\t", 2)[0]] = len(ms)
				ms = append(ms, m)
			}
		case '#':
			if n, ok := parseNote(line, i+1); ok {
				notes = append(notes, n)
			} else {
				skipped++
			}
		case 'R', 'E', 'A', 'M', 'N', '*':
			skipped++
		default:
			errs = append(errs, p.Problemf(0, "", ErrBrat, "unknown annotation %q (lines start with T, R, E, A, M, N, # or *)", strings.SplitN(line, "\t", 2)[0]))
		}
	}

	// Number notes: each on a T read above, at most one per T.
	noted := map[string]int{} // T id -> line of its number note
	bad := map[int]bool{}     // mentions whose note is wrong
	for _, n := range notes {
		k, ok := mention[n.target]
		switch {
		case !ok && tLine[n.target] > 0:
			continue // the T line has a problem, already reported
		case !ok:
			errs = append(errs, &corpus.Problem{File: path, Line: n.line, Col: 1, Err: corpus.Problemf(ErrBrat, "note on %s, which is not a text-bound annotation of this file", n.target)})
			continue
		case noted[n.target] > 0:
			errs = append(errs, &corpus.Problem{File: path, Line: n.line, Col: 1, Err: corpus.Problemf(ErrBrat, "second number note on %s (the first is on line %d)", n.target, noted[n.target])})
			bad[k] = true
			continue
		}
		noted[n.target] = n.line
		if nerrs := n.apply(&ms[k], path, opts); nerrs != nil {
			errs = append(errs, nerrs...)
			bad[k] = true
		}
	}
	if len(bad) > 0 {
		kept := ms[:0]
		for k, m := range ms {
			if !bad[k] {
				kept = append(kept, m)
			}
		}
		ms = kept
	}
	return ms, skipped, errs
}

// parseT reads a text-bound annotation line, T1<TAB>LABEL START END<TAB>TEXT.
func parseT(p corpus.Line, line string, x *corpus.Index, doc corpus.Doc, tLine map[string]int, opts gold.Options) (corpus.Mention, bool, corpus.Problems) {
	var errs corpus.Problems
	fields := strings.SplitN(line, "\t", 3)
	if len(fields) < 3 {
		return corpus.Mention{}, false, corpus.Problems{p.Problemf(0, "", ErrBrat, "want T1<TAB>LABEL START END<TAB>TEXT, got %d tab-separated fields", len(fields))}
	}
	id := fields[0]
	if first, dup := tLine[id]; dup {
		errs = append(errs, p.Problemf(0, "", ErrBrat, "%s is also on line %d", id, first))
	} else {
		tLine[id] = p.N
	}
	midOff := len(id) + 1
	textOff := midOff + len(fields[1]) + 1
	label, locs, _ := strings.Cut(fields[1], " ")
	locsOff := midOff + len(label) + 1
	if i := strings.IndexByte(locs, ';'); i >= 0 {
		errs = append(errs, p.Problemf(locsOff+i, "span", ErrDiscontinuous, "discontinuous spans are not supported: %q", locs))
		return corpus.Mention{}, false, errs
	}
	startStr, endStr, ok := strings.Cut(locs, " ")
	if !ok || strings.Contains(endStr, " ") {
		errs = append(errs, p.Problemf(locsOff, "span", ErrBrat, "want LABEL START END, got %q", fields[1]))
		return corpus.Mention{}, false, errs
	}
	m := corpus.Mention{DocID: doc.ID, Label: corpus.Label(label), Source: corpus.Source{File: p.File, Line: p.N}}
	m.Source.Col[corpus.FieldLabel] = int32(p.Col(midOff))
	m.Source.Col[corpus.FieldStart] = int32(p.Col(locsOff))
	m.Source.Col[corpus.FieldEnd] = int32(p.Col(locsOff + len(startStr) + 1))
	m.Source.Col[corpus.FieldText] = int32(p.Col(textOff))
	var err error
	if m.Span.Start, err = corpus.ParseOffset(startStr); err != nil {
		errs = append(errs, m.Source.Problem(corpus.FieldStart, err))
	}
	if m.Span.End, err = corpus.ParseOffset(endStr); err != nil {
		errs = append(errs, m.Source.Problem(corpus.FieldEnd, err))
	}
	if len(errs) > 0 {
		return corpus.Mention{}, false, errs
	}
	if errs := opts.Check(&m); errs != nil {
		return corpus.Mention{}, false, errs
	}
	if m.Span.End > x.Len() {
		errs = append(errs, p.Problemf(locsOff+len(startStr)+1, "end", corpus.ErrOffset, "%d is past the end of the text (length %d)", m.Span.End, x.Len()))
		return corpus.Mention{}, false, errs
	}
	m.Text, _ = x.Slice(m.Span)
	if got := fields[2]; got != bratText(m.Text) {
		hint := ""
		if strings.Contains(doc.Text, "\r") {
			hint = " (offsets count every code point of the .txt file, \\r too)"
		}
		errs = append(errs, p.Problemf(textOff, "text", corpus.ErrText, "%q, but the text has %q at %s%s", got, m.Text, m.Span, hint))
		return corpus.Mention{}, false, errs
	}
	return m, true, nil
}

// apply gives m the number of note n, read from the .ann file path, and
// returns its problems: a value, modifier or unit that is malformed, or
// that m's label does not take. They point at the note.
func (n note) apply(m *corpus.Mention, path string, opts gold.Options) corpus.Problems {
	at := corpus.Source{File: path, Line: n.line}
	fields := [3]corpus.Field{corpus.FieldValue, corpus.FieldModifier, corpus.FieldUnit}
	for k, f := range fields {
		at.Col[f] = int32(n.cols[k])
	}
	var errs corpus.Problems
	v, err := corpus.ParseValue(n.fields[0])
	if err != nil {
		errs = append(errs, at.Problem(corpus.FieldValue, corpus.Problemf(corpus.ErrValue, "%s is not a number (want a plain decimal such as 300, 270000 or 3.5)", corpus.Quote(n.fields[0]))))
	}
	mod, ok := corpus.ParseModifier(n.fields[1])
	if !ok {
		errs = append(errs, at.Problem(corpus.FieldModifier, corpus.Problemf(corpus.ErrModifier, "%s is not a modifier (want one of: empty, ~, >, >=, <, <=, range)", corpus.Quote(n.fields[1]))))
	}
	if errs != nil {
		return errs
	}
	num := *m
	num.Value, num.Modifier, num.Unit = v, mod, n.fields[2]
	num.Source = at
	for _, p := range opts.Check(&num) {
		if slices.Contains(fields[:], fieldOf(p)) {
			errs = append(errs, p)
		}
	}
	if errs == nil {
		m.Value, m.Modifier, m.Unit = num.Value, num.Modifier, num.Unit
	}
	return errs
}

// fieldOf returns the field a problem is about.
func fieldOf(p *corpus.Problem) corpus.Field {
	for f := range corpus.NumFields {
		if f.String() == p.Field {
			return f
		}
	}
	return -1
}

// numberKeys are the fields of a number note, in the order they are written.
var numberKeys = [3]string{"value", "modifier", "unit"}

// parseNote reads a note line, #1<TAB>AnnotatorNotes T3<TAB>value=300
// modifier=>, and reports whether it is a number note.
func parseNote(line string, lineNo int) (note, bool) {
	fields := strings.SplitN(line, "\t", 3)
	if len(fields) < 3 {
		return note{}, false
	}
	typ, target, ok := strings.Cut(fields[1], " ")
	if !ok || typ != "AnnotatorNotes" || !strings.HasPrefix(target, "T") {
		return note{}, false
	}
	n := note{target: target, line: lineNo}
	off := len(fields[0]) + 1 + len(fields[1]) + 1 // of the note text
	words := 0
	for _, word := range strings.Split(fields[2], " ") {
		if word == "" {
			off++
			continue
		}
		key, val, ok := strings.Cut(word, "=")
		k := slices.Index(numberKeys[:], key)
		if !ok || k < 0 || n.cols[k] > 0 {
			return note{}, false // an annotator's own note
		}
		n.fields[k] = val
		n.cols[k] = 1 + utf8.RuneCountInString(line[:off+len(key)+1])
		off += len(word) + 1
		words++
	}
	return n, words > 0
}

// bratText is text as the text field of a .ann line holds it: with every
// character at which Python splits lines written as a space, so that the
// line stays one line for brat and for Read.
func bratText(text string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			return ' '
		}
		return r
	}, text)
}

// Write writes each document of docs as brat standoff into dir
// (created if need be): NAME.txt holds its text exactly, NAME.ann its
// mentions in [corpus.Compare] order as T1, T2, ..., each number's value,
// modifier and unit in a note on it,
//
//	T2	CARDINAL 10 23	more than 300
//	#1	AnnotatorNotes T2	value=300 modifier=>
//
// so that [Read] gives back exactly the same documents and mentions.
// Overlapping mentions are fine in brat and are kept.
//
// Document IDs are untrusted, so NAME is never the ID as it stands: see
// [FileName]. When some NAME differs from its ID, WriteBrat writes
// [Index] to map names back to IDs; otherwise it removes an index
// left there before. Write each set of documents to a directory of its
// own: other files in dir are left alone, but the index describes only
// the last set written. Every file is written to a temporary file in dir
// (named with a leading dot, which Read skips) and renamed into
// place, so a reader never sees half a file.
func Write(dir string, docs []corpus.Doc, ms []corpus.Mention) error {
	files, err := Encode(docs, ms)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	index := false
	for _, f := range files {
		index = index || f.Name == Index
		if err := writeAtomic(dir, f.Name, f.Data); err != nil {
			return err
		}
	}
	if !index {
		if err := os.Remove(filepath.Join(dir, Index)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// File is a file of a brat directory: its name and its content.
type File struct {
	Name string
	Data []byte
}

// Encode returns the files [Write] writes for docs and ms, in order: for
// each document NAME.txt and NAME.ann, then [Index] when some NAME is
// not its ID. A writer of them as one set should remove an index left by
// an earlier set when there is none.
func Encode(docs []corpus.Doc, ms []corpus.Mention) ([]File, error) {
	groups, err := gold.MentionsByDoc(docs, ms, false)
	if err != nil {
		return nil, err
	}
	names := fileNames(docs)
	var files []File
	renamed := map[string]string{}
	for i, d := range docs {
		if names[i] != d.ID {
			renamed[names[i]] = d.ID
		}
		files = append(files, File{names[i] + ".txt", []byte(d.Text)}, File{names[i] + ".ann", annOf(groups[i])})
	}
	if len(renamed) == 0 {
		return files, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(renamed); err != nil { // keys sorted: deterministic
		return nil, err
	}
	return append(files, File{Index, buf.Bytes()}), nil
}

// annOf returns the .ann file of the mentions of one document.
func annOf(ms []corpus.Mention) []byte {
	var b bytes.Buffer
	notes := 0
	for i, m := range ms {
		fmt.Fprintf(&b, "T%d\t%s %d %d\t%s\n", i+1, m.Label, m.Span.Start, m.Span.End, bratText(m.Text))
		var note []string
		for k, v := range [3]string{m.Value.String(), string(m.Modifier), m.Unit} {
			if v != "" {
				note = append(note, numberKeys[k]+"="+v)
			}
		}
		if len(note) > 0 {
			notes++
			fmt.Fprintf(&b, "#%d\tAnnotatorNotes T%d\t%s\n", notes, i+1, strings.Join(note, " "))
		}
	}
	return b.Bytes()
}

// maxNameLen bounds the bytes of a file name kept from an ID, well below
// the 255 bytes file systems allow, to leave room for the hash and .ann.
const maxNameLen = 100

// FileName returns the file name (without .txt or .ann) that
// [Write] gives the document id when no other document claims it:
// id itself when it is a safe name, else a safe name with a hash of id.
//
// A safe name is 1 to 100 bytes of A-Z, a-z, 0-9, ".", "_" and "-", does
// not start with a dot (Read would skip it; "." and ".." would leave
// the directory) and is not a device name of Windows (CON, NUL, COM1,
// ...). Otherwise every other character becomes "_", a leading dot "_",
// the result is cut to 100 bytes and "-" and the first 8 hex digits of
// the SHA-256 of id are appended: "../../etc/passwd" is
// "_._.._etc_passwd-3754d6cb". So no ID can name a file outside
// the directory, and the hash keeps IDs that differ only in unsafe
// characters apart.
func FileName(id string) string {
	var b strings.Builder
	for i, r := range id {
		switch {
		case r == '.' && i == 0:
			b.WriteByte('_')
		case 'A' <= r && r <= 'Z', 'a' <= r && r <= 'z', '0' <= r && r <= '9', r == '.', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	name := b.String()
	if name == id && name != "" && len(name) <= maxNameLen && !windowsDevice(name) {
		return name
	}
	sum := sha256.Sum256([]byte(id))
	return name[:min(len(name), maxNameLen)] + "-" + hex.EncodeToString(sum[:4])
}

// windowsDevice reports whether name, or the part before its first dot,
// is a device name of Windows, which no file there can have.
func windowsDevice(name string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(name), ".")
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && '0' <= base[3] && base[3] <= '9'
}

// fileNames returns a distinct file name for each document, by
// FileName; names are compared ignoring case (macOS and Windows do),
// and a name already taken gets a longer hash, then a counter.
func fileNames(docs []corpus.Doc) []string {
	names := make([]string, len(docs))
	taken := map[string]bool{}
	for i, d := range docs {
		name := FileName(d.ID)
		if taken[strings.ToLower(name)] {
			sum := sha256.Sum256([]byte(d.ID))
			base := name[:min(len(name), maxNameLen)] + "-" + hex.EncodeToString(sum[:8])
			name = base
			for n := 2; taken[strings.ToLower(name)]; n++ {
				name = base + "-" + strconv.Itoa(n)
			}
		}
		taken[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// writeAtomic writes data to dir/name through a temporary file in dir and
// a rename. name must be a plain file name.
func writeAtomic(dir, name string, data []byte) (err error) {
	if !filepath.IsLocal(name) || filepath.Base(name) != name {
		return fmt.Errorf("brat: %q is not a plain file name", name) // cannot happen: names are sanitised
	}
	f, err := os.CreateTemp(dir, ".exbench-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, name))
}
