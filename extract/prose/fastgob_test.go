package prose

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/google/go-cmp/cmp"
	prose "github.com/jdkato/prose/v2"
)

// readBoth reads a model file with encoding/gob into want, and with the
// reader here (through read, which fills got); then it reads a stream of
// two values, which the reader here does not take and encoding/gob
// decodes instead, into got2.
func readBoth[T any](t *testing.T, name string, read func(b []byte) (T, error)) {
	b, err := prose.Asset(name)
	if err != nil {
		t.Fatal(err)
	}
	var want T
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&want); err != nil {
		t.Fatal(err)
	}
	got, err := read(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("%s (-encoding/gob +here):\n%.2000s", name, diff)
	}
	if r := gobValue(b); r.err != nil {
		t.Errorf("%s: the reader here does not take it: %v", name, r.err)
	}
	var two bytes.Buffer
	enc := gob.NewEncoder(&two)
	if err := enc.Encode(want); err != nil {
		t.Fatal(err)
	}
	if err := enc.Encode(want); err != nil {
		t.Fatal(err)
	}
	if r := gobValue(two.Bytes()); r.err == nil {
		t.Errorf("%s: the reader here takes a stream of two values", name)
	}
	got2, err := read(two.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got2); diff != "" {
		t.Errorf("%s, through encoding/gob (-want +got):\n%.2000s", name, diff)
	}
}

// TestGobReaders checks that the model files read here as encoding/gob
// reads them.
func TestGobReaders(t *testing.T) {
	readBoth(t, "model/AveragedPerceptron/weights.gob", func(b []byte) (map[string]map[string]float64, error) {
		out := map[string]map[string]float64{}
		var cur map[string]float64
		n := -1
		err := readTaggerWeights(b, func(size int) { n = size }, func(name string) {
			cur = map[string]float64{}
			out[name] = cur
		}, func(class []byte, w float64) error {
			cur[string(class)] = w
			return nil
		})
		if n != len(out) {
			t.Errorf("size %d, %d features", n, len(out))
		}
		return out, err
	})
	readBoth(t, "model/Maxent/mapping.gob", func(b []byte) (map[string]int, error) {
		out := map[string]int{}
		n := -1
		err := readMapping(b, func(size int) { n = size }, func(key []byte, id int64) error {
			out[string(key)] = int(id)
			return nil
		})
		if n != len(out) {
			t.Errorf("size %d, %d entries", n, len(out))
		}
		return out, err
	})
}

// TestGobReaderNumbers checks the reader's integers and floats against
// encoding/gob's on values of every size.
func TestGobReaderNumbers(t *testing.T) {
	ints := []int{0, 1, -1, 63, 64, -64, -65, 127, 128, 255, 256, -129, 1 << 20, -(1 << 40), 1<<62 + 3, -1 << 63}
	floats := []float64{0, 1, -1, 0.001, -34.39, 17, 1e300, -1e-300, 149575}
	m := map[string]int{}
	for i, v := range ints {
		m[string(rune('a'+i))] = v
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(m); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	if err := readMapping(buf.Bytes(), func(int) {}, func(k []byte, id int64) error {
		got[string(k)] = int(id)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, got); diff != "" {
		t.Errorf("ints (-want +got):\n%s", diff)
	}
	w := map[string]map[string]float64{"f": {}}
	for i, v := range floats {
		w["f"][string(rune('a'+i))] = v
	}
	buf.Reset()
	if err := gob.NewEncoder(&buf).Encode(w); err != nil {
		t.Fatal(err)
	}
	gotw := map[string]map[string]float64{}
	if err := readTaggerWeights(buf.Bytes(), func(int) {}, func(name string) { gotw[name] = map[string]float64{} },
		func(c []byte, v float64) error { gotw["f"][string(c)] = v; return nil }); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(w, gotw); diff != "" {
		t.Errorf("floats (-want +got):\n%s", diff)
	}
}
