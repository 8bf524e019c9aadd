package gold

import (
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/exbench/exbench/corpus"
)

// ScopeFile is the name of the scope file a gold directory may hold
// beside its mention files: it is the gold's scope (see [ReadScope]),
// not mentions.
const ScopeFile = "scope.csv"

// Files returns the mention files path names: path itself, or, for a
// directory, the .csv files directly inside it, in name order, but for
// its scope file. A directory without one is an error.
func Files(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, corpus.OpenError(path, err)
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	matches, err := filepath.Glob(filepath.Join(path, "*.csv"))
	if err != nil {
		return nil, err
	}
	matches = slices.DeleteFunc(matches, func(p string) bool { return filepath.Base(p) == ScopeFile })
	if len(matches) == 0 {
		return nil, fmt.Errorf("%s: no .csv files in the directory", path)
	}
	slices.Sort(matches)
	return matches, nil
}

// Scan returns the mentions of the mention CSV files at path, a file or
// a directory of them ([Files]), file after file, one row at a time, as
// a [Reader] gives them: a row's problems in its place, the rest read on.
// A file that cannot be opened ends the sequence.
func Scan(path string, opts Options) iter.Seq2[corpus.Mention, error] {
	return func(yield func(corpus.Mention, error) bool) {
		paths, err := Files(path)
		if err != nil {
			yield(corpus.Mention{}, err)
			return
		}
		for _, p := range paths {
			f, err := corpus.OpenFile(p)
			if err != nil {
				yield(corpus.Mention{}, err)
				return
			}
			for m, err := range NewReader(f, p, opts).All() {
				if !yield(m, err) {
					f.Close()
					return
				}
			}
			f.Close()
		}
	}
}

// Format guesses the format of the mention files at path from its name:
// csv, jsonl (.jsonl), conll (.conll, .conllu, .bio, .iob), or, for a
// directory, brat when it holds .ann files, csv when it holds .csv files,
// and brat when it is empty (to write into). It fails for a file of
// another name, and for a directory that holds both .ann and .csv files.
func Format(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv", nil
	case ".jsonl":
		return "jsonl", nil
	case ".conll", ".conllu", ".bio", ".iob":
		return "conll", nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		anns, _ := filepath.Glob(filepath.Join(path, "*.ann"))
		csvs, _ := filepath.Glob(filepath.Join(path, "*.csv"))
		switch {
		case len(anns) > 0 && len(csvs) > 0:
			return "", fmt.Errorf("%s holds both .ann files (brat) and .csv files: cannot tell which is the annotation", path)
		case len(csvs) > 0:
			return "csv", nil
		}
		return "brat", nil // .ann files, or an empty directory to write brat into
	}
	return "", fmt.Errorf("cannot tell the format of %s from its name", path)
}
