package eval

import (
	"errors"
	"fmt"
)

// The caveats of statistics: not errors, but what makes a figure rough.
// They come back beside the figures, as values (see [Row.Warnings],
// [Comparison.Warnings]), for reports to show.

// ErrBCaUndefined says that the BCa interval is undefined, every
// resample lying on one side of the observed value, so the percentile
// interval stands in for it.
var ErrBCaUndefined = errors.New("BCa undefined (every resample on one side), percentile interval given")

// minGold is the fewest gold mentions of a label whose interval is not
// flagged as rough.
const minGold = 10

// FewGold says that a label has fewer than 10 gold mentions: its
// intervals and tests rest on very little.
type FewGold struct{ N int }

func (w *FewGold) Error() string { return "only " + plural(w.N, "gold mention") }

// Unreachable says that with so few units no p-value of the permutation
// test can be below alpha: no difference can be significant.
type Unreachable struct {
	Units       int
	Unit        Unit
	MinP, Alpha float64
}

func (w *Unreachable) Error() string {
	return fmt.Sprintf("with %s the smallest p-value the test can reach is %.4f, not below alpha %g: no difference can be significant", plural(w.Units, w.Unit.String()), w.MinP, w.Alpha)
}

// plural returns "1 noun" or "N nouns".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
