package external

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"

	"github.com/exbench/exbench/corpus"
)

// process is one running copy of the program. It serves one document at
// a time.
type process struct {
	name    string // the extractor's, for errors
	argv    []string
	dir     string
	timeout time.Duration
	load    time.Duration // added to timeout until the first line
	grace   time.Duration
	labels  *corpus.LabelMap

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
	lineNo  int           // the last line read from stdout
	t0      time.Time     // when the program was started
	lines   chan outLine  // the program's stdout, a line at a time; closed at its end
	done    chan struct{} // closed to stop the reader of stdout
	exited  chan struct{} // closed once the program has exited and waitErr is set
	waitErr error
}

// outLine is one line of the program's stdout.
type outLine struct {
	n    int    // 1-based line number
	data []byte // with its newline, if any
	err  error  // errLineTooLong, or a read error
}

var errLineTooLong = fmt.Errorf("line longer than %d MiB (an answer must fit in one line)", MaxLine>>20)

// extract sends docs to the program, one request line each or, with
// batch, all in one line ({"batch": [...]}), and returns the mentions of
// each one's answer line, in order, sorted by start, with DocID set and
// Text filled in. The first call starts the program, unless
// [process.ready] did.
//
// Every failure is an [*Error] naming the document it was on, after which
// the process is dead: it has been killed with its process group, and
// every later call returns the same error. The failures are: the program
// cannot be started, has exited (ErrExited), gives no answer within the
// timeout a document (ErrTimeout; the first answer may take the load
// timeout more), answers with a line that is not a well-formed answer
// (ErrOutput), answers for another document (ErrDocID) or with a bad
// mention (ErrMention). Cancelling ctx while the program works kills it
// too, since its answers would come when the next documents are
// expected; a ctx done before anything is sent is only returned.
func (e *process) extract(ctx context.Context, docs []corpus.Doc, batch bool) ([][]corpus.Mention, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.dead != nil {
		return nil, e.dead
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Name: e.name, DocID: docs[0].ID, Err: err}
	}
	if err := e.startOnce(); err != nil {
		return nil, err
	}
	var req []byte
	for _, doc := range docs {
		r, err := encodeRequest(doc)
		if err != nil {
			return nil, &Error{Name: e.name, DocID: doc.ID, Err: err}
		}
		req = append(req, r...)
	}
	if batch {
		req = batchRequest(req)
	}

	wait := e.timeout * time.Duration(len(docs))
	if e.answers == 0 && e.lineNo == 0 { // nothing read yet: the program may still be loading
		wait += e.load
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	written := make(chan error, 1)
	go func() {
		_, err := e.stdin.Write(req)
		written <- err
	}()
	out := make([][]corpus.Mention, len(docs))
	for k, doc := range docs {
		timeout := func() error {
			if e.answers == 0 {
				return e.fail(doc.ID, 0, problemf(ErrTimeout, "no answer to the first document within the load timeout and the timeout, %v + %v: a program that loads a model first may need a longer load timeout, and one that does not flush its stdout after each answer never answers", e.load, e.timeout))
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
				e.lineNo = l.n
				if l.n == 1 && l.err == nil && isReady(l.data) {
					continue // the handshake, unasked for: the answer comes next
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
		ms, err := parseAnswer(answer.data, answer.n, doc, e.labels)
		if err != nil {
			var pe *Error
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, e.fail(doc.ID, answer.n, err)
		}
		out[k] = ms
		e.answers++
		if k == len(docs)-1 && written != nil { // answered before reading everything: wait, so that requests never interleave
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
	}
	return out, nil
}

// failed reports whether the process has failed, and is dead.
func (e *process) failed() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.dead != nil
}

// startOnce starts the program unless it has been started, and returns
// the error that keeps it from running, if any. e.mu is held.
func (e *process) startOnce() error {
	if e.started {
		return e.dead
	}
	e.started = true
	e.t0 = time.Now()
	if err := e.start(); err != nil {
		e.dead = &Error{Name: e.name, Err: fmt.Errorf("cannot start the program: %w", err)}
	}
	return e.dead
}

// ready starts the program and waits, up to the load timeout, for it to
// say {"ready": true} on its first line, and returns how long that took.
func (e *process) ready() (time.Duration, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.startOnce(); err != nil {
		return 0, err
	}
	timer := time.NewTimer(e.load)
	defer timer.Stop()
	select {
	case l, ok := <-e.lines:
		if !ok {
			return 0, e.exitedEarly("")
		}
		e.lineNo = l.n
		if l.err != nil || !isReady(l.data) {
			return 0, e.fail("", l.n, problemf(ErrOutput, `first line %s, but the program was to say {"ready": true} once loaded`, quoteStart(bytes.TrimRight(l.data, "\r\n"))))
		}
		return time.Since(e.t0), nil
	case <-timer.C:
		return 0, e.fail("", 0, problemf(ErrTimeout, `did not say {"ready": true} within the load timeout, %v`, e.load))
	}
}

// start starts the program in a process group of its own, with a reader
// of its stdout and a waiter for its exit.
func (e *process) start() error {
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
// after it stopped reading its stdin or closed its stdout while on
// document docID, or, when docID is "", before it said it was ready.
func (e *process) exitedEarly(docID string) error {
	when, what := "while on this document", "stopped reading its stdin or closed its stdout"
	if docID == "" {
		when, what = "before it was ready", "closed its stdout"
	}
	timer := time.NewTimer(e.grace)
	defer timer.Stop()
	select {
	case <-e.exited:
		return e.fail(docID, 0, problemf(ErrExited, "%s %s", describeExit(e.waitErr), when))
	case <-timer.C:
		return e.fail(docID, 0, problemf(ErrExited, "%s %s, and did not exit within %v", what, when, e.grace))
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
func (e *process) fail(docID string, line int, err error) error {
	e.stop()
	e.dead = &Error{Name: e.name, DocID: docID, Line: line, Err: err, Stderr: e.stderr.String()}
	return e.dead
}

// stop kills the program's process group, waits for the program to be
// reaped and its stderr collected, and releases the pipes and goroutines.
func (e *process) stop() {
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
func (e *process) close() error {
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
