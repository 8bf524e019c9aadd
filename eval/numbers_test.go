package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestValueTolerance: 2,480,000 read for 2.5 million is 0.8% off.
func TestValueTolerance(t *testing.T) {
	d, gold, pred := doc(t, "⟦2.5 million|CARDINAL|2500000⟧ fled", "⟦2.5 million|CARDINAL|2480000⟧ fled")
	for _, tc := range []struct {
		tol  float64
		want Counts
	}{
		{0, c(0, 1, 0, 0, 0)},
		{0.005, c(0, 1, 0, 0, 0)},
		{0.01, c(1, 0, 0, 0, 0)},
	} {
		r := NewScorer(Options{ValueTol: tc.tol}).Score(d, gold, pred)
		if got := r.Micro(Value); got != tc.want {
			t.Errorf("tolerance %v: value counts %+v, want %+v", tc.tol, got, tc.want)
		}
		wantValue := tc.want.Correct
		if got := r.Numbers[0]; got.Detected != 1 || got.Value != wantValue {
			t.Errorf("tolerance %v: chain %+v, want 1 detected, %d value", tc.tol, got, wantValue)
		}
	}
	// Numbers compare as numbers, and a percentage on its printed number.
	d, gold, pred = doc(t, "⟦270,000|CARDINAL|270000⟧ and ⟦45%|PERCENT|45⟧", "⟦270,000|CARDINAL|270000.0⟧ and ⟦45%|PERCENT|45⟧")
	r := NewScorer(Options{}).Score(d, gold, pred)
	if got := r.Micro(Value); got != c(2, 0, 0, 0, 0) {
		t.Errorf("value counts %+v, want 2 correct", got)
	}
}

// TestRangeEnds: a range's value is its low end; the high ends, read
// from the texts, must agree too.
func TestRangeEnds(t *testing.T) {
	for _, tc := range []struct {
		name, gold, pred string
		want             Counts
	}{
		{"same range", "⟦20 to 30|CARDINAL|20|range⟧ to 40 men", "⟦20 to 30|CARDINAL|20|range⟧ to 40 men", c(1, 0, 0, 0, 0)},
		{"other high end", "⟦20 to 30|CARDINAL|20|range⟧ to 40 men", "⟦20 to 30 to 40|CARDINAL|20|range⟧ men", c(0, 1, 0, 0, 0)},
		{"other low end", "⟦20 to 30|CARDINAL|20|range⟧ men", "⟦20 to 30|CARDINAL|25|range⟧ men", c(0, 1, 0, 0, 0)},
		{"high end in words", "⟦between twenty and thirty|CARDINAL|20|range⟧ men", "⟦between twenty and thirty|CARDINAL|20|range⟧ men", c(1, 0, 0, 0, 0)},
		{"thousands", "⟦1,000-1,500|CARDINAL|1000|range⟧ and 2,000 men", "⟦1,000-1,500|CARDINAL|1000|range⟧ and 2,000 men", c(1, 0, 0, 0, 0)},
	} {
		d, gold, pred := doc(t, tc.gold, tc.pred)
		r := NewScorer(Options{}).Score(d, gold, pred)
		if got := r.Micro(Value); got != tc.want {
			t.Errorf("%s: value counts %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if v, ok := rangeHigh("between 20 and 1,500.5 km"); !ok || v.String() != "1500.5" {
		t.Errorf("rangeHigh = %v, %v; want 1500.5", v, ok)
	}
}

// TestNumberChain follows five gold numbers: one not found, four found;
// of those 42 is misread; "300" for "more than 300" loses the modifier;
// 50 mi for 50 km the unit; 17% is right all through.
func TestNumberChain(t *testing.T) {
	d, gold, pred := doc(t,
		"⟦more than 300|CARDINAL|300|>⟧ workers, ⟦50 km|QUANTITY|50||km⟧ away, ⟦24|CARDINAL|24⟧ freed, ⟦17%|PERCENT|17⟧ and ⟦5|CARDINAL|5⟧",
		"more than ⟦300|CARDINAL|300⟧ workers, ⟦50 km|QUANTITY|50||mi⟧ away, ⟦24|CARDINAL|42⟧ freed, ⟦17%|PERCENT|17⟧ and 5")
	r := NewScorer(Options{}).Score(d, gold, pred)
	want := []NumberChain{
		{Label: All, Gold: 5, Detected: 4, Value: 3, Modifier: 2, Unit: 1},
		{Label: "PERCENT", Gold: 1, Detected: 1, Value: 1, Modifier: 1, Unit: 1},
		{Label: "QUANTITY", Gold: 1, Detected: 1, Value: 1, Modifier: 1, Unit: 0},
		{Label: "CARDINAL", Gold: 3, Detected: 2, Value: 1, Modifier: 0, Unit: 0},
	}
	if diff := cmp.Diff(want, r.Numbers); diff != "" {
		t.Errorf("chains (-want +got):\n%s", diff)
	}
	var sum Summary
	sum.Add(r)
	sum.Add(r)
	if got := sum.Numbers()[0]; got != (NumberChain{Label: All, Gold: 10, Detected: 8, Value: 6, Modifier: 4, Unit: 2}) {
		t.Errorf("summed chain %+v", got)
	}
}
