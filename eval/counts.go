package eval

import "fmt"

// Scheme is a way of deciding whether a predicted mention matches a gold
// one. Four are those of SemEval-2013 task 9.1, as nervaluate and the MUC
// scorers name them; Value is exbench's own, for numbers.
type Scheme int

const (
	// Strict: same boundaries and same label is correct; any other
	// overlap is incorrect.
	Strict Scheme = iota
	// Exact: same boundaries is correct, whatever the labels; any other
	// overlap is incorrect.
	Exact
	// Partial: same boundaries is correct, any other overlap is partial
	// (half credit), whatever the labels.
	Partial
	// Type: an overlap with the same label is correct, with another label
	// incorrect.
	Type
	// Value, over the numeric labels only: an overlap with the same value,
	// modifier and unit is correct, an overlap that differs in any of them
	// is incorrect, whatever the labels.
	Value
	// Bag needs no offsets: in each document, the multiset of a label's
	// predictions is matched against the multiset of its gold mentions,
	// each mention counted by its text (normalised as [corpus.Align]
	// compares texts) or, for a numeric label with a value, by its value,
	// as neleval's document-level entity matching does. Matches are
	// correct, the other gold mentions missed, the other predictions
	// spurious. It is scored when Setup.Bag asks for it.
	Bag
)

// Schemes lists the schemes every scoring reports, in report order; see
// [Setup.Schemes] for Bag.
var Schemes = []Scheme{Strict, Exact, Partial, Type, Value}

var schemeNames = [...]string{"strict", "exact", "partial", "type", "value", "bag"}

func (s Scheme) String() string {
	if s < 0 || int(s) >= len(schemeNames) {
		return fmt.Sprintf("Scheme(%d)", int(s))
	}
	return schemeNames[s]
}

// ParseScheme returns the scheme named name ("strict", "exact", ...).
func ParseScheme(name string) (Scheme, bool) {
	for i, n := range schemeNames {
		if n == name {
			return Scheme(i), true
		}
	}
	return 0, false
}

// Outcome is what became of one gold or predicted mention under a scheme.
type Outcome int8

const (
	COR Outcome = iota // correct: paired, and the scheme accepts the pair
	INC                // incorrect: paired, and the scheme rejects the pair
	PAR                // partial: paired with other boundaries (Partial scheme only)
	MIS                // missed: a gold mention with no prediction
	SPU                // spurious: a prediction with no gold mention
)

var outcomeNames = [...]string{"correct", "incorrect", "partial", "missed", "spurious"}

func (o Outcome) String() string {
	if o < 0 || int(o) >= len(outcomeNames) {
		return fmt.Sprintf("Outcome(%d)", int(o))
	}
	return outcomeNames[o]
}

// Counts tallies outcomes.
type Counts struct {
	Correct, Incorrect, Partial, Missed, Spurious int
}

// Add adds o to the tally.
func (c *Counts) Add(o Outcome) {
	switch o {
	case COR:
		c.Correct++
	case INC:
		c.Incorrect++
	case PAR:
		c.Partial++
	case MIS:
		c.Missed++
	case SPU:
		c.Spurious++
	}
}

// Plus returns the sum of c and d.
func (c Counts) Plus(d Counts) Counts {
	return Counts{c.Correct + d.Correct, c.Incorrect + d.Incorrect, c.Partial + d.Partial, c.Missed + d.Missed, c.Spurious + d.Spurious}
}

// Minus returns c less d.
func (c Counts) Minus(d Counts) Counts {
	return Counts{c.Correct - d.Correct, c.Incorrect - d.Incorrect, c.Partial - d.Partial, c.Missed - d.Missed, c.Spurious - d.Spurious}
}

// Possible is the number of gold mentions: POS = COR + INC + PAR + MIS.
func (c Counts) Possible() int { return c.Correct + c.Incorrect + c.Partial + c.Missed }

// Actual is the number of predicted mentions: ACT = COR + INC + PAR + SPU.
func (c Counts) Actual() int { return c.Correct + c.Incorrect + c.Partial + c.Spurious }

// credit is COR + 0.5·PAR.
func (c Counts) credit() float64 { return float64(c.Correct) + 0.5*float64(c.Partial) }

// Precision is (COR + 0.5·PAR) / ACT, and 0 when ACT is 0 (no
// predictions): see [Counts.Undefined].
func (c Counts) Precision() float64 {
	if c.Actual() == 0 {
		return 0
	}
	return c.credit() / float64(c.Actual())
}

// Recall is (COR + 0.5·PAR) / POS, and 0 when POS is 0 (no gold).
func (c Counts) Recall() float64 {
	if c.Possible() == 0 {
		return 0
	}
	return c.credit() / float64(c.Possible())
}

// F1 is the harmonic mean of precision and recall, 2·P·R / (P + R), and 0
// when P + R is 0.
func (c Counts) F1() float64 {
	return f1(c.Precision(), c.Recall())
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Undefined says which metrics are 0/0 and so reported as 0: "" when
// none, else "precision", "recall" or "precision and recall" (no
// predictions, no gold, or neither).
func (c Counts) Undefined() string {
	switch {
	case c.Actual() == 0 && c.Possible() == 0:
		return "precision and recall"
	case c.Actual() == 0:
		return "precision"
	case c.Possible() == 0:
		return "recall"
	}
	return ""
}
