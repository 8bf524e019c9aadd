package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/eval"
)

// errGate means a gate failed: exit status 3.
var errGate = errors.New("gate failed")

// gateFlags are the -fail-if conditions.
type gateFlags struct {
	exprs multiFlag
	conds []condition
}

// condition is a parsed -fail-if: SCHEME.LABEL.METRIC OP VALUE.
type condition struct {
	text   string
	scheme eval.Scheme
	label  string // micro, macro or a label
	metric eval.Metric
	op     string
	value  float64
}

func (g *gateFlags) register(fs *flag.FlagSet) {
	fs.Var(&g.exprs, "fail-if", "exit 3 when a condition holds, such as 'strict.micro.f1 < 0.60' (SCHEME.LABEL.METRIC OP NUMBER, METRIC p, r or f1, OP <, <=, >, >=); repeat for more")
}

func (g *gateFlags) parse(verb string) error {
	for _, e := range g.exprs {
		c, err := parseCondition(e)
		if err != nil {
			return &usageError{fmt.Sprintf("%s: -fail-if %q: %v", verb, e, err)}
		}
		g.conds = append(g.conds, c)
	}
	return nil
}

func parseCondition(s string) (condition, error) {
	f := strings.Fields(s)
	if len(f) != 3 {
		return condition{}, errors.New("want SCHEME.LABEL.METRIC OP NUMBER, such as strict.micro.f1 < 0.60")
	}
	parts := strings.Split(f[0], ".")
	if len(parts) != 3 {
		return condition{}, fmt.Errorf("%q: want SCHEME.LABEL.METRIC", f[0])
	}
	c := condition{text: s, label: parts[1], op: f[1]}
	var ok bool
	if c.scheme, ok = eval.ParseScheme(parts[0]); !ok {
		return condition{}, fmt.Errorf("unknown scheme %q (strict, exact, partial, type, value)", parts[0])
	}
	switch parts[2] {
	case "p", "precision":
		c.metric = eval.Precision
	case "r", "recall":
		c.metric = eval.Recall
	case "f1":
		c.metric = eval.F1
	default:
		return condition{}, fmt.Errorf("unknown metric %q (p, r, f1)", parts[2])
	}
	switch c.op {
	case "<", "<=", ">", ">=":
	default:
		return condition{}, fmt.Errorf("unknown operator %q (<, <=, >, >=)", c.op)
	}
	v, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return condition{}, fmt.Errorf("%q is not a number", f[2])
	}
	c.value = v
	return c, nil
}

// measure returns the metric the condition names for system s.
func (c condition) measure(s *system) float64 {
	if c.label == "macro" {
		m := s.sum.Macro(c.scheme)
		return [3]float64{m.Precision, m.Recall, m.F1}[c.metric]
	}
	var counts eval.Counts
	if c.label == "micro" {
		counts = s.sum.Micro(c.scheme)
	} else {
		for _, lc := range s.sum.Labels() {
			if lc.Label == corpus.Label(c.label) {
				counts = lc.Scheme[c.scheme]
			}
		}
	}
	return [3]float64{counts.Precision(), counts.Recall(), counts.F1()}[c.metric]
}

func (c condition) holds(v float64) bool {
	switch c.op {
	case "<":
		return v < c.value
	case "<=":
		return v <= c.value
	case ">":
		return v > c.value
	}
	return v >= c.value
}

// check reports every condition that holds for a system, and returns
// errGate if one does.
func (g *gateFlags) check(stderr io.Writer, systems []*system) error {
	failed := false
	for _, s := range systems {
		for _, c := range g.conds {
			if v := c.measure(s); c.holds(v) {
				fmt.Fprintf(stderr, "exbench: gate: %s: %s.%s.%s = %s, and the gate fails if %s\n", s.name, c.scheme, c.label, []string{"p", "r", "f1"}[c.metric], decimal(v), c.text)
				failed = true
			}
		}
	}
	if failed {
		return errGate
	}
	return nil
}
