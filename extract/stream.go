package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/exbench/exbench/corpus"
	"golang.org/x/sync/errgroup"
)

// Options configures [Stream] and [Run]. The zero Options is the default.
type Options struct {
	// Workers is how many documents are extracted at once; 0 means
	// GOMAXPROCS.
	Workers int
	// Progress, when set, is called after each document with the number
	// done so far. Calls come from one goroutine at a time.
	Progress func(done int)
}

// Stats describes a run of an extractor over a corpus.
type Stats struct {
	// Load is how long the extractor took to get ready (a model to
	// load) before the first document; Wall is the time the documents
	// took after that.
	Load, Wall time.Duration
	Docs       int   // documents extracted
	Bytes      int64 // the size of their texts
	Mentions   int   // mentions found, less those dropped
	// Duplicates is how many mentions were dropped for having the span
	// and label of an earlier mention of the same document.
	Duplicates int
	Workers    int // documents extracted at once, at most
	// Fingerprint is the SHA-256 of the documents' IDs and texts, in
	// order, each followed by a NUL byte, as "sha256:HEX": two runs
	// with the same fingerprint read the same documents.
	Fingerprint string
}

// Loader is an extractor that has something to get ready before its
// first document, such as a model to load. [Stream] calls Load before it
// starts the clock on the documents, so throughput does not include it.
type Loader interface {
	Load() error
}

// Stream runs e over docs with a pool of workers and calls emit with each
// document's mentions in the order the documents came, whatever order
// they finish in, with the time the document took. At most twice Workers
// documents are held at a time, so memory grows with the largest
// documents, not with the corpus.
//
// Each mention is checked against its document: a span outside the text
// or a Text that differs from it is an error naming the extractor and the
// document; an empty Text is filled in. Stream stops at the first error
// (an extraction's, a check's or emit's), or when ctx is done, and
// returns it. A problem that docs gives for a document is not extracted
// around: the rest is read, and every such problem is returned, joined.
func Stream(ctx context.Context, e Extractor, docs iter.Seq2[corpus.Doc, error], emit func(d corpus.Doc, ms []corpus.Mention, took time.Duration) error, opts Options) (Stats, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	st := Stats{Workers: workers}
	if l, ok := e.(Loader); ok {
		t0 := time.Now()
		if err := l.Load(); err != nil {
			return st, fmt.Errorf("extractor %s: %w", e.Name(), err)
		}
		st.Load = time.Since(t0)
	}
	start := time.Now()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(workers)
	var (
		mu      sync.Mutex
		pending = map[int]done{}
		next    int
		failed  bool // emit failed: no more calls
		fp      = sha256.New()
	)
	size := 1 // documents a request
	batcher, _ := e.(Batcher)
	if batcher != nil {
		size = max(batcher.BatchSize(), 1)
	}
	held := make(chan struct{}, 2*workers*size) // documents held, in flight or waiting their turn
	var problems []error
	i := 0
	// launch extracts a batch of documents, the first at position at.
	launch := func(batch []corpus.Doc, at int) {
		g.Go(func() error {
			t0 := time.Now()
			out, err := extractBatch(gctx, e, batcher, batch)
			took := time.Since(t0) / time.Duration(len(batch))
			if err != nil {
				return err
			}
			results := make([]done, len(batch))
			for k, d := range batch {
				if err := check(d, out[k]); err != nil {
					return docError(e, d, err)
				}
				ms, dups := dropDuplicates(out[k])
				results[k] = done{d, ms, dups, took}
			}
			mu.Lock()
			defer mu.Unlock()
			for k, r := range results {
				pending[at+k] = r
			}
			for !failed {
				p, ok := pending[next]
				if !ok {
					return nil
				}
				delete(pending, next)
				next++
				<-held
				st.count(fp, p.d, p.ms)
				st.Duplicates += p.dups
				if err := emit(p.d, p.ms, p.took); err != nil {
					failed = true
					return err
				}
				if opts.Progress != nil {
					opts.Progress(st.Docs)
				}
			}
			return nil
		})
	}
	var batch []corpus.Doc
feed:
	for d, err := range docs {
		if err != nil {
			problems = append(problems, err)
			continue
		}
		select {
		case held <- struct{}{}:
		case <-gctx.Done():
			batch = nil
			break feed
		}
		batch = append(batch, d)
		if len(batch) == size {
			launch(batch, i)
			i += len(batch)
			batch = nil
		}
	}
	if len(batch) > 0 {
		launch(batch, i)
	}
	err := g.Wait()
	st.Wall = time.Since(start)
	st.Fingerprint = "sha256:" + hex.EncodeToString(fp.Sum(nil))
	st.Workers = min(workers, st.Docs)
	switch {
	case err != nil:
		return st, err
	case ctx.Err() != nil:
		return st, ctx.Err()
	case len(problems) > 0:
		return st, corpus.Join(problems...)
	}
	return st, nil
}

// Batcher is an extractor that works on several documents at once, such
// as a program whose model runs faster on batches: [Stream] hands it
// BatchSize documents a call, consecutive in corpus order.
type Batcher interface {
	Extractor
	BatchSize() int
	// ExtractBatch returns the mentions of each of docs, in order.
	ExtractBatch(ctx context.Context, docs []corpus.Doc) ([][]corpus.Mention, error)
}

// extractBatch extracts docs with b when it takes batches, else one by
// one with e; an error names the extractor and the document.
func extractBatch(ctx context.Context, e Extractor, b Batcher, docs []corpus.Doc) ([][]corpus.Mention, error) {
	if b == nil || b.BatchSize() <= 1 {
		out := make([][]corpus.Mention, len(docs))
		for k, d := range docs {
			ms, err := e.Extract(ctx, d)
			if err != nil {
				return nil, docError(e, d, err)
			}
			out[k] = ms
		}
		return out, nil
	}
	out, err := b.ExtractBatch(ctx, docs)
	var named interface{ Extractor() (name, docID string) }
	switch {
	case err != nil && errors.As(err, &named):
		if name, _ := named.Extractor(); name == e.Name() {
			return nil, err // it names the document of the batch it is about
		}
		return nil, docError(e, docs[0], err)
	case err != nil:
		return nil, docError(e, docs[0], err)
	}
	if len(out) != len(docs) {
		return nil, fmt.Errorf("extractor %s: %d answers for a batch of %d documents", e.Name(), len(out), len(docs))
	}
	return out, nil
}

// docError returns err, from extracting d with e, prefixed with the
// extractor's name and the document's ID, unless err names both already
// (as the errors of package external do, by a method Extractor).
func docError(e Extractor, d corpus.Doc, err error) error {
	var named interface{ Extractor() (name, docID string) }
	if errors.As(err, &named) {
		if name, id := named.Extractor(); name == e.Name() && id == d.ID {
			return err
		}
	}
	return fmt.Errorf("extractor %s: document %q: %w", e.Name(), d.ID, err)
}

// done is an extracted document waiting for its turn.
type done struct {
	d    corpus.Doc
	ms   []corpus.Mention
	dups int // duplicates dropped
	took time.Duration
}

// dropDuplicates drops every mention with the span and label of an
// earlier one, keeping the order, and returns what is left and how many
// were dropped. A file with duplicates is not valid gold or predictions.
// Mentions without offsets are kept: a name given twice is two mentions,
// placed at two occurrences when scored ([corpus.Align]).
func dropDuplicates(ms []corpus.Mention) ([]corpus.Mention, int) {
	if len(ms) < 2 {
		return ms, 0
	}
	type key struct {
		span  corpus.Span
		label corpus.Label
	}
	seen := make(map[key]bool, len(ms))
	var kept []corpus.Mention // nil until a duplicate is found
	for i, m := range ms {
		k := key{m.Span, m.Label}
		if seen[k] && m.Span.Placed() {
			if kept == nil { // the first duplicate: copy what came before it
				kept = append(make([]corpus.Mention, 0, len(ms)-1), ms[:i]...)
			}
			continue
		}
		seen[k] = true
		if kept != nil {
			kept = append(kept, m)
		}
	}
	if kept == nil {
		return ms, 0
	}
	return kept, len(ms) - len(kept)
}

// count adds a document to the stats and the fingerprint.
func (st *Stats) count(fp hash.Hash, d corpus.Doc, ms []corpus.Mention) {
	io.WriteString(fp, d.ID)
	fp.Write([]byte{0})
	io.WriteString(fp, d.Text)
	fp.Write([]byte{0})
	st.Docs++
	st.Bytes += int64(len(d.Text))
	st.Mentions += len(ms)
}

// check verifies that every mention of d lies within its text, or has
// no offsets and a text ([corpus.NoSpan]), and fills in DocID and an
// empty Text.
func check(d corpus.Doc, ms []corpus.Mention) error {
	var x *corpus.Index
	for i := range ms {
		m := &ms[i]
		if !m.Span.Placed() {
			if m.Text == "" {
				return fmt.Errorf("mention %d: no offsets and no text", i)
			}
			if m.DocID == "" {
				m.DocID = d.ID
			} else if m.DocID != d.ID {
				return fmt.Errorf("mention %d: doc_id %q", i, m.DocID)
			}
			continue
		}
		if x == nil {
			x = corpus.NewIndex(d.Text)
		}
		text, ok := x.Slice(m.Span)
		if !ok || m.Span.Len() <= 0 {
			return fmt.Errorf("mention %d: span %s is not within the text (length %d)", i, m.Span, x.Len())
		}
		if m.DocID == "" {
			m.DocID = d.ID
		} else if m.DocID != d.ID {
			return fmt.Errorf("mention %d: doc_id %q", i, m.DocID)
		}
		if m.Text == "" {
			m.Text = text
		} else if m.Text != text {
			return fmt.Errorf("mention %d: text %q, but the document has %q at %s", i, m.Text, text, m.Span)
		}
	}
	return nil
}
