package corpus

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A LabelMap renames labels as mentions are read, so that a system that
// speaks another label set (CoNLL-2003's PER, LOC, ORG, MISC; prose's
// ORGANIZATION) is scored in the gold's OntoNotes labels. Each label maps
// to an OntoNotes label or to "-", which drops its mentions; a label the
// map does not name is kept as it is.
//
// The built-in maps are:
//
//	conll2003   PER=PERSON, LOC=GPE, ORG=ORG, MISC=-
//	prose       PERSON=PERSON, GPE=GPE, GSP=GPE, ORGANIZATION=ORG, LOCATION=LOC, FACILITY=FAC
//
// CoNLL-2003's LOC holds countries and cities (GPE in OntoNotes) as well as
// mountains and rivers (LOC); most are GPE in news, so it maps there and
// the rest count as errors of type. Its MISC (nationalities, events,
// works) has no single OntoNotes label and is dropped: score the other
// labels with -labels to leave them out of the gold too. The prose map is
// the one exbench's prose extractor applies, for prose output made
// elsewhere.
type LabelMap struct {
	Name string // where the map came from: a built-in name, a file, or the inline text
	to   map[string]Label
}

// NewLabelMap returns an empty map named name; [LabelMap.Add] fills it.
func NewLabelMap(name string) *LabelMap { return &LabelMap{Name: name, to: map[string]Label{}} }

// Drop is the label a map sends a label to so that its mentions are dropped.
const Drop Label = "-"

var builtinMaps = map[string]string{
	"conll2003": "PER=PERSON,LOC=GPE,ORG=ORG,MISC=-",
	"prose":     "PERSON=PERSON,GPE=GPE,GSP=GPE,ORGANIZATION=ORG,LOCATION=LOC,FACILITY=FAC",
}

// BuiltinLabelMaps lists the names of the built-in maps.
func BuiltinLabelMaps() []string {
	var names []string
	for n := range builtinMaps {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// ParseLabelMap parses a map given on the command line: the name of a
// built-in map, or FROM=TO pairs separated by commas
// ("PER=PERSON,MISC=-").
func ParseLabelMap(spec string) (*LabelMap, error) {
	name := spec
	if b, ok := builtinMaps[spec]; ok {
		spec = b
	} else if !strings.Contains(spec, "=") {
		return nil, fmt.Errorf("label map %q: not a built-in map (%s) and not FROM=TO pairs", spec, strings.Join(BuiltinLabelMaps(), ", "))
	}
	m := NewLabelMap(name)
	for i, pair := range strings.Split(spec, ",") {
		from, to, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok {
			return nil, fmt.Errorf("label map %q: pair %d, %q: want FROM=TO", name, i+1, pair)
		}
		if err := m.Add(strings.TrimSpace(from), strings.TrimSpace(to)); err != nil {
			return nil, fmt.Errorf("label map %q: pair %d: %w", name, i+1, err)
		}
	}
	return m, nil
}

// Add maps the label from to the label to: an OntoNotes label, or "-"
// to drop its mentions.
func (m *LabelMap) Add(from, to string) error {
	if from == "" {
		return errors.New("empty label to map from")
	}
	if _, dup := m.to[from]; dup {
		return fmt.Errorf("%s is mapped twice", from)
	}
	l, ok := ParseLabel(to)
	switch {
	case to == string(Drop):
		l = Drop
	case !ok:
		return fmt.Errorf("%s=%s: %s is not an OntoNotes label (or - to drop)", from, to, Quote(to))
	}
	m.to[from] = l
	return nil
}

// Map returns the label that label maps to, and false when its mentions
// are dropped. A nil map keeps every label.
func (m *LabelMap) Map(label string) (string, bool) {
	if m == nil {
		return label, true
	}
	to, ok := m.to[label]
	switch {
	case !ok:
		return label, true
	case to == Drop:
		return "", false
	}
	return string(to), true
}

// Apply maps the labels of ms, dropping the mentions whose label maps to
// "-", and returns what is left (in ms's memory).
func (m *LabelMap) Apply(ms []Mention) []Mention {
	out := ms[:0]
	for _, x := range ms {
		if l, keep := m.Map(string(x.Label)); keep {
			x.Label = Label(l)
			out = append(out, x)
		}
	}
	return out
}

// String formats the map as its sorted FROM=TO pairs.
func (m *LabelMap) String() string {
	if m == nil {
		return ""
	}
	var pairs []string
	for from, to := range m.to {
		pairs = append(pairs, from+"="+string(to))
	}
	slices.Sort(pairs)
	return strings.Join(pairs, ",")
}
