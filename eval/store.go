package eval

import (
	"encoding/binary"
	"math"

	"github.com/exbench/exbench/corpus"
)

// store holds the mentions of one input grouped by document, compactly,
// so that an input read in any order costs about 40 bytes a mention, not
// the few hundred of a [corpus.Mention] (nor the whole file): each
// mention is encoded into chunks of bytes (varints; label, unit and file
// names by number), and each document's mentions are chained from its
// first to its last. The document ID is the group's, not stored again.
type store struct {
	docs   *docTable
	chunks [][]byte
	heads  []head // by document slot
	names  names
	buf    []byte // the record being encoded
}

// head is where a document's chain of mentions starts and ends: offsets
// of records, as chunk<<32 | offset, and -1 before the first.
type head struct{ first, last int64 }

// docTable numbers the document IDs met in any input, so that each
// store keeps a small head a document instead of a map.
type docTable struct {
	slot map[string]int32
	ids  []string
}

func newDocTable() *docTable { return &docTable{slot: map[string]int32{}} }

func (t *docTable) add(id string) int32 {
	if s, ok := t.slot[id]; ok {
		return s
	}
	s := int32(len(t.ids))
	t.slot[id] = s
	t.ids = append(t.ids, id)
	return s
}

// names numbers the strings of one kind a store holds (labels, units,
// files): few, and many times each.
type names struct {
	index map[string]uint64
	list  []string
}

func (n *names) add(s string) uint64 {
	if i, ok := n.index[s]; ok {
		return i
	}
	if n.index == nil {
		n.index = map[string]uint64{}
	}
	i := uint64(len(n.list))
	n.index[s] = i
	n.list = append(n.list, s)
	return i
}

// Chunks start small, for the many small inputs of a corpus scored a
// document at a time, and double up to chunkSize.
const (
	firstChunk = 4 << 10
	chunkSize  = 1 << 20
)

func newStore(docs *docTable) *store { return &store{docs: docs} }

// flags of an encoded mention.
const (
	hasValue = 1 << iota
	hasScore
	hasAlts
	unescaped
)

// add appends m to its document's chain.
func (s *store) add(m *corpus.Mention) {
	slot := s.docs.add(m.DocID)
	for int(slot) >= len(s.heads) {
		s.heads = append(s.heads, head{-1, -1})
	}
	var buf [binary.MaxVarintLen64]byte
	rec := append(s.buf[:0], 0, 0, 0, 0, 0, 0, 0, 0) // the next record's offset, set when there is one
	uv := func(v uint64) { rec = append(rec, buf[:binary.PutUvarint(buf[:], v)]...) }
	var flags byte
	v, ok := m.Value.Float()
	if ok {
		flags |= hasValue
	}
	if m.HasScore {
		flags |= hasScore
	}
	if len(m.Alts) > 0 {
		flags |= hasAlts
	}
	if m.Source.Unescaped {
		flags |= unescaped
	}
	rec = append(rec, flags, byte(modifierIndex(m.Modifier)))
	uv(uint64(m.Span.Start))
	uv(uint64(m.Span.End))
	uv(s.names.add(string(m.Label)))
	uv(s.names.add(m.Unit))
	uv(uint64(len(m.Text)))
	rec = append(rec, m.Text...)
	if ok {
		rec = binary.LittleEndian.AppendUint64(rec, math.Float64bits(v))
	}
	if m.HasScore {
		rec = binary.LittleEndian.AppendUint64(rec, math.Float64bits(m.Score))
	}
	if len(m.Alts) > 0 {
		uv(uint64(len(m.Alts)))
		for _, a := range m.Alts {
			uv(uint64(a.Start))
			uv(uint64(a.End))
		}
	}
	uv(s.names.add(m.Source.File))
	uv(uint64(m.Source.Line))
	for _, c := range m.Source.Col {
		uv(uint64(c))
	}

	at := s.put(rec)
	s.buf = rec
	h := &s.heads[slot]
	if h.last >= 0 {
		binary.LittleEndian.PutUint64(s.record(h.last), uint64(at))
	} else {
		h.first = at
	}
	h.last = at
	binary.LittleEndian.PutUint64(s.record(at), math.MaxUint64) // the end of the chain
}

// put copies rec into the chunks, never across two, and returns where.
func (s *store) put(rec []byte) int64 {
	n := len(s.chunks)
	if n == 0 || len(s.chunks[n-1])+len(rec) > cap(s.chunks[n-1]) {
		size := firstChunk
		if n > 0 {
			size = min(chunkSize, 2*cap(s.chunks[n-1]))
		}
		s.chunks = append(s.chunks, make([]byte, 0, max(size, len(rec))))
		n++
	}
	c := &s.chunks[n-1]
	at := int64(n-1)<<32 | int64(len(*c))
	*c = append(*c, rec...)
	return at
}

// record returns the bytes from offset at on.
func (s *store) record(at int64) []byte { return s.chunks[at>>32][at&math.MaxUint32:] }

// take returns the mentions of the document id in the order added, and
// forgets them; nil when it has none.
func (s *store) take(id string) []corpus.Mention {
	slot, ok := s.docs.slot[id]
	if !ok || int(slot) >= len(s.heads) || s.heads[slot].first < 0 {
		return nil
	}
	ms := s.decodeChain(s.heads[slot].first, id)
	s.heads[slot] = head{-1, -1}
	return ms
}

// rest returns the mentions of every document not taken, by document in
// the order documents were first met.
func (s *store) rest(yield func(id string, ms []corpus.Mention)) {
	for slot, h := range s.heads {
		if h.first >= 0 {
			id := s.docs.ids[slot]
			yield(id, s.decodeChain(h.first, id))
		}
	}
}

func (s *store) decodeChain(at int64, id string) []corpus.Mention {
	var ms []corpus.Mention
	for at >= 0 {
		rec := s.record(at)
		next := binary.LittleEndian.Uint64(rec)
		ms = append(ms, s.decode(rec[8:], id))
		if next == math.MaxUint64 {
			break
		}
		at = int64(next)
	}
	return ms
}

// decode decodes one mention written by add.
func (s *store) decode(rec []byte, id string) corpus.Mention {
	uv := func() uint64 {
		v, n := binary.Uvarint(rec)
		rec = rec[n:]
		return v
	}
	flags, mod := rec[0], rec[1]
	rec = rec[2:]
	m := corpus.Mention{DocID: id, Modifier: corpus.Modifiers[mod]}
	m.Span.Start = int(uv())
	m.Span.End = int(uv())
	m.Label = corpus.Label(s.names.list[uv()])
	m.Unit = s.names.list[uv()]
	n := uv()
	m.Text = string(rec[:n])
	rec = rec[n:]
	if flags&hasValue != 0 {
		m.Value = corpus.NewValue(math.Float64frombits(binary.LittleEndian.Uint64(rec)))
		rec = rec[8:]
	}
	if flags&hasScore != 0 {
		m.Score, m.HasScore = math.Float64frombits(binary.LittleEndian.Uint64(rec)), true
		rec = rec[8:]
	}
	if flags&hasAlts != 0 {
		m.Alts = make([]corpus.Span, uv())
		for i := range m.Alts {
			m.Alts[i].Start = int(uv())
			m.Alts[i].End = int(uv())
		}
	}
	m.Source.File = s.names.list[uv()]
	m.Source.Line = int(uv())
	for f := range m.Source.Col {
		m.Source.Col[f] = int32(uv())
	}
	m.Source.Unescaped = flags&unescaped != 0
	return m
}

// modifierIndex returns the index of mod in [corpus.Modifiers]. Mentions
// are checked ([corpus.CheckFields]) before they are stored, so mod is
// one of them.
func modifierIndex(mod corpus.Modifier) int {
	for i, m := range corpus.Modifiers {
		if m == mod {
			return i
		}
	}
	return 0
}
