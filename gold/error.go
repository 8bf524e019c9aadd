package gold

import (
	"errors"
	"fmt"
	"strings"
)

// Problem categories, for use with [errors.Is] on an [*Error].
var (
	ErrSyntax    = errors.New("malformed CSV")
	ErrHeader    = errors.New("bad header")
	ErrEmpty     = errors.New("empty file")
	ErrUTF8      = errors.New("invalid UTF-8")
	ErrFields    = errors.New("wrong number of fields")
	ErrOffset    = errors.New("bad offset")
	ErrDocID     = errors.New("unknown document")
	ErrLabel     = errors.New("unknown label")
	ErrText      = errors.New("text does not match the document")
	ErrValue     = errors.New("bad value")
	ErrModifier  = errors.New("bad modifier")
	ErrUnit      = errors.New("bad unit")
	ErrNumber    = errors.New("number column on a label that takes none")
	ErrOverlap   = errors.New("overlapping spans")
	ErrDuplicate = errors.New("duplicate row")
	ErrOrder     = errors.New("rows out of order")
	ErrAlt       = errors.New("bad alternative span")
	ErrScore     = errors.New("bad score")
)

// Error is one problem at a position in a mention file.
type Error struct {
	File    string
	Line    int    // 1-based
	Col     int    // 1-based, in code points
	Field   string // column name, "header", or "" for the whole row
	Err     error  // wraps one of the Err* categories
	Warning bool   // a warning does not make a file invalid
}

// Error formats e as "file:line:col: field: problem", with "warning: "
// before the field for a warning.
func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", e.File, e.Line, e.Col)
	if e.Warning {
		b.WriteString("warning: ")
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errors is a list of problems, in file order.
type Errors []*Error

// MaxShown is how many problems [Errors.Error] lists before "N more".
const MaxShown = 10

// Error lists the first [MaxShown] problems, one a line, then "N more".
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i == MaxShown {
			fmt.Fprintf(&b, "\n%d more", len(es)-MaxShown)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so [errors.Is] finds any category in them.
func (es Errors) Unwrap() []error {
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errs
}

// Failed reports whether es holds a problem that is not a warning.
func (es Errors) Failed() bool {
	for _, e := range es {
		if !e.Warning {
			return true
		}
	}
	return false
}

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
