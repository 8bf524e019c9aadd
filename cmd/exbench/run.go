package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/extract"
	"github.com/exbench/exbench/gold"
)

const runUsage = `
Usage: exbench run -extractor NAME [-corpus C] [-j N] -o FILE.csv

Run runs an extractor over a corpus and writes its mentions as a mention
CSV (FILE.csv), and a manifest (FILE.json) with the extractor's name and
version, the exbench version, the corpus's fingerprint, and the timings.

The extractors are prose (named entities: PERSON, NORP... as prose's model
tags them), numbers (CARDINAL, ORDINAL, QUANTITY, PERCENT, MONEY with value,
modifier and unit), dates (DATE and TIME), and external (any program: see
the README); names joined by + run together as one system, where
overlapping mentions go to the longer span.

Examples:

	exbench run -extractor numbers -o out/numbers.csv
	exbench run -extractor external -cmd 'python3 my_ner.py' -name spacy-sm -version 3.7 -o out/spacy.csv
`

func runRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", runUsage)
	spec := fs.String("extractor", "", "the extractor: prose, numbers, dates, external, or names joined by +")
	corpusName := fs.String("corpus", builtin, "the corpus: a `dir`ectory of .txt files, a .jsonl file, or builtin")
	out := fs.String("o", "", "write the mentions to `file`.csv and the manifest beside it")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "how many documents to extract at once")
	var x externalFlags
	x.register(fs)
	if err := parseFlags(fs, args, stdout); err != nil {
		return err
	}
	switch {
	case *spec == "":
		return &usageError{"run: -extractor is required"}
	case *out == "" || !strings.HasSuffix(*out, ".csv"):
		return &usageError{"run: -o FILE.csv is required"}
	case *workers < 1:
		return &usageError{"run: -j must be at least 1"}
	case fs.NArg() > 0:
		return &usageError{fmt.Sprintf("run: unexpected argument %q", fs.Arg(0))}
	}
	if err := checkOutDir(filepath.Dir(*out)); err != nil {
		return err
	}
	e, err := newExtractor(*spec, x)
	if err != nil {
		return err
	}
	defer extract.Close(e)
	each := func(fn func(corpus.Doc) error) error { return corpus.Scan(*corpusName, fn) }
	name := filepath.Base(*corpusName)
	if *corpusName == builtin {
		each = func(fn func(corpus.Doc) error) error {
			for _, d := range corpus.Builtin().Docs {
				if err := fn(d); err != nil {
					return err
				}
			}
			return nil
		}
		name = corpus.BuiltinName
	}
	m, err := streamRun(ctx, e, each, name, *workers, *out, stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s %s: %d mentions in %d documents, %.1f docs/s, %.3f MB/s; wrote %s and %s\n",
		m.Extractor, m.Version, m.Mentions, m.Documents, m.DocsPerSecond, m.MBPerSecond, *out, manifestPath(*out))
	return nil
}

// streamRun runs e over the documents each hands out and writes the
// mentions to out as they come, document by document, so memory holds a
// few documents, not the corpus; then the manifest. Both files are
// written atomically.
func streamRun(ctx context.Context, e extract.Extractor, each func(func(corpus.Doc) error) error, corpusName string, workers int, out string, stderr io.Writer) (manifest, error) {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return manifest{}, err
	}
	m := manifest{Extractor: e.Name(), Version: e.Version(), ExbenchVersion: exbenchVersion(), Corpus: corpusName, Workers: workers}
	h := sha256.New()
	progress := progress(stderr, e.Name())
	var start time.Time
	err := writeAtomic(out, func(w io.Writer) error {
		cw := gold.NewWriter(w)
		load, err := extract.Stream(ctx, e, func(fn func(corpus.Doc) error) error {
			start = time.Now()
			return each(fn)
		}, func(d corpus.Doc, ms []corpus.Mention, _ time.Duration) error {
			io.WriteString(h, d.ID)
			h.Write([]byte{0})
			io.WriteString(h, d.Text)
			h.Write([]byte{0})
			m.Documents++
			m.Bytes += int64(len(d.Text))
			m.Mentions += len(ms)
			if progress != nil {
				progress(m.Documents, 0)
			}
			return cw.Write(ms)
		}, extract.Options{Workers: workers})
		m.LoadSeconds = round(load.Seconds())
		if progress != nil {
			progress(-1, 0)
		}
		if err != nil {
			return err
		}
		return cw.Close()
	})
	if err != nil {
		return manifest{}, err
	}
	if err := extract.Close(e); err != nil {
		return manifest{}, err
	}
	wall := time.Since(start).Seconds()
	m.Fingerprint = "sha256:" + hex.EncodeToString(h.Sum(nil))
	m.Workers = min(workers, m.Documents)
	m.WallSeconds = round(wall)
	if wall > 0 {
		m.DocsPerSecond = round(float64(m.Documents) / wall)
		m.MBPerSecond = round(float64(m.Bytes) / 1e6 / wall)
	}
	js, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return manifest{}, err
	}
	return m, writeAtomic(manifestPath(out), func(w io.Writer) error { _, err := w.Write(append(js, '\n')); return err })
}

// manifest records how a prediction file was made.
type manifest struct {
	Extractor      string  `json:"extractor"`
	Version        string  `json:"version"`
	ExbenchVersion string  `json:"exbench_version"`
	Corpus         string  `json:"corpus"`
	Fingerprint    string  `json:"corpus_fingerprint"`
	Documents      int     `json:"documents"`
	Bytes          int64   `json:"bytes"`
	Mentions       int     `json:"mentions"`
	Workers        int     `json:"workers"`
	LoadSeconds    float64 `json:"load_seconds"`
	WallSeconds    float64 `json:"wall_seconds"`
	DocsPerSecond  float64 `json:"docs_per_second"`
	MBPerSecond    float64 `json:"mb_per_second"`
}

func newManifest(r *extract.Result, c *corpus.Corpus, workers int) manifest {
	wall := r.Wall.Seconds()
	m := manifest{
		Extractor: r.Name, Version: r.Version, ExbenchVersion: exbenchVersion(),
		Corpus: filepath.Base(c.Name), Fingerprint: fingerprint(c), Documents: len(c.Docs), Bytes: r.Bytes,
		Mentions: len(r.All()), Workers: min(workers, len(c.Docs)), LoadSeconds: round(r.Load.Seconds()), WallSeconds: round(wall),
	}
	if wall > 0 {
		m.DocsPerSecond = round(float64(len(c.Docs)) / wall)
		m.MBPerSecond = round(float64(r.Bytes) / 1e6 / wall)
	}
	return m
}

// round rounds f to 4 decimals.
func round(f float64) float64 { return math.Round(f*1e4) / 1e4 }

// fingerprint is the SHA-256 of the corpus's IDs and texts, in order, each
// followed by a NUL byte: two corpora with the same fingerprint hold the
// same documents.
func fingerprint(c *corpus.Corpus) string {
	h := sha256.New()
	for _, d := range c.Docs {
		io.WriteString(h, d.ID)
		h.Write([]byte{0})
		io.WriteString(h, d.Text)
		h.Write([]byte{0})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// release is exbench's version; the build adds the VCS revision when it
// recorded one.
const release = "0.1.0"

// exbenchVersion is the release and the VCS revision the binary was built
// from, as far as the build recorded it.
func exbenchVersion() string {
	v := release
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
		if s.Key == "vcs.modified" && s.Value == "true" {
			v += "+modified"
		}
	}
	return v
}

func manifestPath(csvPath string) string { return strings.TrimSuffix(csvPath, ".csv") + ".json" }

// writePredictions writes a run's mentions and its manifest, each
// atomically.
func writePredictions(path string, r *extract.Result, m manifest) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := gold.Write(&buf, r.All()); err != nil {
		return err
	}
	if err := writeAtomic(path, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
		return err
	}
	js, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(manifestPath(path), func(w io.Writer) error { _, err := w.Write(append(js, '\n')); return err })
}

// progress returns a progress callback that keeps one line on stderr up
// to date when stderr is a terminal, and nil otherwise. A total of 0 is
// unknown; done < 0 clears the line.
func progress(stderr io.Writer, name string) func(done, total int) {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		switch {
		case done < 0: // finished
			fmt.Fprint(f, "\r\033[K")
		case total > 0:
			fmt.Fprintf(f, "\r%s: %d/%d documents", name, done, total)
		default:
			fmt.Fprintf(f, "\r%s: %d documents", name, done)
		}
		if total > 0 && done == total {
			fmt.Fprint(f, "\r\033[K")
		}
	}
}
