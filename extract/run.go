package extract

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/exbench/exbench/corpus"
)

// Options configures [Run]. The zero Options is the default.
type Options struct {
	// Workers is how many documents are extracted at once; 0 means
	// GOMAXPROCS.
	Workers int
	// Progress, when set, is called after each document with the number
	// done and the total. Calls come from one goroutine at a time.
	Progress func(done, total int)
}

// Result is what an extractor found in a corpus.
type Result struct {
	Name, Version string
	// Mentions holds each document's mentions, in corpus order.
	Mentions [][]corpus.Mention
	// Durations holds how long each document took, in corpus order.
	Durations []time.Duration
	// Load is how long the extractor took to get ready (a model to
	// load) before the first document; Wall is the time the documents
	// took after that, and Bytes the size of their texts, for throughput.
	Load  time.Duration
	Wall  time.Duration
	Bytes int64
}

// Loader is an extractor that has something to get ready before its
// first document, such as a model to load. [Run] calls Load before it
// starts the clock on the documents, so throughput does not include it.
type Loader interface {
	Load() error
}

// All returns every mention, in corpus order.
func (r *Result) All() []corpus.Mention {
	var ms []corpus.Mention
	for _, d := range r.Mentions {
		ms = append(ms, d...)
	}
	return ms
}

// Run extracts the mentions of every document of c with e, using a pool
// of workers. Results are stored by document index, so the order in which
// documents finish never shows. Each mention is checked against its
// document: a span outside the text or a Text that differs from it is an
// error naming the extractor and the document. Run stops at the first
// error, or when ctx is done, and returns it; it returns no partial
// result.
func Run(ctx context.Context, e Extractor, c *corpus.Corpus, opts Options) (*Result, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(c.Docs))
	r := &Result{
		Name:      e.Name(),
		Version:   e.Version(),
		Mentions:  make([][]corpus.Mention, len(c.Docs)),
		Durations: make([]time.Duration, len(c.Docs)),
	}
	for _, d := range c.Docs {
		r.Bytes += int64(len(d.Text))
	}
	if l, ok := e.(Loader); ok {
		t0 := time.Now()
		if err := l.Load(); err != nil {
			return nil, fmt.Errorf("extractor %s: %w", e.Name(), err)
		}
		r.Load = time.Since(t0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	start := time.Now()
	jobs := make(chan int)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		done     int
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
		cancel()
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				d := c.Docs[i]
				t0 := time.Now()
				ms, err := e.Extract(ctx, d)
				if err == nil {
					err = check(d, ms)
				}
				if err != nil {
					fail(fmt.Errorf("extractor %s: document %q: %w", e.Name(), d.ID, err))
					continue
				}
				r.Mentions[i] = ms
				r.Durations[i] = time.Since(t0)
				if opts.Progress != nil {
					mu.Lock()
					done++
					opts.Progress(done, len(c.Docs))
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range c.Docs {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	r.Wall = time.Since(start)
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return r, nil
}

// check verifies that every mention of d lies within its text, and fills
// in DocID and an empty Text.
func check(d corpus.Doc, ms []corpus.Mention) error {
	var x *corpus.Index
	for i := range ms {
		m := &ms[i]
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

// Close closes e if it holds resources (an external process): it is a
// no-op for extractors that are not an io.Closer.
func Close(e Extractor) error {
	if c, ok := e.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
