package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
)

// remote reports whether p names a file of another file system than the
// local one (gs://, s3://, ...).
func remote(p string) bool { return strings.Contains(p, "://") }

// hasGlob reports whether p is a pattern.
func hasGlob(p string) bool { return strings.ContainsAny(p, "*?[") }

// join joins a directory and a name, on any file system.
func join(dir, name string) string {
	if remote(dir) {
		return strings.TrimSuffix(dir, "/") + "/" + name
	}
	return filepath.Join(dir, name)
}

// base returns the last element of p.
func base(p string) string {
	if remote(p) {
		return path.Base(p)
	}
	return filepath.Base(p)
}

// list returns the files pattern names, sorted by name: a glob, or one
// file. None is an error.
func list(ctx context.Context, pattern string) ([]string, error) {
	fs, err := filesystem.New(ctx, pattern)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	files, err := fs.List(ctx, pattern)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pattern, err)
	}
	if !remote(pattern) {
		files = slices.DeleteFunc(files, func(f string) bool {
			fi, err := os.Stat(f)
			return err == nil && fi.IsDir()
		})
	}
	if len(files) == 0 {
		if !hasGlob(pattern) {
			if _, err := os.Stat(pattern); err != nil && !remote(pattern) {
				return nil, fmt.Errorf("%s: no such file", pattern)
			}
		}
		return nil, fmt.Errorf("%s: no file matches", pattern)
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

// openRead opens the file p for reading.
func openRead(ctx context.Context, p string) (io.ReadCloser, error) {
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	return fs.OpenRead(ctx, p)
}

// create creates the file p, and the directories it needs; closing it
// commits it.
func create(ctx context.Context, p string) (io.WriteCloser, error) {
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return nil, err
	}
	defer fs.Close()
	return fs.OpenWrite(ctx, p)
}

// writeFile writes the file p with what write writes.
func writeFile(ctx context.Context, p string, write func(io.Writer) error) error {
	w, err := create(ctx, p)
	if err != nil {
		return err
	}
	err = write(w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	return nil
}

// localCopy returns a local path of the file p: p itself when it is
// local, else a temporary copy, which done removes.
func localCopy(ctx context.Context, p, pattern string) (local string, done func(), err error) {
	if !remote(p) {
		return p, func() {}, nil
	}
	r, err := openRead(ctx, p)
	if err != nil {
		return "", nil, err
	}
	defer r.Close()
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return "", nil, err
	}
	done = func() { os.Remove(f.Name()) }
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		done()
		return "", nil, fmt.Errorf("%s: %w", p, err)
	}
	return f.Name(), done, nil
}
