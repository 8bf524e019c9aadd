package gold

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
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
	to   map[string]corpus.Label
}

// Drop is the label a map sends a label to so that its mentions are dropped.
const Drop corpus.Label = "-"

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
	m := &LabelMap{Name: name, to: map[string]corpus.Label{}}
	for i, pair := range strings.Split(spec, ",") {
		from, to, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok {
			return nil, fmt.Errorf("label map %q: pair %d, %q: want FROM=TO", name, i+1, pair)
		}
		if err := m.add(strings.TrimSpace(from), strings.TrimSpace(to)); err != nil {
			return nil, fmt.Errorf("label map %q: pair %d: %w", name, i+1, err)
		}
	}
	return m, nil
}

// ReadLabelMap reads a map from a CSV file with the header from,to.
// Problems carry the file and line.
func ReadLabelMap(path string) (*LabelMap, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = 2
	m := &LabelMap{Name: path, to: map[string]corpus.Label{}}
	for first := true; ; first = false {
		rec, err := cr.Read()
		line, _ := cr.FieldPos(0)
		if errors.Is(err, io.EOF) {
			if first {
				return nil, fmt.Errorf("%s:1:1: empty file: want a header row from,to", path)
			}
			return m, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if first {
			if strings.TrimPrefix(rec[0], "\ufeff") != "from" || rec[1] != "to" {
				return nil, fmt.Errorf("%s:1:1: header: want from,to, got %s", path, strings.Join(rec, ","))
			}
			continue
		}
		if err := m.add(rec[0], rec[1]); err != nil {
			return nil, fmt.Errorf("%s:%d:1: %w", path, line, err)
		}
	}
}

func (m *LabelMap) add(from, to string) error {
	if from == "" {
		return errors.New("empty label to map from")
	}
	if _, dup := m.to[from]; dup {
		return fmt.Errorf("%s is mapped twice", from)
	}
	l, ok := corpus.ParseLabel(to)
	switch {
	case to == string(Drop):
		l = Drop
	case !ok:
		return fmt.Errorf("%s=%s: %s is not an OntoNotes label (or - to drop)", from, to, quote(to))
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
func (m *LabelMap) Apply(ms []corpus.Mention) []corpus.Mention {
	out := ms[:0]
	for _, x := range ms {
		if l, keep := m.Map(string(x.Label)); keep {
			x.Label = corpus.Label(l)
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

// An Option changes how mentions are read.
type Option func(*options)

type options struct {
	labels *LabelMap
}

// WithLabelMap maps labels as they are read: before they are checked, so
// that a label the map renames need not be an OntoNotes label.
func WithLabelMap(m *LabelMap) Option { return func(o *options) { o.labels = m } }

func optionsOf(opts []Option) options {
	var o options
	for _, f := range opts {
		f(&o)
	}
	return o
}
