package prose

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/exbench/exbench/corpus"
	prose "github.com/jdkato/prose/v2"
)

// Version names the prose release and its model, and this package's
// label map and alignment; it changes whenever the output could. The fast
// path (issue 17) gives output identical to prose's own pipeline, so the
// version stays "prose-v2.0.0/en-v2.0.0/map1".
const Version = "prose-v2.0.0/en-v2.0.0/map1"

// labels maps prose's entity labels to OntoNotes.
var labels = map[string]corpus.Label{
	"PERSON":       corpus.PERSON,
	"GPE":          corpus.GPE,
	"GSP":          corpus.GPE,
	"ORGANIZATION": corpus.ORG,
	"LOCATION":     corpus.LOC,
	"FACILITY":     corpus.FAC,
}

// Extractor finds named entities with prose. It is safe for concurrent
// use: all calls share one model, which is only read.
type Extractor struct {
	raw bool
	ref bool // run prose's own pipeline
}

// NewRaw returns the prose extractor that keeps prose's own labels
// (ORGANIZATION, GSP, ...), every one of them, for scoring with a label
// map such as exbench's built-in "prose" map; it is named prose-raw.
func NewRaw() *Extractor { return &Extractor{raw: true} }

// New returns the prose extractor. The model loads on first use.
func New() *Extractor { return &Extractor{} }

// Reference returns an extractor like e (same name, version, labels and
// output) that runs prose's own pipeline, prose.NewDocument, instead of
// this package's reimplementation of it: fifty to a hundred times slower,
// it is there to compare against. Where prose panics, it returns an error.
func (e *Extractor) Reference() *Extractor { return &Extractor{raw: e.raw, ref: true} }

// Name returns "prose", or "prose-raw" for [NewRaw].
func (e *Extractor) Name() string {
	if e.raw {
		return "prose-raw"
	}
	return "prose"
}

// Version returns [Version].
func (*Extractor) Version() string { return Version }

var (
	loadOnce sync.Once
	model    *prose.Model
	loadErr  error
)

// Model loads prose's own model, once per process: the reference
// pipeline's (see [Extractor.Reference]); the fast path loads prose's model
// data in its own form, once per process too.
func Model() (*prose.Model, error) {
	loadOnce.Do(func() { model, loadErr = load() })
	return model, loadErr
}

// load builds the default model; prose panics when its embedded model
// cannot be decoded, and that panic becomes an error here.
func load() (m *prose.Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("prose: loading the model: %v", r)
		}
	}()
	doc, err := prose.NewDocument("", prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("prose: loading the model: %w", err)
	}
	return doc.Model, nil
}

// Load loads the model, if it is not loaded yet.
func (e *Extractor) Load() error {
	if e.ref {
		_, err := Model()
		return err
	}
	_, err := fastModelOnce()
	return err
}

// Extract returns the entities prose finds in doc whose labels map to
// OntoNotes.
func (e *Extractor) Extract(ctx context.Context, doc corpus.Doc) ([]corpus.Mention, error) {
	if err := e.Load(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if e.ref || len(doc.Text) > maxFast {
		words, ents, err := referenceEntities(doc.Text)
		if err != nil {
			return nil, err
		}
		c, pos := clean(doc.Text)
		return e.mentions(doc, c, pos, words, ents)
	}
	m, err := fastModelOnce()
	if err != nil {
		return nil, err
	}
	s := scratchPool.Get().(*scratch)
	defer func() {
		if len(doc.Text) > maxKept {
			s.shrink()
		}
		scratchPool.Put(s)
	}()
	c, pos := s.clean(doc.Text)
	words, ents, err := m.entities(s, c)
	if err != nil {
		return nil, fmt.Errorf("prose: %w", err)
	}
	return e.mentions(doc, c, pos, words, ents)
}

// maxFast is the longest text the fast path takes: it counts bytes in
// int32; a longer one goes through prose's own pipeline.
const maxFast = 1 << 30

// mentions aligns prose's entities, found in c, the text of doc as clean
// gives it with pos, and keeps those whose labels map to OntoNotes (all
// of them for prose-raw).
func (e *Extractor) mentions(doc corpus.Doc, c string, pos []int, words []string, ents []entity) ([]corpus.Mention, error) {
	spans, err := alignClean(c, pos, words, ents)
	if err != nil {
		return nil, err
	}
	x := corpus.NewIndex(doc.Text)
	var out []corpus.Mention
	for i, en := range ents {
		l, ok := labels[en.label]
		if e.raw {
			l, ok = corpus.Label(en.label), true
		}
		if !ok {
			continue
		}
		text, _ := x.Slice(spans[i])
		out = append(out, corpus.Mention{DocID: doc.ID, Span: spans[i], Label: l, Text: text})
	}
	return out, nil
}

// entity is an entity as prose gives it: its tokens joined by spaces.
type entity struct {
	text, label string
}

// referenceEntities runs prose's own pipeline on text: its tokens' texts
// and its entities. A panic in prose becomes an error.
func referenceEntities(text string) (words []string, ents []entity, err error) {
	pd, err := referenceDocument(text)
	if err != nil {
		return nil, nil, err
	}
	words, ents = documentEntities(pd)
	return words, ents, nil
}

// documentEntities is the tokens' texts and the entities of pd.
func documentEntities(pd *prose.Document) (words []string, ents []entity) {
	tokens := pd.Tokens()
	words = make([]string, len(tokens))
	for i, t := range tokens {
		words[i] = t.Text
	}
	for _, en := range pd.Entities() {
		ents = append(ents, entity{text: en.Text, label: en.Label})
	}
	return words, ents
}

// referenceDocument is prose.NewDocument as this package calls it, with
// a panic as an error.
func referenceDocument(text string) (pd *prose.Document, err error) {
	m, err := Model()
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			pd, err = nil, fmt.Errorf("prose: panic: %v", r)
		}
	}()
	pd, err = prose.NewDocument(text, prose.UsingModel(m), prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("prose: %w", err)
	}
	return pd, nil
}

// entities runs the fast path on c, the text as clean gives it: its
// tokens' texts and its entities, in s.
func (m *fastModel) entities(s *scratch, c string) ([]string, []entity, error) {
	r, err := m.analyse(s, c, false)
	if err != nil {
		return nil, nil, err
	}
	s.ents = s.ents[:0]
	for _, en := range r.ents {
		text := r.words[en.start]
		if en.end-en.start > 1 {
			text = strings.Join(r.words[en.start:en.end], " ")
		}
		s.ents = append(s.ents, entity{text: text, label: en.label})
	}
	return r.words, s.ents, nil
}

// straighten is the replacement prose's tokenizer makes before it splits
// the text; its tokens are substrings of the result.
var straighten = []struct{ from, to string }{
	{"\u201c", `"`}, {"\u201d", `"`}, {"\u2018", "'"}, {"\u2019", "'"}, {"&rsquo;", "'"},
}

// clean returns text as prose's tokenizer sees it, and for each byte
// offset of it (and its end) the code-point offset in text.
func clean(text string) (string, []int) {
	b, pos := cleanAppend(make([]byte, 0, len(text)), make([]int, 0, len(text)+1), text)
	return string(b), pos
}

// clean is clean with the scratch's buffers.
func (s *scratch) clean(text string) (string, []int) {
	s.cleanBuf, s.pos = cleanAppend(s.cleanBuf[:0], s.pos[:0], text)
	return string(s.cleanBuf), s.pos
}

// cleanAppend is clean appending to b and pos.
func cleanAppend(b []byte, pos []int, text string) ([]byte, []int) {
	cp := 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '&' {
			b = append(b, c)
			pos = append(pos, cp)
			i++
			cp++
			continue
		}
		replaced := false
		for _, r := range straighten {
			if strings.HasPrefix(text[i:], r.from) {
				b = append(b, r.to...)
				for range len(r.to) {
					pos = append(pos, cp)
				}
				i += len(r.from)
				cp += utf8.RuneCountInString(r.from)
				replaced = true
				break
			}
		}
		if replaced {
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		b = append(b, text[i:i+size]...)
		for range size {
			pos = append(pos, cp)
		}
		i += size
		cp++
	}
	pos = append(pos, cp)
	return b, pos
}

// align finds the code-point span of each entity in text. words are
// prose's tokens in order; an entity is a run of consecutive tokens whose
// texts, joined by single spaces, are the entity's text.
func align(text string, words []string, ents []entity) ([]corpus.Span, error) {
	c, pos := clean(text)
	return alignClean(c, pos, words, ents)
}

// alignClean is align on the text as clean gives it.
func alignClean(c string, pos []int, words []string, ents []entity) ([]corpus.Span, error) {
	// Find each token, searching forward.
	starts := make([]int, len(words))
	ends := make([]int, len(words))
	at := 0
	for i, w := range words {
		j := strings.Index(c[at:], w)
		if j < 0 {
			return nil, fmt.Errorf("prose: token %d %q not found in the text after byte %d", i, w, at)
		}
		starts[i], ends[i] = at+j, at+j+len(w)
		at = ends[i]
	}
	// Find each entity's run of tokens, in order.
	spans := make([]corpus.Span, len(ents))
	next := 0
	for k, en := range ents {
		n := strings.Count(en.text, " ") + 1
		found := false
		for i := next; i+n <= len(words); i++ {
			if joinedEqual(words[i:i+n], en.text) {
				spans[k] = corpus.Span{Start: pos[starts[i]], End: pos[ends[i+n-1]]}
				next = i + n
				found = true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("prose: entity %q not found among the tokens", en.text)
		}
	}
	return spans, nil
}

// joinedEqual is strings.Join(words, " ") == s, without the join.
func joinedEqual(words []string, s string) bool {
	for k, w := range words {
		if k > 0 {
			if s == "" || s[0] != ' ' {
				return false
			}
			s = s[1:]
		}
		if !strings.HasPrefix(s, w) {
			return false
		}
		s = s[len(w):]
	}
	return s == ""
}
