package corpus

import (
	"strings"
	"testing"
)

func TestParseLabelMap(t *testing.T) {
	m, err := ParseLabelMap("conll2003")
	if err != nil {
		t.Fatal(err)
	}
	if got := m.String(); got != "LOC=GPE,MISC=-,ORG=ORG,PER=PERSON" || m.Name != "conll2003" {
		t.Errorf("conll2003 = %s (%s)", got, m.Name)
	}
	for in, want := range map[string][2]string{
		"PER":       {"PERSON", "true"},
		"MISC":      {"", "false"},
		"CARDINAL":  {"CARDINAL", "true"}, // not in the map: kept
		"ORG":       {"ORG", "true"},
		"WHATEVER1": {"WHATEVER1", "true"},
	} {
		got, keep := m.Map(in)
		if got != want[0] || (map[bool]string{true: "true", false: "false"})[keep] != want[1] {
			t.Errorf("Map(%s) = %q, %v; want %q, %s", in, got, keep, want[0], want[1])
		}
	}
	inline, err := ParseLabelMap(" PER = PERSON ,LOC=GPE")
	if err != nil || inline.String() != "LOC=GPE,PER=PERSON" {
		t.Errorf("inline map = %v, %v", inline, err)
	}
	for spec, want := range map[string]string{
		"conll":            `label map "conll": not a built-in map (conll2003, prose) and not FROM=TO pairs`,
		"PER=PERSON,LOC":   `label map "PER=PERSON,LOC": pair 2, "LOC": want FROM=TO`,
		"PER=Person":       `label map "PER=Person": pair 1: PER=Person: "Person" is not an OntoNotes label (or - to drop)`,
		"PER=PERSON,PER=-": `label map "PER=PERSON,PER=-": pair 2: PER is mapped twice`,
		"=PERSON":          `label map "=PERSON": pair 1: empty label to map from`,
	} {
		if _, err := ParseLabelMap(spec); err == nil || err.Error() != want {
			t.Errorf("ParseLabelMap(%q) = %v\nwant %s", spec, err, want)
		}
	}
}

// FuzzParseLabelMap checks that ParseLabelMap never panics and that an
// accepted map reads back the same from its String.
func FuzzParseLabelMap(f *testing.F) {
	for _, s := range []string{"conll2003", "prose", "PER=PERSON,MISC=-", " A = ORG ", "=", "A=B=C", "A=ORG,A=GPE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		m, err := ParseLabelMap(spec)
		if err != nil {
			return
		}
		if len(m.String()) == 0 {
			return // a built-in name, or pairs that trim to nothing
		}
		again, err := ParseLabelMap(m.String())
		if err != nil {
			if strings.Contains(m.String(), ",") || strings.ContainsAny(m.String(), " \t") {
				return // a label holding a comma or spaces does not survive the text form
			}
			t.Fatalf("ParseLabelMap(%q) = %v, but its String %q fails: %v", spec, m, m.String(), err)
		}
		if again.String() != m.String() {
			t.Fatalf("%q reads back as %q", m.String(), again.String())
		}
	})
}
