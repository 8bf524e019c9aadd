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
// label map and alignment; it changes whenever the output could.
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
// use: all calls share one model, which prose only reads.
type Extractor struct {
	raw bool
}

// NewRaw returns the prose extractor that keeps prose's own labels
// (ORGANIZATION, GSP, ...), every one of them, for scoring with a label
// map such as exbench's built-in "prose" map; it is named prose-raw.
func NewRaw() *Extractor { return &Extractor{raw: true} }

// New returns the prose extractor. The model loads on first use.
func New() *Extractor { return &Extractor{} }

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

// Model loads prose's model, once per process.
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
func (*Extractor) Load() error {
	_, err := Model()
	return err
}

// Extract returns the entities prose finds in doc whose labels map to
// OntoNotes.
func (e *Extractor) Extract(ctx context.Context, doc corpus.Doc) ([]corpus.Mention, error) {
	m, err := Model()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	pd, err := prose.NewDocument(doc.Text, prose.UsingModel(m), prose.WithSegmentation(false))
	if err != nil {
		return nil, fmt.Errorf("prose: %w", err)
	}
	tokens := pd.Tokens()
	words := make([]string, len(tokens))
	for i, t := range tokens {
		words[i] = t.Text
	}
	var ents []entity
	for _, en := range pd.Entities() {
		ents = append(ents, entity{text: en.Text, label: en.Label})
	}
	spans, err := align(doc.Text, words, ents)
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

// straighten is the replacement prose's tokenizer makes before it splits
// the text; its tokens are substrings of the result.
var straighten = []struct{ from, to string }{
	{"\u201c", `"`}, {"\u201d", `"`}, {"\u2018", "'"}, {"\u2019", "'"}, {"&rsquo;", "'"},
}

// clean returns text as prose's tokenizer sees it, and for each byte
// offset of it (and its end) the code-point offset in text.
func clean(text string) (string, []int) {
	var b strings.Builder
	pos := make([]int, 0, len(text)+1)
	cp := 0
	for i := 0; i < len(text); {
		replaced := false
		for _, r := range straighten {
			if strings.HasPrefix(text[i:], r.from) {
				b.WriteString(r.to)
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
		b.WriteString(text[i : i+size])
		for range size {
			pos = append(pos, cp)
		}
		i += size
		cp++
	}
	pos = append(pos, cp)
	return b.String(), pos
}

// align finds the code-point span of each entity in text. words are
// prose's tokens in order; an entity is a run of consecutive tokens whose
// texts, joined by single spaces, are the entity's text.
func align(text string, words []string, ents []entity) ([]corpus.Span, error) {
	c, pos := clean(text)
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
			if strings.Join(words[i:i+n], " ") == en.text {
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
