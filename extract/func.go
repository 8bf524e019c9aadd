package extract

import (
	"context"

	"github.com/exbench/exbench/corpus"
)

// FromFunc returns an extractor named name, at version, that finds the
// mentions of a document with find, a function of its text alone, and
// sets their DocID. It suits rule-based extractors that hold no state;
// find must be safe for concurrent use. Extract returns ctx's error when
// ctx is done before it starts.
func FromFunc(name, version string, find func(text string) []corpus.Mention) Extractor {
	return funcExtractor{name, version, find}
}

type funcExtractor struct {
	name, version string
	find          func(string) []corpus.Mention
}

func (f funcExtractor) Name() string    { return f.name }
func (f funcExtractor) Version() string { return f.version }

func (f funcExtractor) Extract(ctx context.Context, doc corpus.Doc) ([]corpus.Mention, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ms := f.find(doc.Text)
	for i := range ms {
		ms[i].DocID = doc.ID
	}
	return ms, nil
}
