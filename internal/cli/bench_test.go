package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/exbench/exbench/internal/synth"
)

// BenchmarkScoreCoNLL runs 'exbench score -conll' in process on a
// synthetic file the size of CoNLL-2003's test set (46,435 tokens).
func BenchmarkScoreCoNLL(b *testing.B) {
	path := filepath.Join(b.TempDir(), "test.conll")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := synth.CoNLL(f, 46435, 1); err != nil {
		b.Fatal(err)
	}
	f.Close()
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		if err := run(context.Background(), []string{"score", "-conll", path}, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
