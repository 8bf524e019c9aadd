package extract

import (
	"context"
	"io"
	"time"

	"github.com/exbench/exbench/corpus"
)

// Result is what an extractor found in a corpus.
type Result struct {
	Name, Version string
	// Mentions holds each document's mentions, in corpus order.
	Mentions [][]corpus.Mention
	// Durations holds how long each document took, in corpus order.
	Durations []time.Duration
	Stats
}

// All returns every mention, in corpus order.
func (r *Result) All() []corpus.Mention {
	var ms []corpus.Mention
	for _, d := range r.Mentions {
		ms = append(ms, d...)
	}
	return ms
}

// Run extracts the mentions of every document of c with e: what [Stream]
// gives, collected. It returns no partial result.
func Run(ctx context.Context, e Extractor, c *corpus.Corpus, opts Options) (*Result, error) {
	r := &Result{Name: e.Name(), Version: e.Version()}
	st, err := Stream(ctx, e, c.All(), func(_ corpus.Doc, ms []corpus.Mention, took time.Duration) error {
		r.Mentions = append(r.Mentions, ms)
		r.Durations = append(r.Durations, took)
		return nil
	}, opts)
	if err != nil {
		return nil, err
	}
	r.Stats = st
	return r, nil
}

// Close closes e if it holds resources (an external process): it is a
// no-op for extractors that are not an io.Closer.
func Close(e Extractor) error {
	if c, ok := e.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
