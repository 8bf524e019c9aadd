package external

import (
	"errors"
	"fmt"
	"strings"
)

// Error categories, for use with [errors.Is] on an error from an
// [Extractor]. Errors from starting the program wrap the error of
// [os/exec] instead (such as [os/exec.ErrNotFound]), and a cancelled
// context the context's error.
var (
	ErrExited  = errors.New("program exited")
	ErrTimeout = errors.New("no answer in time")
	ErrOutput  = errors.New("malformed answer")
	ErrDocID   = errors.New("answer for another document")
	ErrMention = errors.New("bad mention")
	ErrClosed  = errors.New("extractor closed")
)

// Error is a failure of an external extractor. After one, the extractor
// is dead: every later call returns the same *Error.
type Error struct {
	Name   string // the extractor's name
	DocID  string // the document being extracted; "" when none was
	Line   int    // 1-based line of the program's stdout at fault; 0 when the problem is not one line
	Err    error  // wraps one of the Err* categories, an exec error or a context error
	Stderr string // the end of what the program wrote to its stderr, trimmed; see [MaxStderr]
}

// Error formats e as
//
//	external NAME: document "ID": stdout line N: problem; its stderr:
//	...
//
// ("external program" when the extractor has no name of its own), leaving
// out the document when DocID is "", the line when Line is 0 and the
// stderr part when there was none.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Name == DefaultName || e.Name == "" {
		b.WriteString("external program: ")
	} else {
		fmt.Fprintf(&b, "external %s: ", e.Name)
	}
	if e.DocID != "" {
		fmt.Fprintf(&b, "document %q: ", e.DocID)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "stdout line %d: ", e.Line)
	}
	b.WriteString(e.Err.Error())
	if e.Stderr != "" {
		b.WriteString("; its stderr:\n")
		b.WriteString(e.Stderr)
	}
	return b.String()
}

// Extractor returns the extractor's name and the document: the error
// names both already (see [extract.Stream]).
func (e *Error) Extractor() (name, docID string) { return e.Name, e.DocID }

func (e *Error) Unwrap() error { return e.Err }

// problem is a message in a category: it prints only the message and
// unwraps to the category, so messages stay short and errors.Is works.
type problem struct {
	category error
	msg      string
}

func (p *problem) Error() string { return p.msg }
func (p *problem) Unwrap() error { return p.category }

// problemf returns a message in the category cat.
func problemf(cat error, format string, args ...any) error {
	return &problem{category: cat, msg: fmt.Sprintf(format, args...)}
}

// maxShown is how many bad mentions of one answer a message lists before
// "N more".
const maxShown = 10

// mentionProblems returns one error for the problems found in the
// mentions of an answer: the problem itself when there is one, else a
// count and the first [maxShown] problems, one a line.
func mentionProblems(list []string) error {
	if len(list) == 1 {
		return problemf(ErrMention, "%s", list[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems with mentions:", len(list))
	for i, p := range list {
		if i == maxShown {
			fmt.Fprintf(&b, "\n\t%d more", len(list)-maxShown)
			break
		}
		b.WriteString("\n\t" + p)
	}
	return problemf(ErrMention, "%s", b.String())
}
