package corpus

import "fmt"

// Doc is one document. Text is kept exactly as it was stored.
type Doc struct {
	ID   string
	Text string
}

// Len returns the length of the text in code points.
func (d Doc) Len() int { return runeLen(d.Text) }

// Corpus is an ordered collection of documents with unique IDs.
type Corpus struct {
	Name string // where it came from: a path, or "builtin"
	Docs []Doc  // in load order: sorted by file name, or in JSONL line order

	byID map[string]int
}

// New returns a corpus of docs. It fails with [ErrDuplicateID] when two
// documents share an ID and [ErrNoDocs] when docs is empty.
func New(name string, docs []Doc) (*Corpus, error) {
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrNoDocs)
	}
	c := &Corpus{Name: name, Docs: docs, byID: make(map[string]int, len(docs))}
	for i, d := range docs {
		if _, dup := c.byID[d.ID]; dup {
			return nil, fmt.Errorf("%s: %w %q", name, ErrDuplicateID, d.ID)
		}
		c.byID[d.ID] = i
	}
	return c, nil
}

// Doc returns the document with the given ID.
func (c *Corpus) Doc(id string) (Doc, bool) {
	i, ok := c.byID[id]
	if !ok {
		return Doc{}, false
	}
	return c.Docs[i], true
}

// Slice returns the text covered by s, reporting false when s is not
// within the text. It builds an [Index] each call; for many lookups in one
// document, build one with [NewIndex].
func (d Doc) Slice(s Span) (string, bool) { return NewIndex(d.Text).Slice(s) }
