package extract

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/exbench/exbench/corpus"
)

// Stream runs e over the documents that each hands out, Workers at once,
// and calls emit with each document's mentions in the order the documents
// came, whatever order they finish in. At most twice Workers documents
// are held at a time, so memory grows with the largest documents, not
// with the corpus. Mentions are checked as [Run] checks them. Stream stops
// at the first error (each's, an extraction's, a check's or emit's) or
// when ctx is done, and returns it. It returns the time loading took
// (see [Loader]).
func Stream(ctx context.Context, e Extractor, each func(func(corpus.Doc) error) error, emit func(d corpus.Doc, ms []corpus.Mention, took time.Duration) error, opts Options) (time.Duration, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var load time.Duration
	if l, ok := e.(Loader); ok {
		t0 := time.Now()
		if err := l.Load(); err != nil {
			return 0, fmt.Errorf("extractor %s: %w", e.Name(), err)
		}
		load = time.Since(t0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		i int
		d corpus.Doc
	}
	type result struct {
		job
		ms   []corpus.Mention
		took time.Duration
		err  error
	}
	jobs := make(chan job)
	results := make(chan result, workers)
	tokens := make(chan struct{}, 2*workers) // documents held
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				t0 := time.Now()
				ms, err := e.Extract(ctx, j.d)
				if err == nil {
					err = check(j.d, ms)
				}
				if err != nil {
					err = fmt.Errorf("extractor %s: document %q: %w", e.Name(), j.d.ID, err)
				}
				results <- result{j, ms, time.Since(t0), err}
			}
		}()
	}
	feedErr := make(chan error, 1)
	go func() {
		i := 0
		err := each(func(d corpus.Doc) error {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{i, d}:
				i++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		close(jobs)
		feedErr <- err
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := map[int]result{}
	next := 0
	var firstErr error
	for r := range results {
		if firstErr != nil {
			continue // drain
		}
		if r.err != nil {
			firstErr = r.err
			cancel()
			continue
		}
		pending[r.i] = r
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-tokens
			if err := emit(p.d, p.ms, p.took); err != nil {
				firstErr = err
				cancel()
				break
			}
		}
	}
	if err := <-feedErr; firstErr == nil && err != nil {
		firstErr = err
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return load, firstErr
}
