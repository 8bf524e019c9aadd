package extract

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// Combine returns one extractor that runs each of es on a document and
// merges their mentions. Where mentions overlap, the longer span wins
// (more characters), and between spans of one length the extractor
// listed first; the losers are dropped, so the result never overlaps. Its
// name joins the names with "+", its version joins "name@version".
func Combine(es ...Extractor) Extractor { return combined(es) }

type combined []Extractor

func (c combined) Name() string {
	names := make([]string, len(c))
	for i, e := range c {
		names[i] = e.Name()
	}
	return strings.Join(names, "+")
}

func (c combined) Version() string {
	vs := make([]string, len(c))
	for i, e := range c {
		vs[i] = e.Name() + "@" + e.Version()
	}
	return strings.Join(vs, "+")
}

func (c combined) Extract(ctx context.Context, doc corpus.Doc) ([]corpus.Mention, error) {
	type ranked struct {
		m    corpus.Mention
		rank int
	}
	var all []ranked
	for i, e := range c {
		ms, err := e.Extract(ctx, doc)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			all = append(all, ranked{m, i})
		}
	}
	// Most preferred first: longer, then earlier extractor, then earlier
	// position.
	slices.SortStableFunc(all, func(a, b ranked) int {
		if d := b.m.Span.Len() - a.m.Span.Len(); d != 0 {
			return d
		}
		if d := a.rank - b.rank; d != 0 {
			return d
		}
		return a.m.Span.Start - b.m.Span.Start
	})
	var kept []corpus.Mention
	for _, r := range all {
		if !slices.ContainsFunc(kept, func(k corpus.Mention) bool { return k.Span.Overlaps(r.m.Span) }) {
			kept = append(kept, r.m)
		}
	}
	slices.SortFunc(kept, corpus.Compare)
	return kept, nil
}

// Load loads every extractor that has something to load.
func (c combined) Load() error {
	for _, e := range c {
		if l, ok := e.(Loader); ok {
			if err := l.Load(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Close closes every extractor that holds resources.
func (c combined) Close() error {
	var errs []error
	for _, e := range c {
		errs = append(errs, Close(e))
	}
	return errors.Join(errs...)
}
