package gold

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
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
	// Unnamed lists, by index in Docs, the documents whose ID the reader
	// made up because the file gives none (JSONL records without an ID,
	// named "line-N"); [Annotated.Match] finds them in a corpus by text.
	Unnamed []int
}

// Match checks that the documents of a are documents of c, with the
// same texts, so that its mentions can be scored against c's: their
// offsets are into those texts. A document in Unnamed takes the ID of
// the document of c with its text, and its mentions with it, when one
// has it; a text that several documents of c have is an error, which
// asks for the ID in the file.
func (a *Annotated) Match(c *corpus.Corpus) error {
	if len(a.Unnamed) > 0 {
		if err := a.name(c); err != nil {
			return err
		}
	}
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

// name gives the unnamed documents of a the IDs of the documents of c
// with their texts.
func (a *Annotated) name(c *corpus.Corpus) error {
	byText := map[string][]string{}
	for _, d := range c.Docs {
		byText[d.Text] = append(byText[d.Text], d.ID)
	}
	ids := map[string]string{}   // made-up ID to corpus ID
	taken := map[string]string{} // corpus ID to made-up ID
	for _, i := range a.Unnamed {
		d := &a.Docs[i]
		switch found := byText[d.Text]; len(found) {
		case 0:
			return fmt.Errorf("%s: %s has no ID, and no document of corpus %s has its text", a.Name, unnamed(d.ID), c.Name)
		case 1:
			if other, ok := taken[found[0]]; ok {
				return fmt.Errorf("%s: %s and %s have no ID and the same text, that of document %q of corpus %s; give the records an \"id\"", a.Name, unnamed(other), unnamed(d.ID), found[0], c.Name)
			}
			taken[found[0]] = d.ID
			ids[d.ID] = found[0]
			d.ID = found[0]
		default:
			return fmt.Errorf("%s: %s has no ID, and %d documents of corpus %s have its text (%s); give the record an \"id\"", a.Name, unnamed(d.ID), len(found), c.Name, strings.Join(found[:min(len(found), 3)], ", "))
		}
	}
	for i := range a.Mentions {
		if id, ok := ids[a.Mentions[i].DocID]; ok {
			a.Mentions[i].DocID = id
		}
	}
	return nil
}

// unnamed names a document whose ID was made up ("line-3") for messages.
func unnamed(id string) string {
	if n, ok := strings.CutPrefix(id, "line-"); ok {
		return "the record on line " + n
	}
	return "document " + strconv.Quote(id)
}

// MentionsByDoc checks docs and ms for writing and returns the mentions
// of each document, sorted by [corpus.Compare], each with its Text set to
// the document's text at its span. It fails on a repeated document ID, an ID
// or text that is not UTF-8, a mention of no document in docs, a span
// outside its document, a mention whose Text (when set) differs from the
// document's, and a mention without offsets ([corpus.NoSpan]) unless
// unplaced allows them (a format that can hold a mention by its text).
func MentionsByDoc(docs []corpus.Doc, ms []corpus.Mention, unplaced bool) ([][]corpus.Mention, error) {
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
		if !m.Span.Placed() { // given by its text: nothing to check it against
			if !unplaced {
				bad("%s%s %q: no offsets, which this format needs", where, m.Label, m.Text)
				continue
			}
			groups[i] = append(groups[i], m)
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
