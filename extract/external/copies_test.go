package external

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/extract"
	"github.com/exbench/exbench/internal/marks"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// shellFake returns an extractor running fakener in mode with the
// environment env (NAME=VALUE words) through sh -c.
func shellFake(t testing.TB, mode, env string, cfg Config) *Extractor {
	t.Helper()
	cfg.Command = env + " exec " + shellQuote(fakener(t)) + " " + mode
	cfg.Shell = true
	cfg.Name = "fakener"
	x, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// TestCopies runs four copies that each answer only once all four run
// at once (mode meet), so the test ends only if the copies serve
// documents in parallel; the answers still come in corpus order.
func TestCopies(t *testing.T) {
	dir := t.TempDir()
	x := shellFake(t, "meet", "FAKENER_DIR="+shellQuote(dir)+" FAKENER_COPIES=4", Config{Copies: 4, Timeout: 20 * time.Second})
	if x.Copies() != 4 {
		t.Errorf("Copies() = %d, want 4", x.Copies())
	}
	var docs []corpus.Doc
	var want [][]corpus.Mention
	for i := range 3 {
		for _, tc := range capitalisedCases {
			id := tc.id + strings.Repeat("+", i)
			text, ms := marks.MustParse(id, tc.marked)
			docs = append(docs, corpus.Doc{ID: id, Text: text})
			want = append(want, ms)
		}
	}
	c, err := corpus.New("copies", docs)
	if err != nil {
		t.Fatal(err)
	}
	r, err := extract.Run(context.Background(), x, c, extract.Options{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, r.Mentions, cmpMentions, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(corpus.Mention{}, "Score", "HasScore")); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 4 {
		t.Errorf("%d copies started, want 4", len(entries))
	}
	if err := x.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

// TestReady checks the handshake: Load waits for {"ready": true} up to
// the load timeout, which is apart from the per-document timeout.
func TestReady(t *testing.T) {
	ctx := context.Background()
	doc := corpus.Doc{ID: "d1", Text: "Ada met Bob"}
	t.Run("loads longer than the timeout", func(t *testing.T) {
		x := shellFake(t, "ready", "FAKENER_DELAY=300ms", Config{Copies: 2, Ready: true, Timeout: 100 * time.Millisecond, LoadTimeout: 20 * time.Second})
		if err := x.Load(); err != nil {
			t.Fatalf("Load: %v", err)
		}
		ms, err := x.Extract(ctx, doc)
		if err != nil || len(ms) != 2 {
			t.Fatalf("Extract = %v, %v; want two mentions", ms, err)
		}
	})
	t.Run("handshake without Ready", func(t *testing.T) {
		x := shellFake(t, "ready", "FAKENER_DELAY=300ms", Config{Timeout: 100 * time.Millisecond, LoadTimeout: 20 * time.Second})
		for range 2 {
			if ms, err := x.Extract(ctx, doc); err != nil || len(ms) != 2 {
				t.Fatalf("Extract = %v, %v; want two mentions", ms, err)
			}
		}
	})
	for _, tc := range []struct {
		mode, env string
		load      time.Duration
		is        error
		want      string
	}{
		{"ready", "FAKENER_DELAY=10s", 200 * time.Millisecond, ErrTimeout, `external fakener: did not say {"ready": true} within the load timeout, 200ms`},
		{"not-ready", "", 20 * time.Second, ErrOutput, `external fakener: stdout line 1: first line "{\"ready\": false}", but the program was to say {"ready": true} once loaded`},
		{"exit", "", 20 * time.Second, ErrExited, `external fakener: exited with status 3 before it was ready; its stderr:` + "\nloading"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			x := shellFake(t, tc.mode, tc.env, Config{Ready: true, LoadTimeout: tc.load})
			if tc.mode == "exit" {
				var err error
				x, err = New(Config{Command: "echo loading >&2; exit 3", Shell: true, Name: "fakener", Ready: true})
				if err != nil {
					t.Fatal(err)
				}
			}
			err := x.Load()
			if !errors.Is(err, tc.is) || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("Load() = %v, want %v starting %q", err, tc.is, tc.want)
			}
			if _, err2 := x.Extract(ctx, doc); err2 == nil || err2.Error() != err.Error() {
				t.Errorf("Extract after a failed Load = %v, want the same error", err2)
			}
		})
	}
}

// TestLabelMap checks that with a label map the program's own labels are
// accepted, kept, and checked against the map.
func TestLabelMap(t *testing.T) {
	ctx := context.Background()
	doc := corpus.Doc{ID: "d1", Text: "Ada met Bob"}
	conll, err := corpus.ParseLabelMap("conll2003")
	if err != nil {
		t.Fatal(err)
	}
	x := shellFake(t, "badlabel", "", Config{Map: conll})
	ms, err := x.Extract(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].Label != "PER" || ms[1].Label != "PER" {
		t.Errorf("Extract = %v, want two mentions labelled PER, as the program says", ms)
	}
	other, err := corpus.ParseLabelMap("ORG=GPE")
	if err != nil {
		t.Fatal(err)
	}
	x = shellFake(t, "badlabel", "", Config{Map: other})
	_, err = x.Extract(ctx, doc)
	want := `mentions[0]: label: unknown label "PER": neither an OntoNotes label nor one the label map (ORG=GPE) maps to one`
	if !errors.Is(err, ErrMention) || !strings.Contains(err.Error(), want) {
		t.Errorf("Extract with a map that does not know PER: %v, want %q", err, want)
	}
}

// BenchmarkCopies runs 10 documents through a program that takes 0.2 s
// over each, with 1, 2 and 4 copies (and as many workers): the time per
// run falls with the copies, starting them included.
func BenchmarkCopies(b *testing.B) {
	var docs []corpus.Doc
	for i := range 10 {
		docs = append(docs, corpus.Doc{ID: strings.Repeat("d", i+1), Text: "Ada met Bob in Zürich"})
	}
	c, err := corpus.New("bench", docs)
	if err != nil {
		b.Fatal(err)
	}
	for _, copies := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("copies=%d", copies), func(b *testing.B) {
			for b.Loop() {
				x := shellFake(b, "slow", "FAKENER_DELAY=200ms", Config{Copies: copies})
				if _, err := extract.Run(context.Background(), x, c, extract.Options{Workers: copies}); err != nil {
					b.Fatal(err)
				}
				if err := x.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// TestBatch sends batches of 3 documents to each of two copies that
// read batch lines only: 7 documents go as batches of 3, 3 and 1, and
// their answers come back in corpus order.
func TestBatch(t *testing.T) {
	dir := t.TempDir()
	x := shellFake(t, "batch", "FAKENER_DIR="+shellQuote(dir), Config{Copies: 2, Batch: 3, Timeout: 20 * time.Second})
	if x.BatchSize() != 3 {
		t.Errorf("BatchSize() = %d, want 3", x.BatchSize())
	}
	var docs []corpus.Doc
	var want [][]corpus.Mention
	for i := range 7 {
		tc := capitalisedCases[i%len(capitalisedCases)]
		id := fmt.Sprintf("%s%d", tc.id, i)
		text, ms := marks.MustParse(id, tc.marked)
		docs = append(docs, corpus.Doc{ID: id, Text: text})
		want = append(want, ms)
	}
	c, err := corpus.New("batch", docs)
	if err != nil {
		t.Fatal(err)
	}
	r, err := extract.Run(context.Background(), x, c, extract.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, r.Mentions, cmpMentions, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(corpus.Mention{}, "Score", "HasScore")); diff != "" {
		t.Errorf("mentions (-want +got):\n%s", diff)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "sizes"))
	if err != nil {
		t.Fatal(err)
	}
	sizes := strings.Fields(string(data))
	slices.Sort(sizes)
	if fmt.Sprint(sizes) != "[1 3 3]" {
		t.Errorf("batch sizes %v, want 3, 3 and 1", sizes)
	}
}
