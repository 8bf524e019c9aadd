package external

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
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
}

// Extractor runs a program as an extractor (see the package documentation
// for the protocol). It is safe for concurrent use: calls to Extract are
// served one at a time by the one process.
type Extractor struct {
	name, version string
	argv          []string
	dir           string
	timeout       time.Duration
	grace         time.Duration

	mu      sync.Mutex
	started bool
	closed  bool
	dead    error // once set, every Extract returns it

	cmd     *exec.Cmd
	stdin   io.WriteCloser
	stdout  *os.File
	stderr  *tail
	stderrR *os.File      // read end of the program's stderr
	stderrD chan struct{} // closed when all of stderr has been read
	answers int           // documents answered
	lines   chan outLine  // the program's stdout, a line at a time; closed at its end
	done    chan struct{} // closed to stop the reader of stdout
	exited  chan struct{} // closed once the program has exited and waitErr is set
	waitErr error
}

var (
	_ extract.Extractor = (*Extractor)(nil)
	_ io.Closer         = (*Extractor)(nil)
)

// New checks cfg and returns an extractor for it. The program is started
// by the first call to [Extractor.Extract]; call [Extractor.Close] when
// done with the extractor.
func New(cfg Config) (*Extractor, error) {
	e := &Extractor{
		name:    cmp.Or(cfg.Name, DefaultName),
		version: cmp.Or(cfg.Version, DefaultVersion),
		dir:     cfg.Dir,
		timeout: cfg.Timeout,
		grace:   Grace,
	}
	if strings.TrimSpace(cfg.Command) == "" {
		return nil, errors.New("external: empty command")
	}
	switch {
	case cfg.Timeout < 0:
		return nil, fmt.Errorf("external: negative timeout %v", cfg.Timeout)
	case cfg.Timeout == 0:
		e.timeout = DefaultTimeout
	}
	if cfg.Shell {
		e.argv = []string{"sh", "-c", cfg.Command}
		return e, nil
	}
	words, err := splitWords(cfg.Command)
	if err != nil {
		return nil, fmt.Errorf("external: command %q: %w", cfg.Command, err)
	}
	if words[0] == "" {
		return nil, fmt.Errorf("external: command %q: empty program name", cfg.Command)
	}
	e.argv = words
	return e, nil
}

// Name returns Config.Name, or "external".
func (e *Extractor) Name() string { return e.name }

// Version returns Config.Version, or "unknown".
func (e *Extractor) Version() string { return e.version }

// outLine is one line of the program's stdout.
type outLine struct {
	n    int    // 1-based line number
	data []byte // with its newline, if any
	err  error  // errLineTooLong, or a read error
}

var errLineTooLong = fmt.Errorf("line longer than %d MiB (an answer must fit in one line)", MaxLine>>20)

// Extract sends doc to the program and returns the mentions of its
// answer, sorted by start, with DocID set and Text filled in. The first
// call starts the program.
//
// Every failure is an [*Error], after which the extractor is dead: the
// program has been killed with its process group, and every later call
// returns the same error. The failures are: the program cannot be started,
// has exited (ErrExited), gives no answer within Config.Timeout
// (ErrTimeout), answers with a line that is not a well-formed answer
// (ErrOutput), answers for another document (ErrDocID) or with a bad
// mention (ErrMention). Cancelling ctx while the program works on doc
// kills it too, since its answer would come when the next document is
// expected; a ctx done before doc is sent is only returned.
func (e *Extractor) Extract(ctx context.Context, doc corpus.Doc) ([]corpus.Mention, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dead != nil {
		return nil, e.dead
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Name: e.name, DocID: doc.ID, Err: err}
	}
	if !e.started {
		e.started = true
		if err := e.start(); err != nil {
			e.dead = &Error{Name: e.name, Err: fmt.Errorf("cannot start the program: %w", err)}
			return nil, e.dead
		}
	}
	req, err := encodeRequest(doc)
	if err != nil {
		return nil, &Error{Name: e.name, DocID: doc.ID, Err: err}
	}

	timer := time.NewTimer(e.timeout)
	defer timer.Stop()
	written := make(chan error, 1)
	go func() {
		_, err := e.stdin.Write(req)
		written <- err
	}()
	timeout := func() error {
		if e.answers == 0 {
			return e.fail(doc.ID, 0, problemf(ErrTimeout, "no answer to the first document within %v: a program that loads a model first may need a longer timeout, and one that does not flush its stdout after each answer never answers", e.timeout))
		}
		return e.fail(doc.ID, 0, problemf(ErrTimeout, "no answer within %v, after %d documents answered (a slow document needs a longer timeout)", e.timeout, e.answers))
	}
	cancelled := func() error {
		return e.fail(doc.ID, 0, fmt.Errorf("%w (the program was stopped)", context.Cause(ctx)))
	}

	var answer outLine
	for waiting := true; waiting; {
		select {
		case err := <-written:
			written = nil
			if err != nil { // the program closed its stdin, or exited
				return nil, e.exitedEarly(doc.ID)
			}
		case l, ok := <-e.lines:
			if !ok {
				return nil, e.exitedEarly(doc.ID)
			}
			answer, waiting = l, false
		case <-timer.C:
			return nil, timeout()
		case <-ctx.Done():
			return nil, cancelled()
		}
	}
	if answer.err != nil {
		return nil, e.fail(doc.ID, answer.n, problemf(ErrOutput, "%v", answer.err))
	}
	ms, err := parseAnswer(answer.data, answer.n, doc)
	if err != nil {
		var pe *Error
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, e.fail(doc.ID, answer.n, err)
	}
	if written != nil { // answered before reading all of doc: wait, so that requests never interleave
		select {
		case err := <-written:
			if err != nil {
				return nil, e.exitedEarly(doc.ID)
			}
		case <-timer.C:
			return nil, timeout()
		case <-ctx.Done():
			return nil, cancelled()
		}
	}
	e.answers++
	return ms, nil
}

// start starts the program in a process group of its own, with a reader
// of its stdout and a waiter for its exit.
func (e *Extractor) start() error {
	cmd := exec.Command(e.argv[0], e.argv[1:]...)
	cmd.Dir = e.dir
	setGroup(cmd)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	// Stdout and stderr are pipes of our own, not cmd.StdoutPipe or a
	// Writer, so that reading stdout does not race with cmd.Wait closing
	// it, and so that cmd.Wait returns when the program exits, not when
	// the last child that inherited stderr closes it.
	r, w, err := os.Pipe()
	if err != nil {
		stdin.Close()
		return err
	}
	er, ew, err := os.Pipe()
	if err != nil {
		stdin.Close()
		r.Close()
		w.Close()
		return err
	}
	cmd.Stdout, cmd.Stderr = w, ew
	err = cmd.Start()
	w.Close()
	ew.Close()
	if err != nil {
		r.Close()
		er.Close()
		return err
	}
	e.cmd, e.stdin, e.stdout = cmd, stdin, r
	e.stderr, e.stderrR, e.stderrD = &tail{max: MaxStderr}, er, make(chan struct{})
	go func() {
		io.Copy(e.stderr, er) // until every writer has closed it, or stop closes er
		close(e.stderrD)
	}()
	e.lines = make(chan outLine)
	e.done = make(chan struct{})
	e.exited = make(chan struct{})
	go readLines(r, e.lines, e.done)
	go func() {
		e.waitErr = cmd.Wait()
		close(e.exited)
	}()
	return nil
}

// readLines sends each line of r to lines until the end of r, a read
// error or a line longer than MaxLine, then closes lines. It gives up when
// done is closed.
func readLines(r io.Reader, lines chan<- outLine, done <-chan struct{}) {
	defer close(lines)
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		data, err := readLine(br)
		l := outLine{n: n, data: data}
		if err != nil && err != io.EOF {
			l.err = err
		}
		if len(data) > 0 || l.err != nil {
			select {
			case lines <- l:
			case <-done:
				return
			}
		}
		if err != nil {
			return
		}
	}
}

// readLine reads up to and including the next newline, or to the end of
// the input, refusing lines longer than MaxLine.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > MaxLine {
			return nil, errLineTooLong
		}
		line = append(line, chunk...)
		if err != bufio.ErrBufferFull {
			return line, err
		}
	}
}

// exitedEarly fails with the program's exit status, once it has exited,
// after it stopped reading its stdin or closed its stdout while working on
// document docID.
func (e *Extractor) exitedEarly(docID string) error {
	timer := time.NewTimer(e.grace)
	defer timer.Stop()
	select {
	case <-e.exited:
		return e.fail(docID, 0, problemf(ErrExited, "%s while on this document", describeExit(e.waitErr)))
	case <-timer.C:
		return e.fail(docID, 0, problemf(ErrExited, "stopped reading its stdin or closed its stdout while on this document, and did not exit within %v", e.grace))
	}
}

// describeExit says how the program ended, from the error of cmd.Wait.
func describeExit(err error) string {
	var ee *exec.ExitError
	switch {
	case err == nil:
		return "exited with status 0"
	case errors.As(err, &ee) && ee.ExitCode() >= 0:
		return fmt.Sprintf("exited with status %d", ee.ExitCode())
	case errors.As(err, &ee):
		return "was stopped by " + ee.ProcessState.String() // "signal: killed"
	}
	return fmt.Sprintf("exited: %v", err)
}

// fail kills the program and its process group and makes the extractor
// dead with err, a problem on stdout line line (0 for none) while on
// document docID.
func (e *Extractor) fail(docID string, line int, err error) error {
	e.stop()
	e.dead = &Error{Name: e.name, DocID: docID, Line: line, Err: err, Stderr: e.stderr.String()}
	return e.dead
}

// stop kills the program's process group, waits for the program to be
// reaped and its stderr collected, and releases the pipes and goroutines.
func (e *Extractor) stop() {
	killGroup(e.cmd)
	timer := time.NewTimer(2 * e.grace)
	defer timer.Stop()
	select {
	case <-e.exited:
	case <-timer.C: // cannot happen short of a process that ignores SIGKILL
	}
	select {
	case <-e.stderrD: // every process that held stderr is gone
	case <-timer.C: // a process outside the group holds it
	}
	close(e.done)
	e.stdin.Close()
	e.stdout.Close()
	e.stderrR.Close()
}

// Close closes the program's stdin, which tells it there are no more
// documents, and waits up to [Grace] for it to exit, then kills it; any
// process it left in its process group is killed too. It returns an
// [*Error] when the program exits with a non-zero status, must be killed
// or writes anything after its last answer. Close is safe to call more
// than once, and returns nil when the program was never started or
// has already failed. Later calls to Extract fail with [ErrClosed], or
// with the earlier failure.
func (e *Extractor) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	if e.dead != nil { // already reported, and it stays the answer to Extract
		return nil
	}
	e.dead = &Error{Name: e.name, Err: problemf(ErrClosed, "Extract called after Close")}
	if !e.started {
		return nil
	}
	e.stdin.Close()
	timer := time.NewTimer(e.grace)
	defer timer.Stop()
	var err error
	line := 0
	select {
	case <-e.exited:
		if e.waitErr != nil {
			err = problemf(ErrExited, "%s after the last document", describeExit(e.waitErr))
			break
		}
		select {
		case l, ok := <-e.lines:
			if ok {
				line = l.n
				err = problemf(ErrOutput, "output after the answer to the last document: %s", quoteStart(l.data))
			}
		case <-timer.C:
		}
	case <-timer.C:
		err = problemf(ErrTimeout, "did not exit within %v of its stdin being closed, so it was killed", e.grace)
	}
	e.stop()
	if err != nil {
		return &Error{Name: e.name, Line: line, Err: err, Stderr: e.stderr.String()}
	}
	return nil
}
