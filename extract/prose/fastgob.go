package prose

import (
	"bytes"
	"encoding/gob"
	"errors"
	"maps"
	"math"
	"math/bits"
	"slices"
)

// prose's two large model files, the tagger's weights (a
// map[string]map[string]float64) and the classifier's feature ids (a
// map[string]int), are read here straight from their gob streams: the
// loader needs each entry once, in any order, and decoding them into Go
// maps first (as encoding/gob does) was most of the loading time. The
// format is encoding/gob's, as its documentation describes it: messages of
// a byte count and a type id, type definitions (negative ids) before the
// value, the top-level value after a zero "singleton" delta, unsigned
// integers in one byte below 128 or as a negated byte count and big-endian
// bytes, signed ones with the sign in bit 0, floats as byte-reversed
// unsigned integers, strings and maps as a count and their contents. A
// stream that does not read so is decoded by encoding/gob instead; the
// tests check that both read the same entries.

var errGob = errors.New("not the gob stream expected")

// gobReader reads gob-encoded items from b.
type gobReader struct {
	b   []byte
	err error
}

func (r *gobReader) fail() {
	if r.err == nil {
		r.err = errGob
	}
	r.b = nil
}

func (r *gobReader) uint() uint64 {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	if c < 0x80 {
		r.b = r.b[1:]
		return uint64(c)
	}
	n := int(-int8(c))
	if n < 1 || n > 8 || len(r.b) < 1+n {
		r.fail()
		return 0
	}
	var x uint64
	for _, d := range r.b[1 : 1+n] {
		x = x<<8 | uint64(d)
	}
	r.b = r.b[1+n:]
	return x
}

func (r *gobReader) int() int64 {
	u := r.uint()
	if u&1 != 0 {
		return ^int64(u >> 1)
	}
	return int64(u >> 1)
}

func (r *gobReader) float() float64 {
	return math.Float64frombits(bits.ReverseBytes64(r.uint()))
}

// count reads a count of items of at least one byte each.
func (r *gobReader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *gobReader) bytes() []byte {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

// gobValue returns a reader of the first value of the gob stream b, and
// checks that nothing follows it.
func gobValue(b []byte) *gobReader {
	s := &gobReader{b: b}
	for len(s.b) > 0 && s.err == nil {
		msg := s.bytes()
		r := &gobReader{b: msg}
		if id := r.int(); id < 0 {
			continue // a type definition
		} else if id < 64 || r.uint() != 0 {
			break // not a type of its own, or not a singleton
		}
		if s.err == nil && len(s.b) == 0 {
			return r
		}
		break
	}
	return &gobReader{err: errGob}
}

// readTaggerWeights calls feature for each feature of the tagger's
// weights.gob (a map[string]map[string]float64) and then weight for each
// of its weights. size is told the number of features first.
func readTaggerWeights(b []byte, size func(n int), feature func(name string), weight func(class []byte, w float64) error) error {
	walk := func(r *gobReader, calls bool) error {
		n := r.count()
		if calls {
			size(n)
		}
		for range n {
			name := r.bytes()
			if calls {
				feature(string(name))
			}
			for range r.count() {
				class := r.bytes()
				w := r.float()
				if calls && r.err == nil {
					if err := weight(class, w); err != nil {
						return err
					}
				}
			}
		}
		if r.err == nil && len(r.b) != 0 {
			r.fail()
		}
		return r.err
	}
	if walk(gobValue(b), false) == nil {
		return walk(gobValue(b), true)
	}
	var weights map[string]map[string]float64
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&weights); err != nil {
		return err
	}
	size(len(weights))
	for _, f := range slices.Sorted(maps.Keys(weights)) {
		feature(f)
		for _, c := range slices.Sorted(maps.Keys(weights[f])) {
			if err := weight([]byte(c), weights[f][c]); err != nil {
				return err
			}
		}
	}
	return nil
}

// readMapping calls entry for each entry of the classifier's mapping.gob
// (a map[string]int). size is told the number of entries first.
func readMapping(b []byte, size func(n int), entry func(key []byte, id int64) error) error {
	walk := func(r *gobReader, calls bool) error {
		n := r.count()
		if calls {
			size(n)
		}
		for range n {
			key := r.bytes()
			id := r.int()
			if calls && r.err == nil {
				if err := entry(key, id); err != nil {
					return err
				}
			}
		}
		if r.err == nil && len(r.b) != 0 {
			r.fail()
		}
		return r.err
	}
	if walk(gobValue(b), false) == nil {
		return walk(gobValue(b), true)
	}
	var mapping map[string]int
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&mapping); err != nil {
		return err
	}
	size(len(mapping))
	for _, k := range slices.Sorted(maps.Keys(mapping)) {
		if err := entry([]byte(k), int64(mapping[k])); err != nil {
			return err
		}
	}
	return nil
}
