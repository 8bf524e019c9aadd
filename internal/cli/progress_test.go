package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestNoProgress: progress goes to a terminal only, never to a file, a
// pipe or a buffer.
func TestNoProgress(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, stderr := range map[string]io.Writer{"file": f, "pipe": w, "buffer": new(bytes.Buffer)} {
		if p := progress(stderr, "x", 10); p != nil {
			t.Errorf("%s: progress shown", name)
		}
		if p := resampleProgress(stderr, "x"); p != nil {
			t.Errorf("%s: resample progress shown", name)
		}
	}
}
