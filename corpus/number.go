package corpus

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// Value is the magnitude a numeric mention names, as a plain decimal
// number. The zero Value is "no exact magnitude", as for "dozens" or
// "hundreds".
type Value struct {
	n   float64
	set bool
}

// NewValue returns the Value holding f.
func NewValue(f float64) Value { return Value{n: f, set: true} }

// Float returns the number and whether there is one.
func (v Value) Float() (float64, bool) { return v.n, v.set }

// IsZero reports whether v holds no number.
func (v Value) IsZero() bool { return !v.set }

// Equal reports whether v and w hold the same number, or both hold none.
// Numbers compare as numbers: 270000 equals 270,000.0.
func (v Value) Equal(w Value) bool { return v.set == w.set && v.n == w.n }

// String formats v as a plain decimal with no exponent and no trailing
// zeros ("270000", "3.5"), or "" when v holds no number.
func (v Value) String() string {
	if !v.set {
		return ""
	}
	if v.n == 0 {
		return "0" // not "-0"
	}
	return strconv.FormatFloat(v.n, 'f', -1, 64)
}

// ErrValue is the category of errors from [ParseValue].
var ErrValue = errors.New("not a plain decimal number")

// ParseValue parses a plain decimal number: an optional minus sign, digits
// with optional comma thousands separators in groups of three, and an
// optional fraction ("300", "270,000", "3.5", "-2"). The empty string is the
// zero Value. Exponents, hex, NaN and infinities are rejected.
func ParseValue(s string) (Value, error) {
	if s == "" {
		return Value{}, nil
	}
	digits := s
	digits = strings.TrimPrefix(digits, "-")
	intPart, frac, hasFrac := strings.Cut(digits, ".")
	if intPart == "" || (hasFrac && frac == "") || !allDigits(frac) {
		return Value{}, ErrValue
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 || !allDigits(groups[0]) {
			return Value{}, ErrValue
		}
		for _, g := range groups[1:] {
			if len(g) != 3 || !allDigits(g) {
				return Value{}, ErrValue
			}
		}
		intPart = strings.Join(groups, "")
	} else if !allDigits(intPart) {
		return Value{}, ErrValue
	}
	plain := intPart
	if hasFrac {
		plain += "." + frac
	}
	f, err := strconv.ParseFloat(plain, 64)
	if err != nil || math.IsInf(f, 0) {
		return Value{}, ErrValue
	}
	if strings.HasPrefix(s, "-") {
		f = -f
	}
	return NewValue(f), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Modifier qualifies a numeric value: exact, approximate, a bound or a
// range. Its string form is what the CSV column holds.
type Modifier string

// The modifiers of the gold guidelines.
const (
	Exact   Modifier = ""      // an exact number: "300"
	About   Modifier = "~"     // about, around, roughly, some, nearly, almost, an estimated
	Over    Modifier = ">"     // more than, over
	AtLeast Modifier = ">="    // at least, no fewer than
	Under   Modifier = "<"     // less than, under, fewer than
	AtMost  Modifier = "<="    // at most, up to, no more than
	Range   Modifier = "range" // "20 to 30", "between 20 and 30"; the value is the low end
)

// Modifiers lists every modifier, Exact first.
var Modifiers = []Modifier{Exact, About, Over, AtLeast, Under, AtMost, Range}

// ParseModifier returns the modifier written s.
func ParseModifier(s string) (Modifier, bool) {
	for _, m := range Modifiers {
		if string(m) == s {
			return m, true
		}
	}
	return "", false
}
