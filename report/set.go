package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File is one file of a set that [WriteSet] writes: its name in the
// directory, and what to write into it.
type File struct {
	Name  string
	Write func(io.Writer) error
}

// WriteSet writes files into dir, which it creates if need be, so that
// whatever happens each file is either as it was before or complete:
//
//   - each file is written to a temporary file beside it, ".NAME.*.tmp",
//     synced and closed; on any error, or when ctx is done before all are
//     written (an interrupt), the temporary files are removed, every file
//     is left as it was, and the error is returned;
//   - then each temporary file is renamed over its file, one after
//     another. Renames are quick and atomic, so the set is replaced
//     almost at once; ctx is not looked at any more.
//
// A run killed (SIGKILL) while it writes can leave temporary files:
// WriteSet removes those of the files it is about to write first. So two
// runs must not write the same files in one directory at once (their
// reports would be mixed anyway).
func WriteSet(ctx context.Context, dir string, files []File) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot write to %s: %w", dir, err)
	}
	if err := removeStale(dir, files); err != nil {
		return err
	}
	var tmps []string
	defer func() {
		if err != nil {
			for _, t := range tmps {
				os.Remove(t) // already renamed if a later rename failed: no harm
			}
		}
	}()
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("interrupted, nothing written to %s: %w", dir, err)
		}
		tmp, err := writeTemp(filepath.Join(dir, f.Name), f.Write)
		if err != nil {
			return err
		}
		tmps = append(tmps, tmp)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted, nothing written to %s: %w", dir, err)
	}
	for i, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := os.Rename(tmps[i], path); err != nil {
			if fi, serr := os.Stat(path); serr == nil && fi.IsDir() {
				return fmt.Errorf("%s is a directory: cannot replace it with a file", path)
			}
			return err
		}
	}
	return nil
}

// WriteFile writes the file at path through write, as [WriteSet] does,
// making its directory.
func WriteFile(path string, write func(io.Writer) error) error {
	return WriteSet(context.Background(), filepath.Dir(path), []File{{filepath.Base(path), write}})
}

// writeTemp writes a file through write to a new temporary file beside
// path, named ".NAME.*.tmp", and syncs and closes it, readable by all.
// It returns the temporary file's path; on error it removes the file.
func writeTemp(path string, write func(io.Writer) error) (tmp string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// removeStale removes the temporary files that writeTemp made for files in
// dir and that a killed run left: ".NAME.DIGITS.tmp".
func removeStale(dir string, files []File) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		for _, f := range files {
			rest, ok := strings.CutPrefix(e.Name(), "."+f.Name+".")
			digits, ok2 := strings.CutSuffix(rest, ".tmp")
			if ok && ok2 && digits != "" && strings.Trim(digits, "0123456789") == "" && e.Type().IsRegular() {
				if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// CheckDir fails when dir, where output goes, exists and is not a
// directory or cannot be one (it lies under a file), so that a command
// fails before its work rather than after.
func CheckDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("cannot write to %s: %w", dir, err)
	case !fi.IsDir():
		return fmt.Errorf("cannot write to %s: it is a file, not a directory", dir)
	}
	return nil
}

// FileName makes a system's name, which the user chooses (-name), a safe
// file name: letters, digits and . _ + - are kept, anything else becomes
// _, and a name that is empty or starts with a dot gets a leading _, so it
// can never reach outside the output directory.
func FileName(name string) string {
	b := []byte(name)
	for i, c := range b {
		ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '+' || c == '-'
		if !ok {
			b[i] = '_'
		}
	}
	if len(b) == 0 || b[0] == '.' {
		b = append([]byte{'_'}, b...)
	}
	return string(b)
}
