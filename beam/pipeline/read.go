package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
	"github.com/exbench/exbench/internal/cli"
)

// readCorpusFn reads one JSONL file of the corpus with the core's reader
// (corpus.Scan: every check exbench makes), and gives each document the
// position fileIndex<<32 | line, which orders the documents of the
// files, sorted by name, as one corpus of them all, in that order.
type readCorpusFn struct {
	MaxDocBytes int64
}

func (f *readCorpusFn) ProcessElement(ctx context.Context, ref fileRef, emit func(string, item), emitProblem func(problem)) error {
	local, done, err := localCopy(ctx, ref.Path, "exbench-corpus-*.jsonl")
	if err != nil {
		emitProblem(problem{Kind: probCorpus, Rank: ref.Index, File: ref.Path, Msg: err.Error()})
		return nil
	}
	defer done()
	lines, err := newLineTracker(local)
	if err != nil {
		emitProblem(problem{Kind: probCorpus, Rank: ref.Index, File: ref.Path, Msg: err.Error()})
		return nil
	}
	defer lines.close()
	ranks := map[string]int{ref.Path: ref.Index}
	for d, err := range (corpus.Options{MaxDocBytes: f.MaxDocBytes}).Scan(local) {
		if err != nil {
			if errors.Is(err, corpus.ErrNoDocs) {
				continue // an empty shard of the corpus
			}
			var ps corpus.Problems
			if !ps.Add(err) {
				msg := strings.ReplaceAll(err.Error(), local, ref.Path)
				emitProblem(problem{Kind: probCorpus, Rank: ref.Index, File: ref.Path, Msg: msg})
				continue
			}
			for _, p := range ps {
				if p.File == local {
					p.File = ref.Path
				}
				if p.Line > 0 {
					if err := lines.skipTo(p.Line); err != nil {
						return err
					}
				}
				emitProblem(fromProblem(probCorpus, p, ranks))
			}
			continue
		}
		line, err := lines.next()
		if err != nil {
			return fmt.Errorf("%s: %w", ref.Path, err)
		}
		emit(d.ID, item{Kind: kindDoc, Seq: int64(ref.Index)<<32 | int64(line), File: ref.Index, Line: line, Text: d.Text})
	}
	return nil
}

// lineTracker follows the lines of a JSONL file as corpus.Scan reads
// it, to tell the line of each document Scan gives (Scan skips blank
// lines, and gives a problem with its line in place of a bad one).
type lineTracker struct {
	f    *os.File
	br   *bufio.Reader
	line int // lines read
}

func newLineTracker(path string) (*lineTracker, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 1<<16)
	if bom, _ := br.Peek(3); string(bom) == "\ufeff" {
		br.Discard(3)
	}
	return &lineTracker{f: f, br: br}, nil
}

func (t *lineTracker) close() { t.f.Close() }

// read reads a line and reports whether it is blank.
func (t *lineTracker) read() (blank bool, err error) {
	blank = true
	n := 0
	for {
		chunk, err := t.br.ReadSlice('\n')
		n += len(chunk)
		if len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && n > 0 {
			err = nil
		}
		if err != nil {
			return false, err
		}
		t.line++
		return blank, nil
	}
}

// next returns the line of the next document: the next line that is not
// blank.
func (t *lineTracker) next() (int, error) {
	for {
		blank, err := t.read()
		if err != nil {
			return 0, fmt.Errorf("line %d: %w", t.line+1, err)
		}
		if !blank {
			return t.line, nil
		}
	}
}

// skipTo reads up to line n, which a problem was about.
func (t *lineTracker) skipTo(n int) error {
	for t.line < n {
		if _, err := t.read(); err != nil {
			return fmt.Errorf("line %d: %w", t.line+1, err)
		}
	}
	return nil
}

// readMentionsFn reads one mention CSV (or, for the path builtin, the
// bundled gold) with the core's reader, as exbench score reads -gold and
// -pred, and keys each mention by its document. Problems in the gold are
// the driver's to report (it reads the gold whole first, for its
// fingerprint); problems in predictions are reported from here.
type readMentionsFn struct {
	Ranks map[string]int
}

func (f *readMentionsFn) ProcessElement(ctx context.Context, ref fileRef, emit func(string, item), emitProblem func(problem)) error {
	if ref.Path == cli.Builtin {
		for i, m := range gold.Builtin() {
			emit(m.DocID, item{Kind: kindMention, Role: ref.Role, Seq: int64(i), M: m})
		}
		return nil
	}
	var r io.ReadCloser
	var err error
	if remote(ref.Path) {
		r, err = openRead(ctx, ref.Path)
	} else {
		r, err = corpus.OpenFile(ref.Path)
	}
	if err != nil {
		return err
	}
	defer r.Close()
	for m, err := range gold.NewReader(r, ref.Path, gold.Options{AnyLabel: true}).All() {
		if err != nil {
			var ps corpus.Problems
			if !ps.Add(err) {
				return fmt.Errorf("%s: %w", ref.Path, err)
			}
			if ref.Role != roleGold {
				for _, p := range ps {
					emitProblem(fromProblem(probInput, p, f.Ranks))
				}
			}
			continue
		}
		emit(m.DocID, item{Kind: kindMention, Role: ref.Role, Seq: int64(ref.Index)<<32 | int64(m.Source.Line), M: m})
	}
	return nil
}

// readScopeFn reads the scope file and keys each region by its document.
// The driver has read it already, and reported its problems.
type readScopeFn struct{}

func (f *readScopeFn) ProcessElement(ctx context.Context, ref fileRef, emit func(string, item)) error {
	r, err := openRead(ctx, ref.Path)
	if err != nil {
		return err
	}
	defer r.Close()
	regions, err := gold.ReadScope(r, ref.Path)
	if err != nil {
		return err
	}
	for i, reg := range regions {
		emit(reg.DocID, item{Kind: kindRegion, Seq: int64(i), R: reg})
	}
	return nil
}
