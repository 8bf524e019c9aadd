package gold

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
)

// Annotated is a set of documents and their mentions read from a format
// that carries both: Prodigy-style JSONL ([jsonl.Read]), brat standoff
// ([brat.Read]) or a CoNLL file of one tag column ([conll.ReadTags]).
// Mention offsets are Unicode code points into the text of their own
// document in Docs.
type Annotated struct {
	Name     string           // the file or directory read, for messages
	Docs     []corpus.Doc     // in the order each reader documents
	Mentions []corpus.Mention // in file order, each with the Source it was read from

	// Skipped counts what the reader left out because the format says
	// so, not as an error: JSONL records answered "reject" or "ignore";
	// brat lines other than text-bound annotations and number notes
	// (relations, events, attributes, normalisations, other notes);
	// CoNLL chunks that a strict tag scheme drops as ill-formed.
	Skipped int
	// SkippedSpans counts JSONL spans answered "reject" or "ignore"
	// inside records that were read.
	SkippedSpans int
}

// In checks that the documents of a are documents of c, with the same
// texts, so that its mentions can be scored against c's: their offsets
// are into those texts.
func (a *Annotated) In(c *corpus.Corpus) error {
	for _, d := range a.Docs {
		cd, ok := c.Doc(d.ID)
		switch {
		case !ok:
			return fmt.Errorf("%s: document %q is not in corpus %s", a.Name, d.ID, c.Name)
		case cd.Text != d.Text:
			return fmt.Errorf("%s: the text of document %q differs from corpus %s", a.Name, d.ID, c.Name)
		}
	}
	return nil
}

// MentionsByDoc checks docs and ms for writing and returns the mentions
// of each document, sorted by [corpus.Compare], each with its Text set to
// the document's text at its span. It fails on a repeated document ID, an ID
// or text that is not UTF-8, a mention of no document in docs, a span
// outside its document, and a mention whose Text (when set) differs
// from the document's.
func MentionsByDoc(docs []corpus.Doc, ms []corpus.Mention) ([][]corpus.Mention, error) {
	var errs []error
	more := 0
	bad := func(format string, args ...any) {
		if len(errs) == corpus.MaxShown {
			more++
			return
		}
		errs = append(errs, fmt.Errorf("gold: "+format, args...))
	}
	index := make(map[string]int, len(docs))
	indexes := make([]*corpus.Index, len(docs))
	for i, d := range docs {
		if _, dup := index[d.ID]; dup {
			bad("document ID %q appears twice", d.ID)
			continue
		}
		if !utf8.ValidString(d.ID) || !utf8.ValidString(d.Text) {
			bad("document %q: ID or text is not valid UTF-8", d.ID)
		}
		index[d.ID] = i
		indexes[i] = corpus.NewIndex(d.Text)
	}
	groups := make([][]corpus.Mention, len(docs))
	for _, m := range ms {
		where := ""
		if s := m.Source.String(); s != "" {
			where = s + ": "
		}
		i, ok := index[m.DocID]
		if !ok {
			bad("%s%s %s %q: no document %q", where, m.Span, m.Label, m.Text, m.DocID)
			continue
		}
		text, ok := indexes[i].Slice(m.Span)
		switch {
		case !ok:
			bad("%s%s %s %q: span outside document %q (length %d)", where, m.Span, m.Label, m.Text, m.DocID, indexes[i].Len())
			continue
		case m.Text != "" && m.Text != text:
			bad("%s%s %s %q: document %q has %q there", where, m.Span, m.Label, m.Text, m.DocID, text)
			continue
		}
		m.Text = text
		groups[i] = append(groups[i], m)
	}
	if len(errs) > 0 {
		if more > 0 {
			errs = append(errs, fmt.Errorf("%d more", more))
		}
		return nil, errors.Join(errs...)
	}
	for _, g := range groups {
		corpus.Sort(g)
	}
	return groups, nil
}
