package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/exbench/exbench/corpus"
	"github.com/exbench/exbench/gold"
)

// builtin is the value of -corpus that names the bundled corpus.
const builtin = "builtin"

// loadCorpus loads the corpus a -corpus flag names.
func loadCorpus(name string) (*corpus.Corpus, error) {
	if name == builtin {
		return corpus.Builtin(), nil
	}
	return corpus.Load(name)
}

// scopeFile is the name of the scope file a gold directory may hold: it
// is read as the gold's scope (see -scope), not as mentions.
const scopeFile = "scope.csv"

// mentionPaths expands the arguments naming mention files: a directory
// stands for the .csv files directly inside it, in name order, but for
// its scope file.
func mentionPaths(args []string) ([]string, error) {
	var paths []string
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil {
			return nil, brokenLink(arg, err)
		}
		if !fi.IsDir() {
			paths = append(paths, arg)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(arg, "*.csv"))
		if err != nil {
			return nil, err
		}
		matches = slices.DeleteFunc(matches, func(p string) bool { return filepath.Base(p) == scopeFile })
		if len(matches) == 0 {
			return nil, fmt.Errorf("%s: no .csv files in the directory", arg)
		}
		slices.Sort(matches)
		paths = append(paths, matches...)
	}
	return paths, nil
}

// readMentionFiles reads the mention files args name, or the bundled gold
// when args is empty. Problems in single rows come back in errs, with the
// files holding the rows that were read; a file that cannot be read at
// all is left out after its problems are added to errs.
func readMentionFiles(args []string, opts ...gold.Option) ([]*gold.File, gold.Errors, error) {
	if len(args) == 0 {
		return gold.Builtin(), nil, nil
	}
	paths, err := mentionPaths(args)
	if err != nil {
		return nil, nil, err
	}
	var files []*gold.File
	var errs gold.Errors
	for _, p := range paths {
		f, err := gold.ReadFile(p, opts...)
		var ferrs gold.Errors
		switch {
		case err == nil:
		case asErrors(err, &ferrs):
			errs = append(errs, ferrs...)
		default:
			return nil, nil, brokenLink(p, err)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	return files, errs, nil
}

// openFile opens the input file at path, which must be a regular file
// (or a device or pipe), not a directory.
func openFile(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, brokenLink(path, err)
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s: is a directory, want a file", path)
	}
	return f, nil
}

// brokenLink adds "(broken symbolic link)" to err, from opening path, when
// path is a symbolic link to nothing, which "no such file or directory"
// alone does not tell.
func brokenLink(path string, err error) error {
	var pe *fs.PathError
	if fi, lerr := os.Lstat(path); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 && errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w (broken symbolic link)", path, pe.Err)
	}
	return err
}

func asErrors(err error, es *gold.Errors) bool {
	e, ok := err.(gold.Errors)
	if ok {
		*es = e
	}
	return ok
}
