package eval

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// Gate is a condition on a system's scores that fails it, for CI
// pipelines: SCHEME.LABEL.METRIC OP NUMBER, such as
// "strict.micro.f1 < 0.60".
type Gate struct {
	Text   string // as written
	Scheme Scheme
	Label  string // micro, macro or a label
	Metric Metric
	Op     string // <, <=, > or >=
	Value  float64
}

// ParseGate parses a gate: SCHEME.LABEL.METRIC OP NUMBER, with SCHEME
// one of the schemes, LABEL micro, macro or a label, METRIC p, r or f1
// (precision, recall also), OP <, <=, > or >=.
func ParseGate(s string) (Gate, error) {
	f := strings.Fields(s)
	if len(f) != 3 {
		return Gate{}, errors.New("want SCHEME.LABEL.METRIC OP NUMBER, such as strict.micro.f1 < 0.60")
	}
	parts := strings.Split(f[0], ".")
	if len(parts) != 3 {
		return Gate{}, fmt.Errorf("%q: want SCHEME.LABEL.METRIC", f[0])
	}
	g := Gate{Text: s, Label: parts[1], Op: f[1]}
	var ok bool
	if g.Scheme, ok = ParseScheme(parts[0]); !ok {
		return Gate{}, fmt.Errorf("unknown scheme %q (strict, exact, partial, type, value, bag)", parts[0])
	}
	switch parts[2] {
	case "p", "precision":
		g.Metric = Precision
	case "r", "recall":
		g.Metric = Recall
	case "f1":
		g.Metric = F1
	default:
		return Gate{}, fmt.Errorf("unknown metric %q (p, r, f1)", parts[2])
	}
	switch g.Op {
	case "<", "<=", ">", ">=":
	default:
		return Gate{}, fmt.Errorf("unknown operator %q (<, <=, >, >=)", g.Op)
	}
	v, err := strconv.ParseFloat(f[2], 64)
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return Gate{}, fmt.Errorf("%q is not a number", f[2])
	case v < 0 || v > 1:
		return Gate{}, fmt.Errorf("%s is not from 0 to 1: metrics are fractions (for %s%%, write %.2f)", f[2], f[2], v/100)
	}
	g.Value = v
	return g, nil
}

// ErrBagOff is [Gate.Check]'s error for a gate on the [Bag] scheme
// when the setup does not score it (Setup.Bag).
var ErrBagOff = errors.New("the bag scheme is not scored")

// Check reports whether scoring as s says can give the gate's figure: its
// label is micro, macro, or a label scored (one of s.Labels when set, else
// an OntoNotes label; with free, any label, as a CoNLL file's types are),
// the value scheme's label is numeric, and the bag scheme is scored.
func (g Gate) Check(s *Setup, free bool) error {
	if g.Scheme == Bag && !s.Bag {
		return ErrBagOff
	}
	if g.Label == "micro" || g.Label == "macro" {
		return nil
	}
	l, ok := corpus.ParseLabel(g.Label)
	switch {
	case free:
		l, ok = corpus.Label(g.Label), g.Label != ""
	case !ok:
		if u, ok := corpus.ParseLabel(strings.ToUpper(g.Label)); ok {
			return fmt.Errorf("unknown label %q (did you mean %s?)", g.Label, u)
		}
		return fmt.Errorf("unknown label %q (labels are micro, macro or an OntoNotes label such as PERSON)", g.Label)
	}
	if s.Labels != nil && !slices.Contains(s.Labels, l) {
		names := make([]string, len(s.Labels))
		for i, x := range s.Labels {
			names[i] = string(x)
		}
		return fmt.Errorf("%s is not scored (-labels %s)", l, strings.Join(names, ","))
	}
	if g.Scheme == Value && !free && !l.Numeric() {
		return errors.New("the value scheme scores numeric labels only (CARDINAL, ORDINAL, QUANTITY, PERCENT, MONEY)")
	}
	return nil
}

// Measures reports whether the gate measures something in s: micro and
// macro always do, a label only when a gold or predicted mention has it.
func (g Gate) Measures(s *SystemResult) bool {
	if g.Label == "micro" || g.Label == "macro" {
		return true
	}
	for _, lc := range s.Summary.Labels() {
		if lc.Label == corpus.Label(g.Label) {
			return true
		}
	}
	return false
}

// Measure returns the metric the gate names for a system.
func (g Gate) Measure(s *SystemResult) float64 {
	if g.Label == "macro" {
		m := s.Summary.Macro(g.Scheme)
		return [3]float64{m.Precision, m.Recall, m.F1}[g.Metric]
	}
	var c Counts
	if g.Label == "micro" {
		c = s.Summary.Micro(g.Scheme)
	} else {
		for _, lc := range s.Summary.Labels() {
			if lc.Label == corpus.Label(g.Label) {
				c = lc.Scheme[g.Scheme]
			}
		}
	}
	return [3]float64{c.Precision(), c.Recall(), c.F1()}[g.Metric]
}

// Fails reports whether the gate's condition holds for v: the gate fails.
func (g Gate) Fails(v float64) bool {
	switch g.Op {
	case "<":
		return v < g.Value
	case "<=":
		return v <= g.Value
	case ">":
		return v > g.Value
	}
	return v >= g.Value
}
