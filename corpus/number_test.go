package corpus

import "testing"

func TestParseValue(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // String() of the parsed value
	}{
		{"", ""},
		{"300", "300"},
		{"270,000", "270000"},
		{"270000.0", "270000"},
		{"3.5", "3.5"},
		{"2500000", "2500000"},
		{"1,234,567.25", "1234567.25"},
		{"-2", "-2"},
		{"-0", "0"},
		{"007", "7"},
	} {
		v, err := ParseValue(tc.in)
		if err != nil || v.String() != tc.want {
			t.Errorf("ParseValue(%q) = %q, %v, want %q", tc.in, v, err, tc.want)
		}
	}
	for _, in := range []string{"x", "3,00", "1e3", "0x10", "NaN", "Inf", "+3", " 3", "3.", ".5", "1,2345", ",300", "--3", "3.5.1", "1" + string(make([]byte, 400))} {
		if v, err := ParseValue(in); err == nil {
			t.Errorf("ParseValue(%q) = %q, want an error", in, v)
		}
	}
	a, _ := ParseValue("270,000")
	b, _ := ParseValue("270000.0")
	if !a.Equal(b) || a.Equal(Value{}) || !(Value{}).Equal(Value{}) {
		t.Error("Value.Equal does not compare as numbers")
	}
}

func TestLabels(t *testing.T) {
	if len(Labels) != 18 {
		t.Fatalf("%d labels, want the 18 of OntoNotes 5", len(Labels))
	}
	numeric, unit := 0, 0
	for _, l := range Labels {
		if got, ok := ParseLabel(string(l)); !ok || got != l {
			t.Errorf("ParseLabel(%q) = %q, %v", l, got, ok)
		}
		if l.Numeric() {
			numeric++
		}
		if l.HasUnit() {
			unit++
		}
	}
	if numeric != 5 || unit != 2 {
		t.Errorf("%d numeric labels and %d with units, want 5 and 2", numeric, unit)
	}
	if _, ok := ParseLabel("person"); ok {
		t.Error(`ParseLabel("person") succeeded; labels are upper case`)
	}
	if _, ok := ParseModifier("about"); ok {
		t.Error(`ParseModifier("about") succeeded`)
	}
}

func TestUnitProblem(t *testing.T) {
	for _, tc := range []struct {
		l    Label
		unit string
		ok   bool
	}{
		{MONEY, "USD", true}, {MONEY, "usd", false}, {MONEY, "US", false}, {MONEY, "U$D", false},
		{QUANTITY, "km", true}, {QUANTITY, "km2", true}, {QUANTITY, "Km", false}, {QUANTITY, "2km", false}, {QUANTITY, "km²", false},
	} {
		if got := UnitProblem(tc.l, tc.unit); (got == "") != tc.ok {
			t.Errorf("UnitProblem(%s, %q) = %q, want ok %v", tc.l, tc.unit, got, tc.ok)
		}
	}
}
