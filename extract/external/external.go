package external

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/extract"
)

// Defaults for the fields of [Config] left empty.
const (
	DefaultName    = "external"
	DefaultVersion = "unknown"
	DefaultTimeout = 30 * time.Second
	// DefaultLoadTimeout is how long a copy of the program may take to
	// load before its first answer or its {"ready": true}.
	DefaultLoadTimeout = 5 * time.Minute
)

// Grace is how long [Extractor.Close] waits for the program to exit after
// closing its stdin before killing it, and how long an extractor waits for
// a program that closed its stdout to exit.
const Grace = 5 * time.Second

// MaxLine is the longest answer line, in bytes, that an [Extractor] reads.
const MaxLine = 64 << 20

// Config says which program to run and how. Only Command is required.
type Config struct {
	// Command is the program and its arguments, such as
	// `python3 ner.py --model "en core"`. It is split into words as a
	// shell would split it, with single quotes, double quotes and
	// backslash escapes, but is run without a shell: no variables, globs,
	// pipes or redirections, and an unquoted | & ; < > or ` is an error.
	// A program name without a slash is looked for in $PATH; a relative
	// path is relative to Dir.
	Command string
	// Shell runs Command with sh -c instead of splitting it, for pipes,
	// redirections, variables and the like.
	Shell bool
	// Name names the extractor in reports and messages. Default
	// [DefaultName], "external".
	Name string
	// Version is written into every output and should change whenever
	// the program's output could change (its code, model, data).
	// Default [DefaultVersion], "unknown".
	Version string
	// Timeout is the longest wait for the answer to one document, from
	// when it is sent. Default [DefaultTimeout], 30s; a negative timeout is
	// an error.
	Timeout time.Duration
	// Dir is the program's working directory. Default: the current one.
	Dir string
	// Copies is how many copies of the program to run, each serving one
	// document at a time, for as many documents at once. Default 1.
	Copies int
	// Batch, above 1, sends a copy that many documents in one request line,
	// {"batch": [{"doc_id": ..., "text": ...}, ...]}, which it answers with
	// one line a document, in order: for models that work faster on
	// batches (spaCy's nlp.pipe, a GPU model). [extract.Stream] makes the
	// batches. Default 1: one document a request, no "batch".
	Batch int
	// Ready says that the program prints {"ready": true} on a line of its
	// own once it has loaded, before reading any document; [Extractor.Load]
	// waits for it. A program may print it without Ready, and it is then
	// skipped.
	Ready bool
	// LoadTimeout is the longest wait for a copy to get ready: for its
	// {"ready": true} with Ready, else added to Timeout for its first
	// answer. Default [DefaultLoadTimeout].
	LoadTimeout time.Duration
	// Map, when not nil, is the label map the program's mentions will be
	// scored through: a label is accepted when it is an OntoNotes label
	// or one Map maps to an OntoNotes label or drops. Mentions keep the
	// program's labels; mapping them is the scorer's job, as for files.
	Map *corpus.LabelMap
}

// Extractor runs a program as an extractor (see the package documentation
// for the protocol): Config.Copies copies of it, each serving one document
// at a time. It is safe for concurrent use; calls to Extract beyond the
// number of copies wait for one to be free.
type Extractor struct {
	name, version string
	ready         bool
	batch         int
	procs         []*process
	idle          chan *process // the copies not serving a document

	mu     sync.Mutex
	dead   error // the first failure: every later Extract returns it
	closed bool
}

var (
	_ extract.Extractor = (*Extractor)(nil)
	_ extract.Loader    = (*Extractor)(nil)
	_ io.Closer         = (*Extractor)(nil)
)

// New checks cfg and returns an extractor for it. The programs are
// started by [Extractor.Load], or else as documents come; call
// [Extractor.Close] when done with the extractor.
func New(cfg Config) (*Extractor, error) {
	if strings.TrimSpace(cfg.Command) == "" {
		return nil, errors.New("external: empty command")
	}
	switch {
	case cfg.Timeout < 0:
		return nil, fmt.Errorf("external: negative timeout %v", cfg.Timeout)
	case cfg.LoadTimeout < 0:
		return nil, fmt.Errorf("external: negative load timeout %v", cfg.LoadTimeout)
	case cfg.Copies < 0:
		return nil, fmt.Errorf("external: %d copies", cfg.Copies)
	case cfg.Batch < 0:
		return nil, fmt.Errorf("external: batches of %d documents", cfg.Batch)
	}
	argv := []string{"sh", "-c", cfg.Command}
	if !cfg.Shell {
		words, err := splitWords(cfg.Command)
		if err != nil {
			return nil, fmt.Errorf("external: command %q: %w", cfg.Command, err)
		}
		if words[0] == "" {
			return nil, fmt.Errorf("external: command %q: empty program name", cfg.Command)
		}
		argv = words
	}
	copies := cmp.Or(cfg.Copies, 1)
	e := &Extractor{
		name:    cmp.Or(cfg.Name, DefaultName),
		version: cmp.Or(cfg.Version, DefaultVersion),
		ready:   cfg.Ready,
		batch:   max(cfg.Batch, 1),
		idle:    make(chan *process, copies),
	}
	for range copies {
		p := &process{
			name:    e.name,
			argv:    argv,
			dir:     cfg.Dir,
			timeout: cmp.Or(cfg.Timeout, DefaultTimeout),
			load:    cmp.Or(cfg.LoadTimeout, DefaultLoadTimeout),
			grace:   Grace,
			labels:  cfg.Map,
		}
		e.procs = append(e.procs, p)
		e.idle <- p
	}
	return e, nil
}

// Load starts every copy of the program. With Config.Ready it waits, up
// to Config.LoadTimeout, for each to say {"ready": true}, so that the
// time a model takes to load is Load's and not the first document's.
func (e *Extractor) Load() error {
	errs := make([]error, len(e.procs))
	var wg sync.WaitGroup
	for i, p := range e.procs {
		wg.Go(func() {
			if e.ready {
				_, errs[i] = p.ready()
				return
			}
			p.mu.Lock()
			errs[i] = p.startOnce()
			p.mu.Unlock()
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			e.setDead(err)
			return err
		}
	}
	return nil
}

// Extract sends doc to a free copy of the program and returns the
// mentions of its answer, sorted by start, with DocID set and Text filled
// in.
//
// Every failure is an [*Error], after which the extractor is dead: the
// copy that failed has been killed with its process group, and every
// later call returns the same error. The failures are: the program cannot
// be started, has exited (ErrExited), gives no answer within
// Config.Timeout (ErrTimeout; the first answer of a copy may take
// Config.LoadTimeout more), answers with a line that is not a well-formed
// answer (ErrOutput), answers for another document (ErrDocID) or with a
// bad mention (ErrMention). Cancelling ctx while a copy works on doc kills
// that copy too, since its answer would come when the next document is
// expected; a ctx done before doc is sent is only returned.
func (e *Extractor) Extract(ctx context.Context, doc corpus.Doc) ([]corpus.Mention, error) {
	out, err := e.extractOn(ctx, []corpus.Doc{doc}, false)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// ExtractBatch sends docs to a free copy of the program in one request,
// {"batch": [{"doc_id": ..., "text": ...}, ...]}, and reads one answer
// line for each, in order, as Extract does: for programs that work
// faster on batches (Config.Batch). Its failures are Extract's.
func (e *Extractor) ExtractBatch(ctx context.Context, docs []corpus.Doc) ([][]corpus.Mention, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	return e.extractOn(ctx, docs, true)
}

// BatchSize returns Config.Batch: how many documents a request holds.
func (e *Extractor) BatchSize() int { return e.batch }

// extractOn waits for a free copy and has it extract docs.
func (e *Extractor) extractOn(ctx context.Context, docs []corpus.Doc, batch bool) ([][]corpus.Mention, error) {
	if err := e.deadErr(); err != nil {
		return nil, err
	}
	var p *process
	select {
	case p = <-e.idle:
	case <-ctx.Done():
		return nil, &Error{Name: e.name, DocID: docs[0].ID, Err: ctx.Err()}
	}
	defer func() { e.idle <- p }()
	if err := e.deadErr(); err != nil {
		return nil, err
	}
	out, err := p.extract(ctx, docs, batch)
	if err != nil && p.failed() {
		return nil, e.setDead(err)
	}
	return out, err
}

// deadErr returns the failure that killed the extractor, if any.
func (e *Extractor) deadErr() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dead
}

// setDead records err as the extractor's failure unless one came first,
// and returns the one recorded.
func (e *Extractor) setDead(err error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dead == nil {
		e.dead = err
	}
	return e.dead
}

// Close closes every copy's stdin, which tells it there are no more
// documents, and waits up to [Grace] for it to exit, then kills it; any
// process it left in its process group is killed too. It returns an
// [*Error] when a copy exits with a non-zero status, must be killed or
// writes anything after its last answer. Close is safe to call more than
// once, and returns nil when the program was never started or has already
// failed. Later calls to Extract fail with [ErrClosed], or with the
// earlier failure.
func (e *Extractor) Close() error {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return nil
	}
	e.closed = true
	failed := e.dead != nil
	if !failed {
		e.dead = &Error{Name: e.name, Err: problemf(ErrClosed, "Extract called after Close")}
	}
	e.mu.Unlock()
	errs := make([]error, len(e.procs))
	var wg sync.WaitGroup
	for i, p := range e.procs {
		wg.Go(func() { errs[i] = p.close() })
	}
	wg.Wait()
	if failed { // already reported, and it stays the answer to Extract
		return nil
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Copies returns how many copies of the program the extractor runs.
func (e *Extractor) Copies() int { return len(e.procs) }

// Name returns Config.Name, or "external".
func (e *Extractor) Name() string { return e.name }

// Version returns Config.Version, or "unknown".
func (e *Extractor) Version() string { return e.version }
