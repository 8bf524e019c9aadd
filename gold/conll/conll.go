package conll

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
)

// TagScheme is how a CoNLL file's tags are read into chunks.
type TagScheme int

const (
	// Conlleval reads chunks exactly as conlleval.pl does: a chunk starts
	// at a B- tag, at an I- or E- tag after O, and wherever the type
	// changes, and ends where the next starts or at O. IOB1 and IOB2 both
	// read right; an I- after O starts a chunk; an S- tag after an S- tag
	// of the same type continues the chunk (conlleval does not know S-).
	Conlleval TagScheme = iota
	// IOB2 reads strictly: a chunk is a B- tag and the I- tags of its type
	// that follow it. An I- tag that continues no chunk is dropped.
	IOB2
	// IOBES reads strictly: a chunk is B- I-* E- of one type, or S-.
	// BILOU's L- and U- are read as E- and S-. Ill-formed chunks are
	// dropped.
	IOBES
)

var tagSchemeNames = [...]string{"conlleval", "iob2", "iobes"}

func (s TagScheme) String() string { return tagSchemeNames[s] }

// ParseTagScheme returns the tag scheme named name: conlleval (or its
// alias iob1: conlleval reads IOB1 correctly), iob2 or iobes.
func ParseTagScheme(name string) (TagScheme, bool) {
	if name == "iob1" {
		return Conlleval, true
	}
	for i, n := range tagSchemeNames {
		if n == name {
			return TagScheme(i), true
		}
	}
	return 0, false
}

// DetectTagScheme reads a CoNLL file's tags and returns IOBES when any tag
// has an E-, S-, L- or U- prefix, and Conlleval otherwise.
func DetectTagScheme(r io.Reader) (TagScheme, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		for _, tag := range f[max(0, len(f)-2):] {
			if len(tag) > 1 && tag[1] == '-' && strings.IndexByte("ESLU", tag[0]) >= 0 {
				return IOBES, sc.Err()
			}
		}
	}
	return Conlleval, sc.Err()
}

// ErrCoNLL is the category of problems in a CoNLL file, for use with
// [errors.Is] on a [*corpus.Problem].
var ErrCoNLL = errors.New("bad CoNLL line")

// Doc is one document of a CoNLL file: its text, rebuilt from the
// tokens (one space between tokens, a line break between sentences), and
// the gold and predicted chunks as mentions of that text.
type Doc struct {
	Doc        corpus.Doc
	Gold, Pred []corpus.Mention
	// Sentences are the document's sentences as the file marks them with
	// blank lines, in code points of Doc.Text, in order.
	Sentences []corpus.Span
}

// Reader reads a token-per-line file: a token in the first column,
// the gold tag and the predicted tag in the last two, columns separated by
// runs of spaces or runs of tabs, one kind in a file (the first line with
// columns sets it), the same number of columns on every line. A blank line
// (or a line whose first column is -X-) ends a sentence; a line whose
// first column is -DOCSTART- starts a new document. It reads one document
// at a time, so memory grows with the largest document, not the file.
type Reader struct {
	// Tokens and CorrectTags count as conlleval does: every line that is
	// not a sentence break (-DOCSTART- lines too), and those whose two tags
	// are equal.
	Tokens, CorrectTags int
	// Dropped counts the chunks a strict tag scheme dropped as ill-formed.
	Dropped int

	name      string
	scheme    TagScheme
	sc        *bufio.Scanner
	line      int
	columns   int
	sep       byte // the column separator, ' ' or '\t', once a line has set it
	sepLine   int  // the line that set it
	docs      int
	eof       bool
	text      bytes.Buffer
	runes     int
	sentence  bool          // the current sentence has a token
	sentences []corpus.Span // of the document so far; the last ends at runes while sentence
	gold      chunker
	pred      chunker
	fields    [][]byte          // reused by splitFields
	types     map[string]string // chunk types, each allocated once
}

// splitFields appends the space- or tab-separated fields of line to dst.
func splitFields(dst [][]byte, line []byte) [][]byte {
	start := -1
	for i := 0; i < len(line); i++ {
		if c := line[i]; c == ' ' || c == '\t' {
			if start >= 0 {
				dst = append(dst, line[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, line[start:])
	}
	return dst
}

// maxLine is the longest line a CoNLL file may have.
const maxLine = 1 << 30

// NewReader returns a reader of r, which is named name in messages.
func NewReader(r io.Reader, name string, scheme TagScheme) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	return &Reader{name: name, scheme: scheme, sc: sc, types: map[string]string{}}
}

// Next returns the next document, or io.EOF after the last. A bad line
// is a [*corpus.Problem] with its position; the reader cannot go on after it.
func (cr *Reader) Next() (Doc, error) {
	for cr.sc.Scan() {
		cr.line++
		line := bytes.TrimSuffix(cr.sc.Bytes(), []byte("\r"))
		if err := cr.checkLine(line); err != nil {
			return Doc{}, err
		}
		fields := splitFields(cr.fields[:0], line)
		cr.fields = fields
		if len(fields) == 0 || string(fields[0]) == "-X-" {
			cr.boundary()
			continue
		}
		if cr.columns == 0 {
			if len(fields) < 3 {
				return Doc{}, cr.errorf(1, "%d columns, want at least 3: token, ..., gold tag, predicted tag", len(fields))
			}
			cr.columns = len(fields)
		} else if len(fields) != cr.columns {
			return Doc{}, cr.errorf(1, "%d columns, want %d as on the first line", len(fields), cr.columns)
		}
		goldTag, predTag := fields[len(fields)-2], fields[len(fields)-1]
		cr.Tokens++
		if bytes.Equal(goldTag, predTag) {
			cr.CorrectTags++
		}
		if string(fields[0]) == "-DOCSTART-" {
			if string(goldTag) != "O" || string(predTag) != "O" {
				return Doc{}, cr.errorf(1, "-DOCSTART- line tagged %s %s, want O O", goldTag, predTag)
			}
			cr.boundary()
			if d, ok := cr.flush(); ok {
				return d, nil
			}
			continue
		}
		g, err := cr.parseTag(goldTag, line, len(fields)-2)
		if err != nil {
			return Doc{}, err
		}
		p, err := cr.parseTag(predTag, line, len(fields)-1)
		if err != nil {
			return Doc{}, err
		}
		start, end := cr.appendToken(fields[0])
		cr.Dropped += cr.gold.add(cr.scheme, g, start, end)
		cr.Dropped += cr.pred.add(cr.scheme, p, start, end)
	}
	if err := cr.sc.Err(); err != nil {
		return Doc{}, fmt.Errorf("%s:%d: %w", cr.name, cr.line+1, err)
	}
	cr.boundary()
	if d, ok := cr.flush(); ok {
		return d, nil
	}
	return Doc{}, io.EOF
}

// checkLine reports the first of: invalid UTF-8, a NUL byte (a UTF-16
// file is valid UTF-8 but full of them), a column separator of the other
// kind than the one the file started with.
func (cr *Reader) checkLine(line []byte) error {
	col := func(i int) int { return 1 + utf8.RuneCount(line[:i]) }
	if !utf8.Valid(line) {
		i := 0
		for {
			r, size := utf8.DecodeRune(line[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return cr.errorf(col(i), "invalid UTF-8: byte 0x%02x", line[i])
	}
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return cr.errorf(col(i), "NUL byte (is the file UTF-16? CoNLL files are UTF-8)")
	}
	// Separators are the spaces and tabs between the first and the last
	// field.
	lead := len(line) - len(bytes.TrimLeft(line, " \t"))
	inner := bytes.TrimRight(line[lead:], " \t")
	if cr.sep == 0 {
		if i := bytes.IndexAny(inner, " \t"); i >= 0 {
			cr.sep, cr.sepLine = inner[i], cr.line
		}
	}
	other, names := byte('\t'), [2]string{"a tab", "spaces"}
	if cr.sep == '\t' {
		other, names = ' ', [2]string{"a space", "tabs"}
	}
	if i := bytes.IndexByte(inner, other); cr.sep != 0 && i >= 0 {
		return cr.errorf(col(lead+i), "%s between columns, but line %d separates columns with %s: use one kind of separator in a file", names[0], cr.sepLine, names[1])
	}
	return nil
}

// appendToken adds a token to the document's text, after a space within
// a sentence or a line break after one, and returns where it stands.
func (cr *Reader) appendToken(tok []byte) (start, end offset) {
	if cr.sentence {
		cr.text.WriteByte(' ')
		cr.runes++
	} else if cr.text.Len() > 0 {
		cr.text.WriteByte('\n')
		cr.runes++
	}
	if !cr.sentence {
		cr.sentences = append(cr.sentences, corpus.Span{Start: cr.runes})
	}
	cr.sentence = true
	start = offset{cr.runes, cr.text.Len()}
	cr.text.Write(tok)
	cr.runes += utf8.RuneCount(tok)
	cr.sentences[len(cr.sentences)-1].End = cr.runes
	return start, offset{cr.runes, cr.text.Len()}
}

// boundary ends the sentence: open chunks end.
func (cr *Reader) boundary() {
	at := offset{cr.runes, cr.text.Len()}
	cr.Dropped += cr.gold.add(cr.scheme, tag{prefix: 'O'}, at, at)
	cr.Dropped += cr.pred.add(cr.scheme, tag{prefix: 'O'}, at, at)
	cr.sentence = false
}

// flush returns the document read so far, if it has any token.
func (cr *Reader) flush() (Doc, bool) {
	if cr.text.Len() == 0 {
		return Doc{}, false
	}
	cr.docs++
	id := fmt.Sprintf("doc%04d", cr.docs)
	text := cr.text.String()
	d := Doc{Doc: corpus.Doc{ID: id, Text: text}, Sentences: cr.sentences}
	cr.sentences = nil
	d.Gold = make([]corpus.Mention, 0, len(cr.gold.chunks))
	d.Pred = make([]corpus.Mention, 0, len(cr.pred.chunks))
	for _, pair := range []struct {
		c   *chunker
		dst *[]corpus.Mention
	}{{&cr.gold, &d.Gold}, {&cr.pred, &d.Pred}} {
		for _, ch := range pair.c.chunks {
			span := corpus.Span{Start: ch.start.runes, End: ch.end.runes}
			*pair.dst = append(*pair.dst, corpus.Mention{DocID: id, Span: span, Label: corpus.Label(ch.typ), Text: text[ch.start.bytes:ch.end.bytes]})
		}
		pair.c.chunks = pair.c.chunks[:0]
	}
	cr.text.Reset()
	cr.runes = 0
	return d, true
}

func (cr *Reader) errorf(col int, format string, args ...any) error {
	return &corpus.Problem{File: cr.name, Line: cr.line, Col: col, Err: corpus.Problemf(ErrCoNLL, format, args...)}
}

// tag is a parsed chunk tag: prefix B, I, E, S or O, and a type.
type tag struct {
	prefix byte
	typ    string
}

// parseTag parses the tag in column col (0-based) of line.
func (cr *Reader) parseTag(b, line []byte, col int) (tag, error) {
	if string(b) == "O" {
		return tag{prefix: 'O'}, nil
	}
	prefixes := "BIES"
	if cr.scheme == IOBES {
		prefixes = "BIESLU"
	} else if cr.scheme == IOB2 {
		prefixes = "BI"
	}
	if len(b) >= 3 && b[1] == '-' && strings.IndexByte(prefixes, b[0]) >= 0 {
		p := b[0]
		switch p {
		case 'L':
			p = 'E'
		case 'U':
			p = 'S'
		}
		typ, ok := cr.types[string(b[2:])]
		if !ok {
			typ = string(b[2:])
			cr.types[typ] = typ
		}
		return tag{prefix: p, typ: typ}, nil
	}
	// The column's position, for the message: fields[col] is a subslice
	// of line, so the capacities differ by its byte offset.
	fields := splitFields(nil, line)
	at := 1 + utf8.RuneCount(line[:cap(line[:0])-cap(fields[col])])
	want := make([]string, 0, len(prefixes))
	for i := range prefixes {
		want = append(want, prefixes[i:i+1]+"-")
	}
	return tag{}, cr.errorf(at, "tag: bad tag %s (want O, or %s followed by a type, in scheme %s)", corpus.Quote(string(b)), strings.Join(want, ", "), cr.scheme)
}

// offset is a position in a document's text, in code points and bytes.
type offset struct{ runes, bytes int }

// chunk is a finished chunk.
type chunk struct {
	start, end offset
	typ        string
}

// chunker turns one column of tags into chunks.
type chunker struct {
	prev   tag
	open   bool
	start  offset // where the open chunk starts
	end    offset // where the open chunk's last token ends
	typ    string
	valid  bool   // strict schemes: the open chunk is well-formed so far
	stray  string // strict schemes: the type of the run of I- or E- tags being dropped, counted once
	chunks []chunk
}

// add reads the tag of a token spanning [start, end) and returns how
// many ill-formed chunks it dropped.
func (c *chunker) add(scheme TagScheme, t tag, start, end offset) int {
	dropped := 0
	stray := c.stray
	c.stray = ""
	// dropStray drops this I- or E- tag, which continues no chunk: one
	// ill-formed chunk with the stray tags of its type right before it.
	dropStray := func() {
		if stray != t.typ {
			dropped++
		}
		c.stray = t.typ
	}
	switch scheme {
	case Conlleval:
		if c.open && endOfChunk(c.prev, t) {
			c.close()
		}
		if startOfChunk(c.prev, t) {
			c.open, c.start, c.typ = true, start, t.typ
		}
		if c.open {
			c.end = end
		}
	case IOB2:
		switch {
		case t.prefix == 'B':
			if c.open {
				c.close()
			}
			c.open, c.start, c.end, c.typ = true, start, end, t.typ
		case t.prefix == 'I' && c.open && c.typ == t.typ:
			c.end = end
		default: // O, or an I- that continues nothing
			if c.open {
				c.close()
			}
			if t.prefix == 'I' {
				dropStray()
			}
		}
	case IOBES:
		inType := c.open && c.typ == t.typ
		switch t.prefix {
		case 'B':
			if c.open {
				dropped++
			}
			c.open, c.start, c.end, c.typ = true, start, end, t.typ
		case 'I':
			if inType {
				c.end = end
			} else {
				if c.open {
					dropped++ // unfinished
				}
				c.open = false
				dropStray()
			}
		case 'E':
			if inType {
				c.end = end
				c.close()
			} else {
				if c.open {
					dropped++
				}
				c.open = false
				dropStray()
			}
		case 'S':
			if c.open {
				dropped++
			}
			c.open = false
			c.chunks = append(c.chunks, chunk{start, end, t.typ})
		case 'O':
			if c.open {
				dropped++
			}
			c.open = false
		}
	}
	c.prev = t
	return dropped
}

func (c *chunker) close() {
	c.chunks = append(c.chunks, chunk{c.start, c.end, c.typ})
	c.open = false
}

// endOfChunk and startOfChunk are conlleval.pl's rules for whether a
// chunk ends or starts between the previous tag and this one, for the
// prefixes B, I, E, S and O.
func endOfChunk(prev, t tag) bool {
	p, q := prev.prefix, t.prefix
	switch {
	case p == 'B' && (q == 'B' || q == 'O'),
		p == 'I' && (q == 'B' || q == 'O'),
		p == 'E' && (q == 'E' || q == 'I' || q == 'O'):
		return true
	}
	return p != 'O' && prev.typ != t.typ
}

func startOfChunk(prev, t tag) bool {
	p, q := prev.prefix, t.prefix
	switch {
	case q == 'B' && (p == 'B' || p == 'I' || p == 'O'),
		q == 'I' && (p == 'O' || p == 'E'),
		q == 'E' && (p == 'E' || p == 'O'):
		return true
	}
	return q != 'O' && prev.typ != t.typ
}
