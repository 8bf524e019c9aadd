package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// File is one file of a set that [WriteSet] writes: its name in the
// directory, and what to write into it.
type File struct {
	Name  string
	Write func(io.Writer) error
}

// WriteSet writes files into dir, which it creates if need be, as one
// set: whatever happens, either every file is new or every file is as it
// was.
//
//   - Writers of one directory take turns: each holds a lock on dir while
//     it writes (flock, where the system has it), which the system drops
//     if the process dies, and a run waits for the one before it (or for
//     ctx).
//   - Every file's place is checked first: a directory where a file goes
//     fails the set before anything is written.
//   - Each file is written to a temporary file beside it, ".NAME.*.tmp",
//     synced and closed; on any error, or when ctx is done before all are
//     written (an interrupt), the temporary files are removed and the error
//     returned.
//   - Then each file is moved aside (".NAME.old") and its new version
//     renamed into its place, one after another; if a rename fails, the
//     files already replaced are put back. Renames are quick and atomic,
//     so the set changes almost at once; ctx is not looked at any more.
//
// A name may hold a directory below dir ("predictions/a.csv"). A run
// killed (SIGKILL) while it writes can leave temporary files: the next
// run that writes the same files removes them.
func WriteSet(ctx context.Context, dir string, files []File) (err error) {
	for _, f := range files {
		if !filepath.IsLocal(f.Name) {
			return fmt.Errorf("report: %q is not a file name inside the output directory", f.Name)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot write to %s: %w", dir, err)
	}
	unlock, err := lockDir(ctx, dir)
	if err != nil {
		return err
	}
	defer unlock()
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			return fmt.Errorf("%s is a directory: cannot replace it with a file", path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("cannot write to %s: %w", filepath.Dir(path), err)
		}
		if err := removeStale(path); err != nil {
			return err
		}
	}
	var tmps []string
	defer func() {
		for _, t := range tmps {
			os.Remove(t) // renamed already if all went well: no harm
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
	return commit(dir, files, tmps)
}

// commit renames each temporary file over its file, keeping the old one
// aside until all are in place, and puts the old ones back if a rename
// fails.
func commit(dir string, files []File, tmps []string) error {
	type moved struct{ path, old string }
	var done []moved
	undo := func() {
		for _, m := range slices.Backward(done) {
			if m.old != "" {
				os.Rename(m.old, m.path)
			} else {
				os.Remove(m.path)
			}
		}
	}
	for i, f := range files {
		path := filepath.Join(dir, f.Name)
		m := moved{path: path}
		if _, err := os.Lstat(path); err == nil {
			m.old = oldName(path)
			if err := os.Rename(path, m.old); err != nil {
				undo()
				return err
			}
		}
		if err := os.Rename(tmps[i], path); err != nil {
			if m.old != "" {
				os.Rename(m.old, path)
			}
			undo()
			return err
		}
		done = append(done, m)
	}
	for _, m := range done {
		if m.old != "" {
			os.Remove(m.old)
		}
	}
	return nil
}

// oldName is where a file waits while its new version takes its place.
func oldName(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".old")
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
		return "", err
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

// removeStale removes what a killed run left of the file at path: its
// temporary files, ".NAME.DIGITS.tmp", and an old version moved aside,
// ".NAME.old".
func removeStale(path string) error {
	dir, name := filepath.Dir(path), filepath.Base(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), "."+name+".")
		digits, ok2 := strings.CutSuffix(rest, ".tmp")
		stale := ok && ok2 && digits != "" && strings.Trim(digits, "0123456789") == "" || e.Name() == "."+name+".old"
		if stale && e.Type().IsRegular() {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
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
