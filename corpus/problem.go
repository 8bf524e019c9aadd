package corpus

import (
	"cmp"
	"container/heap"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Problem categories shared by every reader of corpora and mention files,
// for use with [errors.Is] on a [*Problem]. Format-specific categories
// (malformed CSV, a bad CoNLL line, ...) live with their formats.
var (
	// Of corpora.
	ErrNoDocs      = errors.New("no documents")
	ErrDuplicateID = errors.New("duplicate document ID")
	ErrRecord      = errors.New("bad record")

	// Of any text file: a corpus, a mention file.
	ErrUTF8       = errors.New("invalid UTF-8")
	ErrNUL        = errors.New("NUL byte")
	ErrSurrogate  = errors.New("lone surrogate")
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("document too large")

	// Of mentions, whatever file they come from.
	ErrDocID     = errors.New("unknown document")
	ErrOffset    = errors.New("bad offset")
	ErrText      = errors.New("text does not match the document")
	ErrLabel     = errors.New("unknown label")
	ErrModifier  = errors.New("bad modifier")
	ErrUnit      = errors.New("bad unit")
	ErrNumber    = errors.New("number column on a label that takes none")
	ErrAlt       = errors.New("bad alternative span")
	ErrScore     = errors.New("bad score")
	ErrOverlap   = errors.New("overlapping spans")
	ErrDuplicate = errors.New("duplicate mention")
	ErrOrder     = errors.New("rows out of order")
)

// Problem is one problem at a position in an input file: a corpus, a
// mention file, a scope file. It prints as
//
//	file:line:col: field: what is wrong
//
// with "warning: " before the field for a warning, and the parts that
// are not known left out: no column, no line (a problem with the whole
// file), no field (a problem with the whole record), no file (mentions
// made in memory).
type Problem struct {
	File    string
	Line    int    // 1-based; 0 when the problem is the whole file
	Col     int    // 1-based, in code points; 0 when unknown
	Field   string // the column or field at fault; "" for the whole record
	Err     error  // wraps one of the categories, for errors.Is
	Warning bool   // a warning does not make an input invalid
}

func (p *Problem) Error() string {
	var b strings.Builder
	switch {
	case p.File == "" && p.Line == 0:
	case p.Line == 0:
		b.WriteString(p.File + ": ")
	case p.Col == 0:
		fmt.Fprintf(&b, "%s:%d: ", p.File, p.Line)
	default:
		fmt.Fprintf(&b, "%s:%d:%d: ", p.File, p.Line, p.Col)
	}
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Err.Error())
	return b.String()
}

func (p *Problem) Unwrap() error { return p.Err }

// Problems is a list of problems.
type Problems []*Problem

// MaxShown is how many problems [Problems.Error] lists before "N more".
const MaxShown = 10

// Error lists the first [MaxShown] problems, one a line, then "N more".
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i == MaxShown {
			fmt.Fprintf(&b, "\n%d more", len(ps)-MaxShown)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that [errors.Is] finds any category in
// them.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

// Failed reports whether ps holds a problem that is not a warning.
func (ps Problems) Failed() bool {
	return slices.ContainsFunc(ps, func(p *Problem) bool { return !p.Warning })
}

// Warnings counts the warnings in ps.
func (ps Problems) Warnings() int {
	n := 0
	for _, p := range ps {
		if p.Warning {
			n++
		}
	}
	return n
}

// Sort puts the problems in file order: files in the order they first
// appear, then by line and column, keeping the order of problems at one
// position.
func (ps Problems) Sort() {
	rank := map[string]int{}
	for _, p := range ps {
		if _, ok := rank[p.File]; !ok {
			rank[p.File] = len(rank)
		}
	}
	slices.SortStableFunc(ps, func(a, b *Problem) int {
		return cmp.Or(cmp.Compare(rank[a.File], rank[b.File]), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}

// Add appends err to ps: its problems when it is a [*Problem] or
// [Problems] (or wraps them), and reports whether it was one. Other
// errors are not added.
func (ps *Problems) Add(err error) bool {
	var list Problems
	var one *Problem
	switch {
	case errors.As(err, &list):
		*ps = append(*ps, list...)
	case errors.As(err, &one):
		*ps = append(*ps, one)
	default:
		return false
	}
	return true
}

// Join joins errs, nil ones left out: as [Problems], in order, when
// every one is a problem (or problems), so that they can be listed and
// counted, else as [errors.Join] does. It returns nil for none.
func Join(errs ...error) error {
	var ps Problems
	for _, err := range errs {
		if err != nil && !ps.Add(err) {
			return errors.Join(errs...)
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Problemf returns an error in the category cat that prints only its
// message: the category is for [errors.Is], the message for people.
func Problemf(cat error, format string, args ...any) error {
	return &message{category: cat, msg: fmt.Sprintf(format, args...)}
}

type message struct {
	category error
	msg      string
}

func (m *message) Error() string { return m.msg }
func (m *message) Unwrap() error { return m.category }

// maxQuoted is how many bytes of a value a message quotes.
const maxQuoted = 60

// Quote returns s quoted as %q does; a value longer than 60 bytes is cut,
// at a character boundary, and its length given, so that a huge field
// cannot flood a terminal.
func Quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%q... (%d bytes)", s[:cut], len(s))
}

// ProblemSet collects problems as they are met: every one, or, with Max
// set, only the first Max of them in file order (as [Problems.Sort]
// orders them), counting the rest, so that a file with a million bad
// rows costs the memory of the few a person reads.
type ProblemSet struct {
	Max int // how many to keep; 0 keeps every one

	kept             problemHeap
	rank             map[string]int
	seq              int
	errors, warnings int
}

// Add adds the problems err holds (a [*Problem] or [Problems]) and
// reports whether it held any; other errors are not added.
func (s *ProblemSet) Add(err error) bool {
	var ps Problems
	if !ps.Add(err) {
		return false
	}
	for _, p := range ps {
		s.add(p)
	}
	return true
}

func (s *ProblemSet) add(p *Problem) {
	if p.Warning {
		s.warnings++
	} else {
		s.errors++
	}
	if s.rank == nil {
		s.rank = map[string]int{}
	}
	r, ok := s.rank[p.File]
	if !ok {
		r = len(s.rank)
		s.rank[p.File] = r
	}
	e := ranked{p, r, s.seq}
	s.seq++
	if s.Max <= 0 || len(s.kept) < s.Max {
		heap.Push(&s.kept, e)
	} else if e.before(s.kept[0]) {
		s.kept[0] = e
		heap.Fix(&s.kept, 0)
	}
}

// Failed reports whether a problem that is not a warning was added.
func (s *ProblemSet) Failed() bool { return s.errors > 0 }

// Counts returns how many errors and warnings were added in all.
func (s *ProblemSet) Counts() (errors, warnings int) { return s.errors, s.warnings }

// Problems returns the problems kept, in file order.
func (s *ProblemSet) Problems() Problems {
	kept := slices.Clone(s.kept)
	slices.SortFunc(kept, func(a, b ranked) int {
		if a.before(b) {
			return -1
		}
		return 1
	})
	ps := make(Problems, len(kept))
	for i, e := range kept {
		ps[i] = e.p
	}
	return ps
}

// Err returns the problems as an error: nil for none, [Problems] when
// every one was kept, a [*Truncated] when some were not.
func (s *ProblemSet) Err() error {
	switch {
	case s.errors+s.warnings == 0:
		return nil
	case len(s.kept) == s.errors+s.warnings:
		return s.Problems()
	}
	return &Truncated{Problems: s.Problems(), Errors: s.errors, Warnings: s.warnings}
}

// Truncated is a list of problems too long to keep whole: the first ones
// in file order, and how many errors and warnings there were in all.
type Truncated struct {
	Problems         Problems
	Errors, Warnings int
}

func (t *Truncated) Error() string {
	return fmt.Sprintf("%s\n%d more", t.Problems.Error(), t.Errors+t.Warnings-len(t.Problems))
}

// Unwrap returns the problems kept, so that [errors.Is] finds their
// categories.
func (t *Truncated) Unwrap() error { return t.Problems }

// ranked is a problem with its file's rank and its place in arrival.
type ranked struct {
	p         *Problem
	rank, seq int
}

func (a ranked) before(b ranked) bool {
	return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.p.Line, b.p.Line), cmp.Compare(a.p.Col, b.p.Col), cmp.Compare(a.seq, b.seq)) < 0
}

// problemHeap is a max-heap: the problem that comes last on top.
type problemHeap []ranked

func (h problemHeap) Len() int           { return len(h) }
func (h problemHeap) Less(i, j int) bool { return h[j].before(h[i]) }
func (h problemHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *problemHeap) Push(x any)        { *h = append(*h, x.(ranked)) }
func (h *problemHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// Line is a line being read from a file, for problems at byte offsets in
// it.
type Line struct {
	File string
	N    int // its number, from 1
	Data []byte
}

// Col returns the 1-based code-point column of byte offset off.
func (l Line) Col(off int) int {
	return 1 + utf8.RuneCount(l.Data[:min(max(off, 0), len(l.Data))])
}

// Problemf returns a problem in category cat at byte offset off of the
// line, with field ("" for none).
func (l Line) Problemf(off int, field string, cat error, format string, args ...any) *Problem {
	return &Problem{File: l.File, Line: l.N, Col: l.Col(off), Field: field, Err: Problemf(cat, format, args...)}
}
