package gold

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// ReadLabelMap reads a map from a CSV file with the header from,to.
// Problems carry the file and line.
func ReadLabelMap(path string) (*corpus.LabelMap, error) {
	f, err := corpus.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = 2
	m := corpus.NewLabelMap(path)
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
		if err := m.Add(rec[0], rec[1]); err != nil {
			return nil, fmt.Errorf("%s:%d:1: %w", path, line, err)
		}
	}
}

// Options says how mentions are read. The zero Options checks each
// mention with [corpus.CheckFields] as it is read.
type Options struct {
	// AnyLabel takes labels as written, whatever they are, and leaves the
	// checks that depend on a mention's label to the caller: one that
	// maps labels first, as eval does, and then calls
	// [corpus.CheckFields].
	AnyLabel bool
}

// Check checks m with [corpus.CheckFields], unless o.AnyLabel.
func (o Options) Check(m *corpus.Mention) corpus.Problems {
	if o.AnyLabel {
		return nil
	}
	return corpus.CheckFields(m)
}
